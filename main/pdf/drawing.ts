/**
 * Draws a renderer-independent Drawing (shared/drawing) with pdfkit, as vectors: the drawing's
 * frame is scaled into a box on the page and clipped to it. The mapping follows the drawing
 * model's README: polygons and polylines as move/line paths, circles, SVG path data (M, L, Q, C,
 * Z), lines, and arrows expanded by arrowParts. Widths and dashes are in drawing units, so they
 * scale with the picture like everything else.
 */
import type { Drawing, PaletteColor, Point, Shape } from '../../shared/drawing/drawing';
import { arrowParts, PALETTE } from '../../shared/drawing/drawing';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The pdfkit calls this module makes; PDFKit.PDFDocument satisfies it. */
type Doc = PDFKit.PDFDocument;

function trace(doc: Doc, points: readonly Point[], close: boolean): void {
  const [first, ...rest] = points;
  if (!first) return;
  doc.moveTo(first.x, first.y);
  for (const p of rest) doc.lineTo(p.x, p.y);
  if (close) doc.closePath();
}

function paint(doc: Doc, shape: Shape, palette: Readonly<Record<PaletteColor, string>>): void {
  const fill = shape.fill ? palette[shape.fill] : null;
  const stroke = shape.stroke ? palette[shape.stroke] : null;
  if (!fill && !stroke) return;
  doc.save();
  if (shape.opacity !== undefined && shape.opacity < 1) doc.opacity(shape.opacity);
  if (stroke) {
    doc.lineWidth(shape.strokeWidth ?? 1);
    if (shape.cap) doc.lineCap(shape.cap);
    if (shape.join) doc.lineJoin(shape.join);
    if (shape.dash) doc.dash(shape.dash[0], { space: shape.dash[1] });
  }
  switch (shape.kind) {
    case 'line':
      trace(doc, [shape.from, shape.to], false);
      break;
    case 'polyline':
      trace(doc, shape.points, false);
      break;
    case 'polygon':
      trace(doc, shape.points, true);
      break;
    case 'circle':
      doc.circle(shape.center.x, shape.center.y, shape.radius);
      break;
    case 'path':
      doc.path(shape.d);
      break;
    case 'arrow':
      // Expanded by the caller; never reached.
      break;
  }
  // As in SVG (drawingToSvg): a line has no inside to fill; an open polyline or path is filled
  // as if closed, which is also what a PDF fill does.
  const fillable = fill && shape.kind !== 'line';
  if (fillable && stroke) doc.fillAndStroke(fill, stroke);
  else if (fillable) doc.fill(fill);
  else if (stroke) doc.stroke(stroke);
  doc.restore();
}

/**
 * Draws `drawing` scaled to fit `box` (keeping its proportions, centred) and clipped to the box.
 * `palette` swaps the colours (a print palette); by default the drawing's own.
 */
export function drawDrawing(
  doc: Doc,
  drawing: Drawing,
  box: Box,
  palette: Readonly<Record<PaletteColor, string>> = PALETTE,
): void {
  const scale = Math.min(box.width / drawing.width, box.height / drawing.height);
  const dx = box.x + (box.width - drawing.width * scale) / 2;
  const dy = box.y + (box.height - drawing.height * scale) / 2;
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  doc.translate(dx, dy).scale(scale);
  if (drawing.background) {
    doc.rect(0, 0, drawing.width, drawing.height).fill(palette[drawing.background]);
  }
  for (const shape of drawing.shapes) {
    for (const part of shape.kind === 'arrow' ? arrowParts(shape) : [shape]) paint(doc, part, palette);
  }
  doc.restore();
}
