/**
 * Everything the take-home handout prints, as one explicit value: the PDF is made from this and
 * nothing else (no clock, no database, no screen). The same HandoutData gives the same bytes,
 * which is what lets a handout be stored as its data and reprinted exactly.
 *
 * Parts that other features fill in are optional and the handout reads well without them:
 * no running programme yet (`running: null`), no exercises (`exercises: []`), no next visit.
 * The stored snapshot of an issued handout is this value without the image bytes
 * (`HandoutSnapshot`): uploaded pictures are kept once each, by their SHA-256, beside it.
 */
import { z } from 'zod';
import { Dosage } from '../clinical/exercises/dosage';
import { ExerciseId, IMAGE_MEDIA_TYPES, Illustration } from '../clinical/exercises/exercise';
import { RunLevel, WarmUp } from '../clinical/programme';
import { recordedRuleSet, RuleSet } from '../clinical/rule-set';
import { SelfCheck } from '../clinical/self-check';
import { isoDate, optionalText, requiredText } from '../text/fields';
import { PAPER_SIZES, UNITS } from '../domain/settings';

/** Bumped when the shape changes; a stored snapshot names the shape it was written in. */
export const HANDOUT_DATA_FORMAT = 1;

/** More than this many exercises is not a home programme a patient does (and not a short handout). */
export const MAX_HANDOUT_EXERCISES = 20;
/** Planned runs printed in the log and the calendar: six weeks of daily runs at most. */
export const MAX_PLANNED_RUNS = 42;
/** Levels shown after the current one in the "coming levels" table. */
export const MAX_NEXT_LEVELS = 4;
/** An uploaded picture is at most 2 MB (the exercise library's limit); base64 adds a third. */
export const MAX_IMAGE_BASE64 = Math.ceil((2 * 1024 * 1024 * 4) / 3) + 4;

