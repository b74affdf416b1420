/**
 * The SOAP note of a visit, and the objective part written from the recorded data.
 *
 * The objective lines read as a clinician writes them: "Single-leg heel raises: L 18, R 25
 * (LSI 72%)". Only what was recorded appears; the readiness result always closes the section,
 * with the criteria not met and not tested named.
 */
import { z } from 'zod';
import { optionalText } from '../../text/fields';
import type { IsoDate } from '../../time/dates';
import { formatOneDecimal, formatPercent } from './format';
import type { IntakeDraft } from './intake';
import { changeVerdict, outcomeChange, type OutcomeMeasure } from '../outcome-change';
import { LEFS_MAX } from './measures/lefs';
import { PSFS_MAX } from './measures/psfs';
import { VISA_A_MAX } from './measures/visa-a';
import {
  STRENGTH_METHOD_IN_TEXT,
  SWELLING_GRADE_LABELS,
  type LsiResult,
  type SidePair,
  type StrengthMethod,
} from './physical-tests';
import { GATE_IDS } from './readiness-gates';
import {
  DEFAULT_READINESS_THRESHOLDS,
  type ReadinessResult,
  type ReadinessThresholds,
  type Recommendation,
  type RedFlagHold,
} from './readiness';
import { summarizeIntake } from './summary';

export const SoapNote = z.strictObject({
  subjective: optionalText('Subjective', 20_000, 'multi'),
  objective: optionalText('Objective', 20_000, 'multi'),
  assessment: optionalText('Assessment', 20_000, 'multi'),
  plan: optionalText('Plan', 20_000, 'multi'),
});
export type SoapNote = z.infer<typeof SoapNote>;

/**
 * What a VISA-A total means, as published: a reference, not a cut-off. Robinson 2001 (BJSM 35:335):
 * healthy controls averaged about 96 (95% CI 94-99); Iversen 2012 treats about 90 as full recovery.
 */
export const VISA_A_REFERENCE = '0-100, 100 = no symptoms; healthy adults average about 96 (Robinson 2001)';

/** An earlier total of a measure (the PSFS: its average), to show the change since. */
export interface EarlierScore {
  total: number;
  date: IsoDate;
}

export interface ObjectiveOptions {
  thresholds?: ReadinessThresholds;
  /** The last LEFS total on record, to show the change and whether it is clinically meaningful. */
  previousLefs?: EarlierScore;
  /** Earlier PSFS average and VISA-A total, to show their change the same way. */
  previousScores?: Partial<Record<Exclude<OutcomeMeasure, 'lefs'>, EarlierScore>>;
  /** Close with the readiness result (the default); false for the measures and tests alone. */
  withReadiness?: boolean;
  /** The clinic's date, for the time-based gates (weeks since surgery or birth). */
  today?: IsoDate | undefined;
}

/** "L 18, R 25"; a side not recorded reads "not tested". */
function sidesText<T>(pair: { left?: T | undefined; right?: T | undefined }, show: (value: T) => string): string {
  const one = (value: T | undefined) => (value === undefined ? 'not tested' : show(value));
  return `L ${one(pair.left)}, R ${one(pair.right)}`;
}

function lsiNote(result: LsiResult): string {
  switch (result.kind) {
    case 'computed':
      return ` (LSI ${formatPercent(result.lsi)})`;
    case 'uninvolved_zero':
      return ' (LSI not computable: uninvolved side 0)';
    case 'no_uninvolved_side':
      return result.side === 'both' ? ' (both sides involved: no LSI)' : '';
    case 'side_unknown':
    case 'missing':
      return '';
  }
}

function hasAny(pair: { left?: unknown; right?: unknown } | undefined): pair is { left?: unknown; right?: unknown } {
  return pair?.left !== undefined || pair?.right !== undefined;
}

function pairLine(label: string, pair: SidePair | undefined, unit: string, lsi: LsiResult): string[] {
  if (!hasAny(pair)) return [];
  return [`${label}: ${sidesText(pair, (v) => `${formatOneDecimal(v)}${unit}`)}${lsiNote(lsi)}`];
}

/** The recommendation as it reads inside a note line. */
const RECOMMENDATION_IN_NOTE: Readonly<Record<Recommendation, string>> = {
  running_level_1: 'start running at level 1',
  walking_stage: 'walking stage (comfortable, then brisk walking)',
  not_ready_refer: 'not ready, assess further or refer (positive red flag)',
};

/** A red-flag hold as it reads in the note: an urgent sign is never softened to "refer". */
const HOLD_IN_NOTE: Readonly<Record<RedFlagHold, string>> = {
  emergency: 'not ready, URGENT SIGNS: stop, urgent medical care now',
  refer: 'not ready, refer to a doctor before running',
  reason_needed: 'not ready, a red flag answered yes has no reason recorded to go on',
};

const GATES: ReadonlySet<string> = new Set(GATE_IDS);

function readinessLines(readiness: ReadinessResult): string[] {
  const { criteria } = readiness;
  const met = criteria.filter((c) => c.status === 'met').length;
  const counted = criteria.filter((c) => c.status !== 'not_applicable').length;
  const verdict =
    readiness.redFlagHold === undefined
      ? RECOMMENDATION_IN_NOTE[readiness.recommendation]
      : HOLD_IN_NOTE[readiness.redFlagHold];
  // The diagnosis gates record findings (healing cleared, weeks since surgery): met ones are written too.
  const gatesMet = criteria.filter((c) => GATES.has(c.id) && c.status === 'met');
  return [
    `Readiness to run: ${verdict}; ${met} of ${counted} criteria met`,
    ...criteria.filter((c) => c.status === 'not_met').map((c) => `- Not met: ${c.reason}`),
    ...criteria.filter((c) => c.status === 'not_tested').map((c) => `- Not tested: ${c.reason}`),
    ...gatesMet.map((c) => `- Met: ${c.reason}`),
    ...(readiness.advice ?? []).map((a) => `Advice: ${a}`),
    ...(readiness.guidance ?? []).map((g) => `Guidance: ${g}`),
  ];
}

