/**
 * Readiness gates per diagnosis (docs/clinical-sources.md#readiness), evaluated beside the common checklist.
 *
 * Each gate is data: a stored id, the diagnoses it applies to, a label with its threshold, the
 * threshold's key in the clinic's `ReadinessThresholds` (so the clinic can tune it, audited), its
 * unit and its source. How each gate reads the intake is one small function per id below. A gate
 * whose data is missing is "not tested", which holds the patient in the walking stage exactly as
 * the common checklist does. Diagnoses with advice rather than a gate (tendinopathies: the
 * pain-monitoring model) get `guidance` lines instead, shown with the result and in the note.
 */
import { daysBetween, type IsoDate } from '../../time/dates';
import {
  HEALING_CLEARANCE_LABELS,
  POSTNATAL_LOAD_TESTS,
  POSTNATAL_STRENGTH_TESTS,
  RED_S_ITEMS,
  type DiagnosisChecksDraft,
} from './diagnosis-checks';
import { BONE_STRESS_SITE_LABELS, isHighRiskBoneStressSite, type DiagnosisCode, type EpisodeDraft } from './episode';
import { formatPercent, joinList } from './format';
import type { IntakeDraft } from './intake';
import {
  kneeArcs,
  LIMBS,
  sideLsi,
  STRENGTH_METHOD_IN_TEXT,
  type LsiResult,
  type SidePair,
  type StrengthMethod,
} from './physical-tests';
import type { ReadinessThresholds } from './readiness';

export type CriterionStatus = 'met' | 'not_met' | 'not_tested' | 'not_applicable';
export interface Status {
  status: CriterionStatus;
  reason: string;
}
export const met = (reason: string): Status => ({ status: 'met', reason });
export const notMet = (reason: string): Status => ({ status: 'not_met', reason });
export const notTested = (reason: string): Status => ({ status: 'not_tested', reason });
export const notApplicable = (reason: string): Status => ({ status: 'not_applicable', reason });

export const GATE_IDS = [
  'acl_weeks_since_surgery',
  'meniscus_surgeon_date',
  'knee_range_of_motion',
  'quadriceps_lsi',
  'hamstring_strength_lsi',
  'knee_surgery_hop_lsi',
  'bone_healing_cleared',
  'bone_walk_phase',
  'bone_site_not_tender',
  'bone_hop_on_spot',
  'red_s_screen',
  'hamstring_walking_stride',
  'hamstring_isometric_flexion',
  'hamstring_slow_jog',
  'postnatal_time',
  'postnatal_pelvic_floor',
  'postnatal_load_tests',
  'postnatal_strength_tests',
] as const;
export type GateId = (typeof GATE_IDS)[number];

/** The clinic-editable thresholds the gates use. */
export type GateThresholdKey =
  | 'aclWeeksAfterSurgery'
  | 'kneeRomPercentAtLeast'
  | 'kneeStrengthLsiAtLeast'
  | 'kneeSurgeryHopLsiAtLeast'
  | 'boneStressWalkPhaseWeeks'
  | 'postnatalWeeksAtLeast';

export interface DiagnosisGate {
  id: GateId;
  diagnoses: readonly DiagnosisCode[];
  /** Bone stress gates that apply only at a high-risk site (or while the site is not chosen). */
  highRiskSiteOnly?: boolean;
  /** `{n}` stands for the clinic's threshold. */
  label: string;
  threshold?: GateThresholdKey;
  unit?: string;
  source: string;
}

const KNEE_SURGERY: readonly DiagnosisCode[] = ['acl_reconstruction', 'meniscus_surgery'];
const RAMBAUD = 'Rambaud 2018, BJSM 52:1437 (review of 201 studies; clinical.md §7)';
const HOENIG =
  'Hoenig 2023, BJSM 57:427 (return to sport by site); Warden 2021, Hoenig 2022 for management (clinical.md §7)';
const HEIDERSCHEIT = 'Heiderscheit 2010, JOSPT 40:67, phase 1 to 2 (clinical.md §7)';
const GOOM = 'Goom, Donnelly, Brockwell 2019, "Returning to running postnatal" (clinical.md §7)';

