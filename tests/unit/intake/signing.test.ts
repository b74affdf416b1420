import { describe, expect, it } from 'vitest';
import { problemsToFields } from '../../../shared/clinical/intake/fields';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import { emptyLefs } from '../../../shared/clinical/intake/measures/lefs';
import { checkIntakeForSigning } from '../../../shared/clinical/intake/signing';
import { copy, readyAchillesIntake, readyKneeIntake, TODAY } from './fixtures';

function check(change: (i: IntakeDraft) => void, base = readyKneeIntake()) {
  const intake = copy(base);
  change(intake);
  return checkIntakeForSigning(intake, TODAY);
}

describe('complete enough to sign', () => {
  it('lets a complete intake be signed', () => {
    expect(checkIntakeForSigning(readyKneeIntake(), TODAY)).toEqual({ canSign: true, problems: [], warnings: [] });
  });

  it('lets an intake with no physical tests be signed: they show as not tested', () => {
    const result = check((i) => delete i.physicalTests);
    expect(result.canSign).toBe(true);
  });

  it('says what an empty intake needs, field by field', () => {
    const result = checkIntakeForSigning({}, TODAY);
    expect(result.canSign).toBe(false);
    const fields = problemsToFields(result.problems);
    expect(fields).toMatchObject({
      'episode.region': 'Choose the injured region from the list.',
      'episode.side': 'Choose the injured side: left, right, both or not applicable.',
      'episode.diagnosis': 'Choose a diagnosis from the list, or choose "Other" and describe it.',
      'episode.onsetDate': 'Date of onset is missing.',
      'episode.onsetType': 'Choose how it started: gradually or suddenly.',
      'episode.surgery': 'Say whether the patient had surgery for this injury: yes or no.',
      'runningHistory.yearsRunning': 'Years running is missing: enter a number from 0 to 80 years.',
      'runningHistory.weeklyDistanceBeforeInjury': 'Weekly distance before injury is missing: enter it in km or miles.',
      'symptoms.painAtRest': 'Pain at rest is missing: enter a whole number from 0 to 10.',
      'symptoms.painWalking': 'Pain when walking is missing: enter a whole number from 0 to 10.',
      'symptoms.redFlags.fever':
        'Red flag "Fever of 38 °C / 101 °F or more after surgery": answer yes or no before signing.',
    });
    // With surgery unknown, all 15 red-flag questions are required.
    expect(result.problems.filter((p) => p.path.startsWith('symptoms.redFlags.'))).toHaveLength(21);
  });

  it('reports the episode rules together with its missing fields, in one round', () => {
    const result = checkIntakeForSigning({ episode: { diagnosis: 'other', surgery: { performed: 'yes' } } }, TODAY);
    expect(result.problems.filter((p) => p.path.startsWith('episode.'))).toEqual([
      { path: 'episode.region', message: 'Choose the injured region from the list.' },
      { path: 'episode.side', message: 'Choose the injured side: left, right, both or not applicable.' },
      { path: 'episode.onsetDate', message: 'Date of onset is missing.' },
      { path: 'episode.onsetType', message: 'Choose how it started: gradually or suddenly.' },
      { path: 'episode.diagnosisDetail', message: 'Describe the diagnosis: you chose "Other".' },
      { path: 'episode.surgery.type', message: 'Enter the type of surgery.' },
      { path: 'episode.surgery.date', message: 'Enter the date of surgery.' },
    ]);
  });

  it('refuses an invalid draft before anything else', () => {
    const result = check((i) => (i.episode!.onsetDate = '2026-12-25'), readyAchillesIntake());
    expect(result).toEqual({
      canSign: false,
      problems: [
        {
          path: 'episode.onsetDate',
          message: 'Date of onset (2026-12-25) is after today (2026-11-27): enter the day the symptoms started.',
        },
      ],
      warnings: [],
    });
  });

  it.each([
    [
      'a red flag not asked',
      (i: IntakeDraft) => (i.symptoms!.redFlags!.night_pain = 'not_asked'),
      'symptoms.redFlags.night_pain',
      'Red flag "Pain that wakes the patient at night": answer yes or no before signing.',
    ],
    [
      'a half-filled LEFS',
      (i: IntakeDraft) => (i.measures!.lefs!.items[4] = null),
      'measures.lefs',
      'LEFS total not computable: item 5 is missing. Finish it or clear it before signing.',
    ],
    [
      'a PSFS activity without a score',
      (i: IntakeDraft) => i.measures!.psfs!.activities.push({ activity: 'Jump rope', score: null }),
      'measures.psfs',
      'PSFS score not computable: the score of activity 3 is missing. Finish it or clear it before signing.',
    ],
    [
      '"Other" diagnosis without a description',
      (i: IntakeDraft) => {
        i.episode!.diagnosis = 'other';
        i.episode!.diagnosisDetail = '';
      },
      'episode.diagnosisDetail',
      'Describe the diagnosis: you chose "Other".',
    ],
  ])('blocks signing with %s', (_name, change, path, message) => {
    const result = check(change);
    expect(result.canSign).toBe(false);
    expect(result.problems).toEqual([{ path, message }]);
  });

  it('ignores a LEFS that was never started', () => {
    const result = check((i) => (i.measures!.lefs = emptyLefs()));
    expect(result.canSign).toBe(true);
  });
});

describe('warnings at signing', () => {
  it('suggests the VISA-A for an Achilles episode without it', () => {
    const result = check((i) => delete i.measures!.visaA, readyAchillesIntake());
    expect(result.canSign).toBe(true);
    expect(result.warnings).toEqual([
      { path: 'measures.visaA', message: 'Achilles tendinopathy: record the VISA-A to follow progress.' },
      {
        path: 'measures',
        message: 'No outcome measure recorded: a LEFS or PSFS now gives a baseline to compare with later.',
      },
    ]);
  });

  it('notes a VISA-A recorded for another diagnosis', () => {
    const result = check((i) => (i.measures!.visaA = readyAchillesIntake().measures!.visaA));
    expect(result.warnings).toEqual([
      {
        path: 'measures.visaA',
        message:
          'The VISA-A is made for Achilles tendinopathy; this episode is ACL reconstruction: Hamstring autograft.',
      },
    ]);
  });

  it('asks for the other side of a one-sided test', () => {
    const result = check((i) => (i.physicalTests!.singleHopCm = { left: 120 }));
    expect(result.canSign).toBe(true);
    expect(result.warnings).toEqual([
      {
        path: 'physicalTests.singleHopCm.right',
        message: 'Single-leg hop is recorded on the left side only: record the right side to compute the LSI.',
      },
    ]);
  });

  it('flags a goal event date already past', () => {
    const result = check((i) => (i.runningHistory!.goal!.eventDate = '2026-10-01'));
    expect(result.warnings).toEqual([
      { path: 'runningHistory.goal.eventDate', message: 'Goal event date 2026-10-01 is already past: check it.' },
    ]);
  });
});
