/**
 * What some diagnoses need recorded before running, beyond the common checklist and the physical
 * tests (docs/clinical-sources.md#readiness): the surgeon's running date after meniscus surgery; healing,
 * tenderness, hopping and the RED-S screen for a bone stress injury; the early hamstring tests;
 * the postnatal load and impact tests and strength tests. Each part is asked only for its diagnosis; the readiness
 * gates (readiness-gates.ts) read it. Every field is optional in a draft. Codes are stored: never
 * rename or reuse one.
 */
import { z } from 'zod';
import { isoDate } from '../../text/fields';
import type { IsoDate } from '../../time/dates';
import { wholeNumber, yesNo } from './fields';

/** How healing of a high-risk bone stress injury was confirmed before running. */
export const HEALING_CLEARANCES = ['imaging', 'doctor', 'not_yet'] as const;
export type HealingClearance = (typeof HEALING_CLEARANCES)[number];
export const HEALING_CLEARANCE_LABELS: Readonly<Record<HealingClearance, string>> = {
  imaging: 'Healing confirmed on imaging',
  doctor: 'Cleared to run by the treating doctor',
  not_yet: 'Not yet',
};

/**
 * The low energy availability / RED-S screen for every bone stress patient (IOC consensus 2023,
 * Mountjoy, BJSM; Female Athlete Triad cumulative risk assessment, De Souza 2014). A yes to any
 * item means referral advice (doctor, sports dietitian), recorded with the readiness result.
 */
export const RED_S_ITEMS = [
  {
    id: 'missed_periods',
    question: 'Missed or absent periods (not pregnant, not on hormonal contraception that stops them)',
    forWomenOnly: true,
  },
  { id: 'late_first_period', question: 'First period at 15 or older', forWomenOnly: true },
  { id: 'low_weight_or_loss', question: 'Low body weight (BMI below 18.5) or recent weight loss', forWomenOnly: false },
  { id: 'restrictive_eating', question: 'Restrictive eating, or eating less than training needs', forWomenOnly: false },
  { id: 'previous_bone_stress', question: 'Previous bone stress injuries', forWomenOnly: false },
  { id: 'low_bone_density', question: 'Low bone density (told so after a scan)', forWomenOnly: false },
] as const;
export type RedSItemId = (typeof RED_S_ITEMS)[number]['id'];
export const RED_S_IDS = RED_S_ITEMS.map((i) => i.id) as [RedSItemId, ...RedSItemId[]];
export const RED_S_ANSWERS = ['yes', 'no', 'not_applicable'] as const;
export type RedSAnswer = (typeof RED_S_ANSWERS)[number];

/**
 * The load and impact tests before running after childbirth (Goom, Donnelly, Brockwell 2019,
 * "Returning to running postnatal"; docs/clinical-sources.md#readiness). Each passes only without pain,
 * heaviness or dragging, or leaking.
 */
export const POSTNATAL_LOAD_TESTS = [
  { id: 'walk_30_min', label: 'Walk 30 minutes' },
  { id: 'single_leg_balance', label: 'Single-leg balance 10 s, each leg' },
  { id: 'single_leg_squat', label: '10 single-leg squats, each side' },
  { id: 'jog_on_spot', label: 'Jog on the spot 1 minute' },
  { id: 'forward_bounds', label: '10 forward bounds' },
  { id: 'hop_on_spot', label: '10 hops on the spot, each leg' },
  { id: 'running_man', label: '"Running man" (opposite arm and leg) 10 each side' },
] as const;
export type PostnatalLoadTestId = (typeof POSTNATAL_LOAD_TESTS)[number]['id'];
export const POSTNATAL_LOAD_TEST_IDS = POSTNATAL_LOAD_TESTS.map((t) => t.id) as [
  PostnatalLoadTestId,
  ...PostnatalLoadTestId[],
];
/**
 * The strength tests before running after childbirth, 20 repetitions each side (Goom, Donnelly,
 * Brockwell 2019; docs/clinical-sources.md#readiness). A test passes only with 20 on each side without pain,
 * heaviness or dragging, or leaking.
 */
