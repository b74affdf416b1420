/**
 * Props around the figure: floor, wall, step, bench, foam roller, mat, chair, weights and the
 * cross-training machines. Each is data (world centimetres, y up) with a painter that draws it
 * in drawing units and a box that tells the scene how much room it needs.
 */
import { z } from 'zod';
import type { PaletteColor, Point, Shape } from '../../drawing/drawing';
import type { Box } from '../../drawing/geometry';
import { unionBox } from '../../drawing/geometry';
import type { FigureRole } from './figure';
import type { Skeleton } from './pose';
import { JOINT_NAMES } from './pose';
import { BikeProp, bikeShapes, EllipticalProp, ellipticalShapes } from './machines';
import type { PaintContext } from './paint';
import { at, bar, box, cm, LINE, rect, roundedRect, size, solid, WALL_THICKNESS } from './paint';
const joint = z.enum(JOINT_NAMES, { error: 'Choose a joint from the list.' });

export const Prop = z.discriminatedUnion(
  'kind',
  [
    /** The ground line, across the whole picture. */
    z.strictObject({ kind: z.literal('floor'), y: cm('Floor height').optional() }),
    /** A wall whose face is at x; the wall's body lies to `side` of it. */
    z.strictObject({ kind: z.literal('wall'), x: cm('Wall position'), side: z.enum(['left', 'right']) }),
    /** A box standing on the floor: a step or a stair, seen from the side. */
    z.strictObject({
      kind: z.literal('step'),
      x: cm('Step left edge'),
      width: size('Step width'),
      height: size('Step height'),
    }),
    /** A padded bench on legs; `x` is its left edge, `height` the top of the pad. */
    z.strictObject({
      kind: z.literal('bench'),
      x: cm('Bench left edge'),
      width: size('Bench width'),
      height: size('Bench height'),
    }),
    /** A foam roller seen end on. */
    z.strictObject({ kind: z.literal('roller'), center: at('Roller centre'), radius: size('Roller radius') }),
    /** An exercise mat: a thin strip on the floor, or seen from above when `depth` is given. */
    z.strictObject({
      kind: z.literal('mat'),
      x: cm('Mat left edge'),
      width: size('Mat width'),
      y: cm('Mat position').optional(),
      depth: size('Mat depth').optional(),
    }),
    z.strictObject({
      kind: z.literal('pillow'),
      center: at('Pillow centre'),
      width: size('Pillow width'),
      height: size('Pillow height'),
    }),
    /** A chair seen from the side; the front edge of the seat is at x, the back rest behind. */
    z.strictObject({
      kind: z.literal('chair'),
      x: cm('Chair front edge'),
      seatHeight: size('Seat height'),
      facing: z.enum(['left', 'right']),
    }),
    /** A dumbbell held at a joint (a hand) or resting on one (a knee), drawn with each pose. */
    z.strictObject({
      kind: z.literal('dumbbell'),
      joint,
      offset: at('Dumbbell offset').optional(),
    }),
    BikeProp,
    EllipticalProp,
    /** Water up to `y`: painted behind the figure, and again lightly over what is under water. */
    z.strictObject({ kind: z.literal('water'), y: cm('Water level') }),
  ],
  {
    error:
      'Choose a prop from the list: floor, wall, step, bench, roller, mat, pillow, chair, dumbbell, bike, elliptical or water.',
  },
);
export type Prop = z.infer<typeof Prop>;

export interface PropContext extends PaintContext {
  /** The picture's frame in world centimetres. */
  readonly frame: Box;
  /** For props attached to a joint: the skeleton to attach to, and its role (end poses are lighter). */
  readonly skeleton?: Skeleton;
  readonly role?: FigureRole;
}

/** Where in the painting order a prop goes: behind everything, with the figure, or on top. */
export interface PropLayers {
  readonly back: Shape[];
  readonly front: Shape[];
}

