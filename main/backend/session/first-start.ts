/**
 * The first start of a clinic: setting up new encrypted records (key file first, then the
 * records, with the owner as clinician number 1), or encrypting records kept from before
 * encryption. Both end signed in, and both hand back the recovery key, shown once.
 */
import type { SetupInput, WithRecoveryKey } from '../../../shared/domain/session';
import type { Clinician } from '../../../shared/domain/settings';
import { createClinician, listClinicians, readSettings, writeSettings } from '../../records/clinic';
import { formatRecoveryKey, newDatabaseKey, newRecoveryKey } from '../../security/crypto';
import { encryptExistingRecords } from '../../security/encrypt-existing';
import type { KeyFile } from '../../security/key-file';
import { createKeyFile, KeyFileExistsError, newKeyFile, passwordWrap, recoveryWrap } from '../../security/key-file';
import { KeyFileBusyError } from '../../security/key-file-lock';
import { AppError } from '../../util/errors';
import { openClinicStore } from '../store';
import { checkNewPassword } from './key-admin';
import type { RecordsDoor } from './opening';
import type { SessionState } from './state';
import { audit, statusOf } from './state';

export interface FirstStart {
  setup: (input: SetupInput) => Promise<WithRecoveryKey>;
  /** Clinicians of records kept from before encryption (to choose who encrypts them). */
  clinicians: () => Clinician[];
  encryptExisting: (clinicianId: number, password: string) => Promise<WithRecoveryKey>;
}

export function firstStart(s: SessionState, door: RecordsDoor): FirstStart {
  const { dataDir, keyFile, clock, logger, options } = s;
  const alreadySetUp = () => new AppError('conflict', 'This clinic is already set up. Sign in instead.');

  return {
    async setup(input) {
      if (s.phase.kind !== 'new') throw alreadySetUp();
      await checkNewPassword(input.password, input.clinician.name, input.clinic.clinicName);
      const key = newDatabaseKey();
      const recoveryKey = newRecoveryKey();
      const now = clock.now();
      // The first clinician of a new records file is number 1: the key file is written first, so
      // a crash can never leave encrypted records without their keys.
      const first = await passwordWrap(
        key,
        { id: 1, name: input.clinician.name },
        input.password,
        now,
        options.passwordKdf,
      );
      const keys: KeyFile = {
        ...newKeyFile(input.clinic.clinicName, key),
        wraps: [first, recoveryWrap(key, recoveryKey, now)],
      };
      if (s.phase.kind !== 'new') throw alreadySetUp();
      try {
        // Never over an existing key file: it may be the only way into records kept elsewhere.
        createKeyFile(keyFile, keys);
      } catch (err) {
        key.fill(0);
        if (err instanceof KeyFileExistsError) {
          door.inspect();
          throw new AppError('conflict', err.message);
        }
        if (err instanceof KeyFileBusyError) throw new AppError('conflict', err.message);
        throw err;
      }
      const store = openClinicStore(dataDir, 'real', { ...options, key, create: true });
      const clinician = store.db
        .transaction(() => {
          const c = createClinician(store.db, clock, null, input.clinician);
          writeSettings(store.db, clock, c.id, input.clinic);
          return c;
        })
        .immediate();
      if (clinician.id !== 1) throw new Error('The first clinician of new records must be number 1.');
      s.phase = {
        kind: 'open',
        store,
        clinicianId: clinician.id,
        key,
        keys,
        autoLockMinutes: input.clinic.autoLockMinutes,
        lastActivity: clock.now().getTime(),
        keyRotationAdvised: false, // a new clinic's key has never been shared with anyone
      };
      audit(s, {
        clinicianId: clinician.id,
        action: 'sign_in',
        summary: `${clinician.name} set up the clinic and signed in`,
      });
      s.anchors.opened(store.db, key);
      return { status: statusOf(s), recoveryKey: formatRecoveryKey(recoveryKey) };
    },

    clinicians() {
      if (s.phase.kind !== 'plaintext') return [];
      const probe = openClinicStore(dataDir, 'real', { ...options, create: false });
      try {
        return listClinicians(probe.db, { activeOnly: true });
      } finally {
        probe.close();
      }
    },

    async encryptExisting(clinicianId, password) {
      if (s.phase.kind !== 'plaintext') throw new AppError('conflict', 'These records are already encrypted.');
      const probe = openClinicStore(dataDir, 'real', { ...options, create: false });
      const settings = readSettings(probe.db);
      const clinician = listClinicians(probe.db, { activeOnly: true }).find((c) => c.id === clinicianId);
      probe.close();
      if (!clinician) throw new AppError('not_found', 'That clinician is not on the list of active clinicians.');
      await checkNewPassword(password, clinician.name, settings?.clinicName ?? '');
      let outcome;
      try {
        outcome = await encryptExistingRecords({
          dataDir,
          clinician,
          clinicName: settings?.clinicName ?? '',
          password,
          clock,
          passwordKdf: options.passwordKdf,
          ...s.driver,
        });
      } catch (err) {
        logger.error('encrypting existing records failed', err);
        door.inspect();
        const reason = err instanceof Error ? err.message : String(err);
        throw new AppError(
          'io_error',
          `The records could not be encrypted, so they were left exactly as they were (${reason}). Free some disk space or check the data folder, then try again.`,
        );
      }
      door.openWithKey(outcome.keys, outcome.key, clinicianId);
      audit(s, { clinicianId, action: 'encrypt_records', summary: `${clinician.name} encrypted the clinic's records` });
      return { status: statusOf(s), recoveryKey: outcome.recoveryKey };
    },
  };
}
