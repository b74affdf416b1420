/**
 * Small wording helpers shared by the engine's sentences and the handout's self-check.
 * Patient text aims at reading grade 6 or lower: short words, short sentences, "you".
 */
import type { IsoDate } from '../time/dates';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * The order of day and month in the clinic's dates: 'dmy' prints "Thursday 3 December", 'mdy'
 * (the US) and 'ymd' (year first, month before day) print "Thursday, December 3". The same as
 * HandoutData's `dateOrder`, so every date a patient reads is written one way.
 */
export type DayMonthOrder = 'dmy' | 'mdy' | 'ymd';

/**
 * "Thursday 3 December" (or "Thursday, December 3" month first): the weekday, day and month in
 * words, which cannot be misread as 03/12 and needs no year for a date a few days ahead.
 */
export function longDate(date: IsoDate, order: DayMonthOrder = 'dmy'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  const month = MONTHS[m - 1] ?? '';
  return order === 'dmy' ? `${weekday} ${d} ${month}` : `${weekday}, ${month} ${d}`;
}

/** "1 day", "2 days". */
export function dayCount(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Text without a final full stop, to embed in a longer sentence. */
export function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.]+$/, '');
}
