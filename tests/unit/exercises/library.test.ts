import { describe, expect, it } from 'vitest';
import type { Exercise as ExerciseType } from '../../../shared/clinical/exercises/index';
import {
  BUILT_IN_EXERCISES,
  Dosage,
  Exercise,
  findExercise,
  illustrationDrawing,
  illustrationSvg,
  libraryProblems,
  variantsOf,
} from '../../../shared/clinical/exercises/index';
import { forwardKinematics } from '../../../shared/clinical/pose/pose';
import { isSimplePathData } from '../../../shared/drawing/drawing';
import { checkXml } from '../../helpers/xml';

const ids = BUILT_IN_EXERCISES.map((e) => e.id);

describe('built-in exercise library', () => {
  it('holds at least 16 exercises with unique ids', () => {
    expect(BUILT_IN_EXERCISES.length).toBeGreaterThanOrEqual(16);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("covers the seed's mobility areas, strength families and cross-training", () => {
    const has = (pred: (e: ExerciseType) => boolean) => BUILT_IN_EXERCISES.filter(pred).map((e) => e.id);
    const mobility = (region: string) =>
      has((e) => e.tags.type === 'mobility' && e.tags.regions.some((r) => r === region));
    expect(mobility('ankle')).toContain('ankle-knee-to-wall');
    expect(mobility('hip')).toEqual(
      expect.arrayContaining(['hip-flexor-stretch-half-kneeling', 'hip-leg-swings', 'hip-knee-drive']),
    );
    expect(mobility('thoracic-spine')).toEqual(
      expect.arrayContaining(['thoracic-open-book', 'thoracic-foam-roller-extension', 'thoracic-cat-camel']),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        'deadlift-staggered-stance',
        'deadlift-single-leg',
        'plank-front',
        'plank-side-knees',
        'plank-side',
        'copenhagen-short-lever',
        'copenhagen-long-lever',
        'calf-raise-both-legs',
        'calf-raise-single-leg',
        'calf-raise-single-leg-weighted',
        'calf-raise-bent-knee',
        'calf-raise-bent-knee-single-leg',
        'calf-raise-seated-weighted',
      ]),
    );
    expect(has((e) => e.tags.type === 'cross-training')).toEqual([
      'cross-training-cycling',
      'cross-training-swimming',
      'cross-training-elliptical',
      'cross-training-pool-running',
    ]);
  });

  it.each(BUILT_IN_EXERCISES.map((e) => [e.id, e] as const))('%s is complete and valid', (_id, exercise) => {
    const parsed = Exercise.safeParse(exercise);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(Dosage.safeParse(exercise.dosage).success).toBe(true);
    for (const text of [exercise.name, exercise.purpose, exercise.startingPosition, exercise.clinicianNote]) {
      expect(text.trim().length).toBeGreaterThan(0);
    }
    expect(exercise.steps.length).toBeGreaterThanOrEqual(3);
    expect(exercise.cues.length).toBeGreaterThanOrEqual(2);
    expect(exercise.mistakes.length).toBeGreaterThanOrEqual(2);
    expect(exercise.illustration.kind).toBe('pose');
    expect(exercise.illustration.description.length).toBeGreaterThan(30);
  });

  it('has variant links that point at real exercises and run both ways', () => {
    expect(libraryProblems(BUILT_IN_EXERCISES)).toEqual([]);
    for (const e of BUILT_IN_EXERCISES) {
      for (const id of e.harder)
        expect(findExercise(id)?.easier, `${id} should list ${e.id} as easier`).toContain(e.id);
      for (const id of e.easier)
        expect(findExercise(id)?.harder, `${id} should list ${e.id} as harder`).toContain(e.id);
    }
  });

  it('progresses the plank family in order, from front plank on knees to the long-lever Copenhagen', () => {
    const chain = ['plank-front-knees'];
    for (let next = findExercise('plank-front-knees'); next && next.harder.length > 0;) {
      next = variantsOf(next, 'harder')[0];
      if (next) chain.push(next.id);
    }
    expect(chain).toEqual([
      'plank-front-knees',
      'plank-front',
      'plank-side-knees',
      'plank-side',
      'copenhagen-short-lever',
      'copenhagen-long-lever',
    ]);
  });

  it('doses from the references: ACSM stretch holds, Harøy Copenhagen, heavy slow calf raises', () => {
    const stretch = findExercise('hip-flexor-stretch-half-kneeling')?.dosage;
    expect(stretch?.amount).toEqual({ kind: 'hold', seconds: 30 });
    expect((stretch?.sets ?? 0) * 30).toBeGreaterThanOrEqual(60);
    expect(findExercise('copenhagen-short-lever')?.dosage).toMatchObject({ daysPerWeek: 3, perSide: true });
    expect(findExercise('calf-raise-single-leg-weighted')?.dosage).toMatchObject({
      sets: 3,
      amount: { kind: 'reps', reps: 15 },
      tempo: { upSeconds: 3, downSeconds: 3 },
    });
    expect(findExercise('calf-raise-single-leg')?.dosage).toMatchObject({
      sets: 3,
      amount: { kind: 'reps', reps: 15 },
    });
  });
});

