/**
 * What an exercise is, for the built-in library and for the clinic's own exercises alike:
 * patient-facing instructions (printed on the take-home handout), a default dosage, easier and
 * harder variants, tags, and an illustration that is either a pose drawing or an uploaded image.
 */
import { z } from 'zod';
import { optionalText, requiredText } from '../../text/fields';
import { PoseScene } from '../pose/scene';
import { Dosage } from './dosage';

export const EXERCISE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ExerciseId = z
  .string({ error: 'Exercise id is missing.' })
  .min(2, { error: 'Exercise id is too short: use at least 2 characters.' })
  .max(60, { error: 'Exercise id is too long: keep it under 60 characters.' })
  .regex(EXERCISE_ID_PATTERN, {
    error: 'Exercise id may use lower-case letters, digits and single hyphens only, like "calf-raise-single-leg".',
  });
export type ExerciseId = z.infer<typeof ExerciseId>;

export const BODY_REGIONS = [
  'foot',
  'ankle',
  'calf',
  'knee',
  'thigh',
  'hip',
  'groin',
  'thoracic-spine',
  'trunk',
  'whole-body',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];
export const BODY_REGION_LABELS: Readonly<Record<BodyRegion, string>> = {
  foot: 'Foot',
  ankle: 'Ankle',
  calf: 'Calf and Achilles',
  knee: 'Knee',
  thigh: 'Thigh (hamstrings and quadriceps)',
  hip: 'Hip',
  groin: 'Groin (adductors)',
  'thoracic-spine': 'Mid back (thoracic spine)',
  trunk: 'Trunk',
  'whole-body': 'Whole body',
};

export const EXERCISE_TYPES = ['mobility', 'strength', 'cross-training'] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];
export const EXERCISE_TYPE_LABELS: Readonly<Record<ExerciseType, string>> = {
  mobility: 'Mobility',
  strength: 'Strength',
  'cross-training': 'Cross-training',
};

export const ExerciseTags = z.strictObject({
  regions: z
    .array(z.enum(BODY_REGIONS, { error: `Choose body regions from the list: ${BODY_REGIONS.join(', ')}.` }))
    .min(1, { error: 'Choose at least one body region.' })
    .max(4, { error: 'Choose at most 4 body regions.' })
    .refine((r) => new Set(r).size === r.length, { error: 'Each body region may be chosen once.' }),
  type: z.enum(EXERCISE_TYPES, { error: 'Choose the exercise type: mobility, strength or cross-training.' }),
});
export type ExerciseTags = z.infer<typeof ExerciseTags>;

const pictureDescription = requiredText('Picture description', 400, 'multi');

/** A drawing made from the pose model: start pose, end pose, props and arrows. */
export const PoseIllustration = z.strictObject({
  kind: z.literal('pose'),
  /** Text alternative for screen readers and for when the picture cannot be shown. */
  description: pictureDescription,
  scene: PoseScene,
});
export type PoseIllustration = z.infer<typeof PoseIllustration>;

export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;

/**
 * A picture the clinic uploaded. The file itself is stored by the app; the exercise keeps the
 * SHA-256 of its bytes (so the same photo uploaded twice is stored once) and its type.
 */
export const ImageIllustration = z.strictObject({
  kind: z.literal('image'),
  description: pictureDescription,
  imageId: z
    .string({ error: 'Picture reference is missing: upload the picture again.' })
    .regex(/^[0-9a-f]{64}$/, { error: 'Picture reference is not valid: upload the picture again.' }),
  mediaType: z.enum(IMAGE_MEDIA_TYPES, { error: 'Use a PNG or JPEG picture.' }),
});
export type ImageIllustration = z.infer<typeof ImageIllustration>;

export const Illustration = z.discriminatedUnion('kind', [PoseIllustration, ImageIllustration], {
  error: 'Add a picture: a pose drawing or an uploaded PNG or JPEG.',
});
export type Illustration = z.infer<typeof Illustration>;

function instructionList(label: string, itemLabel: string, max: number) {
  return z
    .array(requiredText(itemLabel, 220), { error: `${label} must be a list.` })
    .min(1, { error: `Add at least one line to ${label.toLowerCase()}.` })
    .max(max, { error: `${label}: keep it to ${max} lines or fewer.` });
}

const variantList = (label: string) =>
  z
    .array(ExerciseId, { error: `${label} must be a list of exercise ids.` })
    .max(4, { error: `${label}: list 4 exercises or fewer.` })
    .refine((ids) => new Set(ids).size === ids.length, { error: `${label}: list each exercise once.` });

export const Exercise = z
  .strictObject({
    id: ExerciseId,
    name: requiredText('Name', 80),
    /** One line: what the exercise is for. */
    purpose: requiredText('Purpose', 160),
    startingPosition: requiredText('Starting position', 300, 'multi'),
    steps: instructionList('Steps', 'Each step', 10),
    cues: instructionList('Cues', 'Each cue', 8),
    mistakes: instructionList('Common mistakes', 'Each mistake', 8),
    dosage: Dosage,
    /** Ids of exercises to step down to, and to step up to. */
    easier: variantList('Easier variants'),
    harder: variantList('Harder variants'),
    tags: ExerciseTags,
    illustration: Illustration,
    /** For the clinician only (source of the dosage, how to progress); never printed for the patient. */
    clinicianNote: optionalText('Clinician note', 2000, 'multi'),
  })
  .superRefine((ex, ctx) => {
    if (ex.easier.includes(ex.id) || ex.harder.includes(ex.id)) {
      ctx.addIssue({
        code: 'custom',
        message: 'An exercise cannot be its own easier or harder variant.',
        path: ['easier'],
      });
    }
    const both = ex.easier.filter((id) => ex.harder.includes(id));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `"${both.join('", "')}" is listed as both easier and harder: keep it in one list.`,
        path: ['harder'],
      });
    }
  });
export type Exercise = z.infer<typeof Exercise>;

/** A patient's prescription of one exercise: its own dosage replaces the default when given. */
export const ExercisePrescription = z.strictObject({
  exerciseId: ExerciseId,
  dosage: Dosage.optional(),
  note: optionalText('Note for the patient', 500, 'multi'),
});
export type ExercisePrescription = z.infer<typeof ExercisePrescription>;

export function prescribedDosage(exercise: Exercise, prescription?: Pick<ExercisePrescription, 'dosage'>): Dosage {
  return prescription?.dosage ?? exercise.dosage;
}
