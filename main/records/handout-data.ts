/**
 * Gathers an episode's HandoutData from the records, one small function per part, so each part
 * can be replaced as the feature behind it lands:
 *
 *   clinic settings  -> clinic, units, paper size, first day of the week
 *   patient          -> the name printed on every page
 *   clinician        -> who gives the handout (the signed-in clinician)
 *   running          -> runningOf(): the episode's programme and where the patient is in it
 *   rule set         -> ruleSetOf(): the soreness rules the app applies to this episode
 *   exercises        -> exercisesOf(): the episode's current home-exercise prescription, with
 *                       the bytes of any uploaded pictures (exercise_images)
 *   red flags        -> whether the diagnosis is an operation (adds the post-surgery signs)
 *   next visit       -> nextVisitOf(): the next booked appointment
 *
 * Parts whose records are not in this build yet give what the handout prints without them (no
 * running section, no exercise section, no next visit); see the comment on each. The handout
 * reads well either way (shared/handout/content.ts).
 */
import { diagnosisEntry } from '../../shared/clinical/intake/episode';
import type { RuleSet } from '../../shared/clinical/rule-set';
import { DEFAULT_RULE_SET } from '../../shared/clinical/rule-sets';
import type { EpisodeSummary } from '../../shared/domain/episode';
import type {
  HandoutData,
  HandoutExercise,
  HandoutImage,
  HandoutRunning,
  WeekStart,
} from '../../shared/handout/handout-data';
import { HANDOUT_DATA_FORMAT } from '../../shared/handout/handout-data';
import { exercisePart } from '../../shared/handout/parts';
import type { DateFormat, IsoDate } from '../../shared/time/dates';
import type { Db } from '../db/open';
import { getClinician, requireSettings } from './clinic';
import { getEpisode } from './episodes';
import { readImage } from './exercise-images';
import { getPatient } from './patients';
import { currentPrescription } from './prescriptions';

/** US-style dates (month first) go with calendars that start on Sunday; the others with Monday. */
export function weekStartFor(dateFormat: DateFormat): WeekStart {
  return dateFormat === 'MM/DD/YYYY' ? 'sunday' : 'monday';
}

function clinicPart(db: Db): Pick<HandoutData, 'clinic' | 'units' | 'paperSize' | 'weekStartsOn'> {
  const s = requireSettings(db);
  return {
    clinic: { name: s.clinicName, phone: s.phone, address: s.address, email: s.email },
    units: s.units,
    paperSize: s.paperSize,
    weekStartsOn: weekStartFor(s.dateFormat),
  };
}

function clinicianPart(db: Db, clinicianId: number): HandoutData['clinician'] {
  const c = getClinician(db, clinicianId);
  return { name: c.name, profession: c.profession, registrationNumber: c.registrationNumber };
}

/**
 * The next booked visit. This build keeps no appointments, so there is none: the handout then
 * plans two weeks ahead and prints no visit date.
 */
export function nextVisitOf(_db: Db, _episode: EpisodeSummary, _today: IsoDate): IsoDate | null {
  return null;
}

/**
 * The soreness rules applied to this episode. This build keeps no rule-set records, so it is the
 * clinic's default set as the app ships it (the seed's rules); the running feature replaces this
 * with the set its decisions use, so the paper always says what the app applies.
 */
export function ruleSetOf(_db: Db, _episode: EpisodeSummary): RuleSet {
  return DEFAULT_RULE_SET;
}

/**
 * The running part. This build keeps no programme records, so there is none and the handout says
 * running is not in the plan yet. With programmes stored: `runningPart(programme, progress, today,
 * nextVisit)` from shared/handout/parts.ts builds it from the episode's programme and progress.
 */
export function runningOf(
  _db: Db,
  _episode: EpisodeSummary,
  _today: IsoDate,
  _nextVisit: IsoDate | null,
): HandoutRunning | null {
  return null;
}

/**
 * The home exercises of the episode's current prescription, in the order given, each as it was
 * prescribed (the prescription keeps a copy of the exercise), with this patient's dosage and the
 * clinician's note; and the bytes of any uploaded pictures they use.
 */
export function exercisesOf(db: Db, episode: EpisodeSummary): { exercises: HandoutExercise[]; images: HandoutImage[] } {
  const prescription = currentPrescription(db, episode.id);
  if (!prescription) return { exercises: [], images: [] };
  const exercises = prescription.items.map((item) => exercisePart(item.exercise, item.dosage, item.note));
  const imageIds = [
    ...new Set(exercises.flatMap((e) => (e.illustration.kind === 'image' ? [e.illustration.imageId] : []))),
  ];
  const images = imageIds.map((id): HandoutImage => {
    const image = readImage(db, id);
    return { id, mediaType: image.mediaType, base64: image.dataBase64 };
  });
  return { exercises, images };
}

/** Everything the episode's handout prints, as the records stand on `today`. */
export function collectHandoutData(db: Db, episodeId: number, clinicianId: number, today: IsoDate): HandoutData {
  const episode = getEpisode(db, episodeId);
  const patient = getPatient(db, episode.patientId);
  const nextVisit = nextVisitOf(db, episode, today);
  const { exercises, images } = exercisesOf(db, episode);
  return {
    format: HANDOUT_DATA_FORMAT,
    issuedOn: today,
    ...clinicPart(db),
    patient: { givenName: patient.givenName, familyName: patient.familyName },
    clinician: clinicianPart(db, clinicianId),
    running: runningOf(db, episode, today, nextVisit),
    ruleSet: ruleSetOf(db, episode),
    exercises,
    images,
    afterSurgery: diagnosisEntry(episode.diagnosis).surgical,
    nextVisit,
  };
}
