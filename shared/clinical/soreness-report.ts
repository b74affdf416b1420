/**
 * What the patient reports about one run: the answers the soreness rules read.
 *
 * Every answer the decision depends on is required, and each has an explicit "not known" answer
 * ('unknown'): a missing answer is never read as "no symptoms". A report with any answer not
 * known holds the patient at the level (engine.ts, point 9). Pain during the run has a third
 * explicit answer, 'not_run', for a patient who stopped before the running part (in the warm-up).
 *
 * Reports recorded before these questions were asked (format 1: pain, swelling optional, no
 * mid-run pain, limp or completion question) are read with `recordedReport`, which fills the
 * questions that were not asked with 'unknown' and says nothing it was not told.
 */
import { z } from 'zod';
import { isoDate, optionalText } from '../text/fields';

export const UNKNOWN = 'unknown' as const;

export const WARM_UP_ANSWERS = ['none', 'went_away', 'continued', 'unknown'] as const;
export type WarmUpAnswer = (typeof WARM_UP_ANSWERS)[number];
export const WARM_UP_LABELS: Readonly<Record<WarmUpAnswer, string>> = {
  none: 'No soreness in the warm-up',
  went_away: 'Soreness in the warm-up that went away',
  continued: 'Soreness in the warm-up that continued',
  unknown: 'Not known',
};

/**
 * Where the soreness the day after is. General muscle soreness (DOMS) away from the injury is
 * normal; soreness at the injury is a warning sign, for a muscle strain too (docs/clinical-sources.md#readiness,
 * Heiderscheit 2010).
 */
export const NEXT_DAY_ANSWERS = ['none', 'muscular', 'injury_site', 'not_muscular', 'unknown'] as const;
export type NextDayAnswer = (typeof NEXT_DAY_ANSWERS)[number];
export const NEXT_DAY_LABELS: Readonly<Record<NextDayAnswer, string>> = {
  none: 'No soreness the day after',
  muscular: 'General muscle soreness only, away from the injury',
  injury_site: 'Soreness at the injury site',
  not_muscular: 'Soreness that is not muscular (joint, tendon or bone)',
  unknown: 'Not known',
};

/** Whether the session was done as the plan says. */
export const COMPLETED_ANSWERS = ['as_written', 'stopped_early', 'unknown'] as const;
export type CompletedAnswer = (typeof COMPLETED_ANSWERS)[number];
export const COMPLETED_LABELS: Readonly<Record<CompletedAnswer, string>> = {
  as_written: 'Completed as written',
  stopped_early: 'Stopped early',
  unknown: 'Not known',
};

/** A yes / no answer that may also be "not known". */
export type YesNoUnknown = boolean | 'unknown';

function yesNo(question: string) {
  return z.union([z.boolean(), z.literal(UNKNOWN)], { error: `${question}: answer yes, no or not known.` });
}

function painScore(label: string) {
  const range = `${label}: enter a whole number from 0 (no pain) to 10 (worst pain), or "not known".`;
  return z.number({ error: range }).int({ error: range }).min(0, { error: range }).max(10, { error: range });
}

const warmUp = z.enum(WARM_UP_ANSWERS, {
  error:
    'Answer the warm-up question: no soreness, soreness that went away, soreness that continued, or not known. ' +
    'A pain score alone does not choose a soreness rule.',
});
const nextDay = z.enum(NEXT_DAY_ANSWERS, {
  error:
    'Answer the day-after question: no soreness, general muscle soreness, soreness at the injury site, ' +
    'soreness that is not muscular, or not known.',
});
const cameBackDuringRun = z
  .union([z.boolean(), z.literal(UNKNOWN)], { error: 'Say whether the soreness came back during the run.' })
  .nullable();

export const SorenessReport = z
  .strictObject({
    runDate: isoDate('Run date'),
    /** The level the patient actually ran (normally the planned level). */
    levelRun: z
      .number({ error: 'Enter the level the patient ran.' })
      .int({ error: 'The level run is a whole number, like 3.' })
      .min(1, { error: 'Levels start at 1: enter the level the patient ran.' }),
    /** Was the session done as written? Stopping early is never a clean session. */
    completed: z.enum(COMPLETED_ANSWERS, {
      error: 'Say whether the session was completed as written, stopped early, or not known.',
    }),
    warmUp,
    /** Only when the warm-up soreness went away: did it come back during the run? Otherwise null. */
    cameBackDuringRun,
    /** Pain that began during the run itself, after a warm-up without it. */
    painStartedInRun: yesNo('Did pain start during the run'),
    /** Limping or a changed stride during or after the run. */
    limp: yesNo('Did the patient limp or change their stride'),
    nextDay,
    /** 0-10, not known, or 'not_run' when the patient stopped before the running part. */
    painDuring: z.union([painScore('Pain during the run'), z.literal(UNKNOWN), z.literal('not_run')], {
      error: 'Pain during the run: enter 0 to 10, "did not run" or "not known".',
    }),
    painAfter: z.union([painScore('Pain after the run'), z.literal(UNKNOWN)], {
      error: 'Pain after the run: enter 0 to 10 or "not known".',
    }),
    /** New swelling after the run (patient-reported or found on examination). */
    swelling: yesNo('Was there swelling'),
    notes: optionalText('Notes', 2000, 'multi').optional(),
  })
  .superRefine((report, ctx) => {
    if (report.warmUp === 'went_away' && report.cameBackDuringRun === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['cameBackDuringRun'],
        message: 'The warm-up soreness went away: say whether it came back during the run (or not known).',
      });
    }
    if (report.warmUp !== 'went_away' && report.cameBackDuringRun !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['cameBackDuringRun'],
        message: '"Came back during the run" only applies when the warm-up soreness went away: leave it empty.',
      });
    }
    if (report.painDuring === 'not_run' && report.completed !== 'stopped_early') {
      ctx.addIssue({
        code: 'custom',
        path: ['painDuring'],
        message: '"Did not run" means the session was stopped early: answer the completed question "stopped early".',
      });
    }
  });
