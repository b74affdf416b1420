import { describe, expect, it } from 'vitest';
import {
  POSTNATAL_LOAD_TESTS,
  POSTNATAL_STRENGTH_TESTS,
  RED_S_ITEMS,
} from '../../../shared/clinical/intake/diagnosis-checks';
import { HIGH_RISK_BONE_STRESS_SITES } from '../../../shared/clinical/intake/episode';
import { parseIntakeDraft, type IntakeDraft } from '../../../shared/clinical/intake/intake';
import {
  DEFAULT_READINESS_THRESHOLDS,
  evaluateReadiness,
  READINESS_THRESHOLD_SOURCES,
  ReadinessThresholds,
  type CriterionId,
  type ReadinessResult,
} from '../../../shared/clinical/intake/readiness';
import { DIAGNOSIS_GATES, GATE_IDS } from '../../../shared/clinical/intake/readiness-gates';
import { objectiveText } from '../../../shared/clinical/intake/soap';
import { copy, navicularSixWeeksIntake, readyAchillesIntake, readyKneeIntake, TODAY } from './fixtures';

function evaluate(intake: IntakeDraft, thresholds = DEFAULT_READINESS_THRESHOLDS): ReadinessResult {
  return evaluateReadiness(intake, thresholds, TODAY);
}

function gate(result: ReadinessResult, id: CriterionId) {
  return result.criteria.find((c) => c.id === id);
}

function changed(base: IntakeDraft, change: (i: IntakeDraft) => void): IntakeDraft {
  const intake = copy(base);
  change(intake);
  return intake;
}

describe('diagnosis gates as data', () => {
  it('has one entry per stored id, each with a label and a source; numeric gates name a clinic threshold', () => {
    expect(DIAGNOSIS_GATES.map((g) => g.id)).toEqual(GATE_IDS);
    for (const g of DIAGNOSIS_GATES) {
      expect(g.source).toMatch(/\d{4}|clinical\.md/);
      expect(g.label.includes('{n}')).toBe(g.threshold !== undefined);
      if (g.threshold !== undefined) {
        expect(DEFAULT_READINESS_THRESHOLDS[g.threshold]).toBeTypeOf('number');
        expect(READINESS_THRESHOLD_SOURCES[g.threshold]).toMatch(/clinical\.md §7/);
      }
    }
  });
});

describe('bone stress injury at a high-risk site (navicular, 6 weeks, no imaging clearance)', () => {
  it('is never told "ready to run", even with every other criterion met: walking stage, naming the healing gate', () => {
    const result = evaluate(navicularSixWeeksIntake());
    expect(result.recommendation).toBe('walking_stage');
    expect(result.headline).not.toMatch(/ready to start running/i);
    expect(result.unmet).toEqual(['bone_healing_cleared']);
    expect(result.reasons).toEqual([
      'No imaging or doctor’s clearance of healing yet (navicular, high-risk site): no running.',
    ]);
    expect(result.guidance).toEqual([
      'High-risk site (navicular): walking stage first, for at least 2 weeks pain-free; no running until healing ' +
        'is confirmed on imaging or by the treating doctor (Hoenig 2023).',
    ]);
  });

  it('with healing not recorded at all: not tested, still the walking stage', () => {
    const result = evaluate(
      changed(navicularSixWeeksIntake(), (i) => delete i.diagnosisChecks!.boneStress!.healingClearance),
    );
    expect(result.recommendation).toBe('walking_stage');
    expect(result.untested).toEqual(['bone_healing_cleared']);
  });

  it('needs the walk phase: 1 week done is not enough', () => {
    const result = evaluate(
      changed(navicularSixWeeksIntake(), (i) => {
        i.diagnosisChecks!.boneStress!.healingClearance = 'imaging';
        i.diagnosisChecks!.boneStress!.walkPhaseWeeks = 1;
      }),
    );
    expect(result.recommendation).toBe('walking_stage');
    expect(result.reasons).toEqual(['Pain-free walk phase of 1 week is shorter than 2 weeks.']);
  });

  it('runs at level 1 once healing is confirmed on imaging and the walk phase is done', () => {
    const result = evaluate(
      changed(navicularSixWeeksIntake(), (i) => (i.diagnosisChecks!.boneStress!.healingClearance = 'imaging')),
    );
    expect(result.recommendation).toBe('running_level_1');
    expect(gate(result, 'bone_healing_cleared')).toMatchObject({
      status: 'met',
      reason: 'Healing confirmed on imaging.',
    });
  });

  it.each(HIGH_RISK_BONE_STRESS_SITES.map((s) => [s]))('treats %s as high risk', (site) => {
    const result = evaluate(changed(navicularSixWeeksIntake(), (i) => (i.episode!.boneStressSite = site)));
    expect(result.recommendation).toBe('walking_stage');
    expect(result.unmet).toContain('bone_healing_cleared');
  });

  it('asks no imaging or walk phase at a low-risk site (posteromedial tibia)', () => {
    const result = evaluate(changed(navicularSixWeeksIntake(), (i) => (i.episode!.boneStressSite = 'tibia')));
    expect(result.recommendation).toBe('running_level_1');
    expect(gate(result, 'bone_healing_cleared')).toBeUndefined();
    expect(gate(result, 'bone_walk_phase')).toBeUndefined();
    expect(gate(result, 'red_s_screen')?.status).toBe('met');
  });

  it('asks the groin-pain red flag of a bone stress patient, graded refer', () => {
    const unanswered = evaluate(navicularSixWeeksIntake());
    expect(gate(unanswered, 'red_flags')?.status).toBe('met'); // the fixture answers every non-surgical item
    const groin = evaluate(
      changed(navicularSixWeeksIntake(), (i) => (i.symptoms!.redFlags!.bone_stress_groin_pain = 'yes')),
    );
    expect(groin.redFlagHold).toBe('refer');
  });
});