function strengthLine(
  label: string,
  test: (SidePair & { method?: StrengthMethod | undefined }) | undefined,
  lsi: LsiResult,
): string[] {
  if (!hasAny(test)) return [];
  const method = test.method === undefined ? ', method not recorded' : `, ${STRENGTH_METHOD_IN_TEXT[test.method]}`;
  return [`${label}: ${sidesText(test, (v) => formatOneDecimal(v))}${lsiNote(lsi)}${method}`];
}

/** " (since 2026-10-01: 57 -> 66, +9, as much as the 9-point minimal important change)", or "". */
function changeSince(measure: OutcomeMeasure, earlier: EarlierScore | undefined, now: number): string {
  if (earlier === undefined) return '';
  const change = outcomeChange(measure, earlier.total, now);
  return ` (since ${earlier.date}: ${formatOneDecimal(earlier.total)} -> ${formatOneDecimal(now)}, ${changeVerdict(change)})`;
}

/** The objective section as lines, in the order a clinician writes them. */
export function objectiveLines(intake: IntakeDraft, options: ObjectiveOptions = {}): string[] {
  const summary = summarizeIntake(intake, options.thresholds ?? DEFAULT_READINESS_THRESHOLDS, options.today);
  const lines: string[] = [];

  const { lefs, psfs, visaA } = summary;
  if (lefs?.computable) {
    lines.push(`LEFS: ${lefs.total}/${LEFS_MAX}${changeSince('lefs', options.previousLefs, lefs.total)}`);
  } else if (lefs?.started) lines.push(lefs.message);

  if (psfs?.computable) {
    const rows = (intake.measures?.psfs?.activities ?? [])
      .filter((row) => row.score !== null)
      .map((row) => `${row.activity.trim()}: ${row.score}/${PSFS_MAX}`);
    const count = psfs.activityCount;
    lines.push(
      `PSFS: ${formatOneDecimal(psfs.average)}/${PSFS_MAX}, mean of ${count} ${count === 1 ? 'activity' : 'activities'} (${rows.join('; ')})` +
        changeSince('psfs', options.previousScores?.psfs, psfs.average),
    );
  } else if (psfs?.started) lines.push(psfs.message);

  if (visaA?.computable) {
    lines.push(
      `VISA-A: ${visaA.total}/${VISA_A_MAX} (${VISA_A_REFERENCE})` +
        changeSince('visaA', options.previousScores?.visaA, visaA.total),
    );
  } else if (visaA?.started) lines.push(visaA.message);

  const tests = intake.physicalTests;
  lines.push(...pairLine('Single-leg heel raises', tests?.heelRaises, '', summary.lsi.heelRaises));
  const kneeToWall = tests?.kneeToWallCm;
  if (hasAny(kneeToWall)) {
    const difference =
      kneeToWall.left !== undefined && kneeToWall.right !== undefined
        ? ` (difference ${formatOneDecimal(Math.abs(kneeToWall.left - kneeToWall.right))} cm)`
        : '';
    lines.push(`Knee-to-wall: ${sidesText(kneeToWall, (v) => `${formatOneDecimal(v)} cm`)}${difference}`);
  }
  lines.push(...pairLine('Single-leg hop for distance', tests?.singleHopCm, ' cm', summary.lsi.singleHop));
  lines.push(...pairLine('Triple hop for distance', tests?.tripleHopCm, ' cm', summary.lsi.tripleHop));
  const squat = tests?.squatQuality;
  if (hasAny(squat)) lines.push(`Single-leg squat: ${sidesText(squat, (quality) => quality)}`);
  const swelling = tests?.kneeSwelling;
  if (hasAny(swelling))
    lines.push(`Knee effusion (sweep test): ${sidesText(swelling, (g) => SWELLING_GRADE_LABELS[g])}`);
  const flexion = tests?.kneeFlexionDeg;
  const deficit = tests?.kneeExtensionDeficitDeg;
  if (hasAny(flexion) || hasAny(deficit)) {
    const degrees = (v: number) => `${v}°`;
    lines.push(
      `Knee range: flexion ${sidesText(flexion ?? {}, degrees)}; extension deficit ${sidesText(deficit ?? {}, degrees)}` +
        `${lsiNote(summary.lsi.kneeRange).replace('(LSI', '(range')}`,
    );
  }
  lines.push(...strengthLine('Quadriceps strength', tests?.quadricepsStrength, summary.lsi.quadriceps));
  lines.push(...strengthLine('Hamstring strength', tests?.hamstringStrength, summary.lsi.hamstrings));
  const walk = tests?.briskWalk;
  if (walk?.minutes !== undefined || walk?.painFree !== undefined) {
    const parts = [walk.minutes === undefined ? 'duration not recorded' : `${walk.minutes} min`];
    if (walk.painFree !== undefined) parts.push(walk.painFree ? 'pain-free' : 'with pain');
    lines.push(`Brisk walk: ${parts.join(', ')}`);
  }

  if (options.withReadiness !== false) lines.push(...readinessLines(summary.readiness));
  return lines;
}

/** The objective section as one text, ready to prefill the note. */
export function objectiveText(intake: IntakeDraft, options: ObjectiveOptions = {}): string {
  return objectiveLines(intake, options).join('\n');
}
