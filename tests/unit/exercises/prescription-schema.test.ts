import { describe, expect, it } from 'vitest';
import { BUILT_IN_EXERCISES } from '../../../shared/clinical/exercises';
import {
  CLINIC_EXERCISE_PREFIX,
  clinicExerciseKey,
  clinicExerciseRowId,
  ClinicExerciseInput,
  PictureChoice,
} from '../../../shared/domain/clinic-exercise';
import { PrescriptionSave, sameDosage } from '../../../shared/domain/prescription';
import { fieldErrors } from '../../../shared/ipc/field-errors';

describe('clinic exercise ids', () => {
  it('never clash with a built-in id', () => {
    expect(BUILT_IN_EXERCISES.filter((e) => e.id.startsWith(CLINIC_EXERCISE_PREFIX))).toEqual([]);
  });

  it('round-trip, and a built-in id is not taken for one', () => {
    expect(clinicExerciseRowId(clinicExerciseKey(12))).toBe(12);
    expect(clinicExerciseRowId('ankle-knee-to-wall')).toBeNull();
    expect(clinicExerciseRowId('clinic-0')).toBeNull();
    expect(clinicExerciseRowId('clinic-12-copy')).toBeNull();
  });
});

describe('what the clinic sends for its own exercise', () => {
  const calf = BUILT_IN_EXERCISES.find((e) => e.id === 'calf-raise-straight-knee') ?? BUILT_IN_EXERCISES[0]!;
  const { id: _id, illustration: _ill, ...fields } = calf;

  it('takes the built-in fields with a picture choice instead of the id and drawing', () => {
    const parsed = ClinicExerciseInput.safeParse({ ...fields, picture: { kind: 'keep', description: 'A person.' } });
    expect(parsed.success).toBe(true);
  });

  it('refuses a picture that is not base64, or bigger than the request allows', () => {
    expect(
      fieldErrors(PictureChoice.safeParse({ kind: 'upload', description: 'x', dataBase64: '<svg>' }).error!),
    ).toEqual({
      dataBase64: 'The picture did not arrive whole: choose the file again.',
    });
    expect(
      PictureChoice.safeParse({ kind: 'upload', description: 'x', dataBase64: 'A'.repeat(7_500_004) }).success,
    ).toBe(false);
  });
});

describe('a programme to save', () => {
  const item = (exerciseId: string) => ({
    exerciseId,
    dosage: { sets: 2, amount: { kind: 'reps' as const, reps: 10 }, perSide: true, daysPerWeek: 7 },
    note: '',
  });

  it('refuses the same exercise twice, naming the second', () => {
    const r = PrescriptionSave.safeParse({
      episodeId: 1,
      basedOnVersion: null,
      items: [item('ankle-knee-to-wall'), item('hip-flexor-stretch'), item('ankle-knee-to-wall')],
    });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({
      'items.2.exerciseId': 'This exercise is in the list twice: keep it once.',
    });
  });

  it('takes an empty programme (stopping the home exercises) but not more than 20', () => {
    expect(PrescriptionSave.safeParse({ episodeId: 1, basedOnVersion: 3, items: [] }).success).toBe(true);
    const many = Array.from({ length: 21 }, (_, i) => item(`exercise-${i}`));
    expect(PrescriptionSave.safeParse({ episodeId: 1, basedOnVersion: 3, items: many }).success).toBe(false);
  });
});

describe('sameDosage', () => {
  const base = { sets: 3, amount: { kind: 'reps' as const, reps: 15 }, perSide: true, daysPerWeek: 3 };
  it('sees the same dosage whatever the key order, and any difference', () => {
    expect(sameDosage(base, { daysPerWeek: 3, perSide: true, amount: { reps: 15, kind: 'reps' }, sets: 3 })).toBe(true);
    expect(sameDosage(base, { ...base, sets: 4 })).toBe(false);
    expect(sameDosage(base, { ...base, amount: { kind: 'hold', seconds: 15 } })).toBe(false);
    expect(sameDosage(base, { ...base, tempo: { upSeconds: 3, downSeconds: 3 } })).toBe(false);
    expect(sameDosage(base, { ...base, effort: 5 })).toBe(false);
  });
});
