/**
 * Scales for the history charts: days along x (time runs left to right), values up y. The charts
 * are drawn in a fixed viewBox and scaled to the page's width, so every size here is in viewBox
 * units (about a pixel each at 1280 x 800).
 */
import type { IsoDate } from '../../../shared/time/dates';
import { addDays, daysBetween } from '../../../shared/time/dates';

export const CHART = { width: 760, left: 44, right: 120, top: 14 } as const;

export interface DateDomain {
  from: IsoDate;
  to: IsoDate;
}

/** The days the charts span, with a day's margin each side (three each side for a single day). */
export function dateDomain(dates: readonly IsoDate[]): DateDomain | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const pad = first === last ? 3 : 1;
  return { from: addDays(first, -pad), to: addDays(last, pad) };
}

export function xScale(domain: DateDomain): (date: IsoDate) => number {
  const span = Math.max(1, daysBetween(domain.from, domain.to));
  const plot = CHART.width - CHART.left - CHART.right;
  return (date) => CHART.left + (daysBetween(domain.from, date) / span) * plot;
}

export function yScale(min: number, max: number, top: number, bottom: number): (value: number) => number {
  return (value) => bottom - ((value - min) / (max - min)) * (bottom - top);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Oct", or "3 Oct 2025" with the year: the same in every date format, never ambiguous. */
export function shortDate(date: IsoDate, withYear = false): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? ''}${withYear ? ` ${y}` : ''}`;
}

/** Whether a domain's dates need their year to be read right (it spans more than one year). */
export function spansYears(domain: DateDomain): boolean {
  return domain.from.slice(0, 4) !== domain.to.slice(0, 4);
}

/** About six date ticks across the domain, on whole days (weekly or monthly for long spans). */
export function dateTicks(domain: DateDomain): IsoDate[] {
  const span = daysBetween(domain.from, domain.to);
  const steps = [1, 2, 7, 14, 28, 56, 91, 182, 364];
  const step = steps.find((s) => span / s <= 7) ?? 364;
  const ticks: IsoDate[] = [];
  for (let d = addDays(domain.from, step === 1 ? 0 : 1); d <= domain.to; d = addDays(d, step)) ticks.push(d);
  return ticks;
}
