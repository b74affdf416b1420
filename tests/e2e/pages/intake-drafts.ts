/**
 * Intake drafts for the intake e2e tests and the intake look script, dated from today (the form
 * evaluates the time-based gates, weeks since surgery or birth, on the computer's date). Each meets
 * the common checklist, so what the tests change in the form decides the result. Pure data: no
 * Playwright here, so the look script (vitest) imports it too.
 */
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import { RED_FLAGS, type RedFlagAnswers } from '../../../shared/clinical/intake/red-flags';
import { addDays, type IsoDate } from '../../../shared/time/dates';

/** Today on this computer, as the form's todayIso() gives it. */
export function localToday(): IsoDate {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function weeksAgo(weeks: number): IsoDate {
  return addDays(localToday(), -7 * weeks);
}

/** Every red flag asked for this kind of episode answered "no". */
function redFlagsNo(options: { surgery: boolean; boneStress: boolean }): RedFlagAnswers {
  return Object.fromEntries(
    RED_FLAGS.filter(
      (f) => (options.surgery || !f.afterSurgeryOnly) && (options.boneStress || !('boneStressOnly' in f)),
    ).map((f) => [f.id, 'no']),
  );
}

const commonSymptoms = (options: { surgery: boolean; boneStress: boolean }) => ({
  painAtRest: 0,
  painWalking: 0,
  painHopping: 1,
  redFlags: redFlagsNo(options),
});

/** A right navicular bone stress injury (high-risk site), 6 weeks in; no diagnosis checks yet. */
export function navicularDraft(): IntakeDraft {
  return {
    episode: {
      region: 'foot',
      side: 'right',
      diagnosis: 'bone_stress_injury',
      boneStressSite: 'navicular',
      onsetDate: weeksAgo(6),
      onsetType: 'gradual',
      surgery: { performed: 'no' },
    },
    runningHistory: { yearsRunning: 4, weeklyDistanceBeforeInjury: { metres: 50_000, unit: 'km' } },
    symptoms: commonSymptoms({ surgery: false, boneStress: true }),
    physicalTests: {
      heelRaises: { left: 25, right: 24 },
      singleHopCm: { left: 130, right: 125 },
      briskWalk: { minutes: 30, painFree: true },
    },
  };
}

/**
 * A left ACL reconstruction, `weeks` after surgery, meeting the common checklist (hops 85.7% and
 * 88.9%, trace effusion); knee range and strength are left for the test to type.
 */
export function aclDraft(weeks: number): IntakeDraft {
  return {
    episode: {
      region: 'knee',
      side: 'left',
      diagnosis: 'acl_reconstruction',
      diagnosisDetail: 'Hamstring autograft',
      onsetDate: weeksAgo(weeks + 6),
      onsetType: 'sudden',
      surgery: { performed: 'yes', type: 'ACL reconstruction, hamstring autograft', date: weeksAgo(weeks) },
    },
    runningHistory: { yearsRunning: 6, weeklyDistanceBeforeInjury: { metres: 40_000, unit: 'km' } },
    symptoms: commonSymptoms({ surgery: true, boneStress: false }),
    physicalTests: {
      heelRaises: { left: 22, right: 25 },
      singleHopCm: { left: 120, right: 140 },
      tripleHopCm: { left: 400, right: 450 },
      kneeSwelling: { left: 'trace' },
      briskWalk: { minutes: 30, painFree: true },
    },
  };
}

/** The knee range and strength an ACL runner at or above every threshold has. */
export const ACL_KNEE_TESTS = {
  flexion: { left: '130', right: '135' },
  extensionDeficit: { left: '0', right: '0' },
  quadriceps: { left: '300', right: '380' },
  hamstrings: { left: '180', right: '200' },
} as const;

export function aclReadyDraft(weeks: number): IntakeDraft {
  const draft = aclDraft(weeks);
  draft.physicalTests = {
    ...draft.physicalTests,
    kneeFlexionDeg: { left: 130, right: 135 },
    kneeExtensionDeficitDeg: { left: 0, right: 0 },
    quadricepsStrength: { left: 300, right: 380, method: 'hand_held_dynamometer' },
    hamstringStrength: { left: 180, right: 200, method: 'hand_held_dynamometer' },
  };
  return draft;
}

/** A right Achilles tendinopathy meeting every criterion. */
export function achillesDraft(): IntakeDraft {
  return {
    episode: {
      region: 'achilles',
      side: 'right',
      diagnosis: 'achilles_tendinopathy',
      onsetDate: weeksAgo(10),
      onsetType: 'gradual',
      surgery: { performed: 'no' },
    },
    runningHistory: { yearsRunning: 12, weeklyDistanceBeforeInjury: { metres: 60_000, unit: 'km' } },
    symptoms: commonSymptoms({ surgery: false, boneStress: false }),
    physicalTests: {
      heelRaises: { left: 25, right: 20 },
      singleHopCm: { left: 130, right: 120 },
      briskWalk: { minutes: 45, painFree: true },
    },
  };
}

/** A right hamstring strain meeting the common checklist; the Heiderscheit checks are left to answer. */
export function hamstringDraft(): IntakeDraft {
  return {
    episode: {
      region: 'thigh',
      side: 'right',
      diagnosis: 'hamstring_strain',
      onsetDate: weeksAgo(3),
      onsetType: 'sudden',
      surgery: { performed: 'no' },
    },
    runningHistory: { yearsRunning: 7.5, weeklyDistanceBeforeInjury: { metres: 45_000, unit: 'km' } },
    symptoms: commonSymptoms({ surgery: false, boneStress: false }),
    physicalTests: {
      heelRaises: { left: 25, right: 24 },
      singleHopCm: { left: 150, right: 130 },
      briskWalk: { minutes: 30, painFree: true },
    },
  };
}