export type SorenessReport = z.infer<typeof SorenessReport>;

/** A report as the first check-in form recorded it (before the questions above were all asked). */
export const SorenessReportFormat1 = z.strictObject({
  runDate: isoDate('Run date'),
  levelRun: z.number().int().min(1),
  warmUp: z.enum(['none', 'went_away', 'continued']),
  cameBackDuringRun: z.boolean().nullable(),
  nextDay: z.enum(['none', 'muscular', 'not_muscular']),
  painDuring: z.number().int().min(0).max(10).optional(),
  painAfter: z.number().int().min(0).max(10).optional(),
  swelling: z.boolean().optional(),
  notes: z.string().max(2000).optional(),
});
export type SorenessReportFormat1 = z.infer<typeof SorenessReportFormat1>;

/** A format-1 report in today's shape: what was not asked is 'unknown', never "no". */
export function upgradeReport(old: SorenessReportFormat1): SorenessReport {
  return {
    runDate: old.runDate,
    levelRun: old.levelRun,
    completed: UNKNOWN,
    warmUp: old.warmUp,
    cameBackDuringRun: old.cameBackDuringRun,
    painStartedInRun: UNKNOWN,
    limp: UNKNOWN,
    nextDay: old.nextDay,
    painDuring: old.painDuring ?? UNKNOWN,
    painAfter: old.painAfter ?? UNKNOWN,
    swelling: old.swelling ?? UNKNOWN,
    ...(old.notes === undefined ? {} : { notes: old.notes }),
  };
}

/** A stored report, of either format, in today's shape. Throws on anything else. */
export function recordedReport(stored: unknown): SorenessReport {
  const current = SorenessReport.safeParse(stored);
  if (current.success) return current.data;
  const old = SorenessReportFormat1.safeParse(stored);
  if (old.success) return upgradeReport(old.data);
  throw new Error(`A stored check-in report does not fit either report format: ${current.error.message}`);
}

/** A pain score, or null when not known or not run. */
export function painValue(answer: SorenessReport['painDuring']): number | null {
  return typeof answer === 'number' ? answer : null;
}

/**
 * The check-in's questions, in the order the check-in form asks them and the handout's log
 * collects them, so the patient brings back exactly what the clinician enters. `log` is the
 * column heading on paper and `choices` what the patient circles (none: write a number).
 */
export const REPORT_QUESTIONS = [
  {
    field: 'warmUp',
    clinician: 'Soreness in the warm-up',
    log: 'Pain in the warm-up?',
    choices: ['no', 'went away', 'stayed'],
  },
  {
    field: 'cameBackDuringRun',
    clinician: 'Did it come back during the run?',
    log: 'Did it come back in the run?',
    choices: ['yes', 'no'],
  },
  {
    field: 'painStartedInRun',
    clinician: 'Pain that started during the run',
    log: 'New pain in the run?',
    choices: ['yes', 'no'],
  },
  { field: 'painDuring', clinician: 'Pain during the run (0-10)', log: 'Pain during the run, 0 to 10', choices: [] },
  { field: 'painAfter', clinician: 'Pain after the run (0-10)', log: 'Pain after the run, 0 to 10', choices: [] },
  {
    field: 'nextDay',
    clinician: 'Soreness the day after, and where',
    log: 'Sore next day? Where?',
    choices: ['no', 'muscles', 'injury', 'joint'],
  },
  { field: 'swelling', clinician: 'Swelling', log: 'Swelling?', choices: ['yes', 'no'] },
  { field: 'limp', clinician: 'Limp or changed stride', log: 'Limp?', choices: ['yes', 'no'] },
  { field: 'completed', clinician: 'Session completed as written', log: 'Did the whole run?', choices: ['yes', 'no'] },
] as const satisfies readonly {
  field: keyof SorenessReport;
  clinician: string;
  log: string;
  choices: readonly string[];
}[];
