/**
 * Graded running programmes: an ordered list of levels, walking stages first.
 *
 * A level is one round of walking and running bouts done a number of times (or until a total
 * time or distance is reached), with an effort cue, a surface, how often and with how much rest,
 * how many clean sessions it takes before moving up, and an optional entry check the clinician
 * signs off before the patient starts it (the seed's "once cleared" between walking and running).
 *
 * Programmes are plain data so a clinic can duplicate a template and edit its levels; these
 * schemas check an edited programme and say what to fix in the clinician's words.
 * Distances are stored in metres, times in minutes, speeds in km/h (see units.ts).
 */
import { z } from 'zod';
import { optionalText, requiredText } from '../text/fields';

export const ACTIVITIES = ['walk', 'jog', 'run'] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** How a level's bouts are measured: minutes or metres. */
export const MEASURES = ['time', 'distance'] as const;
export type Measure = (typeof MEASURES)[number];

export const SURFACES = ['treadmill', 'track', 'level_ground', 'road', 'grass', 'trail'] as const;
export type Surface = (typeof SURFACES)[number];
export const SURFACE_LABELS: Readonly<Record<Surface, string>> = {
  treadmill: 'treadmill',
  track: 'running track',
  level_ground: 'level ground',
  road: 'road or path',
  grass: 'grass',
  trail: 'trail',
};

/** Longest bout or total the schema accepts, per measure: beyond this it is a typing slip. */
export const MAX_AMOUNT: Readonly<Record<Measure, number>> = { time: 240, distance: 50_000 };

export const Bout = z.strictObject({
  activity: z.enum(ACTIVITIES, { error: 'Choose walk, jog or run for each bout.' }),
  /** Minutes when the level is measured in time, metres when in distance. */
  amount: z
    .number({ error: 'Enter how long or how far each bout is.' })
    .positive({ error: 'Each bout must be longer than 0: remove the bout or enter its length.' }),
});
export type Bout = z.infer<typeof Bout>;

/** A time (minutes) or a distance (metres). */
export const Amount = z.strictObject({
  measure: z.enum(MEASURES, { error: 'Choose time or distance for the total.' }),
  amount: z
    .number({ error: 'Enter the total to reach.' })
    .positive({ error: 'The total to reach must be more than 0.' }),
});
export type Amount = z.infer<typeof Amount>;

/** How hard the running should feel, in the scale the source uses. */
export const EffortCue = z.discriminatedUnion(
  'kind',
  [
    /** Words, as the source puts them: "easy pace", "jogging and talking". */
    z.strictObject({ kind: z.literal('words'), text: requiredText('Effort cue', 120) }),
    /** Rate of perceived exertion 0-10, with the scale's word ("easy", "somewhat hard"). */
    z.strictObject({
      kind: z.literal('rpe'),
      rpe: z.number().int().min(0, { error: 'RPE runs from 0 to 10.' }).max(10, { error: 'RPE runs from 0 to 10.' }),
      words: optionalText('RPE words', 60),
    }),
    /** Treadmill speeds, in km/h. */
    z.strictObject({
      kind: z.literal('speed'),
      runKmh: z
        .number()
        .positive({ error: 'Enter the running speed.' })
        .max(40, { error: 'A running speed over 40 km/h is a typing slip: check the speed.' }),
      walkKmh: z
        .number()
        .positive({ error: 'Enter the walking speed, or leave it empty.' })
        .max(10, { error: 'A walking speed over 10 km/h is a typing slip: check the speed.' })
        .nullable(),
    }),
    /** Share of the patient's top running speed, for speed-based (hamstring) progressions. */
    z.strictObject({
      kind: z.literal('top_speed'),
      percent: z
        .number()
        .int()
        .min(10, { error: 'Give % of top speed from 10 to 100.' })
        .max(100, { error: 'Give % of top speed from 10 to 100.' }),
    }),
  ],
  { error: 'Choose how the effort is given: words, RPE, speed or % of top speed.' },
);
export type EffortCue = z.infer<typeof EffortCue>;

/** At most this many sessions fit in 7 days with `minRestDays` full days off between them. */
export function maxSessionsPerWeek(minRestDays: number): number {
  return Math.ceil(7 / (minRestDays + 1));
}

