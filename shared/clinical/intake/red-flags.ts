/**
 * The red-flag screen (docs/clinical-sources.md#stop-and-call and #urgent-signs).
 *
 * One list serves two readers. The intake asks each item as a yes / no / not asked question in
 * the clinician's words; the printed handout's "Stop and call us" and "Get help now" sections
 * reuse the patient wording, written for grade 6 reading or lower: "you", short words, one or two
 * short sentences. Ids are stored in the records: never rename or reuse one.
 *
 * A yes does not always mean the same thing, so each item has a grade:
 * - `emergency`: stop; the patient needs urgent medical care now (possible clot, heart, infection);
 * - `refer`: refer to a doctor before any running (possible bone stress injury, night or rest pain);
 * - `note`: the clinician judges; going on needs a reason typed and stored with the intake.
 */
import { z } from 'zod';
import { optionalText } from '../../text/fields';

export const RED_FLAG_GRADES = ['emergency', 'refer', 'note'] as const;
export type RedFlagGrade = (typeof RED_FLAG_GRADES)[number];

/** What each grade means, as the form and the note say it. */
export const RED_FLAG_GRADE_LABELS: Readonly<Record<RedFlagGrade, string>> = {
  emergency: 'Urgent: stop, urgent medical care now',
  refer: 'Refer to a doctor before running',
  note: 'Clinician judges: a reason is needed to go on',
};

export interface RedFlag {
  id: string;
  /** The finding as the clinician names it, on the form and in the note. */
  clinician: string;
  /** A hint shown beside the question on the form, if any. */
  formHint?: string;
  /** How the item reads on the handout, for the patient. */
  patient: string;
  /**
   * The same sign for a patient who is not running (walking stages, or exercises only), where
   * `patient` speaks of running: a patient who does not run is never told "when you run".
   */
  patientNotRunning?: { walking: string; exercising: string };
  /** Asked only when the episode includes surgery (infection of the wound, post-operative fever). */
  afterSurgeryOnly: boolean;
  /**
   * Asked only for a bone stress injury (or while no diagnosis is chosen), and printed on the
   * handout only when the caller says the patient has one.
   */
  boneStressOnly?: boolean;
  /** Asked at the intake but not printed on the handout (another item there covers it). */
  intakeOnly?: boolean;
  /** `emergency`: the handout tells the patient to get emergency help, not to call the clinic. */
  action: 'call_clinic' | 'emergency';
  /** What a yes means at the intake. */
  grade: RedFlagGrade;
}

