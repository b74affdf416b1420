/** The clinician intake, readiness thresholds, and SOAP notes with their addenda. */
import {
  chooseStartingPoint,
  getIntake,
  saveIntakeDraft,
  signIntake,
  startIntake,
  startingPointOf,
} from '../../records/intakes';
import {
  addAddendum,
  createVisitNote,
  getNote,
  listNotes,
  noteHistory,
  signVisitNote,
  updateVisitNote,
} from '../../records/notes';
import { getPatient } from '../../records/patients';
import { readReadinessSettings, updateReadinessSettings } from '../../records/readiness-thresholds';
import type { HandlersFor } from '../handler-types';

export const intakeHandlers: HandlersFor<
  | 'intake.get'
  | 'intake.start'
  | 'intake.saveDraft'
  | 'intake.chooseStart'
  | 'intake.sign'
  | 'intake.startingPoint'
  | 'readiness.settings'
  | 'readiness.updateSettings'
  | 'notes.list'
  | 'notes.history'
  | 'notes.get'
  | 'notes.create'
  | 'notes.update'
  | 'notes.sign'
  | 'notes.addAddendum'
> = {
  'intake.get': (req, { db, clock }) => getIntake(db, req.episodeId, clock.today()),
  'intake.start': (req, { db, clock, clinician }) => startIntake(db, clock, clinician, req.episodeId),
  'intake.saveDraft': (req, { db, clock, clinician }) => saveIntakeDraft(db, clock, clinician, req),
  'intake.chooseStart': (req, { db, clock, clinician }) => chooseStartingPoint(db, clock, clinician, req),
  'intake.sign': (req, { db, clock, clinician }) => signIntake(db, clock, clinician, req),
  'intake.startingPoint': (req, { db }) => startingPointOf(db, req.episodeId),
  'readiness.settings': (_req, { db }) => readReadinessSettings(db),
  'readiness.updateSettings': (req, { db, clock, clinician }) => updateReadinessSettings(db, clock, clinician.id, req),
  'notes.list': (req, { db }) => listNotes(db, req.episodeId),
  'notes.history': (req, { db }) => {
    getPatient(db, req.patientId);
    return noteHistory(db, req.patientId);
  },
  'notes.get': (req, { db }) => getNote(db, req.id),
  'notes.create': (req, { db, clock, clinician }) => createVisitNote(db, clock, clinician, req),
  'notes.update': (req, { db, clock, clinician }) => updateVisitNote(db, clock, clinician, req),
  'notes.sign': (req, { db, clock, clinician }) => signVisitNote(db, clock, clinician, req),
  'notes.addAddendum': (req, { db, clock, clinician }) => addAddendum(db, clock, clinician, req),
};
