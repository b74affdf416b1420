/**
 * The dates a handout plans: the runs until the next visit, and the calendar weeks that show them.
 * Pure date arithmetic on ISO dates; "today" is always an argument.
 */
import { firstDayWithinWeeklyLimit } from '../clinical/next-run';
import type { RunLevel } from '../clinical/programme';
import type { IsoDate } from '../time/dates';
import { addDays } from '../time/dates';
import type { WeekStart } from './handout-data';
import { MAX_PLANNED_RUNS } from './handout-data';

/** Without a next visit, the handout plans this many days ahead. */
export const DEFAULT_PLAN_DAYS = 14;

/**
 * The run days from `firstRun` until the day before `until`, as the level allows: at least
 * `minRestDays` full days off between runs, and never more than `sessionsPerWeek` runs in any
 * 7 days, counting the runs already done before the plan (`recentRuns`). The first run is on
 * `firstRun` or, when the week's runs are used up, the first day that allows it. The same
 * function (next-run.ts) sets the engine's earliest next run, so the calendar and the check-in
 * screen agree.
 */
export function plannedRunDates(
  firstRun: IsoDate,
  level: Pick<RunLevel, 'sessionsPerWeek' | 'minRestDays'>,
  until: IsoDate,
  recentRuns: readonly IsoDate[] = [],
): IsoDate[] {
  const runs: IsoDate[] = [];
  let day = firstDayWithinWeeklyLimit(firstRun, level, recentRuns);
  while (day < until && runs.length < MAX_PLANNED_RUNS) {
    runs.push(day);
    day = firstDayWithinWeeklyLimit(addDays(day, level.minRestDays + 1), level, [...recentRuns, ...runs]);
  }
  return runs;
}

/** The day the plan stops (not included): the next visit, or DEFAULT_PLAN_DAYS after the handout. */
export function planEnd(issuedOn: IsoDate, nextVisit: IsoDate | null): IsoDate {
  return nextVisit ?? addDays(issuedOn, DEFAULT_PLAN_DAYS);
}

/** Weekday of an ISO date: 0 Sunday ... 6 Saturday. */
export function weekdayOf(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The first day of the week that holds `date`. */
export function startOfWeek(date: IsoDate, weekStartsOn: WeekStart): IsoDate {
  const first = weekStartsOn === 'monday' ? 1 : 0;
  return addDays(date, -((weekdayOf(date) - first + 7) % 7));
}

/** Whole weeks (7 dates each) covering `from` to `to`, both included; at most `maxWeeks`. */
export function calendarWeeks(from: IsoDate, to: IsoDate, weekStartsOn: WeekStart, maxWeeks = 6): IsoDate[][] {
  const weeks: IsoDate[][] = [];
  let start = startOfWeek(from, weekStartsOn);
  while (start <= to && weeks.length < maxWeeks) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
    start = addDays(start, 7);
  }
  return weeks;
}
