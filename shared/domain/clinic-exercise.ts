/**
 * The clinic's own exercises: the same fields as a built-in exercise (shared/clinical/exercises),
 * kept in the clinic's records, versioned (every edit is a new version; old versions stay, so a
 * prescription that used one can always show it as it was), retired rather than deleted, and
 * illustrated by an uploaded PNG or JPEG or, for a copy of a built-in, by its pose drawing.
 */
import { z } from 'zod';
import { Exercise, ExerciseId, IMAGE_MEDIA_TYPES } from '../clinical/exercises/exercise';
import { MAX_IMAGE_BYTES } from './exercise-image';
import { requiredText, RecordId, Timestamp } from '../text/fields';

/** Clinic exercises are named "clinic-<row id>" in prescriptions; no built-in id starts so. */
export const CLINIC_EXERCISE_PREFIX = 'clinic-';

export function clinicExerciseKey(id: number): string {
  return `${CLINIC_EXERCISE_PREFIX}${id}`;
}

/** The row id in "clinic-12", or null for a built-in id. */
export function clinicExerciseRowId(exerciseId: string): number | null {
  const m = /^clinic-([1-9]\d{0,14})$/.exec(exerciseId);
  return m ? Number(m[1]) : null;
}

/**
 * Upper bound on the base64 text of an upload. Larger than 2 MB of image on purpose: a file of
 * 5 MB still arrives, so the backend can say how large it is and what to use instead. The preview
 * server's 8 MB request limit sits above this.
 */
export const MAX_UPLOAD_BASE64_CHARS = 7_500_000;

const pictureDescription = requiredText('Picture description', 400, 'multi');

export const PictureChoice = z.discriminatedUnion(
  'kind',
  [
    /** Keep the picture the exercise has (on an edit), or the built-in's drawing (on a copy). */
    z.strictObject({ kind: z.literal('keep'), description: pictureDescription }),
    /** A new PNG or JPEG, as base64. Its type is read from its bytes, never from its name. */
    z.strictObject({
      kind: z.literal('upload'),
      description: pictureDescription,
      dataBase64: z
        .string({ error: 'The picture did not arrive: choose the file again.' })
        .min(4, { error: 'The file is empty. Choose the picture again.' })
        .max(MAX_UPLOAD_BASE64_CHARS, { error: 'The picture is too large: use one under 2 MB.' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The picture did not arrive whole: choose the file again.' }),
    }),
  ],
  { error: 'Add a picture: choose a PNG or JPEG file.' },
);
export type PictureChoice = z.infer<typeof PictureChoice>;

const { id: _id, illustration: _illustration, ...EXERCISE_FIELDS } = Exercise.shape;

/** What the clinic types for one of its exercises. The backend adds the id and the picture. */
export const ClinicExerciseInput = z.strictObject({
  ...EXERCISE_FIELDS,
  picture: PictureChoice,
});
export type ClinicExerciseInput = z.infer<typeof ClinicExerciseInput>;

export const ClinicExerciseCreate = z.strictObject({
  /** The built-in exercise this one was copied from ("Copy to edit"), if any. */
  copiedFrom: ExerciseId.nullable(),
  exercise: ClinicExerciseInput,
});
export type ClinicExerciseCreate = z.infer<typeof ClinicExerciseCreate>;

export const ClinicExerciseUpdate = z.strictObject({
  id: RecordId,
  /** The version the clinician edited; a newer one saved meanwhile is refused as stale. */
  expectedVersion: z.number().int().positive(),
  exercise: ClinicExerciseInput,
});
export type ClinicExerciseUpdate = z.infer<typeof ClinicExerciseUpdate>;

export const ClinicExerciseRetire = z.strictObject({
  id: RecordId,
  expectedVersion: z.number().int().positive(),
  retired: z.boolean(),
});
export type ClinicExerciseRetire = z.infer<typeof ClinicExerciseRetire>;

export const StoredImageFacts = z.strictObject({
  imageId: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.enum(IMAGE_MEDIA_TYPES),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  byteSize: z.number().int().positive(),
});
export type StoredImageFacts = z.infer<typeof StoredImageFacts>;

export const ClinicExercise = z.strictObject({
  id: RecordId,
  /** The current version: 1 when created, one more at each edit. */
  version: z.number().int().positive(),
  /** Its fields in the shared Exercise shape, with the id "clinic-<id>". */
  exercise: Exercise,
  retired: z.boolean(),
  copiedFrom: ExerciseId.nullable(),
  /** The uploaded picture's facts, or null for a pose drawing. */
  image: StoredImageFacts.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: z.string(),
});
export type ClinicExercise = z.infer<typeof ClinicExercise>;

export const ClinicExerciseList = z.strictObject({ includeRetired: z.boolean() });

export const ClinicExerciseGet = z.strictObject({
  id: RecordId,
  /** An earlier version, as it was saved; the current one when left out. */
  version: z.number().int().positive().optional(),
});

export const ImageRequest = z.strictObject({ imageId: z.string().regex(/^[0-9a-f]{64}$/) });

/** An uploaded picture's bytes, for an <img src="data:..."> (2 MB at most, so bounded). */
export const ImageData = StoredImageFacts.extend({
  dataBase64: z.string().max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4),
});
export type ImageData = z.infer<typeof ImageData>;
