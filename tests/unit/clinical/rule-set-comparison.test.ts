import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../../shared/clinical/rule-set';
import { actionWords, compareRuleSets } from '../../../shared/clinical/rule-set-comparison';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET, SHIPPED_RULE_SETS } from '../../../shared/clinical/rule-sets';

const copy = (set: RuleSet): RuleSet => JSON.parse(JSON.stringify(set)) as RuleSet;

describe('the shipped rule sets side by side', () => {
  const comparison = compareRuleSets(SHIPPED_RULE_SETS);

  it('has a column per shipped set, default first, each with its source', () => {
    expect(comparison.sets.map((s) => s.id)).toEqual(SHIPPED_RULE_SETS.map((s) => s.id));
    expect(comparison.sets[0]?.id).toBe(SEED_RULE_SET.id);
    for (const [i, set] of SHIPPED_RULE_SETS.entries()) expect(comparison.sets[i]?.source).toBe(set.source);
  });

  it('lists only the rules that differ: the clinic article rests 2 days under rule 1, the published version also drops a level', () => {
    const seed = SHIPPED_RULE_SETS.indexOf(SEED_RULE_SET);
    const published = SHIPPED_RULE_SETS.indexOf(DELAWARE_PUBLISHED_RULE_SET);
    const rule1 = comparison.differingRules.find((r) => r.key === 'rule:warm_up_continued');
    expect(rule1?.label).toBe('Rule 1: soreness in the warm-up that continued');
    expect(rule1?.values[seed]).toBe('stop the run, 2 days off, same level');
    expect(rule1?.values[published]).toBe('stop the run, 2 days off, down 1 level');
    // Rules 2-5 act the same in both sets, so they are named once, not listed.
    expect(comparison.sameRules).toContain(
      'Rule 3: soreness in the warm-up that went away but came back during the run',
    );
    expect(comparison.differingRules.map((r) => r.key)).not.toContain('rule:no_soreness');
  });

  it('always lists the limits: levels up in 7 days and the pain limit', () => {
    const seed = SHIPPED_RULE_SETS.indexOf(SEED_RULE_SET);
    const published = SHIPPED_RULE_SETS.indexOf(DELAWARE_PUBLISHED_RULE_SET);
    const advances = comparison.limits.find((r) => r.key === 'maxAdvancesPer7Days');
    expect(advances?.values[seed]).toBe('No weekly limit: each clean session may move up');
    expect(advances?.values[published]).toBe('At most 1 level up in 7 days');
    expect(comparison.limits.find((r) => r.key === 'painLimit')?.values[seed]).toBe(
      'Pain up to 2/10 still counts as clean',
    );
  });
});

describe('a comparison built from the data shows new rules, sets and action fields by itself', () => {
  it('shows a third set, a rule only one set has, an action field it does not know, and a 2-level drop', () => {
    const third = copy(SEED_RULE_SET);
    third.id = 'pain-monitoring';
    third.name = 'Pain-monitoring model';
    third.painLimit = 5;
    // Fields the app may add later: the comparison must word or show them, never crash.
    (third.rules[3]!.action as Record<string, unknown>).callClinic = true;
    (third.rules[2]!.action as Record<string, unknown>).levelChange = -2;
    (third.rules[2]!.action as Record<string, unknown>).holdDays = { min: 1 };
    (third.rules as unknown as Record<string, unknown>[]).push({
      number: 6,
      trigger: 'morning_stiffness_worse',
      condition: 'Morning stiffness worse than last week',
      patientCondition: 'Stiffer in the morning than last week',
      action: { daysOff: 1, levelChange: 0, stopRun: false },
    });
    (third as unknown as Record<string, unknown>).settlesByMorning = true;

    const c = compareRuleSets([SEED_RULE_SET, DELAWARE_PUBLISHED_RULE_SET, third]);
    expect(c.sets.map((s) => s.name)).toEqual([
      SEED_RULE_SET.name,
      DELAWARE_PUBLISHED_RULE_SET.name,
      'Pain-monitoring model',
    ]);
    const row = (key: string) => c.differingRules.find((r) => r.key === key)?.values;
    expect(row('rule:next_day_not_muscular')).toEqual([
      '1 day off, same level',
      '1 day off, same level',
      '1 day off, same level, call the clinic',
    ]);
    expect(row('rule:warm_up_came_back')?.[2]).toBe('stop the run, 2 days off, down 2 levels, holdDays: {"min":1}');
    expect(row('rule:morning_stiffness_worse')).toEqual(['No such rule', 'No such rule', '1 day off, same level']);
    expect(c.differingRules.find((r) => r.key === 'rule:morning_stiffness_worse')?.label).toBe(
      'Rule 6: morning stiffness worse',
    );
    expect(c.limits.find((r) => r.key === 'painLimit')?.values[2]).toBe('Pain up to 5/10 still counts as clean');
    expect(c.limits.find((r) => r.key === 'settlesByMorning')?.values).toEqual(['None', 'None', 'true']);
  });

  it('compares actions as data, whatever the key order', () => {
    const reordered = copy(SEED_RULE_SET);
    const a = reordered.rules[0]!.action;
    reordered.rules[0]!.action = {
      callClinic: a.callClinic,
      stopRun: a.stopRun,
      levelChange: a.levelChange,
      daysOff: a.daysOff,
    };
    expect(compareRuleSets([SEED_RULE_SET, reordered]).differingRules).toEqual([]);
  });

  it('words the known action fields', () => {
    expect(actionWords({ daysOff: 0, levelChange: 1, stopRun: false, callClinic: false })).toBe(
      'no days off, up 1 level',
    );
  });
});
