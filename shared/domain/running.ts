/**
 * Running programmes, soreness rule sets and check-in visits, as the IPC contract carries them.
 *
 * - The library: the rule sets and programme templates the app ships, plus the clinic's own
 *   copies (versioned: each edit is a new version, and every decision names the version it used).
 * - An episode's programme: a copy of a template or clinic programme, given at a starting level
 *   with a rule set. Giving another programme later starts a new course; the old one is kept.
 * - Check-ins: the patient's report, the engine's decision, and the clinician's confirmation or
 *   override, append-only. A correction is a new entry pointing at the one it corrects.
 */
import { z } from 'zod';
import { CheckInOutcome, Override } from '../clinical/check-in';
import { Decision } from '../clinical/decision';
import { Programme, RunLevel, SLUG, slugId } from '../clinical/programme';
import { Progress } from '../clinical/progress';
import { RuleSet } from '../clinical/rule-set';
import { SorenessReport } from '../clinical/soreness-report';
import { isoDate, optionalText, RecordId, requiredText, Timestamp } from '../text/fields';

export const ORIGINS = ['shipped', 'clinic'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Who last saved a clinic copy, and when; null for what the app ships. */
const Saved = z.strictObject({ at: Timestamp, by: z.string().max(120) }).nullable();

export const RuleSetEntry = z.strictObject({
  ruleSet: RuleSet,
  origin: z.enum(ORIGINS),
  isDefault: z.boolean(),
  saved: Saved,
});
export type RuleSetEntry = z.infer<typeof RuleSetEntry>;

export const ProgrammeEntry = z.strictObject({
  programme: Programme,
  origin: z.enum(ORIGINS),
  saved: Saved,
});
export type ProgrammeEntry = z.infer<typeof ProgrammeEntry>;

export const RunningLibrary = z.strictObject({
  /** Shipped sets first, then the clinic's copies by name. */
  ruleSets: z.array(RuleSetEntry).max(500),
  /** Shipped templates first, then the clinic's programmes by name. */
  programmes: z.array(ProgrammeEntry).max(500),
  defaultRuleSetId: z.string(),
});
export type RunningLibrary = z.infer<typeof RunningLibrary>;

const copyName = (label: string) => requiredText(label, 120);

export const RuleSetCopy = z.strictObject({ fromId: slugId('Rule set'), name: copyName('Name of the copy') });
export type RuleSetCopy = z.infer<typeof RuleSetCopy>;

/** An edited clinic rule set; `version` is the version the edit started from. */
export const RuleSetSave = z.strictObject({ ruleSet: RuleSet });
export type RuleSetSave = z.infer<typeof RuleSetSave>;

export const DefaultRuleSet = z.strictObject({ id: slugId('Rule set') });

export const ProgrammeDuplicate = z.strictObject({
  fromId: slugId('Programme'),
  name: copyName('Name of the copy'),
});
export type ProgrammeDuplicate = z.infer<typeof ProgrammeDuplicate>;

/** An edited clinic programme; `version` is the version the edit started from. */
export const ProgrammeSave = z.strictObject({ programme: Programme });
export type ProgrammeSave = z.infer<typeof ProgrammeSave>;

/**
 * Give an episode a running programme. The intake's readiness result maps to `startLevel` with
 * `startingLevel(recommendation, programme)` (shared/clinical/intake/starting-level.ts).
 */
export const ProgrammeAssign = z.strictObject({
  episodeId: RecordId,
  programmeId: slugId('Programme'),
  startLevel: z
    .number({ error: 'Choose the starting level.' })
    .int({ error: 'Choose the starting level.' })
    .min(1, { error: 'Levels start at 1: choose the starting level.' })
    .max(60, { error: 'Choose a level of this programme.' }),
  /** null: the clinic's default rule set. */
  ruleSetId: slugId('Rule set').nullable(),
  /** Why the programme changes; empty for the first programme of an episode. */
  reason: optionalText('Reason for the change', 500, 'multi'),
  /** The programme the clinician saw (null: none), so two changes at once cannot cross. */
  expectedAssignmentId: RecordId.nullable(),
});
export type ProgrammeAssign = z.infer<typeof ProgrammeAssign>;

export const Assignment = z.strictObject({
  id: RecordId,
  episodeId: RecordId,
  /** The patient's own copy: later edits of the template or clinic programme never change it. */
  programme: Programme,
  startLevel: z.number().int().min(1),
  ruleSetId: z.string(),
  ruleSetName: z.string(),
  assignedOn: isoDate('Date given'),
  assignedBy: z.string(),
  reason: z.string(),
});
export type Assignment = z.infer<typeof Assignment>;

export const StoredOverride = Override;

export const CheckInEntry = z.strictObject({
  id: RecordId,
  episodeId: RecordId,
  assignmentId: RecordId,
  recordedOn: isoDate('Recorded on'),
  recordedAt: Timestamp,
  recordedBy: z.string(),
  report: SorenessReport,
  /** The engine's own decision, exactly as it was made. */
  decision: Decision,
  ruleSetName: z.string(),
  /** The governing rule in the words of the rule set version that decided. */
  governingCondition: z.string(),
  entryCheckLevel: z.number().int().min(1).nullable(),
  /** The clinician's change, beside the decision; null when the decision was confirmed. */
  override: StoredOverride.nullable(),
  /** What applied: the override where there is one, else the decision. */
  levelAfter: z.number().int().min(1),
  daysOff: z.number().int().min(0),
  nextRunDate: isoDate('Next run'),
  programmeComplete: z.boolean(),
  /** What the patient was told. */
  patientInstruction: z.string(),
  correctsId: RecordId.nullable(),
  /** The run date of the entry this one corrects. */
  correctsRunDate: isoDate('Run date').nullable(),
  correctionReason: z.string(),
  /** The later entry that corrects this one; null while it stands. */
  correctedById: RecordId.nullable(),
});
export type CheckInEntry = z.infer<typeof CheckInEntry>;

export const CheckInPage = z.strictObject({
  /** Newest first. */
  items: z.array(CheckInEntry).max(200),
  /** Every entry of the episode, corrected ones and corrections included. */
  total: z.number().int().min(0),
  hasMore: z.boolean(),
});
export type CheckInPage = z.infer<typeof CheckInPage>;

export const CourseState = z.strictObject({
  progress: Progress,
  complete: z.boolean(),
  /** Entries that count (corrected ones left out). */
  checkIns: z.number().int().min(0),
});
export type CourseState = z.infer<typeof CourseState>;

/** Everything the episode page shows about running. */
export const EpisodeRunning = z.strictObject({
  episodeId: RecordId,
  episodeOpen: z.boolean(),
  /** The current programme; null before one is given. */
  assignment: Assignment.nullable(),
  /** Programmes the episode had before the current one, newest first. */
  earlierAssignments: z.array(Assignment).max(100),
  /** The rule set version the next decision will use. */
  ruleSet: RuleSet.nullable(),
  state: CourseState.nullable(),
  /** Today at the clinic, for the form's "today" and "yesterday". */
  today: isoDate('Today'),
  history: CheckInPage,
});
export type EpisodeRunning = z.infer<typeof EpisodeRunning>;

export const HISTORY_PAGE = 20;

export const CheckInList = z.strictObject({
  episodeId: RecordId,
  /** Entries older than this one; null for the newest. */
  beforeId: RecordId.nullable(),
  limit: z.number().int().min(1).max(200),
});

/** A correction: which entry it corrects, and why. */
export const Correction = z.strictObject({
  correctsId: RecordId,
  reason: requiredText('Reason for the correction', 500, 'multi'),
});

export const CheckInPreview = z.strictObject({
  episodeId: RecordId,
  assignmentId: RecordId,
  report: SorenessReport,
  /** The next level's entry check, signed off at this visit. */
  entryCheckLevel: z.number().int().min(1).max(60).nullable(),
  /** The entry being corrected, if this is a correction. */
  correctsId: RecordId.nullable(),
});
export type CheckInPreview = z.infer<typeof CheckInPreview>;

export const CheckInPreviewResult = z.strictObject({
  decision: Decision,
  ruleSetName: z.string(),
  governingCondition: z.string(),
  /** The progress the decision started from (after any entry check signed off now). */
  progressBefore: Progress,
});
export type CheckInPreviewResult = z.infer<typeof CheckInPreviewResult>;

export const ShownDecision = z.strictObject({
  ruleSetId: z.string().regex(SLUG, { error: 'That is not a rule set in the list.' }),
  ruleSetVersion: z.number().int().min(1),
  governingRule: z.number().int(),
  levelAfter: z.number().int().min(1),
  daysOff: z.number().int().min(0),
  earliestNextRun: isoDate('Next run'),
});
export type ShownDecision = z.infer<typeof ShownDecision>;

/** What the clinician saw of a decision, to check that the one recorded is the same. */
export function shownDecision(d: Decision): ShownDecision {
  return {
    ruleSetId: d.ruleSet.id,
    ruleSetVersion: d.ruleSet.version,
    governingRule: d.governingRule,
    levelAfter: d.levelAfter,
    daysOff: d.daysOff,
    earliestNextRun: d.earliestNextRun,
  };
}

export const CheckInCreate = z.strictObject({
  episodeId: RecordId,
  assignmentId: RecordId,
  report: SorenessReport,
  entryCheckLevel: z.number().int().min(1).max(60).nullable(),
  outcome: CheckInOutcome,
  correction: Correction.nullable(),
  /** The newest entry the clinician saw (null: none); refused if another was saved since. */
  expectedLatestId: RecordId.nullable(),
  /**
   * The decision the clinician saw and confirmed or changed: refused if the decision made now
   * differs (the rule set was edited meanwhile, say), so what is stored is what was shown. The app's
   * form always sends it; null only for in-process callers that show nothing (the demo seeding).
   */
  shown: ShownDecision.nullable(),
});
export type CheckInCreate = z.infer<typeof CheckInCreate>;

/** One line per open episode with a programme, for the patient page. */
export const RunningSummary = z.strictObject({
  episodeId: RecordId,
  programmeName: z.string(),
  levelCount: z.number().int().min(1),
  currentLevel: RunLevel,
  complete: z.boolean(),
  nextRunDate: isoDate('Next run').nullable(),
  lastRunDate: isoDate('Last run').nullable(),
  checkIns: z.number().int().min(0),
});
export type RunningSummary = z.infer<typeof RunningSummary>;
