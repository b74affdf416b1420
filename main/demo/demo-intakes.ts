/**
 * Intakes for the demo clinic: Zoë's hamstring strain is signed (walking stage, with an
 * addendum), An's Achilles tendinopathy is a draft halfway through, so a newcomer sees both.
 * Written through the same record functions as the app, so they are validated and audited.
 */
import type { IntakeDraft } from '../../shared/clinical/intake/intake';
import { RED_FLAGS } from '../../shared/clinical/intake/red-flags';
import type { EpisodeSummary } from '../../shared/domain/episode';
import type { Clinician } from '../../shared/domain/settings';
import type { Db } from '../db/open';
import { addAddendum } from '../records/notes';
import { chooseStartingPoint, saveIntakeDraft, signIntake, startIntake } from '../records/intakes';
import type { Clock } from '../util/clock';

const noRedFlagsWithoutSurgery = () =>
  Object.fromEntries(RED_FLAGS.filter((f) => !f.afterSurgeryOnly).map((f) => [f.id, 'no' as const]));

function hamstring(onsetDate: string): IntakeDraft {
  return {
    episode: {
      region: 'thigh',
      side: 'right',
      diagnosis: 'hamstring_strain',
      diagnosisDetail: 'Grade 2, sprint finish',
      onsetDate,
      onsetType: 'sudden',
      mechanism: 'Felt a sharp pull at the back of the right thigh in the sprint finish of a 10 km race.',
      surgery: { performed: 'no' },
      referralSource: 'self',
    },
    runningHistory: {
      yearsRunning: 7.5,
      weeklyDistanceBeforeInjury: { metres: 45_000, unit: 'km' },
      longestRecentRun: { metres: 16_000, unit: 'km' },
      usualSurface: 'road',
      goal: { description: 'Autumn half marathon' },
    },
    symptoms: {
      painAtRest: 0,
      painWalking: 1,
      painHopping: 3,
      eases: 'Gentle walking, heat',
      aggravates: 'Fast walking uphill, bending forward',
      redFlags: noRedFlagsWithoutSurgery(),
    },
    measures: {
      lefs: { items: [4, 4, 4, 4, 4, 3, 3, 4, 3, 4, 4, 3, 3, 4, 4, 2, 2, 1, 2, 4] },
      psfs: {
        activities: [
          { activity: 'Run 30 minutes', score: 2 },
          { activity: 'Stairs two at a time', score: 6 },
        ],
      },
    },
    physicalTests: {
      heelRaises: { left: 25, right: 23 },
      singleHopCm: { left: 150, right: 105 },
      squatQuality: { left: 'good', right: 'fair' },
      briskWalk: { minutes: 20, painFree: true },
    },
    // The hamstring checks (Heiderscheit 2010): stride and isometric flexion pain-free, the slow jog not yet.
    diagnosisChecks: {
      hamstring: { walkingStridePainFree: true, isometricFlexionPainFree: true, slowJogPainFree: false },
    },
  };
}

function achilles(onsetDate: string): IntakeDraft {
  return {
    episode: {
      region: 'achilles',
      side: 'left',
      diagnosis: 'achilles_tendinopathy',
      diagnosisDetail: 'Mid-portion',
      onsetDate,
      onsetType: 'gradual',
      surgery: { performed: 'no' },
      referralSource: 'sports_physician',
    },
    runningHistory: { yearsRunning: 12, weeklyDistanceBeforeInjury: { metres: 56_327, unit: 'mi' } },
    symptoms: {
      painAtRest: 1,
      painWalking: 2,
      aggravates: 'First steps in the morning, hills',
      redFlags: { running_pain_above_3: 'no', sharp_or_building_pain: 'no', night_pain: 'no' },
    },
    measures: {
      visaA: {
        item1: 5,
        item2: 6,
        item3: 7,
        item4: 8,
        item5: 5,
        item6: 4,
        item7: 'modified',
        item8: { part: 'b', duration: 'min_11_20' },
      },
    },
    physicalTests: { heelRaises: { left: 14, right: 24 } },
  };
}

const TYPED_HAMSTRING = {
  subjective: 'Keen to race again in the autumn; worried about the sprint finish.',
  objective: 'Tender over the proximal biceps femoris; full knee extension in supine with a stretch.',
  assessment: 'Grade 2 right hamstring strain, four weeks on, settling well.',
  plan: 'Walking programme, brisk walks building to 30 minutes; Nordic hamstring progression; review in one week.',
};

/** Gives the first two demo episodes an intake: signed with an addendum, and a draft. */
export function seedDemoIntakes(db: Db, clock: Clock, clinician: Clinician, episodes: readonly EpisodeSummary[]): void {
  const [zoe, an] = episodes;
  if (zoe?.onsetDate) {
    const started = startIntake(db, clock, clinician, zoe.id);
    const saved = saveIntakeDraft(db, clock, clinician, {
      episodeId: zoe.id,
      expectedVersion: started.version,
      draft: hamstring(zoe.onsetDate),
      typed: TYPED_HAMSTRING,
    });
    const chosen = chooseStartingPoint(db, clock, clinician, {
      episodeId: zoe.id,
      expectedVersion: saved.version,
      choice: { stage: 'walking' },
      reason: '',
    });
    const signed = signIntake(db, clock, clinician, { episodeId: zoe.id, expectedVersion: chosen.version });
    addAddendum(db, clock, clinician, {
      noteId: signed.note.id,
      text: 'Phoned two days later: brisk walks of 25 minutes without pain. Hop test to repeat at the next visit.',
    });
  }
  if (an?.onsetDate) {
    const started = startIntake(db, clock, clinician, an.id);
    saveIntakeDraft(db, clock, clinician, {
      episodeId: an.id,
      expectedVersion: started.version,
      draft: achilles(an.onsetDate),
      typed: { subjective: '', objective: '', assessment: '', plan: '' },
    });
  }
}