export const DIAGNOSIS_GATES: readonly DiagnosisGate[] = [
  {
    id: 'acl_weeks_since_surgery',
    diagnoses: ['acl_reconstruction'],
    label: 'At least {n} weeks since surgery',
    threshold: 'aclWeeksAfterSurgery',
    unit: 'weeks',
    source: `${RAMBAUD}: median 12 weeks after surgery (reports range 5-39).`,
  },
  {
    id: 'meniscus_surgeon_date',
    diagnoses: ['meniscus_surgery'],
    label: 'Surgeon’s earliest running date reached',
    source:
      'Timing from the surgeon’s protocol: repairs usually run later than meniscectomy (clinical.md §7). ' +
      'Record the surgeon’s earliest running date, or that the surgeon has cleared running.',
  },
  {
    id: 'knee_range_of_motion',
    diagnoses: KNEE_SURGERY,
    label: 'Knee range of motion at least {n}% of the other side',
    threshold: 'kneeRomPercentAtLeast',
    unit: '%',
    source: `${RAMBAUD}: full range, or at least 95% of the other side.`,
  },
  {
    id: 'quadriceps_lsi',
    diagnoses: KNEE_SURGERY,
    label: 'Quadriceps strength LSI at least {n}%',
    threshold: 'kneeStrengthLsiAtLeast',
    unit: '%',
    source: `${RAMBAUD}: strength above 70% of the other leg (some protocols 80%; a clinic may raise it to 80-85%).`,
  },
  {
    id: 'hamstring_strength_lsi',
    diagnoses: KNEE_SURGERY,
    label: 'Hamstring strength LSI at least {n}%',
    threshold: 'kneeStrengthLsiAtLeast',
    unit: '%',
    source: `${RAMBAUD}: strength above 70% of the other leg (some protocols 80%; a clinic may raise it to 80-85%).`,
  },
  {
    id: 'knee_surgery_hop_lsi',
    diagnoses: KNEE_SURGERY,
    label: 'Hop LSI at least {n}% (after knee surgery)',
    threshold: 'kneeSurgeryHopLsiAtLeast',
    unit: '%',
    source: `${RAMBAUD}: hop tests above 70% of the other leg. Applies beside the common hop criterion: the stricter binds.`,
  },
  {
    id: 'bone_healing_cleared',
    diagnoses: ['bone_stress_injury'],
    highRiskSiteOnly: true,
    label: 'Healing confirmed on imaging, or the doctor’s clearance, recorded (high-risk site)',
    source: `${HOENIG}: at high-risk sites, imaging or the treating doctor’s clearance before running.`,
  },
  {
    id: 'bone_walk_phase',
    diagnoses: ['bone_stress_injury'],
    highRiskSiteOnly: true,
    label: 'Pain-free walk phase of at least {n} weeks done (high-risk site)',
    threshold: 'boneStressWalkPhaseWeeks',
    unit: 'weeks',
    source: `${HOENIG}: pain-free walking for the walk phase before running. Product default 2 weeks at high-risk sites.`,
  },
  {
    id: 'bone_site_not_tender',
    diagnoses: ['bone_stress_injury'],
    label: 'No bony tenderness on pressing the site',
    source: `${HOENIG}.`,
  },
  {
    id: 'bone_hop_on_spot',
    diagnoses: ['bone_stress_injury'],
    label: 'Hops on the spot (10-15) pain-free',
    source: `${HOENIG}: pain-free single-leg hopping, 10-15 hops.`,
  },
  {
    id: 'red_s_screen',
    diagnoses: ['bone_stress_injury'],
    label: 'RED-S / low energy availability screen negative',
    source:
      'IOC consensus 2023 (Mountjoy, BJSM); Female Athlete Triad cumulative risk assessment (De Souza 2014): ' +
      'screen every bone stress patient; a positive screen means referral advice (doctor, sports dietitian).',
  },
  {
    id: 'hamstring_walking_stride',
    diagnoses: ['hamstring_strain'],
    label: 'Normal walking stride without pain',
    source: `${HEIDERSCHEIT}.`,
  },
  {
    id: 'hamstring_isometric_flexion',
    diagnoses: ['hamstring_strain'],
    label: 'Pain-free isometric knee flexion at 90 degrees against moderate resistance (prone)',
    source: `${HEIDERSCHEIT}: submaximal (moderate) resistance, lying face down, knee at 90 degrees.`,
  },
  {
    id: 'hamstring_slow_jog',
    diagnoses: ['hamstring_strain'],
    label: 'Very slow jog without pain',
    source: `${HEIDERSCHEIT}.`,
  },
  {
    id: 'postnatal_time',
    diagnoses: ['postnatal_return'],
    label: 'At least {n} weeks since the birth',
    threshold: 'postnatalWeeksAtLeast',
    unit: 'weeks',
    source: `${GOOM}: not before 3 months postnatal.`,
  },
  {
    id: 'postnatal_pelvic_floor',
    diagnoses: ['postnatal_return'],
    label: 'No pelvic floor symptoms (leaking, heaviness or dragging, pain)',
    source: `${GOOM}: not while there are pelvic floor symptoms.`,
  },
  {
    id: 'postnatal_load_tests',
    diagnoses: ['postnatal_return'],
    label: 'Load and impact tests passed without pain, heaviness or dragging, or leaking',
    source: `${GOOM}: walk 30 min, balance, single-leg squats, jog on the spot, bounds, hops, running man.`,
  },
  {
    id: 'postnatal_strength_tests',
    diagnoses: ['postnatal_return'],
    label: 'Strength tests passed, 20 each side, without symptoms',
    source: `${GOOM}: single-leg calf raise, single-leg bridge, single-leg sit to stand, side-lying leg raise, 20 each side.`,
  },
];

