/**
 * The soreness rule sets the app ships (docs/clinical-sources.md#soreness-rules).
 *
 * - The seed's set (the default): the five rules as the clinic article gives them.
 * - The published Delaware set (Fees et al. 1998, as reproduced by later protocols): rule 1 also
 *   drops a level, and the patient moves up at most one level a week.
 *
 * Both add a pain limit for a clean session of 2/10: the seed's rules are about soreness and say
 * nothing about pain scores, and the app does not let a run with a high pain score count as
 * "no soreness". 0-2/10 is the "safe" zone of the Silbernagel pain-monitoring model (docs/clinical-sources.md
 * section 3). A clinic that wants another limit copies the set and changes it.
 *
 * Version 2 of both (format 2) adds the app's two safety rules for what the five rules do not
 * cover (rule 6, pain that starts mid-run; rule 7, a limp or run pain lasting into the next day:
 * `SAFETY_RULES`), a call-the-clinic flag on every action, and the rule that soreness at the
 * injury site after a muscle strain counts as: the seed's set holds the patient (its rule 2, as
 * gentle as the article), the published set also takes the day off (its rule 4).
 */
import type { RuleSet, SorenessRule, StrainSiteTrigger } from './rule-set';
import { SAFETY_RULES } from './rule-set';

const PAIN_LIMIT_NOTE =
  'Pain limit for a clean session (2/10): app default, the "safe" zone of the Silbernagel pain-monitoring model.';

function rules(rule1: SorenessRule['action']): SorenessRule[] {
  return [
    {
      number: 1,
      trigger: 'warm_up_continued',
      condition: 'Soreness during the warm-up that continues',
      patientCondition: 'Pain in the warm-up that does not go away',
      action: rule1,
    },
    {
      number: 2,
      trigger: 'warm_up_went_away',
      condition: 'Soreness during the warm-up that goes away',
      patientCondition: 'Pain in the warm-up that goes away',
      action: { daysOff: 0, levelChange: 0, stopRun: false, callClinic: false },
    },
    {
      number: 3,
      trigger: 'warm_up_came_back',
      condition: 'Soreness during the warm-up that goes away but comes back during the session',
      patientCondition: 'Warm-up pain that goes away but comes back in the run',
      action: { daysOff: 2, levelChange: -1, stopRun: true, callClinic: false },
    },
    {
      number: 4,
      trigger: 'next_day_not_muscular',
      condition: 'Soreness the day after running that is not muscular, or swelling',
      patientCondition: 'Pain the next day that is not in a muscle, or swelling',
      action: { daysOff: 1, levelChange: 0, stopRun: false, callClinic: false },
    },
    {
      number: 5,
      trigger: 'no_soreness',
      condition: 'No soreness; muscle soreness the day after does not count',
      patientCondition: 'No pain, or only sore muscles the next day',
      action: { daysOff: 0, levelChange: 1, stopRun: false, callClinic: false },
    },
    ...SAFETY_RULES.map((rule, i) => ({ ...rule, action: { ...rule.action }, number: 6 + i })),
  ];
}

function set(
  fields: Omit<RuleSet, 'rules' | 'strainSiteSorenessCountsAs' | 'basedOn' | 'version'>,
  rule1: SorenessRule['action'],
  strainSite: StrainSiteTrigger,
): RuleSet {
  return { ...fields, version: 2, basedOn: null, rules: rules(rule1), strainSiteSorenessCountsAs: strainSite };
}

const SAFETY_NOTE =
  "Rules 6 and 7 are the app's safety rules for what the five rules do not cover: pain that starts " +
  'mid-run, and a limp or run pain lasting into the next day (stop-and-call signs).';

export const SEED_RULE_SET: RuleSet = set(
  {
    id: 'seed-soreness-rules',
    name: 'Soreness rules (clinic article)',
    source:
      'Clinic article "Return to Running" (L. Kennell, The ACADEMY), giving the soreness rules developed by the ' +
      `University of Delaware. ${PAIN_LIMIT_NOTE} ${SAFETY_NOTE}`,
    maxAdvancesPer7Days: null,
    painLimit: 2,
  },
  { daysOff: 2, levelChange: 0, stopRun: true, callClinic: false },
  'warm_up_went_away',
);

export const DELAWARE_PUBLISHED_RULE_SET: RuleSet = set(
  {
    id: 'delaware-published-soreness-rules',
    name: 'Soreness rules, published version (Fees et al. 1998)',
    source:
      'Fees M, Decker T, Snyder-Mackler L, Axe MJ. Am J Sports Med 1998;26(5):732-42, as reproduced by later ' +
      'protocols: soreness in the warm-up that continues also drops one level, and the patient moves up at most ' +
      `one level a week (or as the clinician instructs). ${PAIN_LIMIT_NOTE} ${SAFETY_NOTE}`,
    maxAdvancesPer7Days: 1,
    painLimit: 2,
  },
  { daysOff: 2, levelChange: -1, stopRun: true, callClinic: false },
  'next_day_not_muscular',
);

/** The set a new clinic starts with. */
export const DEFAULT_RULE_SET = SEED_RULE_SET;

/** Every shipped set, default first. */
export const SHIPPED_RULE_SETS: readonly RuleSet[] = [SEED_RULE_SET, DELAWARE_PUBLISHED_RULE_SET];
