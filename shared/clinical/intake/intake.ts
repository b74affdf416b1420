/**
 * The whole intake as a draft: every section optional, every field optional, so the form can
 * save at any keystroke. What is present is always valid; what is missing is checked only when
 * the clinician signs (see signing.ts).
 */
import { z } from 'zod';
import type { IsoDate } from '../../time/dates';
import { DiagnosisChecksDraft, diagnosisChecksDraftOn } from './diagnosis-checks';
import { EpisodeDraft, episodeDraftOn } from './episode';
import { checkWith, type Checked } from './fields';
import { LefsDraft } from './measures/lefs';
import { PsfsDraft } from './measures/psfs';
import { VisaADraft } from './measures/visa-a';
import { PhysicalTestsDraft } from './physical-tests';
import { RunningHistoryDraft } from './running-history';
import { SymptomsDraft } from './symptoms';

export const MeasuresDraft = z
  .strictObject({
    lefs: LefsDraft,
    psfs: PsfsDraft,
    /** For Achilles tendinopathy episodes. */
    visaA: VisaADraft,
  })
  .partial();
export type MeasuresDraft = z.infer<typeof MeasuresDraft>;

function intakeDraftWith(episode: typeof EpisodeDraft, diagnosisChecks: typeof DiagnosisChecksDraft) {
  return z
    .strictObject({
      episode,
      runningHistory: RunningHistoryDraft,
      symptoms: SymptomsDraft,
      measures: MeasuresDraft,
      physicalTests: PhysicalTestsDraft,
      /** What some diagnoses need before running (diagnosis-checks.ts); absent in intakes saved before it. */
      diagnosisChecks,
    })
    .partial();
}

/** The draft's shape, without the checks that need today's date (for the IPC contract). */
export const IntakeDraft = intakeDraftWith(EpisodeDraft, DiagnosisChecksDraft);
export type IntakeDraft = z.infer<typeof IntakeDraft>;

/** The draft schema that also refuses dates after `today` (onset, surgery). */
export function intakeDraftOn(today: IsoDate) {
  return intakeDraftWith(episodeDraftOn(today), diagnosisChecksDraftOn(today));
}

/** Validates a draft as the form sends it; problems are addressed to fields by path. */
export function parseIntakeDraft(input: unknown, today: IsoDate): Checked<IntakeDraft> {
  return checkWith(intakeDraftOn(today), input);
}
