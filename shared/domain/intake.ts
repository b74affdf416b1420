/**
 * The intake of an episode as it travels between the backend and the form: the draft (validated
 * by the intake core's schema), the clinician's own words for the note, the starting point
 * decision, and, once signed, the readiness result stored with the thresholds it used.
 */
import { z } from 'zod';
import { IntakeDraft } from '../clinical/intake/intake';
import {
  CRITERION_IDS,
  CRITERION_STATUSES,
  ReadinessThresholds,
  RECOMMENDATIONS,
  RED_FLAG_HOLDS,
} from '../clinical/intake/readiness';
import { SoapNote } from '../clinical/intake/soap';
import { StartingPoint, StartingReason } from '../clinical/intake/starting-point';
import { EpisodeSummary } from './episode';
import { RecordId, Timestamp } from '../text/fields';
import { ClinicalNote, Signer } from './notes';

export const INTAKE_STATUSES = ['draft', 'signed'] as const;

/**
 * A readiness result as stored at signing (shared/clinical/intake/readiness.ts ReadinessResult).
 * Results signed before the diagnosis gates have no advice, guidance or red-flag hold: parsing
 * gives them empty lists.
 */
export const StoredReadiness = z.strictObject({
  recommendation: z.enum(RECOMMENDATIONS),
  headline: z.string(),
  redFlagHold: z.enum(RED_FLAG_HOLDS).optional(),
  advice: z.array(z.string()).default([]),
  guidance: z.array(z.string()).default([]),
  criteria: z.array(
    z.strictObject({
      id: z.enum(CRITERION_IDS),
      label: z.string(),
      status: z.enum(CRITERION_STATUSES),
      reason: z.string(),
      source: z.string().optional(),
    }),
  ),
  reasons: z.array(z.string()),
  unmet: z.array(z.enum(CRITERION_IDS)),
  untested: z.array(z.enum(CRITERION_IDS)),
  thresholds: ReadinessThresholds,
});
export type StoredReadiness = z.infer<typeof StoredReadiness>;

/** The starting point the clinician accepted or chose, beside the recommendation it answered. */
export const StartingDecision = z.strictObject({
  recommended: z.enum(RECOMMENDATIONS),
  choice: StartingPoint,
  /** The choice is the recommended starting point. */
  accepted: z.boolean(),
  reason: z.string(),
  decidedAt: Timestamp,
  decidedBy: Signer,
});
export type StartingDecision = z.infer<typeof StartingDecision>;

export const PreviousLefs = z.strictObject({ total: z.number().int().min(0).max(80), date: z.string() });
export type PreviousLefs = z.infer<typeof PreviousLefs>;

export const IntakeRecord = z.strictObject({
  id: RecordId,
  episodeId: RecordId,
  patientId: RecordId,
  status: z.enum(INTAKE_STATUSES),
  draft: IntakeDraft,
  /** What the clinician typed in each section of the note (the rest is written from the data). */
  typed: SoapNote,
  /** The intake's note: the text as it would be signed now (draft) or as signed. */
  note: ClinicalNote,
  episode: EpisodeSummary,
  /** The clinic's thresholds now (draft), or those the signed readiness result used. */
  thresholds: ReadinessThresholds,
  decision: StartingDecision.nullable(),
  /** The readiness recommendation changed since the starting point was chosen: choose again. */
  decisionOutdated: z.boolean(),
  /** Stored at signing, with the thresholds used. */
  readiness: StoredReadiness.nullable(),
  /** The last LEFS total of this patient on a signed intake of another episode. */
  previousLefs: PreviousLefs.nullable(),
  signedAt: Timestamp.nullable(),
  signedBy: Signer.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int().positive(),
});
export type IntakeRecord = z.infer<typeof IntakeRecord>;

const expectedVersion = z.number().int().positive();

export const IntakeSave = z.strictObject({
  episodeId: RecordId,
  expectedVersion,
  draft: IntakeDraft,
  typed: SoapNote,
});
export type IntakeSave = z.infer<typeof IntakeSave>;

export const IntakeChooseStart = z.strictObject({
  episodeId: RecordId,
  expectedVersion,
  choice: StartingPoint,
  reason: StartingReason,
});
export type IntakeChooseStart = z.infer<typeof IntakeChooseStart>;

export const IntakeSign = z.strictObject({ episodeId: RecordId, expectedVersion });
export type IntakeSign = z.infer<typeof IntakeSign>;

/**
 * The starting point of an episode, for the running programme: the stage and level the clinician
 * accepted or chose, and whether the intake that holds it is signed (final) or still a draft.
 */
export const StartingPointRecord = z.strictObject({
  episodeId: RecordId,
  intakeId: RecordId,
  choice: StartingPoint,
  recommended: z.enum(RECOMMENDATIONS),
  accepted: z.boolean(),
  reason: z.string(),
  final: z.boolean(),
  decidedAt: Timestamp,
});
export type StartingPointRecord = z.infer<typeof StartingPointRecord>;

/** The clinic's readiness thresholds, or the defaults while the clinic has not changed them. */
export const ReadinessSettings = z.strictObject({
  thresholds: ReadinessThresholds,
  usingDefaults: z.boolean(),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().nullable(),
  /** 0 while the defaults are in use. */
  version: z.number().int().min(0),
});
export type ReadinessSettings = z.infer<typeof ReadinessSettings>;

export const ReadinessSettingsUpdate = z.strictObject({
  expectedVersion: z.number().int().min(0),
  // The diagnosis gates' thresholds may be left out (a client from before them): the stored values stay.
  thresholds: ReadinessThresholds.required().partial({
    aclWeeksAfterSurgery: true,
    kneeRomPercentAtLeast: true,
    kneeStrengthLsiAtLeast: true,
    kneeSurgeryHopLsiAtLeast: true,
    boneStressWalkPhaseWeeks: true,
    postnatalWeeksAtLeast: true,
  }),
});
export type ReadinessSettingsUpdate = z.infer<typeof ReadinessSettingsUpdate>;