/** The gate's label with the clinic's threshold in place of `{n}`. */
export function gateLabel(gate: DiagnosisGate, thresholds: ReadinessThresholds): string {
  return gate.threshold === undefined ? gate.label : gate.label.replace('{n}', String(thresholds[gate.threshold]));
}

/** A bone stress episode's site risk: high, low, or unknown while no site is chosen. */
export function boneStressRisk(episode: EpisodeDraft | undefined): 'high' | 'low' | 'unknown' {
  const site = episode?.boneStressSite;
  if (site === undefined) return 'unknown';
  return isHighRiskBoneStressSite(site) ? 'high' : 'low';
}

/** The gates for this episode, in list order; none while no diagnosis is chosen. */
export function gatesFor(episode: EpisodeDraft | undefined): DiagnosisGate[] {
  const diagnosis = episode?.diagnosis;
  if (diagnosis === undefined) return [];
  return DIAGNOSIS_GATES.filter(
    (g) => g.diagnoses.includes(diagnosis) && (g.highRiskSiteOnly !== true || boneStressRisk(episode) !== 'low'),
  );
}

interface GateContext {
  intake: IntakeDraft;
  checks: DiagnosisChecksDraft;
  thresholds: ReadinessThresholds;
  /** The clinic's date; time-based gates are "not tested" without it. */
  today: IsoDate | undefined;
}

function weeksBetween(from: IsoDate, to: IsoDate): number {
  return Math.floor(daysBetween(from, to) / 7);
}

function yesNoGate(answer: boolean | undefined, what: string, passWhen: boolean, passText: string, failText: string) {
  if (answer === undefined) return notTested(`${what}: not recorded.`);
  return answer === passWhen ? met(passText) : notMet(failText);
}

/** An LSI against a threshold, with the reasons the common checklist gives when it cannot be computed. */
function lsiGate(name: string, result: LsiResult, atLeast: number, detail = ''): Status {
  switch (result.kind) {
    case 'side_unknown':
      return notTested(`${name} LSI needs the injured side: choose it in the episode.`);
    case 'no_uninvolved_side':
      return notApplicable(
        result.side === 'both'
          ? `Both sides are involved: no uninvolved side for a ${name.toLowerCase()} LSI.`
          : `The episode has no side: the ${name.toLowerCase()} LSI does not apply.`,
      );
    case 'missing':
      return notTested(
        result.missing.length === LIMBS.length
          ? `${name} not recorded.`
          : `${name} not recorded on the ${joinList(result.missing)} side.`,
      );
    case 'uninvolved_zero':
      return notTested(`${name}: the uninvolved side is 0, so the LSI cannot be computed.`);
    case 'computed': {
      const lsi = `${name} LSI ${formatPercent(result.lsi)}${detail}`;
      return result.lsi >= atLeast ? met(`${lsi} meets ${atLeast}%.`) : notMet(`${lsi} is below ${atLeast}%.`);
    }
  }
}

