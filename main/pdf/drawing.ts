/**
 * Draws a renderer-independent Drawing (shared/drawing) on the PDF, as vectors: the drawing's
 * frame is scaled into a box on the page and clipped to it. The mapping follows the drawing
 * model's README: polygons and polylines as move/line paths, circles as four Bézier arcs, SVG
 * path data (M, L, Q, C, Z; quadratics raised to cubics, which is all PDF has), lines, and arrows
 * expanded by arrowParts. Widths and dashes are in drawing units, so they scale with the picture.
 *
 * A picture is thousands of points. Going through pdfkit's path calls would cost one small buffer
 * per point; instead each shape is written once as PDF path operators (the same operators pdfkit
 * writes) and a drawing's operators are kept for the next document, since a Drawing is plain,
 * unchanging data. pdfkit still sets up everything around them: the clip, the transform, the
 * background, and the graphics-state resource of any shape drawn see-through.
 */
import type { Drawing, PaletteColor, Point, Shape } from '../../shared/drawing/drawing';
import { arrowParts, PALETTE } from '../../shared/drawing/drawing';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Doc = PDFKit.PDFDocument;
type Palette = Readonly<Record<PaletteColor, string>>;

/** A run of operators, drawn see-through when `opacity` is set. */
interface Piece {
  ops: string;
  opacity?: number;
}

/** Two decimals of a drawing unit (a 400-unit picture 4 cm wide: 0.001 mm), no "-0". */
function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

function rgb(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  const c = (shift: number) => num(((v >> shift) & 0xff) / 255);
  return `${c(16)} ${c(8)} ${c(0)}`;
}

function polyline(points: readonly Point[], close: boolean): string {
  const [first, ...rest] = points;
  if (!first) return '';
  const ops = [`${num(first.x)} ${num(first.y)} m`];
  for (const p of rest) ops.push(`${num(p.x)} ${num(p.y)} l`);
  if (close) ops.push('h');
  return ops.join('\n');
}

/** Bézier handle length for a quarter circle (the same constant pdfkit uses). */
const KAPPA = (4 * (Math.SQRT2 - 1)) / 3;

function circle(c: Point, r: number): string {
  const k = r * KAPPA;
  const { x, y } = c;
  return [
    `${num(x - r)} ${num(y)} m`,
    `${num(x - r)} ${num(y - k)} ${num(x - k)} ${num(y - r)} ${num(x)} ${num(y - r)} c`,
    `${num(x + k)} ${num(y - r)} ${num(x + r)} ${num(y - k)} ${num(x + r)} ${num(y)} c`,
    `${num(x + r)} ${num(y + k)} ${num(x + k)} ${num(y + r)} ${num(x)} ${num(y + r)} c`,
    `${num(x - k)} ${num(y + r)} ${num(x - r)} ${num(y + k)} ${num(x - r)} ${num(y)} c`,
    'h',
  ].join('\n');
}

/** SVG path data with absolute M, L, Q, C and Z (the drawing model's subset) as PDF operators. */
export function pathOps(d: string): string {
  const tokens = d.match(/[A-Za-z]|-?\d+(?:\.\d+)?/g) ?? [];
  const ops: string[] = [];
  let i = 0;
  let command = '';
  let current = { x: 0, y: 0 };
  let start = current;
  const next = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      i++;
      if (command === 'Z') {
        ops.push('h');
        current = start;
        continue;
      }
    }
    switch (command) {
      case 'M':
        current = { x: next(), y: next() };
        start = current;
        ops.push(`${num(current.x)} ${num(current.y)} m`);
        command = 'L'; // further pairs after M are line-tos, as in SVG
        break;
      case 'L':
        current = { x: next(), y: next() };
        ops.push(`${num(current.x)} ${num(current.y)} l`);
        break;
      case 'Q': {
        const q = { x: next(), y: next() };
        const end = { x: next(), y: next() };
        const c1 = { x: current.x + (2 / 3) * (q.x - current.x), y: current.y + (2 / 3) * (q.y - current.y) };
        const c2 = { x: end.x + (2 / 3) * (q.x - end.x), y: end.y + (2 / 3) * (q.y - end.y) };
        ops.push(`${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(end.x)} ${num(end.y)} c`);
        current = end;
        break;
      }
      case 'C': {
        const [x1, y1, x2, y2, x, y] = [next(), next(), next(), next(), next(), next()];
        ops.push(`${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(x)} ${num(y)} c`);
        current = { x, y };
        break;
      }
      default:
        throw new Error(`Unsupported path data: ${d.slice(0, 40)}`);
    }
  }
  return ops.join('\n');
}

