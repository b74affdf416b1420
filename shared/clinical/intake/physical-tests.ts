/**
 * Physical tests, recorded for the left and the right side. Which side is involved comes from the
 * episode; the limb symmetry index (LSI) compares the involved side with the other one.
 * A patient unable to do a test on a side because of pain is recorded as 0 on that side.
 */
import { z } from 'zod';
import type { Side } from './episode';
import { oneDecimal, wholeNumber, yesNo } from './fields';
import { roundOneDecimal } from './format';

export const LIMBS = ['left', 'right'] as const;
export type Limb = (typeof LIMBS)[number];

/** Single-leg squat quality, a three-point visual rating of movement control. */
export const SQUAT_QUALITIES = ['good', 'fair', 'poor'] as const;
export type SquatQuality = (typeof SQUAT_QUALITIES)[number];
export const SQUAT_QUALITY_MEANINGS: Readonly<Record<SquatQuality, string>> = {
  good: 'Smooth and controlled: trunk upright, pelvis level, knee stays over the foot, balance kept.',
  fair: 'Some loss of control that the patient corrects: slight trunk lean, pelvic drop or knee moving inward.',
  poor: 'Clear loss of control: marked trunk lean or pelvic drop, knee collapsing inward, or balance lost.',
};

/**
 * Knee effusion by the sweep (stroke) test (Sturgill et al., JOSPT 2009;39:845-9), as graded in
 * docs/clinical-sources.md#measures. Codes are stored: never rename them.
 */
export const SWELLING_GRADES = ['zero', 'trace', 'one_plus', 'two_plus', 'three_plus'] as const;
export type SwellingGrade = (typeof SWELLING_GRADES)[number];
export const SWELLING_GRADE_LABELS: Readonly<Record<SwellingGrade, string>> = {
  zero: 'zero',
  trace: 'trace',
  one_plus: '1+',
  two_plus: '2+',
  three_plus: '3+',
};
export const SWELLING_GRADE_MEANINGS: Readonly<Record<SwellingGrade, string>> = {
  zero: 'No wave of fluid with the downward stroke.',
  trace: 'A small wave on the inner side of the knee with the downward stroke.',
  one_plus: 'A larger bulge on the inner side of the knee with the downward stroke.',
  two_plus: 'Fluid returns to the inner side by itself after the upward stroke.',
  three_plus: 'So much fluid that it cannot be moved out of the inner side of the knee.',
};

/** Grades compare by their place in the list: zero < trace < 1+ < 2+ < 3+. */
export function swellingRank(grade: SwellingGrade): number {
  return SWELLING_GRADES.indexOf(grade);
}

/**
 * How quadriceps and hamstring strength was measured (docs/clinical-sources.md#readiness: hand-held
 * dynamometer or isokinetic testing, compared with the other side; a 1-RM where the clinic has
 * no dynamometer). Codes are stored: never rename them.
 */
export const STRENGTH_METHODS = ['hand_held_dynamometer', 'one_rep_max', 'isokinetic'] as const;
export type StrengthMethod = (typeof STRENGTH_METHODS)[number];
export const STRENGTH_METHOD_LABELS: Readonly<Record<StrengthMethod, string>> = {
  hand_held_dynamometer: 'Hand-held dynamometer',
  one_rep_max: '1-RM (one repetition maximum)',
  isokinetic: 'Isokinetic dynamometer',
};
/** The method inside a sentence: "LSI 78.9% (1-RM)". */
export const STRENGTH_METHOD_IN_TEXT: Readonly<Record<StrengthMethod, string>> = {
  hand_held_dynamometer: 'hand-held dynamometer',
  one_rep_max: '1-RM',
  isokinetic: 'isokinetic dynamometer',
};

/** A measurement on each side; either may be missing while the test is not done yet. */
function sides<S extends z.ZodType>(make: (limb: Limb) => S) {
  return z.strictObject({ left: make('left').optional(), right: make('right').optional() });
}

/** Strength on each side, in the unit of the method (N, kg or Nm), with the method used. */
function strength(muscle: string) {
  return z
    .strictObject({
      left: oneDecimal(`${muscle} strength (left)`, 0, 2000, '', '245.5'),
      right: oneDecimal(`${muscle} strength (right)`, 0, 2000, '', '245.5'),
      method: z.enum(STRENGTH_METHODS, {
        error: `${muscle} strength: choose how it was measured (hand-held dynamometer, 1-RM or isokinetic).`,
      }),
    })
    .partial();
}

