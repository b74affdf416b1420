/**
 * Which clinic is open (real or demo), whether its records can be opened at all, and who is
 * signed in. Owned by the backend; the renderer only ever sees the resulting AppStatus.
 *
 * The real clinic's records are encrypted. They are open only while a clinician is signed in:
 * signing in unwraps the database key with the clinician's password; locking (on demand or after
 * the clinic's idle time) and signing out close the records and wipe the key from memory. The
 * demo clinic holds fictional patients only and is not encrypted.
 *
 * This file composes the session from the modules beside it, one job each:
 * - state.ts: the phase the records are in, the status, the session's audit entries;
 * - problems.ts: the words for records that cannot be opened;
 * - opening.ts: looking at the data folder at start, opening and closing the records;
 * - first-start.ts: setting up a clinic, or encrypting records from before encryption;
 * - sign-in.ts (with throttle.ts): sign-in, unlock, the recovery key;
 * - auto-lock.ts: locking after the clinic's idle time;
 * - key-admin.ts (with key-changes.ts): passwords, clinicians' access, the key for backups;
 * - key-rotation.ts: changing the records key, and finishing a change a crash cut short;
 * - daily-snapshot.ts: the automatic snapshot after the first sign-in of the day;
 * - restore-flow.ts and restore-commit.ts: restoring a backup in two steps.
 * clinician-admin.ts holds the rules of managing clinicians, which the handlers call.
 */
import type { AppStatus, SetupInput, WithRecoveryKey } from '../../../shared/domain/session';
import type { BackupList, Progress, RestorePreview } from '../../../shared/domain/records';
import type { Clinician } from '../../../shared/domain/settings';
import { anchorKey } from '../../audit/anchor';
import { getClinician } from '../../records/clinic';
import { AppError } from '../../util/errors';
import type { ClinicStore } from '../store';
import { startAutoLock } from './auto-lock';
import { dailySnapshots } from './daily-snapshot';
import { firstStart } from './first-start';
import type { RecordsAccess } from './key-admin';
import { keyAdministration } from './key-admin';
import type { RotationResult } from './key-rotation';
import { keyRotation } from './key-rotation';
import { recordsDoor } from './opening';
import { restoreFlow } from './restore-flow';
import { signInFlow } from './sign-in';
import type { SessionOptions } from './state';
import { createSessionState, requireEncryptedOpen, statusOf } from './state';

export type { RecordsAccess } from './key-admin';
export type { SessionOptions } from './state';

export interface SessionControl {
  status(): AppStatus;
  setup(input: SetupInput): Promise<WithRecoveryKey>;
  /** Clinicians of records kept from before encryption (to choose who encrypts them). */
  clinicians(): Clinician[];
  encryptExisting(clinicianId: number, password: string): Promise<WithRecoveryKey>;
  signIn(clinicianId: number, password: string): Promise<AppStatus>;
  unlock(password: string): Promise<AppStatus>;
  recover(recoveryKey: string, clinicianId: number, newPassword: string): Promise<AppStatus>;
  lock(): AppStatus;
  signOut(): AppStatus;
  /** The clinician is active in the window: postpones the automatic lock. */
  touch(): void;
  openDemo(): AppStatus;
  leaveDemo(): AppStatus;
  /** The open store and the signed-in clinician, or an AppError saying why there is none. */
  requireClinic(): { store: ClinicStore; clinician: Clinician };
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /**
   * Checks the signed-in clinician's own password again before an administrative act (throttled
   * like sign-in, a wrong one audited); throws an AppError on the field `yourPassword` if wrong.
   */
  reauthenticate(password: string): Promise<void>;
  /** Gives a clinician a password (a new colleague, or one who forgot theirs). */
  setClinicianPassword(clinicianId: number, password: string): Promise<void>;
  /** A clinician who is no longer active can no longer unlock the records. */
  removeClinicianAccess(clinicianId: number): void;
  /** Keeps the sign-in screen's names in step with the clinicians table. */
  renameClinicianAccess(clinicianId: number, name: string): void;
  /** Whether each clinician has a key slot (can sign in); roles are added by clinician-admin. */
  withAccess(clinicians: Clinician[]): (Clinician & { hasPassword: boolean })[];
  /**
   * The open encrypted records, a copy of their key (the caller wipes it) and the key file, for
   * backups and exports. Throws in the demo clinic, which has no key and no backups.
   */
  recordsAccess(): RecordsAccess;
  /** The data folder's backups, and whether a restore can start now. */
  backupList(): BackupList;
  /** Step 1 of a restore: checks and unlocks a backup file, replaces nothing. */
  prepareRestore(
    file: string,
    clinicianId: number,
    password: string,
    report: (p: Progress) => void,
  ): Promise<RestorePreview>;
  /** Step 2: snapshot, replace, reopen, sign the clinician in. */
  confirmRestore(restoreId: string, report: (p: Progress) => void): Promise<AppStatus>;
  cancelRestore(restoreId: string): void;
  /** Resolves when background work (the daily snapshot) has finished. */
  settled(): Promise<void>;
  /** "Change the records key" (key-rotation.ts); the caller checks the role and password. */
  rotateKey(report: (p: Progress) => void): Promise<RotationResult>;
  /** Throws unless the open clinic has keys to manage (the demo clinic has none). */
  requireKeys(): void;
  /** After each request: seals the audit trail's head into its anchor (see audit/anchor-keeper.ts). */
  keepAuditAnchor(): void;
  /**
   * The key that seals the audit trail's anchor, after sealing the current head; null in the
   * demo clinic (no anchor is kept). For "verify the audit trail".
   */
  auditAnchorKey(): Buffer | null;
  close(): void;
}

