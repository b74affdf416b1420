/**
 * Where a patient is in a programme: what the engine needs from the history of runs.
 *
 * The app keeps it by folding each decision in (progressAfter) and each clinician action
 * (withLevel for a level set by hand, withEntryCheckSignedOff for "cleared to run"). A check-in
 * whose decision the clinician overrode is folded with progressAfterCheckIn (check-in.ts), which
 * applies the clinician's level in place of the engine's.
 */
import { z } from 'zod';
import { isoDate } from '../text/fields';
import type { IsoDate } from '../time/dates';
import { addDays, daysBetween } from '../time/dates';
import type { Decision } from './decision';
import { runsStillCounting } from './next-run';

export const Progress = z.strictObject({
  /** The planned level for the next run. */
  currentLevel: z.number().int().min(1, { error: 'Levels start at 1.' }),
  /** Clean sessions in a row at the current level (reset by any soreness and by a level change). */
  cleanSessionsAtLevel: z.number().int().min(0),
  /** Run dates of past advances (including clinician moves up), for the advances-in-7-days limit. */
  advanceDates: z.array(isoDate('Advance date')).max(1000),
  lastRunDate: isoDate('Last run date').nullable(),
  /** Run dates of the last 7 days up to the last run: the weekly session limit counts them (next-run.ts). */
  recentRunDates: z.array(isoDate('Run date')).max(7),
  /** The end of the rest set by the last decision (run date + days off + 1); a run before it is flagged. */
  earliestNextRun: isoDate('Earliest next run').nullable(),
  /** Levels whose entry check the clinician has signed off. */
  clearedLevels: z.array(z.number().int().min(1)).max(100),
});
export type Progress = z.infer<typeof Progress>;

/** A patient starting a programme (at level 1 unless the clinician places them higher). */
export function startProgress(level = 1): Progress {
  return {
    currentLevel: level,
    cleanSessionsAtLevel: 0,
    advanceDates: [],
    lastRunDate: null,
    recentRunDates: [],
    earliestNextRun: null,
    clearedLevels: [],
  };
}

/**
 * The advance dates that can still count against the advances-in-7-days limit after `date`.
 *
 * A later run R (R > date) counts an advance A when R - A < 7 days, so an advance more than 6 days
 * before `date` can never count again and is dropped. Without this the list grew by one date per
 * advance for the whole course; the Progress schema caps it at 1000, so a long course with many
 * ups and downs would have had every later decision refused.
 */
export function recentAdvances(advanceDates: readonly IsoDate[], date: IsoDate): IsoDate[] {
  return advanceDates.filter((a) => daysBetween(a, date) <= 6);
}

/** Progress after the app applies the engine's decision. */
export function progressAfter(progress: Progress, decision: Decision): Progress {
  return {
    ...progress,
    currentLevel: decision.levelAfter,
    cleanSessionsAtLevel: decision.cleanSessionsAtLevel,
    advanceDates: recentAdvances(
      decision.levelChange > 0 ? [...progress.advanceDates, decision.runDate] : progress.advanceDates,
      decision.runDate,
    ),
    lastRunDate: decision.runDate,
    recentRunDates: runsStillCounting([...progress.recentRunDates, decision.runDate], decision.runDate),
    // The rest only, as a replayed check-in keeps it: the weekly count is applied from
    // `recentRunDates` wherever a date is planned (next-run.ts).
    earliestNextRun: addDays(decision.runDate, decision.daysOff + 1),
  };
}

/**
 * Progress after a clinician sets the level by hand (an override). A move up counts against the
 * advances-in-7-days limit on `date`, like any other advance; the clean-session count restarts.
 */
export function withLevel(progress: Progress, level: number, date: IsoDate): Progress {
  return {
    ...progress,
    currentLevel: level,
    cleanSessionsAtLevel: 0,
    advanceDates: recentAdvances(
      level > progress.currentLevel ? [...progress.advanceDates, date] : progress.advanceDates,
      date,
    ),
  };
}

/** Progress after the clinician signs off the entry check of a level. */
export function withEntryCheckSignedOff(progress: Progress, level: number): Progress {
  if (progress.clearedLevels.includes(level)) return progress;
  return { ...progress, clearedLevels: [...progress.clearedLevels, level].sort((a, b) => a - b) };
}
