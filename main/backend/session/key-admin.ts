/**
 * Key administration while the records are open: the key file as it is on disk now, passwords
 * (one's own, an administrator giving a colleague one, the check before an administrative act),
 * clinicians' access (removed at deactivation, renamed with the clinician), and a copy of the
 * records' key for backups and exports. Every write to keys.json goes through `changes`
 * (key-changes.ts: under the file's lock, applied to the file as it is now).
 *
 * To add a key operation (a rekey, say): add it to KeyAdministration below, built on `keysOnDisk`
 * and `changes.apply`, then expose it in SessionControl (index.ts).
 */
import type { Clinician } from '../../../shared/domain/settings';
import { passwordStrengthProblem } from '../../../shared/domain/password-strength';
import { getClinician } from '../../records/clinic';
import { keyCheck } from '../../security/crypto';
import type { KeyFile } from '../../security/key-file';
import {
  findPasswordWrap,
  KeyFileError,
  readKeyFile,
  unwrapWithPassword,
  withClinicianName,
  withoutClinician,
} from '../../security/key-file';
import { AppError } from '../../util/errors';
import type { ClinicStore } from '../store';
import type { KeyFileChanges } from './key-changes';
import { keyFileChanges } from './key-changes';
import { describeKeyFileProblem } from './problems';
import type { EncryptedOpen, SessionState } from './state';
import { audit, failAttempt, keepKeys, requireEncryptedOpen, requireOpen, setProblem } from './state';
import { clinicianCounter } from './throttle';

export interface RecordsAccess {
  store: ClinicStore;
  key: Buffer;
  keys: KeyFile;
  clinicianId: number;
  appVersion: string;
  dataDir: string;
}

export interface KeyAdministration {
  /** The key file as it is on disk now (another window may have changed it); kept in the phase. */
  keysOnDisk: () => KeyFile;
  /** Every change to keys.json (key-changes.ts). */
  changes: KeyFileChanges;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
  reauthenticate: (password: string) => Promise<void>;
  setClinicianPassword: (clinicianId: number, password: string) => Promise<void>;
  removeClinicianAccess: (clinicianId: number) => void;
  renameClinicianAccess: (clinicianId: number, name: string) => void;
  withAccess: (clinicians: Clinician[]) => (Clinician & { hasPassword: boolean })[];
  recordsAccess: () => RecordsAccess;
  requireKeys: () => void;
}

/** Refuses a new password the strength estimate finds too easy to guess (marked on both fields). */
export async function checkNewPassword(password: string, clinicianName: string, clinicName: string): Promise<void> {
  const problem = await passwordStrengthProblem(password, { clinicianName, clinicName });
  if (problem) throw new AppError('invalid_request', problem, { password: problem, newPassword: problem });
}

