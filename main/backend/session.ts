/**
 * Which clinic is open (real or demo), whether its records can be opened at all, and who is
 * signed in. Owned by the backend; the renderer only ever sees the resulting AppStatus.
 *
 * The real clinic's records are encrypted. They are open only while a clinician is signed in:
 * signing in unwraps the database key with the clinician's password; locking (on demand or after
 * the clinic's idle time) and signing out close the records and wipe the key from memory. The
 * demo clinic holds fictional patients only and is not encrypted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus, SetupInput, WithRecoveryKey } from '../../shared/domain/session';
import { passwordStrengthProblem } from '../../shared/domain/password-strength';
import type { Clinician } from '../../shared/domain/settings';
import { appendAudit } from '../audit/audit-log';
import type { AuditEntry } from '../audit/audit-log';
import { createAnchorKeeper } from '../audit/anchor-keeper';
import { anchorKey } from '../audit/anchor';
import { DatabaseOpenError, openDatabase } from '../db/open';
import { seedDemoClinic } from '../demo/demo-clinic';
import { createClinician, getClinician, listClinicians, readSettings, writeSettings } from '../records/clinic';
import { isAdministratorRole, roleOf } from '../records/clinician-roles';
import { formatRecoveryKey, keyCheck, newDatabaseKey, newRecoveryKey } from '../security/crypto';
import { encryptExistingRecords, finishInterruptedEncryption } from '../security/encrypt-existing';
import type { KeyFile, PasswordKdfParams } from '../security/key-file';
import {
  createKeyFile,
  findPasswordWrap,
  KEY_FILE,
  KeyFileError,
  KeyFileExistsError,
  newKeyFile,
  passwordWrap,
  readKeyFile,
  recoveryWrap,
  signInChoices,
  unwrapWithPassword,
  unwrapWithRecoveryKey,
  withClinicianName,
  withoutClinician,
} from '../security/key-file';
import { KeyFileBusyError } from '../security/key-file-lock';
import { removeLegacyKeychainSlots } from '../security/legacy-keychain';
import { keyFileChanges } from './session/key-changes';
import type { RotationResult } from './session/key-rotation';
import { keyRotation, rotationAdvised } from './session/key-rotation';
import type { BackupList, Progress, RestorePreview } from '../../shared/domain/records';
import { countOf } from '../../shared/domain/records';
import type { SnapshotResult } from '../backup/auto-snapshot';
import { megabytes, snapshotSteps } from '../backup/auto-snapshot';
import { clearWorkFolder } from '../backup/backup';
import { removePlainCopies, removeStalePartials } from '../backup/leftovers';
import { runSteps } from '../backup/container';
import type { PreparedRestore } from '../backup/restore';
import {
  discardStaged,
  finishInterruptedRestore,
  prepareRestore,
  setAsideUnreadable,
  summarizeRecords,
  swapInRecords,
} from '../backup/restore';
import { readBackupKeep } from '../backup/settings';
import { backupsFolder, hasBackupOn, listBackups } from '../backup/snapshots';
import { latestVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Clock } from '../util/clock';
import { AppError } from '../util/errors';
import type { Logger } from '../util/logger';
import type { ClinicKind, ClinicStore, OpenStoreOptions } from './store';
import { hasMarker, MARKER_FILE, openClinicStore, recordsFile, recordsFileKind } from './store';
import type { Counter, FailedAttempt } from './session/throttle';
import { clinicianCounter, createThrottle } from './session/throttle';

export { waitAfterFailures } from './session/throttle';

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

export interface RecordsAccess {
  store: ClinicStore;
  key: Buffer;
  keys: KeyFile;
  clinicianId: number;
  appVersion: string;
  dataDir: string;
}

interface Problem {
  title: string;
  detail: string;
  whatToDo: string;
}

const RESTORE_ADVICE =
  'Restore the most recent backup, or ask the person who looks after this computer for help. Nothing has been changed or replaced.';

/** Turns a failure to open the records into words for the clinic. */
export function describeOpenProblem(err: DatabaseOpenError): Problem {
  switch (err.problem) {
    case 'corrupt':
      return { title: 'The records file is damaged', detail: err.message, whatToDo: RESTORE_ADVICE };
    case 'not_a_database':
    case 'not_ours':
      return { title: 'This is not a Stride Clinic records file', detail: err.message, whatToDo: RESTORE_ADVICE };
    case 'locked':
      return {
        title: 'The records are in use by another program',
        detail: err.message,
        whatToDo:
          'Close other copies of Stride Clinic (or any program that opened the records file), then start the app again.',
      };
    case 'newer_version':
      return {
        title: 'The records need a newer version of Stride Clinic',
        detail: err.message,
        whatToDo: 'Install the latest version of Stride Clinic. The records have not been changed.',
      };
    case 'network_folder':
      return {
        title: 'The data folder is on a network drive',
        detail: err.message,
        whatToDo: "Move the data folder to this computer's own disk and start the app again.",
      };
    case 'missing':
      return { title: 'The records file is missing', detail: err.message, whatToDo: RESTORE_ADVICE };
    case 'migration_mismatch':
    case 'unreadable':
      return { title: 'The records file cannot be opened', detail: err.message, whatToDo: RESTORE_ADVICE };
  }
}

function keyFileProblem(err: KeyFileError): Problem {
  return {
    title: err.problem === 'missing' ? 'The key file is missing' : 'The key file is damaged',
    detail: `${err.message} The records are encrypted and this file holds the only way to unlock them.`,
    whatToDo:
      'Restore the most recent backup: each backup carries its own copy of the key file. Nothing has been changed or replaced.',
  };
}

/**
 * Problems a restore must not paper over: records in use elsewhere, on a network drive, or
 * written by a newer version (restoring an older backup over them would lose their newest work).
 */
