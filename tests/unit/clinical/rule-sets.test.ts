import { describe, expect, it } from 'vitest';
import type { RuleSet, SorenessRule } from '../../../shared/clinical/rule-set';
import {
  copyRuleSet,
  mayAdvance,
  recordedRuleSet,
  ruleFor,
  RuleSet as RuleSetSchema,
} from '../../../shared/clinical/rule-set';
import {
  DEFAULT_RULE_SET,
  DELAWARE_PUBLISHED_RULE_SET,
  SEED_RULE_SET,
  SHIPPED_RULE_SETS,
} from '../../../shared/clinical/rule-sets';
import { selfCheckLines } from '../../../shared/clinical/self-check';
import { recordedReport, SorenessReport } from '../../../shared/clinical/soreness-report';
import { CLEAN_ANSWERS } from '../../helpers/reports';
import { readingStats, splitSentences, wordsOf } from '../../../shared/text/readability';

function messages(value: unknown, schema: typeof RuleSetSchema | typeof SorenessReport = RuleSetSchema): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

const actions = (set: RuleSet) =>
  [...set.rules]
    .sort((a, b) => a.number - b.number)
    .map((r) => [r.number, r.trigger, r.action.daysOff, r.action.levelChange, r.action.stopRun, r.action.callClinic]);

describe('shipped rule sets', () => {
  it.each(SHIPPED_RULE_SETS.map((s) => [s.id, s] as const))('%s is valid, named, versioned and cited', (_, set) => {
    expect(messages(set)).toEqual([]);
    expect(set.version).toBe(2);
    expect(set.name).not.toBe('');
    expect(set.source.length).toBeGreaterThan(40);
  });

  it('the seed set is the default and follows the clinic article (docs/clinical-sources.md#soreness-rules)', () => {
    expect(DEFAULT_RULE_SET).toBe(SEED_RULE_SET);
    expect(SHIPPED_RULE_SETS[0]).toBe(SEED_RULE_SET);
    expect(actions(SEED_RULE_SET)).toEqual([
      [1, 'warm_up_continued', 2, 0, true, false],
      [2, 'warm_up_went_away', 0, 0, false, false],
      [3, 'warm_up_came_back', 2, -1, true, false],
      [4, 'next_day_not_muscular', 1, 0, false, false],
      [5, 'no_soreness', 0, 1, false, false],
      [6, 'pain_started_in_run', 2, -1, true, false],
      [7, 'limp_or_lasting', 2, -2, true, true],
    ]);
    // Soreness at the injury site after a muscle strain holds, as gently as the article's rule 2.
    expect(SEED_RULE_SET.strainSiteSorenessCountsAs).toBe('warm_up_went_away');
    expect([SEED_RULE_SET.maxAdvancesPer7Days, SEED_RULE_SET.painLimit]).toEqual([null, 2]);
    expect(SEED_RULE_SET.source).toMatch(/Return to Running/);
  });

  it('the published Delaware set drops a level under rule 1 and moves up at most once a week', () => {
    expect(actions(DELAWARE_PUBLISHED_RULE_SET)).toEqual([
      [1, 'warm_up_continued', 2, -1, true, false],
      [2, 'warm_up_went_away', 0, 0, false, false],
      [3, 'warm_up_came_back', 2, -1, true, false],
      [4, 'next_day_not_muscular', 1, 0, false, false],
      [5, 'no_soreness', 0, 1, false, false],
      [6, 'pain_started_in_run', 2, -1, true, false],
      [7, 'limp_or_lasting', 2, -2, true, true],
    ]);
    expect(DELAWARE_PUBLISHED_RULE_SET.strainSiteSorenessCountsAs).toBe('next_day_not_muscular');
    expect([DELAWARE_PUBLISHED_RULE_SET.maxAdvancesPer7Days, DELAWARE_PUBLISHED_RULE_SET.painLimit]).toEqual([1, 2]);
    expect(DELAWARE_PUBLISHED_RULE_SET.source).toMatch(
      /Fees M, Decker T, Snyder-Mackler L, Axe MJ.*1998;26\(5\):732-42/,
    );
    expect(DELAWARE_PUBLISHED_RULE_SET.id).not.toBe(SEED_RULE_SET.id);
  });

  it('only the no-soreness rule may advance', () => {
    for (const set of SHIPPED_RULE_SETS) {
      expect(set.rules.filter(mayAdvance).map((r) => r.trigger)).toEqual(['no_soreness']);
      expect(ruleFor(set, 'no_soreness').number).toBe(5);
    }
  });
});

