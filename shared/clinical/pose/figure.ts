/**
 * The figure: a skeleton dressed in volume. Every body part is the outline of a few spheres
 * (a thigh is a hip ball and a knee ball, a foot is heel, ball and toe), seen from the side along
 * the z axis, so limbs taper and round off at the joints without any artist's help.
 *
 * Parts are painted far to near by depth; the far side of the body is a darker shade so crossing
 * limbs read apart. The end position uses a light fill and a dashed outline, so start and end
 * differ in line style and not in colour alone.
 */
import type { PaletteColor, Point, Shape } from '../../drawing/drawing';
import { hullOfCircles } from '../../drawing/geometry';
import type { Side, Skeleton } from './pose';
import { sided, SIDES } from './pose';
import type { Frame, Vec3 } from './vector';
import { add, cross, dot, local, normalise, scale, sub } from './vector';

export type FigureRole = 'start' | 'end';

export interface Projection {
  /** World centimetres to drawing units. */
  readonly toDrawing: (v: Vec3) => Point;
  /** Drawing units per centimetre. */
  readonly scale: number;
}

interface Sphere {
  readonly center: Vec3;
  readonly radius: number;
}

/** A part is one or more sphere hulls painted as a single silhouette. */
interface Part {
  readonly hulls: readonly (readonly Sphere[])[];
}

interface Group {
  readonly depth: number;
  readonly far: boolean;
  readonly parts: readonly Part[];
}

const OUTLINE = 2.4;
const DASH: readonly [number, number] = [5, 3.5];

const STYLES: Record<
  FigureRole,
  { near: PaletteColor; far: PaletteColor; ink: PaletteColor; dash?: readonly [number, number] }
> = {
  start: { near: 'figure', far: 'figureFar', ink: 'ink' },
  end: { near: 'ghost', far: 'ghostFar', ink: 'ghostInk', dash: DASH },
};

function sphere(center: Vec3, radius: number): Sphere {
  return { center, radius };
}

/** Spheres around an ellipse lying across a segment: a slice of the torso. */
function section(
  origin: Vec3,
  frame: Frame,
  up: number,
  frontOffset: number,
  halfDepth: number,
  halfWidth: number,
  rounding: number,
): Sphere[] {
  const out: Sphere[] = [];
  const n = 14;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const front = frontOffset + Math.cos(a) * (halfDepth - rounding);
    const right = Math.sin(a) * (halfWidth - rounding);
    out.push(sphere(local(origin, frame, front, up, right), rounding));
  }
  return out;
}

function legGroup(sk: Skeleton, side: Side): Part[] {
  const j = sk.joints;
  const f = sk.frames[side];
  const hip = j[sided(side, 'Hip')];
  const knee = j[sided(side, 'Knee')];
  const ankle = j[sided(side, 'Ankle')];
  return [
    { hulls: [[sphere(hip, 9.5), sphere(local(hip, f.thigh, 1.5, -16, 0), 8.8), sphere(knee, 6.3)]] },
    { hulls: [[sphere(knee, 6), sphere(local(knee, f.shin, -2.4, -12, 0), 6.8), sphere(ankle, 4)]] },
    {
      hulls: [
        [
          sphere(ankle, 3.8),
          sphere(local(ankle, f.foot, -sk.body.heelBack + 1, -sk.body.ankleHeight + 3.2, 0), 3.4),
          sphere(local(ankle, f.foot, sk.body.ballForward - 1, -sk.body.ankleHeight + 2.6, 0), 2.8),
          sphere(local(j[sided(side, 'Ball')], f.toes, sk.body.toeForward - sk.body.ballForward - 2.2, 2.2, 0), 2.2),
        ],
      ],
    },
  ];
}

function armGroup(sk: Skeleton, side: Side): Part[] {
  const j = sk.joints;
  const f = sk.frames[side];
  const shoulder = j[sided(side, 'Shoulder')];
  const elbow = j[sided(side, 'Elbow')];
  const wrist = j[sided(side, 'Wrist')];
  return [
    { hulls: [[sphere(shoulder, 6.3), sphere(elbow, 4.7)]] },
    { hulls: [[sphere(elbow, 4.5), sphere(local(elbow, f.forearm, 0.8, -8, 0), 4.5), sphere(wrist, 3.3)]] },
    { hulls: [[sphere(wrist, 3.3), sphere(local(wrist, f.forearm, 0.6, -sk.body.hand * 0.6, 0), 4.4)]] },
  ];
}

/** A point on the quadratic through pelvis (t 0), waist (t 0.5) and neck (t 1), and the curve's direction. */
function spineAt(sk: Skeleton, t: number): { point: Vec3; tangent: Vec3 } {
  const p = sk.joints.pelvis;
  const w = sk.joints.waist;
  const n = sk.joints.neck;
  const c = sub(scale(w, 2), scale(add(p, n), 0.5));
  const u = 1 - t;
  const point = add(add(scale(p, u * u), scale(c, 2 * t * u)), scale(n, t * t));
  const tangent = add(scale(sub(c, p), 2 * u), scale(sub(n, c), 2 * t));
  return { point, tangent: normalise(tangent) };
}

