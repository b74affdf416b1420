/**
 * A clinic rule set as the settings editor holds it: numbers as typed, and back. The rules keep
 * their stored order, so the schema's error paths (rules.2.action.daysOff) point at the right rule.
 */
import type { LevelChange, RuleSet, StrainSiteTrigger, Trigger } from '../../../shared/clinical/rule-set';
import { typedNumber } from './programme-draft';

export interface RuleDraft {
  number: number;
  trigger: Trigger;
  condition: string;
  patientCondition: string;
  daysOff: string;
  levelChange: LevelChange;
  stopRun: boolean;
  callClinic: boolean;
}

export interface RuleSetDraft {
  name: string;
  source: string;
  maxAdvancesPer7Days: string;
  painLimit: string;
  strainSiteSorenessCountsAs: StrainSiteTrigger;
  rules: RuleDraft[];
}

export function ruleSetDraftOf(set: RuleSet): RuleSetDraft {
  return {
    name: set.name,
    source: set.source,
    maxAdvancesPer7Days: set.maxAdvancesPer7Days === null ? '' : String(set.maxAdvancesPer7Days),
    painLimit: set.painLimit === null ? '' : String(set.painLimit),
    strainSiteSorenessCountsAs: set.strainSiteSorenessCountsAs,
    rules: set.rules.map((r) => ({
      number: r.number,
      trigger: r.trigger,
      condition: r.condition,
      patientCondition: r.patientCondition,
      daysOff: String(r.action.daysOff),
      levelChange: r.action.levelChange,
      stopRun: r.action.stopRun,
      callClinic: r.action.callClinic,
    })),
  };
}

export function ruleSetOf(base: RuleSet, d: RuleSetDraft): RuleSet {
  const limit = (text: string) => (text.trim() === '' ? null : typedNumber(text));
  return {
    id: base.id,
    version: base.version,
    basedOn: base.basedOn,
    name: d.name,
    source: d.source,
    maxAdvancesPer7Days: limit(d.maxAdvancesPer7Days),
    painLimit: limit(d.painLimit),
    strainSiteSorenessCountsAs: d.strainSiteSorenessCountsAs,
    rules: d.rules.map((r) => ({
      number: r.number,
      trigger: r.trigger,
      condition: r.condition,
      patientCondition: r.patientCondition,
      action: {
        daysOff: typedNumber(r.daysOff),
        levelChange: r.levelChange,
        stopRun: r.stopRun,
        callClinic: r.callClinic,
      },
    })),
  };
}

export const LEVEL_CHANGE_LABELS: Readonly<Record<string, string>> = {
  '-2': 'Down 2 levels',
  '-1': 'Down 1 level',
  '0': 'Stay at the same level',
  '1': 'Move up 1 level',
};
