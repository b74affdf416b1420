/**
 * Home exercise prescriptions: the exercises a patient does at home for one episode of care,
 * each with the dosage set for this patient, in order, with a note. Saving makes a new version;
 * a saved version never changes (the records file refuses edits to it), so the history shows
 * exactly what each patient was given. Each item keeps a copy of the exercise as it was (text and
 * picture), which is what the handout prints, whatever the library holds later.
 *
 * Templates are the clinic's reusable starting points ("Hamstring strain: early").
 */
import { z } from 'zod';
import { Dosage } from '../clinical/exercises/dosage';
import { Exercise, ExerciseId } from '../clinical/exercises/exercise';
import { optionalText, RecordId, requiredText, Timestamp } from '../text/fields';

/** A home programme longer than this stops being done; the handout also has to fit it. */
export const MAX_PROGRAMME_EXERCISES = 20;

export const PrescriptionItemInput = z.strictObject({
  exerciseId: ExerciseId,
  /** The dosage for this patient: the exercise's default, or the clinician's change to it. */
  dosage: Dosage,
  note: optionalText('Note for the patient', 500, 'multi'),
});
export type PrescriptionItemInput = z.infer<typeof PrescriptionItemInput>;

const itemList = (what: string, min: number) =>
  z
    .array(PrescriptionItemInput, { error: `${what} must be a list of exercises.` })
    .min(min, { error: `Add at least one exercise to the ${what.toLowerCase()}.` })
    .max(MAX_PROGRAMME_EXERCISES, {
      error: `A ${what.toLowerCase()} holds ${MAX_PROGRAMME_EXERCISES} exercises at most: remove some.`,
    })
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.exerciseId)) {
          ctx.addIssue({
            code: 'custom',
            message: 'This exercise is in the list twice: keep it once.',
            path: [i, 'exerciseId'],
          });
        }
        seen.add(item.exerciseId);
      });
    });

export const PrescriptionSave = z.strictObject({
  episodeId: RecordId,
  /** The version the clinician started from (null: there was none); a newer one is refused as stale. */
  basedOnVersion: z.number().int().positive().nullable(),
  /** In the order the patient does them. An empty list stops the home exercises. */
  items: itemList('Programme', 0),
});
export type PrescriptionSave = z.infer<typeof PrescriptionSave>;

export const EXERCISE_SOURCES = ['built-in', 'clinic'] as const;
export type ExerciseSource = (typeof EXERCISE_SOURCES)[number];

export const PrescribedExercise = z.strictObject({
  /** 1 for the first exercise. */
  position: z.number().int().positive(),
  exerciseId: ExerciseId,
  source: z.enum(EXERCISE_SOURCES),
  /** For a clinic exercise: the version that was prescribed. */
  clinicExerciseVersion: z.number().int().positive().nullable(),
  dosage: Dosage,
  note: z.string(),
  /** The exercise as it was when prescribed: what the handout prints, whatever changes later. */
  exercise: Exercise,
});
export type PrescribedExercise = z.infer<typeof PrescribedExercise>;

export const Prescription = z.strictObject({
  id: RecordId,
  episodeId: RecordId,
  patientId: RecordId,
  /** 1 for the first programme of the episode, one more at each save. */
  version: z.number().int().positive(),
  savedAt: Timestamp,
  savedBy: z.string(),
  items: z.array(PrescribedExercise),
});
export type Prescription = z.infer<typeof Prescription>;

/** One line of the history: enough to choose which version to open. */
export const PrescriptionVersionSummary = z.strictObject({
  version: z.number().int().positive(),
  savedAt: Timestamp,
  savedBy: z.string(),
  exerciseNames: z.array(z.string()),
});
export type PrescriptionVersionSummary = z.infer<typeof PrescriptionVersionSummary>;

export const EpisodeRef = z.strictObject({ episodeId: RecordId });
export const PrescriptionGet = z.strictObject({ episodeId: RecordId, version: z.number().int().positive() });

/** The current programme of each open episode, in brief, for the patient page. */
export const EpisodeProgramme = z.strictObject({
  episodeId: RecordId,
  version: z.number().int().positive(),
  savedAt: Timestamp,
  items: z.array(z.strictObject({ exerciseId: ExerciseId, name: z.string(), dosage: Dosage })),
});
export type EpisodeProgramme = z.infer<typeof EpisodeProgramme>;

export const PrescriptionTemplateSave = z.strictObject({
  name: requiredText('Template name', 80),
  items: itemList('Template', 1),
  /** Replace the template of the same name, if there is one. */
  replace: z.boolean(),
});
export type PrescriptionTemplateSave = z.infer<typeof PrescriptionTemplateSave>;

export const PrescriptionTemplate = z.strictObject({
  id: RecordId,
  name: z.string(),
  items: z.array(
    PrescriptionItemInput.extend({
      /** The exercise's name now, or null when it is no longer in the library. */
      name: z.string().nullable(),
      /** False when the exercise was retired or removed: applying the template leaves it out. */
      available: z.boolean(),
    }),
  ),
  version: z.number().int().positive(),
  updatedAt: Timestamp,
  updatedBy: z.string(),
});
export type PrescriptionTemplate = z.infer<typeof PrescriptionTemplate>;

export const PrescriptionTemplateRemove = z.strictObject({
  id: RecordId,
  expectedVersion: z.number().int().positive(),
});

function amountValue(d: Dosage): number {
  switch (d.amount.kind) {
    case 'reps':
      return d.amount.reps;
    case 'hold':
      return d.amount.seconds;
    case 'time':
      return d.amount.minutes;
  }
}

/** True when two dosages say the same thing (the prescription kept the exercise's default). */
export function sameDosage(a: Dosage, b: Dosage): boolean {
  return (
    a.sets === b.sets &&
    a.perSide === b.perSide &&
    a.daysPerWeek === b.daysPerWeek &&
    a.effort === b.effort &&
    a.amount.kind === b.amount.kind &&
    amountValue(a) === amountValue(b) &&
    a.tempo?.upSeconds === b.tempo?.upSeconds &&
    a.tempo?.downSeconds === b.tempo?.downSeconds
  );
}
