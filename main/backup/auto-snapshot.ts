/**
 * Automatic snapshots into the data folder's backups/: the same backup file as "Back up now",
 * then the folder is pruned (daily snapshots to the clinic's "keep the last N" setting, safety
 * snapshots by age, see snapshots.ts), and the snapshot is written into the audit trail.
 */
import path from 'node:path';
import type { Progress } from '../../shared/domain/records';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { DatabaseOpenError } from '../db/open';
import type { KeyFile } from '../security/key-file';
import { KEY_FILE, readKeyFile } from '../security/key-file';
import type { Clock } from '../util/clock';
import type { BackupResult } from './backup';
import { backupSteps } from './backup';
import type { BackupKind } from './container';
import { runSync } from './container';
import { readBackupKeep } from './settings';
import { pruneSnapshots, snapshotPath } from './snapshots';
import { messageOf } from '../util/errors';

export interface SnapshotInput {
  db: Db;
  key: Buffer;
  keys: KeyFile;
  dataDir: string;
  kind: Exclude<BackupKind, 'manual'>;
  appVersion: string;
  clock: Clock;
  nativeBinding?: string;
}

export interface SnapshotResult extends BackupResult {
  name: string;
  pruned: string[];
}

export function* snapshotSteps(input: SnapshotInput): Generator<Progress, SnapshotResult> {
  const now = input.clock.now();
  const dest = snapshotPath(input.dataDir, now, input.kind);
  const result = yield* backupSteps({ ...input, dest, now });
  const pruned = pruneSnapshots(input.dataDir, readBackupKeep(input.db), dest, now);
  return { ...result, name: path.basename(dest), pruned };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
}

/**
 * The safety copy taken before a migration changes the records (migrate's beforeMigrate hook).
 * Runs straight through: migrations run while the records open. If the copy cannot be made, the
 * migration does not run and the records are left as they were.
 */
export function snapshotBeforeMigration(options: {
  db: Db;
  key: Buffer;
  dataDir: string;
  appVersion: string;
  clock: Clock;
  from: number;
  to: number;
  nativeBinding?: string;
}): SnapshotResult {
  let result: SnapshotResult;
  try {
    const keys = readKeyFile(path.join(options.dataDir, KEY_FILE));
    result = runSync(snapshotSteps({ ...options, keys, kind: 'before_migration' }));
  } catch (err) {
    throw new DatabaseOpenError(
      'unreadable',
      options.db.name,
      `Before updating the records to this version of Stride Clinic, the app makes a safety copy, and that copy could not be made (${messageOf(err)}). Nothing was changed. Free some disk space or check the data folder, then start the app again.`,
      { cause: err },
    );
  }
  appendAudit(options.db, options.clock, {
    clinicianId: null,
    action: 'snapshot',
    entity: 'records',
    entityId: null,
    patientId: null,
    summary: `Automatic snapshot before updating the records from version ${options.from} to ${options.to}: ${result.name} (${megabytes(result.bytes)})`,
  });
  return result;
}
