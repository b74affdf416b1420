/**
 * The check-in visit on top of the engine: what the clinician did with the engine's decision
 * (confirmed it, or changed the level or the days off, with a reason), how the patient's progress
 * follows, and what the patient is told.
 *
 * The engine's decision is always kept as it was; an override sits beside it. Progress follows
 * the override: `progressAfterCheckIn` applies the clinician's level *instead of* the engine's, not
 * after it. (Folding the engine's decision and then `withLevel` would count an advance the
 * clinician refused: an engine "move up" overridden to "stay" must not use up the weekly limit.)
 *
 * Progress is derived, never stored: `replayCourse` folds a programme's entries in run order.
 * Check-ins are append-only and a correction replaces the entry it corrects in that fold, so
 * deriving keeps one source of truth that cannot drift from the entries, and a correction needs no
 * rewrite of anything stored. The fold reads a few numbers per entry; a thousand entries replay in
 * well under a millisecond.
 */
import { z } from 'zod';
import { requiredText } from '../text/fields';
import type { IsoDate } from '../time/dates';
import { addDays } from '../time/dates';
import type { Decision } from './decision';
import type { Programme } from './programme';
import { levelKind } from './programme';
import { runsStillCounting } from './next-run';
import type { Progress } from './progress';
import { recentAdvances, startProgress, withEntryCheckSignedOff } from './progress';
import { dayCount, longDate } from './wording';

/** Most days off a clinician may set by hand (the rule sets allow up to 14 as well). */
export const MAX_OVERRIDE_DAYS_OFF = 14;

/** The clinician's change to a decision: both values, and why. */
export const Override = z.strictObject({
  levelAfter: z
    .number({ error: 'Choose the level for the next run.' })
    .int({ error: 'Choose the level for the next run.' })
    .min(1, { error: 'Levels start at 1: choose the level for the next run.' })
    .max(60, { error: 'Choose a level of this programme.' }),
  daysOff: z
    .number({ error: 'Enter the days off (0 for none).' })
    .int({ error: 'Days off must be a whole number.' })
    .min(0, { error: 'Days off cannot be negative: enter 0 for none.' })
    .max(MAX_OVERRIDE_DAYS_OFF, {
      error: `More than ${MAX_OVERRIDE_DAYS_OFF} days off is a pause, not a check-in decision: check the number.`,
    }),
  reason: requiredText('Reason for the change', 500, 'multi'),
});
export type Override = z.infer<typeof Override>;

/** Confirm the engine's decision, or change it. */
export const CheckInOutcome = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('confirm') }), Override.extend({ kind: z.literal('override') })],
  { error: 'Confirm the decision or change it.' },
);
export type CheckInOutcome = z.infer<typeof CheckInOutcome>;

/** What a stored entry contributes to the patient's progress. */
export interface CourseStep {
  runDate: IsoDate;
  /** The engine's decision, as stored. */
  levelBefore: number;
  levelAfter: number;
  daysOff: number;
  cleanSessionsAtLevel: number;
  programmeComplete: boolean;
  /** The level whose entry check the clinician signed off at this visit, if any. */
  entryCheckLevel: number | null;
  override: { levelAfter: number; daysOff: number } | null;
}

/** The engine's decision and the clinician's override as one step of the course. */
export function courseStep(
  decision: Decision,
  entryCheckLevel: number | null,
  override: { levelAfter: number; daysOff: number } | null,
): CourseStep {
  return {
    runDate: decision.runDate,
    levelBefore: decision.levelBefore,
    levelAfter: decision.levelAfter,
    daysOff: decision.daysOff,
    cleanSessionsAtLevel: decision.cleanSessionsAtLevel,
    programmeComplete: decision.programmeComplete,
    entryCheckLevel,
    override,
  };
}

/** The progress the engine decides from at this visit: the entry check, if signed off, counts. */
export function progressForDecision(progress: Progress, entryCheckLevel: number | null): Progress {
  return entryCheckLevel === null ? progress : withEntryCheckSignedOff(progress, entryCheckLevel);
}

/**
 * Progress after one entry. Without an override this is exactly `progressAfter(progress,
 * decision)`. With one, the clinician's level and days off are applied in place of the engine's:
 * a move above the level before counts as an advance on the run date, anything else does not; the
 * clean-session count is the engine's when the level is the engine's, and restarts otherwise.
 */
