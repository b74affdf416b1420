import { describe, expect, it } from 'vitest';
import {
  applicableRedFlags,
  RED_FLAGS,
  type RedFlag,
  screenRedFlags,
  stopAndCallItems,
} from '../../../shared/clinical/intake/red-flags';
import { checkWith } from '../../../shared/clinical/intake/fields';
import { Symptoms, SymptomsDraft } from '../../../shared/clinical/intake/symptoms';
import { readingStats } from '../../../shared/text/readability';
import { allRedFlagsNo } from './fixtures';

describe('red-flag list', () => {
  it('has unique ids', () => {
    expect(new Set(RED_FLAGS.map((f) => f.id)).size).toBe(RED_FLAGS.length);
  });

  it('covers docs/clinical-sources.md#stop-and-call and #urgent-signs: 18 items for everyone, 2 more after surgery, 1 for bone stress', () => {
    expect(applicableRedFlags(false, false)).toHaveLength(18);
    expect(RED_FLAGS.filter((f) => f.afterSurgeryOnly).map((f) => f.id)).toEqual([
      'fever',
      'wound_redness_or_discharge',
    ]);
    expect(RED_FLAGS.filter((f: RedFlag) => f.boneStressOnly === true).map((f) => f.id)).toEqual([
      'bone_stress_groin_pain',
    ]);
  });

  it('keeps every id stored before the grades (never renamed)', () => {
    const ids = RED_FLAGS.map((f) => f.id);
    for (const id of [
      'running_pain_above_3',
      'sharp_or_building_pain',
      'pain_not_settling',
      'night_pain',
      'same_spot_every_run',
      'limp_or_changed_stride',
      'pinpoint_bone_pain',
      'rest_or_walking_pain',
      'swelling_or_symptoms_over_24h',
      'knee_gives_way_or_locks',
      'calf_pain_redness_warmth',
      'chest_pain_or_breathlessness',
      'fever',
      'wound_redness_or_discharge',
      'new_numbness',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('grades each item: urgent signs are emergencies, runner-specific signs a referral, the rest clinician judgement', () => {
    const byGrade = (grade: string) => RED_FLAGS.filter((f) => f.grade === grade).map((f) => f.id);
    expect(byGrade('emergency')).toEqual([
      'calf_pain_redness_warmth',
      'chest_pain_or_breathlessness',
      'fever',
      'wound_redness_or_discharge',
      'new_numbness',
      'new_weakness',
      'fainting',
      'sudden_severe_pain_or_pop',
      'fever_hot_swollen_joint',
    ]);
    expect(byGrade('refer')).toEqual([
      'night_pain',
      'pinpoint_bone_pain',
      'knee_gives_way_or_locks',
      'rest_pain',
      'bone_stress_groin_pain',
    ]);
    // The handout sends exactly the emergency grade to "Get help now".
    for (const f of RED_FLAGS) expect(f.action === 'emergency').toBe(f.grade === 'emergency');
  });

  it.each(RED_FLAGS.map((f) => [f.id, f.patient] as const))(
    'words "%s" for patients at grade 6 or lower, speaking to "you"',
    (_id, text) => {
      const stats = readingStats(text);
      expect(stats.grade).toBeLessThanOrEqual(6);
      expect(stats.longestSentence).toBeLessThan(15);
      expect(text).toMatch(/\byour?\b/i);
      expect(text).not.toMatch(/[A-Z]{3,}/); // no all caps
    },
  );

  it('reads at grade 6 or lower as the whole handout section', () => {
    expect(readingStats(RED_FLAGS.map((f) => f.patient).join('\n')).grade).toBeLessThanOrEqual(6);
  });

  it('asks the post-surgery items only after surgery, and when surgery is unknown; the bone stress item unless ruled out', () => {
    expect(applicableRedFlags(false, false)).toHaveLength(18);
    expect(applicableRedFlags(true, false)).toHaveLength(20);
    expect(applicableRedFlags(undefined, false)).toHaveLength(20);
    expect(applicableRedFlags(false, true)).toHaveLength(19);
    expect(applicableRedFlags(false)).toHaveLength(19);
  });

  it('prints "Stop and get urgent help" for every patient, not only after surgery (docs/clinical-sources.md#urgent-signs)', () => {
    const everyone = stopAndCallItems(false);
    expect(everyone.emergency).toEqual([
      'Your calf is swollen, warm, red or sore. It could be a clot.',
      'Your chest hurts, or it is hard to breathe. Call an ambulance now.',
      'Your leg or foot feels numb or weak, and this is new.',
      'You faint, or you feel you are about to pass out.',
      'You feel a sudden bad pain or a pop. Then you cannot use your leg.',
      'You have a fever, and a joint is hot and swollen.',
    ]);
    expect(everyone.callUs).toEqual(RED_FLAGS.slice(0, 10).map((f) => f.patient));
    const afterSurgery = stopAndCallItems(true);
    expect(afterSurgery.emergency).toEqual(
      expect.arrayContaining([
        'You have a fever. It is 38 °C (101 °F) or more.',
        'Your wound is red, or fluid comes out of it.',
      ]),
    );
    expect(afterSurgery.emergency).toHaveLength(8);
    expect(afterSurgery.callUs).toEqual(everyone.callUs);
    expect(stopAndCallItems(false, { boneStress: true }).callUs).toContain(
      'Your groin or hip hurts when you stand, walk or hop.',
    );
  });

  it('never tells a patient who is not running "when you run": walking and exercise-only patients read their own activity', () => {
    for (const activity of ['walking', 'exercising'] as const) {
      const { callUs, emergency } = stopAndCallItems(false, { activity });
      for (const line of [...callUs, ...emergency]) expect(line).not.toMatch(/\brun\b/);
      expect(callUs).toHaveLength(stopAndCallItems(false).callUs.length);
    }
    expect(stopAndCallItems(false, { activity: 'exercising' }).callUs).toContain(
      'Your pain is more than 3 out of 10 when you do your exercises.',
    );
    expect(stopAndCallItems(false, { activity: 'walking' }).callUs).toContain(
      'It hurts in the same spot each time you walk.',
    );
    expect(stopAndCallItems(false, { activity: 'running' }).callUs).toEqual(stopAndCallItems(false).callUs);
  });

  it('reads at grade 6 or lower as the printed urgent list', () => {
    expect(readingStats(stopAndCallItems(true).emergency.join('\n')).grade).toBeLessThanOrEqual(6);
  });
});

describe('red-flag screen', () => {
  it('is clear when every applicable item is answered no', () => {
    const screen = screenRedFlags(allRedFlagsNo(), true);
    expect(screen).toMatchObject({ clear: true, positive: [], notAsked: [] });
    expect(screen.negative).toHaveLength(21);
  });

  it('lists items not asked, counting "not asked" and absent alike', () => {
    const answers = { ...allRedFlagsNo(), night_pain: 'not_asked' as const };
    delete answers.fever;
    const screen = screenRedFlags(answers, true);
    expect(screen.clear).toBe(false);
    expect(screen.notAsked.map((f) => f.id)).toEqual(['night_pain', 'fever']);
  });

  it('never ignores a yes, even to a post-surgery item without surgery', () => {
    const screen = screenRedFlags({ ...allRedFlagsNo(), wound_redness_or_discharge: 'yes' }, false);
    expect(screen.positive.map((f) => f.id)).toEqual(['wound_redness_or_discharge']);
    expect(screen.clear).toBe(false);
  });

  it('sorts positive answers by grade, and keeps a note item without a reason apart', () => {
    const screen = screenRedFlags(
      {
        ...allRedFlagsNo(),
        fainting: 'yes',
        night_pain: 'yes',
        limp_or_changed_stride: 'yes',
        pain_not_settling: 'yes',
      },
      false,
      { reasons: { limp_or_changed_stride: 'Brace.', pain_not_settling: '  ' } },
    );
    expect(screen.emergency.map((f) => f.id)).toEqual(['fainting']);
    expect(screen.refer.map((f) => f.id)).toEqual(['night_pain']);
    expect(screen.noted.map((n) => [n.flag.id, n.reason])).toEqual([['limp_or_changed_stride', 'Brace.']]);
    expect(screen.needReason.map((f) => f.id)).toEqual(['pain_not_settling']);
  });
});

describe('symptoms schemas', () => {
  it.each([
    ['pain at rest of 11', { painAtRest: 11 }, 'painAtRest', 'Pain at rest must be a whole number from 0 to 10.'],
    [
      'walking pain of -1',
      { painWalking: -1 },
      'painWalking',
      'Pain when walking must be a whole number from 0 to 10.',
    ],
    [
      'hopping pain of 2.5',
      { painHopping: 2.5 },
      'painHopping',
      'Pain when hopping must be a whole number from 0 to 10.',
    ],
    [
      'a red-flag answer that is not yes, no or not asked',
      { redFlags: { night_pain: 'maybe' } },
      'redFlags.night_pain',
      'Answer each red-flag question with yes, no or not asked.',
    ],
  ])('refuses %s', (_name, input, path, message) => {
    expect(checkWith(SymptomsDraft, input)).toEqual({ ok: false, problems: [{ path, message }] });
  });

  it('refuses a red flag that is not on the list', () => {
    const checked = checkWith(SymptomsDraft, { redFlags: { headache: 'yes' } });
    expect(checked.ok).toBe(false);
  });

  it('needs pain at rest and when walking to sign', () => {
    expect(checkWith(Symptoms, { painHopping: 2 })).toEqual({
      ok: false,
      problems: [
        { path: 'painAtRest', message: 'Pain at rest is missing: enter a whole number from 0 to 10.' },
        { path: 'painWalking', message: 'Pain when walking is missing: enter a whole number from 0 to 10.' },
      ],
    });
  });
});