describe('bone stress injury: tenderness, hops, RED-S screen', () => {
  const tibia = () => changed(navicularSixWeeksIntake(), (i) => (i.episode!.boneStressSite = 'tibia'));

  it('holds a tender site and painful hops in the walking stage', () => {
    const result = evaluate(
      changed(tibia(), (i) => {
        i.diagnosisChecks!.boneStress!.siteTender = true;
        i.diagnosisChecks!.boneStress!.hopOnSpotPainFree = false;
      }),
    );
    expect(result.unmet).toEqual(['bone_site_not_tender', 'bone_hop_on_spot']);
  });

  it('a positive RED-S screen is never a silent pass: not met, and referral advice in the result and the note', () => {
    const intake = changed(tibia(), (i) => {
      i.diagnosisChecks!.boneStress!.redS!.missed_periods = 'yes';
      i.diagnosisChecks!.boneStress!.redS!.previous_bone_stress = 'yes';
    });
    const result = evaluate(intake);
    expect(result.recommendation).toBe('walking_stage');
    expect(result.unmet).toEqual(['red_s_screen']);
    expect(result.advice).toHaveLength(1);
    expect(result.advice[0]).toMatch(/refer to a doctor and a sports dietitian/);
    expect(result.advice[0]).toMatch(/missed or absent periods/);
    expect(objectiveText(intake, { today: TODAY })).toContain(`Advice: ${result.advice[0]}`);
  });

  it('an unanswered RED-S screen is not tested; "not applicable" answers count as answered', () => {
    const blank = evaluate(changed(tibia(), (i) => (i.diagnosisChecks!.boneStress!.redS = {})));
    expect(blank.untested).toEqual(['red_s_screen']);
    const male = evaluate(
      changed(tibia(), (i) => {
        i.diagnosisChecks!.boneStress!.redS = Object.fromEntries(
          RED_S_ITEMS.map((item) => [item.id, item.forWomenOnly ? 'not_applicable' : 'no']),
        );
      }),
    );
    expect(gate(male, 'red_s_screen')?.status).toBe('met');
  });
});

