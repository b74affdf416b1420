/**
 * An exercise picture as data: a start pose, an optional end pose, props and movement arrows.
 * renderScene() turns it into a Drawing: the end pose lighter with a dashed outline (behind the
 * start pose, or beside it), props in place, arrows on top, all fitted into a 4:3 frame.
 */
import { z } from 'zod';
import type { Drawing, Point, Shape } from '../../drawing/drawing';
import { fmt } from '../../drawing/drawing';
import type { Box } from '../../drawing/geometry';
import { unionBox } from '../../drawing/geometry';
import type { FigureRole } from './figure';
import { figureShapes } from './figure';
import type { JointName, Skeleton } from './pose';
import { forwardKinematics, JOINT_NAMES, Pose } from './pose';
import { isAttached, Prop, propBox, propShapes } from './props';
import type { Vec3 } from './vector';

export const DRAWING_WIDTH = 400;
export const DRAWING_HEIGHT = 300;

const worldPoint = (label: string) =>
  z.strictObject({
    x: z.number({ error: `${label} x must be a number of centimetres.` }),
    y: z.number({ error: `${label} y must be a number of centimetres.` }),
  });
const bend = z
  .number({ error: 'Bend must be a number from -1 to 1.' })
  .min(-1, { error: 'Bend must be -1 or more.' })
  .max(1, { error: 'Bend must be 1 or less.' })
  .optional();

export const SceneArrow = z.discriminatedUnion(
  'kind',
  [
    /** From where a joint is in the start pose to where it is in the end pose. */
    z.strictObject({
      kind: z.literal('move'),
      joint: z.enum(JOINT_NAMES, { error: 'Choose the joint the arrow follows.' }),
      /** Sideways bow of the shaft: the control point's offset as a share of the length, + to the left of travel. */
      bend,
      /** Shift the whole arrow off the body, in centimetres. */
      offset: worldPoint('Arrow offset').optional(),
      /** Centimetres left out at each end so the arrow does not sit on the joint. */
      trim: z.number().min(0).max(50).optional(),
    }),
    /** Between two points in the world. */
    z.strictObject({ kind: z.literal('path'), from: worldPoint('Arrow start'), to: worldPoint('Arrow end'), bend }),
    /** Round a centre, from one angle to another (degrees, counter-clockwise from the right). */
    z.strictObject({
      kind: z.literal('arc'),
      center: worldPoint('Arc centre'),
      radius: z.number().positive({ error: 'Arc radius must be more than 0 cm.' }).max(300),
      from: z.number(),
      to: z.number(),
    }),
  ],
  { error: 'Choose an arrow kind: move, path or arc.' },
);
export type SceneArrow = z.infer<typeof SceneArrow>;

export const PoseScene = z.strictObject({
  start: Pose,
  /** Leave out for a held position (a plank): the picture then shows one pose. */
  end: Pose.optional(),
  /** Draw the end pose this many centimetres to the right instead of over the start pose. */
  beside: z.number().min(20, { error: 'Put the end pose at least 20 cm beside the start.' }).max(400).optional(),
  props: z.array(Prop).max(12, { error: 'Use 12 props or fewer.' }),
  arrows: z.array(SceneArrow).max(6, { error: 'Use 6 arrows or fewer.' }),
  /** The part of the world to show, in centimetres; the whole scene when left out. */
  frame: z
    .strictObject({
      x: z.number(),
      y: z.number(),
      width: z.number().positive({ error: 'Frame width must be more than 0 cm.' }),
      height: z.number().positive({ error: 'Frame height must be more than 0 cm.' }),
    })
    .optional(),
});
export type PoseScene = z.infer<typeof PoseScene>;

/** Room around the joints for the body's volume (head, hands, feet), in centimetres. */
const BODY_MARGIN = 14;

function skeletonBox(sk: Skeleton): Box {
  const pts = Object.values(sk.joints);
  const box: Box = {
    minX: Math.min(...pts.map((p) => p.x)) - BODY_MARGIN,
    minY: Math.min(...pts.map((p) => p.y)) - BODY_MARGIN,
    maxX: Math.max(...pts.map((p) => p.x)) + BODY_MARGIN,
    maxY: Math.max(...pts.map((p) => p.y)) + BODY_MARGIN,
  };
  return box;
}

/** The same skeleton moved `dx` centimetres to the right (the end pose drawn beside the start). */
function shifted(sk: Skeleton, dx: number): Skeleton {
  const joints: Partial<Record<JointName, Vec3>> = {};
  for (const name of JOINT_NAMES) {
    const p = sk.joints[name];
    joints[name] = { x: p.x + dx, y: p.y, z: p.z };
  }
  return { ...sk, joints: { ...sk.joints, ...joints } };
}

