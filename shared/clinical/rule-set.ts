/**
 * Soreness rule sets as plain data, with a name, a version and a source.
 *
 * Which report answers make a rule fire is fixed by the app (the rule's `trigger`); what the rule
 * then does (days off, level change, whether to stop the run) and how it is worded for the
 * clinician and for the patient is data, so a clinic can copy a set and tune it. Every decision
 * records the id and version of the set it used; the handout's self-check is generated from the
 * same data (self-check.ts), so the paper always says what the app applies.
 */
import { z } from 'zod';
import { requiredText } from '../text/fields';
import { BasedOn, slugId } from './programme';

/** The situations the soreness rules cover, in the report's terms. */
export const TRIGGERS = [
  'warm_up_continued',
  'warm_up_went_away',
  'warm_up_came_back',
  'next_day_not_muscular',
  'no_soreness',
  'pain_started_in_run',
  'limp_or_lasting',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** What each trigger means in the app, shown beside the rule set's own words. */
export const TRIGGER_LABELS: Readonly<Record<Trigger, string>> = {
  warm_up_continued: 'soreness in the warm-up that continued',
  warm_up_went_away: 'soreness in the warm-up that went away and stayed away',
  warm_up_came_back: 'soreness in the warm-up that went away but came back during the run',
  next_day_not_muscular: 'soreness the day after that is not muscular (joint, tendon or bone), or swelling',
  no_soreness: 'no soreness (general muscle soreness the day after does not count)',
  pain_started_in_run: 'pain that started during the run, after a warm-up without it',
  limp_or_lasting:
    'a limp or changed stride, or pain that started or came back during the run and was still there the next day',
};

/** Triggers noticed while running: only these rules can tell the patient to stop the run. */
export const DURING_RUN_TRIGGERS: readonly Trigger[] = [
  'warm_up_continued',
  'warm_up_went_away',
  'warm_up_came_back',
  'pain_started_in_run',
  'limp_or_lasting',
];

/** The rules that soreness at the injury site after a muscle strain may count as (engine.ts point 10). */
export const STRAIN_SITE_TRIGGERS = ['warm_up_went_away', 'next_day_not_muscular'] as const;
export type StrainSiteTrigger = (typeof STRAIN_SITE_TRIGGERS)[number];

export const LEVEL_CHANGES = [-2, -1, 0, 1] as const;
export type LevelChange = (typeof LEVEL_CHANGES)[number];

export const RuleAction = z.strictObject({
  /** Full days without running after the run day; the level's minimum rest applies if longer. */
  daysOff: z
    .number({ error: 'Enter the days off (0 for none).' })
    .int({ error: 'Days off must be a whole number.' })
    .min(0, { error: 'Days off cannot be negative: enter 0 for none.' })
    .max(14, { error: 'More than 14 days off is a pause, not a soreness rule: check the number.' }),
  /** -2 or -1 down, 0 stay, +1 move up (the no-soreness rule only, subject to the limits). */
  levelChange: z.union([z.literal(-2), z.literal(-1), z.literal(0), z.literal(1)], {
    error: 'The level change is -2 (down two levels), -1 (down a level), 0 (stay) or +1 (move up).',
  }),
  /** Stop today's run (rules noticed while running). */
  stopRun: z.boolean({ error: 'Say whether the patient stops the run.' }),
  /** Tell the patient to call the clinic before running again, and alert the clinician. */
  callClinic: z.boolean({ error: 'Say whether the patient calls the clinic before running again.' }),
});
export type RuleAction = z.infer<typeof RuleAction>;

export const SorenessRule = z.strictObject({
  number: z
    .number({ error: 'Enter the rule number.' })
    .int({ error: 'The rule number is a whole number.' })
    .min(1, { error: 'Rule numbers start at 1.' })
    .max(20, { error: 'Rule numbers go up to 20.' }),
  trigger: z.enum(TRIGGERS, { error: 'Choose which situation the rule covers.' }),
  /** The condition in the rule set's own words, for the clinician. */
  condition: requiredText('Rule condition', 300, 'multi'),
  /** The condition in plain words for the patient's self-check: short words, no jargon. */
  patientCondition: requiredText('Patient wording', 100),
  action: RuleAction,
});
export type SorenessRule = z.infer<typeof SorenessRule>;

export const RuleSet = z
  .strictObject({
    id: slugId('Rule set'),
    name: requiredText('Rule set name', 120),
    /** Bumped on every edit; decisions record the version they used. */
    version: z.number().int().min(1),
    /** Where the rules come from, shown in the app. */
    source: requiredText('Source', 600, 'multi'),
    basedOn: BasedOn,
    rules: z
      .array(SorenessRule)
      .min(1, { error: 'Add the soreness rules.' })
      .max(TRIGGERS.length, { error: `A rule set has ${TRIGGERS.length} rules, one for each situation.` }),
    /** At most this many level advances in any 7 days; null for no limit. */
    maxAdvancesPer7Days: z
      .number()
      .int()
      .min(1, { error: 'Allow at least 1 advance in 7 days, or leave the limit empty.' })
      .max(7, { error: 'More than 7 advances in 7 days is no limit: leave it empty instead.' })
      .nullable(),
    /**
     * Soreness at the injury site the day after, after a muscle strain (hamstring, calf): the rule
     * it counts as, the hold of the warm-up-went-away rule or the no-advance of the day-after rule.
     */
    strainSiteSorenessCountsAs: z.enum(STRAIN_SITE_TRIGGERS, {
      error: 'Choose which rule soreness at the injury site after a muscle strain counts as.',
    }),
    /** Highest pain (0-10) during or after a run that still counts as a clean session; null for none. */
    painLimit: z
      .number()
      .int()
      .min(0, { error: 'The pain limit runs from 0 to 10.' })
      .max(10, { error: 'The pain limit runs from 0 to 10.' })
      .nullable(),
  })
  .superRefine((set, ctx) => {
    for (const trigger of TRIGGERS) {
      const covering = set.rules.filter((r) => r.trigger === trigger);
      if (covering.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['rules'], message: `Add a rule for ${TRIGGER_LABELS[trigger]}.` });
      }
      if (covering.length > 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules'],
          message: `Rules ${covering.map((r) => r.number).join(' and ')} both cover ${TRIGGER_LABELS[trigger]}: keep one.`,
        });
      }
    }
    set.rules.forEach((rule, i) => {
      if (set.rules.findIndex((r) => r.number === rule.number) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'number'],
          message: `Two rules are numbered ${rule.number}: give each rule its own number.`,
        });
      }
      if (rule.trigger !== 'no_soreness' && rule.action.levelChange === 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'action', 'levelChange'],
          message: `Rule ${rule.number}: only the no-soreness rule may move the patient up; set the level change to 0 or -1.`,
        });
      }
      if (rule.trigger === 'no_soreness' && rule.action.levelChange < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'action', 'levelChange'],
          message: `Rule ${rule.number}: a run with no soreness cannot move the patient down; set the level change to 0 or +1.`,
        });
      }
      if (rule.action.stopRun && !DURING_RUN_TRIGGERS.includes(rule.trigger)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'action', 'stopRun'],
          message: `Rule ${rule.number} applies after the run, so it cannot stop the run: untick "stop the run".`,
        });
      }
    });
  });