describe('RuleSet schema: a clinic tuning a copy is told what to fix', () => {
  const rules = SEED_RULE_SET.rules;
  const withRule = (i: number, change: Partial<SorenessRule> | ((r: SorenessRule) => SorenessRule)) => ({
    ...SEED_RULE_SET,
    rules: rules.map((r, j) => (j !== i ? r : typeof change === 'function' ? change(r) : { ...r, ...change })),
  });

  it('needs one rule per situation', () => {
    expect(messages({ ...SEED_RULE_SET, rules: rules.filter((r) => r.number !== 5) })).toEqual([
      'Add a rule for no soreness (general muscle soreness the day after does not count).',
    ]);
    expect(messages(withRule(1, { trigger: 'warm_up_continued', number: 8 }))).toEqual([
      'Rules 1 and 8 both cover soreness in the warm-up that continued: keep one.',
      'Add a rule for soreness in the warm-up that went away and stayed away.',
    ]);
  });

  it('needs distinct numbers', () => {
    expect(messages(withRule(4, { number: 1 }))).toEqual(['Two rules are numbered 1: give each rule its own number.']);
  });

  it('lets only the no-soreness rule move up, and never down', () => {
    expect(messages(withRule(1, (r) => ({ ...r, action: { ...r.action, levelChange: 1 } })))).toEqual([
      'Rule 2: only the no-soreness rule may move the patient up; set the level change to 0 or -1.',
    ]);
    expect(messages(withRule(4, (r) => ({ ...r, action: { ...r.action, levelChange: -1 } })))).toEqual([
      'Rule 5: a run with no soreness cannot move the patient down; set the level change to 0 or +1.',
    ]);
  });

  it('stops the run only for rules noticed while running', () => {
    expect(messages(withRule(3, (r) => ({ ...r, action: { ...r.action, stopRun: true } })))).toEqual([
      'Rule 4 applies after the run, so it cannot stop the run: untick "stop the run".',
    ]);
  });

  it('keeps days off and limits in range', () => {
    expect(messages(withRule(0, (r) => ({ ...r, action: { ...r.action, daysOff: -1 } })))).toEqual([
      'Days off cannot be negative: enter 0 for none.',
    ]);
    expect(messages({ ...SEED_RULE_SET, painLimit: 11, maxAdvancesPer7Days: 0 })).toEqual([
      'Allow at least 1 advance in 7 days, or leave the limit empty.',
      'The pain limit runs from 0 to 10.',
    ]);
  });

  it('copies a set as the clinic own version 1, leaving the original alone', () => {
    const copy = copyRuleSet(DELAWARE_PUBLISHED_RULE_SET, { id: 'our-rules', name: 'Our rules' });
    expect(copy).toMatchObject({ id: 'our-rules', name: 'Our rules', version: 1 });
    expect(copy.basedOn).toEqual({ id: 'delaware-published-soreness-rules', version: 2 });
    (copy.rules[0] as SorenessRule).action.daysOff = 3;
    expect(DELAWARE_PUBLISHED_RULE_SET.rules[0]?.action.daysOff).toBe(2);
    expect(messages(copy)).toEqual([]);
  });
});

describe("the settings screen's self-check preview is rendered from the engine", () => {
  it('prints the seed set at Level 2 of a preview programme, with the precedence the engine uses', () => {
    const lines = selfCheckLines(SEED_RULE_SET);
    expect(lines[0]).toBe(
      'Pain in the warm-up that does not go away: Stop running. Take 3 days off. Then do Level 2 again on your next run.',
    );
    expect(lines).toContain(
      'You limp, or you change the way you run: Stop running. Take 3 days off. Then go back to Level 1. Call us before you run again.',
    );
    expect(lines).toContain(
      'Swelling: Take 2 days off. Then do Level 2 again on your next run. Call us before you run again.',
    );
    expect(lines.at(-1)).toMatch(/^If more than one row fits, do all of them\. Take the most days off/);
  });

  it('prints the published Delaware set with its own rule 1', () => {
    expect(selfCheckLines(DELAWARE_PUBLISHED_RULE_SET)[0]).toBe(
      'Pain in the warm-up that does not go away: Stop running. Take 3 days off. Then go back to Level 1.',
    );
  });

  it('changes when a clinic tunes the data', () => {
    const tuned = copyRuleSet(SEED_RULE_SET, { id: 'tuned', name: 'Tuned' });
    (tuned.rules[3] as SorenessRule).action.daysOff = 3;
    (tuned.rules[3] as SorenessRule).action.callClinic = true;
    expect(selfCheckLines(tuned)).toContain(
      'Pain the next day at your injury, or in a joint, a tendon or a bone: Take 4 days off. Then do Level 2 again on your next run. Call us before you run again.',
    );
  });

  it.each(SHIPPED_RULE_SETS.map((s) => [s.id, s] as const))(
    '%s reads at grade 6 or lower, every sentence under 20 words',
    (_, set) => {
      const lines = selfCheckLines(set);
      for (const line of lines) {
        for (const sentence of splitSentences(line.replace(':', '.'))) {
          expect(wordsOf(sentence).length, sentence).toBeLessThan(20);
        }
      }
      expect(readingStats(lines.join('\n')).grade).toBeLessThanOrEqual(6);
    },
  );
});

