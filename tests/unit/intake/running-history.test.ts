import { describe, expect, it } from 'vitest';
import { distanceFromEntry, distanceIn } from '../../../shared/clinical/intake/distance';
import { formatDistance } from '../../../shared/clinical/units';
import { checkWith } from '../../../shared/clinical/intake/fields';
import { RunningHistory, RunningHistoryDraft } from '../../../shared/clinical/intake/running-history';

describe('distances', () => {
  it.each([
    [40, 'km', 40_000, '40 km'],
    [25, 'mi', 40_234, '25 mi'],
    [12.5, 'km', 12_500, '12.5 km'],
    [0, 'mi', 0, '0 mi'],
    [26.2, 'mi', 42_165, '26.2 mi'],
  ] as const)('stores %s %s as %i m and shows it as "%s"', (value, unit, metres, text) => {
    const d = distanceFromEntry(value, unit);
    expect(d).toEqual({ metres, unit });
    expect(formatDistance(d.metres, d.unit)).toBe(text);
  });

  it('converts between units', () => {
    const d = distanceFromEntry(10, 'mi');
    expect(distanceIn(d, 'km')).toBeCloseTo(16.093, 3);
    expect(formatDistance(d.metres, 'km')).toBe('16.1 km');
  });
});

describe('running history schemas', () => {
  it('accepts a partial draft', () => {
    expect(RunningHistoryDraft.safeParse({ yearsRunning: 0.5 }).success).toBe(true);
  });

  it.each([
    [
      'a weekly distance over 300 km',
      { weeklyDistanceBeforeInjury: { metres: 400_000, unit: 'km' } },
      'weeklyDistanceBeforeInjury.metres',
      'Weekly distance before injury must be from 0 to 300 km (186 mi).',
    ],
    [
      'a negative longest run',
      { longestRecentRun: { metres: -5000, unit: 'mi' } },
      'longestRecentRun.metres',
      'Longest recent run must be from 0 to 250 km (155 mi).',
    ],
    [
      'an unknown unit',
      { weeklyDistanceBeforeInjury: { metres: 5000, unit: 'yd' } },
      'weeklyDistanceBeforeInjury.unit',
      'Weekly distance before injury: choose kilometres or miles.',
    ],
    [
      'years running with two decimals',
      { yearsRunning: 0.25 },
      'yearsRunning',
      'Years running must be a number from 0 to 80 years, with at most one decimal (e.g. 0.5).',
    ],
    ['an unknown surface', { usualSurface: 'sand' }, 'usualSurface', 'Choose the usual running surface from the list.'],
    [
      'a goal date that is not a date',
      { goal: { description: 'Marathon', eventDate: 'next May' } },
      'goal.eventDate',
      'Goal event date is not a real date: enter it like 1988-04-12.',
    ],
  ])('refuses %s', (_name, input, path, message) => {
    expect(checkWith(RunningHistoryDraft, input)).toEqual({ ok: false, problems: [{ path, message }] });
  });

  it('needs years running and weekly distance to sign, and a described goal', () => {
    const checked = checkWith(RunningHistory, { goal: { description: ' ' } });
    expect(checked).toEqual({
      ok: false,
      problems: [
        { path: 'yearsRunning', message: 'Years running is missing: enter a number from 0 to 80 years.' },
        {
          path: 'weeklyDistanceBeforeInjury',
          message: 'Weekly distance before injury is missing: enter it in km or miles.',
        },
        { path: 'goal.description', message: 'Enter the goal.' },
      ],
    });
  });
});
