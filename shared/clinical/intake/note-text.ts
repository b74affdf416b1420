/**
 * The intake's SOAP note as it is signed: what was recorded, written as a clinician writes it,
 * followed by what the clinician typed in each section.
 *
 * - Subjective: positive red flags first (so they cannot be missed on paper), then the episode,
 *   the running history, pain and what eases or aggravates it, and the red-flag screen.
 * - Objective: `objectiveText` (measures, physical tests with LSI, readiness with the criteria not
 *   met or not tested), then the clinician's other findings.
 * - Assessment: the clinician's words.
 * - Plan: the starting point and how it relates to the readiness recommendation, then the plan.
 * The form shows this text before signing; the backend writes the same text into the signed note.
 */
import { formatDistance } from '../units';
import type { Distance } from './distance';
import { describeDiagnosis, ONSET_TYPE_LABELS, REFERRAL_SOURCE_LABELS, REGION_LABELS } from './episode';
import { formatOneDecimal, joinList } from './format';
import type { IntakeDraft } from './intake';
import type { IsoDate } from '../../time/dates';
import { intakeRedFlagScreen, type ReadinessThresholds, type Recommendation } from './readiness';
import { USUAL_SURFACE_LABELS } from './running-history';
import type { SoapNote } from './soap';
import { objectiveText, type ObjectiveOptions } from './soap';
import { startingPointLine, type StartingPoint } from './starting-point';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function decapitalise(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function distanceText(distance: Distance): string {
  return formatDistance(distance.metres, distance.unit);
}

/** Positive red flags in the clinician's words; empty when none is answered yes. */
export function positiveRedFlags(draft: IntakeDraft): string[] {
  return intakeRedFlagScreen(draft).positive.map((f) => f.clinician);
}

/** The episode as the intake recorded it (diagnosis, onset, mechanism, surgery, referral), as note lines. */
export function episodeLines(draft: IntakeDraft): string[] {
  const e = draft.episode;
  if (e === undefined) return [];
  const lines: string[] = [];
  const diagnosis = describeDiagnosis(e);
  const where = [
    e.side === 'left' || e.side === 'right' || e.side === 'both' ? e.side : undefined,
    e.region === undefined ? undefined : decapitalise(REGION_LABELS[e.region]),
  ].filter((p): p is string => p !== undefined);
  if (diagnosis !== undefined || where.length > 0) {
    lines.push(`Diagnosis: ${diagnosis ?? 'not chosen'}${where.length > 0 ? ` (${where.join(', ')})` : ''}.`);
  }
  const onset = [
    e.onsetDate === undefined ? undefined : `onset ${e.onsetDate}`,
    e.onsetType === undefined ? undefined : decapitalise(ONSET_TYPE_LABELS[e.onsetType]),
  ].filter((p): p is string => p !== undefined);
  if (onset.length > 0) lines.push(`${capitalise(onset.join(', '))}.`);
  if ((e.mechanism ?? '') !== '') lines.push(`How it happened: ${e.mechanism}`);
  const surgery = e.surgery;
  if (surgery?.performed === 'no') lines.push('No surgery for this injury.');
  if (surgery?.performed === 'yes') {
    const type = (surgery.type ?? '') === '' ? 'type not recorded' : surgery.type;
    lines.push(`Surgery: ${type}${surgery.date === undefined ? '' : ` on ${surgery.date}`}.`);
  }
  if (e.referralSource !== undefined) {
    const detail = (e.referralDetail ?? '') === '' ? '' : ` (${e.referralDetail})`;
    lines.push(`Referral: ${REFERRAL_SOURCE_LABELS[e.referralSource]}${detail}.`);
  }
  return lines;
}

/** The running history and goal, as note lines. */
export function runningLines(draft: IntakeDraft): string[] {
  const h = draft.runningHistory;
  if (h === undefined) return [];
  const parts: string[] = [];
  if (h.yearsRunning !== undefined) {
    parts.push(`${formatOneDecimal(h.yearsRunning)} ${h.yearsRunning === 1 ? 'year' : 'years'} running`);
  }
  if (h.weeklyDistanceBeforeInjury !== undefined) {
    parts.push(`${distanceText(h.weeklyDistanceBeforeInjury)} a week before the injury`);
  }
  if (h.longestRecentRun !== undefined) parts.push(`longest recent run ${distanceText(h.longestRecentRun)}`);
  if (h.usualSurface !== undefined) parts.push(`usually on ${USUAL_SURFACE_LABELS[h.usualSurface]}`);
  const lines = parts.length > 0 ? [`Running history: ${parts.join('; ')}.`] : [];
  const goal = h.goal;
  const goalParts = [
    (goal?.description ?? '') === '' ? undefined : goal?.description,
    goal?.eventDate,
    goal?.eventDistance === undefined ? undefined : distanceText(goal.eventDistance),
  ].filter((p): p is string => p !== undefined);
  if (goalParts.length > 0) lines.push(`Goal: ${goalParts.join(', ')}.`);
  return lines;
}

/** Pain, what eases and aggravates it, and the red-flag screen when none is positive, as note lines. */
export function symptomLines(draft: IntakeDraft): string[] {
  const s = draft.symptoms;
  const lines: string[] = [];
  const pains = [
    s?.painAtRest === undefined ? undefined : `at rest ${s.painAtRest}`,
    s?.painWalking === undefined ? undefined : `walking ${s.painWalking}`,
    s?.painHopping === undefined ? undefined : `hopping ${s.painHopping}`,
  ].filter((p): p is string => p !== undefined);
  if (pains.length > 0) lines.push(`Pain (0-10): ${pains.join(', ')}.`);
  if ((s?.eases ?? '') !== '') lines.push(`Eases: ${s?.eases}`);
  if ((s?.aggravates ?? '') !== '') lines.push(`Aggravates: ${s?.aggravates}`);
  const screen = intakeRedFlagScreen(draft);
  if (screen.positive.length === 0) {
    const asked = screen.negative.length;
    if (screen.notAsked.length === 0) lines.push(`Red-flag screen negative (${asked} questions).`);
    else if (asked > 0) {
      lines.push(`Red-flag screen incomplete: ${asked} of ${asked + screen.notAsked.length} questions answered no.`);
    }
  }
  return lines;
}

/**
 * The positive red flags as note lines, by grade: urgent signs, referrals, then the items the
 * clinician judged, each with the reason typed to go on (or that none is recorded yet).
 */
export function redFlagLines(draft: IntakeDraft): string[] {
  const screen = intakeRedFlagScreen(draft);
  const names = (flags: readonly { clinician: string }[]) => joinList(flags.map((f) => decapitalise(f.clinician)));
  const lines: string[] = [];
  if (screen.emergency.length > 0) {
    lines.push(`URGENT SIGNS: ${names(screen.emergency)}. Stop: urgent medical care now, no running.`);
  }
  if (screen.refer.length > 0) {
    lines.push(`RED FLAG, REFER: ${names(screen.refer)}. Refer to a doctor before running.`);
  }
  for (const { flag, reason } of screen.noted) {
    lines.push(`RED FLAG POSITIVE, clinician goes on: ${decapitalise(flag.clinician)}. Reason: ${reason}`);
  }
  if (screen.needReason.length > 0) {
    lines.push(
      `RED FLAG POSITIVE: ${names(screen.needReason)}. No reason to go on recorded: assess further or refer before running.`,
    );
  }
  return lines;
}

/** The subjective lines written from the recorded data, red flags first. */
export function subjectiveLines(draft: IntakeDraft): string[] {
  return [...redFlagLines(draft), ...episodeLines(draft), ...runningLines(draft), ...symptomLines(draft)];
}

export interface StartingDecisionText {
  recommendation: Recommendation;
  choice: StartingPoint;
  reason: string;
}

export interface IntakeNoteInput {
  draft: IntakeDraft;
  /** What the clinician typed in each section; for the objective, findings beyond the recorded tests. */
  typed: SoapNote;
  thresholds: ReadinessThresholds;
  /** The clinic's date, for the time-based readiness gates. */
  today?: IsoDate | undefined;
  previousLefs?: ObjectiveOptions['previousLefs'];
  /** Earlier PSFS average and VISA-A total, for their change since. */
  previousScores?: ObjectiveOptions['previousScores'];
  /** The starting point, once chosen. */
  start?: StartingDecisionText | undefined;
}

function section(generated: readonly string[], typed: string): string {
  const written = generated.join('\n');
  const own = typed.trim();
  if (written === '') return own;
  return own === '' ? written : `${written}\n\n${own}`;
}

/** The intake note, each section written from the data and followed by the clinician's words. */
export function composeIntakeNote(input: IntakeNoteInput): SoapNote {
  const options: ObjectiveOptions = { thresholds: input.thresholds, today: input.today };
  if (input.previousLefs !== undefined) options.previousLefs = input.previousLefs;
  if (input.previousScores !== undefined) options.previousScores = input.previousScores;
  const start = input.start;
  return {
    subjective: section(subjectiveLines(input.draft), input.typed.subjective),
    objective: section([objectiveText(input.draft, options)], input.typed.objective),
    assessment: input.typed.assessment.trim(),
    plan: section(
      start === undefined ? [] : [startingPointLine(start.recommendation, start.choice, start.reason)],
      input.typed.plan,
    ),
  };
}
