/**
 * Episodes of care: one injury, from the first visit to discharge. A patient may have several
 * over the years; the intake, the running programme, check-ins, exercises and handouts all belong
 * to an episode. The full intake (shared/clinical/intake) fills in the rest of the episode.
 */
import { z } from 'zod';
import type { DiagnosisCode, Region, Side } from '../clinical/intake/episode';
import { DIAGNOSIS_CODES, diagnosisEntry, REGIONS, SIDE_LABELS, SIDES } from '../clinical/intake/episode';
import { isoDate, optionalText, RecordId, Timestamp } from '../text/fields';

export const EPISODE_STATUSES = ['open', 'closed'] as const;

export const EpisodeCreate = z.strictObject({
  patientId: RecordId,
  diagnosis: z.enum(DIAGNOSIS_CODES, { error: 'Choose a diagnosis from the list, or choose "Other" and describe it.' }),
  diagnosisDetail: optionalText('Diagnosis detail', 300),
  side: z.enum(SIDES, { error: 'Choose the injured side: left, right, both or not applicable.' }),
  /** Left out: the diagnosis's usual region. */
  region: z.enum(REGIONS, { error: 'Choose the injured region from the list.' }).optional(),
  /** When the symptoms started, if known at this point. */
  onsetDate: isoDate('Date of onset').nullable(),
});
export type EpisodeCreate = z.infer<typeof EpisodeCreate>;

export const EpisodeSummary = z.strictObject({
  id: RecordId,
  patientId: RecordId,
  diagnosis: z.enum(DIAGNOSIS_CODES),
  diagnosisDetail: z.string(),
  region: z.enum(REGIONS),
  side: z.enum(SIDES),
  onsetDate: z.string().nullable(),
  status: z.enum(EPISODE_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  /** "Hamstring strain, left": how the episode is named everywhere. */
  title: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int().positive(),
});
export type EpisodeSummary = z.infer<typeof EpisodeSummary>;

export const EpisodeClose = z.strictObject({
  id: RecordId,
  expectedVersion: z.number().int().positive(),
  /** true: discharge (closed today); false: reopen. */
  closed: z.boolean(),
});
export type EpisodeClose = z.infer<typeof EpisodeClose>;

export function episodeTitle(e: {
  diagnosis: DiagnosisCode;
  diagnosisDetail: string;
  side: Side;
  region?: Region;
}): string {
  const base =
    e.diagnosis === 'other' && e.diagnosisDetail.trim() !== ''
      ? e.diagnosisDetail.trim()
      : diagnosisEntry(e.diagnosis).label;
  return e.side === 'not_applicable' ? base : `${base}, ${SIDE_LABELS[e.side].toLowerCase()}`;
}
