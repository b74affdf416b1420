/**
 * Issue 15, "Pictures match the text": each exercise picture shows what its words say. These
 * checks work on the scene data (poses and props), so each would have caught the mistake it is
 * named after: the leg swings drawn without the chair the text holds, the calf raises drawn with
 * a second wall for the end pose, the hip flexor stretches' two positions lost over each other,
 * the open book's top hand off the mat.
 */
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../../shared/clinical/exercises/index';
import { BUILT_IN_EXERCISES, findExercise } from '../../../shared/clinical/exercises/index';
import type { JointName, Skeleton } from '../../../shared/clinical/pose/pose';
import { forwardKinematics } from '../../../shared/clinical/pose/pose';
import type { Prop } from '../../../shared/clinical/pose/props';
import type { PoseScene } from '../../../shared/clinical/pose/scene';

function sceneOf(id: string): PoseScene {
  const exercise = findExercise(id);
  if (exercise?.illustration.kind !== 'pose') throw new Error(`${id} has no pose picture`);
  return exercise.illustration.scene;
}

/** The joints of the start and end pose where the picture draws them (the end moved by `beside`). */
function drawnPoses(scene: PoseScene): { role: 'start' | 'end'; joints: Skeleton['joints'] }[] {
  const out: { role: 'start' | 'end'; joints: Skeleton['joints'] }[] = [
    { role: 'start', joints: forwardKinematics(scene.start).joints },
  ];
  if (scene.end) {
    const dx = scene.beside ?? 0;
    const joints = forwardKinematics(scene.end).joints;
    const moved = Object.fromEntries(
      Object.entries(joints).map(([name, p]) => [name, { x: p.x + dx, y: p.y, z: p.z }]),
    ) as Skeleton['joints'];
    out.push({ role: 'end', joints: moved });
  }
  return out;
}

function props<K extends Prop['kind']>(scene: PoseScene, kind: K): Extract<Prop, { kind: K }>[] {
  return scene.props.filter((p): p is Extract<Prop, { kind: K }> => p.kind === kind);
}

function patientText(e: Exercise): string {
  return [e.startingPosition, ...e.steps].join(' ');
}

/** Words in the text that name a thing the picture must then show, and the props that show it. */
const THINGS: readonly { words: RegExp; props: readonly Prop['kind'][] }[] = [
  { words: /\bchair\b/i, props: ['chair'] },
  { words: /\b(a|the) step\b|\bblock\b/i, props: ['step'] },
  { words: /\bbench\b/i, props: ['bench'] },
  { words: /\bfoam roller\b/i, props: ['roller'] },
  { words: /\bpillow\b/i, props: ['pillow'] },
  { words: /\bmat\b/i, props: ['mat'] },
  { words: /\bexercise bike\b/i, props: ['bike'] },
  { words: /\bpool\b/i, props: ['water'] },
];

describe('pictures show what the words name', () => {
  it.each(BUILT_IN_EXERCISES.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
    if (exercise.illustration.kind !== 'pose') return;
    const scene = exercise.illustration.scene;
    const kinds = new Set(scene.props.map((p) => p.kind));
    // An optional support ("a wall if you need to") may be left out of the picture.
    const text = patientText(exercise).replace(/[^.]*\bif you need to\b[^.]*\./gi, '');
    for (const thing of THINGS) {
      if (thing.words.test(text))
        expect(
          thing.props.some((k) => kinds.has(k)),
          `text names ${thing.words.source}; picture has ${[...kinds].join(', ')}`,
        ).toBe(true);
    }
    // "Hold a chair or wall": one of the two.
    if (/\bchair or wall\b/i.test(text)) expect(kinds.has('chair') || kinds.has('wall')).toBe(true);
  });
});

