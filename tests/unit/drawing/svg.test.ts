import { describe, expect, it } from 'vitest';
import type { Drawing } from '../../../shared/drawing/drawing';
import { arrowParts, isSimplePathData, PALETTE } from '../../../shared/drawing/drawing';
import { convexHull, hullOfCircles } from '../../../shared/drawing/geometry';
import { drawingToSvg, escapeXml } from '../../../shared/drawing/svg';
import { checkXml } from '../../helpers/xml';

const drawing: Drawing = {
  width: 400,
  height: 300,
  title: 'Knee-to-wall <ankle> & "calf"',
  description: 'A lunge facing a wall.',
  background: 'paper',
  shapes: [
    { kind: 'line', from: { x: 0, y: 290 }, to: { x: 400, y: 290 }, stroke: 'ink', strokeWidth: 3 },
    { kind: 'circle', center: { x: 100, y: 100 }, radius: 20, fill: 'figure', stroke: 'ink', strokeWidth: 2 },
    {
      kind: 'polygon',
      points: [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 5, y: 8 },
      ],
      fill: 'ghost',
      dash: [5, 3],
      stroke: 'ghostInk',
    },
    {
      kind: 'polyline',
      points: [
        { x: 0, y: 0 },
        { x: 10, y: 10 },
      ],
      stroke: 'propDark',
      opacity: 0.5,
    },
    { kind: 'path', d: 'M 0 0 L 10 10 Q 20 0 30 10 C 40 0 50 0 60 10 Z', fill: 'prop' },
    {
      kind: 'arrow',
      from: { x: 50, y: 50 },
      to: { x: 150, y: 50 },
      control: { x: 100, y: 0 },
      headLength: 20,
      stroke: 'accent',
      strokeWidth: 6,
      halo: 'paper',
    },
  ],
};

describe('drawingToSvg', () => {
  const svg = drawingToSvg(drawing);

  it('writes a standalone, well-formed SVG document with a viewBox', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"')).toBe(true);
    const xml = checkXml(svg);
    expect(xml.problems).toEqual([]);
    expect(xml.elements[0]).toBe('svg');
  });

  it('names the picture for screen readers with an escaped title and a description', () => {
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="drawing-title">Knee-to-wall &lt;ankle&gt; &amp; &quot;calf&quot;</title>');
    expect(svg).toContain('<desc id="drawing-desc">A lunge facing a wall.</desc>');
    expect(svg).toContain('aria-labelledby="drawing-title drawing-desc"');
  });

  it('paints every primitive, with palette colours, dashes and opacity', () => {
    expect(svg).toContain(`fill="${PALETTE.figure}"`);
    expect(svg).toContain('stroke-dasharray="5 3"');
    expect(svg).toContain('opacity="0.5"');
    expect(svg.match(/<(line|circle|polygon|polyline|path)\b/g)?.length).toBeGreaterThanOrEqual(8);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('uses another palette when asked (a print palette)', () => {
    const grey = Object.fromEntries(Object.keys(PALETTE).map((k) => [k, '#777777'])) as Record<
      keyof typeof PALETTE,
      string
    >;
    const printed = drawingToSvg(drawing, { palette: grey, width: '4cm', idPrefix: 'p1' });
    expect(printed).not.toContain(PALETTE.figure);
    expect(printed).toContain('width="4cm"');
    expect(printed).toContain('<title id="p1-title">');
  });

  it('expands an arrow into a halo, a shaft that stops short of the tip, and a filled head', () => {
    const arrow = drawing.shapes[5];
    if (arrow?.kind !== 'arrow') throw new Error('fixture');
    const parts = arrowParts(arrow);
    expect(parts.map((p) => p.kind)).toEqual(['path', 'polygon', 'path', 'polygon']);
    const head = parts[3];
    expect(head?.kind === 'polygon' && head.points[0]).toEqual({ x: 150, y: 50 });
    const shaft = parts[2];
    expect(shaft?.kind === 'path' && isSimplePathData(shaft.d)).toBe(true);
  });
});

describe('path data and escaping', () => {
  it('accepts only absolute M, L, Q, C and Z commands', () => {
    expect(isSimplePathData('M 1 2 L 3.5 -4 Q 1 1 2 2 C 1 1 2 2 3 3 Z')).toBe(true);
    expect(isSimplePathData('M 1 2 A 5 5 0 0 1 10 10')).toBe(false);
    expect(isSimplePathData('m 1 2 l 3 4')).toBe(false);
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('geometry', () => {
  it('finds the convex hull of a square with an inside point', () => {
    const hull = convexHull([
      { x: 0, y: 0 },
      { x: 2, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 0, y: 2 },
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).not.toContainEqual({ x: 1, y: 1 });
  });

  it('wraps two circles into a capsule that reaches both ends', () => {
    const hull = hullOfCircles([
      { center: { x: 0, y: 0 }, radius: 5 },
      { center: { x: 20, y: 0 }, radius: 3 },
    ]);
    expect(Math.min(...hull.map((p) => p.x))).toBeCloseTo(-5, 5);
    expect(Math.max(...hull.map((p) => p.x))).toBeCloseTo(23, 5);
  });
});
