/** Intakes used across the intake tests: a runner who meets every readiness criterion, and builders. */
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import { RED_FLAGS, type RedFlagAnswers } from '../../../shared/clinical/intake/red-flags';
import { fullVisaA, lefsWith } from './measure-fixtures';

export const TODAY = '2026-11-27';

/** Every red-flag question answered "no". */
export function allRedFlagsNo(): RedFlagAnswers {
  return Object.fromEntries(RED_FLAGS.map((f) => [f.id, 'no']));
}

/**
 * Thirteen weeks (on TODAY) after a left ACL reconstruction; meets every default criterion and
 * every ACL gate: heel raises 22/25 (88%), single hop 120/140 (85.7%), triple hop 400/450
 * (88.9%), trace effusion, knee range 130/135 (96.3%), quadriceps 300/380 N (78.9%), hamstrings
 * 180/200 N (90%).
 */
export function readyKneeIntake(): IntakeDraft {
  return {
    episode: {
      region: 'knee',
      side: 'left',
      diagnosis: 'acl_reconstruction',
      diagnosisDetail: 'Hamstring autograft',
      onsetDate: '2026-07-04',
      onsetType: 'sudden',
      mechanism: 'Pivoted on a trail descent',
      surgery: { performed: 'yes', type: 'ACL reconstruction, hamstring autograft', date: '2026-08-28' },
      referralSource: 'orthopaedic_surgeon',
    },
    runningHistory: {
      yearsRunning: 6,
      weeklyDistanceBeforeInjury: { metres: 40_000, unit: 'km' },
      longestRecentRun: { metres: 21_100, unit: 'km' },
      usualSurface: 'trail',
      goal: { description: 'Trail half marathon', eventDate: '2027-05-16' },
    },
    symptoms: {
      painAtRest: 0,
      painWalking: 0,
      painHopping: 1,
      eases: 'Ice, rest',
      aggravates: 'Stairs down',
      redFlags: allRedFlagsNo(),
    },
    measures: {
      lefs: lefsWith([4, 4, 4, 4, 4, 3, 3, 4, 3, 4, 4, 3, 3, 4, 4, 2, 2, 1, 2, 4]),
      psfs: {
        activities: [
          { activity: 'Run 30 minutes', score: 3 },
          { activity: 'Stairs down', score: 7 },
        ],
      },
    },
    physicalTests: {
      heelRaises: { left: 22, right: 25 },
      kneeToWallCm: { left: 10.5, right: 12 },
      singleHopCm: { left: 120, right: 140 },
      tripleHopCm: { left: 400, right: 450 },
      squatQuality: { left: 'fair', right: 'good' },
      kneeSwelling: { left: 'trace' },
      briskWalk: { minutes: 30, painFree: true },
      kneeFlexionDeg: { left: 130, right: 135 },
      kneeExtensionDeficitDeg: { left: 0, right: 0 },
      quadricepsStrength: { left: 300, right: 380, method: 'hand_held_dynamometer' },
      hamstringStrength: { left: 180, right: 200, method: 'hand_held_dynamometer' },
    },
  };
}

/** A right Achilles tendinopathy, no surgery, meeting every criterion. */
export function readyAchillesIntake(): IntakeDraft {
  return {
    episode: {
      region: 'achilles',
      side: 'right',
      diagnosis: 'achilles_tendinopathy',
      onsetDate: '2026-09-01',
      onsetType: 'gradual',
      surgery: { performed: 'no' },
    },
    runningHistory: { yearsRunning: 12, weeklyDistanceBeforeInjury: { metres: 64_374, unit: 'mi' } },
    symptoms: {
      painAtRest: 0,
      painWalking: 1,
      painHopping: 1,
      redFlags: Object.fromEntries(RED_FLAGS.filter((f) => !f.afterSurgeryOnly).map((f) => [f.id, 'no'])),
    },
    measures: { visaA: fullVisaA() },
    physicalTests: {
      heelRaises: { left: 25, right: 20 },
      singleHopCm: { left: 130, right: 120 },
      briskWalk: { minutes: 45, painFree: true },
    },
  };
}

/** A deep copy to change in one test without touching the others. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * A bone stress injury of the right navicular (a high-risk site), 6 weeks in, meeting every
 * common criterion, the site not tender, hops pain-free, RED-S screen negative, 3 weeks of
 * pain-free walking done, but no imaging or doctor's clearance of healing yet.
 */
export function navicularSixWeeksIntake(): IntakeDraft {
  return {
    episode: {
      region: 'foot',
      side: 'right',
      diagnosis: 'bone_stress_injury',
      boneStressSite: 'navicular',
      onsetDate: '2026-10-16',
      onsetType: 'gradual',
      surgery: { performed: 'no' },
    },
    runningHistory: { yearsRunning: 4, weeklyDistanceBeforeInjury: { metres: 50_000, unit: 'km' } },
    symptoms: {
      painAtRest: 0,
      painWalking: 0,
      painHopping: 1,
      redFlags: Object.fromEntries(RED_FLAGS.filter((f) => !f.afterSurgeryOnly).map((f) => [f.id, 'no'])),
    },
    physicalTests: {
      heelRaises: { left: 25, right: 24 },
      singleHopCm: { left: 130, right: 125 },
      briskWalk: { minutes: 30, painFree: true },
    },
    diagnosisChecks: {
      boneStress: {
        healingClearance: 'not_yet',
        walkPhaseWeeks: 3,
        siteTender: false,
        hopOnSpotPainFree: true,
        redS: {
          missed_periods: 'no',
          late_first_period: 'no',
          low_weight_or_loss: 'no',
          restrictive_eating: 'no',
          previous_bone_stress: 'no',
          low_bone_density: 'no',
        },
      },
    },
  };
}
