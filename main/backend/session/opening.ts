/**
 * Opening and closing the records. At start (and after leaving the demo) the data folder is
 * looked at to decide the first screen, finishing or undoing work a crash interrupted, and
 * nothing encrypted is opened; the encrypted records open only with a key a password unlocked,
 * and closing them (lock, sign-out, restore, demo) wipes that key from memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus } from '../../../shared/domain/session';
import { clearWorkFolder } from '../../backup/backup';
import { removePlainCopies, removeStalePartials } from '../../backup/leftovers';
import { finishInterruptedRestore } from '../../backup/restore';
import { DatabaseOpenError } from '../../db/open';
import { seedDemoClinic } from '../../demo/demo-clinic';
import { listClinicians, readSettings } from '../../records/clinic';
import { finishInterruptedEncryption } from '../../security/encrypt-existing';
import type { KeyFile } from '../../security/key-file';
import { KeyFileError, readKeyFile } from '../../security/key-file';
import { removeLegacyKeychainSlots } from '../../backup/legacy-keychain';
import { AppError } from '../../util/errors';
import type { ClinicStore } from '../store';
import { hasMarker, MARKER_FILE, openClinicStore, recordsFile, recordsFileKind } from '../store';
import {
  describeKeyFileProblem,
  describeOpenProblem,
  describeOpenWithRightKeyProblem,
  describePlainRecordsProblem,
  UNSAFE_TO_RESTORE_OVER,
} from './problems';
import type { SessionState } from './state';
import { audit, auditFailedAttempts, setProblem, statusOf } from './state';

export interface RecordsDoorHooks {
  /** Just before the records close: stop what still reads them (the daily snapshot). */
  closing(): void;
  /** Before the data folder is looked at again: drop a restore waiting for confirmation. */
  inspecting(): void;
}

export interface RecordsDoor {
  /** Looks at the data folder and decides what the first screen is. Opens nothing encrypted. */
  inspect(): void;
  /** Opens the encrypted records with a key known to be right, for a clinician (takes the key). */
  openWithKey(keys: KeyFile, key: Buffer, clinicianId: number): void;
  /** Closes whatever is open, sealing the audit trail's anchor and wiping the key. */
  closeStore(): void;
  /** Locks or signs out the open encrypted records (audited); the demo clinic stays open. */
  close(next: 'locked' | 'signed_out', reason: string): AppStatus;
}

export function recordsDoor(s: SessionState, hooks: RecordsDoorHooks): RecordsDoor {
  const { dataDir, keyFile, clock, logger, options } = s;

  function inspect(): void {
    closeStore();
    hooks.inspecting();
    if (s.kind === 'demo') return openDemoStore();
    try {
      s.phase = inspectFolder();
    } catch (err) {
      if (err instanceof DatabaseOpenError) {
        logger.error(`records could not be opened: ${err.problem}`, err);
        return setProblem(s, describeOpenProblem(err), !UNSAFE_TO_RESTORE_OVER.includes(err.problem));
      }
      if (err instanceof KeyFileError) {
        logger.error(`key file: ${err.problem}`, err);
        return setProblem(s, describeKeyFileProblem(err));
      }
      throw err;
    }
  }

  function inspectFolder(): SessionState['phase'] {
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
        const missing = `The records file ${file} is missing from a data folder that held one.`;
        const problem = describeOpenProblem(new DatabaseOpenError('missing', file, missing));
        return { kind: 'problem', problem, restorable: true };
      }
      return { kind: 'new' };
    }
    if (fileKind === 'plain') {
      if (hasKeys) return { kind: 'problem', problem: describePlainRecordsProblem(file, keyFile), restorable: true };
      // Records from before encryption: check they are ours and open, then ask for a password.
      const probe = openClinicStore(dataDir, 'real', { ...options, create: false });
      const settings = readSettings(probe.db);
      // Safe: SELECT count(*) always returns one row whose n is an integer.
      const patients = (probe.db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
      probe.close();
      if (!settings && patients === 0) {
        // An unfinished first start from before encryption: nothing to keep.
        for (const f of [file, `${file}-wal`, `${file}-shm`, path.join(dataDir, MARKER_FILE)])
          fs.rmSync(f, { force: true });
        return { kind: 'new' };
      }
      return { kind: 'plaintext' };
    }
    const legacy = removeLegacyKeychainSlots(dataDir);
    if (legacy.cleaned.length > 0)
      logger.info(`removed the OS keychain's slot from ${legacy.cleaned.length} key file(s) and backup(s)`);
    for (const left of legacy.left) logger.error(`the OS keychain's slot is still in ${left.file}: ${left.reason}`);
    return { kind: 'closed', keys: readKeyFile(keyFile), lockedBy: null };
  }

  function openDemoStore(): void {
    try {
      const store = openClinicStore(dataDir, 'demo', { ...options, create: true });
      const clinician = seedDemoClinic(store.db, clock);
      s.phase = {
        kind: 'open',
        store,
        clinicianId: clinician.id,
        key: null,
        keys: null,
        autoLockMinutes: null,
        lastActivity: clock.now().getTime(),
        keyRotationAdvised: false, // the demo clinic has no key
      };
    } catch (err) {
      if (err instanceof DatabaseOpenError) return setProblem(s, describeOpenProblem(err));
      throw err;
    }
  }

  function closeStore(): void {
    hooks.closing();
    const { phase } = s;
    if (phase.kind === 'open') {
      if (phase.key && phase.store.db.open) s.anchors.now(phase.store.db, phase.key);
      phase.store.close();
      phase.key?.fill(0);
    }
    options.onRecordsClosed?.();
  }

  function openWithKey(keys: KeyFile, key: Buffer, clinicianId: number): void {
    let store: ClinicStore;
    try {
      store = openClinicStore(dataDir, 'real', { ...options, key, create: false });
    } catch (err) {
      key.fill(0);
      if (err instanceof DatabaseOpenError) {
        logger.error(`records could not be opened with a correct key: ${err.problem}`, err);
        const problem = describeOpenWithRightKeyProblem(err);
        setProblem(s, problem, !UNSAFE_TO_RESTORE_OVER.includes(err.problem));
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
    s.phase = {
      kind: 'open',
      store,
      clinicianId,
      key,
      keys,
      autoLockMinutes: readSettings(store.db)?.autoLockMinutes ?? 5,
      lastActivity: clock.now().getTime(),
      keyRotationAdvised: null,
    };
    s.anchors.opened(store.db, key);
    auditFailedAttempts(s);
  }

  function close(next: 'locked' | 'signed_out', reason: string): AppStatus {
    const { phase } = s;
    if (phase.kind !== 'open') return statusOf(s);
    if (phase.store.kind === 'demo' || !phase.keys) return statusOf(s);
    const { clinicianId, keys } = phase;
    audit(s, { clinicianId, action: next === 'locked' ? 'lock' : 'sign_out', summary: reason });
    closeStore();
    s.phase = { kind: 'closed', keys, lockedBy: next === 'locked' ? clinicianId : null };
    return statusOf(s);
  }

  return { inspect, openWithKey, closeStore, close };
}