/** The torso's frame part-way up the spine: up along the curve, turning from the pelvis to the chest. */
function spineFrame(sk: Skeleton, t: number, up: Vec3): Frame {
  const { pelvis, thorax } = sk.frames;
  const rightGuess = normalise(add(scale(pelvis.right, 1 - t), scale(thorax.right, t)));
  const right = normalise(sub(rightGuess, scale(up, dot(rightGuess, up))));
  return { up, right, front: cross(up, right) };
}

/**
 * The torso: slices along a smooth spine (hips, waist, chest, shoulders), so a rounded or
 * arched back reads as a curve and a turned chest shows its width.
 */
function torsoParts(sk: Skeleton): Part[] {
  const j = sk.joints;
  const b = sk.body;
  // t along the spine, half depth, half width, forward offset of the slice centre.
  const slices: ReadonlyArray<readonly [number, number, number, number]> = [
    [0.04, 12, 17, -1.5],
    [0.25, 11, 15.5, -0.8],
    [0.5, 10.5, 14.5, 0],
    [0.72, 13, 16.5, 2.5],
    [0.9, 11.5, 18, 1.5],
    [1, 8, 17.5, 0],
  ];
  const rings = slices.map(([t, depth, width, front]) => {
    const { point, tangent } = spineAt(sk, t);
    return section(point, spineFrame(sk, t, tangent), 0, front, depth, width, 5);
  });
  const hulls: Sphere[][] = [];
  for (let i = 0; i + 1 < rings.length; i++) hulls.push([...rings[i]!, ...rings[i + 1]!]);
  const neckTop = local(j.neck, sk.frames.head, 1, b.neck, 0);
  return [{ hulls: [[sphere(j.neck, 5.8), sphere(neckTop, 5.2)]] }, { hulls }];
}

function headParts(sk: Skeleton): Part[] {
  const r = sk.body.headRadius;
  return [
    {
      hulls: [
        [sphere(sk.joints.head, r)],
        // The nose says which way the face points; hidden when it faces the viewer.
        [sphere(local(sk.joints.head, sk.frames.head, r - 0.5, -1.5, 0), 2.6)],
        // A chin keeps a face-down head from reading as a ball.
        [sphere(local(sk.joints.head, sk.frames.head, r * 0.55, -r * 0.62, 0), 3.4)],
      ],
    },
  ];
}

function meanZ(points: readonly Vec3[]): number {
  return points.reduce((s, p) => s + p.z, 0) / points.length;
}

/** The body's parts in painting order, far to near. */
function groups(sk: Skeleton): Group[] {
  const j = sk.joints;
  const torsoZ = meanZ([j.pelvis, j.waist, j.neck]);
  // Small biases settle ties: in a face-on view the limbs lie over the torso.
  const list: Array<{ depth: number; far: boolean; parts: Part[] }> = [
    { depth: torsoZ, far: false, parts: torsoParts(sk) },
    { depth: j.head.z + 0.5, far: false, parts: headParts(sk) },
  ];
  for (const side of SIDES) {
    const legZ = meanZ([j[sided(side, 'Hip')], j[sided(side, 'Knee')], j[sided(side, 'Ankle')]]);
    const armZ = meanZ([j[sided(side, 'Shoulder')], j[sided(side, 'Elbow')], j[sided(side, 'Wrist')]]);
    list.push({ depth: legZ + 1, far: legZ < torsoZ - 4, parts: legGroup(sk, side) });
    list.push({ depth: armZ + 1.5, far: armZ < torsoZ - 4, parts: armGroup(sk, side) });
  }
  return list.sort((a, b) => a.depth - b.depth);
}

/** The figure's shapes, ready to paint in order. */
export function figureShapes(sk: Skeleton, projection: Projection, role: FigureRole): Shape[] {
  const style = STYLES[role];
  const shapes: Shape[] = [];
  const project = (hull: readonly Sphere[]): Point[] =>
    hullOfCircles(
      hull.map((s) => ({ center: projection.toDrawing(s.center), radius: s.radius * projection.scale })),
      hull.length > 6 ? 8 : 24,
    );
  for (const group of groups(sk)) {
    const fill = group.far ? style.far : style.near;
    for (const part of group.parts) {
      const outlines = part.hulls.map(project).filter((points) => !hiddenNose(points, projection, sk));
      for (const points of outlines) {
        shapes.push({
          kind: 'polygon',
          points,
          stroke: style.ink,
          strokeWidth: OUTLINE * 2,
          join: 'round',
          ...(style.dash ? { dash: style.dash } : {}),
        });
      }
      for (const points of outlines) shapes.push({ kind: 'polygon', points, fill });
    }
  }
  return shapes;
}

/** A nose or chin that falls inside the head's outline (a face turned to the viewer) is left out. */
function hiddenNose(points: readonly Point[], projection: Projection, sk: Skeleton): boolean {
  if (points.length === 0) return true;
  const head = projection.toDrawing(sk.joints.head);
  const r = sk.body.headRadius * projection.scale;
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const spread = Math.max(...points.map((p) => Math.hypot(p.x - cx, p.y - cy)));
  const centreDistance = Math.hypot(cx - head.x, cy - head.y);
  // Only the small features: a feature whose whole outline lies inside the head is hidden.
  return spread < r * 0.5 && centreDistance + spread < r * 0.98;
}
