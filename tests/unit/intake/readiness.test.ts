import { describe, expect, it } from 'vitest';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import {
  COMMON_CRITERION_IDS,
  DEFAULT_READINESS_THRESHOLDS,
  evaluateReadiness,
  READINESS_THRESHOLD_SOURCES,
  ReadinessThresholds,
  type CriterionId,
  type CriterionStatus,
  type ReadinessResult,
} from '../../../shared/clinical/intake/readiness';
import { checkWith } from '../../../shared/clinical/intake/fields';
import { copy, readyAchillesIntake, readyKneeIntake, TODAY } from './fixtures';

type Change = (intake: IntakeDraft) => void;

function evaluateWith(change: Change, base = readyKneeIntake()): ReadinessResult {
  const intake = copy(base);
  change(intake);
  return evaluateReadiness(intake, undefined, TODAY);
}

function statusOf(result: ReadinessResult, id: CriterionId): CriterionStatus | undefined {
  return result.criteria.find((c) => c.id === id)?.status;
}

describe('readiness: all criteria met', () => {
  it.each([
    ['a knee episode after surgery', readyKneeIntake()],
    ['an Achilles episode without surgery', readyAchillesIntake()],
  ])('recommends running level 1 for %s', (_name, intake) => {
    const result = evaluateReadiness(intake, undefined, TODAY);
    expect(result.recommendation).toBe('running_level_1');
    expect(result.headline).toBe('Ready to start running at level 1 of the programme.');
    expect(result.reasons).toEqual([]);
    expect(result.unmet).toEqual([]);
    expect(result.untested).toEqual([]);
  });

  it('gives every criterion a label and a reason from the data', () => {
    const result = evaluateReadiness(readyKneeIntake(), undefined, TODAY);
    expect(result.criteria.map((c) => [c.id, c.label, c.status, c.reason])).toEqual([
      ['red_flags', 'No red flag holding running', 'met', 'Red-flag screen negative (20 questions).'],
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
      [
        'acl_weeks_since_surgery',
        'At least 12 weeks since surgery',
        'met',
        '13 weeks since surgery (2026-08-28) meets 12 weeks.',
      ],
      [
        'knee_range_of_motion',
        'Knee range of motion at least 95% of the other side',
        'met',
        'Knee range of motion LSI 96.3% (flexion minus extension deficit) meets 95%.',
      ],
      [
        'quadriceps_lsi',
        'Quadriceps strength LSI at least 70%',
        'met',
        'Quadriceps strength LSI 78.9% (hand-held dynamometer) meets 70%.',
      ],
      [
        'hamstring_strength_lsi',
        'Hamstring strength LSI at least 70%',
        'met',
        'Hamstring strength LSI 90% (hand-held dynamometer) meets 70%.',
      ],
      [
        'knee_surgery_hop_lsi',
        'Hop LSI at least 70% (after knee surgery)',
        'met',
        'Single-leg hop LSI 85.7% meets 70%. Triple hop LSI 88.9% meets 70%.',
      ],
    ]);
    expect(result.advice).toEqual([]);
    expect(result.guidance).toEqual([]);
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
      'a triple hop LSI of 70%',
      (i) => (i.physicalTests!.tripleHopCm = { left: 315, right: 450 }),
      'hop_lsi',
      'Triple hop LSI 70% is below 75%.',
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
      'Red-flag screen incomplete: 2 of 20 questions asked.',
    ],
    [
      'the post-surgery red flags after surgery',
      (i) => delete i.symptoms!.redFlags!.fever,
      'red_flags',
      'Red-flag screen incomplete: not asked: fever of 38 °C / 101 °F or more after surgery.',
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

  it('puts an empty intake in the walking stage with every common criterion not tested', () => {
    const result = evaluateReadiness({});
    expect(result.recommendation).toBe('walking_stage');
    expect(result.untested).toEqual(COMMON_CRITERION_IDS);
    expect(result.criteria.find((c) => c.id === 'heel_raise_lsi')?.reason).toBe(
      'Heel-raise LSI needs the injured side: choose it in the episode.',
    );
  });
});

/** The same knee without surgery, so the common hop criterion is the only hop check. */
function kneeWithoutSurgery(): IntakeDraft {
  const intake = readyKneeIntake();
  intake.episode = { ...intake.episode!, diagnosis: 'patellofemoral_pain', surgery: { performed: 'no' } };
  delete intake.episode.diagnosisDetail;
  return intake;
}

describe('readiness: the common hop criterion (a knee without surgery)', () => {
  const notMetCases: [string, Change, string][] = [
    [
      'a single-leg hop LSI of 64%',
      (i) => (i.physicalTests!.singleHopCm = { left: 96, right: 150 }),
      'Single-leg hop LSI 64% is below 75%.',
    ],
    [
      'both hop LSIs low',
      (i) => {
        i.physicalTests!.singleHopCm = { left: 96, right: 150 };
        i.physicalTests!.tripleHopCm = { left: 315, right: 450 };
      },
      'Single-leg hop LSI 64% and triple hop LSI 70% are below 75%.',
    ],
  ];
  it.each(notMetCases)('not met: %s', (_name, change, reason) => {
    const result = evaluateWith(change, kneeWithoutSurgery());
    expect(result.recommendation).toBe('walking_stage');
    expect(result.unmet).toEqual(['hop_lsi']);
    expect(result.reasons).toEqual([reason]);
  });

  const untestedCases: [string, Change, string][] = [
    [
      'both hop tests',
      (i) => {
        delete i.physicalTests!.singleHopCm;
        delete i.physicalTests!.tripleHopCm;
      },
      'Hop tests not recorded.',
    ],
    [
      'the involved side of the single hop, triple hop absent',
      (i) => {
        i.physicalTests!.singleHopCm = { right: 140 };
        delete i.physicalTests!.tripleHopCm;
      },
      'Single-leg hop not recorded on the left (involved) side.',
    ],
  ];
  it.each(untestedCases)('not tested: %s', (_name, change, reason) => {
    const result = evaluateWith(change, kneeWithoutSurgery());
    expect(result.recommendation).toBe('walking_stage');
    expect(result.untested).toEqual(['hop_lsi']);
    expect(result.reasons).toEqual([reason]);
  });

  it('after knee surgery a hop below both thresholds fails the common criterion and the knee-surgery gate', () => {
    const result = evaluateWith((i) => (i.physicalTests!.singleHopCm = { left: 96, right: 150 }));
    expect(result.unmet).toEqual(['hop_lsi', 'knee_surgery_hop_lsi']);
    expect(result.reasons[1]).toBe('Single-leg hop LSI 64% is below 70%.');
  });
});

describe('readiness: a positive red flag, by its grade', () => {
  it('refer: not ready, "refer to a doctor before running", whatever else is met', () => {
    const result = evaluateWith((i) => (i.symptoms!.redFlags!.pinpoint_bone_pain = 'yes'));
    expect(result.recommendation).toBe('not_ready_refer');
    expect(result.redFlagHold).toBe('refer');
    expect(result.headline).toBe('Not ready to run: refer to a doctor before running.');
    expect(result.unmet).toEqual(['red_flags']);
    expect(result.reasons).toEqual([
      'Refer to a doctor before running: pinpoint bone pain (possible bone stress injury).',
    ]);
    expect(result.advice).toEqual([
      'Refer to a doctor before running: pinpoint bone pain (possible bone stress injury).',
    ]);
  });

  it('emergency: says so plainly, above any referral, and still lists the other gaps', () => {
    const result = evaluateWith((i) => {
      i.symptoms!.redFlags!.calf_pain_redness_warmth = 'yes';
      i.symptoms!.redFlags!.fever = 'yes';
      i.symptoms!.redFlags!.night_pain = 'yes';
      i.symptoms!.painHopping = 5;
    });
    expect(result.recommendation).toBe('not_ready_refer');
    expect(result.redFlagHold).toBe('emergency');
    expect(result.headline).toBe(
      'Not ready to run: urgent signs. Stop, and send the patient for urgent medical care now.',
    );
    expect(result.reasons).toEqual([
      'Urgent sign: calf swollen, warm, red or painful (possible deep vein thrombosis) and fever of 38 °C / 101 °F or more after surgery. Stop: urgent medical care now.',
      'Hopping pain 5/10 is not below 2/10.',
    ]);
    expect(result.advice[0]).toMatch(/^Urgent medical care now/);
    expect(result.advice[1]).toBe('Refer to a doctor before running: pain that wakes the patient at night.');
  });

  it('note: holds the intake until the clinician types a reason to go on, then lets the checklist decide', () => {
    const held = evaluateWith((i) => (i.symptoms!.redFlags!.limp_or_changed_stride = 'yes'));
    expect(held.recommendation).toBe('not_ready_refer');
    expect(held.redFlagHold).toBe('reason_needed');
    expect(held.headline).toMatch(/Type your reason to go on/);
    const reasoned = evaluateWith((i) => {
      i.symptoms!.redFlags!.limp_or_changed_stride = 'yes';
      i.symptoms!.redFlagReasons = { limp_or_changed_stride: 'Antalgic gait from the knee brace only.' };
    });
    expect(reasoned.recommendation).toBe('running_level_1');
    expect(reasoned.redFlagHold).toBeUndefined();
    expect(reasoned.criteria[0]).toMatchObject({
      status: 'met',
      reason:
        'No red flag holds running. Noted, going on: a limp or a changed stride (reason: Antalgic gait from the knee brace only.).',
    });
  });

  it('a reason typed for a refer or emergency item does not release it', () => {
    const result = evaluateWith((i) => {
      i.symptoms!.redFlags!.night_pain = 'yes';
      i.symptoms!.redFlagReasons = { night_pain: 'Sleeps badly anyway.' };
    });
    expect(result.redFlagHold).toBe('refer');
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
      aclWeeksAfterSurgery: 12,
      kneeRomPercentAtLeast: 95,
      kneeStrengthLsiAtLeast: 70,
      kneeSurgeryHopLsiAtLeast: 70,
      boneStressWalkPhaseWeeks: 2,
      postnatalWeeksAtLeast: 12,
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
    const knee = evaluateReadiness(readyKneeIntake(), strict, TODAY);
    expect(knee.reasons).toEqual([
      'Single-leg hop LSI 85.7% and triple hop LSI 88.9% are below 90%.',
      'Knee swelling trace (left) is more than zero.',
    ]);
    expect(knee.thresholds).toEqual(strict);
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

// Speed is measured by `npm run bench -- --only readiness` (tests/bench/suites/readiness.ts), not here:
// a timed unit test fails on a loaded machine without anything being wrong.
