/** The exercise library (the clinic's own exercises and their pictures), prescriptions and templates. */
import {
  createClinicExercise,
  getClinicExercise,
  listClinicExercises,
  setClinicExerciseRetired,
  updateClinicExercise,
} from '../../records/clinic-exercises';
import { readImage } from '../../records/exercise-images';
import { listTemplates, removeTemplate, saveTemplate } from '../../records/prescription-templates';
import {
  currentPrescription,
  currentProgrammesForPatient,
  getPrescription,
  prescriptionHistory,
  savePrescription,
} from '../../records/prescriptions';
import { getEpisode } from '../../records/episodes';
import type { HandlersFor } from '../handler-types';

type ExerciseChannel =
  | 'exercises.listClinic'
  | 'exercises.getClinic'
  | 'exercises.createClinic'
  | 'exercises.updateClinic'
  | 'exercises.retireClinic'
  | 'exercises.image'
  | 'prescriptions.current'
  | 'prescriptions.history'
  | 'prescriptions.get'
  | 'prescriptions.save'
  | 'prescriptions.forPatient'
  | 'prescriptionTemplates.list'
  | 'prescriptionTemplates.save'
  | 'prescriptionTemplates.remove';

export const exerciseHandlers: HandlersFor<ExerciseChannel> = {
  'exercises.listClinic': (req, { db }) => listClinicExercises(db, req),
  'exercises.getClinic': (req, { db }) => getClinicExercise(db, req.id, req.version),
  'exercises.createClinic': (req, { db, clock, clinician }) => createClinicExercise(db, clock, clinician.id, req),
  'exercises.updateClinic': (req, { db, clock, clinician }) => updateClinicExercise(db, clock, clinician.id, req),
  'exercises.retireClinic': (req, { db, clock, clinician }) => setClinicExerciseRetired(db, clock, clinician.id, req),
  'exercises.image': (req, { db }) => readImage(db, req.imageId),

  'prescriptions.current': (req, { db }) => currentPrescription(db, req.episodeId),
  'prescriptions.history': (req, { db }) => prescriptionHistory(db, req.episodeId),
  'prescriptions.get': (req, { db }) => {
    getEpisode(db, req.episodeId);
    return getPrescription(db, req.episodeId, req.version);
  },
  'prescriptions.save': (req, { db, clock, clinician }) => savePrescription(db, clock, clinician.id, req),
  'prescriptions.forPatient': (req, { db }) => currentProgrammesForPatient(db, req.patientId),

  'prescriptionTemplates.list': (_req, { db }) => listTemplates(db),
  'prescriptionTemplates.save': (req, { db, clock, clinician }) => saveTemplate(db, clock, clinician.id, req),
  'prescriptionTemplates.remove': (req, { db, clock, clinician }) => removeTemplate(db, clock, clinician.id, req),
};