/** `closeStore` closes the records when the key file turns out unreadable (opening.ts). */
export function keyAdministration(s: SessionState, closeStore: () => void): KeyAdministration {
  const { keyFile, clock, logger, options } = s;

  function keysOnDisk(): KeyFile {
    try {
      const keys = readKeyFile(keyFile);
      // While the records are open, a key file for another key (copied over this one) is never
      // adopted: a password it holds would prove nothing about these records.
      if (s.phase.kind === 'open' && s.phase.key && keys.keyCheck !== keyCheck(s.phase.key)) {
        logger.error('the key file on disk is not for the open records: refused');
        throw new AppError(
          'conflict',
          'The key file in the data folder is not the one for these records, so nothing was changed. Lock the app and ask an administrator to check the data folder.',
        );
      }
      keepKeys(s, keys);
      return keys;
    } catch (err) {
      if (err instanceof KeyFileError) {
        logger.error(`key file: ${err.problem}`, err);
        closeStore();
        const problem = describeKeyFileProblem(err);
        setProblem(s, problem);
        throw new AppError('database_unavailable', `${problem.title}. ${problem.whatToDo}`);
      }
      throw err;
    }
  }

  const changes = keyFileChanges({
    keyFile,
    clock,
    logger,
    passwordKdf: () => options.passwordKdf,
    openKey: () => (s.phase.kind === 'open' && s.phase.key ? s.phase.key : null),
    keysChanged: (keys) => keepKeys(s, keys),
  });

  /**
   * Whether the password opens the signed-in clinician's slot, in the key file as it is now: a
   * password changed in another window counts.
   */
  async function opensOwnSlot(open: EncryptedOpen, password: string): Promise<boolean> {
    const current = keysOnDisk();
    const wrap = findPasswordWrap(current, open.clinicianId);
    const check = wrap ? await unwrapWithPassword(current, wrap, password) : null;
    check?.fill(0);
    return check !== null;
  }

  return {
    keysOnDisk,
    changes,

    async changePassword(currentPassword, newPassword) {
      const open = requireEncryptedOpen(s);
      const clinician = getClinician(open.store.db, open.clinicianId);
      await checkNewPassword(newPassword, clinician.name, open.keys.clinicName);
      // Guessing the current password from an unlocked screen slows down like sign-in does.
      const counter = clinicianCounter(open.clinicianId);
      s.throttle.check(counter, 'currentPassword');
      if (!(await opensOwnSlot(open, currentPassword))) {
        failAttempt(s, counter, { prompt: 'change_password', clinicianId: open.clinicianId, name: clinician.name });
        throw new AppError('unauthenticated', 'Your current password is not right.', {
          currentPassword: 'Your current password is not right.',
        });
      }
      s.throttle.succeed(counter);
      await changes.setPassword(clinician, newPassword);
      audit(s, {
        clinicianId: clinician.id,
        action: 'password_change',
        entity: 'clinician',
        entityId: clinician.id,
        summary: `${clinician.name} changed their password`,
      });
    },

    async reauthenticate(password) {
      const open = requireEncryptedOpen(s);
      const counter = clinicianCounter(open.clinicianId);
      s.throttle.check(counter, 'yourPassword');
      if (!(await opensOwnSlot(open, password))) {
        const name = getClinician(open.store.db, open.clinicianId).name;
        failAttempt(s, counter, { prompt: 'reauthenticate', clinicianId: open.clinicianId, name });
        const message = 'That is not your password, so nothing was changed. Enter the password you sign in with.';
        throw new AppError('unauthenticated', message, { yourPassword: message });
      }
      s.throttle.succeed(counter);
    },

    async setClinicianPassword(clinicianId, password) {
      const open = requireEncryptedOpen(s);
      const clinician = getClinician(open.store.db, clinicianId);
      if (!clinician.active)
        throw new AppError('conflict', `${clinician.name} is no longer active: mark them active first.`);
      await checkNewPassword(password, clinician.name, open.keys.clinicName);
      await changes.setPassword(clinician, password);
      const by = getClinician(open.store.db, open.clinicianId);
      audit(s, {
        clinicianId: open.clinicianId,
        action: 'password_set',
        entity: 'clinician',
        entityId: clinicianId,
        summary: `${by.name} set a password for ${clinician.name}`,
      });
    },

    removeClinicianAccess(clinicianId) {
      const open = requireEncryptedOpen(s);
      changes.apply((keys) => withoutClinician(keys, clinicianId));
      open.keyRotationAdvised = null; // worked out again: a deactivation makes a key change advisable
    },

    renameClinicianAccess(clinicianId, name) {
      if (s.phase.kind !== 'open' || !s.phase.keys) return;
      if (findPasswordWrap(s.phase.keys, clinicianId)?.name === name) return;
      changes.apply((keys) => withClinicianName(keys, clinicianId, name));
    },

    withAccess(clinicians) {
      const keys = s.phase.kind === 'open' ? s.phase.keys : null;
      return clinicians.map((c) => ({
        ...c,
        hasPassword: keys === null ? true : findPasswordWrap(keys, c.id) !== undefined,
      }));
    },

    recordsAccess() {
      const open = requireOpen(s);
      if (open.store.kind === 'demo' || !open.key || !open.keys) {
        throw new AppError(
          'forbidden',
          'The demo clinic has no backups: its patients are fictional and it is reset each time it opens.',
        );
      }
      // The key file as it is now, so a backup carries every slot (another window may have added one).
      const keys = keysOnDisk();
      return {
        store: open.store,
        key: Buffer.from(open.key),
        keys,
        clinicianId: open.clinicianId,
        appVersion: options.appVersion,
        dataDir: s.dataDir,
      };
    },

    requireKeys() {
      requireEncryptedOpen(s);
    },
  };
}
