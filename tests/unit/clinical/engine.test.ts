/** The engine's documented choices, one at a time (see the header of shared/clinical/engine.ts). */
import { describe, expect, it } from 'vitest';
import { Decision } from '../../../shared/clinical/decision';
import { decide, DecisionInputError, problemsWith } from '../../../shared/clinical/engine';
import { DEFAULT_WARM_UP, type Programme, type RunLevel } from '../../../shared/clinical/programme';
import { MILITARY_RETURN_TO_RUN, TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import type { Progress } from '../../../shared/clinical/progress';
import { progressAfter, startProgress, withEntryCheckSignedOff, withLevel } from '../../../shared/clinical/progress';
import type { RuleSet, SorenessRule } from '../../../shared/clinical/rule-set';
import { copyRuleSet } from '../../../shared/clinical/rule-set';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET } from '../../../shared/clinical/rule-sets';
import type { SorenessReport } from '../../../shared/clinical/soreness-report';
import { addDays } from '../../../shared/time/dates';
import { CLEAN_ANSWERS } from '../../helpers/reports';

function programme(changes: Partial<RunLevel> = {}, limits: Partial<Programme> = {}): Programme {
  const levels: RunLevel[] = [1, 2, 3, 4, 5].map((n) => ({
    number: n,
    title: '',
    measure: 'time',
    bouts: [
      { activity: 'walk', amount: 1 },
      { activity: 'run', amount: n + 2 },
    ],
    repetitions: 3,
    untilTotal: null,
    effort: { kind: 'words', text: 'easy pace' },
    surface: 'treadmill',
    sessionsPerWeek: 3,
    minRestDays: 1,
    cleanSessionsToAdvance: 1,
    entryCheck: '',
    notes: '',
    ...changes,
  }));
  return {
    id: 'fixture',
    name: 'Fixture',
    version: 3,
    source: 'Test fixture',
    basedOn: null,
    summary: '',
    warmUp: DEFAULT_WARM_UP,
    maxAdvancesPer7Days: null,
    painLimit: null,
    levels,
    ...limits,
  };
}

const CLEAN = CLEAN_ANSWERS;

function report(changes: Partial<SorenessReport> = {}): SorenessReport {
  return { runDate: '2026-12-01', levelRun: 3, ...CLEAN, ...changes };
}

function at(level: number, changes: Partial<Progress> = {}): Progress {
  return { ...startProgress(level), lastRunDate: '2026-11-29', earliestNextRun: '2026-12-01', ...changes };
}

function tuned(change: (rule: SorenessRule) => SorenessRule, extra: Partial<RuleSet> = {}): RuleSet {
  const copy = copyRuleSet(SEED_RULE_SET, { id: 'tuned', name: 'Tuned' });
  return { ...copy, rules: copy.rules.map(change), ...extra };
}