/** The room a prop needs in world centimetres, or null for props that span the picture. */
export function propBox(prop: Prop, skeletons: readonly Skeleton[]): Box | null {
  switch (prop.kind) {
    case 'floor':
    case 'water':
      return null;
    case 'wall':
      return box(prop.side === 'right' ? prop.x : prop.x - WALL_THICKNESS, 0, WALL_THICKNESS, 1);
    case 'step':
      return box(prop.x, 0, prop.width, prop.height);
    case 'bench':
      return box(prop.x, 0, prop.width, prop.height);
    case 'roller':
      return box(prop.center.x - prop.radius, prop.center.y - prop.radius, prop.radius * 2, prop.radius * 2);
    case 'mat':
      return box(prop.x, prop.y ?? 0, prop.width, prop.depth ?? 1.5);
    case 'pillow':
      return box(prop.center.x - prop.width / 2, prop.center.y - prop.height / 2, prop.width, prop.height);
    case 'chair': {
      const depth = 42;
      const left = prop.facing === 'right' ? prop.x - depth : prop.x;
      return box(left, 0, depth, prop.seatHeight + 45);
    }
    case 'dumbbell':
      return skeletons.reduce<Box | null>((acc, sk) => {
        const p = sk.joints[prop.joint];
        return unionBox(acc, box(p.x - 14, p.y - 10, 28, 20));
      }, null);
    case 'bike':
      return {
        minX: Math.min(prop.saddle.x - 20, prop.crank.x - 45),
        minY: 0,
        maxX: Math.max(prop.handlebar.x + 12, prop.crank.x + 45),
        maxY: Math.max(prop.saddle.y, prop.handlebar.y) + 6,
      };
    case 'elliptical':
      return {
        minX: prop.back - 6,
        minY: 0,
        maxX: prop.front + 10,
        maxY: Math.max(...prop.handles.map((h) => h.y)) + 20,
      };
  }
}

/** Props drawn with each pose (they move with it) rather than once for the scene. */
export function isAttached(prop: Prop): prop is Extract<Prop, { kind: 'dumbbell' }> {
  return prop.kind === 'dumbbell';
}