describe('leg swings hold the chair the text names', () => {
  const scene = sceneOf('hip-leg-swings');

  it('draws a chair, and the hand on the standing side rests on its back in both poses', () => {
    const [chair] = props(scene, 'chair');
    expect(chair).toBeDefined();
    if (!chair) return;
    const dir = chair.facing === 'right' ? 1 : -1;
    // The chair prop's back post stands 2 cm in from the back edge of the 42 cm seat, 45 cm above it.
    const backTop = { x: chair.x - dir * 40, y: chair.seatHeight + 45 };
    for (const { role, joints } of drawnPoses(scene)) {
      const hand = joints.leftWrist;
      expect(Math.hypot(hand.x - backTop.x, hand.y - backTop.y), `${role} pose's hand off the chair`).toBeLessThan(6);
    }
  });
});

describe('calf raises facing a wall stand at one wall', () => {
  const atWall = BUILT_IN_EXERCISES.filter(
    (e) => e.id.startsWith('calf-raise') && /hands? on the wall/i.test(e.startingPosition),
  );

  it('covers the standing calf raises', () => {
    expect(atWall.map((e) => e.id)).toEqual(
      expect.arrayContaining(['calf-raise-both-legs', 'calf-raise-single-leg', 'calf-raise-bent-knee']),
    );
  });

  it.each(atWall.map((e) => [e.id, e] as const))(
    '%s: one wall, at the same place for start and end, a hand on it in both',
    (_id, exercise) => {
      if (exercise.illustration.kind !== 'pose') return;
      const scene = exercise.illustration.scene;
      const walls = props(scene, 'wall');
      expect(walls).toHaveLength(1);
      // Drawn beside, the end pose gets a copy of the wall of its own: two walls in the picture.
      expect(scene.beside).toBeUndefined();
      const wallX = walls[0]?.x ?? NaN;
      for (const { role, joints } of drawnPoses(scene)) {
        const nearest = Math.min(
          ...(['rightWrist', 'leftWrist'] as JointName[]).map((j) => Math.abs(joints[j].x - wallX)),
        );
        expect(nearest, `${role} pose's hands are not at the wall`).toBeLessThan(8);
      }
    },
  );
});

describe('hip flexor stretches read clearly', () => {
  const ids = ['hip-flexor-stretch-standing', 'hip-flexor-stretch-half-kneeling'];

  it.each(ids)('%s: hands on the hips in both poses, leaving the front of the hip in view', (id) => {
    for (const { role, joints } of drawnPoses(sceneOf(id))) {
      for (const wrist of ['rightWrist', 'leftWrist'] as const) {
        const d = Math.hypot(joints[wrist].x - joints.pelvis.x, joints[wrist].y - joints.pelvis.y);
        expect(d, `${role} ${wrist} is not on the hip`).toBeLessThan(14);
      }
    }
  });

  it.each([...ids, 'hip-flexor-stretch-reach'])('%s: start and stretch drawn apart, not over each other', (id) => {
    const [start, end] = drawnPoses(sceneOf(id));
    if (!start || !end) throw new Error('two poses expected');
    const xs = (j: Skeleton['joints']) => Object.values(j).map((p) => p.x);
    expect(Math.min(...xs(end.joints))).toBeGreaterThan(Math.max(...xs(start.joints)) - 10);
  });
});

describe('the open book is drawn on its mat', () => {
  it('keeps every hand and foot of both poses on the mat seen from above', () => {
    const scene = sceneOf('thoracic-open-book');
    const [mat] = props(scene, 'mat');
    if (!mat?.depth || mat.y === undefined) throw new Error('a top-view mat expected');
    const inside = (p: { x: number; y: number }) =>
      p.x >= mat.x && p.x <= mat.x + mat.width && p.y >= (mat.y ?? 0) && p.y <= (mat.y ?? 0) + (mat.depth ?? 0);
    const ends: JointName[] = ['rightHand', 'leftHand', 'rightToe', 'leftToe', 'head'];
    for (const { role, joints } of drawnPoses(scene)) {
      for (const j of ends) expect(inside(joints[j]), `${role} ${j} off the mat`).toBe(true);
    }
  });
});
