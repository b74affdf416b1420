/**
 * The shipped soreness rule sets side by side, for the first-start screen and Settings: what each
 * set does differently, rule by rule, plus its limits and its source.
 *
 * Built from the RuleSet data, never from a list of known sets or rules: rules are matched by
 * their `trigger`, and two rules differ when their actions differ as data (compared as canonical
 * JSON), so a new rule, a new set or a new action field shows up without a change here. Known
 * action fields are worded for the clinician; an unknown one is shown as "name: value".
 */
import { canonicalJson } from '../text/canonical-json';
import type { RuleSet, SorenessRule } from './rule-set';
import { TRIGGER_LABELS } from './rule-set';

export interface ComparedSet {
  id: string;
  name: string;
  version: number;
  source: string;
}

/** One line of the comparison: a label and what each set says, in the sets' order. */
export interface ComparisonRow {
  key: string;
  label: string;
  values: string[];
}

export interface RuleSetComparison {
  sets: ComparedSet[];
  /** Rules whose action differs between the sets (or that a set lacks), in rule order. */
  differingRules: ComparisonRow[];
  /** The rules every set applies the same way, by their label. */
  sameRules: string[];
  /** The limits (levels up in 7 days, pain limit) and any other setting, always listed. */
  limits: ComparisonRow[];
}

/** Fields that are a set's identity or its rules, not a setting to compare. */
const IDENTITY_FIELDS = new Set(['id', 'name', 'version', 'source', 'basedOn', 'rules']);

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function levelChangeWords(change: number): string {
  if (change === 0) return 'same level';
  return change > 0 ? `up ${plural(change, 'level')}` : `down ${plural(-change, 'level')}`;
}

/** An action in the clinician's words: "stop the run, 2 days off, down 1 level". */
export function actionWords(action: SorenessRule['action']): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(action as Record<string, unknown>)) {
    if (key === 'stopRun' && typeof value === 'boolean') {
      if (value) parts.unshift('stop the run');
    } else if (key === 'daysOff' && typeof value === 'number') {
      parts.push(value === 0 ? 'no days off' : plural(value, 'day') + ' off');
    } else if (key === 'levelChange' && typeof value === 'number') {
      parts.push(levelChangeWords(value));
    } else if (key === 'callClinic' && typeof value === 'boolean') {
      if (value) parts.push('call the clinic');
    } else {
      parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    }
  }
  return parts.join(', ');
}

/** "At most 1 level up in 7 days"; "No weekly limit". */
function advancesWords(value: unknown): string {
  if (value === null || value === undefined) return 'No weekly limit: each clean session may move up';
  return typeof value === 'number' ? `At most ${plural(value, 'level')} up in 7 days` : JSON.stringify(value);
}

function painLimitWords(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  return typeof value === 'number' ? `Pain up to ${value}/10 still counts as clean` : JSON.stringify(value);
}

function otherWords(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ruleLabel(rule: SorenessRule): string {
  const label = (TRIGGER_LABELS as Readonly<Record<string, string>>)[rule.trigger] ?? rule.trigger.replace(/_/g, ' ');
  return `Rule ${rule.number}: ${label}`;
}

/** The sets side by side; only rules that differ are listed, the limits always. */
export function compareRuleSets(sets: readonly RuleSet[]): RuleSetComparison {
  // Every trigger any set covers, in rule-number order of the first set that has it.
  const triggers: string[] = [];
  const labels = new Map<string, string>();
  const order = new Map<string, number>();
  for (const set of sets) {
    for (const rule of [...set.rules].sort((a, b) => a.number - b.number)) {
      if (!labels.has(rule.trigger)) {
        triggers.push(rule.trigger);
        labels.set(rule.trigger, ruleLabel(rule));
        order.set(rule.trigger, rule.number);
      }
    }
  }
  triggers.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));

  const differingRules: ComparisonRow[] = [];
  const sameRules: string[] = [];
  for (const trigger of triggers) {
    const rules = sets.map((set) => set.rules.find((r) => r.trigger === trigger));
    const keys = rules.map((r) => (r ? canonicalJson(r.action) : null));
    const label = labels.get(trigger) ?? trigger;
    if (keys.every((k) => k !== null && k === keys[0])) {
      sameRules.push(label);
    } else {
      differingRules.push({
        key: `rule:${trigger}`,
        label,
        values: rules.map((r) => (r ? actionWords(r.action) : 'No such rule')),
      });
    }
  }

  const limits: ComparisonRow[] = [
    {
      key: 'maxAdvancesPer7Days',
      label: 'Levels it may move up in 7 days',
      values: sets.map((s) => advancesWords(s.maxAdvancesPer7Days)),
    },
    { key: 'painLimit', label: 'Pain limit for a clean session', values: sets.map((s) => painLimitWords(s.painLimit)) },
  ];
  // Settings added to RuleSet later, listed when the sets differ in them.
  const known = new Set(['maxAdvancesPer7Days', 'painLimit']);
  const others = new Set<string>();
  for (const set of sets) {
    for (const key of Object.keys(set)) if (!IDENTITY_FIELDS.has(key) && !known.has(key)) others.add(key);
  }
  for (const key of others) {
    const values = sets.map((s) => (s as unknown as Record<string, unknown>)[key]);
    const json = values.map((v) => canonicalJson(v ?? null));
    if (json.every((j) => j === json[0])) continue;
    limits.push({ key, label: key, values: values.map(otherWords) });
  }

  return {
    sets: sets.map((s) => ({ id: s.id, name: s.name, version: s.version, source: s.source })),
    differingRules,
    sameRules,
    limits,
  };
}