function shiftProp(prop: Prop, dx: number): Prop {
  switch (prop.kind) {
    case 'floor':
    case 'water':
    case 'dumbbell':
      return prop;
    case 'wall':
    case 'step':
    case 'bench':
    case 'chair':
    case 'mat':
      return { ...prop, x: prop.x + dx };
    case 'roller':
    case 'pillow':
      return { ...prop, center: { x: prop.center.x + dx, y: prop.center.y } };
    case 'bike':
      return {
        ...prop,
        saddle: { x: prop.saddle.x + dx, y: prop.saddle.y },
        handlebar: { x: prop.handlebar.x + dx, y: prop.handlebar.y },
        crank: { x: prop.crank.x + dx, y: prop.crank.y },
      };
    case 'elliptical':
      return {
        ...prop,
        front: prop.front + dx,
        back: prop.back + dx,
        footPlates: prop.footPlates.map((p) => ({ x: p.x + dx, y: p.y })),
        handles: prop.handles.map((p) => ({ x: p.x + dx, y: p.y })),
      };
  }
}

/** Fit a world box into the drawing with a margin, keeping the 4:3 shape. */
function fit(box: Box, width: number, height: number, margin: number) {
  const w = box.maxX - box.minX;
  const h = box.maxY - box.minY;
  const scale = Math.min((width - margin * 2) / w, (height - margin * 2) / h);
  const ox = (width - w * scale) / 2;
  // Spare height goes mostly above the scene, so a low scene (a plank) is not lost in floor.
  const oy = (height - h * scale) * 0.75;
  const frame: Box = {
    minX: box.minX - ox / scale,
    maxX: box.maxX + ox / scale,
    minY: box.minY - (height - h * scale - oy) / scale,
    maxY: box.maxY + oy / scale,
  };
  const toDrawing = (p: { readonly x: number; readonly y: number }): Point => ({
    x: (p.x - frame.minX) * scale,
    y: (frame.maxY - p.y) * scale,
  });
  return { scale, frame, toDrawing };
}

export interface RenderOptions {
  readonly title: string;
  readonly description?: string;
  readonly width?: number;
  readonly height?: number;
}

export function renderScene(scene: PoseScene, options: RenderOptions): Drawing {
  const width = options.width ?? DRAWING_WIDTH;
  const height = options.height ?? DRAWING_HEIGHT;
  const start = forwardKinematics(scene.start);
  const endRaw = scene.end ? forwardKinematics(scene.end) : null;
  const offset = scene.beside ?? 0;
  const end = endRaw && offset ? shifted(endRaw, offset) : endRaw;
  const skeletons = end ? [start, end] : [start];

  const sceneProps: Prop[] = scene.props.filter((p) => !isAttached(p));
  const attached = scene.props.filter(isAttached);
  const panelProps: Prop[] = offset
    ? sceneProps.concat(
        sceneProps.filter((p) => p.kind !== 'floor' && p.kind !== 'water').map((p) => shiftProp(p, offset)),
      )
    : sceneProps;

  let box: Box | null = null;
  if (scene.frame) {
    box = {
      minX: scene.frame.x,
      minY: scene.frame.y,
      maxX: scene.frame.x + scene.frame.width,
      maxY: scene.frame.y + scene.frame.height,
    };
  } else {
    for (const sk of skeletons) box = unionBox(box, skeletonBox(sk));
    for (const p of scene.props) box = unionBox(box, propBox(p, skeletons));
  }
  const margin = 10;
  const { scale, frame, toDrawing } = fit(box ?? { minX: -100, minY: 0, maxX: 100, maxY: 200 }, width, height, margin);
  const ctx = { toDrawing, scale, frame };
  const projection = { toDrawing: (v: Vec3) => toDrawing(v), scale };

  const back: Shape[] = [];
  const front: Shape[] = [];
  for (const prop of panelProps) {
    const layers = propShapes(prop, ctx);
    back.push(...layers.back);
    front.push(...layers.front);
  }

  const figures: Shape[] = [];
  const drawFigure = (sk: Skeleton, role: FigureRole) => {
    const behind: Shape[] = [];
    const over: Shape[] = [];
    for (const prop of attached) {
      const layers = propShapes(prop, { ...ctx, skeleton: sk, role });
      behind.push(...layers.back);
      over.push(...layers.front);
    }
    figures.push(...behind, ...figureShapes(sk, projection, role), ...over);
  };
  if (end) drawFigure(end, 'end');
  drawFigure(start, 'start');

  const arrows: Shape[] = [];
  for (const arrow of scene.arrows) arrows.push(...arrowShapes(arrow, start, endRaw, offset, toDrawing, scale));

  return {
    width,
    height,
    title: options.title,
    ...(options.description ? { description: options.description } : {}),
    background: 'paper',
    shapes: [...back, ...figures, ...front, ...arrows],
  };
}

