/**
 * The one function that decides when a patient may next run (issue "Clinical safety", item 6).
 *
 * The engine's earliest next run, the check-in screen, the handout's calendar and its log rows all
 * come from here, so they cannot disagree. A next run needs both:
 * - the rest: the days off after the run day (the level's routine rest plus any rule's days off,
 *   decided by the engine), so a run on day D with 2 days off allows the next on D + 3;
 * - the weekly count: never more than the level's sessions in any 7 days, counting the runs
 *   already done (a calendar that ignored the walks before the handout date printed 6 walks in
 *   7 days against "5 a week").
 */
import type { IsoDate } from '../time/dates';
import { addDays, daysBetween } from '../time/dates';

export interface WeeklyLimit {
  /** Sessions allowed in any 7 days. */
  sessionsPerWeek: number;
}

/** Runs on or after `day - 6` (the 7-day window that ends on `day`). */
function runsInWindow(runs: readonly IsoDate[], day: IsoDate): number {
  return runs.filter((r) => {
    const age = daysBetween(r, day);
    return age >= 0 && age < 7;
  }).length;
}

/**
 * The first day on or after `earliest` on which one more run keeps every 7-day window within the
 * weekly limit, given the runs already done (`recentRuns`, any order).
 */
export function firstDayWithinWeeklyLimit(
  earliest: IsoDate,
  limit: WeeklyLimit,
  recentRuns: readonly IsoDate[],
): IsoDate {
  let day = earliest;
  // At most 7 steps: after 7 days every earlier run has left the window.
  for (let i = 0; i < 7 && runsInWindow(recentRuns, day) >= limit.sessionsPerWeek; i++) day = addDays(day, 1);
  return day;
}

/** The earliest next run after a run on `runDate` with `daysOff` full days off. */
export function nextRunDate(
  runDate: IsoDate,
  daysOff: number,
  limit: WeeklyLimit,
  recentRuns: readonly IsoDate[],
): IsoDate {
  return firstDayWithinWeeklyLimit(addDays(runDate, daysOff + 1), limit, [...recentRuns, runDate]);
}

/** The run dates that can still count in a 7-day window after `date` (the 6 days before it and the day). */
export function runsStillCounting(runs: readonly IsoDate[], date: IsoDate): IsoDate[] {
  return runs.filter((r) => {
    const age = daysBetween(r, date);
    return age >= 0 && age <= 6;
  });
}
