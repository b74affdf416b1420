/**
 * One valid request for every channel of the contract. The IPC fuzz test mutates these into
 * near-valid payloads; the type makes a new channel without an example a compile error, so every
 * channel gets fuzzed. Ids refer to the records fuzzClinic() creates (patient 1, episode 1).
 */
import type { Channel, RequestOf } from '../../shared/ipc/contract';
import { CLINIC_SETUP, patientInput, TEST_PASSWORD } from './backend';

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
  'intake.get': { episodeId: 1 },
  'intake.start': { episodeId: 1 },
  'intake.saveDraft': {
    episodeId: 1,
    expectedVersion: 1,
    draft: { symptoms: { painAtRest: 2, painWalking: 3 }, physicalTests: { heelRaises: { left: 18, right: 25 } } },
    typed: { subjective: 'Sore after long runs.', objective: '', assessment: '', plan: '' },
  },
  'intake.chooseStart': { episodeId: 1, expectedVersion: 2, choice: { stage: 'walking' }, reason: '' },
  'intake.sign': { episodeId: 1, expectedVersion: 3 },
  'intake.startingPoint': { episodeId: 1 },
  'readiness.settings': {},
  'readiness.updateSettings': {
    expectedVersion: 0,
    thresholds: {
      briskWalkMinutes: 30,
      walkingPainBelow: 2,
      hoppingPainBelow: 2,
      heelRaiseLsiAtLeast: 75,
      hopLsiAtLeast: 75,
      kneeSwellingAtMost: 'trace',
    },
  },
  'notes.list': { episodeId: 1 },
  'notes.history': { patientId: 1 },
  'notes.get': { id: 1 },
  'notes.create': { episodeId: 1, visitDate: '2026-11-20' },
  'notes.update': {
    id: 1,
    expectedVersion: 1,
    visitDate: '2026-11-20',
    content: { subjective: 'Walked 30 min.', objective: '', assessment: '', plan: 'Run level 1.' },
  },
  'notes.sign': { id: 1, expectedVersion: 1 },
  'notes.addAddendum': { noteId: 1, text: 'Correction: hop test was done on the right first.' },
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