describe('SorenessReport schema', () => {
  const report = {
    runDate: '2026-12-01',
    levelRun: 3,
    ...CLEAN_ANSWERS,
  };

  it('accepts a report with every question answered, "not known" included', () => {
    expect(messages(report, SorenessReport)).toEqual([]);
    expect(
      messages({ ...report, painDuring: 'unknown', swelling: 'unknown', limp: 'unknown', notes: 'ok' }, SorenessReport),
    ).toEqual([]);
  });

  it('refuses a report with only the soreness answers: a missing answer is never "no symptoms"', () => {
    const soreOnly = { runDate: '2026-12-01', levelRun: 3, warmUp: 'none', cameBackDuringRun: null, nextDay: 'none' };
    expect(messages(soreOnly, SorenessReport)).toEqual([
      'Say whether the session was completed as written, stopped early, or not known.',
      'Did pain start during the run: answer yes, no or not known.',
      'Did the patient limp or change their stride: answer yes, no or not known.',
      'Pain during the run: enter 0 to 10, "did not run" or "not known".',
      'Pain after the run: enter 0 to 10 or "not known".',
      'Was there swelling: answer yes, no or not known.',
    ]);
  });

  it('asks whether warm-up soreness that went away came back, and only then', () => {
    expect(messages({ ...report, warmUp: 'went_away' }, SorenessReport)).toEqual([
      'The warm-up soreness went away: say whether it came back during the run (or not known).',
    ]);
    expect(messages({ ...report, warmUp: 'continued', cameBackDuringRun: false }, SorenessReport)).toEqual([
      '"Came back during the run" only applies when the warm-up soreness went away: leave it empty.',
    ]);
  });

  it('takes "did not run" for pain during the run only when the session was stopped early', () => {
    expect(messages({ ...report, painDuring: 'not_run' }, SorenessReport)).toEqual([
      '"Did not run" means the session was stopped early: answer the completed question "stopped early".',
    ]);
    expect(messages({ ...report, painDuring: 'not_run', completed: 'stopped_early' }, SorenessReport)).toEqual([]);
  });

  it('keeps pain on the 0-10 scale and the date real', () => {
    expect(messages({ ...report, painDuring: 11, runDate: '2026-02-30' }, SorenessReport)).toEqual([
      'Run date is not a real date: enter it like 1988-04-12.',
      'Pain during the run: enter a whole number from 0 (no pain) to 10 (worst pain), or "not known".',
    ]);
  });
});

describe('reports and rule sets recorded before format 2', () => {
  it('reads an old report with what was not asked as "not known", never as "no"', () => {
    const old = { runDate: '2026-11-01', levelRun: 2, warmUp: 'none', cameBackDuringRun: null, nextDay: 'muscular' };
    expect(recordedReport(old)).toEqual({
      runDate: '2026-11-01',
      levelRun: 2,
      completed: 'unknown',
      warmUp: 'none',
      cameBackDuringRun: null,
      painStartedInRun: 'unknown',
      limp: 'unknown',
      nextDay: 'muscular',
      painDuring: 'unknown',
      painAfter: 'unknown',
      swelling: 'unknown',
    });
    expect(recordedReport({ ...old, painDuring: 2, swelling: false })).toMatchObject({
      painDuring: 2,
      swelling: false,
    });
    expect(() => recordedReport({ ...old, warmUp: 'sometimes' })).toThrow(/does not fit either report format/);
  });

  it("reads a clinic's old rule set with its rules and numbers kept, the safety rules added", () => {
    const old = {
      ...SEED_RULE_SET,
      id: 'our-rules',
      version: 3,
      strainSiteSorenessCountsAs: undefined,
      rules: SEED_RULE_SET.rules
        .filter((r) => r.number <= 5)
        .map((r) => ({
          ...r,
          action: { daysOff: r.action.daysOff + 1, levelChange: r.action.levelChange, stopRun: r.action.stopRun },
        })),
    };
    const read = recordedRuleSet(JSON.parse(JSON.stringify(old)));
    expect(read.rules.map((r) => [r.number, r.trigger, r.action.daysOff, r.action.callClinic])).toEqual([
      [1, 'warm_up_continued', 3, false],
      [2, 'warm_up_went_away', 1, false],
      [3, 'warm_up_came_back', 3, false],
      [4, 'next_day_not_muscular', 2, false],
      [5, 'no_soreness', 1, false],
      [6, 'pain_started_in_run', 2, false],
      [7, 'limp_or_lasting', 2, true],
    ]);
    expect(read.strainSiteSorenessCountsAs).toBe('next_day_not_muscular');
    expect(read.version).toBe(3);
  });
});
