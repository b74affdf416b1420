import { describe, expect, it } from 'vitest';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import {
  CRITERION_IDS,
  DEFAULT_READINESS_THRESHOLDS,
  evaluateReadiness,
  READINESS_THRESHOLD_SOURCES,
  ReadinessThresholds,
  type CriterionId,
  type CriterionStatus,
  type ReadinessResult,
} from '../../../shared/clinical/intake/readiness';
import { checkWith } from '../../../shared/clinical/intake/fields';
import { copy, readyAchillesIntake, readyKneeIntake } from './fixtures';

type Change = (intake: IntakeDraft) => void;

function evaluateWith(change: Change, base = readyKneeIntake()): ReadinessResult {
  const intake = copy(base);
  change(intake);
  return evaluateReadiness(intake);
}

function statusOf(result: ReadinessResult, id: CriterionId): CriterionStatus | undefined {
  return result.criteria.find((c) => c.id === id)?.status;
}

describe('readiness: all criteria met', () => {
  it.each([
    ['a knee episode after surgery', readyKneeIntake()],
    ['an Achilles episode without surgery', readyAchillesIntake()],
  ])('recommends running level 1 for %s', (_name, intake) => {
    const result = evaluateReadiness(intake);
    expect(result.recommendation).toBe('running_level_1');
    expect(result.headline).toBe('Ready to start running at level 1 of the programme.');
    expect(result.reasons).toEqual([]);
    expect(result.unmet).toEqual([]);
    expect(result.untested).toEqual([]);
  });

  it('gives every criterion a label and a reason from the data', () => {
    const result = evaluateReadiness(readyKneeIntake());
    expect(result.criteria.map((c) => [c.id, c.label, c.status, c.reason])).toEqual([
      ['red_flags', 'No positive red flag', 'met', 'Red-flag screen negative (15 questions).'],
      ['walking_pain', 'Walking pain below 2/10', 'met', 'Walking pain 0/10 is below 2/10.'],
      ['brisk_walk', 'Pain-free brisk walk of 30 min', 'met', 'Brisk walk 30 min, pain-free.'],
      ['hopping_pain', 'Hopping pain below 2/10', 'met', 'Hopping pain 1/10 is below 2/10.'],
      ['heel_raise_lsi', 'Heel-raise LSI at least 75%', 'met', 'Heel-raise LSI 88% meets 75%.'],
      ['hop_lsi', 'Hop LSI at least 75%', 'met', 'Single-leg hop LSI 85.7% and triple hop LSI 88.9% meet 75%.'],
      [
        'knee_swelling',
        'Knee swelling trace or less (knee episodes)',
        'met',
        'Knee swelling trace (left) is trace or less.',
      ],
    ]);
  });
});

describe('readiness: one criterion not met -> walking stage, naming it', () => {
  const cases: [string, Change, CriterionId, string][] = [
    ['walking pain 2/10', (i) => (i.symptoms!.painWalking = 2), 'walking_pain', 'Walking pain 2/10 is not below 2/10.'],
    [
      'a brisk walk of 20 min',
      (i) => (i.physicalTests!.briskWalk = { minutes: 20, painFree: true }),
      'brisk_walk',
      'Brisk walk 20 min is shorter than 30 min.',
    ],
    [
      'a painful brisk walk',
      (i) => (i.physicalTests!.briskWalk = { minutes: 30, painFree: false }),
      'brisk_walk',
      'Brisk walk 30 min was painful.',
    ],
    [
      'a short and painful brisk walk',
      (i) => (i.physicalTests!.briskWalk = { minutes: 10, painFree: false }),
      'brisk_walk',
      'Brisk walk 10 min is shorter than 30 min, and was painful.',
    ],
    ['hopping pain 3/10', (i) => (i.symptoms!.painHopping = 3), 'hopping_pain', 'Hopping pain 3/10 is not below 2/10.'],
    [
      'a heel-raise LSI of 64%',
      (i) => (i.physicalTests!.heelRaises = { left: 16, right: 25 }),
      'heel_raise_lsi',
      'Heel-raise LSI 64% is below 75%.',
    ],
    [
      'a single-leg hop LSI of 64%',
      (i) => (i.physicalTests!.singleHopCm = { left: 96, right: 150 }),
      'hop_lsi',
      'Single-leg hop LSI 64% is below 75%.',
    ],
    [
      'a triple hop LSI of 70%',
      (i) => (i.physicalTests!.tripleHopCm = { left: 315, right: 450 }),
      'hop_lsi',
      'Triple hop LSI 70% is below 75%.',
    ],
    [
      'both hop LSIs low',
      (i) => {
        i.physicalTests!.singleHopCm = { left: 96, right: 150 };
        i.physicalTests!.tripleHopCm = { left: 315, right: 450 };
      },
      'hop_lsi',
      'Single-leg hop LSI 64% and triple hop LSI 70% are below 75%.',
    ],
    [
      'a 1+ knee effusion',
      (i) => (i.physicalTests!.kneeSwelling = { left: 'one_plus' }),
      'knee_swelling',
      'Knee swelling 1+ (left) is more than trace.',
    ],
  ];

  it.each(cases)('%s', (_name, change, id, reason) => {
    const result = evaluateWith(change);
    expect(result.recommendation).toBe('walking_stage');
    expect(result.headline).toBe('Walking stage: comfortable, then brisk walking, before any running.');
    expect(result.unmet).toEqual([id]);
    expect(result.untested).toEqual([]);
    expect(result.reasons).toEqual([reason]);
    expect(statusOf(result, id)).toBe('not_met');
  });
});

