import { describe, expect, it } from 'vitest';
import type { Point, Shape } from '../../../shared/drawing/drawing';
import type { PoseScene as PoseSceneType } from '../../../shared/clinical/pose/scene';
import { DRAWING_HEIGHT, DRAWING_WIDTH, PoseScene, renderScene } from '../../../shared/clinical/pose/scene';

const standing: PoseSceneType['start'] = { position: { joint: 'rightHeel', x: 0, y: 0 }, right: {}, left: {} };
const onToes: PoseSceneType['start'] = {
  position: { joint: 'rightBall', x: 15, y: 0 },
  right: { ankle: -35, toes: 35 },
  left: { ankle: -35, toes: 35 },
};

function points(shapes: readonly Shape[], pick: (s: Shape) => boolean): Point[] {
  return shapes.filter(pick).flatMap((s) => (s.kind === 'polygon' ? s.points : []));
}

describe('renderScene', () => {
  const scene: PoseSceneType = {
    start: standing,
    end: onToes,
    props: [{ kind: 'floor' }, { kind: 'wall', x: 60, side: 'right' }],
    arrows: [{ kind: 'move', joint: 'rightHeel' }],
  };

  it('draws a 4:3 picture: solid start, dashed light end, props and a movement arrow', () => {
    const drawing = renderScene(scene, { title: 'Calf raise' });
    expect([drawing.width, drawing.height]).toEqual([DRAWING_WIDTH, DRAWING_HEIGHT]);
    const shapes = drawing.shapes;
    expect(shapes.some((s) => s.kind === 'polygon' && s.fill === 'figure')).toBe(true);
    expect(shapes.some((s) => s.kind === 'polygon' && s.fill === 'ghost')).toBe(true);
    expect(shapes.filter((s) => s.kind === 'polygon' && s.stroke === 'ghostInk').every((s) => s.dash)).toBe(true);
    expect(
      shapes
        .filter((s) => s.kind === 'polygon' && s.stroke === 'ink' && s.strokeWidth && s.strokeWidth > 4)
        .every((s) => !s.dash),
    ).toBe(true);
    expect(shapes.at(-1)?.kind).toBe('arrow');
    // The end pose is painted before (behind) the start pose.
    const firstGhost = shapes.findIndex((s) => s.kind === 'polygon' && s.fill === 'ghost');
    const firstSolid = shapes.findIndex((s) => s.kind === 'polygon' && s.fill === 'figure');
    expect(firstGhost).toBeLessThan(firstSolid);
  });

  it('fits the whole figure inside the frame', () => {
    const drawing = renderScene(scene, { title: 'Calf raise' });
    const figure = points(drawing.shapes, (s) => s.kind === 'polygon' && (s.fill === 'figure' || s.fill === 'ghost'));
    for (const p of figure) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(DRAWING_WIDTH);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(DRAWING_HEIGHT);
    }
  });

  it('puts the end pose beside the start when asked', () => {
    const drawing = renderScene({ ...scene, beside: 100 }, { title: 'Calf raise' });
    const solid = points(drawing.shapes, (s) => s.kind === 'polygon' && s.fill === 'figure');
    const ghost = points(drawing.shapes, (s) => s.kind === 'polygon' && s.fill === 'ghost');
    expect(Math.min(...ghost.map((p) => p.x))).toBeGreaterThan(Math.max(...solid.map((p) => p.x)));
  });

  it('gives even a small movement an arrow long enough to read', () => {
    const tiny: PoseSceneType = { ...scene, end: { ...standing, position: { joint: 'rightHeel', x: 1, y: 0 } } };
    const arrow = renderScene(tiny, { title: 'x' }).shapes.find((s) => s.kind === 'arrow');
    if (arrow?.kind !== 'arrow') throw new Error('no arrow');
    expect(Math.hypot(arrow.to.x - arrow.from.x, arrow.to.y - arrow.from.y)).toBeGreaterThanOrEqual(63);
  });

  it('shows one pose and no ghost for a hold', () => {
    const drawing = renderScene({ start: standing, props: [{ kind: 'floor' }], arrows: [] }, { title: 'Stand' });
    expect(drawing.shapes.some((s) => s.kind === 'polygon' && s.fill === 'ghost')).toBe(false);
  });
});

describe('PoseScene schema', () => {
  it('says which prop kinds exist', () => {
    const result = PoseScene.safeParse({ start: standing, props: [{ kind: 'trampoline' }], arrows: [] });
    expect(result.error?.issues[0]?.message).toMatch(/^Choose a prop from the list: floor, wall, step/);
  });

  it('keeps the end pose apart when drawn beside', () => {
    const result = PoseScene.safeParse({ start: standing, end: onToes, beside: 5, props: [], arrows: [] });
    expect(result.error?.issues[0]?.message).toBe('Put the end pose at least 20 cm beside the start.');
  });
});
