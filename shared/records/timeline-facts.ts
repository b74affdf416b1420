/**
 * An episode's stored facts, as the main process reads them (main/records/timeline.ts) with dates
 * already on the clinic's calendar: what the timeline and the charts are built from.
 */
import type { NextDayAnswer, WarmUpAnswer } from '../clinical/soreness-report';
import type { IsoDate } from '../time/dates';

export interface EpisodeFact {
  id: number;
  patientId: number;
  title: string;
  openedOn: IsoDate;
  createdAt: string;
  createdBy: string | null;
}

/** A discharge or reopening, from the audit trail (the episode row keeps only the last). */
export interface StatusChangeFact {
  id: number;
  action: 'discharge' | 'reopen';
  date: IsoDate;
  at: string;
  by: string | null;
}

export interface IntakeFact {
  id: number;
  noteId: number;
  visitDate: IsoDate;
  startedOn: IsoDate;
  startedAt: string;
  startedBy: string | null;
  status: 'draft' | 'signed';
  signedOn: IsoDate | null;
  signedAt: string | null;
  signedBy: string | null;
  /** "Walking stage", "Running level 3", "Not ready to run"; null before a choice. */
  startingPoint: string | null;
}

export interface NoteFact {
  id: number;
  kind: 'intake' | 'visit';
  visitDate: IsoDate;
  status: 'draft' | 'signed';
  createdBy: string | null;
  createdAt: string;
  signedOn: IsoDate | null;
  signedAt: string | null;
  signerName: string | null;
}

export interface AddendumFact {
  id: number;
  noteId: number;
  noteKind: 'intake' | 'visit';
  noteVisitDate: IsoDate;
  signedOn: IsoDate;
  signedAt: string;
  signerName: string;
}

export interface AssignmentFact {
  id: number;
  programmeName: string;
  levelCount: number;
  startLevel: number;
  assignedOn: IsoDate;
  createdAt: string;
  assignedBy: string | null;
  reason: string;
}

export interface CheckInFact {
  id: number;
  assignmentId: number;
  recordedOn: IsoDate;
  createdAt: string;
  recordedBy: string | null;
  runDate: IsoDate;
  warmUp: WarmUpAnswer;
  /** Warm-up soreness that went away came back; 'unknown' when not known. */
  cameBack: boolean | 'unknown';
  nextDay: NextDayAnswer;
  painDuring: number | null;
  painAfter: number | null;
  swelling: boolean | 'unknown';
  levelBefore: number;
  governingRule: number;
  /** The governing rule in the words of the rule set version that decided. */
  ruleCondition: string;
  ruleSetName: string;
  engineLevelAfter: number;
  engineDaysOff: number;
  override: { level: number; daysOff: number; reason: string } | null;
  levelAfter: number;
  daysOff: number;
  nextRunDate: IsoDate;
  complete: boolean;
  correctsId: number | null;
  correctsRunDate: IsoDate | null;
  correctionReason: string;
  correctedById: number | null;
}

export interface PrescriptionFact {
  id: number;
  version: number;
  savedOn: IsoDate;
  savedAt: string;
  savedBy: string | null;
  exerciseNames: string[];
}

export interface HandoutFact {
  id: number;
  issuedOn: IsoDate;
  issuedAt: string;
  issuedBy: string | null;
  levelSummary: string;
  exerciseNames: string[];
  pageCount: number;
}

/** Outcome measure totals from an intake (this episode's, or an earlier episode's signed one). */
export interface MeasureFact {
  episodeId: number;
  episodeTitle: string;
  date: IsoDate;
  signed: boolean;
  lefs: number | null;
  visaA: number | null;
  psfs: number | null;
}

export interface TimelineFacts {
  episode: EpisodeFact;
  statusChanges: StatusChangeFact[];
  intake: IntakeFact | null;
  notes: NoteFact[];
  addenda: AddendumFact[];
  assignments: AssignmentFact[];
  checkIns: CheckInFact[];
  prescriptions: PrescriptionFact[];
  handouts: HandoutFact[];
  measures: MeasureFact[];
}

/** Check-ins that count: corrected entries are left out, in run order. */
export function standing(checkIns: readonly CheckInFact[]): CheckInFact[] {
  return checkIns
    .filter((c) => c.correctedById === null)
    .sort((a, b) => (a.runDate !== b.runDate ? (a.runDate < b.runDate ? -1 : 1) : a.id - b.id));
}
