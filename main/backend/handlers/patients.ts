/** Patient records. */
import { requireSettings } from '../../records/clinic';
import { createPatient, getPatient, searchPatients, setPatientArchived, updatePatient } from '../../records/patients';
import type { HandlersFor } from '../handler-types';
import { auditRead } from '../../audit/read-audit';
import { patientDisplayName } from '../../../shared/domain/patient';

export const patientHandlers: HandlersFor<
  'patients.search' | 'patients.get' | 'patients.create' | 'patients.update' | 'patients.archive'
> = {
  'patients.search': (req, { db }) => searchPatients(db, req, requireSettings(db).dateFormat),
  'patients.get': (req, { db, clock, clinician }) => {
    const patient = getPatient(db, req.id);
    // Reads of a patient's record are attributable too (once per opening: see read-audit.ts).
    auditRead(db, clock, {
      clinicianId: clinician.id,
      entity: 'patient',
      entityId: patient.id,
      patientId: patient.id,
      summary: `Opened the record of ${patientDisplayName(patient)}`,
    });
    return patient;
  },
  'patients.create': (req, { db, clock, clinician }) => createPatient(db, clock, clinician.id, req),
  'patients.update': (req, { db, clock, clinician }) => updatePatient(db, clock, clinician.id, req),
  'patients.archive': (req, { db, clock, clinician }) => setPatientArchived(db, clock, clinician.id, req),
};
