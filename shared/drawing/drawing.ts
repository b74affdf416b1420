/**
 * A renderer-independent drawing: a few simple primitives on a fixed palette.
 *
 * The same Drawing is turned into SVG for the screen (drawingToSvg) and drawn with pdfkit on the
 * printed handout, so every primitive maps onto what both can do: straight lines, polylines,
 * polygons, circles, SVG path data with M/L/Q/C/Z commands only, and arrows (a straight or
 * quadratic shaft plus a filled head, see arrowParts). Colours come from the palette by name so a
 * handout can swap in a print palette without touching the drawings.
 *
 * Coordinates: x to the right, y downwards (as in SVG and pdfkit), in abstract units inside a
 * `width` x `height` frame. Shapes may reach past the frame; renderers clip to it.
 */

/** Fill and ink colours. Meaning is never carried by colour alone: see the end-pose dash. */
export const PALETTE = {
  paper: '#ffffff',
  ink: '#1e2a33',
  /** The figure, near side (the side facing the viewer). */
  figure: '#5d93c4',
  /** The figure, far side: darker so crossing limbs read apart. */
  figureFar: '#36648e',
  /** The end position: lighter fill with a dashed outline. */
  ghost: '#dbe7f2',
  ghostFar: '#b9cee2',
  ghostInk: '#55626d',
  /** Props: wall, floor, step, bench, roller, machines. */
  prop: '#dde1e5',
  propMid: '#b4bcc3',
  propDark: '#6f7b85',
  water: '#d3e9f7',
  /** Movement arrows. */
  accent: '#c2410c',
} as const;
export type PaletteColor = keyof typeof PALETTE;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ShapeStyle {
  readonly fill?: PaletteColor;
  readonly stroke?: PaletteColor;
  /** In drawing units. Defaults to 1 when a stroke is set. */
  readonly strokeWidth?: number;
  /** Dash length and gap, in drawing units. */
  readonly dash?: readonly [number, number];
  /** 0..1, applied to the whole shape. */
  readonly opacity?: number;
  readonly cap?: 'round' | 'butt' | 'square';
  readonly join?: 'round' | 'miter' | 'bevel';
}

export interface LineShape extends ShapeStyle {
  readonly kind: 'line';
  readonly from: Point;
  readonly to: Point;
}

export interface PolylineShape extends ShapeStyle {
  readonly kind: 'polyline';
  readonly points: readonly Point[];
}

export interface PolygonShape extends ShapeStyle {
  readonly kind: 'polygon';
  readonly points: readonly Point[];
}

export interface CircleShape extends ShapeStyle {
  readonly kind: 'circle';
  readonly center: Point;
  readonly radius: number;
}

/** SVG path data using absolute M, L, Q, C and Z commands only (pdfkit's `path()` reads it as is). */
export interface PathShape extends ShapeStyle {
  readonly kind: 'path';
  readonly d: string;
}

/**
 * A movement arrow: a shaft from `from` to `to`, bent through the quadratic control point when
 * given, with a filled head at `to`. Use arrowParts() to turn it into a path and a polygon.
 */
export interface ArrowShape extends ShapeStyle {
  readonly kind: 'arrow';
  readonly from: Point;
  readonly to: Point;
  readonly control?: Point;
  /** Length of the head along the shaft, in drawing units. */
  readonly headLength: number;
  /** Drawn first, wider, in this colour, so the arrow reads on top of the figure. */
  readonly halo?: PaletteColor;
}

export type Shape = LineShape | PolylineShape | PolygonShape | CircleShape | PathShape | ArrowShape;

export interface Drawing {
  readonly width: number;
  readonly height: number;
  /** Short accessible name, e.g. the exercise name. */
  readonly title: string;
  /** Longer text alternative: what the picture shows. */
  readonly description?: string;
  readonly background?: PaletteColor;
  /** Painted in order: later shapes cover earlier ones. */
  readonly shapes: readonly Shape[];
}

const PATH_DATA = /^(?:\s*[MLQCZ](?:\s*-?\d+(?:\.\d+)?(?:[\s,]+-?\d+(?:\.\d+)?)*)?)+\s*$/;

/** True when `d` uses only the path commands every renderer here supports. */
export function isSimplePathData(d: string): boolean {
  return PATH_DATA.test(d);
}

/** Turn an arrow into the shapes a renderer draws: an optional halo, the shaft and the head. */
export function arrowParts(arrow: ArrowShape): Shape[] {
  const { from, to, control, headLength } = arrow;
  const width = arrow.strokeWidth ?? 1;
  const stroke = arrow.stroke ?? 'ink';
  // The shaft stops where the head begins so its round cap does not poke through the tip.
  const toward = control ?? from;
  const len = Math.hypot(to.x - toward.x, to.y - toward.y) || 1;
  const ux = (to.x - toward.x) / len;
  const uy = (to.y - toward.y) / len;
  const base = { x: to.x - ux * headLength, y: to.y - uy * headLength };
  const shaftEnd = { x: to.x - ux * headLength * 0.8, y: to.y - uy * headLength * 0.8 };
  const halfHead = headLength * 0.55;
  const head: PolygonShape = {
    kind: 'polygon',
    points: [
      to,
      { x: base.x - uy * halfHead, y: base.y + ux * halfHead },
      { x: base.x + uy * halfHead, y: base.y - ux * halfHead },
    ],
    fill: stroke,
    stroke,
    strokeWidth: width * 0.5,
    join: 'round',
    ...(arrow.opacity === undefined ? {} : { opacity: arrow.opacity }),
  };
  const d = control
    ? `M ${fmt(from.x)} ${fmt(from.y)} Q ${fmt(control.x)} ${fmt(control.y)} ${fmt(shaftEnd.x)} ${fmt(shaftEnd.y)}`
    : `M ${fmt(from.x)} ${fmt(from.y)} L ${fmt(shaftEnd.x)} ${fmt(shaftEnd.y)}`;
  const shaft: PathShape = {
    kind: 'path',
    d,
    stroke,
    strokeWidth: width,
    cap: 'round',
    ...(arrow.dash ? { dash: arrow.dash } : {}),
    ...(arrow.opacity === undefined ? {} : { opacity: arrow.opacity }),
  };
  const parts: Shape[] = [];
  if (arrow.halo) {
    const halo = arrow.halo;
    parts.push({ kind: 'path', d, stroke: halo, strokeWidth: width + 5, cap: 'round' });
    parts.push({ ...head, fill: halo, stroke: halo, strokeWidth: 5 });
  }
  parts.push(shaft, head);
  return parts;
}

/** Numbers in path data and SVG attributes: two decimals at most, no "-0". */
export function fmt(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
