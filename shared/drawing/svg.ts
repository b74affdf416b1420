/** Render a Drawing as a standalone SVG document (for the screen, previews and tests). */
import type { Drawing, PaletteColor, Point, Shape, ShapeStyle } from './drawing';
import { arrowParts, fmt, PALETTE } from './drawing';

export interface SvgOptions {
  /** Width attribute, e.g. '4cm' or '320'. Defaults to the drawing width in user units. */
  readonly width?: string;
  /** Height attribute. Defaults to the drawing height, or scales with `width` when only that is set. */
  readonly height?: string;
  /** Colours to use instead of the default palette (a print palette, a dark theme). */
  readonly palette?: Readonly<Record<PaletteColor, string>>;
  /** Prefix for element ids, so several SVGs can live in one page. */
  readonly idPrefix?: string;
}

export function drawingToSvg(drawing: Drawing, options: SvgOptions = {}): string {
  const palette = options.palette ?? PALETTE;
  const id = options.idPrefix ?? 'drawing';
  const w = fmt(drawing.width);
  const h = fmt(drawing.height);
  const size =
    options.width !== undefined
      ? ` width="${escapeXml(options.width)}"${options.height !== undefined ? ` height="${escapeXml(options.height)}"` : ''}`
      : ` width="${w}" height="${h}"`;
  const labelled = drawing.description ? `${id}-title ${id}-desc` : `${id}-title`;
  const lines: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}"${size} role="img" aria-labelledby="${labelled}">`,
    `<title id="${id}-title">${escapeXml(drawing.title)}</title>`,
  ];
  if (drawing.description) lines.push(`<desc id="${id}-desc">${escapeXml(drawing.description)}</desc>`);
  // Shapes may reach past the frame; the clip keeps them inside when the SVG is inlined.
  lines.push(`<defs><clipPath id="${id}-frame"><rect x="0" y="0" width="${w}" height="${h}"/></clipPath></defs>`);
  lines.push(`<g clip-path="url(#${id}-frame)">`);
  if (drawing.background) {
    lines.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${palette[drawing.background]}"/>`);
  }
  for (const shape of drawing.shapes) {
    for (const part of shape.kind === 'arrow' ? arrowParts(shape) : [shape]) lines.push(shapeToSvg(part, palette));
  }
  lines.push('</g>', '</svg>');
  return lines.join('\n');
}

function shapeToSvg(shape: Shape, palette: Readonly<Record<PaletteColor, string>>): string {
  const style = styleAttributes(shape, palette);
  switch (shape.kind) {
    case 'line':
      return `<line x1="${fmt(shape.from.x)}" y1="${fmt(shape.from.y)}" x2="${fmt(shape.to.x)}" y2="${fmt(shape.to.y)}"${style}/>`;
    case 'polyline':
      return `<polyline points="${points(shape.points)}"${style}/>`;
    case 'polygon':
      return `<polygon points="${points(shape.points)}"${style}/>`;
    case 'circle':
      return `<circle cx="${fmt(shape.center.x)}" cy="${fmt(shape.center.y)}" r="${fmt(shape.radius)}"${style}/>`;
    case 'path':
      return `<path d="${escapeXml(shape.d)}"${style}/>`;
    case 'arrow':
      return arrowParts(shape)
        .map((p) => shapeToSvg(p, palette))
        .join('\n');
  }
}

function styleAttributes(style: ShapeStyle, palette: Readonly<Record<PaletteColor, string>>): string {
  const attrs: string[] = [];
  attrs.push(`fill="${style.fill ? palette[style.fill] : 'none'}"`);
  if (style.stroke) {
    attrs.push(`stroke="${palette[style.stroke]}"`, `stroke-width="${fmt(style.strokeWidth ?? 1)}"`);
    if (style.cap) attrs.push(`stroke-linecap="${style.cap}"`);
    if (style.join) attrs.push(`stroke-linejoin="${style.join}"`);
    if (style.dash) attrs.push(`stroke-dasharray="${fmt(style.dash[0])} ${fmt(style.dash[1])}"`);
  }
  if (style.opacity !== undefined && style.opacity < 1) attrs.push(`opacity="${fmt(style.opacity)}"`);
  return ' ' + attrs.join(' ');
}

function points(ps: readonly Point[]): string {
  return ps.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(' ');
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => {
    switch (c) {
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '&':
        return '&amp;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}