const ARROW_WIDTH = 6;
const ARROW_HEAD = 20;
/** Shortest arrow drawn, in drawing units: three heads long. */
const MIN_ARROW = 64;

function arrowShapes(
  arrow: SceneArrow,
  start: Skeleton,
  end: Skeleton | null,
  offset: number,
  toDrawing: (p: { readonly x: number; readonly y: number }) => Point,
  scale: number,
): Shape[] {
  switch (arrow.kind) {
    case 'move': {
      const a = start.joints[arrow.joint];
      const b = (end ?? start).joints[arrow.joint];
      const dx = (arrow.offset?.x ?? 0) + offset;
      const dy = arrow.offset?.y ?? 0;
      return [
        straightOrBent(
          { x: a.x + dx, y: a.y + dy },
          { x: b.x + dx, y: b.y + dy },
          arrow.bend ?? 0,
          arrow.trim ?? 4,
          toDrawing,
          scale,
        ),
      ];
    }
    case 'path':
      return [straightOrBent(arrow.from, arrow.to, arrow.bend ?? 0, 0, toDrawing, scale)];
    case 'arc':
      return arcArrow(arrow, toDrawing, scale);
  }
}

function straightOrBent(
  from: { x: number; y: number },
  to: { x: number; y: number },
  bend: number,
  trim: number,
  toDrawing: (p: { readonly x: number; readonly y: number }) => Point,
  scale: number,
): Shape {
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const ux = (to.x - from.x) / len;
  const uy = (to.y - from.y) / len;
  // A small movement still gets an arrow long enough to read: centred on the movement.
  const shown = Math.max(len - 2 * Math.min(trim, len / 4), MIN_ARROW / scale);
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  const a = { x: mx - (ux * shown) / 2, y: my - (uy * shown) / 2 };
  const b = { x: mx + (ux * shown) / 2, y: my + (uy * shown) / 2 };
  // Control point off the chord, to the left of travel; the curve bows half as far as the control point.
  const control = bend ? { x: mx - uy * bend * shown, y: my + ux * bend * shown } : undefined;
  return {
    kind: 'arrow',
    from: toDrawing(a),
    to: toDrawing(b),
    ...(control ? { control: toDrawing(control) } : {}),
    headLength: ARROW_HEAD,
    stroke: 'accent',
    strokeWidth: ARROW_WIDTH,
    halo: 'paper',
  };
}

function arcArrow(
  arrow: Extract<SceneArrow, { kind: 'arc' }>,
  toDrawing: (p: { readonly x: number; readonly y: number }) => Point,
  scale: number,
): Shape[] {
  const steps = Math.max(2, Math.ceil(Math.abs(arrow.to - arrow.from) / 30));
  const at = (deg: number) =>
    toDrawing({
      x: arrow.center.x + Math.cos((deg * Math.PI) / 180) * arrow.radius,
      y: arrow.center.y + Math.sin((deg * Math.PI) / 180) * arrow.radius,
    });
  // Stop the shaft short of the tip; the last stretch becomes a straight arrow with the head.
  const headDeg = ((ARROW_HEAD / scale / arrow.radius) * 180) / Math.PI;
  const dir = Math.sign(arrow.to - arrow.from);
  const shaftEnd = arrow.to - dir * headDeg;
  let d = '';
  for (let i = 0; i <= steps; i++) {
    const deg = arrow.from + ((shaftEnd - arrow.from) * i) / steps;
    const p = at(deg);
    if (i === 0) {
      d = `M ${fmt(p.x)} ${fmt(p.y)}`;
    } else {
      // Quadratic through the tangent intersection of the two ends of this slice.
      const prev = arrow.from + ((shaftEnd - arrow.from) * (i - 1)) / steps;
      const mid = (prev + deg) / 2;
      const k = 1 / Math.cos((((deg - prev) / 2) * Math.PI) / 180);
      const c = toDrawing({
        x: arrow.center.x + Math.cos((mid * Math.PI) / 180) * arrow.radius * k,
        y: arrow.center.y + Math.sin((mid * Math.PI) / 180) * arrow.radius * k,
      });
      d += ` Q ${fmt(c.x)} ${fmt(c.y)} ${fmt(p.x)} ${fmt(p.y)}`;
    }
  }
  return [
    { kind: 'path', d, stroke: 'paper', strokeWidth: ARROW_WIDTH + 5, cap: 'round' },
    { kind: 'path', d, stroke: 'accent', strokeWidth: ARROW_WIDTH, cap: 'round' },
    {
      kind: 'arrow',
      from: at(shaftEnd),
      to: at(arrow.to),
      headLength: ARROW_HEAD,
      stroke: 'accent',
      strokeWidth: ARROW_WIDTH,
      halo: 'paper',
    },
  ];
}