describe('readiness: data absent -> not tested, which never counts as met', () => {
  const cases: [string, Change, CriterionId, string][] = [
    ['walking pain', (i) => delete i.symptoms!.painWalking, 'walking_pain', 'Walking pain not recorded.'],
    ['the brisk walk', (i) => delete i.physicalTests!.briskWalk, 'brisk_walk', 'Brisk walk not tested.'],
    [
      'whether the brisk walk was pain-free',
      (i) => (i.physicalTests!.briskWalk = { minutes: 30 }),
      'brisk_walk',
      'Brisk walk 30 min: whether it was pain-free is not recorded.',
    ],
    [
      'the brisk walk time',
      (i) => (i.physicalTests!.briskWalk = { painFree: true }),
      'brisk_walk',
      'Brisk walk pain-free, but its duration is not recorded.',
    ],
    ['hopping pain', (i) => delete i.symptoms!.painHopping, 'hopping_pain', 'Hopping pain not recorded.'],
    ['heel raises', (i) => delete i.physicalTests!.heelRaises, 'heel_raise_lsi', 'Heel raises not recorded.'],
    [
      'heel raises on the uninvolved side',
      (i) => (i.physicalTests!.heelRaises = { left: 22 }),
      'heel_raise_lsi',
      'Heel raises not recorded on the right (uninvolved) side.',
    ],
    [
      'heel raises with the uninvolved side at 0',
      (i) => (i.physicalTests!.heelRaises = { left: 5, right: 0 }),
      'heel_raise_lsi',
      'Heel raises: the uninvolved side scored 0, so the LSI cannot be computed.',
    ],
    [
      'both hop tests',
      (i) => {
        delete i.physicalTests!.singleHopCm;
        delete i.physicalTests!.tripleHopCm;
      },
      'hop_lsi',
      'Hop tests not recorded.',
    ],
    [
      'the involved side of the single hop, triple hop absent',
      (i) => {
        i.physicalTests!.singleHopCm = { right: 140 };
        delete i.physicalTests!.tripleHopCm;
      },
      'hop_lsi',
      'Single-leg hop not recorded on the left (involved) side.',
    ],
    [
      'knee swelling',
      (i) => delete i.physicalTests!.kneeSwelling,
      'knee_swelling',
      'Knee swelling (sweep test) not recorded.',
    ],
    [
      'knee swelling on the involved side',
      (i) => (i.physicalTests!.kneeSwelling = { right: 'zero' }),
      'knee_swelling',
      'Knee swelling (sweep test) not recorded on the left side.',
    ],
    [
      'one red-flag answer',
      (i) => (i.symptoms!.redFlags!.night_pain = 'not_asked'),
      'red_flags',
      'Red-flag screen incomplete: not asked: pain that wakes the patient at night.',
    ],
    [
      'most of the red-flag screen',
      (i) => (i.symptoms!.redFlags = { night_pain: 'no', fever: 'no' }),
      'red_flags',
      'Red-flag screen incomplete: 2 of 15 questions asked.',
    ],
    [
      'the post-surgery red flags after surgery',
      (i) => delete i.symptoms!.redFlags!.fever,
      'red_flags',
      'Red-flag screen incomplete: not asked: fever of 38 °C / 101 °F or more.',
    ],
  ];

  it.each(cases)('%s', (_name, change, id, reason) => {
    const result = evaluateWith(change);
    expect(result.recommendation).toBe('walking_stage');
    expect(result.untested).toEqual([id]);
    expect(result.unmet).toEqual([]);
    expect(result.reasons).toEqual([reason]);
  });

  it('lists not met before not tested, each in checklist order', () => {
    const result = evaluateWith((i) => {
      delete i.physicalTests!.kneeSwelling;
      i.physicalTests!.heelRaises = { left: 10, right: 25 };
      delete i.physicalTests!.briskWalk;
      i.symptoms!.painWalking = 4;
    });
    expect(result.unmet).toEqual(['walking_pain', 'heel_raise_lsi']);
    expect(result.untested).toEqual(['brisk_walk', 'knee_swelling']);
    expect(result.reasons).toEqual([
      'Walking pain 4/10 is not below 2/10.',
      'Heel-raise LSI 40% is below 75%.',
      'Brisk walk not tested.',
      'Knee swelling (sweep test) not recorded.',
    ]);
  });

  it('puts an empty intake in the walking stage with every criterion not tested', () => {
    const result = evaluateReadiness({});
    expect(result.recommendation).toBe('walking_stage');
    expect(result.untested).toEqual(CRITERION_IDS);
    expect(result.criteria.find((c) => c.id === 'heel_raise_lsi')?.reason).toBe(
      'Heel-raise LSI needs the injured side: choose it in the episode.',
    );
  });
});

