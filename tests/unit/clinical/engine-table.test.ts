/**
 * Every combination of the warm-up, day-after and swelling answers, for both shipped rule sets, at the first, a middle
 * and the last level, with the advance limits not binding and binding. Every expected row is
 * written out by hand from docs/clinical-sources.md#soreness-rules and the choices documented in engine.ts.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../../shared/clinical/engine';
import { DEFAULT_WARM_UP, type Programme, type RunLevel } from '../../../shared/clinical/programme';
import type { Progress } from '../../../shared/clinical/progress';
import type { RuleSet } from '../../../shared/clinical/rule-set';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET } from '../../../shared/clinical/rule-sets';
import type { NextDayAnswer, SorenessReport } from '../../../shared/clinical/soreness-report';

type WarmUp = 'none' | 'went_away' | 'came_back' | 'continued';
type Outcome = number | 'complete';
type Row = [
  warmUp: WarmUp,
  nextDay: NextDayAnswer,
  swelling: boolean,
  fired: number[],
  governing: number,
  daysOff: number,
  earliestNextRun: string,
  atFirst: Outcome,
  atMiddle: Outcome,
  atLast: Outcome,
];

const RUN_DATE = '2026-12-01';
const FIRST = 1;
const MIDDLE = 3;
const LAST = 5;

/** Five timed levels, every other day; `cleanSessions` and `cap` set the limits. */
function programme(cleanSessions: number, cap: number | null): Programme {
  const levels: RunLevel[] = [1, 2, 3, 4, 5].map((n) => ({
    number: n,
    title: '',
    measure: 'time',
    bouts: [
      { activity: 'walk', amount: 1 },
      { activity: 'run', amount: n },
    ],
    repetitions: 4,
    untilTotal: null,
    effort: { kind: 'words', text: 'easy pace' },
    surface: 'treadmill',
    sessionsPerWeek: 3,
    minRestDays: 1,
    cleanSessionsToAdvance: cleanSessions,
    entryCheck: '',
    notes: '',
  }));
  return {
    id: 'table-test',
    name: 'Table test',
    version: 1,
    source: 'Test fixture',
    basedOn: null,
    summary: '',
    warmUp: DEFAULT_WARM_UP,
    maxAdvancesPer7Days: cap,
    painLimit: null,
    levels,
  };
}

const WITHOUT_LIMITS = { programme: programme(1, null), advanceDates: [] as string[] };
/** 2 clean sessions needed (none yet), and an advance 3 days ago with at most 1 in 7 days. */
const WITH_LIMITS = { programme: programme(2, 1), advanceDates: ['2026-11-28'] };

function report(warmUp: WarmUp, nextDay: NextDayAnswer, swelling: boolean, level: number): SorenessReport {
  return {
    runDate: RUN_DATE,
    levelRun: level,
    warmUp: warmUp === 'came_back' ? 'went_away' : warmUp,
    cameBackDuringRun: warmUp === 'came_back' ? true : warmUp === 'went_away' ? false : null,
    nextDay,
    swelling,
    completed: 'as_written',
    painStartedInRun: false,
    limp: false,
    painDuring: 0,
    painAfter: 0,
  };
}

function progress(level: number, advanceDates: string[]): Progress {
  return {
    currentLevel: level,
    cleanSessionsAtLevel: 0,
    advanceDates,
    lastRunDate: '2026-11-28',
    recentRunDates: ['2026-11-28'],
    earliestNextRun: '2026-11-30',
    clearedLevels: [],
  };
}

function check(ruleSet: RuleSet, setup: typeof WITH_LIMITS, rows: Row[]) {
  const cases = rows.flatMap((row) =>
    (
      [
        [FIRST, row[7]],
        [MIDDLE, row[8]],
        [LAST, row[9]],
      ] as const
    ).map(
      ([level, outcome]) =>
        [`${row[0]} / ${row[1]} / swelling ${row[2]} at level ${level}`, row, level, outcome] as const,
    ),
  );
  it.each(cases)('%s', (_, row, level, outcome) => {
    const [warmUp, nextDay, swelling, fired, governing, daysOff, earliestNextRun] = row;
    const d = decide(
      report(warmUp, nextDay, swelling, level),
      progress(level, setup.advanceDates),
      ruleSet,
      setup.programme,
    );
    expect(d.firedRules).toEqual(fired);
    expect(d.governingRule).toBe(governing);
    expect(d.daysOff).toBe(daysOff);
    expect(d.earliestNextRun).toBe(earliestNextRun);
    expect(d.programmeComplete).toBe(outcome === 'complete');
    const after = outcome === 'complete' ? LAST : outcome;
    expect(d.levelAfter).toBe(after);
    expect(d.levelChange).toBe(after - level);
    expect(d.reason).toMatch(new RegExp(`^Rule ${governing} \\(`));
    // Rule 7 (run pain still there the next day) calls the clinic, as swelling does.
    expect(d.callClinic).toBe(swelling || fired.includes(7));
    expect(d.ruleSet).toEqual({ id: ruleSet.id, version: 2 });
    expect(d.cleanSession).toBe(fired.length === 1 && fired[0] === 5);
  });
}

