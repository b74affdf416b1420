/** Plane geometry used to build drawings: convex hulls of circles (limbs with volume), boxes. */
import type { Point } from './drawing';

export interface Circle {
  readonly center: Point;
  readonly radius: number;
}

export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Convex hull, counter-clockwise, by Andrew's monotone chain. Collinear points are dropped. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** The outline of a set of circles wrapped in one rubber band: a limb, a tapered torso, a foot. */
export function hullOfCircles(circles: readonly Circle[], samplesPerCircle = 20): Point[] {
  const points: Point[] = [];
  for (const c of circles) {
    for (let i = 0; i < samplesPerCircle; i++) {
      const a = (i / samplesPerCircle) * Math.PI * 2;
      points.push({ x: c.center.x + Math.cos(a) * c.radius, y: c.center.y + Math.sin(a) * c.radius });
    }
  }
  return convexHull(points);
}

export function boxOf(points: readonly Point[], pad = 0): Box | null {
  if (points.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX: minX - pad, minY: minY - pad, maxX: maxX + pad, maxY: maxY + pad };
}

export function unionBox(a: Box | null, b: Box | null): Box | null {
  if (!a) return b;
  if (!b) return a;
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  };
}