describe('readiness: a positive red flag -> not ready, refer or assess', () => {
  it('overrides every other criterion', () => {
    const result = evaluateWith((i) => (i.symptoms!.redFlags!.pinpoint_bone_pain = 'yes'));
    expect(result.recommendation).toBe('not_ready_refer');
    expect(result.headline).toBe('Not ready to run: a red flag is positive. Assess further or refer.');
    expect(result.unmet).toEqual(['red_flags']);
    expect(result.reasons).toEqual(['Positive red flag: pinpoint bone pain (possible bone stress injury).']);
  });

  it('names every positive flag, and still lists the other gaps', () => {
    const result = evaluateWith((i) => {
      i.symptoms!.redFlags!.calf_pain_redness_warmth = 'yes';
      i.symptoms!.redFlags!.fever = 'yes';
      i.symptoms!.painHopping = 5;
    });
    expect(result.recommendation).toBe('not_ready_refer');
    expect(result.reasons).toEqual([
      'Positive red flag: calf pain, redness or warmth (possible deep vein thrombosis) and fever of 38 °C / 101 °F or more.',
      'Hopping pain 5/10 is not below 2/10.',
    ]);
  });

  it('counts a yes to a post-surgery item when there was no surgery', () => {
    const result = evaluateWith(
      (i) => (i.symptoms!.redFlags!.chest_pain_or_breathlessness = 'yes'),
      readyAchillesIntake(),
    );
    expect(result.recommendation).toBe('not_ready_refer');
  });
});

describe('readiness: episode side and region', () => {
  it('does not ask post-surgery red flags when there was no surgery', () => {
    expect(statusOf(evaluateReadiness(readyAchillesIntake()), 'red_flags')).toBe('met');
  });

  it('asks post-surgery red flags while surgery is not answered', () => {
    const result = evaluateWith((i) => delete i.episode!.surgery, readyAchillesIntake());
    expect(statusOf(result, 'red_flags')).toBe('not_tested');
  });

  it('makes the LSI criteria not applicable when both sides are involved', () => {
    const result = evaluateWith((i) => (i.episode!.side = 'both'));
    expect(statusOf(result, 'heel_raise_lsi')).toBe('not_applicable');
    expect(statusOf(result, 'hop_lsi')).toBe('not_applicable');
    expect(result.criteria.find((c) => c.id === 'hop_lsi')?.reason).toBe(
      'Both sides are involved: no uninvolved side for a hop LSI.',
    );
    // Both knees then need a swelling grade.
    expect(result.untested).toEqual(['knee_swelling']);
    const graded = evaluateWith((i) => {
      i.episode!.side = 'both';
      i.physicalTests!.kneeSwelling = { left: 'trace', right: 'zero' };
    });
    expect(graded.recommendation).toBe('running_level_1');
  });

  it('makes knee swelling not applicable outside the knee', () => {
    const result = evaluateReadiness(readyAchillesIntake());
    expect(result.criteria.find((c) => c.id === 'knee_swelling')).toMatchObject({
      status: 'not_applicable',
      reason: 'Not a knee episode.',
    });
  });

  it('takes the worst knee when both are involved', () => {
    const result = evaluateWith((i) => {
      i.episode!.side = 'both';
      i.physicalTests!.kneeSwelling = { left: 'trace', right: 'two_plus' };
    });
    expect(result.reasons).toContain('Knee swelling 2+ (right) is more than trace.');
  });

  it('meets the hop criterion with the single-leg hop alone', () => {
    const result = evaluateWith((i) => delete i.physicalTests!.tripleHopCm);
    expect(result.recommendation).toBe('running_level_1');
    expect(result.criteria.find((c) => c.id === 'hop_lsi')?.reason).toBe('Single-leg hop LSI 85.7% meets 75%.');
  });

  it('says when a second hop test is only half recorded', () => {
    const result = evaluateWith((i) => (i.physicalTests!.tripleHopCm = { right: 450 }));
    expect(result.criteria.find((c) => c.id === 'hop_lsi')).toMatchObject({
      status: 'met',
      reason: 'Single-leg hop LSI 85.7% meets 75%. Triple hop not recorded on the left (involved) side.',
    });
  });
});