describe('seed rule set, limits not binding', () => {
  // prettier-ignore
  check(SEED_RULE_SET, WITHOUT_LIMITS, [
    // warm-up    next day        swell  fired    gov off next run      L1  L3  L5
    ['none',      'none',         false, [5],     5,  1,  '2026-12-03', 2,  4,  'complete'],
    ['none',      'none',         true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'muscular',     false, [5],     5,  1,  '2026-12-03', 2,  4,  'complete'],
    ['none',      'muscular',     true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'not_muscular', false, [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'not_muscular', true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'none',         false, [2],     2,  1,  '2026-12-03', 1,  3,  5],
    ['went_away', 'none',         true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'muscular',     false, [2],     2,  1,  '2026-12-03', 1,  3,  5],
    ['went_away', 'muscular',     true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'not_muscular', false, [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'not_muscular', true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['came_back', 'none',         false, [3],     3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'none',         true,  [3, 4],  3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'muscular',     false, [3],     3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'muscular',     true,  [3, 4],  3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'not_muscular', false, [3, 4, 7], 7,  3,  '2026-12-05', 1,  1,  3],
    ['came_back', 'not_muscular', true, [3, 4, 7], 7,  3,  '2026-12-05', 1,  1,  3],
    ['continued', 'none',         false, [1],     1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'none',         true,  [1, 4],  1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'muscular',     false, [1],     1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'muscular',     true,  [1, 4],  1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'not_muscular', false, [1, 4],  1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'not_muscular', true,  [1, 4],  1,  3,  '2026-12-05', 1,  3,  5],
  ]);
});

describe('seed rule set, limits binding (1 of 2 clean sessions, 1 advance in the last 7 days)', () => {
  // prettier-ignore
  check(SEED_RULE_SET, WITH_LIMITS, [
    // warm-up    next day        swell  fired    gov off next run      L1  L3  L5
    ['none',      'none',         false, [5],     5,  1,  '2026-12-03', 1,  3,  5],
    ['none',      'none',         true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'muscular',     false, [5],     5,  1,  '2026-12-03', 1,  3,  5],
    ['none',      'muscular',     true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'not_muscular', false, [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'not_muscular', true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'none',         false, [2],     2,  1,  '2026-12-03', 1,  3,  5],
    ['went_away', 'none',         true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'muscular',     false, [2],     2,  1,  '2026-12-03', 1,  3,  5],
    ['went_away', 'muscular',     true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'not_muscular', false, [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'not_muscular', true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['came_back', 'none',         false, [3],     3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'none',         true,  [3, 4],  3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'muscular',     false, [3],     3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'muscular',     true,  [3, 4],  3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'not_muscular', false, [3, 4, 7], 7,  3,  '2026-12-05', 1,  1,  3],
    ['came_back', 'not_muscular', true, [3, 4, 7], 7,  3,  '2026-12-05', 1,  1,  3],
    ['continued', 'none',         false, [1],     1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'none',         true,  [1, 4],  1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'muscular',     false, [1],     1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'muscular',     true,  [1, 4],  1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'not_muscular', false, [1, 4],  1,  3,  '2026-12-05', 1,  3,  5],
    ['continued', 'not_muscular', true,  [1, 4],  1,  3,  '2026-12-05', 1,  3,  5],
  ]);
});

describe('published Delaware rule set, limits not binding', () => {
  // prettier-ignore
  check(DELAWARE_PUBLISHED_RULE_SET, WITHOUT_LIMITS, [
    // warm-up    next day        swell  fired    gov off next run      L1  L3  L5
    ['none',      'none',         false, [5],     5,  1,  '2026-12-03', 2,  4,  'complete'],
    ['none',      'none',         true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'muscular',     false, [5],     5,  1,  '2026-12-03', 2,  4,  'complete'],
    ['none',      'muscular',     true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'not_muscular', false, [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'not_muscular', true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'none',         false, [2],     2,  1,  '2026-12-03', 1,  3,  5],
    ['went_away', 'none',         true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'muscular',     false, [2],     2,  1,  '2026-12-03', 1,  3,  5],
    ['went_away', 'muscular',     true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'not_muscular', false, [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'not_muscular', true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['came_back', 'none',         false, [3],     3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'none',         true,  [3, 4],  3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'muscular',     false, [3],     3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'muscular',     true,  [3, 4],  3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'not_muscular', false, [3, 4, 7], 7,  3,  '2026-12-05', 1,  1,  3],
    ['came_back', 'not_muscular', true, [3, 4, 7], 7,  3,  '2026-12-05', 1,  1,  3],
    ['continued', 'none',         false, [1],     1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'none',         true,  [1, 4],  1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'muscular',     false, [1],     1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'muscular',     true,  [1, 4],  1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'not_muscular', false, [1, 4],  1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'not_muscular', true,  [1, 4],  1,  3,  '2026-12-05', 1,  2,  4],
  ]);
});

describe('published Delaware rule set, limits binding (1 of 2 clean sessions, 1 advance in the last 7 days)', () => {
  // prettier-ignore
  check(DELAWARE_PUBLISHED_RULE_SET, WITH_LIMITS, [
    // warm-up    next day        swell  fired    gov off next run      L1  L3  L5
    ['none',      'none',         false, [5],     5,  1,  '2026-12-03', 1,  3,  5],
    ['none',      'none',         true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'muscular',     false, [5],     5,  1,  '2026-12-03', 1,  3,  5],
    ['none',      'muscular',     true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'not_muscular', false, [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['none',      'not_muscular', true,  [4],     4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'none',         false, [2],     2,  1,  '2026-12-03', 1,  3,  5],
    ['went_away', 'none',         true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'muscular',     false, [2],     2,  1,  '2026-12-03', 1,  3,  5],
    ['went_away', 'muscular',     true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'not_muscular', false, [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['went_away', 'not_muscular', true,  [2, 4],  4,  2,  '2026-12-04', 1,  3,  5],
    ['came_back', 'none',         false, [3],     3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'none',         true,  [3, 4],  3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'muscular',     false, [3],     3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'muscular',     true,  [3, 4],  3,  3,  '2026-12-05', 1,  2,  4],
    ['came_back', 'not_muscular', false, [3, 4, 7], 7,  3,  '2026-12-05', 1,  1,  3],
    ['came_back', 'not_muscular', true, [3, 4, 7], 7,  3,  '2026-12-05', 1,  1,  3],
    ['continued', 'none',         false, [1],     1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'none',         true,  [1, 4],  1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'muscular',     false, [1],     1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'muscular',     true,  [1, 4],  1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'not_muscular', false, [1, 4],  1,  3,  '2026-12-05', 1,  2,  4],
    ['continued', 'not_muscular', true,  [1, 4],  1,  3,  '2026-12-05', 1,  2,  4],
  ]);
});

describe('what holds a clean session when the limits bind', () => {
  it('names both limits, in the reason and for the patient', () => {
    const d = decide(
      report('none', 'none', false, MIDDLE),
      progress(MIDDLE, WITH_LIMITS.advanceDates),
      SEED_RULE_SET,
      WITH_LIMITS.programme,
    );
    expect(d.blockedBy.map((b) => b.limit)).toEqual(['clean_sessions', 'advances_per_7_days']);
    expect(d.cleanSessionsAtLevel).toBe(1);
    expect(d.reason).toBe(
      'Rule 5 (no soreness; muscle soreness the day after does not count) applies, but only 1 of 2 clean sessions ' +
        'at this level yet and 1 advance already in the last 7 days (the programme allows 1), so the next can come ' +
        "from Saturday 5 December: stay at Level 3, 1 day off (the level's minimum rest).",
    );
    expect(d.patientInstruction).toBe(
      'Take 1 day off. Your next run can be on Thursday 3 December. Do Level 3 again. ' +
        'You need 2 pain-free runs in a row at this level. You can move up only once in 7 days.',
    );
  });

  it('says the rule set holds when its own weekly limit is the lower one', () => {
    const d = decide(
      report('none', 'none', false, MIDDLE),
      progress(MIDDLE, WITH_LIMITS.advanceDates),
      DELAWARE_PUBLISHED_RULE_SET,
      programme(1, 2),
    );
    expect(d.blockedBy).toEqual([
      {
        limit: 'advances_per_7_days',
        until: '2026-12-05',
        detail:
          '1 advance already in the last 7 days (the rule set allows 1), so the next can come from Saturday 5 December',
      },
    ]);
  });
});
