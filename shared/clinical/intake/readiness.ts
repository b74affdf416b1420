/**
 * Readiness to start running: a checklist evaluated from what was measured, never ticked by hand.
 *
 * The common checklist applies to everyone; the gates of the diagnosis (readiness-gates.ts:
 * ACL and meniscus surgery, bone stress injury, hamstring strain, postnatal) follow it. Each
 * criterion is met, not met, not tested (its data is absent) or not applicable (e.g. knee
 * swelling in an Achilles episode, or an LSI when both legs are injured). The recommendation:
 * - a red flag holds the intake      -> not ready (no stage at all), said by its grade: an urgent
 *                                       sign (stop, urgent care), a referral to a doctor, or a
 *                                       `note` item answered yes with no reason typed to go on;
 * - every criterion met or n/a       -> running level 1 of the programme;
 * - otherwise (not met or not tested) -> walking stage (comfortable, then brisk walking).
 * An untested criterion never counts as met. The reasons name each criterion not met or not
 * tested, in checklist order. Referral advice (RED-S, pelvic health) and guidance (the
 * pain-monitoring model) come with the result, for the form and the note.
 *
 * Pure and cheap (a few microseconds): the form calls it on every keystroke.
 */
import { z } from 'zod';
import type { IsoDate } from '../../time/dates';
import { hadSurgery, isBoneStressEpisode, isKneeEpisode, type Side } from './episode';
import { wholeNumber } from './fields';
import { formatPercent, joinList } from './format';
import type { IntakeDraft } from './intake';
import {
  LIMBS,
  sideLsi,
  SWELLING_GRADE_LABELS,
  SWELLING_GRADES,
  swellingRank,
  type Limb,
  type LsiResult,
  type SidePair,
  type SwellingGrade,
} from './physical-tests';
import {
  diagnosisGuidance,
  evaluateGates,
  GATE_IDS,
  gateAdvice,
  met,
  notApplicable,
  notMet,
  notTested,
  type Status,
} from './readiness-gates';
import { screenRedFlags, type RedFlagItem } from './red-flags';

/** The clinic's thresholds. Parsing `{}` gives the defaults; every default has its source below. */
export const ReadinessThresholds = z.strictObject({
  briskWalkMinutes: wholeNumber('Brisk walk needed to start running', 10, 90, 'minutes').default(30),
  walkingPainBelow: wholeNumber('Walking pain limit', 1, 10).default(2),
  hoppingPainBelow: wholeNumber('Hopping pain limit', 1, 10).default(2),
  heelRaiseLsiAtLeast: wholeNumber('Heel-raise LSI threshold', 50, 100, '%').default(75),
  hopLsiAtLeast: wholeNumber('Hop LSI threshold', 50, 100, '%').default(75),
  kneeSwellingAtMost: z
    .enum(SWELLING_GRADES, { error: 'Knee swelling limit: choose zero, trace, 1+, 2+ or 3+.' })
    .default('trace'),
  // The diagnosis gates' thresholds (readiness-gates.ts). Defaults apply to thresholds stored before them.
  aclWeeksAfterSurgery: wholeNumber('Weeks after ACL reconstruction before running', 5, 52, 'weeks').default(12),
  kneeRomPercentAtLeast: wholeNumber('Knee range of motion threshold', 80, 100, '%').default(95),
  kneeStrengthLsiAtLeast: wholeNumber('Quadriceps and hamstring strength LSI threshold', 50, 100, '%').default(70),
  kneeSurgeryHopLsiAtLeast: wholeNumber('Hop LSI threshold after knee surgery', 50, 100, '%').default(70),
  boneStressWalkPhaseWeeks: wholeNumber('Walk phase at a high-risk bone stress site', 2, 12, 'weeks').default(2),
  postnatalWeeksAtLeast: wholeNumber('Weeks after childbirth before running', 12, 52, 'weeks').default(12),
});
export type ReadinessThresholds = z.output<typeof ReadinessThresholds>;

export const DEFAULT_READINESS_THRESHOLDS: ReadinessThresholds = Object.freeze(ReadinessThresholds.parse({}));

