/**
 * An episode of care: one injury, from the first visit to discharge. A patient may have several
 * over the years. The codes below are stored in the records: never rename or reuse one; add new
 * codes instead, and retire old ones by hiding them from the pick list.
 */
import { z } from 'zod';
import { isoDate, optionalText } from '../../text/fields';
import type { IsoDate } from '../../time/dates';
import type { FieldProblem } from './fields';

export const REGIONS = [
  'lower_back_pelvis',
  'hip_groin',
  'thigh',
  'knee',
  'lower_leg',
  'achilles',
  'ankle',
  'foot',
  'other',
] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_LABELS: Readonly<Record<Region, string>> = {
  lower_back_pelvis: 'Lower back and pelvis',
  hip_groin: 'Hip and groin',
  thigh: 'Thigh',
  knee: 'Knee',
  lower_leg: 'Lower leg (shin and calf)',
  achilles: 'Achilles tendon',
  ankle: 'Ankle',
  foot: 'Foot',
  other: 'Other',
};

export const SIDES = ['left', 'right', 'both', 'not_applicable'] as const;
export type Side = (typeof SIDES)[number];
export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  left: 'Left',
  right: 'Right',
  both: 'Both',
  not_applicable: 'Not applicable',
};

export interface DiagnosisEntry {
  code: string;
  label: string;
  /** The region this diagnosis usually sits in, to prefill the form and to tell knee episodes. */
  region: Region;
  /** The diagnosis names an operation: the episode must record the surgery. */
  surgical: boolean;
}

/** The pick list of common running injuries. `other` needs a description in `diagnosisDetail`. */
export const DIAGNOSES = [
  { code: 'hamstring_strain', label: 'Hamstring strain', region: 'thigh', surgical: false },
  { code: 'achilles_tendinopathy', label: 'Achilles tendinopathy', region: 'achilles', surgical: false },
  { code: 'calf_strain', label: 'Calf strain', region: 'lower_leg', surgical: false },
  { code: 'mtss', label: 'Medial tibial stress syndrome (shin splints)', region: 'lower_leg', surgical: false },
  { code: 'bone_stress_injury', label: 'Bone stress injury', region: 'lower_leg', surgical: false },
  { code: 'patellofemoral_pain', label: 'Patellofemoral pain', region: 'knee', surgical: false },
  { code: 'patellar_tendinopathy', label: 'Patellar tendinopathy', region: 'knee', surgical: false },
  { code: 'itb_syndrome', label: 'Iliotibial band syndrome', region: 'knee', surgical: false },
  { code: 'gluteal_tendinopathy', label: 'Gluteal tendinopathy', region: 'hip_groin', surgical: false },
  { code: 'plantar_heel_pain', label: 'Plantar heel pain', region: 'foot', surgical: false },
  { code: 'acl_reconstruction', label: 'ACL reconstruction', region: 'knee', surgical: true },
  { code: 'meniscus_surgery', label: 'Meniscus surgery', region: 'knee', surgical: true },
  { code: 'ankle_sprain', label: 'Ankle sprain', region: 'ankle', surgical: false },
  { code: 'other', label: 'Other', region: 'other', surgical: false },
  // Return to running after childbirth (Goom, Donnelly, Brockwell 2019): not an injury, but the same path.
  { code: 'postnatal_return', label: 'Return to running after childbirth', region: 'other', surgical: false },
] as const satisfies readonly DiagnosisEntry[];

export type DiagnosisCode = (typeof DIAGNOSES)[number]['code'];
export const DIAGNOSIS_CODES = DIAGNOSES.map((d) => d.code) as [DiagnosisCode, ...DiagnosisCode[]];

const DIAGNOSIS_BY_CODE = Object.fromEntries(DIAGNOSES.map((d) => [d.code, d])) as Readonly<
  Record<DiagnosisCode, DiagnosisEntry>
>;

export function diagnosisEntry(code: DiagnosisCode): DiagnosisEntry {
  return DIAGNOSIS_BY_CODE[code];
}

