/** Patient records. */
import { requireSettings } from '../../records/clinic';
import { createPatient, getPatient, searchPatients, setPatientArchived, updatePatient } from '../../records/patients';
import type { HandlersFor } from '../handler-types';

export const patientHandlers: HandlersFor<
  'patients.search' | 'patients.get' | 'patients.create' | 'patients.update' | 'patients.archive'
> = {
  'patients.search': (req, { db }) => searchPatients(db, req, requireSettings(db).dateFormat),
  'patients.get': (req, { db }) => getPatient(db, req.id),
  'patients.create': (req, { db, clock, clinician }) => createPatient(db, clock, clinician.id, req),
  'patients.update': (req, { db, clock, clinician }) => updatePatient(db, clock, clinician.id, req),
  'patients.archive': (req, { db, clock, clinician }) => setPatientArchived(db, clock, clinician.id, req),
};
