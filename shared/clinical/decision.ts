/**
 * What the soreness-rules engine decides after one run (see engine.ts for how).
 *
 * Stored beside the report as the engine's own word; a clinician's override is recorded next to
 * it, never instead of it (docs/clinical-sources.md#soreness-rules).
 */
import { z } from 'zod';
import { isoDate } from '../text/fields';

/** What can hold a patient at a level when the no-soreness rule applies. */
export const ADVANCE_LIMITS = [
  /** Pain during or after the run above the pain limit: not a clean session. */
  'pain',
  /** The patient ran another level than the planned one: not a clean session for the plan. */
  'level_run_differs',
  /** Fewer clean sessions in a row at this level than the level needs. */
  'clean_sessions',
  /** As many advances in the last 7 days as the rule set or programme allows. */
  'advances_per_7_days',
  /** The next level has an entry check the clinician has not signed off. */
  'entry_check',
  /** An answer the decision depends on is not known: hold and ask, never advance. */
  'answers_missing',
  /** The session was stopped early (or whether it was completed is not known). */
  'not_completed',
] as const;
export type AdvanceLimit = (typeof ADVANCE_LIMITS)[number];

export const BlockedAdvance = z.strictObject({
  limit: z.enum(ADVANCE_LIMITS),
  /** A clause for the clinician: "only 1 of 2 clean sessions at this level yet". */
  detail: z.string(),
  /** Advances per 7 days: the first run date on which the limit allows the next advance. */
  until: isoDate('Until').optional(),
});
export type BlockedAdvance = z.infer<typeof BlockedAdvance>;

const VersionRef = z.strictObject({ id: z.string(), version: z.number().int().min(1) });
const LevelNumber = z.number().int().min(1);

export const Decision = z.strictObject({
  ruleSet: VersionRef,
  programme: VersionRef,
  runDate: isoDate('Run date'),
  levelRun: LevelNumber,
  /** The planned level before this run (the patient's progress). */
  levelBefore: LevelNumber,
  /** Numbers of every rule that fired, ascending. */
  firedRules: z.array(z.number().int()).min(1),
  /** The most conservative of them: lowest level change, then most days off, then lowest number. */
  governingRule: z.number().int(),
  /** Full days without running after the run day: the level's routine rest plus the rules' days off. */
  daysOff: z.number().int().min(0),
  /** runDate + daysOff + 1, or later when the level's sessions a week are used up (next-run.ts). */
  earliestNextRun: isoDate('Earliest next run'),
  /**
   * levelAfter - levelBefore: -2 to +1, except after soreness at a level below the planned one,
   * when the patient goes down from the level that was run.
   */
  levelChange: z.number().int(),
  levelAfter: LevelNumber,
  /** No soreness at the last level with its limits met. */
  programmeComplete: z.boolean(),
  /** A run that counts toward moving up: no soreness, pain within the limit, the planned level. */
  cleanSession: z.boolean(),
  /** Clean sessions in a row at `levelAfter` after this run. */
  cleanSessionsAtLevel: z.number().int().min(0),
  /** Why the no-soreness rule did not move the patient up; empty otherwise. */
  blockedBy: z.array(BlockedAdvance),
  /** Points for the clinician to look at (swelling, high pain, another level run, rest cut short). */
  alerts: z.array(z.string()),
  /** The patient is told to call the clinic before the next run. */
  callClinic: z.boolean(),
  /** One sentence for the clinician that names the governing rule. */
  reason: z.string(),
  /** Plain words for the patient (reading grade 6 or lower). */
  patientInstruction: z.string(),
});
export type Decision = z.infer<typeof Decision>;