export const POSTNATAL_STRENGTH_TESTS = [
  { id: 'single_leg_calf_raise', label: 'Single-leg calf raise, 20 each side' },
  { id: 'single_leg_bridge', label: 'Single-leg bridge, 20 each side' },
  { id: 'single_leg_sit_to_stand', label: 'Single-leg sit to stand, 20 each side' },
  { id: 'side_lying_leg_raise', label: 'Side-lying leg raise, 20 each side' },
] as const;
export type PostnatalStrengthTestId = (typeof POSTNATAL_STRENGTH_TESTS)[number]['id'];
export const POSTNATAL_STRENGTH_TEST_IDS = POSTNATAL_STRENGTH_TESTS.map((t) => t.id) as [
  PostnatalStrengthTestId,
  ...PostnatalStrengthTestId[],
];
export const PASS_FAIL = ['pass', 'fail'] as const;
export type PassFail = (typeof PASS_FAIL)[number];

function diagnosisChecksObject(birthDate: z.ZodType<string>) {
  return z
    .strictObject({
      meniscus: z
        .strictObject({
          /** The earliest running date in the surgeon's note. */
          surgeonEarliestRunDate: isoDate('The surgeon’s earliest running date'),
          /** The surgeon's note clears running now (no date given). */
          surgeonCleared: yesNo('Has the surgeon cleared running?'),
        })
        .partial(),
      boneStress: z
        .strictObject({
          healingClearance: z.enum(HEALING_CLEARANCES, {
            error: 'Healing: choose imaging, the treating doctor, or not yet.',
          }),
          /** Weeks of pain-free walking already done (the walk phase before running). */
          walkPhaseWeeks: wholeNumber('Pain-free walk phase done', 0, 52, 'weeks'),
          siteTender: yesNo('Is the bone tender when you press the site?'),
          hopOnSpotPainFree: yesNo('Were 10-15 hops on the spot on the injured leg pain-free?'),
          redS: z.partialRecord(
            z.enum(RED_S_IDS),
            z.enum(RED_S_ANSWERS, { error: 'Answer each RED-S question with yes, no or not applicable.' }),
          ),
        })
        .partial(),
      hamstring: z
        .strictObject({
          walkingStridePainFree: yesNo('Is the normal walking stride pain-free?'),
          isometricFlexionPainFree: yesNo('Is isometric knee flexion at 90 degrees (prone) pain-free?'),
          slowJogPainFree: yesNo('Is a very slow jog pain-free?'),
        })
        .partial(),
      postnatal: z
        .strictObject({
          birthDate,
          /** Leaking, heaviness or dragging, or pelvic pain now. */
          pelvicFloorSymptoms: yesNo('Are there pelvic floor symptoms (leaking, heaviness or dragging, pain)?'),
          loadTests: z.partialRecord(
            z.enum(POSTNATAL_LOAD_TEST_IDS),
            z.enum(PASS_FAIL, { error: 'Record each load and impact test as passed or failed.' }),
          ),
          /** The four strength tests, 20 each side; absent in intakes saved before them. */
          strengthTests: z.partialRecord(
            z.enum(POSTNATAL_STRENGTH_TEST_IDS),
            z.enum(PASS_FAIL, { error: 'Record each strength test as passed or failed.' }),
          ),
        })
        .partial(),
    })
    .partial();
}

const birthDateField = isoDate('Date of the birth');

/** The diagnosis checks as saved while typing (shape only; see `diagnosisChecksDraftOn`). */
export const DiagnosisChecksDraft = diagnosisChecksObject(birthDateField);
export type DiagnosisChecksDraft = z.infer<typeof DiagnosisChecksDraft>;

/** Also refuses a birth date after `today`. */
export function diagnosisChecksDraftOn(today: IsoDate) {
  return diagnosisChecksObject(
    birthDateField.refine((d) => d <= today, {
      error: (iss) =>
        `Date of the birth (${String(iss.input)}) is after today (${today}): enter the day the baby was born.`,
    }),
  );
}