export const BONE_STRESS_SITES = [
  'tibia',
  'tibia_anterior',
  'fibula',
  'medial_malleolus',
  'metatarsal',
  'fifth_metatarsal',
  'navicular',
  'talus',
  'sesamoid',
  'calcaneus',
  'femoral_neck',
  'femoral_shaft',
  'patella',
  'pelvis_sacrum',
  'other',
] as const;
export type BoneStressSite = (typeof BONE_STRESS_SITES)[number];
export const BONE_STRESS_SITE_LABELS: Readonly<Record<BoneStressSite, string>> = {
  tibia: 'Tibia, posteromedial',
  tibia_anterior: 'Tibia, anterior cortex',
  fibula: 'Fibula',
  medial_malleolus: 'Medial malleolus',
  metatarsal: 'Metatarsal, 2nd to 4th',
  fifth_metatarsal: 'Fifth metatarsal, base',
  navicular: 'Navicular',
  talus: 'Talus',
  sesamoid: 'Sesamoid, great toe',
  calcaneus: 'Calcaneus',
  femoral_neck: 'Femoral neck',
  femoral_shaft: 'Femoral shaft',
  patella: 'Patella',
  pelvis_sacrum: 'Pelvis or sacrum',
  other: 'Other site',
};

/**
 * High-risk bone stress sites: poor healing and more complications, so running waits for imaging
 * or the doctor's clearance and a walk phase (Hoenig 2023, BJSM 57:427; Warden 2021; docs/clinical-sources.md
 * section 7). "Other site" counts as high risk: an unknown site is treated as the worse case.
 * Femoral neck is high risk on its tension side; the app does not ask the side of the neck, so
 * every femoral neck injury is treated as high risk.
 */
export const HIGH_RISK_BONE_STRESS_SITES: readonly BoneStressSite[] = [
  'femoral_neck',
  'tibia_anterior',
  'medial_malleolus',
  'navicular',
  'fifth_metatarsal',
  'sesamoid',
  'talus',
  'patella',
  'other',
];

export function isHighRiskBoneStressSite(site: BoneStressSite): boolean {
  return HIGH_RISK_BONE_STRESS_SITES.includes(site);
}

export const ONSET_TYPES = ['gradual', 'sudden'] as const;
export type OnsetType = (typeof ONSET_TYPES)[number];
export const ONSET_TYPE_LABELS: Readonly<Record<OnsetType, string>> = {
  gradual: 'Gradual (overuse)',
  sudden: 'Sudden (a specific moment)',
};