/** How long after a sign-in the daily snapshot starts. */
const DAILY_SNAPSHOT_DELAY_MS = 10_000;

const UNSAFE_TO_RESTORE_OVER: readonly DatabaseOpenError['problem'][] = ['locked', 'network_folder', 'newer_version'];

export interface SessionOptions extends OpenStoreOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  startInDemo: boolean;
  /** Key derivation for new password slots. Tests lower its cost; the app uses DEFAULT_PASSWORD_KDF. */
  passwordKdf: PasswordKdfParams;
  /** Called whenever the records close (lock, sign-out, restore, demo), to drop what came from them. */
  onRecordsClosed?: () => void;
  /** While the disk is full, the sentence the status carries (main/files/disk-reserve.ts). */
  diskFull?: () => string | null;
}

type Phase =
  | { kind: 'problem'; problem: Problem; restorable: boolean }
  | { kind: 'new' }
  | { kind: 'plaintext' }
  | { kind: 'closed'; keys: KeyFile; lockedBy: number | null }
  | { kind: 'open'; store: ClinicStore; clinicianId: number; key: Buffer | null; keys: KeyFile | null };

export function createSession(options: SessionOptions): SessionControl {
  const { dataDir, clock, logger } = options;
  const driver = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const keyFile = path.join(dataDir, KEY_FILE);
  let kind: ClinicKind = options.startInDemo ? 'demo' : 'real';
  let phase: Phase = { kind: 'new' };
  let lastActivity = clock.now().getTime();
  let autoLockMinutes: number | null = null;
  /** Whether changing the records key is advisable: worked out once per opening, then kept. */
  let advised: boolean | null = null;
  /** Wrong passwords at every prompt, counted on disk beside the key file (survives a restart). */
  const throttle = createThrottle({ dataDir, clock, logger });
  /** Failed sign-ins happen while the records are closed: they are written at the next opening. */
  /** A backup unlocked and checked, waiting for the clinician to confirm the restore. */
  let prepared: PreparedRestore | null = null;
  /** Background work (the daily snapshot), so tests and the benchmark can wait for it. */
  let background: Promise<void> = Promise.resolve();
  /** Why the last automatic snapshot failed, shown with the backup list until one succeeds. */
  let automaticProblem: string | null = null;
  const anchors = createAnchorKeeper({ dataDir, clock, logger });

  function dropPrepared(): void {
    if (!prepared) return;
    discardStaged(prepared.stagedFile);
    prepared.key.fill(0);
    prepared = null;
  }

  /**
   * The daily snapshot, at the first sign-in of the day (the key is only in memory while someone
   * is signed in). It starts a little after the sign-in, so the first screen is not kept waiting,
   * and runs in the background in short steps; locking or signing out stops it and removes its
   * unfinished files (it is tried again at the next sign-in).
   */
  let pendingDaily: { timer: NodeJS.Timeout; run(): void; key: Buffer } | null = null;

  function scheduleDailySnapshot(): void {
    if (phase.kind !== 'open' || !phase.key || !phase.keys) return;
    const { store, keys } = phase;
    cancelDailySnapshot();
    const key = Buffer.from(phase.key);
    const run = () => {
      clearTimeout(timer);
      pendingDaily = null;
      // The key file as it is when the snapshot starts (another window may have changed it).
      let current = keys;
      try {
        current = readKeyFile(keyFile);
      } catch {
        // keep the copy read at sign-in
      }
      background = background.then(() => dailySnapshot(store, key, current));
    };
    const timer = setTimeout(run, DAILY_SNAPSHOT_DELAY_MS);
    timer.unref();
    pendingDaily = { timer, run, key };
  }

  function cancelDailySnapshot(): void {
    if (!pendingDaily) return;
    clearTimeout(pendingDaily.timer);
    pendingDaily.key.fill(0);
    pendingDaily = null;
  }

  async function dailySnapshot(store: ClinicStore, key: Buffer, keys: KeyFile): Promise<void> {
    try {
      if (!store.db.open || hasBackupOn(dataDir, clock.today())) return;
      // On a full disk the snapshot would take the space kept for sign-in and reads' audit entries.
      if (options.diskFull?.()) return void logger.info('no daily snapshot today: the disk is full');
      const result = await runSteps(
        snapshotSteps({
          db: store.db,
          key,
          keys,
          dataDir,
          kind: 'daily',
          appVersion: options.appVersion,
          clock,
          ...driver,
        }),
        () => {},
        () => (store.db.open ? null : 'the records were closed before the snapshot was finished'),
      );
      automaticProblem = null;
      if (store.db.open) {
        appendAudit(store.db, clock, {
          clinicianId: null,
          action: 'snapshot',
          entity: 'records',
          entityId: null,
          patientId: null,
          summary: `Automatic daily snapshot ${result.name} (${megabytes(result.bytes)}, ${countOf(result.patients, 'patient')})${result.pruned.length > 0 ? `; removed ${result.pruned.length} older snapshot${result.pruned.length === 1 ? '' : 's'}` : ''}`,
        });
      }
    } catch (err) {
      if (!store.db.open) return; // locked or signed out meanwhile: tried again at the next sign-in
      logger.error('the daily snapshot failed', err);
      automaticProblem = `Today’s automatic snapshot could not be made (${(err as Error).message}). Check the free space on this computer’s disk, then use “Back up now”.`;
    } finally {
      key.fill(0);
    }
  }

  /** Records that cannot be opened; `restorable` says whether restoring a backup over them is safe. */
  function fail(problem: Problem, restorable = true): void {
    phase = { kind: 'problem', problem, restorable };
  }

  /** Looks at the data folder and decides what the first screen is. Opens nothing encrypted. */
  function inspect(): void {
    closeStore();
    dropPrepared();
    if (kind === 'demo') return openDemoStore();
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      // Scratch files of an interrupted backup, restore or export; a restore cut short between
      // its two renames is finished, one that never reached its commit point is undone.
      clearWorkFolder(dataDir);
      for (const name of removeStalePartials(dataDir)) logger.info(`removed ${name}, left by an interrupted backup`);
      const restore = finishInterruptedRestore(dataDir);
      if (restore !== 'none') logger.info(`an interrupted restore was ${restore.replace('_', ' ')}`);
      const file = recordsFile(dataDir);
      let fileKind = recordsFileKind(file);
      finishInterruptedEncryption(dataDir, fileKind);
      fileKind = recordsFileKind(file);
      const hasKeys = fs.existsSync(keyFile);
      for (const name of removePlainCopies(dataDir, fileKind, hasKeys)) logger.info(`removed the plain copy ${name}`);
      if (fileKind === 'absent' || fileKind === 'empty') {
        if (hasMarker(dataDir)) {
          return fail(
            describeOpenProblem(
              new DatabaseOpenError(
                'missing',
                file,
                `The records file ${file} is missing from a data folder that held one.`,
              ),
            ),
          );
        }
        phase = { kind: 'new' };
        return;
      }
      if (fileKind === 'plain') {
        if (hasKeys) {
          return fail({
            title: 'The records file is not encrypted, but this clinic uses encryption',
            detail: `${file} is a plain database, while ${keyFile} says the records are encrypted. It may have been replaced by an old copy.`,
            whatToDo: RESTORE_ADVICE,
          });
        }
        // Records from before encryption: check they are ours and open, then ask for a password.
        const probe = openClinicStore(dataDir, 'real', { ...options, create: false });
        const settings = readSettings(probe.db);
        const patients = (probe.db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
        probe.close();
        if (!settings && patients === 0) {
          // An unfinished first start from before encryption: nothing to keep.
          for (const f of [file, `${file}-wal`, `${file}-shm`, path.join(dataDir, MARKER_FILE)])
            fs.rmSync(f, { force: true });
          phase = { kind: 'new' };
          return;
        }
        phase = { kind: 'plaintext' };
        return;
      }
      const legacy = removeLegacyKeychainSlots(dataDir);
      if (legacy.cleaned.length > 0)
        logger.info(`removed the OS keychain's slot from ${legacy.cleaned.length} key file(s) and backup(s)`);
      for (const left of legacy.left) logger.error(`the OS keychain's slot is still in ${left.file}: ${left.reason}`);
      phase = { kind: 'closed', keys: readKeyFile(keyFile), lockedBy: null };
    } catch (err) {
      if (err instanceof DatabaseOpenError) {
        logger.error(`records could not be opened: ${err.problem}`, err);
        return fail(describeOpenProblem(err), !UNSAFE_TO_RESTORE_OVER.includes(err.problem));
      }
      if (err instanceof KeyFileError) {
        logger.error(`key file: ${err.problem}`, err);
        return fail(keyFileProblem(err));
      }
      throw err;
    }
  }

  function openDemoStore(): void {
    try {
      const store = openClinicStore(dataDir, 'demo', { ...options, create: true });
      const clinician = seedDemoClinic(store.db, clock);
      phase = { kind: 'open', store, clinicianId: clinician.id, key: null, keys: null };
      autoLockMinutes = null;
    } catch (err) {
      if (err instanceof DatabaseOpenError) return fail(describeOpenProblem(err));
      throw err;
    }
  }

  function closeStore(): void {
    cancelDailySnapshot();
    if (phase.kind === 'open') {
      if (phase.key && phase.store.db.open) anchors.now(phase.store.db, phase.key);
      phase.store.close();
      phase.key?.fill(0);
    }
    options.onRecordsClosed?.();
  }

  /** Opens the encrypted records with a key known to be right, for a clinician. */
  function openWithKey(keys: KeyFile, key: Buffer, clinicianId: number): void {
    let store: ClinicStore;
    try {
      store = openClinicStore(dataDir, 'real', { ...options, key, create: false });
    } catch (err) {
      key.fill(0);
      if (err instanceof DatabaseOpenError) {
        logger.error(`records could not be opened with a correct key: ${err.problem}`, err);
        const problem =
          err.problem === 'not_a_database'
            ? {
                title: 'The records file does not match the key file',
                detail: `${err.message} The password was right, so the records file is damaged or was replaced by another clinic's file.`,
                whatToDo: RESTORE_ADVICE,
              }
            : describeOpenProblem(err);
        fail(problem, !UNSAFE_TO_RESTORE_OVER.includes(err.problem));
        throw new AppError('database_unavailable', `${problem.title}. ${problem.whatToDo}`);
      }
      throw err;
    }
    const clinician = listClinicians(store.db, { activeOnly: true }).find((c) => c.id === clinicianId);
    if (!clinician) {
      store.close();
      key.fill(0);
      throw new AppError('forbidden', 'This clinician is no longer active at this clinic. Ask a colleague to sign in.');
    }
    phase = { kind: 'open', store, clinicianId, key, keys };
    advised = null;
    autoLockMinutes = readSettings(store.db)?.autoLockMinutes ?? 5;
    lastActivity = clock.now().getTime();
    anchors.opened(store.db, key);
    auditFailedAttempts();
  }

  /** Wrong passwords kept while the records were closed (or just now) go to the audit trail. */
  function auditFailedAttempts(): void {
    if (phase.kind !== 'open' || phase.store.kind !== 'real') return;
    const db = phase.store.db;
    db.transaction(() => {
      for (const entry of throttle.takeUnaudited()) appendAudit(db, clock, entry);
    }).immediate();
  }

  function failAttempt(counter: Counter, attempt: FailedAttempt): void {
    throttle.fail(counter, attempt);
    auditFailedAttempts();
  }

  function audit(entry: Omit<AuditEntry, 'entity' | 'entityId' | 'patientId'> & Partial<AuditEntry>): void {
    if (phase.kind !== 'open') return;
    appendAudit(phase.store.db, clock, { entity: 'session', entityId: null, patientId: null, ...entry });
  }

  function recordFailure(clinicianId: number, name: string, how: 'sign_in' | 'unlock'): never {
    failAttempt(clinicianCounter(clinicianId), { prompt: how, clinicianId, name });
    throw new AppError('unauthenticated', 'Wrong password. Check Caps Lock and try again.', {
      password: 'Wrong password. Check Caps Lock and try again.',
    });
  }

  async function unlockAs(clinicianId: number, password: string, how: 'sign_in' | 'unlock'): Promise<AppStatus> {
    if (phase.kind !== 'closed') {
      throw new AppError(
        'conflict',
        phase.kind === 'open' ? 'Someone is already signed in. Sign out first.' : 'The records cannot be unlocked now.',
      );
    }
    // Another window may have changed the key file (a new password, a removed clinician).
    const keys = keysOnDisk();
    const wrap = findPasswordWrap(keys, clinicianId);
    if (!wrap)
      throw new AppError(
        'not_found',
        'That clinician cannot sign in here (no password is set). Ask a colleague to set one in Settings.',
      );
    throttle.check(clinicianCounter(clinicianId), 'password');
    const unwrapped = await unwrapWithPassword(keys, wrap, password);
    if (!unwrapped) recordFailure(clinicianId, wrap.name, how);
    if (phase.kind !== 'closed') {
      unwrapped.fill(0);
      throw new AppError('conflict', 'The app changed state during the sign-in. Try again.');
    }
    const lockedBy = phase.lockedBy;
    const { key, keys: current } = rotation.settle(keys, unwrapped); // a key change cut short
    openWithKey(current, key, clinicianId);
    throttle.succeed(clinicianCounter(clinicianId));
    // A slot in an older format (scrypt, or a tag that does not bind the clinician) is rewrapped
    // now that the password is known: Argon2id with this version's cost.
    await keyChanges.rewrapIfOld(wrap, password);
    const name = wrap.name;
    audit({
      clinicianId,
      action: how === 'unlock' && lockedBy === clinicianId ? 'unlock' : 'sign_in',
      summary: how === 'unlock' && lockedBy === clinicianId ? `${name} unlocked the session` : `${name} signed in`,
    });
    scheduleDailySnapshot();
    return status();
  }

  function close(next: 'locked' | 'signed_out', reason: string): AppStatus {
    if (phase.kind !== 'open') return status();
    if (phase.store.kind === 'demo' || !phase.keys) return status();
    const { clinicianId, keys } = phase;
    audit({ clinicianId, action: next === 'locked' ? 'lock' : 'sign_out', summary: reason });
    closeStore();
    phase = { kind: 'closed', keys, lockedBy: next === 'locked' ? clinicianId : null };
    return status();
  }

  function idleTooLong(): boolean {
    return autoLockMinutes !== null && clock.now().getTime() - lastActivity > autoLockMinutes * 60_000;
  }

  const timer = setInterval(() => {
    if (phase.kind === 'open' && idleTooLong())
      close('locked', `Locked after ${autoLockMinutes} minutes without activity`);
  }, 15_000);
  timer.unref();

  function status(): AppStatus {
    const base = {
      clinicKind: kind,
      dataFolder: dataDir,
      appVersion: options.appVersion,
      diskFull: options.diskFull?.() ?? null,
      problem: null,
      clinician: null,
      signInChoices: [],
      lockedBy: null,
      autoLockMinutes: null,
      clinicName: '',
    };
    switch (phase.kind) {
      case 'problem':
        return { ...base, state: 'database_error', problem: phase.problem };
      case 'new':
        return { ...base, state: 'needs_setup' };
      case 'plaintext':
        return { ...base, state: 'needs_encryption' };
      case 'closed': {
        const choices = signInChoices(phase.keys);
        const lockedBy = phase.lockedBy;
        const locked = lockedBy === null ? undefined : choices.find((c) => c.clinicianId === lockedBy);
        return {
          ...base,
          state: locked ? 'locked' : 'signed_out',
          clinicName: phase.keys.clinicName,
          signInChoices: choices,
          lockedBy: locked ?? null,
        };
      }
      case 'open': {
        const settings = readSettings(phase.store.db);
        return {
          ...base,
          ...(phase.key && isAdministratorRole(roleOf(phase.store.db, phase.clinicianId))
            ? { keyRotationAdvised: (advised ??= rotationAdvised(phase.store.db)) }
            : {}),
          state: 'ready',
          clinicName: settings?.clinicName ?? '',
          clinician: getClinician(phase.store.db, phase.clinicianId),
          autoLockMinutes,
        };
      }
    }
  }

  function requireOpen(): Extract<Phase, { kind: 'open' }> {
    if (phase.kind === 'open') return phase;
    if (phase.kind === 'closed' && phase.lockedBy !== null) {
      throw new AppError('session_locked', 'The app is locked. Enter your password to continue.');
    }
    if (phase.kind === 'problem')
      throw new AppError('database_unavailable', `${phase.problem.title}. ${phase.problem.whatToDo}`);
    throw new AppError('unauthenticated', 'Sign in to see or change records.');
  }

  function requireEncryptedOpen(): Extract<Phase, { kind: 'open' }> & { key: Buffer; keys: KeyFile } {
    const p = requireOpen();
    if (!p.key || !p.keys) throw new AppError('forbidden', 'The demo clinic has no passwords.');
    return p as Extract<Phase, { kind: 'open' }> & { key: Buffer; keys: KeyFile };
  }

  /** The key file as it is on disk now (another window may have changed it); kept in the phase. */
  function keysOnDisk(): KeyFile {
    try {
      const keys = readKeyFile(keyFile);
      // While the records are open, a key file for another key (copied over this one) is never
      // adopted: a password it holds would prove nothing about these records.
      if (phase.kind === 'open' && phase.key && keys.keyCheck !== keyCheck(phase.key)) {
        logger.error('the key file on disk is not for the open records: refused');
        throw new AppError(
          'conflict',
          'The key file in the data folder is not the one for these records, so nothing was changed. Lock the app and ask an administrator to check the data folder.',
        );
      }
      if (phase.kind === 'closed' || (phase.kind === 'open' && phase.keys)) phase.keys = keys;
      return keys;
    } catch (err) {
      if (err instanceof KeyFileError) {
        logger.error(`key file: ${err.problem}`, err);
        closeStore();
        fail(keyFileProblem(err));
        throw new AppError('database_unavailable', `${keyFileProblem(err).title}. ${keyFileProblem(err).whatToDo}`);
      }
      throw err;
    }
  }

  /** Every change to keys.json: under its lock, applied to the file as it is now (key-changes.ts). */
  const keyChanges = keyFileChanges({
    keyFile,
    clock,
    logger,
    passwordKdf: () => options.passwordKdf,
    openKey: () => (phase.kind === 'open' && phase.key ? phase.key : null),
    keysChanged(keys) {
      if (phase.kind === 'closed' || (phase.kind === 'open' && phase.keys)) phase.keys = keys;
    },
  });

  /** Changing the records key, and finishing one a crash cut short (session/key-rotation.ts). */
  const rotation = keyRotation({
    dataDir,
    keyFile,
    clock,
    logger,
    appVersion: options.appVersion,
    ...driver,
    quiesce() {
      cancelDailySnapshot();
      if (phase.kind === 'open' && phase.key) anchors.now(phase.store.db, phase.key);
    },
    adopt(key, keys) {
      if (phase.kind !== 'open') return void key.fill(0);
      phase.key?.fill(0);
      phase.key = key;
      phase.keys = keys;
    },
  });

  async function checkNewPassword(password: string, clinicianName: string, clinicName: string): Promise<void> {
    const problem = await passwordStrengthProblem(password, { clinicianName, clinicName });
    if (problem) throw new AppError('invalid_request', problem, { password: problem, newPassword: problem });
  }

  /**
   * Whether a restore may run now: with a clinician signed in to the real clinic, on a new
   * computer (first start), or when the records cannot be opened (except when restoring over
   * them could lose newer work). `touch` counts the request as activity (and honours auto-lock).
   */
  function restoreMode(touch: boolean): 'open' | 'problem' | 'new' {
    if (kind === 'demo') {
      throw new AppError('forbidden', 'The demo clinic cannot be restored: leave the demo first.');
    }
    switch (phase.kind) {
      case 'open':
        if (touch) requireClinicOpen();
        // Restoring over open records rolls back everything, clinicians' roles and key slots
        // included: an administrator's act. With no records, or damaged ones, anyone may.
        if (phase.kind === 'open' && !isAdministratorRole(roleOf(phase.store.db, phase.clinicianId))) {
          throw new AppError(
            'forbidden',
            'Only an administrator can restore a backup over the current records: it replaces everything, clinicians included. Ask the clinic owner or an administrator.',
          );
        }
        return 'open';
      case 'problem':
        if (!phase.restorable) {
          throw new AppError('conflict', `A backup cannot be restored now: ${phase.problem.whatToDo}`);
        }
        return 'problem';
      case 'new':
        return 'new';
      case 'closed':
        throw new AppError(
          phase.lockedBy !== null ? 'session_locked' : 'unauthenticated',
          'Sign in first, then restore from Settings, Records.',
        );
      case 'plaintext':
        throw new AppError(
          'conflict',
          'Encrypt the records first (the first screen asks for a password), then restore.',
        );
    }
  }

  function requireClinicOpen(): void {
    requireOpen();
    if (idleTooLong()) {
      close('locked', `Locked after ${autoLockMinutes} minutes without activity`);
      requireOpen();
    }
    lastActivity = clock.now().getTime();
  }

  function currentSummary() {
    return phase.kind === 'open' ? summarizeRecords(phase.store.db) : null;
  }

  /** Never replace records that hold patients with a backup that holds none. */
  function refuseEmpty(backupPatients: number, current: { patients: number } | null): void {
    if (backupPatients === 0 && current !== null && current.patients > 0) {
      throw new AppError(
        'conflict',
        `This backup holds no patients, while the current records hold ${current.patients}. Restoring it would replace them all with nothing, so it is refused. Choose another backup. Nothing was changed.`,
      );
    }
  }

  function stamp(d: Date): string {
    return d.toISOString().slice(0, 19).replace(/:/g, '-');
  }

  async function commitRestore(
    mode: 'open' | 'problem' | 'new',
    ready: PreparedRestore,
    report: (p: Progress) => void,
  ): Promise<AppStatus> {
    const made = new Date(ready.facts.createdAt).toISOString().slice(0, 16).replace('T', ' ');
    let keptAs: string;
    if (mode === 'open' && phase.kind === 'open' && phase.key && phase.keys) {
      const { store, keys, clinicianId } = phase;
      refuseEmpty(ready.summary.patients, summarizeRecords(store.db));
      const key = Buffer.from(phase.key);
      const steps = 8;
      try {
        // Written first, so the snapshot of these records says they were replaced, and by what.
        audit({
          clinicianId,
          action: 'restore_backup',
          entity: 'records',
          summary: `Replacing these records with the backup ${ready.facts.fileName} made ${made} UTC (${countOf(ready.summary.patients, 'patient')}); a snapshot of them is kept first`,
        });
        // Nothing written after the snapshot may be lost: every change appends to the audit
        // trail, so if its last entry moved while the snapshot was taken, take it again.
        const lastEntry = () => store.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
        let snapshot: SnapshotResult | null = null;
        for (let attempt = 1; attempt <= 3 && snapshot === null; attempt++) {
          const mark = lastEntry();
          const taken = await runSteps(
            snapshotSteps({
              db: store.db,
              key,
              keys,
              dataDir,
              kind: 'before_restore',
              appVersion: options.appVersion,
              clock,
              ...driver,
            }),
            (p) => report({ ...p, label: `Snapshot of the current records: ${p.label.toLowerCase()}`, steps }),
            () => (store.db.open ? null : 'the records were closed during the restore'),
          );
          if (lastEntry() === mark) snapshot = taken;
        }
        if (snapshot === null) {
          throw new AppError(
            'conflict',
            'The records kept changing while their snapshot was taken (someone is working in another window). Try the restore again when they have finished. Nothing was replaced.',
          );
        }
        keptAs = `the snapshot ${snapshot.name}`;
        // Closed at once, with no await after the check: a write now would be in neither the
        // snapshot nor the restored records.
        closeStore();
        phase = { kind: 'closed', keys, lockedBy: null };
        report({ label: 'Replacing the records', step: 7, steps, percent: null });
        await new Promise((resolve) => setImmediate(resolve));
        try {
          swapInRecords(dataDir, ready);
        } catch (err) {
          // Nothing was replaced: bring the current records back as they were.
          openWithKey(keys, Buffer.from(key), clinicianId);
          throw err;
        }
        report({ label: 'Opening the restored records', step: 8, steps, percent: null });
      } catch (err) {
        // The entry above said the records were being replaced: say that they were not.
        audit({
          clinicianId,
          action: 'restore_backup',
          entity: 'records',
          summary: `The restore from the backup ${ready.facts.fileName} did not go ahead; the records were not replaced (${err instanceof AppError ? err.message : 'an unexpected error'})`,
        });
        throw err;
      } finally {
        key.fill(0);
      }
    } else {
      const steps = 3;
      report({ label: 'Keeping the current files aside', step: 1, steps, percent: null });
      const aside = path.join(backupsFolder(dataDir), `${stamp(clock.now())}Z unreadable records`);
      const kept = mode === 'problem' ? setAsideUnreadable(dataDir, aside) : [];
      keptAs = kept.length > 0 ? `the folder ${aside}` : 'nothing (there were no records)';
      report({ label: 'Replacing the records', step: 2, steps, percent: null });
      swapInRecords(dataDir, ready, { liveLogSetAside: true });
      if (!hasMarker(dataDir)) {
        fs.writeFileSync(
          path.join(dataDir, MARKER_FILE),
          JSON.stringify(
            {
              createdAt: clock.now().toISOString(),
              appVersion: options.appVersion,
              restoredFrom: ready.facts.fileName,
            },
            null,
            2,
          ),
        );
      }
      report({ label: 'Opening the restored records', step: 3, steps, percent: null });
    }
    await new Promise((resolve) => setImmediate(resolve));
    // The restored records and their key file are now the clinic's; older records are updated
    // by the migrations (with their own safety copy) as they open.
    openWithKey(ready.keys, Buffer.from(ready.key), ready.clinicianId);
    ready.key.fill(0);
    throttle.succeed(clinicianCounter(ready.clinicianId));
    audit({
      clinicianId: ready.clinicianId,
      action: 'restore_backup',
      entity: 'records',
      summary: `${ready.clinicianName} restored the records from the backup ${ready.facts.fileName} made ${made} UTC (${countOf(ready.summary.patients, 'patient')}); what was there before is kept in ${keptAs}`,
    });
    return status();
  }

  inspect();

  return {
    status,

    async setup(input) {
      if (phase.kind !== 'new') throw new AppError('conflict', 'This clinic is already set up. Sign in instead.');
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
      if (phase.kind !== 'new') throw new AppError('conflict', 'This clinic is already set up. Sign in instead.');
      try {
        // Never over an existing key file: it may be the only way into records kept elsewhere.
        createKeyFile(keyFile, keys);
      } catch (err) {
        key.fill(0);
        if (err instanceof KeyFileExistsError) {
          inspect();
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
      phase = { kind: 'open', store, clinicianId: clinician.id, key, keys };
      autoLockMinutes = input.clinic.autoLockMinutes;
      lastActivity = clock.now().getTime();
      audit({
        clinicianId: clinician.id,
        action: 'sign_in',
        summary: `${clinician.name} set up the clinic and signed in`,
      });
      anchors.opened(store.db, key);
      return { status: status(), recoveryKey: formatRecoveryKey(recoveryKey) };
    },

    clinicians() {
      if (phase.kind !== 'plaintext') return [];
      const probe = openClinicStore(dataDir, 'real', { ...options, create: false });
      try {
        return listClinicians(probe.db, { activeOnly: true });
      } finally {
        probe.close();
      }
    },

    async encryptExisting(clinicianId, password) {
      if (phase.kind !== 'plaintext') throw new AppError('conflict', 'These records are already encrypted.');
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
          ...driver,
        });
      } catch (err) {
        logger.error('encrypting existing records failed', err);
        inspect();
        throw new AppError(
          'io_error',
          `The records could not be encrypted, so they were left exactly as they were (${(err as Error).message}). Free some disk space or check the data folder, then try again.`,
        );
      }
      openWithKey(outcome.keys, outcome.key, clinicianId);
      audit({ clinicianId, action: 'encrypt_records', summary: `${clinician.name} encrypted the clinic's records` });
      return { status: status(), recoveryKey: outcome.recoveryKey };
    },

    signIn: (clinicianId, password) => unlockAs(clinicianId, password, 'sign_in'),

    async unlock(password) {
      if (phase.kind !== 'closed' || phase.lockedBy === null) throw new AppError('conflict', 'The app is not locked.');
      return unlockAs(phase.lockedBy, password, 'unlock');
    },

    async recover(recoveryKey, clinicianId, newPassword) {
      if (phase.kind !== 'closed') throw new AppError('conflict', 'Sign out first, then use the recovery key.');
      const keys = keysOnDisk();
      const wrap = findPasswordWrap(keys, clinicianId);
      const name = wrap?.name ?? `clinician ${clinicianId}`;
      throttle.check('recovery', 'recoveryKey');
      const key = unwrapWithRecoveryKey(keys, recoveryKey);
      if (!key) {
        failAttempt('recovery', { prompt: 'recovery', clinicianId, name });
        throw new AppError(
          'unauthenticated',
          'That recovery key does not unlock these records. Check each group of four characters.',
          {
            recoveryKey: 'That recovery key does not unlock these records.',
          },
        );
      }
      throttle.succeed('recovery');
      const settled = rotation.settle(keys, key); // a key change cut short
      openWithKey(settled.keys, settled.key, clinicianId);
      const open = requireEncryptedOpen();
      const clinician = getClinician(open.store.db, clinicianId);
      try {
        await checkNewPassword(newPassword, clinician.name, keys.clinicName);
      } catch (err) {
        closeStore();
        phase = { kind: 'closed', keys, lockedBy: null };
        throw err;
      }
      await keyChanges.setPassword(clinician, newPassword);
      throttle.succeed(clinicianCounter(clinicianId));
      audit({
        clinicianId,
        action: 'password_reset',
        summary: `${clinician.name} set a new password with the recovery key and signed in`,
      });
      scheduleDailySnapshot();
      return status();
    },

    lock: () => close('locked', 'Locked the session'),
    signOut() {
      if (phase.kind === 'open' && phase.store.kind === 'demo') return status();
      if (phase.kind === 'closed') {
        phase = { ...phase, lockedBy: null };
        return status();
      }
      return close('signed_out', 'Signed out');
    },

    touch() {
      if (phase.kind === 'open' && !idleTooLong()) lastActivity = clock.now().getTime();
    },

    openDemo() {
      closeStore();
      kind = 'demo';
      inspect();
      return status();
    },

    leaveDemo() {
      closeStore();
      kind = 'real';
      inspect();
      return status();
    },

    requireClinic() {
      const open = requireOpen();
      if (idleTooLong()) {
        close('locked', `Locked after ${autoLockMinutes} minutes without activity`);
        requireOpen(); // throws: the session is locked now
      }
      const clinician = getClinician(open.store.db, open.clinicianId);
      if (!clinician.active) {
        // Deactivated by an administrator (possibly in another window on this folder).
        close('signed_out', `${clinician.name} was signed out: deactivated by an administrator`);
        throw new AppError(
          'unauthenticated',
          'You were signed out: an administrator deactivated your account. Ask them if this is a mistake.',
        );
      }
      lastActivity = clock.now().getTime();
      return { store: open.store, clinician };
    },

    async changePassword(currentPassword, newPassword) {
      const open = requireEncryptedOpen();
      const clinician = getClinician(open.store.db, open.clinicianId);
      await checkNewPassword(newPassword, clinician.name, open.keys.clinicName);
      // Guessing the current password from an unlocked screen slows down like sign-in does.
      throttle.check(clinicianCounter(open.clinicianId), 'currentPassword');
      // Checked against the key file as it is now: a password changed in another window counts.
      const current = keysOnDisk();
      const wrap = findPasswordWrap(current, open.clinicianId);
      const check = wrap ? await unwrapWithPassword(current, wrap, currentPassword) : null;
      if (!check) {
        failAttempt(clinicianCounter(open.clinicianId), {
          prompt: 'change_password',
          clinicianId: open.clinicianId,
          name: clinician.name,
        });
        throw new AppError('unauthenticated', 'Your current password is not right.', {
          currentPassword: 'Your current password is not right.',
        });
      }
      throttle.succeed(clinicianCounter(open.clinicianId));
      check.fill(0);
      await keyChanges.setPassword(clinician, newPassword);
      audit({
        clinicianId: clinician.id,
        action: 'password_change',
        entity: 'clinician',
        entityId: clinician.id,
        summary: `${clinician.name} changed their password`,
      });
    },

    async reauthenticate(password) {
      const open = requireEncryptedOpen();
      const counter = clinicianCounter(open.clinicianId);
      throttle.check(counter, 'yourPassword');
      // Checked against the key file as it is now: a password changed in another window counts.
      const current = keysOnDisk();
      const wrap = findPasswordWrap(current, open.clinicianId);
      const check = wrap ? await unwrapWithPassword(current, wrap, password) : null;
      if (!check) {
        const name = getClinician(open.store.db, open.clinicianId).name;
        failAttempt(counter, { prompt: 'reauthenticate', clinicianId: open.clinicianId, name });
        const message = 'That is not your password, so nothing was changed. Enter the password you sign in with.';
        throw new AppError('unauthenticated', message, { yourPassword: message });
      }
      check.fill(0);
      throttle.succeed(counter);
    },

    async setClinicianPassword(clinicianId, password) {
      const open = requireEncryptedOpen();
      const clinician = getClinician(open.store.db, clinicianId);
      if (!clinician.active)
        throw new AppError('conflict', `${clinician.name} is no longer active: mark them active first.`);
      await checkNewPassword(password, clinician.name, open.keys.clinicName);
      await keyChanges.setPassword(clinician, password);
      const by = getClinician(open.store.db, open.clinicianId);
      audit({
        clinicianId: open.clinicianId,
        action: 'password_set',
        entity: 'clinician',
        entityId: clinicianId,
        summary: `${by.name} set a password for ${clinician.name}`,
      });
    },

    removeClinicianAccess(clinicianId) {
      requireEncryptedOpen();
      keyChanges.apply((keys) => withoutClinician(keys, clinicianId));
      advised = null;
    },

    renameClinicianAccess(clinicianId, name) {
      if (phase.kind !== 'open' || !phase.keys) return;
      if (findPasswordWrap(phase.keys, clinicianId)?.name === name) return;
      keyChanges.apply((keys) => withClinicianName(keys, clinicianId, name));
    },

    withAccess(clinicians) {
      const keys = phase.kind === 'open' ? phase.keys : null;
      return clinicians.map((c) => ({
        ...c,
        hasPassword: keys === null ? true : findPasswordWrap(keys, c.id) !== undefined,
      }));
    },

    recordsAccess() {
      const open = requireOpen();
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
        dataDir,
      };
    },

    backupList() {
      let allowed = true;
      let reason: string | null = null;
      try {
        restoreMode(false);
      } catch (err) {
        allowed = false;
        reason = err instanceof AppError ? err.message : 'A restore cannot start now.';
      }
      return {
        folder: backupsFolder(dataDir),
        keep: phase.kind === 'open' && phase.store.kind === 'real' ? readBackupKeep(phase.store.db) : null,
        backups: kind === 'demo' ? [] : listBackups(dataDir),
        automaticProblem,
        restore: { allowed, reason },
      };
    },

    async prepareRestore(file, clinicianId, password, report) {
      const mode = restoreMode(true);
      dropPrepared();
      // A backup's password prompt is throttled like sign-in: a stolen backup file can be
      // guessed at offline anyway, but not through this app faster than its sign-in allows.
      throttle.check('restore', 'password');
      let ready: PreparedRestore;
      try {
        ready = await prepareRestore({ file, clinicianId, password, dataDir, report, ...driver });
      } catch (err) {
        if (err instanceof AppError && err.code === 'unauthenticated')
          failAttempt('restore', { prompt: 'restore', clinicianId, name: null });
        throw err;
      }
      throttle.succeed('restore');
      try {
        // The state may have changed while the file was read (a lock, a sign-out): check again.
        const modeNow = restoreMode(true);
        if (modeNow !== mode)
          throw new AppError('conflict', 'The app changed state while the backup was read. Try again.');
        const current = currentSummary();
        refuseEmpty(ready.summary.patients, current);
        const warnings: string[] = [];
        const latest = latestVersion(MIGRATIONS);
        if (ready.facts.schemaVersion < latest) {
          warnings.push(
            `This backup is from an older version of Stride Clinic (${ready.facts.appVersion}). After the restore its records are updated to this version; a safety copy is kept first.`,
          );
        }
        if (current && ready.summary.clinicName !== current.clinicName) {
          warnings.push(`This backup is of “${ready.summary.clinicName}”, not “${current.clinicName}”.`);
        }
        if (current && current.lastChange !== null && (ready.summary.lastChange ?? '') < current.lastChange) {
          warnings.push(
            'Everything recorded after this backup was made will no longer be in the records. A snapshot of the current records is kept in the backups folder first, so nothing is lost.',
          );
        }
        if (current && ready.summary.patients < current.patients) {
          const fewer = current.patients - ready.summary.patients;
          warnings.push(`The backup holds ${fewer} fewer patient${fewer === 1 ? '' : 's'} than the current records.`);
        }
        if (ready.auditWarning) warnings.push(ready.auditWarning);
        warnings.push(
          `After the restore, the passwords are the ones that were valid when the backup was made (${ready.facts.createdAt.slice(0, 10)}).`,
        );
        dropPrepared(); // another prepare may have finished while this one read its file
        prepared = ready;
        return {
          restoreId: ready.id,
          facts: ready.facts,
          backup: ready.summary,
          current,
          clinicianName: ready.clinicianName,
          warnings,
        };
      } catch (err) {
        discardStaged(ready.stagedFile);
        ready.key.fill(0);
        throw err;
      }
    },

    async confirmRestore(restoreId, report) {
      if (!prepared || prepared.id !== restoreId) {
        throw new AppError(
          'not_found',
          'This restore is no longer waiting (the app was restarted, or another backup was chosen). Choose the backup again.',
        );
      }
      const mode = restoreMode(true);
      const ready = prepared;
      prepared = null;
      try {
        return await commitRestore(mode, ready, report);
      } finally {
        discardStaged(ready.stagedFile);
      }
    },

    cancelRestore(restoreId) {
      if (prepared?.id === restoreId) dropPrepared();
    },

    async settled() {
      // A snapshot waiting to start starts now.
      pendingDaily?.run();
      for (;;) {
        const current = background;
        await current;
        if (current === background) return;
      }
    },

    requireKeys() {
      requireEncryptedOpen();
    },

    rotateKey(report) {
      const open = requireEncryptedOpen();
      const name = getClinician(open.store.db, open.clinicianId).name;
      advised = null;
      return rotation.rotate(
        { db: open.store.db, key: open.key, clinicianId: open.clinicianId, clinicianName: name },
        report,
      );
    },

    keepAuditAnchor() {
      if (phase.kind === 'open' && phase.key) anchors.soon(phase.store.db, phase.key);
    },

    auditAnchorKey() {
      if (phase.kind !== 'open' || !phase.key) return null;
      anchors.now(phase.store.db, phase.key);
      return anchorKey(phase.key);
    },

    close() {
      clearInterval(timer);
      dropPrepared();
      closeStore();
      phase = { kind: 'new' };
    },
  };
}

/** Opens a records file only to read it, with a key, for tools and tests. */
export function openRecordsReadOnly(file: string, key?: Buffer) {
  return openDatabase(file, { create: false, readonly: true, ...(key ? { key } : {}) });
}