export const RunLevel = z
  .strictObject({
    /** Position in the programme, from 1; what the patient and clinician call "Level 3". */
    number: z.number().int().min(1).max(99),
    /** Optional context from the source: "Week 2", "Phase 3". */
    title: optionalText('Level title', 80),
    measure: z.enum(MEASURES, { error: 'Choose whether the bouts are timed (minutes) or measured (distance).' }),
    /** One round, in order: e.g. walk 1 min then run 7 min. */
    bouts: z
      .array(Bout)
      .min(1, { error: 'Add at least one walking or running bout.' })
      .max(8, { error: 'A level has at most 8 bouts in a round: use repetitions instead.' }),
    /** Times through the round; or null when the round repeats until `untilTotal`. */
    repetitions: z
      .number({ error: 'Enter how many times to repeat the bouts.' })
      .int({ error: 'Repetitions must be a whole number.' })
      .min(1, { error: 'Repeat the bouts at least once.' })
      .max(50, { error: 'More than 50 repetitions is a typing slip: check the number.' })
      .nullable(),
    untilTotal: Amount.nullable(),
    effort: EffortCue,
    surface: z.enum(SURFACES, { error: 'Choose a surface from the list.' }),
    sessionsPerWeek: z
      .number({ error: 'Enter how many sessions a week.' })
      .int({ error: 'Sessions per week must be a whole number.' })
      .min(1, { error: 'Plan at least 1 session a week.' })
      .max(7, { error: 'A week has 7 days: plan at most 7 sessions.' }),
    /** Full days off between two sessions: 1 means every other day. */
    minRestDays: z
      .number({ error: 'Enter the rest days between sessions (0 for none).' })
      .int({ error: 'Rest days must be a whole number.' })
      .min(0, { error: 'Rest days cannot be negative: enter 0 for none.' })
      .max(6, { error: 'More than 6 rest days between sessions: check the number.' }),
    /** Sessions in a row at this level with no soreness before the patient moves up. */
    cleanSessionsToAdvance: z
      .number({ error: 'Enter how many clean sessions are needed to move up.' })
      .int({ error: 'Clean sessions must be a whole number.' })
      .min(1, { error: 'At least 1 clean session is needed to move up.' })
      .max(10, { error: 'More than 10 clean sessions to move up: check the number.' }),
    /** What the clinician checks before the patient may start this level; empty when none. */
    entryCheck: optionalText('Entry check', 300, 'multi'),
    notes: optionalText('Notes', 500, 'multi'),
  })
  .superRefine((level, ctx) => {
    const at = `Level ${level.number}`;
    if (level.repetitions === null && level.untilTotal === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['repetitions'],
        message: `${at}: give the number of repetitions, or a total time or distance to reach.`,
      });
    }
    if (level.repetitions !== null && level.untilTotal !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['untilTotal'],
        message: `${at}: give either the number of repetitions or a total to reach, not both.`,
      });
    }
    const unit = level.measure === 'time' ? 'minutes' : 'metres';
    level.bouts.forEach((bout, i) => {
      if (bout.amount > MAX_AMOUNT[level.measure]) {
        ctx.addIssue({
          code: 'custom',
          path: ['bouts', i, 'amount'],
          message: `${at}: a bout of ${bout.amount} ${unit} is too long for a running level; check the number.`,
        });
      }
    });
    if (level.untilTotal !== null) {
      const total = level.untilTotal;
      if (total.amount > MAX_AMOUNT[total.measure]) {
        ctx.addIssue({
          code: 'custom',
          path: ['untilTotal', 'amount'],
          message: `${at}: the total is too long for a running level; check the number.`,
        });
      }
      if (total.measure === level.measure && total.amount < roundAmount(level)) {
        ctx.addIssue({
          code: 'custom',
          path: ['untilTotal', 'amount'],
          message: `${at}: the total to reach is shorter than one round of bouts; shorten the bouts or raise the total.`,
        });
      }
    }
    const fit = maxSessionsPerWeek(level.minRestDays);
    if (level.sessionsPerWeek > fit) {
      ctx.addIssue({
        code: 'custom',
        path: ['sessionsPerWeek'],
        message:
          `${at}: with ${level.minRestDays} rest day${level.minRestDays === 1 ? '' : 's'} between sessions, ` +
          `at most ${fit} sessions fit in a week; lower the sessions per week or the rest days.`,
      });
    }
  });
export type RunLevel = z.infer<typeof RunLevel>;

/**
 * What the patient does before each run, and for how long. Rule 1 of the soreness rules asks
 * whether soreness in the warm-up continued, so every programme says what its warm-up is.
 * The description is for the patient: plain words, reading grade 6 or lower.
 */
export const WarmUp = z.strictObject({
  description: requiredText('Warm-up', 300, 'multi'),
  minutes: z
    .number({ error: 'Enter how many minutes the warm-up lasts.' })
    .int({ error: 'Warm-up minutes must be a whole number.' })
    .min(1, { error: 'The warm-up lasts at least 1 minute.' })
    .max(60, { error: 'A warm-up longer than 60 minutes is a typing slip: check the minutes.' }),
});
export type WarmUp = z.infer<typeof WarmUp>;

/**
 * The warm-up of a programme saved before programmes had one, and of a template whose source gives
 * none: a brisk walk, the seed article's last step before running (docs/clinical-sources.md#programmes), for
 * 5 minutes (clinic default, the short end of the usual 5-10 minutes).
 */
export const DEFAULT_WARM_UP: WarmUp = { description: 'Walk at a brisk pace for 5 minutes.', minutes: 5 };

export const SLUG = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** Stable id of a programme or rule set: lower-case letters, digits and dashes. */
export function slugId(label: string) {
  return z
    .string({ error: `${label} id is missing.` })
    .regex(SLUG, { error: `${label} id: use 2 to 64 lower-case letters, digits and dashes, like "clinic-walk-run".` });
}

