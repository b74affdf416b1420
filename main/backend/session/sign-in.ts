/**
 * Signing in, unlocking, and the recovery key: each unwraps the records' key from the key file
 * as it is on disk now, waits out the throttle's delay after wrong answers (throttle.ts), counts
 * and audits a wrong one, and opens the records. A slot in an older format is rewrapped once the
 * password is known to be right.
 */
import type { AppStatus } from '../../../shared/domain/session';
import { getClinician } from '../../records/clinic';
import { findPasswordWrap, unwrapWithPassword, unwrapWithRecoveryKey } from '../../security/key-file';
import { AppError } from '../../util/errors';
import type { KeyAdministration } from './key-admin';
import type { KeyRotation } from './key-rotation';
import { checkNewPassword } from './key-admin';
import type { RecordsDoor } from './opening';
import type { SessionState } from './state';
import { audit, failAttempt, requireEncryptedOpen, statusOf } from './state';
import { clinicianCounter } from './throttle';

export interface SignIn {
  signIn: (clinicianId: number, password: string) => Promise<AppStatus>;
  unlock: (password: string) => Promise<AppStatus>;
  recover: (recoveryKey: string, clinicianId: number, newPassword: string) => Promise<AppStatus>;
}

/** `signedIn` runs after every successful sign-in (it schedules the daily snapshot). */
export function signInFlow(
  s: SessionState,
  door: RecordsDoor,
  keys: KeyAdministration,
  rotation: Pick<KeyRotation, 'settle'>,
  signedIn: () => void,
): SignIn {
  const { throttle } = s;

  function wrongPassword(clinicianId: number, name: string, how: 'sign_in' | 'unlock'): never {
    failAttempt(s, clinicianCounter(clinicianId), { prompt: how, clinicianId, name });
    throw new AppError('unauthenticated', 'Wrong password. Check Caps Lock and try again.', {
      password: 'Wrong password. Check Caps Lock and try again.',
    });
  }

  async function unlockAs(clinicianId: number, password: string, how: 'sign_in' | 'unlock'): Promise<AppStatus> {
    if (s.phase.kind !== 'closed') {
      throw new AppError(
        'conflict',
        s.phase.kind === 'open'
          ? 'Someone is already signed in. Sign out first.'
          : 'The records cannot be unlocked now.',
      );
    }
    // Another window may have changed the key file (a new password, a removed clinician).
    const current = keys.keysOnDisk();
    const wrap = findPasswordWrap(current, clinicianId);
    if (!wrap)
      throw new AppError(
        'not_found',
        'That clinician cannot sign in here (no password is set). Ask a colleague to set one in Settings.',
      );
    throttle.check(clinicianCounter(clinicianId), 'password');
    const unwrapped = await unwrapWithPassword(current, wrap, password);
    if (!unwrapped) wrongPassword(clinicianId, wrap.name, how);
    if (s.phase.kind !== 'closed') {
      unwrapped.fill(0);
      throw new AppError('conflict', 'The app changed state during the sign-in. Try again.');
    }
    const lockedBy = s.phase.lockedBy;
    const settled = rotation.settle(current, unwrapped); // a key change cut short
    door.openWithKey(settled.keys, settled.key, clinicianId);
    throttle.succeed(clinicianCounter(clinicianId));
    // A slot in an older format (scrypt, or a tag that does not bind the clinician) is rewrapped
    // now that the password is known: Argon2id with this version's cost.
    await keys.changes.rewrapIfOld(wrap, password);
    const name = wrap.name;
    const unlocked = how === 'unlock' && lockedBy === clinicianId;
    audit(s, {
      clinicianId,
      action: unlocked ? 'unlock' : 'sign_in',
      summary: unlocked ? `${name} unlocked the session` : `${name} signed in`,
    });
    signedIn();
    return statusOf(s);
  }

  return {
    signIn: (clinicianId, password) => unlockAs(clinicianId, password, 'sign_in'),

    async unlock(password) {
      if (s.phase.kind !== 'closed' || s.phase.lockedBy === null)
        throw new AppError('conflict', 'The app is not locked.');
      return unlockAs(s.phase.lockedBy, password, 'unlock');
    },

    async recover(recoveryKey, clinicianId, newPassword) {
      if (s.phase.kind !== 'closed') throw new AppError('conflict', 'Sign out first, then use the recovery key.');
      const current = keys.keysOnDisk();
      const wrap = findPasswordWrap(current, clinicianId);
      const name = wrap?.name ?? `clinician ${clinicianId}`;
      throttle.check('recovery', 'recoveryKey');
      const key = unwrapWithRecoveryKey(current, recoveryKey);
      if (!key) {
        failAttempt(s, 'recovery', { prompt: 'recovery', clinicianId, name });
        throw new AppError(
          'unauthenticated',
          'That recovery key does not unlock these records. Check each group of four characters.',
          { recoveryKey: 'That recovery key does not unlock these records.' },
        );
      }
      throttle.succeed('recovery');
      const settled = rotation.settle(current, key); // a key change cut short
      door.openWithKey(settled.keys, settled.key, clinicianId);
      const open = requireEncryptedOpen(s);
      const clinician = getClinician(open.store.db, clinicianId);
      try {
        await checkNewPassword(newPassword, clinician.name, current.clinicName);
      } catch (err) {
        door.closeStore();
        s.phase = { kind: 'closed', keys: current, lockedBy: null };
        throw err;
      }
      await keys.changes.setPassword(clinician, newPassword);
      throttle.succeed(clinicianCounter(clinicianId));
      audit(s, {
        clinicianId,
        action: 'password_reset',
        summary: `${clinician.name} set a new password with the recovery key and signed in`,
      });
      signedIn();
      return statusOf(s);
    },
  };
}