describe('days off and the earliest next run', () => {
  it('counts days off as full days after the run day: 3 days off after day D means D+4', () => {
    // Rule 1's 2 days off come on top of the level's 1 day of routine rest.
    const d = decide(report({ warmUp: 'continued' }), at(3), SEED_RULE_SET, programme());
    expect([d.daysOff, d.earliestNextRun]).toEqual([3, '2026-12-05']);
    expect(d.patientInstruction).toBe('Take 3 days off. Your next run can be on Saturday 5 December. Stay at Level 3.');
  });

  it('crosses months and years', () => {
    const d = decide(report({ runDate: '2026-12-30', warmUp: 'continued' }), at(3), SEED_RULE_SET, programme());
    expect(d.earliestNextRun).toBe('2027-01-03');
  });

  it("gives a clean session the level's minimum rest, and adds a rule's days off to it", () => {
    const rest2 = programme({ minRestDays: 2 });
    const clean = decide(report(), at(3), SEED_RULE_SET, rest2);
    expect([clean.daysOff, clean.earliestNextRun]).toEqual([2, '2026-12-04']);
    const rule4 = decide(report({ nextDay: 'not_muscular' }), at(3), SEED_RULE_SET, rest2);
    expect([rule4.daysOff, rule4.earliestNextRun]).toEqual([3, '2026-12-05']);
    expect(rule4.reason).toBe(
      "Rule 4 (soreness the day after running that is not muscular, or swelling): 3 days off (the level's minimum rest of 2 days and 1 day for rule 4) and stay at Level 3.",
    );
  });

  it("rule 4's day off moves the next run a day later than a clean run (one date for the next run)", () => {
    const clean = decide(report(), at(3), SEED_RULE_SET, programme());
    const rule4 = decide(report({ nextDay: 'not_muscular' }), at(3), SEED_RULE_SET, programme());
    expect(rule4.earliestNextRun).toBe(addDays(clean.earliestNextRun, 1));
  });

  it("waits for the level's sessions a week: a fourth run in 7 days moves to the day the oldest leaves", () => {
    // 3 sessions a week, a day's rest: runs on 25, 27 and 29 November and 1 December. After the
    // rest, 3 December would be next, but 27 and 29 November and 1 December fill its 7-day window.
    const progress = at(3, { recentRunDates: ['2026-11-25', '2026-11-27', '2026-11-29'] });
    const d = decide(report(), progress, SEED_RULE_SET, programme({ cleanSessionsToAdvance: 5 }));
    expect(d.daysOff).toBe(1);
    expect(d.earliestNextRun).toBe('2026-12-04');
  });

  it('allows the next session the next day on a level with no rest day (walking)', () => {
    const walk = decide(report({ levelRun: 1 }), at(1), SEED_RULE_SET, TIME_WALK_RUN);
    expect([walk.daysOff, walk.earliestNextRun]).toEqual([0, '2026-12-02']);
    expect(walk.patientInstruction).toBe(
      'Your next walk can be on Wednesday 2 December. Do Level 1 again. You need 2 pain-free walks in a row at this level.',
    );
  });
});

describe('several rules at once: the most conservative wins', () => {
  it('takes the most days off and the lowest level, naming the governing rule and the others', () => {
    const set = tuned((r) => (r.number === 4 ? { ...r, action: { ...r.action, daysOff: 3 } } : r));
    const d = decide(
      report({ warmUp: 'went_away', cameBackDuringRun: true, nextDay: 'not_muscular' }),
      at(3),
      set,
      programme(),
    );
    // Soreness that came back in the run and is still there the next day is rule 7 as well.
    expect([d.firedRules, d.governingRule, d.daysOff, d.levelAfter]).toEqual([[3, 4, 7], 7, 4, 1]);
    const withoutSeven = decide(
      report({ warmUp: 'went_away', cameBackDuringRun: true, swelling: true }),
      at(3),
      set,
      programme(),
    );
    expect([withoutSeven.firedRules, withoutSeven.governingRule, withoutSeven.daysOff]).toEqual([[3, 4], 3, 4]);
    expect(withoutSeven.reason).toBe(
      "Rule 3 (soreness during the warm-up that goes away but comes back during the session) governs, with rule 4 also met: 4 days off (the level's minimum rest of 1 day and 3 days for rule 4) and down from Level 3 to Level 2.",
    );
  });

  it('breaks a tie on level change by days off', () => {
    const d = decide(
      report({ warmUp: 'went_away', cameBackDuringRun: false, swelling: true }),
      at(3),
      SEED_RULE_SET,
      programme(),
    );
    expect([d.firedRules, d.governingRule, d.daysOff]).toEqual([[2, 4], 4, 2]);
  });
});

