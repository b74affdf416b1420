/**
 * Everything the readable PDF of one patient's record prints, as read from the records
 * (main/records/record-data.ts gathers it for one patient id). Plain data, no geometry: the words
 * are in content.ts, the layout in main/pdf/render-record.ts.
 */
import type { EpisodeSummary } from '../domain/episode';
import type { HandoutRecord } from '../domain/handout';
import type { IntakeRecord } from '../domain/intake';
import type { ClinicalNote } from '../domain/notes';
import type { Patient } from '../domain/patient';
import type { Prescription } from '../domain/prescription';
import type { Assignment, CheckInEntry } from '../domain/running';
import type { PaperSize } from '../domain/settings';
import type { DateFormat, IsoDate } from '../time/dates';

/** One running programme given in an episode, with its check-ins, oldest first. */
export interface RecordCourse {
  readonly assignment: Assignment;
  readonly checkIns: readonly CheckInEntry[];
}

export interface RecordEpisode {
  readonly episode: EpisodeSummary;
  readonly intake: IntakeRecord | null;
  /** Oldest visit first, each with its addenda; drafts included. */
  readonly notes: readonly ClinicalNote[];
  /** Oldest first. */
  readonly courses: readonly RecordCourse[];
  /** Every saved version, oldest first. */
  readonly prescriptions: readonly Prescription[];
  /** Oldest first. */
  readonly handouts: readonly HandoutRecord[];
}

export interface PatientRecordData {
  readonly clinic: { readonly name: string; readonly address: string; readonly phone: string; readonly email: string };
  readonly paperSize: PaperSize;
  readonly dateFormat: DateFormat;
  readonly patient: Patient;
  /** Newest first. */
  readonly episodes: readonly RecordEpisode[];
  readonly exportedOn: IsoDate;
  readonly exportedBy: { readonly name: string; readonly profession: string; readonly registrationNumber: string };
  readonly appVersion: string;
}
