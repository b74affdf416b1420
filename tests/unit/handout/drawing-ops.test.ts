/** The picture renderer's path data: SVG commands in, PDF operators out. */
import { describe, expect, it } from 'vitest';
import { pathOps } from '../../../main/pdf/drawing';

describe('pathOps', () => {
  it('writes moves, lines and closes as PDF operators', () => {
    expect(pathOps('M 10 20 L 30 40 50 60 Z')).toBe('10 20 m\n30 40 l\n50 60 l\nh');
  });

  it('raises a quadratic curve to the cubic PDF draws (same curve)', () => {
    expect(pathOps('M 0 0 Q 30 0 30 30')).toBe('0 0 m\n20 0 30 10 30 30 c');
  });

  it('keeps cubic curves and negative or decimal numbers', () => {
    expect(pathOps('M -1.5 2 C 1 2 3 4.25 -5 6')).toBe('-1.5 2 m\n1 2 3 4.25 -5 6 c');
  });

  it('refuses commands the drawing model does not allow', () => {
    expect(() => pathOps('M 0 0 A 5 5 0 0 1 10 10')).toThrow(/Unsupported path data/);
  });
});