const CAPS = { butt: 0, round: 1, square: 2 } as const;
const JOINS = { miter: 0, round: 1, bevel: 2 } as const;

/** One shape as operators inside its own graphics state (q ... Q), or '' when it paints nothing. */
function shapeOps(shape: Shape, palette: Palette): string {
  const fill = shape.fill ? palette[shape.fill] : null;
  const stroke = shape.stroke ? palette[shape.stroke] : null;
  if (!fill && !stroke) return '';
  let geometry: string;
  switch (shape.kind) {
    case 'line':
      geometry = polyline([shape.from, shape.to], false);
      break;
    case 'polyline':
      geometry = polyline(shape.points, false);
      break;
    case 'polygon':
      geometry = polyline(shape.points, true);
      break;
    case 'circle':
      geometry = circle(shape.center, shape.radius);
      break;
    case 'path':
      geometry = pathOps(shape.d);
      break;
    case 'arrow':
      return arrowParts(shape)
        .map((part) => shapeOps(part, palette))
        .join('\n');
  }
  const ops = ['q'];
  // As in SVG (drawingToSvg): a line has no inside to fill; an open polyline or path is filled
  // as if closed, which is also what a PDF fill does. Nonzero winding, as in both.
  const fillable = fill !== null && shape.kind !== 'line';
  if (fillable) ops.push(`${rgb(fill)} rg`);
  if (stroke) {
    ops.push(`${rgb(stroke)} RG`, `${num(shape.strokeWidth ?? 1)} w`);
    if (shape.cap) ops.push(`${CAPS[shape.cap]} J`);
    if (shape.join) ops.push(`${JOINS[shape.join]} j`);
    if (shape.dash) ops.push(`[${num(shape.dash[0])} ${num(shape.dash[1])}] 0 d`);
  }
  ops.push(geometry, fillable && stroke ? 'B' : fillable ? 'f' : 'S', 'Q');
  return ops.join('\n');
}

function compile(drawing: Drawing, palette: Palette): Piece[] {
  const pieces: Piece[] = [];
  let plain: string[] = [];
  const flush = () => {
    if (plain.length > 0) pieces.push({ ops: plain.join('\n') });
    plain = [];
  };
  for (const shape of drawing.shapes) {
    const ops = shapeOps(shape, palette);
    if (ops === '') continue;
    if (shape.opacity !== undefined && shape.opacity < 1) {
      flush();
      pieces.push({ ops, opacity: shape.opacity });
    } else {
      plain.push(ops);
    }
  }
  flush();
  return pieces;
}

/** Operators of drawings already drawn once with the default palette. */
const compiled = new WeakMap<Drawing, Piece[]>();

function piecesOf(drawing: Drawing, palette: Palette): Piece[] {
  if (palette !== PALETTE) return compile(drawing, palette);
  let pieces = compiled.get(drawing);
  if (!pieces) {
    pieces = compile(drawing, palette);
    compiled.set(drawing, pieces);
  }
  return pieces;
}

/**
 * Draws `drawing` scaled to fit `box` (keeping its proportions, centred) and clipped to the box.
 * `palette` swaps the colours (a print palette); by default the drawing's own.
 */
export function drawDrawing(doc: Doc, drawing: Drawing, box: Box, palette: Palette = PALETTE): void {
  const scale = Math.min(box.width / drawing.width, box.height / drawing.height);
  const dx = box.x + (box.width - drawing.width * scale) / 2;
  const dy = box.y + (box.height - drawing.height * scale) / 2;
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  doc.translate(dx, dy).scale(scale);
  if (drawing.background) {
    doc.rect(0, 0, drawing.width, drawing.height).fill(palette[drawing.background]);
  }
  for (const piece of piecesOf(drawing, palette)) {
    if (piece.opacity === undefined) {
      doc.addContent(piece.ops);
    } else {
      doc.save();
      doc.opacity(piece.opacity);
      doc.addContent(piece.ops);
      doc.restore();
    }
  }
  doc.restore();
}