export const REFERRAL_SOURCES = [
  'self',
  'family_doctor',
  'sports_physician',
  'orthopaedic_surgeon',
  'another_therapist',
  'coach',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export const REFERRAL_SOURCE_LABELS: Readonly<Record<ReferralSource, string>> = {
  self: 'Self-referred',
  family_doctor: 'Family doctor',
  sports_physician: 'Sports physician',
  orthopaedic_surgeon: 'Orthopaedic surgeon',
  another_therapist: 'Another therapist',
  coach: 'Coach',
  other: 'Other',
};

const SURGERY_QUESTION = 'Say whether the patient had surgery for this injury: yes or no.';
const surgeryFields = {
  performed: z.enum(['yes', 'no'], { error: SURGERY_QUESTION }),
  type: optionalText('Type of surgery', 200),
  date: isoDate('Date of surgery'),
};

export const SurgeryDraft = z.strictObject(surgeryFields).partial();
export type SurgeryDraft = z.infer<typeof SurgeryDraft>;

const episodeFields = {
  region: z.enum(REGIONS, { error: 'Choose the injured region from the list.' }),
  side: z.enum(SIDES, { error: 'Choose the injured side: left, right, both or not applicable.' }),
  diagnosis: z.enum(DIAGNOSIS_CODES, { error: 'Choose a diagnosis from the list, or choose "Other" and describe it.' }),
  /** Free text beside the code: required for "Other", optional detail otherwise. */
  diagnosisDetail: optionalText('Diagnosis detail', 300),
  boneStressSite: z.enum(BONE_STRESS_SITES, { error: 'Choose the site of the bone stress injury from the list.' }),
  onsetDate: isoDate('Date of onset'),
  onsetType: z.enum(ONSET_TYPES, { error: 'Choose how it started: gradually or suddenly.' }),
  /** How it happened, in the clinician's words. */
  mechanism: optionalText('How it happened', 2000, 'multi'),
  surgery: SurgeryDraft,
  referralSource: z.enum(REFERRAL_SOURCES, { error: 'Choose who referred the patient from the list.' }),
  referralDetail: optionalText('Referral detail', 300),
};

type EpisodeShape = z.infer<ReturnType<typeof episodeDraftObject>>;
function episodeDraftObject() {
  return z.strictObject(episodeFields).partial();
}

/** Rules between fields that hold for drafts too: a saved draft never contradicts itself. */
function checkConsistency(episode: EpisodeShape, ctx: z.RefinementCtx): void {
  const surgery = episode.surgery;
  if (surgery?.performed === 'no' && (surgery.date !== undefined || (surgery.type ?? '') !== '')) {
    ctx.addIssue({
      code: 'custom',
      path: ['surgery', 'performed'],
      message: 'Surgery is marked "no" but a type or date of surgery is filled in: change one of them.',
    });
  }
  if (surgery?.date !== undefined && episode.onsetDate !== undefined && surgery.date < episode.onsetDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['surgery', 'date'],
      message: `Date of surgery (${surgery.date}) is before the date of onset (${episode.onsetDate}): check both dates.`,
    });
  }
}

/**
 * What a signed episode must hold beyond its required fields, as problems with their paths.
 * Exported so the signing check can report these together with missing fields: zod runs an
 * object's refinements only once its fields parse, which would make the clinician fix things in
 * two rounds.
 */
export function episodeCompletenessProblems(episode: EpisodeDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const diagnosis = episode.diagnosis;
  if (diagnosis === 'other' && (episode.diagnosisDetail ?? '') === '') {
    problems.push({ path: 'diagnosisDetail', message: 'Describe the diagnosis: you chose "Other".' });
  }
  if (diagnosis === 'bone_stress_injury' && episode.boneStressSite === undefined) {
    problems.push({
      path: 'boneStressSite',
      message: 'Choose the site of the bone stress injury (tibia, metatarsal...).',
    });
  }
  if (diagnosis !== undefined && diagnosis !== 'bone_stress_injury' && episode.boneStressSite !== undefined) {
    problems.push({
      path: 'boneStressSite',
      message: 'A bone stress site is filled in but the diagnosis is not a bone stress injury: clear the site.',
    });
  }
  const surgery = episode.surgery;
  if (diagnosis !== undefined && diagnosisEntry(diagnosis).surgical && surgery?.performed !== 'yes') {
    problems.push({
      path: 'surgery.performed',
      message: `${diagnosisEntry(diagnosis).label} is an operation: mark surgery "yes" and give its type and date.`,
    });
  }
  if (surgery?.performed === 'yes') {
    if ((surgery.type ?? '') === '') problems.push({ path: 'surgery.type', message: 'Enter the type of surgery.' });
    if (surgery.date === undefined) problems.push({ path: 'surgery.date', message: 'Enter the date of surgery.' });
  }
  return problems;
}

function checkCompleteness(episode: EpisodeShape, ctx: z.RefinementCtx): void {
  for (const problem of episodeCompletenessProblems(episode)) {
    ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
  }
}