function strengthGate(
  name: string,
  test: (SidePair & { method?: StrengthMethod | undefined }) | undefined,
  ctx: GateContext,
): Status {
  const method = test?.method === undefined ? '' : ` (${STRENGTH_METHOD_IN_TEXT[test.method]})`;
  return lsiGate(name, sideLsi(test, ctx.intake.episode?.side), ctx.thresholds.kneeStrengthLsiAtLeast, method);
}

const GATE_CHECKS: Readonly<Record<GateId, (ctx: GateContext) => Status>> = {
  acl_weeks_since_surgery: ({ intake, thresholds, today }) => {
    const date = intake.episode?.surgery?.date;
    const needed = thresholds.aclWeeksAfterSurgery;
    if (date === undefined) return notTested('Date of surgery not recorded: enter it in the episode.');
    if (today === undefined) return notTested('Weeks since surgery: today’s date is not known.');
    const weeks = weeksBetween(date, today);
    return weeks >= needed
      ? met(`${weeks} weeks since surgery (${date}) meets ${needed} weeks.`)
      : notMet(`${weeks} weeks since surgery (${date}) is fewer than ${needed} weeks.`);
  },
  meniscus_surgeon_date: ({ checks, today }) => {
    const m = checks.meniscus;
    if (m?.surgeonCleared === true) return met('The surgeon has cleared running.');
    const date = m?.surgeonEarliestRunDate;
    if (date === undefined) {
      return notTested('Record the surgeon’s earliest running date, or that the surgeon has cleared running.');
    }
    if (today === undefined) return notTested('Surgeon’s running date: today’s date is not known.');
    return date <= today
      ? met(`Surgeon’s earliest running date ${date} is reached.`)
      : notMet(`Surgeon’s earliest running date is ${date}: not reached yet.`);
  },
  knee_range_of_motion: ({ intake, thresholds }) =>
    lsiGate(
      'Knee range of motion',
      sideLsi(kneeArcs(intake.physicalTests), intake.episode?.side),
      thresholds.kneeRomPercentAtLeast,
      ' (flexion minus extension deficit)',
    ),
  quadriceps_lsi: (ctx) => strengthGate('Quadriceps strength', ctx.intake.physicalTests?.quadricepsStrength, ctx),
  hamstring_strength_lsi: (ctx) => strengthGate('Hamstring strength', ctx.intake.physicalTests?.hamstringStrength, ctx),
  knee_surgery_hop_lsi: ({ intake, thresholds }) => {
    const side = intake.episode?.side;
    const atLeast = thresholds.kneeSurgeryHopLsiAtLeast;
    const single = lsiGate('Single-leg hop', sideLsi(intake.physicalTests?.singleHopCm, side), atLeast);
    const triple = lsiGate('Triple hop', sideLsi(intake.physicalTests?.tripleHopCm, side), atLeast);
    // As the common hop criterion: every hop recorded must meet it, and at least one must be recorded.
    const recorded = [single, triple].filter((s) => s.status === 'met' || s.status === 'not_met');
    if (recorded.length === 0)
      return single.status === 'not_applicable' ? single : notTested('Hop tests not recorded.');
    const failed = recorded.filter((s) => s.status === 'not_met');
    return failed.length > 0
      ? notMet(failed.map((s) => s.reason).join(' '))
      : met(recorded.map((s) => s.reason).join(' '));
  },
  bone_healing_cleared: ({ intake, checks }) => {
    const site = intake.episode?.boneStressSite;
    const where =
      site === undefined
        ? 'site not chosen, treated as high risk'
        : `${BONE_STRESS_SITE_LABELS[site].toLowerCase()}, high-risk site`;
    const clearance = checks.boneStress?.healingClearance;
    if (clearance === undefined) return notTested(`Healing clearance not recorded (${where}).`);
    return clearance === 'not_yet'
      ? notMet(`No imaging or doctor’s clearance of healing yet (${where}): no running.`)
      : met(`${HEALING_CLEARANCE_LABELS[clearance]}.`);
  },
  bone_walk_phase: ({ checks, thresholds }) => {
    const weeks = checks.boneStress?.walkPhaseWeeks;
    const needed = thresholds.boneStressWalkPhaseWeeks;
    if (weeks === undefined) return notTested(`Walk phase not recorded: walk pain-free for ${needed} weeks first.`);
    return weeks >= needed
      ? met(`Pain-free walk phase of ${weeks} weeks meets ${needed} weeks.`)
      : notMet(`Pain-free walk phase of ${weeks} ${weeks === 1 ? 'week' : 'weeks'} is shorter than ${needed} weeks.`);
  },
  bone_site_not_tender: ({ checks }) =>
    yesNoGate(
      checks.boneStress?.siteTender,
      'Tenderness at the site',
      false,
      'No bony tenderness at the site.',
      'The bone is tender at the site.',
    ),
  bone_hop_on_spot: ({ checks }) =>
    yesNoGate(
      checks.boneStress?.hopOnSpotPainFree,
      'Hops on the spot',
      true,
      'Hops on the spot pain-free.',
      'Hops on the spot were painful.',
    ),
  red_s_screen: ({ checks }) => {
    const answers = checks.boneStress?.redS;
    const positive = RED_S_ITEMS.filter((i) => answers?.[i.id] === 'yes');
    const missing = RED_S_ITEMS.filter((i) => answers?.[i.id] === undefined);
    if (positive.length > 0) {
      return notMet(
        `RED-S screen positive: ${joinList(positive.map((i) => i.question.toLowerCase()))}. Refer to a doctor and a sports dietitian.`,
      );
    }
    if (missing.length > 0) {
      return notTested(`RED-S screen incomplete: ${missing.length} of ${RED_S_ITEMS.length} questions not answered.`);
    }
    return met(`RED-S screen negative (${RED_S_ITEMS.length} questions).`);
  },
  hamstring_walking_stride: ({ checks }) =>
    yesNoGate(
      checks.hamstring?.walkingStridePainFree,
      'Walking stride',
      true,
      'Normal walking stride, pain-free.',
      'Walking stride is painful or shortened.',
    ),
  hamstring_isometric_flexion: ({ checks }) =>
    yesNoGate(
      checks.hamstring?.isometricFlexionPainFree,
      'Isometric knee flexion at 90 degrees',
      true,
      'Isometric knee flexion at 90 degrees pain-free.',
      'Isometric knee flexion at 90 degrees is painful.',
    ),
  hamstring_slow_jog: ({ checks }) =>
    yesNoGate(
      checks.hamstring?.slowJogPainFree,
      'Very slow jog',
      true,
      'Very slow jog pain-free.',
      'Very slow jog is painful.',
    ),
  postnatal_time: ({ checks, thresholds, today }) => {
    const birth = checks.postnatal?.birthDate;
    const needed = thresholds.postnatalWeeksAtLeast;
    if (birth === undefined) return notTested('Date of the birth not recorded.');
    if (today === undefined) return notTested('Weeks since the birth: today’s date is not known.');
    const weeks = weeksBetween(birth, today);
    return weeks >= needed
      ? met(`${weeks} weeks since the birth meets ${needed} weeks.`)
      : notMet(`${weeks} weeks since the birth is fewer than ${needed} weeks.`);
  },
  postnatal_pelvic_floor: ({ checks }) =>
    yesNoGate(
      checks.postnatal?.pelvicFloorSymptoms,
      'Pelvic floor symptoms',
      false,
      'No pelvic floor symptoms.',
      'Pelvic floor symptoms present: refer to a pelvic health physiotherapist.',
    ),
  postnatal_load_tests: ({ checks }) => {
    const results = checks.postnatal?.loadTests;
    const failed = POSTNATAL_LOAD_TESTS.filter((t) => results?.[t.id] === 'fail');
    const missing = POSTNATAL_LOAD_TESTS.filter((t) => results?.[t.id] === undefined);
    if (failed.length > 0) {
      return notMet(
        `Failed: ${joinList(failed.map((t) => t.label.toLowerCase()))}. Refer to a pelvic health physiotherapist.`,
      );
    }
    if (missing.length > 0) {
      return notTested(`${missing.length} of ${POSTNATAL_LOAD_TESTS.length} load and impact tests not recorded.`);
    }
    return met(`All ${POSTNATAL_LOAD_TESTS.length} load and impact tests passed.`);
  },
  postnatal_strength_tests: ({ checks }) => {
    const results = checks.postnatal?.strengthTests;
    const failed = POSTNATAL_STRENGTH_TESTS.filter((t) => results?.[t.id] === 'fail');
    const missing = POSTNATAL_STRENGTH_TESTS.filter((t) => results?.[t.id] === undefined);
    if (failed.length > 0) {
      return notMet(
        `Failed: ${joinList(failed.map((t) => t.label.toLowerCase()))}. Refer to a pelvic health physiotherapist.`,
      );
    }
    if (missing.length > 0) {
      return notTested(`${missing.length} of ${POSTNATAL_STRENGTH_TESTS.length} strength tests not recorded.`);
    }
    return met(`All ${POSTNATAL_STRENGTH_TESTS.length} strength tests passed (20 each side).`);
  },
};

