/**
 * What the five rules do not cover, decided safely (issue "Clinical safety", items 1-3 and 6):
 * pain that starts mid-run, a limp, missing answers, soreness at the injury site after a muscle
 * strain, and one date for the next run. Each test is named after the clinical situation, for
 * both shipped rule sets where they differ.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionContext } from '../../../shared/clinical/engine';
import { decide } from '../../../shared/clinical/engine';
import { decisionContextOf } from '../../../shared/clinical/injury';
import type { Programme, RunLevel } from '../../../shared/clinical/programme';
import { DEFAULT_WARM_UP } from '../../../shared/clinical/programme';
import type { Progress } from '../../../shared/clinical/progress';
import { startProgress } from '../../../shared/clinical/progress';
import type { RuleSet } from '../../../shared/clinical/rule-set';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET } from '../../../shared/clinical/rule-sets';
import type { SorenessReport } from '../../../shared/clinical/soreness-report';
import { CLEAN_ANSWERS } from '../../helpers/reports';

function programme(levels = 6): Programme {
  const level = (n: number): RunLevel => ({
    number: n,
    title: '',
    measure: 'time',
    bouts: [
      { activity: 'walk', amount: 1 },
      { activity: 'run', amount: n + 1 },
    ],
    repetitions: 4,
    untilTotal: null,
    effort: { kind: 'words', text: 'easy pace' },
    surface: 'level_ground',
    sessionsPerWeek: 3,
    minRestDays: 1,
    cleanSessionsToAdvance: 1,
    entryCheck: '',
    notes: '',
  });
  return {
    id: 'safety',
    name: 'Safety fixture',
    version: 1,
    source: 'Test fixture',
    basedOn: null,
    summary: '',
    warmUp: DEFAULT_WARM_UP,
    maxAdvancesPer7Days: null,
    painLimit: null,
    levels: Array.from({ length: levels }, (_, i) => level(i + 1)),
  };
}

const at = (level: number): Progress => ({ ...startProgress(level), lastRunDate: '2026-11-28' });
const run = (changes: Partial<SorenessReport> = {}, level = 4): SorenessReport => ({
  runDate: '2026-12-01',
  levelRun: level,
  ...CLEAN_ANSWERS,
  ...changes,
});
const HAMSTRING: DecisionContext = decisionContextOf('hamstring_strain');
const ACHILLES: DecisionContext = decisionContextOf('achilles_tendinopathy');
const SETS: [string, RuleSet][] = [
  ['seed', SEED_RULE_SET],
  ['published Delaware', DELAWARE_PUBLISHED_RULE_SET],
];

describe('pain that starts during the run (item 1)', () => {
  it.each(SETS)('pain that starts mid-run stops the session and drops one level (%s rules)', (_, set) => {
    const d = decide(run({ painStartedInRun: true }), at(4), set, programme());
    expect([d.governingRule, d.levelAfter, d.daysOff, d.callClinic]).toEqual([6, 3, 3, false]);
    expect(set.rules.find((r) => r.number === 6)?.action.stopRun).toBe(true);
    expect(d.reason).toMatch(/^Rule 6 \(pain that starts during the run/);
    expect(d.patientInstruction).toMatch(/Go back to Level 3\./);
  });

  it.each(SETS)(
    'pain that starts mid-run and makes the runner limp drops two levels and says call (%s rules)',
    (_, set) => {
      const d = decide(run({ painStartedInRun: true, limp: true }), at(4), set, programme());
      expect([d.firedRules, d.governingRule, d.levelAfter, d.callClinic]).toEqual([[6, 7], 7, 2, true]);
      expect(d.patientInstruction).toMatch(/You had a limp\. Call the clinic before you run again\.$/);
      expect(d.alerts[0]).toMatch(/^Rule 7 \(a limp or changed stride/);
    },
  );

  it.each(SETS)(
    'pain that starts mid-run and is still there the next day drops two levels and says call (%s rules)',
    (_, set) => {
      for (const nextDay of ['not_muscular', 'injury_site'] as const) {
        const d = decide(run({ painStartedInRun: true, nextDay }), at(4), set, programme(), ACHILLES);
        expect([d.governingRule, d.levelAfter, d.callClinic]).toEqual([7, 2, true]);
      }
    },
  );

  it('a limp alone, with no pain reported, drops two levels and says call', () => {
    const d = decide(run({ limp: true }), at(4), SEED_RULE_SET, programme());
    expect([d.firedRules, d.levelAfter, d.callClinic]).toEqual([[7], 2, true]);
  });

  it('a two-level drop at Level 2 stops at Level 1', () => {
    const d = decide(run({ limp: true }, 2), at(2), SEED_RULE_SET, programme());
    expect([d.levelAfter, d.levelChange]).toEqual([1, -1]);
  });

  it('pain that started mid-run with only general muscle soreness the next day is rule 6, not rule 7', () => {
    const d = decide(run({ painStartedInRun: true, nextDay: 'muscular' }), at(4), SEED_RULE_SET, programme());
    expect(d.firedRules).toEqual([6]);
  });
});

describe('missing answers never mean "no symptoms" (item 2)', () => {
  const answers: [string, Partial<SorenessReport>][] = [
    ['warm-up', { warmUp: 'unknown' }],
    ['came back', { warmUp: 'went_away', cameBackDuringRun: 'unknown' }],
    ['pain started in the run', { painStartedInRun: 'unknown' }],
    ['limp', { limp: 'unknown' }],
    ['day after', { nextDay: 'unknown' }],
    ['pain during', { painDuring: 'unknown' }],
    ['pain after', { painAfter: 'unknown' }],
    ['swelling', { swelling: 'unknown' }],
  ];

  it.each(answers)('a clean run with the %s answer not known holds the level and asks', (_, change) => {
    const d = decide(run(change), at(4), SEED_RULE_SET, programme());
    expect(d.levelAfter).toBeLessThanOrEqual(4);
    expect(d.cleanSession).toBe(false);
    expect(d.alerts.some((a) => a.startsWith('Ask the patient about'))).toBe(true);
  });

  it('a check-in with only the soreness answers known (all else not known) holds, never advances', () => {
    const d = decide(
      run({
        completed: 'unknown',
        painStartedInRun: 'unknown',
        limp: 'unknown',
        painDuring: 'unknown',
        painAfter: 'unknown',
        swelling: 'unknown',
      }),
      at(4),
      SEED_RULE_SET,
      programme(),
    );
    expect([d.levelAfter, d.programmeComplete, d.cleanSessionsAtLevel]).toEqual([4, false, 0]);
    expect(d.blockedBy.map((b) => b.limit)).toEqual(['answers_missing', 'not_completed']);
    expect(d.reason).toMatch(
      /^Rule 5 .* applies, but whether pain started during the run, a limp or changed stride, pain during the run, pain after the run and swelling are not known/,
    );
    expect(d.patientInstruction).toMatch(/Some answers are missing\. Tell the clinic how it felt\./);
  });

  it('a session stopped early holds the level and restarts the count', () => {
    const d = decide(run({ completed: 'stopped_early', painDuring: 'not_run' }), at(4), SEED_RULE_SET, programme());
    expect([d.levelAfter, d.cleanSession, d.blockedBy[0]?.limit]).toEqual([4, false, 'not_completed']);
    expect(d.patientInstruction).toMatch(/You stopped early, so do the whole run again first\./);
  });

  it('a known soreness rule still applies when other answers are not known', () => {
    const d = decide(run({ warmUp: 'continued', swelling: 'unknown' }), at(4), SEED_RULE_SET, programme());
    expect([d.governingRule, d.daysOff]).toEqual([1, 3]);
  });
});

describe('soreness the day after a muscle strain (item 3)', () => {
  it('injury-site soreness after a hamstring strain holds under the seed rules (rule 2), and the reason says why', () => {
    const d = decide(run({ nextDay: 'injury_site' }), at(4), SEED_RULE_SET, programme(), HAMSTRING);
    expect([d.governingRule, d.levelAfter, d.daysOff]).toEqual([2, 4, 1]);
    expect(d.reason).toMatch(/for soreness at the injury site the day after a muscle strain/);
    expect(d.alerts[0]).toMatch(/warning sign, not ordinary muscle soreness: counted as rule 2/);
  });

  it('injury-site soreness after a hamstring strain is rule 4 under the published rules (a day off, no advance)', () => {
    const d = decide(run({ nextDay: 'injury_site' }), at(4), DELAWARE_PUBLISHED_RULE_SET, programme(), HAMSTRING);
    expect([d.governingRule, d.levelAfter, d.daysOff]).toEqual([4, 4, 2]);
  });

  it('injury-site soreness after a calf strain counts the same way', () => {
    expect(decisionContextOf('calf_strain')).toEqual({ muscleStrain: true });
  });

  it('general muscle soreness away from the injury after a hamstring strain still moves up', () => {
    const d = decide(run({ nextDay: 'muscular' }), at(4), SEED_RULE_SET, programme(), HAMSTRING);
    expect([d.governingRule, d.levelAfter]).toEqual([5, 5]);
  });

  it('soreness at the site of an Achilles tendinopathy the next day is rule 4 (tendon soreness)', () => {
    const d = decide(run({ nextDay: 'injury_site' }), at(4), SEED_RULE_SET, programme(), ACHILLES);
    expect([d.governingRule, d.levelAfter, d.daysOff]).toEqual([4, 4, 2]);
  });
});
