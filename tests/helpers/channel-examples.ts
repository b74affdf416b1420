/**
 * One valid request for every channel of the contract. The IPC fuzz test mutates these into
 * near-valid payloads; the type makes a new channel without an example a compile error, so every
 * channel gets fuzzed. Ids refer to the records fuzzClinic() creates (patient 1, episode 1).
 */
import type { Channel, RequestOf } from '../../shared/ipc/contract';
import { MTSS_MOEN, TIME_WALK_RUN } from '../../shared/clinical/programme-templates';
import { SEED_RULE_SET } from '../../shared/clinical/rule-sets';
import type { SorenessReport } from '../../shared/clinical/soreness-report';
import { CLINIC_SETUP, patientInput, TEST_PASSWORD } from './backend';
import { clinicExerciseInput, item } from './exercises';

const FUZZ_REPORT: SorenessReport = {
  runDate: '2026-11-26',
  levelRun: 1,
  warmUp: 'went_away',
  cameBackDuringRun: true,
  nextDay: 'none',
};

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
  'running.library': {},
  'running.episode': { episodeId: 1 },
  'running.assign': {
    episodeId: 1,
    programmeId: TIME_WALK_RUN.id,
    startLevel: 1,
    ruleSetId: null,
    reason: '',
    expectedAssignmentId: null,
  },
  'running.summaries': { patientId: 1 },
  'ruleSets.copy': { fromId: SEED_RULE_SET.id, name: 'Fuzz rules' },
  'ruleSets.save': { ruleSet: SEED_RULE_SET },
  'ruleSets.setDefault': { id: SEED_RULE_SET.id },
  'programmes.duplicate': { fromId: MTSS_MOEN.id, name: 'Fuzz programme' },
  'programmes.save': { programme: MTSS_MOEN },
  'checkIns.preview': { episodeId: 1, assignmentId: 1, report: FUZZ_REPORT, entryCheckLevel: null, correctsId: null },
  'checkIns.create': {
    episodeId: 1,
    assignmentId: 1,
    report: FUZZ_REPORT,
    entryCheckLevel: null,
    outcome: { kind: 'override', levelAfter: 2, daysOff: 3, reason: 'Fuzz' },
    correction: null,
    expectedLatestId: null,
    shown: null,
  },
  'checkIns.list': { episodeId: 1, beforeId: null, limit: 20 },
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