export function progressAfterCheckIn(before: Progress, step: CourseStep): Progress {
  const progress = progressForDecision(before, step.entryCheckLevel);
  const levelAfter = step.override?.levelAfter ?? step.levelAfter;
  const daysOff = step.override?.daysOff ?? step.daysOff;
  const advanced = levelAfter > step.levelBefore;
  return {
    ...progress,
    currentLevel: levelAfter,
    cleanSessionsAtLevel: levelAfter === step.levelAfter ? step.cleanSessionsAtLevel : 0,
    advanceDates: recentAdvances(
      advanced ? [...progress.advanceDates, step.runDate] : progress.advanceDates,
      step.runDate,
    ),
    lastRunDate: step.runDate,
    recentRunDates: runsStillCounting([...progress.recentRunDates, step.runDate], step.runDate),
    // The rest; the weekly count is applied where a date is planned (next-run.ts).
    earliestNextRun: addDays(step.runDate, daysOff + 1),
  };
}

/** Whether the entry finished the programme: the engine said so and the clinician kept its level. */
export function stepCompletes(step: CourseStep): boolean {
  return step.programmeComplete && (step.override === null || step.override.levelAfter === step.levelAfter);
}

export interface CourseState {
  progress: Progress;
  /** The last entry finished the programme. */
  complete: boolean;
  /** The last entry, or null before the first check-in. */
  lastStep: CourseStep | null;
}

/** The patient's progress through a programme: the start level, then each entry in run order. */
export function replayCourse(startLevel: number, steps: readonly CourseStep[]): CourseState {
  let progress = startProgress(startLevel);
  let complete = false;
  for (const step of steps) {
    progress = progressAfterCheckIn(progress, step);
    complete = stepCompletes(step);
  }
  return { progress, complete, lastStep: steps.at(-1) ?? null };
}

/** What is wrong with an override, in the clinician's words, by field; empty when it can be saved. */
export function overrideProblems(
  decision: Decision,
  override: Pick<Override, 'levelAfter' | 'daysOff'>,
  programme: Programme,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const last = programme.levels.length;
  if (override.levelAfter > last) {
    problems.levelAfter = `"${programme.name}" has levels 1 to ${last}: choose one of them.`;
  }
  if (override.levelAfter === decision.levelAfter && override.daysOff === decision.daysOff) {
    problems.levelAfter =
      'This is the same as the decision: change the level or the days off, or confirm the decision instead.';
  }
  return problems;
}

/** The level, days off, next run date and patient wording that apply after the clinician's choice. */
export interface AppliedOutcome {
  levelAfter: number;
  daysOff: number;
  nextRunDate: IsoDate;
  programmeComplete: boolean;
  patientInstruction: string;
}

export function applyOutcome(
  decision: Decision,
  override: Pick<Override, 'levelAfter' | 'daysOff'> | null,
  programme: Programme,
): AppliedOutcome {
  if (override === null) {
    return {
      levelAfter: decision.levelAfter,
      daysOff: decision.daysOff,
      nextRunDate: decision.earliestNextRun,
      programmeComplete: decision.programmeComplete,
      patientInstruction: decision.patientInstruction,
    };
  }
  const nextRunDate = addDays(decision.runDate, override.daysOff + 1);
  return {
    levelAfter: override.levelAfter,
    daysOff: override.daysOff,
    nextRunDate,
    programmeComplete: decision.programmeComplete && override.levelAfter === decision.levelAfter,
    patientInstruction: instructionAfterOverride(decision, override, programme),
  };
}

/**
 * What the patient is told after the clinician changed the decision, in the engine's plain style
 * (reading grade 6 or lower): the days off, the next run date, the level, and the call-the-clinic
 * sentence when the engine raised it (swelling, high pain).
 */
export function instructionAfterOverride(
  decision: Decision,
  override: Pick<Override, 'levelAfter' | 'daysOff'>,
  programme: Programme,
): string {
  const level = programme.levels[override.levelAfter - 1];
  const activity = level && levelKind(level) === 'walk' ? 'walk' : 'run';
  const next = addDays(decision.runDate, override.daysOff + 1);
  const sentences: string[] = [];
  if (override.daysOff > 0) sentences.push(`Take ${dayCount(override.daysOff)} off.`);
  sentences.push(`Your next ${activity} can be on ${longDate(next)}.`);
  if (override.levelAfter > decision.levelBefore) sentences.push(`Move up to Level ${override.levelAfter}.`);
  else if (override.levelAfter < decision.levelBefore) sentences.push(`Go back to Level ${override.levelAfter}.`);
  else sentences.push(`Stay at Level ${override.levelAfter}.`);
  if (decision.callClinic) sentences.push('Call the clinic before you run again.');
  return sentences.join(' ');
}
