/**
 * Making a backup of the open records, as the security reference prescribes for an encrypted
 * database: `VACUUM INTO` (SQLite's online backup API fails on encrypted files, while VACUUM INTO
 * writes a consistent, compact copy still encrypted with the same key, even while the app keeps
 * writing), then fsync (VACUUM INTO does not), then reopen the copy with the key and check it
 * (quick_check with a large page cache: see main/db/checks.ts for why quick is enough here;
 * foreign_key_check, application_id, schema version), then pack it with the key
 * file into one backup file (container.ts) under a temporary name, fsync, rename, fsync the
 * folder, and finally read the written file back and verify its checksum.
 *
 * The steps are a generator: the app runs them with pauses (progress is reported, other requests
 * are answered), the safety copy before a migration runs them straight through.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Progress } from '../../shared/domain/records';
import { APPLICATION_ID } from '../db/migrate';
import { checkStructure } from '../db/checks';
import type { Db } from '../db/open';
import { openDatabase } from '../db/open';
import type { KeyFile } from '../security/key-file';
import type { BackupKind, ByteProgress } from './container';
import { hashFileSteps, openBackup, verifySteps, writeBackupSteps } from './container';
import { fsyncFile } from '../files/durable-write';
import type { AuditAnchor } from '../audit/anchor';
import { anchorForCopy } from '../audit/anchor';
import { onlyRow, pragmaNumber } from '../db/rows';

/** Private scratch space inside the data folder (same disk, so renames are atomic). Emptied at start. */
export const WORK_FOLDER = '.work';

export function workFolder(dataDir: string): string {
  const dir = path.join(dataDir, WORK_FOLDER);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Removes what an interrupted backup, restore or export left in the scratch folder. */
export function clearWorkFolder(dataDir: string): void {
  fs.rmSync(path.join(dataDir, WORK_FOLDER), { recursive: true, force: true });
}

export function workFile(dataDir: string, suffix: string): string {
  return path.join(workFolder(dataDir), `${randomBytes(8).toString('hex')}${suffix}`);
}

export interface BackupInput {
  /** The open, encrypted records. */
  db: Db;
  /** Their key: the copy is reopened with it to be checked. */
  key: Buffer;
  /** The key file that goes into the backup, so it can be unlocked on its own. */
  keys: KeyFile;
  dataDir: string;
  dest: string;
  kind: BackupKind;
  appVersion: string;
  now: Date;
  nativeBinding?: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  createdAt: string;
  kind: BackupKind;
  schemaVersion: number;
  patients: number;
  databaseBytes: number;
}

export interface CheckedCopy {
  schemaVersion: number;
  patients: number;
}

const BACKUP_STEPS = 6;

function step(n: number, label: string, percent: number | null): Progress {
  return { label, step: n, steps: BACKUP_STEPS, percent };
}

function percentOf(p: ByteProgress): number {
  return p.total === 0 ? 100 : Math.min(100, Math.round((p.done / p.total) * 1000) / 10);
}

/** Runs a byte loop, turning its progress into one step's percentage. */
export function* asStep<R>(
  n: number,
  steps: number,
  label: string,
  inner: Generator<ByteProgress, R>,
): Generator<Progress, R> {
  for (;;) {
    const next = inner.next();
    if (next.done) return next.value;
    yield { label, step: n, steps, percent: percentOf(next.value) };
  }
}

/**
 * Opens a copy of the records with its key, read-only, and checks it the way a restore will:
 * it must be ours, structurally sound, with every foreign key satisfied. Throws with the reason.
 */
export function checkRecordsCopy(file: string, key: Buffer, nativeBinding?: string): CheckedCopy {
  const db = openDatabase(file, {
    create: false,
    readonly: true,
    key,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    const appId = pragmaNumber(db, 'application_id');
    if (appId !== APPLICATION_ID) throw new Error('the copy is not marked as Stride Clinic records');
    // `quick`: the copy was just written by VACUUM INTO, which builds its indexes afresh (see checks.ts).
    const found = checkStructure(db, 'quick');
    if (found !== 'ok') throw new Error(`quick_check: ${found}`);
    const fk = db.prepare('PRAGMA foreign_key_check').all();
    if (fk.length > 0) throw new Error(`foreign_key_check found ${fk.length} broken links`);
    const schemaVersion = pragmaNumber(db, 'user_version');
    const patients = onlyRow(db.prepare<unknown[], { n: number }>('SELECT count(*) AS n FROM patients')).n;
    return { schemaVersion, patients };
  } finally {
    db.close();
  }
}

/** The audit trail's anchor the backup carries, for the copy's own chain (see anchorForCopy). */
function anchorOfCopy(file: string, input: BackupInput): AuditAnchor | null {
  const db = openDatabase(file, {
    create: false,
    readonly: true,
    key: input.key,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  });
  try {
    return anchorForCopy(db, input.dataDir, input.key, input.now);
  } finally {
    db.close();
  }
}

export function* backupSteps(input: BackupInput): Generator<Progress, BackupResult> {
  const copy = path.join(workFolder(input.dataDir), `backup-${randomBytes(8).toString('hex')}.sqlite`);
  try {
    // 1. A consistent copy. VACUUM INTO reads one snapshot of the records (WAL included) while
    //    other connections keep writing, and writes it compacted, encrypted with the same key.
    yield step(1, 'Copying the records', null);
    input.db.prepare('VACUUM INTO ?').run(copy);

    // 2. VACUUM INTO does not flush its output: do it before trusting the copy.
    yield step(2, 'Flushing the copy to disk', null);
    fsyncFile(copy);

    // 3. Reopen and check it.
    yield step(3, 'Checking the copy', null);
    const checked = checkRecordsCopy(copy, input.key, input.nativeBinding);
    const auditAnchor = anchorOfCopy(copy, input);

    // 4. Its checksum, recorded in the backup's header.
    const sha256 = yield* asStep(4, BACKUP_STEPS, 'Sealing the copy', hashFileSteps(copy));

    // 5. The backup file: written under a temporary name, flushed, renamed, folder flushed.
    const createdAt = input.now.toISOString();
    fs.mkdirSync(path.dirname(input.dest), { recursive: true });
    const written = yield* asStep(
      5,
      BACKUP_STEPS,
      'Writing the backup file',
      writeBackupSteps(
        input.dest,
        {
          createdAt,
          kind: input.kind,
          appVersion: input.appVersion,
          schemaVersion: checked.schemaVersion,
          keys: input.keys,
          ...(auditAnchor ? { auditAnchor } : {}),
        },
        copy,
        sha256,
      ),
    );

    // 6. Read back what is on disk and verify it byte for byte against its checksum.
    try {
      const reopened = openBackup(input.dest);
      yield* asStep(6, BACKUP_STEPS, 'Checking the backup file', verifySteps(reopened));
    } catch (err) {
      // A file that does not read back as written is no backup: do not leave it looking like one.
      fs.rmSync(input.dest, { force: true });
      throw err;
    }

    return {
      file: input.dest,
      bytes: written.bytes,
      createdAt,
      kind: input.kind,
      schemaVersion: checked.schemaVersion,
      patients: checked.patients,
      databaseBytes: written.header.database.bytes,
    };
  } finally {
    fs.rmSync(copy, { force: true });
    fs.rmSync(`${copy}-journal`, { force: true });
  }
}