export type RuleSet = z.infer<typeof RuleSet>;

/** Whether the rule moves the patient up (when the limits allow). */
export function mayAdvance(rule: SorenessRule): boolean {
  return rule.action.levelChange === 1;
}

/** The rule of a (valid) set that covers a trigger. */
export function ruleFor(set: RuleSet, trigger: Trigger): SorenessRule {
  const rule = set.rules.find((r) => r.trigger === trigger);
  if (!rule) throw new Error(`Rule set ${set.id} has no rule for ${trigger}; parse it with RuleSet first.`);
  return rule;
}

/** The rules in number order. */
export function rulesInOrder(set: RuleSet): SorenessRule[] {
  return [...set.rules].sort((a, b) => a.number - b.number);
}

/** A clinic's own copy of a rule set, to tune: version 1, remembering what it was based on. */
export function copyRuleSet(set: RuleSet, copy: { id: string; name: string }): RuleSet {
  // Rule sets are plain JSON data, so a JSON round trip is a deep copy.
  return {
    ...(JSON.parse(JSON.stringify(set)) as RuleSet),
    id: copy.id,
    name: copy.name,
    version: 1,
    basedOn: { id: set.id, version: set.version },
  };
}

/**
 * The rules every set gains with format 2 of the rule sets (issue: pain that starts mid-run, a
 * limp). They are the app's safety rules, not the clinic article's: docs/clinical-sources.md#stop-and-call lists
 * pain that builds, a limp or changed stride and pain lasting into the next day as stop-and-call
 * signs, and the brief's rule for what the five rules do not cover is "hold, ask or call, never
 * advance". A set stored before them gets them with these numbers (or the next free ones).
 */
export const SAFETY_RULES: readonly Omit<SorenessRule, 'number'>[] = [
  {
    trigger: 'pain_started_in_run',
    condition: 'Pain that starts during the run (after a warm-up without it): stop the session (app safety rule)',
    patientCondition: 'Pain that starts during the run',
    action: { daysOff: 2, levelChange: -1, stopRun: true, callClinic: false },
  },
  {
    trigger: 'limp_or_lasting',
    condition:
      'A limp or changed stride, or pain that started or came back during the run and is still there the next day ' +
      '(app safety rule: stop-and-call signs)',
    patientCondition: 'A limp, or run pain still there the next day',
    action: { daysOff: 2, levelChange: -2, stopRun: true, callClinic: true },
  },
];

/** A rule set as stored before format 2: actions without `callClinic`, no safety rules. */
const StoredRuleSetFormat1 = z.looseObject({
  rules: z.array(z.looseObject({ number: z.number(), trigger: z.string(), action: z.looseObject({}) })),
});

/**
 * A stored rule set (a clinic copy, or a shipped version kept for its decisions) in today's
 * shape. A set stored before format 2 keeps every rule and number it had; its rules gain
 * `callClinic: false`, the set gains the safety rules and counts injury-site soreness after a
 * muscle strain as its day-after rule (the more careful of the two choices). Throws when the
 * stored data fits neither format.
 */
export function recordedRuleSet(stored: unknown): RuleSet {
  const current = RuleSet.safeParse(stored);
  if (current.success) return current.data;
  const old = StoredRuleSetFormat1.safeParse(stored);
  if (!old.success) throw new Error(`A stored rule set does not fit the rule set format: ${current.error.message}`);
  const rules = old.data.rules.map((r) => ({ ...r, action: { callClinic: false, ...r.action } }));
  let next = Math.max(0, ...rules.map((r) => r.number)) + 1;
  for (const safety of SAFETY_RULES) {
    if (!rules.some((r) => r.trigger === safety.trigger))
      rules.push({ ...safety, action: { ...safety.action }, number: next++ });
  }
  return RuleSet.parse({
    strainSiteSorenessCountsAs: 'next_day_not_muscular',
    ...old.data,
    rules,
  });
}
