import { describe, expect, it } from 'vitest';
import { addDays, ageOn, daysBetween, formatDate, isIsoDate, parseTypedDate } from '../../shared/time/dates';

describe('calendar dates', () => {
  it('accepts only real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-27', '2027-01-02')).toBe(36);
  });

  it('computes age on a given day', () => {
    expect(ageOn('1991-03-14', '2026-03-13')).toBe(34);
    expect(ageOn('1991-03-14', '2026-03-14')).toBe(35);
  });

  it('reads dates in the clinic format and shows them back', () => {
    expect(parseTypedDate('14/03/1991', 'DD/MM/YYYY')).toBe('1991-03-14');
    expect(parseTypedDate('3.14.1991', 'MM/DD/YYYY')).toBe('1991-03-14');
    expect(parseTypedDate('1991-03-14', 'MM/DD/YYYY')).toBe('1991-03-14');
    expect(parseTypedDate('31/02/2001', 'DD/MM/YYYY')).toBeNull();
    expect(parseTypedDate('14/03/91', 'DD/MM/YYYY')).toBeNull();
    expect(formatDate('1991-03-14', 'MM/DD/YYYY')).toBe('03/14/1991');
  });
});
