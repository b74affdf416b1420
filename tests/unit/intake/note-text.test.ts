import { describe, expect, it } from 'vitest';
import { composeIntakeNote, positiveRedFlags, subjectiveLines } from '../../../shared/clinical/intake/note-text';
import { DEFAULT_READINESS_THRESHOLDS } from '../../../shared/clinical/intake/readiness';
import { objectiveText } from '../../../shared/clinical/intake/soap';
import { copy, readyAchillesIntake, readyKneeIntake, TODAY } from './fixtures';

const NO_TEXT = { subjective: '', objective: '', assessment: '', plan: '' };

describe('the intake note written from the data', () => {
  it('writes the subjective from the episode, running history and symptoms', () => {
    expect(subjectiveLines(readyKneeIntake())).toEqual([
      'Diagnosis: ACL reconstruction: Hamstring autograft (left, knee).',
      'Onset 2026-07-04, sudden (a specific moment).',
      'How it happened: Pivoted on a trail descent',
      'Surgery: ACL reconstruction, hamstring autograft on 2026-08-28.',
      'Referral: Orthopaedic surgeon.',
      'Running history: 6 years running; 40 km a week before the injury; longest recent run 21.1 km; usually on trail.',
      'Goal: Trail half marathon, 2027-05-16.',
      'Pain (0-10): at rest 0, walking 0, hopping 1.',
      'Eases: Ice, rest',
      'Aggravates: Stairs down',
      'Red-flag screen negative (20 questions).',
    ]);
  });

  it('shows distances in the unit they were typed in', () => {
    const lines = subjectiveLines(readyAchillesIntake());
    expect(lines).toContain('Running history: 12 years running; 40 mi a week before the injury.');
    expect(lines).toContain('No surgery for this injury.');
  });

  it('puts positive red flags first, in capitals, by grade, and never lists them as negative', () => {
    const intake = copy(readyKneeIntake());
    intake.symptoms!.redFlags!.night_pain = 'yes';
    intake.symptoms!.redFlags!.fever = 'yes';
    intake.symptoms!.redFlags!.limp_or_changed_stride = 'yes';
    expect(positiveRedFlags(intake)).toEqual([
      'Pain that wakes the patient at night',
      'A limp or a changed stride',
      'Fever of 38 °C / 101 °F or more after surgery',
    ]);
    const lines = subjectiveLines(intake);
    expect(lines.slice(0, 3)).toEqual([
      'URGENT SIGNS: fever of 38 °C / 101 °F or more after surgery. Stop: urgent medical care now, no running.',
      'RED FLAG, REFER: pain that wakes the patient at night. Refer to a doctor before running.',
      'RED FLAG POSITIVE: a limp or a changed stride. No reason to go on recorded: assess further or refer before running.',
    ]);
    expect(lines.some((l) => l.startsWith('Red-flag screen'))).toBe(false);
  });

  it('writes the clinician’s reason to go on beside a note-grade red flag', () => {
    const intake = copy(readyKneeIntake());
    intake.symptoms!.redFlags!.limp_or_changed_stride = 'yes';
    intake.symptoms!.redFlagReasons = { limp_or_changed_stride: 'Brace still on; gait otherwise normal.' };
    expect(subjectiveLines(intake)[0]).toBe(
      'RED FLAG POSITIVE, clinician goes on: a limp or a changed stride. Reason: Brace still on; gait otherwise normal.',
    );
  });

  it('says when the red-flag screen is incomplete', () => {
    const intake = copy(readyAchillesIntake());
    delete intake.symptoms!.redFlags!.night_pain;
    expect(subjectiveLines(intake)).toContain('Red-flag screen incomplete: 17 of 18 questions answered no.');
  });

  it('follows each section with the clinician’s words, and the plan with the starting point', () => {
    const note = composeIntakeNote({
      draft: readyKneeIntake(),
      typed: {
        subjective: ' Wants to race. ',
        objective: 'Full extension.',
        assessment: 'Ready.',
        plan: 'Review in 2 weeks.',
      },
      thresholds: DEFAULT_READINESS_THRESHOLDS,
      today: TODAY,
      previousLefs: { total: 40, date: '2026-03-01' },
      start: { recommendation: 'running_level_1', choice: { stage: 'running', level: 1 }, reason: '' },
    });
    expect(note.subjective.endsWith('Red-flag screen negative (20 questions).\n\nWants to race.')).toBe(true);
    expect(note.objective).toBe(
      `${objectiveText(readyKneeIntake(), { previousLefs: { total: 40, date: '2026-03-01' }, today: TODAY })}\n\nFull extension.`,
    );
    expect(note.objective).toContain(
      'LEFS: 66/80 (since 2026-03-01: 40 -> 66, +26, more than the 9-point minimal important change)',
    );
    expect(note.assessment).toBe('Ready.');
    expect(note.plan).toBe(
      'Starting point: running level 1, as the readiness checklist recommends.\n\nReview in 2 weeks.',
    );
  });

  it('writes the VISA-A with its published reference and its change since an earlier score', () => {
    const note = composeIntakeNote({
      draft: readyAchillesIntake(),
      typed: NO_TEXT,
      thresholds: DEFAULT_READINESS_THRESHOLDS,
      previousScores: { visaA: { total: 50, date: '2026-03-01' } },
    });
    expect(note.objective).toContain(
      'VISA-A: 55/100 (0-100, 100 = no symptoms; healthy adults average about 96 (Robinson 2001)) ' +
        '(since 2026-03-01: 50 -> 55, +5, less than the 6.5-point minimal important change)',
    );
    expect(note.objective).not.toMatch(/healthy range|above 96/);
  });

  it('leaves the plan to the clinician before a starting point is chosen', () => {
    const note = composeIntakeNote({ draft: {}, typed: NO_TEXT, thresholds: DEFAULT_READINESS_THRESHOLDS });
    expect(note.subjective).toBe('');
    expect(note.plan).toBe('');
    expect(note.objective).toContain('Readiness to run: walking stage');
  });
});
