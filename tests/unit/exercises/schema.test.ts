import { describe, expect, it } from 'vitest';
import type { Exercise as ExerciseType } from '../../../shared/clinical/exercises/index';
import {
  BUILT_IN_EXERCISES,
  Exercise,
  ExercisePrescription,
  findExercise,
  illustrationDrawing,
  illustrationSvg,
  libraryProblems,
  prescribedDosage,
} from '../../../shared/clinical/exercises/index';

/** An exercise the clinic adds itself, with a photo instead of a pose drawing. */
const clinicExercise: ExerciseType = {
  id: 'step-down-forward',
  name: 'Forward step-down',
  purpose: 'Trains control of your knee on one leg.',
  startingPosition: 'Stand on one leg on a low step.',
  steps: ['Bend your knee and lower the other heel to touch the floor.', 'Stand tall again.'],
  cues: ['Keep your knee over your second toe.'],
  mistakes: ['Letting your knee fall inward.'],
  dosage: { sets: 3, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 3 },
  easier: [],
  harder: [],
  tags: { regions: ['knee'], type: 'strength' },
  illustration: {
    kind: 'image',
    description: 'A woman on a low step lowers her left heel to the floor.',
    imageId: 'a'.repeat(64),
    mediaType: 'image/jpeg',
  },
  clinicianNote: '',
};

const firstMessage = (value: unknown) => Exercise.safeParse(value).error?.issues[0]?.message;

describe('Exercise schema for the clinic’s own exercises', () => {
  it('accepts an exercise with an uploaded photo, and draws nothing for it', () => {
    expect(Exercise.parse(clinicExercise)).toEqual(clinicExercise);
    expect(illustrationDrawing(clinicExercise)).toBeNull();
    expect(illustrationSvg(clinicExercise)).toBeNull();
  });

  it('trims text and refuses empty text with a message naming the field', () => {
    expect(Exercise.parse({ ...clinicExercise, name: '  Forward step-down ' }).name).toBe('Forward step-down');
    expect(firstMessage({ ...clinicExercise, name: '   ' })).toBe('Enter the name.');
    expect(firstMessage({ ...clinicExercise, steps: [] })).toBe('Add at least one line to steps.');
    expect(firstMessage({ ...clinicExercise, purpose: 'One line.\nTwo lines.' })).toBe(
      'Purpose must be on one line: remove the tab or line break.',
    );
  });

  it('explains how to write an id', () => {
    expect(firstMessage({ ...clinicExercise, id: 'Step Down' })).toBe(
      'Exercise id may use lower-case letters, digits and single hyphens only, like "calf-raise-single-leg".',
    );
  });

  it('refuses an image that is not a stored PNG or JPEG', () => {
    const illustration = { ...clinicExercise.illustration, mediaType: 'image/gif' };
    expect(firstMessage({ ...clinicExercise, illustration })).toBe('Use a PNG or JPEG picture.');
    const unstored = { ...clinicExercise.illustration, imageId: 'photo.jpg' };
    expect(firstMessage({ ...clinicExercise, illustration: unstored })).toBe(
      'Picture reference is not valid: upload the picture again.',
    );
    expect(firstMessage({ ...clinicExercise, illustration: { kind: 'video' } })).toBe(
      'Add a picture: a pose drawing or an uploaded PNG or JPEG.',
    );
  });

  it('accepts a pose drawing made of plain data, and checks its angles', () => {
    const builtIn = findExercise('plank-front');
    if (builtIn?.illustration.kind !== 'pose') throw new Error('fixture');
    const withPose = { ...clinicExercise, illustration: builtIn.illustration };
    expect(Exercise.safeParse(JSON.parse(JSON.stringify(withPose))).success).toBe(true);
    const bent = {
      ...builtIn.illustration,
      scene: { ...builtIn.illustration.scene, start: { ...builtIn.illustration.scene.start, right: { elbow: 190 } } },
    };
    expect(firstMessage({ ...clinicExercise, illustration: bent })).toBe('Elbow flexion must be 160 degrees or less.');
  });

  it('refuses an exercise that is its own variant, or both easier and harder', () => {
    expect(firstMessage({ ...clinicExercise, easier: ['step-down-forward'] })).toBe(
      'An exercise cannot be its own easier or harder variant.',
    );
    expect(firstMessage({ ...clinicExercise, easier: ['plank-front'], harder: ['plank-front'] })).toBe(
      '"plank-front" is listed as both easier and harder: keep it in one list.',
    );
  });
});

describe('libraryProblems', () => {
  it('finds duplicate ids, unknown variants and one-way links', () => {
    const library = [
      ...BUILT_IN_EXERCISES,
      { ...clinicExercise, easier: ['calf-raise-single-leg'], harder: ['no-such-exercise'] },
      { ...clinicExercise },
    ];
    const problems = libraryProblems(library);
    expect(problems.map((p) => p.kind).sort()).toEqual(['duplicate-id', 'one-way-variant', 'unknown-variant']);
    expect(problems.find((p) => p.kind === 'one-way-variant')?.message).toBe(
      '"Forward step-down" lists "Calf raise on one leg" as easier, but "Calf raise on one leg" does not list it as harder.',
    );
  });
});

describe('prescriptions', () => {
  const exercise = findExercise('calf-raise-single-leg-weighted');
  if (!exercise) throw new Error('fixture');

  it('uses the library dosage unless the prescription gives its own', () => {
    expect(prescribedDosage(exercise)).toBe(exercise.dosage);
    const late = {
      sets: 4,
      amount: { kind: 'reps', reps: 6 },
      perSide: true,
      daysPerWeek: 3,
      tempo: { upSeconds: 3, downSeconds: 3 },
    };
    const prescription = ExercisePrescription.parse({
      exerciseId: exercise.id,
      dosage: late,
      note: 'Week 9: heavier.',
    });
    expect(prescribedDosage(exercise, prescription)).toEqual(late);
    expect(prescribedDosage(exercise, ExercisePrescription.parse({ exerciseId: exercise.id, note: '' }))).toBe(
      exercise.dosage,
    );
  });

  it('checks the prescribed dosage with the same messages', () => {
    const result = ExercisePrescription.safeParse({
      exerciseId: exercise.id,
      dosage: { ...exercise.dosage, sets: 12 },
      note: '',
    });
    expect(result.error?.issues[0]?.message).toBe('Sets must be 1 to 10.');
  });
});