export const WEEK_STARTS = ['monday', 'sunday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/**
 * How the clinic writes a date: day first (28 Nov), month first (Nov 28, the US) or year first.
 * Handouts stored before this existed read as day first, which is how they were printed.
 */
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const HandoutClinic = z.strictObject({
  name: requiredText('Clinic name', 120),
  /** May be empty: the handout then names the clinic instead of a number (and the app warns). */
  phone: optionalText('Clinic phone', 40),
  address: optionalText('Address', 400, 'multi'),
  email: optionalText('Clinic email', 200),
  /**
   * The ambulance number printed in the urgent box ("Call an ambulance (999)"). Empty in
   * handouts stored before the setting existed: they print "Call an ambulance" with no number,
   * as they did, rather than a number the clinic never chose.
   */
  emergencyNumber: z
    .string()
    .regex(/^(?:[0-9]{2,6})?$/)
    .default(''),
});
export type HandoutClinic = z.infer<typeof HandoutClinic>;

export const HandoutPatient = z.strictObject({
  givenName: requiredText('Given name', 100),
  familyName: requiredText('Family name', 100),
});
export type HandoutPatient = z.infer<typeof HandoutPatient>;

export const HandoutClinician = z.strictObject({
  name: requiredText('Clinician name', 120),
  profession: requiredText('Profession', 80),
  registrationNumber: optionalText('Registration number', 60),
});
export type HandoutClinician = z.infer<typeof HandoutClinician>;

/** The running part: where the patient is in the programme and the runs planned until the next visit. */
export const HandoutRunning = z.strictObject({
  programmeName: requiredText('Programme name', 120),
  /** Where the levels come from (printed small at the end of the running section). */
  programmeSource: optionalText('Programme source', 600, 'multi'),
  levelCount: z.number().int().min(1).max(60),
  currentLevel: RunLevel,
  /** The levels after the current one, in order (the table of what comes next). */
  nextLevels: z.array(RunLevel).max(MAX_NEXT_LEVELS),
  /** Earliest day for the next run (after any days off a soreness rule gave); null: not set. */
  nextRunDate: isoDate('Next run date').nullable(),
  /** The runs planned until the next visit, in order: the calendar's run days and the log's rows. */
  plannedRunDates: z.array(isoDate('Planned run date')).max(MAX_PLANNED_RUNS),
  /**
   * The self-check rendered from the engine's decisions for this patient (shared/clinical/
   * self-check.ts). Missing only in handouts stored before it existed: those reprint without the
   * self-check table and tell the patient to ask for a new handout.
   */
  selfCheck: SelfCheck.optional(),
  /** The programme's warm-up, printed before the self-check that asks about it (older snapshots: none). */
  warmUp: WarmUp.optional(),
  /** Why the patient is at this level, in one sentence (parts.ts `levelReason`; older snapshots: none). */
  levelReason: optionalText('Why this level', 400).optional(),
});
export type HandoutRunning = z.infer<typeof HandoutRunning>;

const instructions = (label: string, max: number) => z.array(requiredText(label, 220)).min(1).max(max);

/** One prescribed exercise: the patient-facing text of the exercise, its picture, and this patient's dose. */
export const HandoutExercise = z.strictObject({
  id: ExerciseId,
  name: requiredText('Name', 80),
  purpose: requiredText('Purpose', 160),
  startingPosition: requiredText('Starting position', 300, 'multi'),
  steps: instructions('Step', 10),
  cues: instructions('Cue', 8),
  /** A pose drawing (drawn as vectors) or an uploaded picture (its bytes are in `images`). */
  illustration: Illustration,
  /** The dosage for this patient (the prescription's, or the exercise's default). */
  dosage: Dosage,
  /** The clinician's note to the patient about this exercise; empty for none. */
  note: optionalText('Note for the patient', 500, 'multi'),
  /** What people often get wrong (the library's "common mistakes"); none in older handouts. */
  mistakes: z.array(requiredText('Common mistake', 220)).max(8).default([]),
  /** Names of the easier and harder versions in the library; none in older handouts. */
  easier: z.array(requiredText('Easier version', 80)).max(4).default([]),
  harder: z.array(requiredText('Harder version', 80)).max(4).default([]),
});
export type HandoutExercise = z.infer<typeof HandoutExercise>;

export const HandoutImage = z.strictObject({
  /** SHA-256 of the bytes, lower-case hex: the `imageId` of the exercise's illustration. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.enum(IMAGE_MEDIA_TYPES),
  base64: z
    .string()
    .min(4)
    .max(MAX_IMAGE_BASE64)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type HandoutImage = z.infer<typeof HandoutImage>;

/** A rule set stored in an older handout, in today's shape; anything else is left for the schema to refuse. */
function upgradeStoredRuleSet(stored: unknown): unknown {
  if (stored === null) return null;
  try {
    return recordedRuleSet(stored);
  } catch {
    return stored;
  }
}

const snapshotShape = {
  format: z.literal(HANDOUT_DATA_FORMAT),
  /** The day the handout is given: printed in the header, and the PDF's creation date. */
  issuedOn: isoDate('Issue date'),
  clinic: HandoutClinic,
  patient: HandoutPatient,
  clinician: HandoutClinician,
  units: z.enum(UNITS),
  paperSize: z.enum(PAPER_SIZES),
  /** The calendar's first column: Sunday where the clinic writes dates month first (US), else Monday. */
  weekStartsOn: z.enum(WEEK_STARTS),
  /** The clinic's date order, for the dates in the log ("Sat 28 Nov", "Sat Nov 28"). */
  dateOrder: z.enum(DATE_ORDERS).default('dmy'),
  running: HandoutRunning.nullable(),
  /** The soreness rule set the app applies to this patient (older stored sets read in today's shape). */
  ruleSet: z.preprocess(upgradeStoredRuleSet, RuleSet).nullable(),
  /** In the order the patient does them. */
  exercises: z.array(HandoutExercise).max(MAX_HANDOUT_EXERCISES),
  /** Whether the injury was operated on: adds the post-surgery warning signs (clot, infection). */
  afterSurgery: z.boolean(),
  /** The injury is at the knee: the knee's own warning sign is printed. Unknown in older snapshots. */
  kneeInjury: z.boolean().optional(),
  nextVisit: isoDate('Next visit').nullable(),
};

type SnapshotFields = z.infer<z.ZodObject<typeof snapshotShape>>;

function checkTogether(data: SnapshotFields, ctx: z.RefinementCtx): void {
  if (data.nextVisit !== null && data.nextVisit < data.issuedOn) {
    ctx.addIssue({ code: 'custom', path: ['nextVisit'], message: 'The next visit is before the handout date.' });
  }
  const running = data.running;
  if (running) {
    const dates = running.plannedRunDates;
    dates.forEach((d, i) => {
      if (i > 0 && d <= dates[i - 1]!) {
        ctx.addIssue({
          code: 'custom',
          path: ['running', 'plannedRunDates', i],
          message: 'Planned runs go in date order, once each.',
        });
      }
      if (d < data.issuedOn || (data.nextVisit !== null && d >= data.nextVisit)) {
        ctx.addIssue({
          code: 'custom',
          path: ['running', 'plannedRunDates', i],
          message: 'Planned runs fall between the handout date and the next visit.',
        });
      }
    });
    if (running.currentLevel.number > running.levelCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['running', 'currentLevel'],
        message: 'The current level is past the last level.',
      });
    }
    running.nextLevels.forEach((level, i) => {
      if (level.number !== running.currentLevel.number + i + 1 || level.number > running.levelCount) {
        ctx.addIssue({
          code: 'custom',
          path: ['running', 'nextLevels', i],
          message: 'The coming levels follow the current level in order.',
        });
      }
    });
  }
  const ids = new Set<string>();
  data.exercises.forEach((e, i) => {
    if (ids.has(e.id)) {
      ctx.addIssue({ code: 'custom', path: ['exercises', i, 'id'], message: 'An exercise is in the handout twice.' });
    }
    ids.add(e.id);
  });
}

/** A handout's data as stored with the issued record (pictures referred to by their SHA-256). */
export const HandoutSnapshot = z.strictObject(snapshotShape).superRefine(checkTogether);
export type HandoutSnapshot = z.infer<typeof HandoutSnapshot>;

/** Everything the PDF is made from: the snapshot plus the bytes of any uploaded pictures. */
export const HandoutData = z
  .strictObject({ ...snapshotShape, images: z.array(HandoutImage).max(MAX_HANDOUT_EXERCISES) })
  .superRefine((data, ctx) => {
    checkTogether(data, ctx);
    const have = new Set(data.images.map((i) => i.id));
    data.exercises.forEach((e, i) => {
      if (e.illustration.kind === 'image' && !have.has(e.illustration.imageId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exercises', i, 'illustration'],
          message: `The picture of "${e.name}" is missing from the handout data.`,
        });
      }
    });
  });
export type HandoutData = z.infer<typeof HandoutData>;

/** The data without the picture bytes, as stored with the issued record. */
export function snapshotOf(data: HandoutData): HandoutSnapshot {
  const { images: _images, ...snapshot } = data;
  return snapshot;
}