describe('ACL reconstruction and meniscus surgery', () => {
  it('holds an ACL reconstruction 10 weeks after surgery in the walking stage', () => {
    const result = evaluate(changed(readyKneeIntake(), (i) => (i.episode!.surgery!.date = '2026-09-18')));
    expect(result.recommendation).toBe('walking_stage');
    expect(result.reasons).toEqual(['10 weeks since surgery (2026-09-18) is fewer than 12 weeks.']);
  });

  it('needs today to count the weeks: without it the gate is not tested, never met', () => {
    expect(evaluateReadiness(readyKneeIntake()).untested).toEqual(['acl_weeks_since_surgery']);
  });

  it('marks missing knee range and strength as not tested, and low strength as not met', () => {
    const result = evaluate(
      changed(readyKneeIntake(), (i) => {
        delete i.physicalTests!.kneeExtensionDeficitDeg;
        i.physicalTests!.quadricepsStrength = { left: 200, right: 380, method: 'one_rep_max' };
        delete i.physicalTests!.hamstringStrength;
      }),
    );
    expect(result.unmet).toEqual(['quadriceps_lsi']);
    expect(result.untested).toEqual(['knee_range_of_motion', 'hamstring_strength_lsi']);
    expect(gate(result, 'quadriceps_lsi')?.reason).toBe('Quadriceps strength LSI 52.6% (1-RM) is below 70%.');
  });

  it('uses the clinic’s raised thresholds (80% strength, 14 weeks)', () => {
    const strict = ReadinessThresholds.parse({ kneeStrengthLsiAtLeast: 80, aclWeeksAfterSurgery: 14 });
    const result = evaluate(readyKneeIntake(), strict);
    expect(result.unmet).toEqual(['acl_weeks_since_surgery', 'quadriceps_lsi']);
    expect(gate(result, 'quadriceps_lsi')?.label).toBe('Quadriceps strength LSI at least 80%');
  });

  it('meniscus surgery waits for the surgeon’s date, or the surgeon’s clearance', () => {
    const meniscus = changed(readyKneeIntake(), (i) => (i.episode!.diagnosis = 'meniscus_surgery'));
    expect(evaluate(meniscus).untested).toEqual(['meniscus_surgeon_date']);
    const later = changed(
      meniscus,
      (i) => (i.diagnosisChecks = { meniscus: { surgeonEarliestRunDate: '2026-12-10' } }),
    );
    expect(evaluate(later).reasons).toEqual(['Surgeon’s earliest running date is 2026-12-10: not reached yet.']);
    const cleared = changed(meniscus, (i) => (i.diagnosisChecks = { meniscus: { surgeonCleared: true } }));
    expect(evaluate(cleared).recommendation).toBe('running_level_1');
  });
});

describe('hamstring strain (Heiderscheit 2010)', () => {
  const hamstring = (): IntakeDraft =>
    changed(readyAchillesIntake(), (i) => {
      i.episode = { ...i.episode!, region: 'thigh', diagnosis: 'hamstring_strain' };
      delete i.measures;
    });

  it('needs a pain-free walking stride, isometric flexion at 90 degrees and a very slow jog', () => {
    const result = evaluate(hamstring());
    expect(result.untested).toEqual(['hamstring_walking_stride', 'hamstring_isometric_flexion', 'hamstring_slow_jog']);
    const done = changed(hamstring(), (i) => {
      i.diagnosisChecks = {
        hamstring: { walkingStridePainFree: true, isometricFlexionPainFree: false, slowJogPainFree: true },
      };
    });
    expect(evaluate(done).reasons).toEqual(['Isometric knee flexion at 90 degrees is painful.']);
    expect(evaluate(done).guidance[0]).toMatch(/running speed, not distance/);
  });
});