describe('readiness thresholds', () => {
  it('has defaults, each with its source', () => {
    expect(ReadinessThresholds.parse({})).toEqual({
      briskWalkMinutes: 30,
      walkingPainBelow: 2,
      hoppingPainBelow: 2,
      heelRaiseLsiAtLeast: 75,
      hopLsiAtLeast: 75,
      kneeSwellingAtMost: 'trace',
    });
    expect(Object.keys(READINESS_THRESHOLD_SOURCES).sort()).toEqual(Object.keys(DEFAULT_READINESS_THRESHOLDS).sort());
    for (const source of Object.values(READINESS_THRESHOLD_SOURCES)) expect(source).toMatch(/clinical\.md §\d/);
  });

  it.each([
    [75, 'met'],
    [74.9, 'not_met'],
  ] as const)('compares the LSI shown (one decimal) with the threshold: %s%% is %s', (lsiTimesTen, status) => {
    const result = evaluateWith((i) => (i.physicalTests!.heelRaises = { left: lsiTimesTen * 10, right: 1000 }));
    expect(statusOf(result, 'heel_raise_lsi')).toBe(status);
  });

  it('applies the clinic thresholds', () => {
    const strict = ReadinessThresholds.parse({ hopLsiAtLeast: 90, walkingPainBelow: 1, kneeSwellingAtMost: 'zero' });
    const result = evaluateReadiness(readyAchillesIntake(), strict);
    expect(result.recommendation).toBe('walking_stage');
    expect(result.reasons).toEqual(['Walking pain 1/10 is not below 1/10.']);
    const knee = evaluateReadiness(readyKneeIntake(), strict);
    expect(knee.reasons).toEqual([
      'Single-leg hop LSI 85.7% and triple hop LSI 88.9% are below 90%.',
      'Knee swelling trace (left) is more than zero.',
    ]);
    expect(knee.thresholds).toBe(strict);
    expect(knee.criteria.find((c) => c.id === 'hop_lsi')?.label).toBe('Hop LSI at least 90%');
  });

  it.each([
    [
      'a hop LSI threshold of 120%',
      { hopLsiAtLeast: 120 },
      'hopLsiAtLeast',
      'Hop LSI threshold must be a whole number from 50% to 100%.',
    ],
    [
      'a brisk walk of 5 minutes',
      { briskWalkMinutes: 5 },
      'briskWalkMinutes',
      'Brisk walk needed to start running must be a whole number from 10 to 90 minutes.',
    ],
    [
      'an unknown swelling grade',
      { kneeSwellingAtMost: 'some' },
      'kneeSwellingAtMost',
      'Knee swelling limit: choose zero, trace, 1+, 2+ or 3+.',
    ],
  ])('refuses %s', (_name, input, path, message) => {
    expect(checkWith(ReadinessThresholds, input)).toEqual({ ok: false, problems: [{ path, message }] });
  });
});

describe('readiness speed', () => {
  it('is fast enough to run on every keystroke', () => {
    const intake = readyKneeIntake();
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) evaluateReadiness(intake);
    // About 7 microseconds each on the development machine; the bound is loose so slow CI machines pass.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
