/** Test data for the exercise library and prescriptions. */
import { expect } from 'vitest';
import type { Dosage } from '../../shared/clinical/exercises/dosage';
import { BUILT_IN_EXERCISES } from '../../shared/clinical/exercises';
import type { Exercise } from '../../shared/clinical/exercises/exercise';
import type { ClinicExerciseInput, PictureChoice } from '../../shared/domain/clinic-exercise';
import type { PrescriptionItemInput } from '../../shared/domain/prescription';
import { makePng } from './images';

export function builtIn(id: string): Exercise {
  const found = BUILT_IN_EXERCISES.find((e) => e.id === id);
  if (!found) throw new Error(`No built-in exercise ${id}`);
  return found;
}

export function pngUpload(width = 240, height = 180, seed = 0): PictureChoice {
  return {
    kind: 'upload',
    description: 'A person stands on one leg on a step and lifts the heel.',
    dataBase64: makePng(width, height, seed).toString('base64'),
  };
}

/** A clinic exercise of the clinic's own, with an uploaded PNG unless told otherwise. */
export function clinicExerciseInput(overrides: Partial<ClinicExerciseInput> = {}): ClinicExerciseInput {
  return {
    name: 'Step-down from a low step',
    purpose: 'Trains your knee to stay in line as you step down.',
    startingPosition: 'Stand on a low step on your right leg. Hold a rail for balance.',
    steps: ['Bend your right knee slowly.', 'Touch your left heel to the floor.', 'Push back up to the start.'],
    cues: ['Keep your knee over your second toe.'],
    mistakes: ['Letting the knee fall inward.'],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 3 },
    easier: [],
    harder: [],
    tags: { regions: ['knee', 'hip'], type: 'strength' },
    clinicianNote: 'Our own progression for patellofemoral pain.',
    picture: pngUpload(),
    ...overrides,
  };
}

export function item(exerciseId: string, dosage?: Dosage, note = ''): PrescriptionItemInput {
  const exercise = BUILT_IN_EXERCISES.find((e) => e.id === exerciseId);
  const d = dosage ?? exercise?.dosage;
  if (!d) throw new Error(`Give a dosage for ${exerciseId}`);
  return { exerciseId, dosage: d, note };
}

/** Six built-in exercises a hamstring-strain programme could hold. */
export const SIX = [
  'ankle-knee-to-wall',
  'hip-flexor-stretch-half-kneeling',
  'thoracic-open-book',
  'deadlift-staggered-stance',
  'plank-side-knees',
  'calf-raise-both-legs',
] as const;

/** expect.stringMatching, typed for use inside toMatchObject. */
export function like(pattern: RegExp): string {
  return expect.stringMatching(pattern) as string;
}