describe('levels at the edges', () => {
  it('never drops below the first level', () => {
    const d = decide(report({ levelRun: 1, warmUp: 'continued' }), at(1), DELAWARE_PUBLISHED_RULE_SET, programme());
    expect([d.levelAfter, d.levelChange]).toEqual([1, 0]);
    expect(d.reason).toBe(
      "Rule 1 (soreness during the warm-up that continues): 3 days off (the level's minimum rest of 1 day and 2 days for rule 1) and stay at Level 1, the first level.",
    );
  });

  it('completes the programme on a clean session at the last level once its limits are met', () => {
    const twice = programme({ cleanSessionsToAdvance: 2 });
    const first = decide(report({ levelRun: 5 }), at(5), SEED_RULE_SET, twice);
    expect([first.programmeComplete, first.levelAfter, first.cleanSessionsAtLevel]).toEqual([false, 5, 1]);
    const second = decide(
      report({ levelRun: 5, runDate: '2026-12-03' }),
      progressAfter(at(5), first),
      SEED_RULE_SET,
      twice,
    );
    expect([second.programmeComplete, second.levelAfter, second.levelChange]).toEqual([true, 5, 0]);
    expect(second.reason).toBe(
      "Rule 5 (no soreness; muscle soreness the day after does not count) at the last level (Level 5): programme complete, 1 day off (the level's minimum rest).",
    );
    expect(second.patientInstruction).toBe(
      'Well done: you have finished this programme. Take 1 day off. You can run again on Saturday 5 December. Ask the clinic what to do next.',
    );
  });
});

describe('pain scores', () => {
  it('hold a "no soreness" run above the pain limit and restart the clean count', () => {
    const d = decide(report({ painDuring: 3 }), at(3, { cleanSessionsAtLevel: 1 }), SEED_RULE_SET, programme());
    expect([d.levelAfter, d.cleanSession, d.cleanSessionsAtLevel, d.callClinic]).toEqual([3, false, 0, false]);
    expect(d.blockedBy).toEqual([
      { limit: 'pain', detail: 'pain 3/10 during the run is above the 2/10 limit for a clean session' },
    ]);
    expect(d.patientInstruction).toBe(
      'Take 1 day off. Your next run can be on Thursday 3 December. Do Level 3 again. Your pain was more than 2 out of 10.',
    );
  });

  it('count a run at the pain limit as clean', () => {
    const d = decide(report({ painDuring: 2, painAfter: 2 }), at(3), SEED_RULE_SET, programme());
    expect([d.cleanSession, d.levelAfter]).toEqual([true, 4]);
  });

  it('use the lower of the rule set and programme pain limits', () => {
    const noSetLimit = { ...SEED_RULE_SET, painLimit: null };
    const moen = programme({}, { painLimit: 4 });
    expect(decide(report({ painAfter: 4 }), at(3), noSetLimit, moen).levelAfter).toBe(4);
    expect(decide(report({ painAfter: 5 }), at(3), noSetLimit, moen).blockedBy[0]?.detail).toBe(
      'pain 5/10 after the run is above the 4/10 limit for a clean session',
    );
    expect(decide(report({ painAfter: 3 }), at(3), SEED_RULE_SET, moen).levelAfter).toBe(3);
  });

  it('tell the patient to call the clinic when pain during the run is above 3/10', () => {
    const d = decide(report({ painDuring: 4, painAfter: 3 }), at(3), SEED_RULE_SET, programme());
    expect(d.callClinic).toBe(true);
    expect(d.blockedBy[0]?.detail).toBe(
      'pain 4/10 during the run and 3/10 after it is above the 2/10 limit for a clean session',
    );
    expect(d.alerts).toEqual([
      'Pain 4/10 during the run is above 3/10, a stop-and-call sign: review before the next run.',
    ]);
    expect(d.patientInstruction).toMatch(/Call the clinic before you run again\.$/);
    // With soreness answered too, the soreness rule decides; the call still stands.
    const sore = decide(report({ painDuring: 6, warmUp: 'continued' }), at(3), SEED_RULE_SET, programme());
    expect([sore.governingRule, sore.callClinic]).toEqual([1, true]);
    expect(sore.patientInstruction).toBe(
      'Take 3 days off. Your next run can be on Saturday 5 December. Stay at Level 3. Your pain was high. Call the clinic before you run again.',
    );
  });
});