/** Dates that cannot be later than the visit. `today` is the clinic's date, passed in. */
function checkAgainstToday(episode: EpisodeShape, today: IsoDate, ctx: z.RefinementCtx): void {
  if (episode.onsetDate !== undefined && episode.onsetDate > today) {
    ctx.addIssue({
      code: 'custom',
      path: ['onsetDate'],
      message: `Date of onset (${episode.onsetDate}) is after today (${today}): enter the day the symptoms started.`,
    });
  }
  const surgeryDate = episode.surgery?.date;
  if (surgeryDate !== undefined && surgeryDate > today) {
    ctx.addIssue({
      code: 'custom',
      path: ['surgery', 'date'],
      message: `Date of surgery (${surgeryDate}) is after today (${today}): enter the date of the operation already done.`,
    });
  }
}

/**
 * An episode as saved while the intake is being typed: any field may be missing, but what is
 * there is valid and consistent. Does not know today's date: use `episodeDraftOn(today)` to also
 * refuse dates in the future.
 */
export const EpisodeDraft = episodeDraftObject().superRefine(checkConsistency);
export type EpisodeDraft = z.infer<typeof EpisodeDraft>;

/** An episode complete enough to sign. */
export const Episode = z
  .strictObject({
    ...episodeFields,
    diagnosisDetail: episodeFields.diagnosisDetail.optional(),
    boneStressSite: episodeFields.boneStressSite.optional(),
    mechanism: episodeFields.mechanism.optional(),
    surgery: z.strictObject(
      {
        performed: surgeryFields.performed,
        type: surgeryFields.type.optional(),
        date: surgeryFields.date.optional(),
      },
      { error: (iss) => (iss.code === 'invalid_type' ? SURGERY_QUESTION : undefined) },
    ),
    referralSource: episodeFields.referralSource.optional(),
    referralDetail: episodeFields.referralDetail.optional(),
  })
  .superRefine(checkConsistency)
  .superRefine(checkCompleteness);
export type Episode = z.infer<typeof Episode>;

export function episodeDraftOn(today: IsoDate) {
  return EpisodeDraft.superRefine((episode, ctx) => checkAgainstToday(episode, today, ctx));
}

export function episodeOn(today: IsoDate) {
  return Episode.superRefine((episode, ctx) => checkAgainstToday(episode, today, ctx));
}

/** A diagnosis as a clinician reads it: "Bone stress injury (tibia)", "Other: cuboid syndrome". */
export function describeDiagnosis(episode: EpisodeDraft): string | undefined {
  if (episode.diagnosis === undefined) return undefined;
  const label = diagnosisEntry(episode.diagnosis).label;
  const detail = episode.diagnosisDetail ?? '';
  if (episode.diagnosis === 'other') return detail === '' ? label : `Other: ${detail}`;
  const site = episode.boneStressSite;
  const withSite =
    episode.diagnosis === 'bone_stress_injury' && site !== undefined
      ? `${label} (${BONE_STRESS_SITE_LABELS[site].toLowerCase()})`
      : label;
  return detail === '' ? withSite : `${withSite}: ${detail}`;
}

/**
 * Whether the knee is involved: the region says so, or (region not chosen yet) the diagnosis
 * sits at the knee. Undefined when neither is known.
 */
export function isKneeEpisode(episode: EpisodeDraft | undefined): boolean | undefined {
  if (episode?.region !== undefined) return episode.region === 'knee';
  if (episode?.diagnosis !== undefined) return diagnosisEntry(episode.diagnosis).region === 'knee';
  return undefined;
}

/** Whether this is a bone stress injury; undefined while no diagnosis is chosen. */
export function isBoneStressEpisode(episode: EpisodeDraft | undefined): boolean | undefined {
  return episode?.diagnosis === undefined ? undefined : episode.diagnosis === 'bone_stress_injury';
}

export function isAchillesEpisode(episode: EpisodeDraft | undefined): boolean {
  return episode?.diagnosis === 'achilles_tendinopathy';
}

/** Whether surgery is part of this episode; undefined while not answered (and not implied). */
export function hadSurgery(episode: EpisodeDraft | undefined): boolean | undefined {
  if (episode?.surgery?.performed !== undefined) return episode.surgery.performed === 'yes';
  if (episode?.diagnosis !== undefined && diagnosisEntry(episode.diagnosis).surgical) return true;
  return undefined;
}
