/**
 * The red-flag screen (clinical.md section 5, "Stop and call the clinic").
 *
 * One list serves two readers. The intake asks each item as a yes / no / not asked question in
 * the clinician's words; the printed handout's "Stop and call us" section reuses the patient
 * wording, written for grade 6 reading or lower: "you", short words, one or two short sentences.
 * Ids are stored in the records: never rename or reuse one.
 */
import { z } from 'zod';

export interface RedFlag {
  id: string;
  /** The finding as the clinician names it, on the form and in the note. */
  clinician: string;
  /** A hint shown beside the question on the form, if any. */
  formHint?: string;
  /** How the item reads on the handout, for the patient. */
  patient: string;
  /** Asked only when the episode includes surgery (possible clot, infection, nerve injury). */
  afterSurgeryOnly: boolean;
  /** `emergency`: the handout tells the patient to get emergency help, not to call the clinic. */
  action: 'call_clinic' | 'emergency';
}

export const RED_FLAGS = [
  {
    id: 'running_pain_above_3',
    clinician: 'Pain above 3/10 while running',
    formHint: 'Answer "no" if not running now.',
    patient: 'Your pain is more than 3 out of 10 when you run.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'sharp_or_building_pain',
    clinician: 'Sharp pain, or pain that builds during activity',
    patient: 'The pain is sharp, or it gets worse as you go.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'pain_not_settling',
    clinician: 'Pain that does not settle within hours',
    patient: 'The pain does not calm down a few hours after you stop.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'night_pain',
    clinician: 'Pain that wakes the patient at night',
    patient: 'The pain wakes you up at night.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'same_spot_every_run',
    clinician: 'Pain at the same spot on every run',
    formHint: 'Answer "no" if not running now.',
    patient: 'It hurts in the same spot each time you run.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'limp_or_changed_stride',
    clinician: 'A limp or a changed stride',
    patient: 'You limp, or you walk or run in a new way.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'pinpoint_bone_pain',
    clinician: 'Pinpoint bone pain (possible bone stress injury)',
    patient: 'One small spot on a bone hurts, for example when you press on it.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'rest_or_walking_pain',
    clinician: 'Pain at rest or when walking',
    patient: 'It hurts when you rest or when you walk.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'swelling_or_symptoms_over_24h',
    clinician: 'Swelling, or pain or swelling lasting more than 24 h',
    patient: 'You see new swelling. Or pain or swelling lasts more than a day.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'knee_gives_way_or_locks',
    clinician: 'Knee giving way or locking',
    patient: 'Your knee gives way or gets stuck.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
  },
  {
    id: 'calf_pain_redness_warmth',
    clinician: 'Calf pain, redness or warmth (possible deep vein thrombosis)',
    patient: 'Your calf hurts, or it is red or warm.',
    afterSurgeryOnly: true,
    action: 'call_clinic',
  },
  {
    id: 'chest_pain_or_breathlessness',
    clinician: 'Chest pain or breathlessness (possible pulmonary embolism)',
    patient: 'Your chest hurts, or it is hard to breathe. Call an ambulance now.',
    afterSurgeryOnly: true,
    action: 'emergency',
  },
  {
    id: 'fever',
    clinician: 'Fever of 38 °C / 101 °F or more',
    patient: 'You have a fever. It is 38 °C (101 °F) or more.',
    afterSurgeryOnly: true,
    action: 'call_clinic',
  },
  {
    id: 'wound_redness_or_discharge',
    clinician: 'Wound redness or discharge',
    patient: 'Your wound is red, or fluid comes out of it.',
    afterSurgeryOnly: true,
    action: 'call_clinic',
  },
  {
    id: 'new_numbness',
    clinician: 'New numbness',
    patient: 'Part of your leg or foot feels numb, and this is new.',
    afterSurgeryOnly: true,
    action: 'call_clinic',
  },
] as const satisfies readonly RedFlag[];

/** One item of the list, with its id typed. */
export type RedFlagItem = (typeof RED_FLAGS)[number];
export type RedFlagId = RedFlagItem['id'];
export const RED_FLAG_IDS = RED_FLAGS.map((f) => f.id) as [RedFlagId, ...RedFlagId[]];

export const RED_FLAG_ANSWERS = ['yes', 'no', 'not_asked'] as const;
export type RedFlagAnswer = (typeof RED_FLAG_ANSWERS)[number];

/** The answers recorded so far; an item not in the record has not been asked. */
export const RedFlagAnswers = z.partialRecord(
  z.enum(RED_FLAG_IDS),
  z.enum(RED_FLAG_ANSWERS, { error: 'Answer each red-flag question with yes, no or not asked.' }),
);
export type RedFlagAnswers = z.infer<typeof RedFlagAnswers>;

/**
 * The items to ask. With surgery unknown the post-surgery items are included: better one question
 * too many than a missed clot.
 */
export function applicableRedFlags(surgery: boolean | undefined): RedFlagItem[] {
  return RED_FLAGS.filter((f) => !f.afterSurgeryOnly || surgery !== false);
}

export interface RedFlagScreen {
  /** Items answered yes, whether or not they apply to this episode: a yes is never ignored. */
  positive: RedFlagItem[];
  /** Applicable items not answered yet. */
  notAsked: RedFlagItem[];
  /** Applicable items answered no. */
  negative: RedFlagItem[];
  /** Every applicable item answered and none positive. */
  clear: boolean;
}

export function screenRedFlags(answers: RedFlagAnswers | undefined, surgery: boolean | undefined): RedFlagScreen {
  const positive = RED_FLAGS.filter((f) => answers?.[f.id] === 'yes');
  const applicable = applicableRedFlags(surgery);
  const notAsked = applicable.filter((f) => {
    const answer = answers?.[f.id];
    return answer === undefined || answer === 'not_asked';
  });
  const negative = applicable.filter((f) => answers?.[f.id] === 'no');
  return { positive, notAsked, negative, clear: positive.length === 0 && notAsked.length === 0 };
}

/**
 * The handout's "Stop and call us" content, in the patient's words. Emergency items are listed
 * apart so the handout can head them "Get help now" and never bury them among the calls.
 */
export function stopAndCallItems(surgery: boolean): { callUs: string[]; emergency: string[] } {
  const items = applicableRedFlags(surgery);
  return {
    callUs: items.filter((f) => f.action === 'call_clinic').map((f) => f.patient),
    emergency: items.filter((f) => f.action === 'emergency').map((f) => f.patient),
  };
}