describe('swelling', () => {
  it('counts as rule 4, alerts the clinician and asks the patient to call', () => {
    const d = decide(report({ swelling: true }), at(3), SEED_RULE_SET, programme());
    expect([d.firedRules, d.levelAfter, d.daysOff, d.callClinic]).toEqual([[4], 3, 2, true]);
    expect(d.alerts).toEqual([
      'Swelling reported: counted as rule 4 (non-muscular soreness); check for effusion before the next run.',
    ]);
    expect(d.patientInstruction).toBe(
      'Take 2 days off. Your next run can be on Friday 4 December. Stay at Level 3. You had swelling. Call the clinic before you run again.',
    );
  });
});

describe('a level run that differs from the planned level', () => {
  it('ran ahead without soreness: stays at the plan, the clean count unchanged', () => {
    const d = decide(
      report({ levelRun: 4 }),
      at(3, { cleanSessionsAtLevel: 1 }),
      SEED_RULE_SET,
      programme({ cleanSessionsToAdvance: 2 }),
    );
    expect([d.levelAfter, d.cleanSession, d.cleanSessionsAtLevel]).toEqual([3, false, 1]);
    expect(d.blockedBy.map((b) => b.limit)).toEqual(['level_run_differs']);
    expect(d.alerts).toEqual(['Level 4 was run ahead of the planned Level 3: check the plan with the patient.']);
    expect(d.patientInstruction).toMatch(/Do Level 3 again\. You did Level 4, not Level 3\.$/);
  });

  it('ran ahead with soreness: the rule counts from the planned level', () => {
    const d = decide(
      report({ levelRun: 5, warmUp: 'went_away', cameBackDuringRun: true }),
      at(3),
      SEED_RULE_SET,
      programme(),
    );
    expect([d.levelAfter, d.levelChange]).toEqual([2, -1]);
  });

  it('ran below without soreness: stays at the plan', () => {
    const d = decide(report({ levelRun: 2 }), at(4), SEED_RULE_SET, programme());
    expect([d.levelAfter, d.levelChange, d.cleanSession]).toEqual([4, 0, false]);
  });

  it('ran below with soreness: goes to (or one below) the level that hurt', () => {
    const stay = decide(
      report({ levelRun: 2, warmUp: 'went_away', cameBackDuringRun: false }),
      at(4),
      SEED_RULE_SET,
      programme(),
    );
    expect([stay.levelAfter, stay.levelChange]).toEqual([2, -2]);
    const down = decide(
      report({ levelRun: 2, warmUp: 'went_away', cameBackDuringRun: true }),
      at(4),
      SEED_RULE_SET,
      programme(),
    );
    expect([down.levelAfter, down.levelChange]).toEqual([1, -3]);
    expect(down.reason).toBe(
      "Rule 3 (soreness during the warm-up that goes away but comes back during the session): 3 days off (the level's minimum rest of 1 day and 2 days for rule 3) and down from Level 4 to Level 1, counted from Level 2 that was run.",
    );
  });

  it('takes the minimum rest of the level that was run', () => {
    const p = programme();
    const levels = p.levels.map((l) => (l.number === 2 ? { ...l, minRestDays: 3, sessionsPerWeek: 2 } : l));
    const d = decide(report({ levelRun: 2 }), at(4), SEED_RULE_SET, { ...p, levels });
    expect(d.daysOff).toBe(3);
  });
});

