/**
 * Change in an outcome measure since an earlier (baseline) score, and whether it reaches the
 * measure's minimal important change, in the words a clinician writes in a note:
 * "LEFS 52 -> 63: +11, more than the 9-point minimal important change".
 *
 * Higher is better on all three measures (LEFS, PSFS, VISA-A), so a rise is an improvement.
 * A change "reaches" the minimal important change when its size is at least that many points,
 * better or worse (the size that is unlikely to be measurement noise and matters to patients).
 * Pure: no clock, no storage; the callers pick the baseline (the first score on record).
 */
import { formatOneDecimal, roundOneDecimal } from './intake/format';
import { LEFS_MEANINGFUL_CHANGE } from './intake/measures/lefs';

export const OUTCOME_MEASURES = ['lefs', 'psfs', 'visaA'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** How each measure is named in a note: the PSFS score is the average of the activities. */
export const OUTCOME_MEASURE_NAMES: Readonly<Record<OutcomeMeasure, string>> = {
  lefs: 'LEFS',
  psfs: 'PSFS average',
  visaA: 'VISA-A',
};

/**
 * Minimal important change per measure, in points of the total (PSFS: of the average score).
 * These are published defaults (docs/clinical-sources.md#measures); the app has no settings place for them yet.
 */
export const MINIMAL_IMPORTANT_CHANGE: Readonly<Record<OutcomeMeasure, number>> = {
  // Binkley 1999 (Phys Ther 79:371): minimal detectable and clinically important change 9 points.
  lefs: LEFS_MEANINGFUL_CHANGE,
  // Stratford 1995 (Physiother Can 47:258): about 2 points on the average score.
  psfs: 2,
  // McCormack 2015 (Phys Ther Sport): about 6.5 points; a clinic-editable default in the reference.
  visaA: 6.5,
};

export const MINIMAL_IMPORTANT_CHANGE_SOURCES: Readonly<Record<OutcomeMeasure, string>> = {
  lefs: 'Binkley 1999',
  psfs: 'Stratford 1995',
  visaA: 'McCormack 2015',
};

export interface OutcomeChange {
  measure: OutcomeMeasure;
  from: number;
  to: number;
  /** to - from, to one decimal (PSFS averages carry one decimal). Positive is better. */
  change: number;
  minimalImportantChange: number;
  /** The size of the change is at least the minimal important change. */
  reached: boolean;
  direction: 'better' | 'worse' | 'same';
}

/** The change from an earlier score to a later one. */
export function outcomeChange(
  measure: OutcomeMeasure,
  from: number,
  to: number,
  minimalImportantChange: number = MINIMAL_IMPORTANT_CHANGE[measure],
): OutcomeChange {
  // Rounded first, so 3.4 -> 5.4 is a change of 2 (not 1.9999...) and reaches 2 points.
  const change = roundOneDecimal(roundOneDecimal(to) - roundOneDecimal(from));
  return {
    measure,
    from,
    to,
    change,
    minimalImportantChange,
    reached: change !== 0 && Math.abs(change) >= minimalImportantChange,
    direction: change > 0 ? 'better' : change < 0 ? 'worse' : 'same',
  };
}

function signed(value: number): string {
  return value > 0 ? `+${formatOneDecimal(value)}` : formatOneDecimal(value);
}

/** "+11, more than the 9-point minimal important change"; "no change". */
export function changeVerdict(c: OutcomeChange): string {
  if (c.direction === 'same') return 'no change';
  const size = Math.abs(c.change);
  const mic = `the ${formatOneDecimal(c.minimalImportantChange)}-point minimal important change`;
  if (!c.reached) return `${signed(c.change)}, less than ${mic}`;
  const howMuch = size > c.minimalImportantChange ? `more than ${mic}` : `as much as ${mic}`;
  return c.direction === 'better' ? `${signed(c.change)}, ${howMuch}` : `${signed(c.change)}, worse by ${howMuch}`;
}

/** "LEFS 52 -> 63: +11, more than the 9-point minimal important change". */
export function changeWords(c: OutcomeChange): string {
  return `${OUTCOME_MEASURE_NAMES[c.measure]} ${formatOneDecimal(c.from)} -> ${formatOneDecimal(c.to)}: ${changeVerdict(c)}`;
}
