/**
 * One valid request for every channel of the contract. The IPC fuzz test mutates these into
 * near-valid payloads; the type makes a new channel without an example a compile error, so every
 * channel gets fuzzed. Ids refer to the records fuzzClinic() creates (patient 1, episode 1).
 */
import type { Channel, RequestOf } from '../../shared/ipc/contract';
import { CLINIC_SETUP, patientInput, TEST_PASSWORD } from './backend';
import { clinicExerciseInput, item } from './exercises';

export const CHANNEL_EXAMPLES: { [C in Channel]: RequestOf<C> } = {
  'app.status': {},
  'app.platform': {},
  'app.setup': CLINIC_SETUP,
  'app.encrypt': { clinicianId: 1, password: TEST_PASSWORD },
  'app.openDemo': {},
  'app.leaveDemo': {},
  'session.clinicians': {},
  'session.signIn': { clinicianId: 1, password: TEST_PASSWORD },
  'session.unlock': { password: TEST_PASSWORD },
  'session.recover': {
    recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456-789A',
    clinicianId: 1,
    newPassword: 'a new long passphrase',
  },
  'session.lock': {},
  'session.signOut': {},
  'session.touch': {},
  'session.changePassword': { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' },
  'patients.search': { query: 'zoe', includeArchived: false, offset: 0, limit: 20 },
  'patients.get': { id: 1 },
  'patients.create': patientInput({ recordNumber: 'FUZZ-1' }),
  'patients.update': { id: 1, expectedVersion: 1, changes: patientInput() },
  'patients.archive': { id: 1, expectedVersion: 1, archived: true, reason: 'Moved away' },
  'episodes.list': { patientId: 1 },
  'episodes.get': { id: 1 },
  'episodes.create': {
    patientId: 1,
    diagnosis: 'calf_strain',
    diagnosisDetail: '',
    side: 'left',
    onsetDate: '2026-11-01',
  },
  'episodes.close': { id: 1, expectedVersion: 1, closed: true },
  'exercises.listClinic': { includeRetired: true },
  'exercises.getClinic': { id: 1 },
  'exercises.createClinic': { copiedFrom: null, exercise: clinicExerciseInput() },
  'exercises.updateClinic': { id: 1, expectedVersion: 1, exercise: clinicExerciseInput({ name: 'Step-down, slow' }) },
  'exercises.retireClinic': { id: 1, expectedVersion: 1, retired: true },
  'exercises.image': { imageId: 'a'.repeat(64) },
  'prescriptions.current': { episodeId: 1 },
  'prescriptions.history': { episodeId: 1 },
  'prescriptions.get': { episodeId: 1, version: 1 },
  'prescriptions.save': { episodeId: 1, basedOnVersion: null, items: [item('ankle-knee-to-wall')] },
  'prescriptions.forPatient': { patientId: 1 },
  'prescriptionTemplates.list': {},
  'prescriptionTemplates.save': { name: 'Hamstring strain: early', items: [item('plank-side-knees')], replace: true },
  'prescriptionTemplates.remove': { id: 1, expectedVersion: 1 },
  'settings.get': {},
  'settings.update': CLINIC_SETUP.clinic,
  'clinicians.list': {},
  'clinicians.create': {
    clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
    password: 'blue kettle on the hill',
  },
  'clinicians.update': { id: 1, changes: CLINIC_SETUP.clinician, active: true },
  'clinicians.setPassword': { clinicianId: 2, password: 'green kettle on the hill' },
  'audit.verify': {},
};