describe('limits on moving up', () => {
  it('waits for the clean sessions the level needs ("each phase at least twice")', () => {
    const first = decide(report({ levelRun: 1 }), at(1), SEED_RULE_SET, MILITARY_RETURN_TO_RUN);
    expect(first.reason).toBe(
      "Rule 5 (no soreness; muscle soreness the day after does not count) applies, but only 1 of 2 clean sessions at this level yet: stay at Level 1, 1 day off (the level's minimum rest).",
    );
    const second = decide(
      report({ levelRun: 1, runDate: '2026-12-03' }),
      progressAfter(at(1), first),
      SEED_RULE_SET,
      MILITARY_RETURN_TO_RUN,
    );
    expect([second.levelAfter, second.cleanSessionsAtLevel]).toEqual([2, 0]);
    expect(second.reason).toBe(
      "Rule 5 (no soreness; muscle soreness the day after does not count): move up from Level 1 to Level 2, 1 day off (the level's minimum rest).",
    );
    expect(second.patientInstruction).toBe(
      'Well done. Take 1 day off. Your next run can be on Saturday 5 December. Move up to Level 2.',
    );
  });

  it('restarts the clean count after any soreness', () => {
    const sore = decide(
      report({ warmUp: 'went_away', cameBackDuringRun: false }),
      at(3, { cleanSessionsAtLevel: 1 }),
      SEED_RULE_SET,
      programme(),
    );
    expect(sore.cleanSessionsAtLevel).toBe(0);
  });

  it('counts advances on the run date and the 6 days before against the weekly limit', () => {
    const weekly = DELAWARE_PUBLISHED_RULE_SET;
    const sixDaysAgo = decide(report(), at(3, { advanceDates: ['2026-11-25'] }), weekly, programme());
    expect(sixDaysAgo.levelAfter).toBe(3);
    expect(sixDaysAgo.blockedBy[0]?.detail).toBe(
      '1 advance already in the last 7 days (the rule set allows 1), so the next can come from Wednesday 2 December',
    );
    const sevenDaysAgo = decide(report(), at(3, { advanceDates: ['2026-11-24'] }), weekly, programme());
    expect(sevenDaysAgo.levelAfter).toBe(4);
  });

  it('allows 2 advances in 7 days on the Delaware table, and says when the third may come', () => {
    const table = programme({}, { maxAdvancesPer7Days: 2 });
    const ok = decide(report(), at(3, { advanceDates: ['2026-11-27'] }), SEED_RULE_SET, table);
    expect(ok.levelAfter).toBe(4);
    const held = decide(report(), at(3, { advanceDates: ['2026-11-27', '2026-11-29'] }), SEED_RULE_SET, table);
    expect(held.blockedBy[0]?.detail).toBe(
      '2 advances already in the last 7 days (the programme allows 2), so the next can come from Friday 4 December',
    );
  });

  it('waits for the clinician to sign off the next level entry check (walking to running)', () => {
    const ready = at(2, { cleanSessionsAtLevel: 1 });
    const held = decide(report({ levelRun: 2 }), ready, SEED_RULE_SET, TIME_WALK_RUN);
    expect(held.blockedBy).toEqual([
      {
        limit: 'entry_check',
        detail:
          'Level 3 needs your entry check first (brisk walk for 30 minutes without pain, or 1 mile with no limp, pain or swelling; pain below 2/10)',
      },
    ]);
    expect(held.patientInstruction).toMatch(/The clinic needs to check you before the next level\.$/);
    const cleared = decide(report({ levelRun: 2 }), withEntryCheckSignedOff(ready, 3), SEED_RULE_SET, TIME_WALK_RUN);
    expect([cleared.levelAfter, cleared.blockedBy]).toEqual([3, []]);
  });

  it('holds when a tuned rule set does not move up on its own', () => {
    const manual = tuned((r) => (r.trigger === 'no_soreness' ? { ...r, action: { ...r.action, levelChange: 0 } } : r));
    const d = decide(report(), at(3), manual, programme());
    expect([d.levelAfter, d.cleanSession, d.cleanSessionsAtLevel]).toEqual([3, true, 1]);
    expect(d.reason).toBe(
      "Rule 5 (no soreness; muscle soreness the day after does not count): stay at Level 3 (this rule set does not move up on its own), 1 day off (the level's minimum rest).",
    );
  });
});