/** Why each default is what it is (docs/clinical-sources.md#programmes and #measures), for the settings screen and the README. */
export const READINESS_THRESHOLD_SOURCES: Readonly<Record<keyof ReadinessThresholds, string>> = {
  briskWalkMinutes:
    'Pain-free brisk walk of 30 min before running (UW Health and several clinics, clinical.md §2). ' +
    'MGH/SEMC use 1 mile with no limp, pain or swelling instead.',
  walkingPainBelow:
    'Pain below 2/10 to start running (Rambaud 2018, BJSM review; clinical.md §2); 0-2/10 is the "safe" band ' +
    'of the Silbernagel pain-monitoring model (clinical.md §3). Set 1 to require pain-free walking.',
  hoppingPainBelow:
    'Hop tests pain-free / pain below 2/10 (clinical.md §2). The default takes the 0-2/10 "safe" band; ' +
    'set 1 to require pain-free hopping.',
  heelRaiseLsiAtLeast:
    'Strength tests above 70% of the other leg to start running (Rambaud 2018; clinical.md §2); heel raises ' +
    'are compared between sides (Hebert-Losier 2017; clinical.md §3). Default 75%, as for hops.',
  hopLsiAtLeast:
    'LSI 70-80% to start running, 90% being the return-to-sport bar (clinical.md §3); above 70% after ACL ' +
    'reconstruction (Rambaud 2018). Default 75%, the middle of the start-running band.',
  kneeSwellingAtMost:
    'No effusion after ACL reconstruction (Rambaud 2018) and no swelling (MGH/SEMC), graded by the sweep ' +
    'test (clinical.md §2-3). Default trace or less, the product rule for starting to run; set zero to ' +
    'require no effusion at all, as Rambaud 2018.',
  aclWeeksAfterSurgery:
    'Median 12 weeks after ACL reconstruction before running (Rambaud 2018, BJSM 52:1437, review of 201 ' +
    'studies; reports range 5-39 weeks; clinical.md §7).',
  kneeRomPercentAtLeast:
    'Full knee range, or at least 95% of the other side, after ACL reconstruction (Rambaud 2018; clinical.md §7). ' +
    'Also used after meniscus surgery (clinical.md §7). The range is flexion minus extension deficit.',
  kneeStrengthLsiAtLeast:
    'Quadriceps and hamstring strength above 70% of the other leg (Rambaud 2018, BJSM 52:1437); some protocols ' +
    'use 80%, and a clinic may raise it to 80-85% (clinical.md §7).',
  kneeSurgeryHopLsiAtLeast:
    'Hop tests above 70% of the other leg after ACL reconstruction (Rambaud 2018; clinical.md §7). Applies ' +
    'beside the common hop threshold, so the stricter binds; a clinic may raise it to 80-85%.',
  boneStressWalkPhaseWeeks:
    'Pain-free walking for the walk phase before running at a high-risk bone stress site (Hoenig 2023, BJSM ' +
    '57:427; Warden 2021; clinical.md §7). The 2-week minimum is the product default.',
  postnatalWeeksAtLeast:
    'Not before 3 months after the birth (Goom, Donnelly, Brockwell 2019, "Returning to running postnatal"; ' +
    'clinical.md §7). 12 weeks is the lowest the clinic can set.',
};