export function createSession(options: SessionOptions): SessionControl {
  const s = createSessionState(options);
  const daily = dailySnapshots(s);
  const door = recordsDoor(s, {
    closing: () => daily.cancel(),
    inspecting: () => restore.drop(),
  });
  const autoLock = startAutoLock(s, (reason) => door.close('locked', reason));
  const keys = keyAdministration(s, () => door.closeStore());
  /** Changing the records key, and finishing one a crash cut short (key-rotation.ts). */
  const rotation = keyRotation({
    dataDir: s.dataDir,
    keyFile: s.keyFile,
    clock: s.clock,
    logger: s.logger,
    appVersion: options.appVersion,
    ...s.driver,
    quiesce() {
      daily.cancel();
      if (s.phase.kind === 'open' && s.phase.key) s.anchors.now(s.phase.store.db, s.phase.key);
    },
    adopt(key, keyFile) {
      if (s.phase.kind !== 'open') return void key.fill(0);
      s.phase.key?.fill(0);
      s.phase.key = key;
      s.phase.keys = keyFile;
    },
  });
  const signIn = signInFlow(s, door, keys, rotation, () => daily.schedule());
  const restore = restoreFlow(s, door, () => autoLock.active(autoLock.requireActive()));
  const first = firstStart(s, door);
  const status = () => statusOf(s);

  function switchClinic(kind: 'demo' | 'real'): AppStatus {
    door.closeStore();
    s.kind = kind;
    door.inspect();
    return status();
  }

  door.inspect();

  return {
    status,
    setup: first.setup,
    clinicians: first.clinicians,
    encryptExisting: first.encryptExisting,
    signIn: signIn.signIn,
    unlock: signIn.unlock,
    recover: signIn.recover,
    lock: () => door.close('locked', 'Locked the session'),
    signOut() {
      if (s.phase.kind === 'open' && s.phase.store.kind === 'demo') return status();
      if (s.phase.kind === 'closed') {
        s.phase = { ...s.phase, lockedBy: null };
        return status();
      }
      return door.close('signed_out', 'Signed out');
    },
    touch: autoLock.touch,
    openDemo: () => switchClinic('demo'),
    leaveDemo: () => switchClinic('real'),

    requireClinic() {
      const open = autoLock.requireActive();
      const clinician = getClinician(open.store.db, open.clinicianId);
      if (!clinician.active) {
        // Deactivated by an administrator (possibly in another window on this folder).
        door.close('signed_out', `${clinician.name} was signed out: deactivated by an administrator`);
        throw new AppError(
          'unauthenticated',
          'You were signed out: an administrator deactivated your account. Ask them if this is a mistake.',
        );
      }
      autoLock.active(open);
      return { store: open.store, clinician };
    },

    changePassword: keys.changePassword,
    reauthenticate: keys.reauthenticate,
    setClinicianPassword: keys.setClinicianPassword,
    removeClinicianAccess: keys.removeClinicianAccess,
    renameClinicianAccess: keys.renameClinicianAccess,
    withAccess: keys.withAccess,
    recordsAccess: keys.recordsAccess,
    requireKeys: keys.requireKeys,

    backupList: () => restore.backupList(daily.problem()),
    prepareRestore: restore.prepare,
    confirmRestore: restore.confirm,
    cancelRestore: restore.cancel,
    settled: daily.settled,

    rotateKey(report) {
      const open = requireEncryptedOpen(s);
      const name = getClinician(open.store.db, open.clinicianId).name;
      open.keyRotationAdvised = null;
      return rotation.rotate(
        { db: open.store.db, key: open.key, clinicianId: open.clinicianId, clinicianName: name },
        report,
      );
    },

    keepAuditAnchor() {
      if (s.phase.kind === 'open' && s.phase.key) s.anchors.soon(s.phase.store.db, s.phase.key);
    },
    auditAnchorKey() {
      if (s.phase.kind !== 'open' || !s.phase.key) return null;
      s.anchors.now(s.phase.store.db, s.phase.key);
      return anchorKey(s.phase.key);
    },

    close() {
      autoLock.stop();
      restore.drop();
      door.closeStore();
      s.phase = { kind: 'new' };
    },
  };
}
