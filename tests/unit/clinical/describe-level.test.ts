import { describe, expect, it } from 'vitest';
import { describeEffort, describeLevel, levelBreakdown } from '../../../shared/clinical/describe-level';
import type { RunLevel } from '../../../shared/clinical/programme';
import {
  DELAWARE_TREADMILL,
  MILITARY_RETURN_TO_RUN,
  MTSS_MOEN,
  TIME_WALK_RUN,
} from '../../../shared/clinical/programme-templates';
import {
  formatDistance,
  formatMinutes,
  formatNumber,
  formatSpeed,
  kilometres,
  miles,
  mph,
} from '../../../shared/clinical/units';

const level = (p: { levels: RunLevel[] }, n: number): RunLevel => p.levels[n - 1] as RunLevel;

describe('units', () => {
  it('stores metres and km/h, shows km or mi with 1 mi = 1.609 km', () => {
    expect(miles(1)).toBeCloseTo(1609.344, 6);
    expect(formatDistance(miles(1), 'km')).toBe('1.6 km');
    expect(formatDistance(miles(0.1), 'km')).toBe('0.16 km');
    expect(formatDistance(miles(0.1), 'mi')).toBe('0.1 mi');
    expect(formatDistance(kilometres(5), 'mi')).toBe('3.1 mi');
    expect(formatDistance(kilometres(5), 'km')).toBe('5 km');
    expect(formatSpeed(mph(6), 'mi')).toBe('6 mph');
    expect(formatSpeed(mph(6), 'km')).toBe('9.7 km/h');
    expect(formatMinutes(1.5)).toBe('1.5 min');
    expect(formatNumber(2.999, 2)).toBe('3');
    expect(formatNumber(-0.001, 2)).toBe('0');
  });
});

describe('describeLevel', () => {
  it.each([
    [level(TIME_WALK_RUN, 1), 'Level 1: 30 min walk, comfortable pace, level ground'],
    [level(TIME_WALK_RUN, 9), 'Level 9: 3 x (1 min walk, 7 min run), easy pace, level ground'],
    [level(TIME_WALK_RUN, 12), 'Level 12: 3 min walk, 12 min run, easy pace, level ground'],
    [level(MTSS_MOEN, 5), 'Level 5: 16 min run, intensity 1-2: light jogging to jogging and talking, level ground'],
  ])('timed levels read the same in km and mi: %#', (l, text) => {
    expect(describeLevel(l, 'km')).toBe(text);
    expect(describeLevel(l, 'mi')).toBe(text);
  });

  it.each([
    [
      level(DELAWARE_TREADMILL, 1),
      'Level 1: 10 x (0.1 mi walk, 0.1 mi jog), easy jog, treadmill',
      // A miles table keeps its own unit in a km clinic: never 0.16 km ... 3.22 km.
      'Level 1: 10 x (0.1 mi walk, 0.1 mi jog), easy jog, treadmill',
    ],
    [
      level(DELAWARE_TREADMILL, 3),
      'Level 3: 0.1 mi walk, 0.3 mi jog, repeated to 2 mi in all, easy jog, treadmill',
      // A miles table keeps its own unit in a km clinic: never 0.16 km ... 3.22 km.
      'Level 3: 0.1 mi walk, 0.3 mi jog, repeated to 2 mi in all, easy jog, treadmill',
    ],
    [
      level(DELAWARE_TREADMILL, 6),
      'Level 6: 2.5 mi jog, easy jog, treadmill',
      // A miles table keeps its own unit in a km clinic: never 0.16 km ... 3.22 km.
      'Level 6: 2.5 mi jog, easy jog, treadmill',
    ],
    [
      level(MILITARY_RETURN_TO_RUN, 1),
      'Level 1: 2 min walk, 3 min run, repeated to 1 mi in all, effort 3/10 (easy), level ground',
      // A miles table keeps its own unit in a km clinic: never 0.16 km ... 3.22 km.
      'Level 1: 2 min walk, 3 min run, repeated to 1 mi in all, effort 3/10 (easy), level ground',
    ],
    [
      level(MTSS_MOEN, 2),
      'Level 2: 4 x (2 min run, 2 min walk), run at 7.5 mph, walk at 3.5 mph, treadmill',
      'Level 2: 4 x (2 min run, 2 min walk), run at 12.1 km/h, walk at 5.6 km/h, treadmill',
    ],
  ])('distances follow the clinic unit, or the own unit of a table in tenths: %#', (l, inMiles, inKm) => {
    expect(describeLevel(l, 'mi')).toBe(inMiles);
    expect(describeLevel(l, 'km')).toBe(inKm);
  });

  it('words the other effort cues', () => {
    expect(describeEffort({ kind: 'top_speed', percent: 70 }, 'km')).toBe('70% of top speed');
    expect(describeEffort({ kind: 'rpe', rpe: 4, words: '' }, 'km')).toBe('effort 4/10');
    expect(describeEffort({ kind: 'speed', runKmh: 10, walkKmh: null }, 'km')).toBe('run at 10 km/h');
  });
});

describe('levelBreakdown', () => {
  it('gives the handout a table row for a repeated round', () => {
    expect(levelBreakdown(level(TIME_WALK_RUN, 3), 'km')).toEqual({
      number: 3,
      title: 'Week 1',
      kind: 'walk_run',
      bouts: [
        { activity: 'walk', amount: '4 min' },
        { activity: 'run', amount: '1 min' },
      ],
      repetitions: 3,
      repeat: '3 times',
      total: '15 min',
      effort: 'easy pace',
      surface: 'level ground',
      sessionsPerWeek: 3,
      rest: 'at least 1 rest day between sessions',
      cleanSessionsToAdvance: 1,
      entryCheck: level(TIME_WALK_RUN, 3).entryCheck,
      notes: level(TIME_WALK_RUN, 3).notes,
    });
  });

  it('gives the total to reach for a round repeated to a distance', () => {
    const row = levelBreakdown(level(MILITARY_RETURN_TO_RUN, 4), 'mi');
    expect(row).toMatchObject({
      kind: 'walk_run',
      bouts: [
        { activity: 'walk', amount: '2 min' },
        { activity: 'run', amount: '4 min' },
      ],
      repetitions: null,
      repeat: 'until 2 mi in all',
      total: '2 mi',
      effort: 'effort 4/10 (somewhat easy)',
      cleanSessionsToAdvance: 2,
    });
    expect(levelBreakdown(level(MILITARY_RETURN_TO_RUN, 4), 'km').total).toBe('2 mi');
  });

  it('says when no rest day is needed and counts a walk-only level as walking', () => {
    expect(levelBreakdown(level(TIME_WALK_RUN, 2), 'km')).toMatchObject({
      kind: 'walk',
      repeat: 'once',
      total: '30 min',
      rest: 'no rest day needed',
      sessionsPerWeek: 5,
    });
  });
});
