/**
 * The session's changes to keys.json, each made with `updateKeyFile`: under the file's lock,
 * applied to the file as it is on disk now (another window of the app may have changed it), so
 * no change of one process is undone by another. Passwords are derived before the lock is taken
 * (it is held for milliseconds).
 */
import type { Clinician } from '../../../shared/domain/settings';
import { keyCheck } from '../../security/crypto';
import type { KeyFile, PasswordKdfParams, PasswordWrap } from '../../security/key-file';
import { findPasswordWrap, needsRewrap, passwordWrap, updateKeyFile, withPasswordWrap } from '../../security/key-file';
import { KeyFileBusyError } from '../../security/key-file-lock';
import type { Clock } from '../../util/clock';
import { AppError } from '../../util/errors';
import type { Logger } from '../../util/logger';

export interface KeyChangeContext {
  keyFile: string;
  clock: Clock;
  logger: Logger;
  passwordKdf(): PasswordKdfParams;
  /** The open records' key (the session's own buffer: not wiped here), or null when closed. */
  openKey(): Buffer | null;
  /** Called with what was written, to keep the session's copy in step. */
  keysChanged(keys: KeyFile): void;
}

export interface KeyFileChanges {
  /** Applies one pure change to the key file as it is now. Throws AppError when it cannot. */
  apply(change: (current: KeyFile) => KeyFile): KeyFile;
  /** Gives a clinician a new password slot sealing the open records' key. */
  setPassword(clinician: Pick<Clinician, 'id' | 'name'>, password: string): Promise<void>;
  /** After a sign-in: rewraps a slot written in an older format or at another cost (best effort). */
  rewrapIfOld(wrap: PasswordWrap, password: string): Promise<void>;
}

export function keyFileChanges(ctx: KeyChangeContext): KeyFileChanges {
  function apply(change: (current: KeyFile) => KeyFile): KeyFile {
    let written: KeyFile;
    try {
      written = updateKeyFile(ctx.keyFile, change);
    } catch (err) {
      if (err instanceof KeyFileBusyError) throw new AppError('conflict', err.message);
      throw err;
    }
    ctx.keysChanged(written);
    return written;
  }

  /** A slot may only be added to a key file whose records key is the one it seals. */
  function sameRecordsKey(keys: KeyFile, key: Buffer): void {
    if (keys.keyCheck !== keyCheck(key)) {
      throw new AppError(
        'conflict',
        'The records key was changed in another window since you signed in. Sign out, sign in again, then try again. Nothing was changed.',
      );
    }
  }

  return {
    apply,

    async setPassword(clinician, password) {
      const open = ctx.openKey();
      if (!open) throw new AppError('unauthenticated', 'Sign in to change passwords.');
      // A copy: locking during the derivation wipes the session's key.
      const key = Buffer.from(open);
      try {
        const wrap = await passwordWrap(key, clinician, password, ctx.clock.now(), ctx.passwordKdf());
        apply((current) => {
          sameRecordsKey(current, key);
          return withPasswordWrap(current, wrap);
        });
      } finally {
        key.fill(0);
      }
    },

    async rewrapIfOld(wrap, password) {
      const open = ctx.openKey();
      if (!open || !needsRewrap(wrap, ctx.passwordKdf())) return;
      const key = Buffer.from(open);
      try {
        const fresh = await passwordWrap(
          key,
          { id: wrap.clinicianId, name: wrap.name },
          password,
          ctx.clock.now(),
          ctx.passwordKdf(),
        );
        apply((current) => {
          // Only the slot that was unlocked: if it changed meanwhile (a new password set in
          // another window), that newer slot stays.
          const now = findPasswordWrap(current, wrap.clinicianId);
          if (!now || now.nonce !== wrap.nonce || current.keyCheck !== keyCheck(key)) return current;
          return withPasswordWrap(current, { ...fresh, name: now.name });
        });
      } catch (err) {
        // The sign-in itself succeeded; the slot is rewrapped at a later sign-in.
        ctx.logger.error('the password slot could not be rewrapped in the current format', err);
      } finally {
        key.fill(0);
      }
    },
  };
}