export const COMMON_CRITERION_IDS = [
  'red_flags',
  'walking_pain',
  'brisk_walk',
  'hopping_pain',
  'heel_raise_lsi',
  'hop_lsi',
  'knee_swelling',
] as const;
/** The common checklist, then the diagnosis gates. Ids are stored with signed results: never rename one. */
export const CRITERION_IDS = [...COMMON_CRITERION_IDS, ...GATE_IDS] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export const CRITERION_STATUSES = ['met', 'not_met', 'not_tested', 'not_applicable'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

export interface ReadinessCriterion {
  id: CriterionId;
  /** "Hop LSI at least 75%", with the clinic's thresholds. */
  label: string;
  status: CriterionStatus;
  /** One sentence from the data: "Hop LSI 64% is below 75%." */
  reason: string;
  /** A diagnosis gate's source; absent on the common checklist (sources in READINESS_THRESHOLD_SOURCES). */
  source?: string | undefined;
}

/** Why a red flag holds the intake, by its grade (red-flags.ts). */
export const RED_FLAG_HOLDS = ['emergency', 'refer', 'reason_needed'] as const;
export type RedFlagHold = (typeof RED_FLAG_HOLDS)[number];

export const RECOMMENDATIONS = ['not_ready_refer', 'walking_stage', 'running_level_1'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Readonly<Record<Recommendation, string>> = {
  not_ready_refer: 'Not ready to run: a red flag is positive. Assess further or refer.',
  walking_stage: 'Walking stage: comfortable, then brisk walking, before any running.',
  running_level_1: 'Ready to start running at level 1 of the programme.',
};

/** The headline when a red flag holds the intake: an urgent sign is said plainly. */
export const RED_FLAG_HOLD_HEADLINES: Readonly<Record<RedFlagHold, string>> = {
  emergency: 'Not ready to run: urgent signs. Stop, and send the patient for urgent medical care now.',
  refer: 'Not ready to run: refer to a doctor before running.',
  reason_needed:
    'Not ready to run yet: a red flag needs your judgement. Type your reason to go on, or refer to a doctor.',
};

export interface ReadinessResult {
  recommendation: Recommendation;
  headline: string;
  /** Set when a red flag holds the intake, with its grade. */
  redFlagHold?: RedFlagHold | undefined;
  /** Referral advice the clinician must see and the note records (urgent care, doctor, dietitian, pelvic health). */
  advice: string[];
  /** How to load for this diagnosis (e.g. the pain-monitoring model); not a criterion. */
  guidance: string[];
  /** Every criterion in checklist order. */
  criteria: ReadinessCriterion[];
  /** The reasons of the criteria not met, then of those not tested, in checklist order. */
  reasons: string[];
  unmet: CriterionId[];
  untested: CriterionId[];
  /** The thresholds used, to record beside the result. */
  thresholds: ReadinessThresholds;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Fever of 38 °C" -> "fever of 38 °C", for a finding inside a sentence. */
function decapitalise(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function flagList(flags: readonly RedFlagItem[]): string {
  return joinList(flags.map((f) => decapitalise(f.clinician)));
}

/** The red-flag screen of an intake, with the reasons to go on typed for `note` items. */
export function intakeRedFlagScreen(intake: IntakeDraft) {
  return screenRedFlags(intake.symptoms?.redFlags, hadSurgery(intake.episode), {
    boneStress: isBoneStressEpisode(intake.episode),
    reasons: intake.symptoms?.redFlagReasons,
  });
}

function redFlagsStatus(screen: ReturnType<typeof intakeRedFlagScreen>): Status & { hold?: RedFlagHold } {
  if (screen.emergency.length > 0) {
    return {
      ...notMet(`Urgent sign: ${flagList(screen.emergency)}. Stop: urgent medical care now.`),
      hold: 'emergency',
    };
  }
  if (screen.refer.length > 0) {
    return { ...notMet(`Refer to a doctor before running: ${flagList(screen.refer)}.`), hold: 'refer' };
  }
  if (screen.needReason.length > 0) {
    return {
      ...notMet(`Red flag answered yes: ${flagList(screen.needReason)}. Type your reason to go on, or refer.`),
      hold: 'reason_needed',
    };
  }
  const noted =
    screen.noted.length === 0
      ? ''
      : ` Noted, going on: ${screen.noted.map((n) => `${decapitalise(n.flag.clinician)} (reason: ${n.reason})`).join('; ')}.`;
  if (screen.notAsked.length > 0) {
    const asked = screen.negative.length + screen.noted.length;
    const total = asked + screen.notAsked.length;
    return notTested(
      (screen.notAsked.length <= 3
        ? `Red-flag screen incomplete: not asked: ${flagList(screen.notAsked)}.`
        : `Red-flag screen incomplete: ${asked} of ${total} questions asked.`) + noted,
    );
  }
  if (screen.noted.length > 0) {
    return met(`No red flag holds running.${noted}`);
  }
  return met(`Red-flag screen negative (${screen.negative.length} questions).`);
}

function painStatus(what: string, pain: number | undefined, below: number): Status {
  if (pain === undefined) return notTested(`${what} not recorded.`);
  return pain < below
    ? met(`${what} ${pain}/10 is below ${below}/10.`)
    : notMet(`${what} ${pain}/10 is not below ${below}/10.`);
}

function briskWalkStatus(intake: IntakeDraft, minutesNeeded: number): Status {
  const walk = intake.physicalTests?.briskWalk;
  const minutes = walk?.minutes;
  const painFree = walk?.painFree;
  const short = minutes !== undefined && minutes < minutesNeeded;
  if (short && painFree === false) {
    return notMet(`Brisk walk ${minutes} min is shorter than ${minutesNeeded} min, and was painful.`);
  }
  if (short) return notMet(`Brisk walk ${minutes} min is shorter than ${minutesNeeded} min.`);
  if (painFree === false)
    return notMet(minutes === undefined ? 'Brisk walk was painful.' : `Brisk walk ${minutes} min was painful.`);
  if (minutes === undefined && painFree === undefined) return notTested('Brisk walk not tested.');
  if (minutes === undefined) return notTested('Brisk walk pain-free, but its duration is not recorded.');
  if (painFree === undefined) return notTested(`Brisk walk ${minutes} min: whether it was pain-free is not recorded.`);
  return met(`Brisk walk ${minutes} min, pain-free.`);
}

function limbRole(limb: Limb, involved: Limb): string {
  return `${limb} (${limb === involved ? 'involved' : 'uninvolved'})`;
}

/**
 * The LSI cannot apply at all: the episode's side is unknown, or there is no healthy side.
 * `test` names the test as an adjective: "heel-raise", "hop".
 */
function sideIssue(test: string, result: LsiResult): Status | undefined {
  if (result.kind === 'side_unknown') {
    return notTested(`${capitalise(test)} LSI needs the injured side: choose it in the episode.`);
  }
  if (result.kind === 'no_uninvolved_side') {
    return notApplicable(
      result.side === 'both'
        ? `Both sides are involved: no uninvolved side for a ${test} LSI.`
        : `The episode has no side: the ${test} LSI does not apply.`,
    );
  }
  return undefined;
}

/** What is missing for an LSI that could be computed from more data; undefined when none is missing. */
function dataGap(test: string, result: LsiResult): string | undefined {
  if (result.kind === 'missing') {
    return result.missing.length === LIMBS.length
      ? `${capitalise(test)} not recorded.`
      : `${capitalise(test)} not recorded on the ${joinList(result.missing.map((l) => limbRole(l, result.involvedLimb)))} side.`;
  }
  if (result.kind === 'uninvolved_zero') {
    return `${capitalise(test)}: the uninvolved side scored 0, so the LSI cannot be computed.`;
  }
  return undefined;
}

function heelRaiseStatus(pair: SidePair | undefined, side: Side | undefined, atLeast: number): Status {
  const result = sideLsi(pair, side);
  const issue = sideIssue('heel-raise', result);
  if (issue !== undefined) return issue;
  if (result.kind !== 'computed') return notTested(dataGap('heel raises', result) ?? 'Heel raises not recorded.');
  const lsi = formatPercent(result.lsi);
  return result.lsi >= atLeast
    ? met(`Heel-raise LSI ${lsi} meets ${atLeast}%.`)
    : notMet(`Heel-raise LSI ${lsi} is below ${atLeast}%.`);
}

/**
 * The single-leg hop and the triple hop share one criterion: every hop LSI recorded must meet the
 * threshold, and at least one must be recorded. A clinic doing only the single-leg hop is not held
 * back by an untested triple hop.
 */
function hopStatus(intake: IntakeDraft, atLeast: number): Status {
  const side = intake.episode?.side;
  const single = sideLsi(intake.physicalTests?.singleHopCm, side);
  const issue = sideIssue('hop', single);
  const tests = [
    { name: 'single-leg hop', result: single },
    { name: 'triple hop', result: sideLsi(intake.physicalTests?.tripleHopCm, side) },
  ];
  if (issue !== undefined) return issue;
  const computed = tests.flatMap((t) => (t.result.kind === 'computed' ? [{ name: t.name, lsi: t.result.lsi }] : []));
  const partialGaps = tests.flatMap((t) => {
    const gap = dataGap(t.name, t.result);
    const fullyMissing = t.result.kind === 'missing' && t.result.missing.length === LIMBS.length;
    return gap !== undefined && !fullyMissing ? [gap] : [];
  });
  if (computed.length === 0) {
    return notTested(partialGaps.length > 0 ? partialGaps.join(' ') : 'Hop tests not recorded.');
  }
  const phrase = (t: { name: string; lsi: number }) => `${t.name} LSI ${formatPercent(t.lsi)}`;
  const below = computed.filter((t) => t.lsi < atLeast);
  if (below.length > 0) {
    return notMet(`${capitalise(joinList(below.map(phrase)))} ${below.length === 1 ? 'is' : 'are'} below ${atLeast}%.`);
  }
  const verdict = `${capitalise(joinList(computed.map(phrase)))} ${computed.length === 1 ? 'meets' : 'meet'} ${atLeast}%.`;
  return met([verdict, ...partialGaps].join(' '));
}

function kneeSwellingStatus(intake: IntakeDraft, atMost: SwellingGrade): Status {
  const knee = isKneeEpisode(intake.episode);
  if (knee === undefined) return notTested('Choose the injured region: knee swelling applies to knee episodes.');
  if (!knee) return notApplicable('Not a knee episode.');
  const grades = intake.physicalTests?.kneeSwelling;
  const side = intake.episode?.side;
  const required: readonly Limb[] =
    side === 'left' || side === 'right'
      ? [side]
      : side === 'both'
        ? LIMBS
        : LIMBS.filter((l) => grades?.[l] !== undefined);
  const missing = required.filter((l) => grades?.[l] === undefined);
  if (!LIMBS.some((l) => grades?.[l] !== undefined)) return notTested('Knee swelling (sweep test) not recorded.');
  if (missing.length > 0) return notTested(`Knee swelling (sweep test) not recorded on the ${joinList(missing)} side.`);
  const recorded = required.flatMap((limb) => {
    const grade = grades?.[limb];
    return grade === undefined ? [] : [{ limb, grade }];
  });
  const worst = recorded.reduce((a, b) => (swellingRank(b.grade) > swellingRank(a.grade) ? b : a));
  const limit = SWELLING_GRADE_LABELS[atMost];
  const graded = `Knee swelling ${SWELLING_GRADE_LABELS[worst.grade]} (${worst.limb})`;
  return swellingRank(worst.grade) <= swellingRank(atMost)
    ? met(`${graded} is ${limit} or less.`)
    : notMet(`${graded} is more than ${limit}.`);
}

/**
 * Evaluates the readiness checklist from the intake as it stands. `today` (the clinic's date) is
 * needed by the time-based gates (weeks since surgery or birth, the surgeon's date); without it
 * they are "not tested", never met.
 */
export function evaluateReadiness(
  intake: IntakeDraft,
  thresholds: ReadinessThresholds = DEFAULT_READINESS_THRESHOLDS,
  today?: IsoDate,
): ReadinessResult {
  // Thresholds stored before a threshold existed take its default.
  const t: ReadinessThresholds = { ...DEFAULT_READINESS_THRESHOLDS, ...thresholds };
  const symptoms = intake.symptoms;
  const screen = intakeRedFlagScreen(intake);
  const { hold, ...redFlags } = redFlagsStatus(screen);
  const gates = evaluateGates(intake, t, today);
  const criteria: ReadinessCriterion[] = [
    { id: 'red_flags', label: 'No red flag holding running', ...redFlags },
    {
      id: 'walking_pain',
      label: `Walking pain below ${t.walkingPainBelow}/10`,
      ...painStatus('Walking pain', symptoms?.painWalking, t.walkingPainBelow),
    },
    {
      id: 'brisk_walk',
      label: `Pain-free brisk walk of ${t.briskWalkMinutes} min`,
      ...briskWalkStatus(intake, t.briskWalkMinutes),
    },
    {
      id: 'hopping_pain',
      label: `Hopping pain below ${t.hoppingPainBelow}/10`,
      ...painStatus('Hopping pain', symptoms?.painHopping, t.hoppingPainBelow),
    },
    {
      id: 'heel_raise_lsi',
      label: `Heel-raise LSI at least ${t.heelRaiseLsiAtLeast}%`,
      ...heelRaiseStatus(intake.physicalTests?.heelRaises, intake.episode?.side, t.heelRaiseLsiAtLeast),
    },
    {
      id: 'hop_lsi',
      label: `Hop LSI at least ${t.hopLsiAtLeast}%`,
      ...hopStatus(intake, t.hopLsiAtLeast),
    },
    {
      id: 'knee_swelling',
      label: `Knee swelling ${SWELLING_GRADE_LABELS[t.kneeSwellingAtMost]} or less (knee episodes)`,
      ...kneeSwellingStatus(intake, t.kneeSwellingAtMost),
    },
    ...gates,
  ];
  const unmet = criteria.filter((c) => c.status === 'not_met');
  const untested = criteria.filter((c) => c.status === 'not_tested');
  const recommendation: Recommendation =
    hold !== undefined ? 'not_ready_refer' : unmet.length + untested.length === 0 ? 'running_level_1' : 'walking_stage';
  const advice = [
    ...(screen.emergency.length > 0
      ? [
          `Urgent medical care now (emergency department, or an ambulance for chest pain): ${flagList(screen.emergency)}.`,
        ]
      : []),
    ...(screen.refer.length > 0 ? [`Refer to a doctor before running: ${flagList(screen.refer)}.`] : []),
    ...gateAdvice(gates, intake.diagnosisChecks ?? {}),
  ];
  return {
    recommendation,
    headline: hold === undefined ? RECOMMENDATION_LABELS[recommendation] : RED_FLAG_HOLD_HEADLINES[hold],
    ...(hold === undefined ? {} : { redFlagHold: hold }),
    advice,
    guidance: diagnosisGuidance(intake.episode, t),
    criteria,
    reasons: [...unmet, ...untested].map((c) => c.reason),
    unmet: unmet.map((c) => c.id),
    untested: untested.map((c) => c.id),
    thresholds: t,
  };
}