export interface GateResult {
  id: GateId;
  label: string;
  source: string;
  status: CriterionStatus;
  reason: string;
}

/** The diagnosis gates of this intake, evaluated. */
export function evaluateGates(
  intake: IntakeDraft,
  thresholds: ReadinessThresholds,
  today: IsoDate | undefined,
): GateResult[] {
  const ctx: GateContext = { intake, checks: intake.diagnosisChecks ?? {}, thresholds, today };
  return gatesFor(intake.episode).map((gate) => ({
    id: gate.id,
    label: gateLabel(gate, thresholds),
    source: gate.source,
    ...GATE_CHECKS[gate.id](ctx),
  }));
}

const TENDINOPATHIES: readonly DiagnosisCode[] = [
  'achilles_tendinopathy',
  'patellar_tendinopathy',
  'gluteal_tendinopathy',
];

/** Guidance lines for the result and the note: how to load, not a gate. */
export function diagnosisGuidance(episode: EpisodeDraft | undefined, thresholds: ReadinessThresholds): string[] {
  const diagnosis = episode?.diagnosis;
  if (diagnosis === undefined) return [];
  const lines: string[] = [];
  if (TENDINOPATHIES.includes(diagnosis)) {
    lines.push(
      'Pain-monitoring model applies (Silbernagel 2007, Am J Sports Med 35:897): pain up to 5/10 during running ' +
        'is acceptable if it is back to baseline by the next morning and morning stiffness does not increase ' +
        'week on week; otherwise reduce the load.',
    );
  }
  if (diagnosis === 'hamstring_strain') {
    lines.push(
      'Progress by running speed, not distance; soreness or tightness at the injury site after running is a ' +
        'warning sign, unlike general muscle soreness (Heiderscheit 2010).',
    );
  }
  if (diagnosis === 'bone_stress_injury' && boneStressRisk(episode) !== 'low') {
    const site = episode?.boneStressSite;
    const where =
      site === undefined
        ? 'Site not chosen: treated as high risk'
        : `High-risk site (${BONE_STRESS_SITE_LABELS[site].toLowerCase()})`;
    lines.push(
      `${where}: walking stage first, for at least ${thresholds.boneStressWalkPhaseWeeks} weeks pain-free; no ` +
        'running until healing is confirmed on imaging or by the treating doctor (Hoenig 2023).',
    );
  }
  return lines;
}