export const RED_FLAGS = [
  {
    id: 'running_pain_above_3',
    clinician: 'Pain above 3/10 while running',
    formHint: 'Answer "no" if not running now.',
    patient: 'Your pain is more than 3 out of 10 when you run.',
    patientNotRunning: {
      walking: 'Your pain is more than 3 out of 10 when you walk.',
      exercising: 'Your pain is more than 3 out of 10 when you do your exercises.',
    },
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'note',
  },
  {
    id: 'sharp_or_building_pain',
    clinician: 'Sharp pain, or pain that builds during activity',
    patient: 'The pain is sharp, or it gets worse as you go.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'note',
  },
  {
    id: 'pain_not_settling',
    clinician: 'Pain that does not settle within hours',
    patient: 'The pain does not calm down a few hours after you stop.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'note',
  },
  {
    id: 'night_pain',
    clinician: 'Pain that wakes the patient at night',
    patient: 'The pain wakes you up at night.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'refer',
  },
  {
    id: 'same_spot_every_run',
    clinician: 'Pain at the same spot on every run',
    formHint: 'Answer "no" if not running now.',
    patient: 'It hurts in the same spot each time you run.',
    patientNotRunning: {
      walking: 'It hurts in the same spot each time you walk.',
      exercising: 'It hurts in the same spot each time you do your exercises.',
    },
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'note',
  },
  {
    id: 'limp_or_changed_stride',
    clinician: 'A limp or a changed stride',
    patient: 'You limp, or you walk or run in a new way.',
    patientNotRunning: {
      walking: 'You limp, or you walk in a new way.',
      exercising: 'You limp, or you walk in a new way.',
    },
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'note',
  },
  {
    id: 'pinpoint_bone_pain',
    clinician: 'Pinpoint bone pain (possible bone stress injury)',
    patient: 'One small spot on a bone hurts, for example when you press on it.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'refer',
  },
  {
    id: 'rest_or_walking_pain',
    clinician: 'Pain at rest or when walking',
    formHint: 'Pain at rest alone: also answer the rest-pain question below.',
    patient: 'It hurts when you rest or when you walk.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'note',
  },
  {
    id: 'swelling_or_symptoms_over_24h',
    clinician: 'Swelling, or pain or swelling lasting more than 24 h',
    patient: 'You see new swelling. Or pain or swelling lasts more than a day.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'note',
  },
  {
    id: 'knee_gives_way_or_locks',
    clinician: 'Knee giving way or locking',
    patient: 'Your knee gives way or gets stuck.',
    afterSurgeryOnly: false,
    action: 'call_clinic',
    grade: 'refer',
  },
  {
    id: 'calf_pain_redness_warmth',
    clinician: 'Calf swollen, warm, red or painful (possible deep vein thrombosis)',
    patient: 'Your calf is swollen, warm, red or sore. It could be a clot.',
    afterSurgeryOnly: false,
    action: 'emergency',
    grade: 'emergency',
  },
  {
    id: 'chest_pain_or_breathlessness',
    clinician: 'Chest pain or sudden breathlessness (possible pulmonary embolism or heart problem)',
    patient: 'Your chest hurts, or it is hard to breathe. Call an ambulance now.',
    afterSurgeryOnly: false,
    action: 'emergency',
    grade: 'emergency',
  },
  {
    id: 'fever',
    clinician: 'Fever of 38 °C / 101 °F or more after surgery',
    patient: 'You have a fever. It is 38 °C (101 °F) or more.',
    afterSurgeryOnly: true,
    action: 'emergency',
    grade: 'emergency',
  },
  {
    id: 'wound_redness_or_discharge',
    clinician: 'Wound redness or discharge',
    patient: 'Your wound is red, or fluid comes out of it.',
    afterSurgeryOnly: true,
    action: 'emergency',
    grade: 'emergency',
  },
  {
    id: 'new_numbness',
    clinician: 'New numbness',
    // On the handout this line also stands for `new_weakness`, to keep the urgent box short.
    patient: 'Your leg or foot feels numb or weak, and this is new.',
    afterSurgeryOnly: false,
    action: 'emergency',
    grade: 'emergency',
  },
  // Added with docs/clinical-sources.md#urgent-signs (urgent signs for every runner, not only after surgery).
  {
    id: 'new_weakness',
    clinician: 'New weakness of the leg or foot',
    patient: 'Your leg or foot is weak, and this is new.',
    afterSurgeryOnly: false,
    intakeOnly: true,
    action: 'emergency',
    grade: 'emergency',
  },
  {
    id: 'fainting',
    clinician: 'Fainting or near-fainting',
    patient: 'You faint, or you feel you are about to pass out.',
    afterSurgeryOnly: false,
    action: 'emergency',
    grade: 'emergency',
  },
  {
    id: 'sudden_severe_pain_or_pop',
    clinician: 'Sudden severe pain or a pop, with loss of function',
    patient: 'You feel a sudden bad pain or a pop. Then you cannot use your leg.',
    afterSurgeryOnly: false,
    action: 'emergency',
    grade: 'emergency',
  },
  {
    id: 'fever_hot_swollen_joint',
    clinician: 'Fever with a hot, swollen joint (possible joint infection)',
    patient: 'You have a fever, and a joint is hot and swollen.',
    afterSurgeryOnly: false,
    action: 'emergency',
    grade: 'emergency',
  },
  {
    id: 'rest_pain',
    clinician: 'Pain at rest, not eased by changing position',
    patient: 'It hurts when you rest, even when you move to get comfy.',
    afterSurgeryOnly: false,
    intakeOnly: true,
    action: 'call_clinic',
    grade: 'refer',
  },
  {
    id: 'bone_stress_groin_pain',
    clinician: 'Groin or hip pain on weight bearing (possible femoral neck bone stress injury)',
    formHint: 'Asked for bone stress injuries. Yes: no running, and walk only as the doctor allows.',
    patient: 'Your groin or hip hurts when you stand, walk or hop.',
    afterSurgeryOnly: false,
    boneStressOnly: true,
    action: 'call_clinic',
    grade: 'refer',
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

/** What decides which items to ask: surgery, and whether this is a bone stress injury. */
export interface RedFlagContext {
  surgery: boolean | undefined;
  /** Undefined while no diagnosis is chosen: the bone stress item is asked then too. */
  boneStress?: boolean | undefined;
}

/**
 * The items to ask. With surgery unknown the post-surgery items are included, and with the
 * diagnosis unknown the bone stress item: better one question too many than a missed clot or a
 * missed femoral neck injury.
 */
export function applicableRedFlags(surgery: boolean | undefined, boneStress?: boolean): RedFlagItem[] {
  return RED_FLAGS.filter(
    (f: RedFlag) => (!f.afterSurgeryOnly || surgery !== false) && (f.boneStressOnly !== true || boneStress !== false),
  );
}

/** Why the clinician goes on despite a `note` item answered yes, by item. Stored with the intake. */
export const RedFlagReasons = z.partialRecord(z.enum(RED_FLAG_IDS), optionalText('Reason to go on', 1000, 'multi'));
export type RedFlagReasons = z.infer<typeof RedFlagReasons>;

export interface RedFlagScreen {
  /** Items answered yes, whether or not they apply to this episode: a yes is never ignored. */
  positive: RedFlagItem[];
  /** The positive items by grade. */
  emergency: RedFlagItem[];
  refer: RedFlagItem[];
  /** `note` items answered yes with the clinician's reason to go on. */
  noted: { flag: RedFlagItem; reason: string }[];
  /** `note` items answered yes with no reason typed yet: they hold the intake like a referral. */
  needReason: RedFlagItem[];
  /** Applicable items not answered yet. */
  notAsked: RedFlagItem[];
  /** Applicable items answered no. */
  negative: RedFlagItem[];
  /** Every applicable item answered and none positive. */
  clear: boolean;
}

export function screenRedFlags(
  answers: RedFlagAnswers | undefined,
  surgery: boolean | undefined,
  options: { boneStress?: boolean | undefined; reasons?: RedFlagReasons | undefined } = {},
): RedFlagScreen {
  const positive = RED_FLAGS.filter((f) => answers?.[f.id] === 'yes');
  const applicable = applicableRedFlags(surgery, options.boneStress);
  const notAsked = applicable.filter((f) => {
    const answer = answers?.[f.id];
    return answer === undefined || answer === 'not_asked';
  });
  const negative = applicable.filter((f) => answers?.[f.id] === 'no');
  const notes = positive.filter((f) => f.grade === 'note');
  const reasonOf = (f: RedFlagItem) => (options.reasons?.[f.id] ?? '').trim();
  return {
    positive,
    emergency: positive.filter((f) => f.grade === 'emergency'),
    refer: positive.filter((f) => f.grade === 'refer'),
    noted: notes.filter((f) => reasonOf(f) !== '').map((flag) => ({ flag, reason: reasonOf(flag) })),
    needReason: notes.filter((f) => reasonOf(f) === ''),
    notAsked,
    negative,
    clear: positive.length === 0 && notAsked.length === 0,
  };
}

/**
 * The handout's content, in the patient's words. `emergency` is the "Stop and get urgent help"
 * list, printed for every patient (docs/clinical-sources.md#urgent-signs), with the post-surgery signs (fever,
 * wound) added after surgery; `callUs` is "Stop and call us" (section 5). Emergency items are
 * listed apart so the handout can head them "Get help now" and never bury them among the calls.
 */
export function stopAndCallItems(
  surgery: boolean,
  options: { boneStress?: boolean; knee?: boolean; activity?: 'running' | 'walking' | 'exercising' | null } = {},
): { callUs: string[]; emergency: string[] } {
  const items = applicableRedFlags(surgery, options.boneStress === true)
    .filter((f: RedFlag) => f.intakeOnly !== true)
    // A knee that gives way is a knee patient's sign: others are not warned about a knee.
    .filter((f) => options.knee !== false || f.id !== 'knee_gives_way_or_locks');
  const activity = options.activity ?? 'running';
  const words = (f: RedFlag): string =>
    activity === 'running' || !f.patientNotRunning
      ? f.patient
      : activity === 'walking'
        ? f.patientNotRunning.walking
        : f.patientNotRunning.exercising;
  return {
    callUs: items.filter((f) => f.action === 'call_clinic').map(words),
    emergency: items.filter((f) => f.action === 'emergency').map(words),
  };
}
