/**
 * The patient's soreness self-check, generated from the rule set the app applies.
 *
 * The handout prints these lines, so the paper always matches the rule set's data: change a
 * rule's days off and the handout changes with it. Each line is the rule's plain-language
 * condition followed by what to do, built from the rule's action:
 *   "Pain in the warm-up that does not go away: stop running. Take 2 days off. Then go down 1 level."
 */
import type { RuleSet, SorenessRule } from './rule-set';
import { DURING_RUN_TRIGGERS, rulesInOrder } from './rule-set';
import { capitalize, dayCount, withoutFinalStop } from './wording';

/** What to do under one rule, as short sentences (the first in lower case, to follow a colon). */
export function ruleActionSentences(rule: SorenessRule): string[] {
  const { daysOff, levelChange, stopRun } = rule.action;
  const sentences: string[] = [];
  if (DURING_RUN_TRIGGERS.includes(rule.trigger)) sentences.push(stopRun ? 'stop running' : 'keep going');
  if (daysOff > 0) sentences.push(`take ${dayCount(daysOff)} off`);
  const then = sentences.length > 0 && daysOff > 0 ? 'then ' : '';
  if (levelChange === -1) sentences.push(`${then}go down 1 level`);
  else if (levelChange === 1) sentences.push(`${then}move up 1 level next time`);
  else if (daysOff > 0) sentences.push(`${then}do the same level again`);
  else sentences.push('stay at the same level next time');
  return sentences.map((s, i) => (i === 0 ? s : capitalize(s)) + '.');
}

/** One self-check line for a rule. */
export function selfCheckLine(rule: SorenessRule): string {
  return `${capitalize(withoutFinalStop(rule.patientCondition))}: ${ruleActionSentences(rule).join(' ')}`;
}

/** Lines for the rule set's limits on moving up, if it has any. */
export function limitLines(set: RuleSet): string[] {
  const lines: string[] = [];
  if (set.painLimit !== null) {
    lines.push(`Only move up if your pain stays at ${set.painLimit} out of 10 or less.`);
  }
  if (set.maxAdvancesPer7Days !== null) {
    const n = set.maxAdvancesPer7Days;
    lines.push(`Move up no more than ${n === 1 ? '1 level' : `${n} levels`} in 7 days.`);
  }
  return lines;
}

/** The whole self-check: one line per rule in number order, then the limits. */
export function selfCheckLines(set: RuleSet): string[] {
  return [...rulesInOrder(set).map(selfCheckLine), ...limitLines(set)];
}