/** Referral advice from the gates, for the result and the note: never a silent pass. */
export function gateAdvice(gates: readonly GateResult[], checks: DiagnosisChecksDraft): string[] {
  const advice: string[] = [];
  const redS = RED_S_ITEMS.filter((i) => checks.boneStress?.redS?.[i.id] === 'yes');
  if (gates.some((g) => g.id === 'red_s_screen') && redS.length > 0) {
    advice.push(
      `Low energy availability (RED-S) screen positive (${joinList(redS.map((i) => i.question.toLowerCase()))}): ` +
        'refer to a doctor and a sports dietitian (IOC consensus 2023; De Souza 2014).',
    );
  }
  if (gates.some((g) => g.id === 'postnatal_load_tests')) {
    const failed = [
      ...POSTNATAL_LOAD_TESTS.filter((t) => checks.postnatal?.loadTests?.[t.id] === 'fail'),
      ...POSTNATAL_STRENGTH_TESTS.filter((t) => checks.postnatal?.strengthTests?.[t.id] === 'fail'),
    ];
    const findings = [
      ...(checks.postnatal?.pelvicFloorSymptoms === true ? ['pelvic floor symptoms'] : []),
      ...(failed.length > 0 ? [`failed ${joinList(failed.map((t) => t.label.toLowerCase()))}`] : []),
    ];
    if (findings.length > 0) {
      advice.push(`Refer to a pelvic health physiotherapist (${joinList(findings)}; Goom, Donnelly, Brockwell 2019).`);
    }
  }
  return advice;
}
