/** Intakes for backend tests: a hamstring strain whose readiness says "walking stage". */
import type { IntakeDraft } from '../../shared/clinical/intake/intake';
import { RED_FLAGS, type RedFlagAnswers } from '../../shared/clinical/intake/red-flags';
import type { SoapNote } from '../../shared/clinical/intake/soap';

/** Every red-flag question that applies without surgery answered "no". */
export function redFlagsNoSurgery(): RedFlagAnswers {
  return Object.fromEntries(RED_FLAGS.filter((f) => !f.afterSurgeryOnly).map((f) => [f.id, 'no']));
}

/**
 * Right hamstring strain, complete enough to sign. Readiness: walking stage, with hopping pain
 * 3/10, a 20-minute brisk walk and a single-leg hop LSI of 70% not met.
 */
export function hamstringIntake(): IntakeDraft {
  return {
    episode: {
      region: 'thigh',
      side: 'right',
      diagnosis: 'hamstring_strain',
      diagnosisDetail: 'Grade 2, sprint finish',
      onsetDate: '2026-11-02',
      onsetType: 'sudden',
      mechanism: 'Felt a pull in the last 200 m of a 10 km race',
      surgery: { performed: 'no' },
      referralSource: 'self',
    },
    runningHistory: {
      yearsRunning: 7.5,
      weeklyDistanceBeforeInjury: { metres: 45_000, unit: 'km' },
      longestRecentRun: { metres: 16_000, unit: 'km' },
      usualSurface: 'road',
      goal: { description: 'Autumn half marathon', eventDate: '2027-10-10' },
    },
    symptoms: {
      painAtRest: 0,
      painWalking: 1,
      painHopping: 3,
      eases: 'Gentle walking',
      aggravates: 'Fast running, bending forward',
      redFlags: redFlagsNoSurgery(),
    },
    measures: {
      lefs: { items: [4, 4, 4, 4, 4, 3, 3, 4, 3, 4, 4, 3, 3, 4, 4, 2, 2, 1, 2, 4] },
      psfs: { activities: [{ activity: 'Run 30 minutes', score: 2 }] },
    },
    physicalTests: {
      heelRaises: { left: 25, right: 22 },
      singleHopCm: { left: 150, right: 105 },
      briskWalk: { minutes: 20, painFree: true },
    },
    // The hamstring gates (Heiderscheit 2010) are met: only the common criteria above hold the runner.
    diagnosisChecks: {
      hamstring: { walkingStridePainFree: true, isometricFlexionPainFree: true, slowJogPainFree: true },
    },
  };
}

export const TYPED_NOTE: SoapNote = {
  subjective: 'Keen to race again in the autumn.',
  objective: 'Tender to palpation at the proximal biceps femoris.',
  assessment: 'Grade 2 right hamstring strain, improving.',
  plan: 'Walking programme; review in one week.',
};