export function propShapes(prop: Prop, ctx: PropContext): PropLayers {
  const back: Shape[] = [];
  const front: Shape[] = [];
  const f = ctx.frame;
  switch (prop.kind) {
    case 'floor': {
      const y = prop.y ?? 0;
      back.push({
        kind: 'polygon',
        points: rect(ctx, f.minX - 50, f.minY - 50, f.maxX - f.minX + 100, y - f.minY + 50),
        fill: 'prop',
      });
      back.push({
        kind: 'line',
        from: ctx.toDrawing({ x: f.minX - 50, y }),
        to: ctx.toDrawing({ x: f.maxX + 50, y }),
        stroke: 'ink',
        strokeWidth: LINE * 1.5,
      });
      break;
    }
    case 'wall': {
      // A band of wall, its face at x, running from the floor out of the top of the picture.
      const left = prop.side === 'right' ? prop.x : prop.x - WALL_THICKNESS;
      back.push({ kind: 'polygon', points: rect(ctx, left, 0, WALL_THICKNESS, f.maxY + 50), fill: 'propMid' });
      back.push({
        kind: 'line',
        from: ctx.toDrawing({ x: prop.x, y: 0 }),
        to: ctx.toDrawing({ x: prop.x, y: f.maxY + 50 }),
        stroke: 'ink',
        strokeWidth: LINE * 1.5,
      });
      break;
    }
    case 'step':
      back.push(solid(rect(ctx, prop.x, 0, prop.width, prop.height), 'propMid'));
      break;
    case 'bench': {
      const pad = Math.min(9, prop.height * 0.3);
      const legInset = Math.min(6, prop.width * 0.15);
      back.push(...bar(ctx, { x: prop.x + legInset, y: 0 }, { x: prop.x + legInset, y: prop.height - pad }, 4));
      back.push(
        ...bar(
          ctx,
          { x: prop.x + prop.width - legInset, y: 0 },
          { x: prop.x + prop.width - legInset, y: prop.height - pad },
          4,
        ),
      );
      back.push({
        kind: 'path',
        d: roundedRect(ctx, prop.x, prop.height - pad, prop.width, pad, 3),
        fill: 'propMid',
        stroke: 'ink',
        strokeWidth: LINE,
      });
      break;
    }
    case 'roller': {
      const c = ctx.toDrawing(prop.center);
      back.push({
        kind: 'circle',
        center: c,
        radius: prop.radius * ctx.scale,
        fill: 'propMid',
        stroke: 'ink',
        strokeWidth: LINE,
      });
      back.push({
        kind: 'circle',
        center: c,
        radius: prop.radius * ctx.scale * 0.45,
        fill: 'prop',
        stroke: 'ink',
        strokeWidth: LINE * 0.7,
      });
      break;
    }
    case 'mat': {
      const y = prop.y ?? 0;
      back.push({
        kind: 'path',
        d: roundedRect(ctx, prop.x, y, prop.width, prop.depth ?? 1.5, prop.depth ? 6 : 0.7),
        // Seen from above the mat is the floor itself: a quiet tint, not a box.
        fill: prop.depth ? 'prop' : 'propMid',
        stroke: prop.depth ? 'propMid' : 'ink',
        strokeWidth: LINE * 0.8,
      });
      break;
    }
    case 'pillow':
      back.push({
        kind: 'path',
        d: roundedRect(
          ctx,
          prop.center.x - prop.width / 2,
          prop.center.y - prop.height / 2,
          prop.width,
          prop.height,
          prop.height / 2,
        ),
        fill: 'prop',
        stroke: 'ink',
        strokeWidth: LINE * 0.8,
      });
      break;
    case 'chair': {
      const depth = 42;
      const dir = prop.facing === 'right' ? 1 : -1;
      const frontX = prop.x;
      const backX = prop.x - dir * depth;
      const seatY = prop.seatHeight;
      back.push(...bar(ctx, { x: backX + dir * 2, y: 0 }, { x: backX + dir * 2, y: seatY + 45 }, 3.5));
      back.push(...bar(ctx, { x: frontX - dir * 3, y: 0 }, { x: frontX - dir * 3, y: seatY }, 3.5));
      back.push({
        kind: 'path',
        d: roundedRect(ctx, Math.min(frontX, backX), seatY - 4, depth, 4, 1.5),
        fill: 'propMid',
        stroke: 'ink',
        strokeWidth: LINE,
      });
      break;
    }
    case 'dumbbell': {
      const sk = ctx.skeleton;
      if (!sk) break;
      const p = sk.joints[prop.joint];
      const cx = p.x + (prop.offset?.x ?? 0);
      const cy = p.y + (prop.offset?.y ?? 0);
      const ghost = ctx.role === 'end';
      const plate: PaletteColor = ghost ? 'ghostFar' : 'propDark';
      const ink: PaletteColor = ghost ? 'ghostInk' : 'ink';
      const shapes: Shape[] = [
        {
          kind: 'line',
          from: ctx.toDrawing({ x: cx - 10, y: cy }),
          to: ctx.toDrawing({ x: cx + 10, y: cy }),
          stroke: ink,
          strokeWidth: 2.6 * ctx.scale,
          cap: 'round',
        },
      ];
      for (const dx of [-9, 9]) {
        shapes.push({
          kind: 'path',
          d: roundedRect(ctx, cx + dx - 3, cy - 6.5, 6, 13, 1.5),
          fill: plate,
          stroke: ink,
          strokeWidth: LINE,
          ...(ghost ? { dash: [5, 3.5] as const } : {}),
        });
      }
      const sideZ = p.z;
      (sideZ >= sk.joints.pelvis.z ? front : back).push(...shapes);
      break;
    }
    case 'bike':
      back.push(...bikeShapes(prop, ctx));
      break;
    case 'elliptical':
      back.push(...ellipticalShapes(prop, ctx));
      break;
    case 'water': {
      const wave = waterSurface(ctx, prop.y, f);
      back.push({
        kind: 'polygon',
        points: [
          ...wave,
          ctx.toDrawing({ x: f.maxX + 50, y: f.minY - 50 }),
          ctx.toDrawing({ x: f.minX - 50, y: f.minY - 50 }),
        ],
        fill: 'water',
      });
      front.push({
        kind: 'polygon',
        points: [
          ...wave,
          ctx.toDrawing({ x: f.maxX + 50, y: f.minY - 50 }),
          ctx.toDrawing({ x: f.minX - 50, y: f.minY - 50 }),
        ],
        fill: 'water',
        opacity: 0.55,
      });
      front.push({
        kind: 'polyline',
        points: wave,
        stroke: 'propDark',
        strokeWidth: LINE,
        join: 'round',
        cap: 'round',
      });
      break;
    }
  }
  return { back, front };
}

function waterSurface(ctx: PropContext, y: number, f: Box): Point[] {
  const points: Point[] = [];
  const from = f.minX - 50;
  const to = f.maxX + 50;
  const step = 4;
  for (let x = from; x <= to; x += step)
    points.push(ctx.toDrawing({ x, y: y + Math.sin((x / 28) * Math.PI * 2) * 1.8 }));
  return points;
}
