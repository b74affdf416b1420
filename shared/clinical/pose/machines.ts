/**
 * The cross-training machines, seen from the side: an exercise bike and an elliptical trainer.
 * Each machine's schema lives here beside its painter; props.ts adds them to the Prop union.
 * This file imports nothing from props.ts, so the two do not import each other.
 */
import { z } from 'zod';
import type { PaletteColor, Shape } from '../../drawing/drawing';
import type { PaintContext } from './paint';
import { at, bar, cm, LINE, roundedRect, size } from './paint';

/** A stationary bike: saddle, handlebar and crank centre, with the pedals at `pedalAngle`. */
export const BikeProp = z.strictObject({
  kind: z.literal('bike'),
  saddle: at('Saddle'),
  handlebar: at('Handlebar'),
  crank: at('Crank centre'),
  crankLength: size('Crank length'),
  pedalAngle: z.number({ error: 'Pedal angle must be a number of degrees.' }),
});
export type BikeProp = z.infer<typeof BikeProp>;

/** A cross-trainer: foot plates where the feet stand, handles where the hands hold. */
export const EllipticalProp = z.strictObject({
  kind: z.literal('elliptical'),
  front: cm('Machine front'),
  back: cm('Machine back'),
  footPlates: z.array(at('Foot plate')).length(2, { error: 'An elliptical trainer has two foot plates.' }),
  handles: z.array(at('Handle')).length(2, { error: 'An elliptical trainer has two handles.' }),
});
export type EllipticalProp = z.infer<typeof EllipticalProp>;

/** A spin bike seen from the side: flywheel at the front, saddle and bar on posts, crank in between. */
export function bikeShapes(prop: BikeProp, ctx: PaintContext): Shape[] {
  const { saddle, handlebar, crank } = prop;
  const shapes: Shape[] = [];
  const baseY = 3;
  const rearFoot = { x: saddle.x - 30, y: baseY };
  const frontFoot = { x: handlebar.x + 16, y: baseY };
  const wheel = { x: handlebar.x + 2, y: crank.y + 4 };
  const seatPostBase = { x: crank.x - 10, y: crank.y + 10 };
  const barPostBase = { x: handlebar.x - 14, y: crank.y + 22 };
  // Flywheel first, so the frame crosses in front of it.
  shapes.push({
    kind: 'circle',
    center: ctx.toDrawing(wheel),
    radius: 24 * ctx.scale,
    fill: 'prop',
    stroke: 'ink',
    strokeWidth: LINE,
  });
  shapes.push({
    kind: 'circle',
    center: ctx.toDrawing(wheel),
    radius: 5 * ctx.scale,
    fill: 'propDark',
    stroke: 'ink',
    strokeWidth: LINE * 0.7,
  });
  // Feet and frame.
  shapes.push(...bar(ctx, { x: rearFoot.x - 10, y: baseY }, { x: rearFoot.x + 10, y: baseY }, 5));
  shapes.push(...bar(ctx, { x: frontFoot.x - 10, y: baseY }, { x: frontFoot.x + 10, y: baseY }, 5));
  shapes.push(...bar(ctx, rearFoot, crank, 6));
  shapes.push(...bar(ctx, crank, frontFoot, 6));
  shapes.push(...bar(ctx, crank, barPostBase, 6));
  shapes.push(...bar(ctx, barPostBase, { x: wheel.x, y: wheel.y }, 4));
  shapes.push(...bar(ctx, seatPostBase, { x: saddle.x + 1, y: saddle.y - 4 }, 4.5));
  shapes.push(...bar(ctx, crank, seatPostBase, 6));
  shapes.push(...bar(ctx, barPostBase, { x: handlebar.x - 8, y: handlebar.y - 4 }, 4.5));
  // Saddle and handlebar.
  shapes.push({
    kind: 'path',
    d: roundedRect(ctx, saddle.x - 11, saddle.y - 4, 24, 5, 2.5),
    fill: 'propDark',
    stroke: 'ink',
    strokeWidth: LINE,
  });
  shapes.push(
    ...bar(ctx, { x: handlebar.x - 8, y: handlebar.y - 4 }, { x: handlebar.x + 2, y: handlebar.y }, 3.5, 'propDark'),
  );
  // Crank arms and pedals.
  const a = (prop.pedalAngle * Math.PI) / 180;
  const pedal = { x: crank.x + Math.cos(a) * prop.crankLength, y: crank.y + Math.sin(a) * prop.crankLength };
  const otherPedal = { x: crank.x - Math.cos(a) * prop.crankLength, y: crank.y - Math.sin(a) * prop.crankLength };
  shapes.push(...bar(ctx, otherPedal, pedal, 2.5, 'propDark'));
  shapes.push({
    kind: 'circle',
    center: ctx.toDrawing(crank),
    radius: 7 * ctx.scale,
    fill: 'propMid',
    stroke: 'ink',
    strokeWidth: LINE,
  });
  for (const p of [pedal, otherPedal])
    shapes.push(...bar(ctx, { x: p.x - 5, y: p.y }, { x: p.x + 5, y: p.y }, 2.5, 'ink'));
  return shapes;
}

