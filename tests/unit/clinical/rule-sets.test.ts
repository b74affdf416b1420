import { describe, expect, it } from 'vitest';
import type { RuleSet, SorenessRule } from '../../../shared/clinical/rule-set';
import { copyRuleSet, mayAdvance, ruleFor, RuleSet as RuleSetSchema } from '../../../shared/clinical/rule-set';
import {
  DEFAULT_RULE_SET,
  DELAWARE_PUBLISHED_RULE_SET,
  SEED_RULE_SET,
  SHIPPED_RULE_SETS,
} from '../../../shared/clinical/rule-sets';
import { selfCheckLines } from '../../../shared/clinical/self-check';
import { SorenessReport } from '../../../shared/clinical/soreness-report';
import { readingStats, splitSentences, wordsOf } from '../../../shared/text/readability';

function messages(value: unknown, schema: typeof RuleSetSchema | typeof SorenessReport = RuleSetSchema): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

const actions = (set: RuleSet) =>
  [...set.rules]
    .sort((a, b) => a.number - b.number)
    .map((r) => [r.number, r.trigger, r.action.daysOff, r.action.levelChange, r.action.stopRun]);

describe('shipped rule sets', () => {
  it.each(SHIPPED_RULE_SETS.map((s) => [s.id, s] as const))('%s is valid, named, versioned and cited', (_, set) => {
    expect(messages(set)).toEqual([]);
    expect(set.version).toBe(1);
    expect(set.name).not.toBe('');
    expect(set.source.length).toBeGreaterThan(40);
  });

  it('the seed set is the default and follows the clinic article (clinical.md section 1)', () => {
    expect(DEFAULT_RULE_SET).toBe(SEED_RULE_SET);
    expect(SHIPPED_RULE_SETS[0]).toBe(SEED_RULE_SET);
    expect(actions(SEED_RULE_SET)).toEqual([
      [1, 'warm_up_continued', 2, 0, true],
      [2, 'warm_up_went_away', 0, 0, false],
      [3, 'warm_up_came_back', 2, -1, true],
      [4, 'next_day_not_muscular', 1, 0, false],
      [5, 'no_soreness', 0, 1, false],
    ]);
    expect([SEED_RULE_SET.maxAdvancesPer7Days, SEED_RULE_SET.painLimit]).toEqual([null, 2]);
    expect(SEED_RULE_SET.source).toMatch(/Return to Running/);
  });

  it('the published Delaware set drops a level under rule 1 and moves up at most once a week', () => {
    expect(actions(DELAWARE_PUBLISHED_RULE_SET)).toEqual([
      [1, 'warm_up_continued', 2, -1, true],
      [2, 'warm_up_went_away', 0, 0, false],
      [3, 'warm_up_came_back', 2, -1, true],
      [4, 'next_day_not_muscular', 1, 0, false],
      [5, 'no_soreness', 0, 1, false],
    ]);
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
    expect(messages({ ...SEED_RULE_SET, rules: rules.slice(0, 4) })).toEqual([
      'Add a rule for no soreness (muscle soreness the day after does not count).',
    ]);
    expect(messages(withRule(1, { trigger: 'warm_up_continued', number: 6 }))).toEqual([
      'Rules 1 and 6 both cover soreness in the warm-up that continued: keep one.',
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
    expect(copy.basedOn).toEqual({ id: 'delaware-published-soreness-rules', version: 1 });
    (copy.rules[0] as SorenessRule).action.daysOff = 3;
    expect(DELAWARE_PUBLISHED_RULE_SET.rules[0]?.action.daysOff).toBe(2);
    expect(messages(copy)).toEqual([]);
  });
});

describe('the patient self-check is generated from the rule set', () => {
  it('prints the seed set', () => {
    expect(selfCheckLines(SEED_RULE_SET)).toEqual([
      'Pain in the warm-up that does not go away: stop running. Take 2 days off. Then do the same level again.',
      'Pain in the warm-up that goes away: keep going. Stay at the same level next time.',
      'Warm-up pain that goes away but comes back in the run: stop running. Take 2 days off. Then go down 1 level.',
      'Pain the next day that is not in a muscle, or swelling: take 1 day off. Then do the same level again.',
      'No pain, or only sore muscles the next day: move up 1 level next time.',
      'Only move up if your pain stays at 2 out of 10 or less.',
    ]);
  });

  it('prints the published Delaware set with its own rule 1 and weekly limit', () => {
    const lines = selfCheckLines(DELAWARE_PUBLISHED_RULE_SET);
    expect(lines[0]).toBe(
      'Pain in the warm-up that does not go away: stop running. Take 2 days off. Then go down 1 level.',
    );
    expect(lines.at(-1)).toBe('Move up no more than 1 level in 7 days.');
  });

  it('changes when a clinic tunes the data', () => {
    const tuned = copyRuleSet(SEED_RULE_SET, { id: 'tuned', name: 'Tuned' });
    (tuned.rules[3] as SorenessRule).action.daysOff = 3;
    tuned.maxAdvancesPer7Days = 2;
    tuned.painLimit = null;
    expect(selfCheckLines(tuned).slice(3)).toEqual([
      'Pain the next day that is not in a muscle, or swelling: take 3 days off. Then do the same level again.',
      'No pain, or only sore muscles the next day: move up 1 level next time.',
      'Move up no more than 2 levels in 7 days.',
    ]);
  });

  it.each(SHIPPED_RULE_SETS.map((s) => [s.id, s] as const))(
    '%s reads at grade 6 or lower, every sentence under 15 words',
    (_, set) => {
      const lines = selfCheckLines(set);
      for (const line of lines) {
        for (const sentence of splitSentences(line.replace(':', '.'))) {
          expect(wordsOf(sentence).length, sentence).toBeLessThan(15);
        }
        expect(readingStats(line).grade, line).toBeLessThanOrEqual(6);
      }
      expect(readingStats(lines.join('\n')).grade).toBeLessThanOrEqual(6);
    },
  );
});

describe('SorenessReport schema', () => {
  const report = {
    runDate: '2026-12-01',
    levelRun: 3,
    warmUp: 'none',
    cameBackDuringRun: null,
    nextDay: 'none',
  };

  it('accepts the soreness answers alone, pain, swelling and notes being optional', () => {
    expect(messages(report, SorenessReport)).toEqual([]);
    expect(messages({ ...report, painDuring: 0, painAfter: 10, swelling: true, notes: 'ok' }, SorenessReport)).toEqual(
      [],
    );
  });

  it('refuses pain scores without the soreness answers, saying which question to ask', () => {
    const { warmUp: _w, nextDay: _n, ...painOnly } = { ...report, painDuring: 4 };
    expect(messages(painOnly, SorenessReport)).toEqual([
      'Answer the warm-up question: no soreness, soreness that went away, or soreness that continued. A pain score alone does not choose a soreness rule.',
      'Answer the day-after question: no soreness, muscle soreness only, or soreness that is not muscular. A pain score alone does not choose a soreness rule.',
    ]);
  });

  it('asks whether warm-up soreness that went away came back, and only then', () => {
    expect(messages({ ...report, warmUp: 'went_away' }, SorenessReport)).toEqual([
      'The warm-up soreness went away: say whether it came back during the run.',
    ]);
    expect(messages({ ...report, warmUp: 'continued', cameBackDuringRun: false }, SorenessReport)).toEqual([
      '"Came back during the run" only applies when the warm-up soreness went away: leave it empty.',
    ]);
  });

  it('keeps pain on the 0-10 scale and the date real', () => {
    expect(messages({ ...report, painDuring: 11, runDate: '2026-02-30' }, SorenessReport)).toEqual([
      'Run date is not a real date: enter it like 1988-04-12.',
      'Pain during the run: enter a whole number from 0 (no pain) to 10 (worst pain).',
    ]);
  });
});
