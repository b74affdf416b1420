/**
 * Gathers an episode's HandoutData from the records, one small function per part, so each part
 * can be replaced as the feature behind it lands:
 *
 *   clinic settings  -> clinic (with its emergency number), units, paper size, first day of
 *                       the week, date order
 *   patient          -> the name printed on every page
 *   clinician        -> who gives the handout (the signed-in clinician)
 *   running          -> runningOf(): the episode's programme and where the patient is in it
 *   rule set         -> ruleSetOf(): the soreness rules the app applies to this episode
 *   exercises        -> exercisesOf(): the episode's current home-exercise prescription, with
 *                       the bytes of any uploaded pictures (exercise_images)
 *   red flags        -> whether the diagnosis is an operation (adds the post-surgery signs)
 *   next visit       -> nextVisitOf(): the next booked appointment
 *
 * Parts with nothing recorded give what the handout prints without them (no programme given yet:
 * no running section; no prescription: no exercise section; no appointments are kept: the plan
 * runs two weeks ahead). The handout reads well either way (shared/handout/content.ts).
 */
import { decisionContextOf } from '../../shared/clinical/injury';
import { diagnosisEntry } from '../../shared/clinical/intake/episode';
import type { RuleSet } from '../../shared/clinical/rule-set';
import type { EpisodeSummary } from '../../shared/domain/episode';
import type {
  DateOrder,
  HandoutData,
  HandoutExercise,
  HandoutImage,
  HandoutRunning,
  WeekStart,
} from '../../shared/handout/handout-data';
import { HANDOUT_DATA_FORMAT } from '../../shared/handout/handout-data';
import { exercisePart, runningPart } from '../../shared/handout/parts';
import type { DateFormat, IsoDate } from '../../shared/time/dates';
import type { Db } from '../db/open';
import { getClinician, requireSettings } from './clinic';
import { findLibraryExercise } from './clinic-exercises';
import { getEpisode } from './episodes';
import { readImage } from './exercise-images';
import { getPatient } from './patients';
import { currentPrescription } from './prescriptions';
import { currentCourse } from './running-course';
import { currentRuleSet, defaultRuleSetId } from './running-library';

/** US-style dates (month first) go with calendars that start on Sunday; the others with Monday. */
export function weekStartFor(dateFormat: DateFormat): WeekStart {
  return dateFormat === 'MM/DD/YYYY' ? 'sunday' : 'monday';
}

/** The order of day, month and year in the clinic's date format. */
export function dateOrderFor(dateFormat: DateFormat): DateOrder {
  return dateFormat === 'MM/DD/YYYY' ? 'mdy' : dateFormat === 'YYYY-MM-DD' ? 'ymd' : 'dmy';
}

function clinicPart(db: Db): Pick<HandoutData, 'clinic' | 'units' | 'paperSize' | 'weekStartsOn' | 'dateOrder'> {
  const s = requireSettings(db);
  return {
    clinic: {
      name: s.clinicName,
      phone: s.phone,
      address: s.address,
      email: s.email,
      emergencyNumber: s.emergencyNumber,
    },
    units: s.units,
    paperSize: s.paperSize,
    weekStartsOn: weekStartFor(s.dateFormat),
    dateOrder: dateOrderFor(s.dateFormat),
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
 * The soreness rules applied to this episode: the version its check-in decisions use, or, before
 * a programme is given, the clinic's default set. So the paper always says what the app applies.
 */
export function ruleSetOf(db: Db, episode: EpisodeSummary): RuleSet {
  return currentCourse(db, episode.id)?.ruleSet ?? currentRuleSet(db, defaultRuleSetId(db));
}

/**
 * The running part: the episode's programme and where the patient is in it (progress replayed
 * from the check-ins); none before a programme is given, and then the handout says running is not
 * in the plan yet.
 */
export function runningOf(
  db: Db,
  episode: EpisodeSummary,
  today: IsoDate,
  nextVisit: IsoDate | null,
  dateOrder: DateOrder = dateOrderFor(requireSettings(db).dateFormat),
): HandoutRunning | null {
  const course = currentCourse(db, episode.id);
  return course
    ? runningPart(
        course.programme,
        course.state.progress,
        course.ruleSet,
        decisionContextOf(episode.diagnosis),
        today,
        nextVisit,
        { dateOrder, lastStep: course.lastStep },
      )
    : null;
}

/**
 * The home exercises of the episode's current prescription, in the order given, each as it was
 * prescribed (the prescription keeps a copy of the exercise), with this patient's dosage and the
 * clinician's note; and the bytes of any uploaded pictures they use.
 */
export function exercisesOf(db: Db, episode: EpisodeSummary): { exercises: HandoutExercise[]; images: HandoutImage[] } {
  const prescription = currentPrescription(db, episode.id);
  if (!prescription) return { exercises: [], images: [] };
  // Variants are named from the library as it is now (built-in and the clinic's own).
  const nameOf = (id: string) => findLibraryExercise(db, id)?.exercise.name ?? null;
  const exercises = prescription.items.map((item) => exercisePart(item.exercise, item.dosage, item.note, nameOf));
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
    kneeInjury: episode.region === 'knee',
    nextVisit,
  };
}