describe('issue 14: the missing exercises', () => {
  const text = (e: ExerciseType) => [e.startingPosition, ...e.steps, ...e.cues, ...e.mistakes].join(' ');

  it('adds hamstring, quadriceps, hip abductor, foot, hop and pool-running exercises', () => {
    expect(ids).toEqual(
      expect.arrayContaining([
        'hamstring-bridge-heels',
        'hamstring-nordic-curl',
        'quad-wall-sit',
        'quad-split-squat',
        'hip-side-lying-abduction',
        'foot-short-foot',
        'hop-pogo-both-legs',
        'hop-single-leg-on-the-spot',
        'hop-forward-bounds',
        'cross-training-pool-running',
      ]),
    );
  });

  it('progresses the hops in order, pogo to one leg to bounds', () => {
    expect(findExercise('hop-pogo-both-legs')?.harder).toEqual(['hop-single-leg-on-the-spot']);
    expect(findExercise('hop-single-leg-on-the-spot')?.harder).toEqual(['hop-forward-bounds']);
  });

  it.each(['hop-pogo-both-legs', 'hop-single-leg-on-the-spot', 'hop-forward-bounds'])(
    '%s says the pain-free test to pass before starting it, first thing',
    (id) => {
      const start = findExercise(id)?.startingPosition ?? '';
      expect(start).toMatch(
        /^Start only when you can (do 20 one-leg calf raises|hop 10 times on each leg) with no pain\./,
      );
      expect(findExercise(id)?.clinicianNote).toMatch(/Goom/);
    },
  );

  it.each(BUILT_IN_EXERCISES.filter((e) => e.tags.type === 'cross-training').map((e) => [e.id, e] as const))(
    '%s gives a time in minutes and the running pain rules',
    (_id, exercise) => {
      expect(exercise.dosage.amount.kind).toBe('time');
      expect(text(exercise)).toContain('Keep any pain at 2 out of 10 or less.');
      expect(text(exercise)).toContain('Stop if it hurts more, or if you start to limp.');
    },
  );

  it('doses the Nordic curl at week 1 of the Petersen 2011 progression, slow lowering', () => {
    const nordic = findExercise('hamstring-nordic-curl');
    expect(nordic?.dosage).toMatchObject({ sets: 2, amount: { kind: 'reps', reps: 5 }, daysPerWeek: 1 });
    expect(nordic?.clinicianNote).toMatch(/Petersen 2011/);
    expect(nordic?.clinicianNote).toMatch(/van der Horst 2015/);
    expect(text(nordic!)).toMatch(/slowly/);
  });

  it('names a source for every new exercise dosage in its clinician note', () => {
    const added = ids.filter((id) => /^(hamstring|quad|hop|foot)-|^hip-side-lying|pool-running$/.test(id));
    expect(added.length).toBe(10);
    for (const id of added) expect(findExercise(id)?.clinicianNote, id).toMatch(/\b(19|20)\d\d\b|clinic default/);
  });
});

describe('built-in illustrations', () => {
  it.each(BUILT_IN_EXERCISES.map((e) => [e.id, e] as const))(
    '%s renders to a well-formed, titled SVG',
    (_id, exercise) => {
      const svg = illustrationSvg(exercise);
      expect(svg).not.toBeNull();
      const text = svg ?? '';
      const xml = checkXml(text);
      expect(xml.problems).toEqual([]);
      expect(text).toMatch(/^<svg [^>]*viewBox="0 0 400 300"/);
      expect(text).toContain(`<title id="${exercise.id}-title">`);
      expect(text).toContain('<desc ');
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    },
  );

  it.each(BUILT_IN_EXERCISES.map((e) => [e.id, e] as const))(
    '%s draws a figure with simple shapes only',
    (_id, exercise) => {
      const drawing = illustrationDrawing(exercise);
      expect(drawing?.title).toBe(exercise.name);
      const shapes = drawing?.shapes ?? [];
      expect(shapes.filter((s) => s.kind === 'polygon' && s.fill?.startsWith('figure')).length).toBeGreaterThan(10);
      for (const shape of shapes) if (shape.kind === 'path') expect(isSimplePathData(shape.d), shape.d).toBe(true);
      const scene = exercise.illustration.kind === 'pose' ? exercise.illustration.scene : null;
      // A moving exercise shows its end position (dashed) and an arrow; a hold shows one pose.
      if (scene?.end) {
        expect(scene.arrows.length).toBeGreaterThan(0);
        expect(shapes.some((s) => s.kind === 'polygon' && s.dash)).toBe(true);
      } else {
        expect(exercise.dosage.amount.kind === 'hold' || exercise.tags.type === 'cross-training').toBe(true);
      }
    },
  );

  it.each(BUILT_IN_EXERCISES.map((e) => [e.id, e] as const))(
    '%s keeps the figure on or above the floor',
    (_id, exercise) => {
      if (exercise.illustration.kind !== 'pose') return;
      const scene = exercise.illustration.scene;
      if (!scene.props.some((p) => p.kind === 'floor')) return;
      for (const pose of scene.end ? [scene.start, scene.end] : [scene.start]) {
        const joints = forwardKinematics(pose).joints;
        for (const [name, p] of Object.entries(joints)) expect(p.y, `${name} below the floor`).toBeGreaterThan(-1.5);
      }
    },
  );
});
