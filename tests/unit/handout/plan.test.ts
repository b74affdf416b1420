import { describe, expect, it } from 'vitest';
import { TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import { SEED_RULE_SET } from '../../../shared/clinical/rule-sets';
import { daysBetween } from '../../../shared/time/dates';
import { calendarWeeks, planEnd, plannedRunDates, startOfWeek } from '../../../shared/handout/plan';
import { runningPart } from '../../../shared/handout/parts';
import { startProgress } from '../../../shared/clinical/progress';
import { NO_CONTEXT } from '../../../shared/clinical/engine';
import { addDays } from '../../../shared/time/dates';

describe('plannedRunDates', () => {
  it('spaces runs by the rest days and keeps to the sessions a week', () => {
    const dates = plannedRunDates('2026-11-28', { sessionsPerWeek: 3, minRestDays: 1 }, '2026-12-11');
    expect(dates).toEqual(['2026-11-28', '2026-11-30', '2026-12-02', '2026-12-05', '2026-12-07', '2026-12-09']);
    for (let i = 1; i < dates.length; i++) expect(daysBetween(dates[i - 1]!, dates[i]!)).toBeGreaterThanOrEqual(2);
    for (const d of dates)
      expect(dates.filter((x) => daysBetween(x, d) >= 0 && daysBetween(x, d) < 7).length).toBeLessThanOrEqual(3);
  });

  it('plans daily walks when no rest day is needed, and nothing on or after the visit', () => {
    expect(plannedRunDates('2026-11-27', { sessionsPerWeek: 5, minRestDays: 0 }, '2026-12-04')).toEqual([
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ]);
    expect(plannedRunDates('2026-12-04', { sessionsPerWeek: 3, minRestDays: 1 }, '2026-12-04')).toEqual([]);
  });

  it('plans two weeks ahead when no visit is booked', () => {
    expect(planEnd('2026-11-27', null)).toBe('2026-12-11');
    expect(planEnd('2026-11-27', '2026-12-02')).toBe('2026-12-02');
  });
});

describe('calendarWeeks', () => {
  it('covers the plan in whole weeks, Monday or Sunday first', () => {
    const monday = calendarWeeks('2026-11-27', '2026-12-11', 'monday');
    expect(monday).toHaveLength(3);
    expect(monday[0]![0]).toBe('2026-11-23');
    expect(monday[2]![6]).toBe('2026-12-13');
    const sunday = calendarWeeks('2026-11-27', '2026-12-11', 'sunday');
    expect(sunday[0]![0]).toBe('2026-11-22');
    expect(startOfWeek('2026-11-22', 'sunday')).toBe('2026-11-22');
    expect(startOfWeek('2026-11-22', 'monday')).toBe('2026-11-16');
  });

  it('stops at six weeks', () => {
    expect(calendarWeeks('2026-01-01', '2026-12-31', 'monday')).toHaveLength(6);
  });
});

describe('runningPart', () => {
  it('builds the running part from a programme and progress', () => {
    const progress = { ...startProgress(6), earliestNextRun: '2026-11-29' };
    const part = runningPart(TIME_WALK_RUN, progress, SEED_RULE_SET, NO_CONTEXT, '2026-11-27', '2026-12-11');
    expect(part.currentLevel.number).toBe(6);
    expect(part.nextLevels.map((l) => l.number)).toEqual([7, 8, 9]);
    expect(part.nextRunDate).toBe('2026-11-29');
    expect(part.plannedRunDates[0]).toBe('2026-11-29');
    expect(part.levelCount).toBe(15);
    expect(part.selfCheck?.level).toBe(6);
  });

  it('starts today when the last decision allows it, and shows no levels past the last', () => {
    const last = runningPart(
      TIME_WALK_RUN,
      { ...startProgress(15), earliestNextRun: '2026-11-20' },
      SEED_RULE_SET,
      NO_CONTEXT,
      '2026-11-27',
      null,
    );
    expect(last.nextRunDate).toBe('2026-11-27');
    expect(last.nextLevels).toEqual([]);
    expect(() => runningPart(TIME_WALK_RUN, startProgress(16), SEED_RULE_SET, NO_CONTEXT, '2026-11-27', null)).toThrow(
      /not in the programme/,
    );
  });

  it("counts the walks done before the handout date against the level's sessions a week", () => {
    // Level 1 walks 5 times a week with no rest day: after walks on 22 to 26 November, the plan
    // may not add a walk on the 27th or 28th (that would be 6 or 7 in 7 days).
    const level1 = TIME_WALK_RUN.levels[0]!;
    const recent = ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];
    const planned = plannedRunDates('2026-11-27', level1, '2026-12-11', recent);
    expect(level1.sessionsPerWeek).toBe(5);
    for (const day of planned) {
      const window = [...recent, ...planned].filter((d) => d <= day && d > addDays(day, -7));
      expect(window.length, day).toBeLessThanOrEqual(5);
    }
    expect(planned[0]).toBe('2026-11-29');
  });
});