/** Which shipped or clinic item a copy started from. */
export const BasedOn = z
  .strictObject({
    id: z.string().regex(SLUG, { error: 'That is not a programme or rule set in the list.' }),
    version: z.number().int().min(1),
  })
  .nullable();

export const Programme = z
  .strictObject({
    id: slugId('Programme'),
    name: requiredText('Programme name', 120),
    /** Bumped on every edit; decisions record the version they used. */
    version: z.number().int().min(1),
    /** Where the levels come from, shown in the app beside the programme. */
    source: requiredText('Source', 600, 'multi'),
    basedOn: BasedOn,
    /** Who it is for and how it runs, in one or two sentences for the clinician. */
    summary: optionalText('Summary', 600, 'multi'),
    /** Before every run. Optional on input: programmes stored before warm-ups get the default. */
    warmUp: WarmUp.default(() => ({ ...DEFAULT_WARM_UP })),
    /** At most this many level advances in any 7 days; null for no programme limit. */
    maxAdvancesPer7Days: z
      .number()
      .int()
      .min(1, { error: 'Allow at least 1 advance in 7 days, or leave the limit empty.' })
      .max(7, { error: 'More than 7 advances in 7 days is no limit: leave it empty instead.' })
      .nullable(),
    /** Highest pain (0-10) during or after a run that still counts as a clean session; null for none. */
    painLimit: z
      .number()
      .int()
      .min(0, { error: 'The pain limit runs from 0 to 10.' })
      .max(10, { error: 'The pain limit runs from 0 to 10.' })
      .nullable(),
    levels: z
      .array(RunLevel)
      .min(1, { error: 'Add at least one level.' })
      .max(60, { error: 'A programme has at most 60 levels.' }),
  })
  .superRefine((programme, ctx) => {
    programme.levels.forEach((level, i) => {
      if (level.number !== i + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'number'],
          message: `Levels are numbered 1, 2, 3... in order, but the level in position ${i + 1} is numbered ${level.number}: renumber the levels.`,
        });
      }
    });
    const firstRunning = programme.levels.findIndex((l) => levelKind(l) !== 'walk');
    if (firstRunning >= 0) {
      programme.levels.forEach((level, i) => {
        if (i > firstRunning && levelKind(level) === 'walk') {
          ctx.addIssue({
            code: 'custom',
            path: ['levels', i],
            message: `Level ${level.number} is walking only but comes after running levels: move walking levels to the start.`,
          });
        }
      });
    }
  });
export type Programme = z.infer<typeof Programme>;

/**
 * A programme as stored (an assignment's `programme_json`, a clinic programme's `data_json`),
 * upgraded to today's shape: one written before programmes had a warm-up gets the default one.
 * Stored programmes were checked when saved, so nothing else is re-checked here.
 */
export function readStoredProgramme(json: string): Programme {
  const stored = JSON.parse(json) as Omit<Programme, 'warmUp'> & { warmUp?: WarmUp };
  return { ...stored, warmUp: stored.warmUp ?? { ...DEFAULT_WARM_UP } };
}

/** Walking only, walking and running, or running only (jogging counts as running). */
export type LevelKind = 'walk' | 'walk_run' | 'run';

export function levelKind(level: Pick<RunLevel, 'bouts'>): LevelKind {
  const walks = level.bouts.some((b) => b.activity === 'walk');
  const runs = level.bouts.some((b) => b.activity !== 'walk');
  return walks && runs ? 'walk_run' : runs ? 'run' : 'walk';
}

/** One round of bouts, in the level's measure. */
export function roundAmount(level: Pick<RunLevel, 'bouts'>): number {
  return level.bouts.reduce((sum, b) => sum + b.amount, 0);
}

/** The level's whole session: the round times the repetitions, or the total to reach. */
export function levelTotal(level: RunLevel): Amount {
  if (level.untilTotal !== null) return level.untilTotal;
  return { measure: level.measure, amount: roundAmount(level) * (level.repetitions ?? 1) };
}

/** The level with this number, or undefined when the programme has no such level. */
export function levelAt(programme: Programme, number: number): RunLevel | undefined {
  return programme.levels[number - 1];
}

/** Levels renumbered 1, 2, 3... in their current order (after a clinician inserts or deletes one). */
export function renumberLevels(levels: readonly RunLevel[]): RunLevel[] {
  return levels.map((level, i) => ({ ...level, number: i + 1 }));
}

/** A clinic's own copy of a programme, to edit: version 1, remembering what it was based on. */
export function duplicateProgramme(programme: Programme, copy: { id: string; name: string }): Programme {
  // Programmes are plain JSON data, so a JSON round trip is a deep copy.
  const clone = JSON.parse(JSON.stringify(programme)) as Programme;
  return {
    ...clone,
    id: copy.id,
    name: copy.name,
    version: 1,
    basedOn: { id: programme.id, version: programme.version },
  };
}
