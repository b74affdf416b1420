/** Painting helpers shared by the props (world-centimetre rectangles, bars and rounded boxes), and the schema pieces for their sizes. */
import { z } from 'zod';
import type { PaletteColor, Point, Shape } from '../../drawing/drawing';
import { fmt } from '../../drawing/drawing';
import type { Box } from '../../drawing/geometry';

/** World centimetres (y up) to drawing units (y down), and the scale between them. */
export interface PaintContext {
  readonly toDrawing: (p: { readonly x: number; readonly y: number }) => Point;
  readonly scale: number;
}

/** Schema pieces for props' positions and sizes, in world centimetres. */
export const cm = (label: string) =>
  z
    .number({ error: `${label} must be a number of centimetres.` })
    .min(-1000, { error: `${label} must be within 10 m of the figure.` })
    .max(1000, { error: `${label} must be within 10 m of the figure.` });
export const size = (label: string) =>
  z
    .number({ error: `${label} must be a number of centimetres.` })
    .positive({ error: `${label} must be more than 0 cm.` })
    .max(500, { error: `${label} must be 5 m or less.` });
export const at = (label: string) => z.strictObject({ x: cm(`${label} x`), y: cm(`${label} y`) });

/** Outline width of props, in drawing units. */
export const LINE = 2.4;
export const WALL_THICKNESS = 16;

export function rect(ctx: PaintContext, x: number, y: number, w: number, h: number): Point[] {
  return [
    ctx.toDrawing({ x, y }),
    ctx.toDrawing({ x: x + w, y }),
    ctx.toDrawing({ x: x + w, y: y + h }),
    ctx.toDrawing({ x, y: y + h }),
  ];
}

export function box(x: number, y: number, w: number, h: number): Box {
  return { minX: x, minY: y, maxX: x + w, maxY: y + h };
}

/** Rounded rectangle as path data (quadratic corners), in drawing units. */
export function roundedRect(ctx: PaintContext, x: number, y: number, w: number, h: number, r: number): string {
  const a = ctx.toDrawing({ x, y: y + h });
  const b = ctx.toDrawing({ x: x + w, y });
  const rr = Math.min(r * ctx.scale, (b.x - a.x) / 2, (b.y - a.y) / 2);
  const f = fmt;
  return [
    `M ${f(a.x + rr)} ${f(a.y)}`,
    `L ${f(b.x - rr)} ${f(a.y)} Q ${f(b.x)} ${f(a.y)} ${f(b.x)} ${f(a.y + rr)}`,
    `L ${f(b.x)} ${f(b.y - rr)} Q ${f(b.x)} ${f(b.y)} ${f(b.x - rr)} ${f(b.y)}`,
    `L ${f(a.x + rr)} ${f(b.y)} Q ${f(a.x)} ${f(b.y)} ${f(a.x)} ${f(b.y - rr)}`,
    `L ${f(a.x)} ${f(a.y + rr)} Q ${f(a.x)} ${f(a.y)} ${f(a.x + rr)} ${f(a.y)} Z`,
  ].join(' ');
}

export function solid(points: Point[], fill: PaletteColor = 'prop', stroke: PaletteColor = 'ink'): Shape {
  return { kind: 'polygon', points, fill, stroke, strokeWidth: LINE, join: 'round' };
}

export function bar(
  ctx: PaintContext,
  from: { x: number; y: number },
  to: { x: number; y: number },
  thickness: number,
  color: PaletteColor = 'propDark',
): Shape[] {
  const a = ctx.toDrawing(from);
  const b = ctx.toDrawing(to);
  return [
    { kind: 'line', from: a, to: b, stroke: 'ink', strokeWidth: thickness * ctx.scale + LINE * 2, cap: 'round' },
    { kind: 'line', from: a, to: b, stroke: color, strokeWidth: thickness * ctx.scale, cap: 'round' },
  ];
}