/**
 * A rear-drive cross-trainer seen from the side: drive housing at the back, pedal arms running
 * forward to the front column, handle poles pivoting on the column.
 */
export function ellipticalShapes(prop: EllipticalProp, ctx: PaintContext): Shape[] {
  const shapes: Shape[] = [];
  const baseY = 4;
  const drive = { x: prop.back + 20, y: 30 };
  const columnBase = { x: prop.front - 6, y: baseY };
  const consoleAt = { x: prop.front - 14, y: 138 };
  const pivot = { x: prop.front - 10, y: 92 };
  const linkEnd = { x: prop.front - 16, y: 44 };
  shapes.push(...bar(ctx, { x: prop.back, y: baseY }, { x: prop.front, y: baseY }, 6));
  shapes.push(...bar(ctx, columnBase, consoleAt, 7));
  shapes.push({
    kind: 'path',
    d: roundedRect(ctx, consoleAt.x - 10, consoleAt.y - 2, 20, 11, 3),
    fill: 'propMid',
    stroke: 'ink',
    strokeWidth: LINE,
  });
  shapes.push({
    kind: 'circle',
    center: ctx.toDrawing(drive),
    radius: 26 * ctx.scale,
    fill: 'prop',
    stroke: 'ink',
    strokeWidth: LINE,
  });
  shapes.push(...bar(ctx, { x: drive.x, y: baseY }, drive, 6));
  prop.footPlates.forEach((plate, i) => {
    const handle = prop.handles[i];
    if (!handle) return;
    const dark: PaletteColor = i === 0 ? 'propDark' : 'propMid';
    // Pedal arm from the drive to the link, foot plate on top; handle pole through the pivot.
    shapes.push(...bar(ctx, drive, { x: plate.x, y: plate.y - 3 }, 3.5, dark));
    shapes.push(...bar(ctx, { x: plate.x, y: plate.y - 3 }, linkEnd, 3.5, dark));
    shapes.push(...bar(ctx, linkEnd, pivot, 3.5, dark));
    shapes.push(...bar(ctx, pivot, handle, 3.5, dark));
    shapes.push({
      kind: 'path',
      d: roundedRect(ctx, plate.x - 17, plate.y - 4, 34, 4.5, 1.5),
      fill: dark,
      stroke: 'ink',
      strokeWidth: LINE,
    });
  });
  shapes.push({
    kind: 'circle',
    center: ctx.toDrawing(pivot),
    radius: 4 * ctx.scale,
    fill: 'propDark',
    stroke: 'ink',
    strokeWidth: LINE,
  });
  shapes.push({
    kind: 'circle',
    center: ctx.toDrawing(drive),
    radius: 6 * ctx.scale,
    fill: 'propDark',
    stroke: 'ink',
    strokeWidth: LINE,
  });
  return shapes;
}
