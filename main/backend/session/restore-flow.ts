/**
 * Restoring a backup, in two steps the clinician sees: `prepare` checks and unlocks a backup file
 * and says what would change (replacing nothing), `confirm` replaces the records
 * (restore-commit.ts). Who may restore: an administrator over open records; anyone on a new
 * computer or over records that cannot be opened, unless restoring over them could lose newer
 * work. Never in the demo clinic. A backup's password is throttled like sign-in.
 */
import type { BackupList, Progress, RecordsSummary, RestorePreview } from '../../../shared/domain/records';
import type { AppStatus } from '../../../shared/domain/session';
import type { PreparedRestore } from '../../backup/restore';
import { discardStaged, prepareRestore, summarizeRecords } from '../../backup/restore';
import { readBackupKeep } from '../../backup/settings';
import { backupsFolder, listBackups } from '../../backup/snapshots';
import { latestVersion } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { isAdministratorRole, roleOf } from '../../records/clinician-roles';
import { AppError } from '../../util/errors';
import type { RecordsDoor } from './opening';
import type { RestoreMode } from './restore-commit';
import { commitRestore, refuseEmpty } from './restore-commit';
import type { SessionState } from './state';
import { failAttempt } from './state';

export interface RestoreFlow {
  /** The data folder's backups, and whether a restore can start now. */
  backupList: (automaticProblem: string | null) => BackupList;
  prepare: (
    file: string,
    clinicianId: number,
    password: string,
    report: (p: Progress) => void,
  ) => Promise<RestorePreview>;
  confirm: (restoreId: string, report: (p: Progress) => void) => Promise<AppStatus>;
  cancel: (restoreId: string) => void;
  /** Drops a backup waiting for confirmation (its staged copy and key). */
  drop: () => void;
}

/** What to read before confirming: an older version, another clinic, newer work lost, fewer patients. */
function restoreWarnings(ready: PreparedRestore, current: RecordsSummary | null): string[] {
  const warnings: string[] = [];
  if (ready.facts.schemaVersion < latestVersion(MIGRATIONS)) {
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
  return warnings;
}

/** `requireActive` checks the signed-in session (auto-lock.ts) and counts the request as activity. */
export function restoreFlow(s: SessionState, door: RecordsDoor, requireActive: () => void): RestoreFlow {
  const { dataDir } = s;
  /** A backup unlocked and checked, waiting for the clinician to confirm the restore. */
  let prepared: PreparedRestore | null = null;

  function drop(): void {
    if (!prepared) return;
    discardStaged(prepared.stagedFile);
    prepared.key.fill(0);
    prepared = null;
  }

  /**
   * Whether a restore may run now, and over what; throws an AppError saying why not. `touch`
   * counts the request as activity (and honours auto-lock).
   */
  function restoreMode(touch: boolean): RestoreMode {
    if (s.kind === 'demo') {
      throw new AppError('forbidden', 'The demo clinic cannot be restored: leave the demo first.');
    }
    const { phase } = s;
    switch (phase.kind) {
      case 'open':
        if (touch) requireActive();
        // Restoring over open records rolls back everything, clinicians' roles and key slots
        // included: an administrator's act. With no records, or damaged ones, anyone may.
        if (s.phase.kind === 'open' && !isAdministratorRole(roleOf(s.phase.store.db, s.phase.clinicianId))) {
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

  return {
    backupList(automaticProblem) {
      let allowed = true;
      let reason: string | null = null;
      try {
        restoreMode(false);
      } catch (err) {
        allowed = false;
        reason = err instanceof AppError ? err.message : 'A restore cannot start now.';
      }
      const { phase } = s;
      return {
        folder: backupsFolder(dataDir),
        keep: phase.kind === 'open' && phase.store.kind === 'real' ? readBackupKeep(phase.store.db) : null,
        backups: s.kind === 'demo' ? [] : listBackups(dataDir),
        automaticProblem,
        restore: { allowed, reason },
      };
    },

    async prepare(file, clinicianId, password, report) {
      const mode = restoreMode(true);
      drop();
      // A backup's password prompt is throttled like sign-in: a stolen backup file can be
      // guessed at offline anyway, but not through this app faster than its sign-in allows.
      s.throttle.check('restore', 'password');
      let ready: PreparedRestore;
      try {
        ready = await prepareRestore({ file, clinicianId, password, dataDir, report, ...s.driver });
      } catch (err) {
        if (err instanceof AppError && err.code === 'unauthenticated')
          failAttempt(s, 'restore', { prompt: 'restore', clinicianId, name: null });
        throw err;
      }
      s.throttle.succeed('restore');
      try {
        // The state may have changed while the file was read (a lock, a sign-out): check again.
        if (restoreMode(true) !== mode)
          throw new AppError('conflict', 'The app changed state while the backup was read. Try again.');
        const current = s.phase.kind === 'open' ? summarizeRecords(s.phase.store.db) : null;
        refuseEmpty(ready.summary.patients, current);
        const warnings = restoreWarnings(ready, current);
        drop(); // another prepare may have finished while this one read its file
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

    async confirm(restoreId, report) {
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
        return await commitRestore(s, door, mode, ready, report);
      } finally {
        discardStaged(ready.stagedFile);
      }
    },

    cancel(restoreId) {
      if (prepared?.id === restoreId) drop();
    },

    drop,
  };
}