describe('what the decision records', () => {
  it('names the rule set and programme with their versions and fits the Decision schema', () => {
    const d = decide(report(), at(3), DELAWARE_PUBLISHED_RULE_SET, programme());
    expect(d.ruleSet).toEqual({ id: 'delaware-published-soreness-rules', version: 2 });
    expect(d.programme).toEqual({ id: 'fixture', version: 3 });
    expect(Decision.parse(d)).toEqual(d);
  });

  it('flags a run before the rest was over', () => {
    const d = decide(
      report({ runDate: '2026-12-01' }),
      at(3, { earliestNextRun: '2026-12-02' }),
      SEED_RULE_SET,
      programme(),
    );
    expect(d.alerts).toEqual([
      'This run came before the earliest date set last time (Wednesday 2 December): the rest was cut short.',
    ]);
  });
});

describe('progress', () => {
  it('folds decisions in, recording advances for the weekly limit', () => {
    const d = decide(report(), at(3), SEED_RULE_SET, programme());
    expect(progressAfter(at(3), d)).toEqual({
      currentLevel: 4,
      cleanSessionsAtLevel: 0,
      advanceDates: ['2026-12-01'],
      lastRunDate: '2026-12-01',
      recentRunDates: ['2026-12-01'],
      earliestNextRun: '2026-12-03',
      clearedLevels: [],
    });
  });

  it('counts a clinician move up as an advance and restarts the clean count', () => {
    expect(withLevel(at(3, { cleanSessionsAtLevel: 2 }), 4, '2026-12-02')).toMatchObject({
      currentLevel: 4,
      cleanSessionsAtLevel: 0,
      advanceDates: ['2026-12-02'],
    });
    expect(withLevel(at(3), 2, '2026-12-02').advanceDates).toEqual([]);
  });

  it('forgets advances that can no longer count in a 7-day window, so a long course never hits the cap', () => {
    // A course of 1,000 advances: before the fix every one stayed in the list, the 1,001st made
    // the progress fail its schema (at most 1000 dates), and every later decision was refused.
    const long = at(3, {
      lastRunDate: '2026-11-30',
      advanceDates: Array.from({ length: 1000 }, (_, i) => addDays('2026-11-30', -i)).sort(),
    });
    const d = decide(report(), long, SEED_RULE_SET, programme());
    expect(d.levelChange).toBe(1);
    const after = progressAfter(long, d);
    // Advances 6 days before the run or later can still count against a later run; older cannot.
    expect(after.advanceDates).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ]);
    const next = decide(report({ runDate: '2026-12-03', levelRun: 4 }), after, SEED_RULE_SET, programme());
    expect(next.levelAfter).toBe(5);
    expect(withLevel(long, 4, '2026-12-01').advanceDates).toHaveLength(7);
  });
});

describe('inputs that do not fit together', () => {
  it('are listed in the clinician words, and decide refuses them', () => {
    const p = programme();
    expect(problemsWith(report({ levelRun: 7 }), at(9), SEED_RULE_SET, p)).toEqual([
      'The report says Level 7, but "Fixture" has levels 1 to 5: correct the level run.',
      'The patient\'s level (9) is not in "Fixture" (levels 1 to 5): set the patient\'s level first.',
    ]);
    expect(problemsWith(report({ runDate: '2026-11-29' }), at(3), SEED_RULE_SET, p)).toEqual([
      'The run date 2026-11-29 is not after the last reported run (2026-11-29): check the date.',
    ]);
    const broken = { ...SEED_RULE_SET, rules: SEED_RULE_SET.rules.slice(1) };
    expect(problemsWith(report(), at(3), broken, p)).toEqual([
      'Rule set "Soreness rules (clinic article)": Add a rule for soreness in the warm-up that continued.',
    ]);
    expect(() => decide(report({ levelRun: 7 }), at(3), SEED_RULE_SET, p)).toThrow(DecisionInputError);
    try {
      decide(report({ levelRun: 7 }), at(3), SEED_RULE_SET, p);
    } catch (e) {
      expect((e as DecisionInputError).problems).toHaveLength(1);
    }
  });
});
