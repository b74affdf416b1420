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
import { getEpisode } from '../../records/episodes';
import { auditRead } from '../../audit/read-audit';
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
  'intake.get': (req, { db, clock, clinician }) => {
    const intake = getIntake(db, req.episodeId, clock.today());
    if (intake) {
      const episode = getEpisode(db, req.episodeId);
      auditRead(db, clock, {
        clinicianId: clinician.id,
        entity: 'intake',
        entityId: req.episodeId,
        patientId: episode.patientId,
        summary: `Opened the intake of the episode “${episode.title}”`,
      });
    }
    return intake;
  },
  'intake.start': (req, { db, clock, clinician }) => startIntake(db, clock, clinician, req.episodeId),
  'intake.saveDraft': (req, { db, clock, clinician }) => saveIntakeDraft(db, clock, clinician, req),
  'intake.chooseStart': (req, { db, clock, clinician }) => chooseStartingPoint(db, clock, clinician, req),
  'intake.sign': (req, { db, clock, clinician }) => signIntake(db, clock, clinician, req),
  'intake.startingPoint': (req, { db }) => startingPointOf(db, req.episodeId),
  'readiness.settings': (_req, { db }) => readReadinessSettings(db),
  'readiness.updateSettings': (req, { db, clock, clinician }) => updateReadinessSettings(db, clock, clinician.id, req),
  'notes.list': (req, { db, clock, clinician }) => {
    const notes = listNotes(db, req.episodeId);
    if (notes.length > 0) {
      const episode = getEpisode(db, req.episodeId);
      auditRead(db, clock, {
        clinicianId: clinician.id,
        entity: 'episode_notes',
        entityId: req.episodeId,
        patientId: episode.patientId,
        summary: `Opened the notes of the episode “${episode.title}” (${notes.length} ${notes.length === 1 ? 'note' : 'notes'})`,
      });
    }
    return notes;
  },
  'notes.history': (req, { db }) => {
    getPatient(db, req.patientId);
    return noteHistory(db, req.patientId);
  },
  'notes.get': (req, { db, clock, clinician }) => {
    const note = getNote(db, req.id);
    auditRead(db, clock, {
      clinicianId: clinician.id,
      entity: 'note',
      entityId: note.id,
      patientId: note.patientId,
      summary: `Opened the ${note.kind === 'intake' ? 'intake' : 'visit'} note of ${note.visitDate}${note.signedAt ? '' : ' (draft)'}`,
    });
    return note;
  },
  'notes.create': (req, { db, clock, clinician }) => createVisitNote(db, clock, clinician, req),
  'notes.update': (req, { db, clock, clinician }) => updateVisitNote(db, clock, clinician, req),
  'notes.sign': (req, { db, clock, clinician }) => signVisitNote(db, clock, clinician, req),
  'notes.addAddendum': (req, { db, clock, clinician }) => addAddendum(db, clock, clinician, req),
};