describe('tendinopathies: the pain-monitoring model', () => {
  it('shows the Silbernagel guidance with the result and in the note, without holding the patient', () => {
    const result = evaluate(readyAchillesIntake());
    expect(result.recommendation).toBe('running_level_1');
    expect(result.guidance).toEqual([expect.stringMatching(/^Pain-monitoring model applies \(Silbernagel 2007/)]);
    expect(result.guidance[0]).toMatch(/up to 5\/10.*next morning/);
    expect(objectiveText(readyAchillesIntake(), { today: TODAY })).toContain('Guidance: Pain-monitoring model applies');
  });
});

describe('return to running after childbirth', () => {
  const postnatal = (): IntakeDraft =>
    changed(readyAchillesIntake(), (i) => {
      i.episode = {
        region: 'other',
        side: 'not_applicable',
        diagnosis: 'postnatal_return',
        onsetDate: '2026-08-01',
        onsetType: 'sudden',
        surgery: { performed: 'no' },
      };
      delete i.measures;
      i.diagnosisChecks = {
        postnatal: {
          birthDate: '2026-08-01',
          pelvicFloorSymptoms: false,
          loadTests: Object.fromEntries(POSTNATAL_LOAD_TESTS.map((t) => [t.id, 'pass'])),
          strengthTests: Object.fromEntries(POSTNATAL_STRENGTH_TESTS.map((t) => [t.id, 'pass'])),
        },
      };
    });

  it('runs at level 1 after 12 weeks with every load and impact test and strength test passed', () => {
    expect(evaluate(postnatal()).recommendation).toBe('running_level_1');
  });

  it('the four strength tests (20 each side) are a gate of their own, sourced to Goom 2019', () => {
    const result = evaluate(changed(postnatal(), (i) => delete i.diagnosisChecks!.postnatal!.strengthTests));
    expect(result.untested).toEqual(['postnatal_strength_tests']);
    expect(gate(result, 'postnatal_strength_tests')?.reason).toBe('4 of 4 strength tests not recorded.');
    expect(gate(result, 'postnatal_strength_tests')?.source).toContain('Goom, Donnelly, Brockwell 2019');
    const failed = evaluate(
      changed(postnatal(), (i) => (i.diagnosisChecks!.postnatal!.strengthTests!.single_leg_bridge = 'fail')),
    );
    expect(failed.unmet).toEqual(['postnatal_strength_tests']);
    expect(failed.advice).toEqual([
      'Refer to a pelvic health physiotherapist (failed single-leg bridge, 20 each side; ' +
        'Goom, Donnelly, Brockwell 2019).',
    ]);
  });

  it('not before 12 weeks after the birth', () => {
    const result = evaluate(changed(postnatal(), (i) => (i.diagnosisChecks!.postnatal!.birthDate = '2026-10-01')));
    expect(result.reasons).toEqual(['8 weeks since the birth is fewer than 12 weeks.']);
  });

  it('a failed test or pelvic floor symptoms: not met, with pelvic health physiotherapy referral advice', () => {
    const result = evaluate(
      changed(postnatal(), (i) => {
        i.diagnosisChecks!.postnatal!.loadTests!.hop_on_spot = 'fail';
        i.diagnosisChecks!.postnatal!.pelvicFloorSymptoms = true;
      }),
    );
    expect(result.unmet).toEqual(['postnatal_pelvic_floor', 'postnatal_load_tests']);
    expect(result.advice).toEqual([
      'Refer to a pelvic health physiotherapist (pelvic floor symptoms and failed 10 hops on the spot, each leg; ' +
        'Goom, Donnelly, Brockwell 2019).',
    ]);
  });
});

describe('intakes and thresholds saved before the gates', () => {
  it('loads an intake of the old shape (no diagnosis checks) and evaluates it with thresholds of the old shape', () => {
    const old = copy(navicularSixWeeksIntake());
    delete old.diagnosisChecks;
    expect(parseIntakeDraft(JSON.parse(JSON.stringify(old)), TODAY).ok).toBe(true);
    const oldThresholds = {
      briskWalkMinutes: 30,
      walkingPainBelow: 2,
      hoppingPainBelow: 2,
      heelRaiseLsiAtLeast: 75,
      hopLsiAtLeast: 75,
      kneeSwellingAtMost: 'trace',
    } as unknown as ReadinessThresholds;
    const result = evaluateReadiness(old, oldThresholds, TODAY);
    expect(result.recommendation).toBe('walking_stage');
    expect(result.untested).toEqual([
      'bone_healing_cleared',
      'bone_walk_phase',
      'bone_site_not_tender',
      'bone_hop_on_spot',
      'red_s_screen',
    ]);
    expect(result.thresholds.boneStressWalkPhaseWeeks).toBe(2);
  });
});
