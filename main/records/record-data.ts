/**
 * Gathers one patient's full record for the readable PDF (shared/records/record-content.ts), through the same
 * repository reads the app's screens use, starting from the one patient id: the patient, their
 * episodes, and for each episode its intake, notes, running programmes with every check-in,
 * every version of the home exercise prescription and the handouts given. Each piece is checked
 * to belong to this patient before it is kept, so no other patient's data can reach the file.
 */
import type { EpisodeSummary } from '../../shared/domain/episode';
import type { Signer } from '../../shared/domain/notes';
import type { CheckInEntry } from '../../shared/domain/running';
import type { PatientRecordData, RecordCourse, RecordEpisode } from '../../shared/records/record-data';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { requireSettings } from './clinic';
import { listEpisodes } from './episodes';
import { listHandoutsOfEpisode } from './handouts';
import { getIntake } from './intakes';
import { listNotes } from './notes';
import { getPatient } from './patients';
import { getPrescription, prescriptionHistory } from './prescriptions';
import { checkInPage, readEpisodeRunning } from './running-history';

/** Check-ins read per query while paging through an episode's history. */
const PAGE = 200;

function mine<T extends { patientId?: number }>(patientId: number, items: readonly T[], what: string): T[] {
  for (const item of items) {
    if (item.patientId !== undefined && item.patientId !== patientId) {
      throw new Error(`A ${what} of another patient was read for this patient's record.`);
    }
  }
  return [...items];
}

/** Every check-in of an episode, oldest first. */
function allCheckIns(db: Db, episodeId: number): CheckInEntry[] {
  const newestFirst: CheckInEntry[] = [];
  let before: number | null = null;
  for (;;) {
    const page = checkInPage(db, episodeId, before, PAGE);
    newestFirst.push(...page.items);
    const last = page.items[page.items.length - 1];
    if (!page.hasMore || !last) break;
    before = last.id;
  }
  return newestFirst.reverse();
}

function episodeRecord(db: Db, clock: Clock, patientId: number, episode: EpisodeSummary): RecordEpisode {
  const episodeId = episode.id;
  const intake = getIntake(db, episodeId, clock.today());
  if (intake) mine(patientId, [intake], 'intake');
  const notes = mine(patientId, listNotes(db, episodeId), 'note');
  const running = readEpisodeRunning(db, clock, episodeId);
  const assignments = [...running.earlierAssignments].reverse();
  if (running.assignment) assignments.push(running.assignment);
  const checkIns = allCheckIns(db, episodeId).filter((c) => c.episodeId === episodeId);
  const courses: RecordCourse[] = assignments.map((assignment) => ({
    assignment,
    checkIns: checkIns.filter((c) => c.assignmentId === assignment.id),
  }));
  const prescriptions = mine(
    patientId,
    prescriptionHistory(db, episodeId)
      .map((v) => getPrescription(db, episodeId, v.version))
      .sort((a, b) => a.version - b.version),
    'prescription',
  );
  const handouts = mine(patientId, listHandoutsOfEpisode(db, episodeId), 'handout').reverse();
  return { episode, intake, notes, courses, prescriptions, handouts };
}

/** One patient's record, as of `today`, exported by `by`. */
export function collectPatientRecord(
  db: Db,
  clock: Clock,
  patientId: number,
  by: Signer,
  appVersion: string,
): PatientRecordData {
  const settings = requireSettings(db);
  const patient = getPatient(db, patientId);
  const episodes = mine(patient.id, listEpisodes(db, patient.id), 'episode')
    .sort((a, b) => (a.openedOn === b.openedOn ? b.id - a.id : a.openedOn < b.openedOn ? 1 : -1))
    .map((e) => episodeRecord(db, clock, patient.id, e));
  return {
    clinic: { name: settings.clinicName, address: settings.address, phone: settings.phone, email: settings.email },
    paperSize: settings.paperSize,
    dateFormat: settings.dateFormat,
    patient,
    episodes,
    exportedOn: clock.today(),
    exportedBy: { name: by.name, profession: by.profession, registrationNumber: by.registrationNumber },
    appVersion,
  };
}