export const PhysicalTestsDraft = z
  .strictObject({
    /** Single-leg heel raises to fatigue, repetitions. */
    heelRaises: sides((limb) => wholeNumber(`Heel raises (${limb})`, 0, 200)),
    /** Knee-to-wall (weight-bearing lunge), toe-to-wall distance in cm; 1 cm is about 3.6 degrees. */
    kneeToWallCm: sides((limb) => oneDecimal(`Knee-to-wall (${limb})`, 0, 30, 'cm')),
    /** Single-leg hop for distance, cm. */
    singleHopCm: sides((limb) => wholeNumber(`Single-leg hop (${limb})`, 0, 400, 'cm')),
    /** Triple hop for distance, cm. */
    tripleHopCm: sides((limb) => wholeNumber(`Triple hop (${limb})`, 0, 1200, 'cm')),
    squatQuality: sides((limb) =>
      z.enum(SQUAT_QUALITIES, { error: `Single-leg squat (${limb}): choose good, fair or poor.` }),
    ),
    /** Sweep test grade for each knee; recorded where the knee is involved. */
    kneeSwelling: sides((limb) =>
      z.enum(SWELLING_GRADES, { error: `Knee swelling (${limb}): choose zero, trace, 1+, 2+ or 3+.` }),
    ),
    /** Knee flexion range, degrees (goniometer). */
    kneeFlexionDeg: sides((limb) => wholeNumber(`Knee flexion (${limb})`, 0, 170, 'degrees')),
    /**
     * Degrees short of a straight knee: 0 is straight, a negative number is hyperextension
     * (-5 = 5 degrees of hyperextension).
     */
    kneeExtensionDeficitDeg: sides((limb) => wholeNumber(`Knee extension deficit (${limb})`, -20, 90, 'degrees')),
    quadricepsStrength: strength('Quadriceps'),
    hamstringStrength: strength('Hamstring'),
    briskWalk: z
      .strictObject({
        minutes: wholeNumber('Brisk walk time', 0, 180, 'minutes'),
        painFree: yesNo('Was the brisk walk pain-free?'),
      })
      .partial(),
  })
  .partial();
export type PhysicalTestsDraft = z.infer<typeof PhysicalTestsDraft>;

export interface SidePair {
  left?: number | undefined;
  right?: number | undefined;
}

/**
 * Limb symmetry index: involved / uninvolved x 100, rounded to one decimal. Undefined when either
 * side is missing or the uninvolved side is 0 (no meaningful ratio).
 */
export function limbSymmetryIndex(involved: number | undefined, uninvolved: number | undefined): number | undefined {
  if (involved === undefined || uninvolved === undefined || uninvolved <= 0) return undefined;
  return roundOneDecimal((involved * 100) / uninvolved);
}

export type LsiResult =
  | { kind: 'computed'; lsi: number; involved: number; uninvolved: number; involvedLimb: Limb }
  /** The episode's side is not chosen yet. */
  | { kind: 'side_unknown' }
  /** Both sides (or neither side) are involved: there is no healthy side to compare with. */
  | { kind: 'no_uninvolved_side'; side: 'both' | 'not_applicable' }
  | { kind: 'missing'; missing: Limb[]; involvedLimb: Limb }
  | { kind: 'uninvolved_zero'; involvedLimb: Limb };

export function otherLimb(limb: Limb): Limb {
  return limb === 'left' ? 'right' : 'left';
}

/** The LSI of a test, with the reason when it cannot be computed. */
export function sideLsi(pair: SidePair | undefined, side: Side | undefined): LsiResult {
  if (side === undefined) return { kind: 'side_unknown' };
  if (side === 'both' || side === 'not_applicable') return { kind: 'no_uninvolved_side', side };
  const involvedLimb: Limb = side;
  const involved = pair?.[involvedLimb];
  const uninvolved = pair?.[otherLimb(involvedLimb)];
  const missing = LIMBS.filter((limb) => pair?.[limb] === undefined);
  if (involved === undefined || uninvolved === undefined) return { kind: 'missing', missing, involvedLimb };
  const lsi = limbSymmetryIndex(involved, uninvolved);
  if (lsi === undefined) return { kind: 'uninvolved_zero', involvedLimb };
  return { kind: 'computed', lsi, involved, uninvolved, involvedLimb };
}

/**
 * The knee's range of motion as an arc (flexion minus extension deficit), each side; undefined on
 * a side where either number is missing. A knee flexing to 135 degrees that lacks 5 degrees of
 * extension has an arc of 130; one hyperextending 5 degrees (deficit -5) has 140.
 */
export function kneeArcs(tests: PhysicalTestsDraft | undefined): SidePair {
  const arc = (limb: Limb): number | undefined => {
    const flexion = tests?.kneeFlexionDeg?.[limb];
    const deficit = tests?.kneeExtensionDeficitDeg?.[limb];
    return flexion === undefined || deficit === undefined ? undefined : flexion - deficit;
  };
  return { left: arc('left'), right: arc('right') };
}
