/**
 * Restoring the records from a backup file, in two steps the clinician sees:
 *
 * 1. prepare: read the file and check its checksum; refuse anything that is not a complete,
 *    unchanged Stride Clinic backup, or that a newer version made; unlock it with a clinician's
 *    password from the backup's own key file; copy the records out into the data folder's scratch
 *    space and check them (application_id, schema version and migration checksums,
 *    integrity_check, foreign_key_check, the audit trail's hash chain); count what they hold.
 *    Nothing of the current records is touched.
 * 2. commit (after the clinician confirmed): the session snapshots the current records, closes
 *    them, and `swapInRecords` replaces clinic.sqlite and keys.json. Both new files are staged
 *    beside the old ones first (clinic.sqlite.restore, keys.json.restore, flushed); renaming the
 *    records into place is the commit point; then the key file follows. A crash between the two
 *    renames is finished at the next start (`finishInterruptedRestore`), a crash before the first
 *    leaves the current records as they were.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { copyFileDurably } from '../files/durable-write';
import path from 'node:path';
import type { BackupFacts, Progress, RecordsSummary } from '../../shared/domain/records';
import { verifyAuditChain } from '../audit/audit-log';
import type { AuditAnchor } from '../audit/anchor';
import { ANCHOR_FILE, anchorKey, anchorToInstall, fitOf, isAuthentic, writeAnchorFile } from '../audit/anchor';
import { checkStructure } from '../db/checks';
import { APPLICATION_ID, latestVersion, verifyApplied } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db } from '../db/open';
import { DatabaseOpenError, openDatabase } from '../db/open';
import type { KeyFile } from '../security/key-file';
import {
  findPasswordWrap,
  fsyncFolder,
  KEY_FILE,
  unwrapWithPassword,
  writeFileAtomic,
  writeKeyFile,
} from '../security/key-file';
import { withKeyFileLock } from '../security/key-file-lock';
import { AppError, errorCodeOf, messageOf } from '../util/errors';
import { asStep, workFile } from './backup';
import type { OpenedBackup } from './container';
import { BackupFileError, extractSteps, openBackup, runSteps, verifySteps } from './container';
import { checkLocalBackupFile } from './local-source';
import { factsOf } from './snapshots';
import { onlyRow, pragmaNumber } from '../db/rows';

export const STAGED_RECORDS = 'clinic.sqlite.restore';
export const STAGED_KEYS = 'keys.json.restore';
/** The audit trail's anchor to install, or the text "none" when the restored records have none. */
export const STAGED_ANCHOR = `${ANCHOR_FILE}.restore`;
const RECORDS = 'clinic.sqlite';

export interface PreparedRestore {
  id: string;
  /** The checked records, in the data folder's scratch space. */
  stagedFile: string;
  keys: KeyFile;
  key: Buffer;
  clinicianId: number;
  clinicianName: string;
  facts: BackupFacts;
  summary: RecordsSummary;
  sourceFile: string;
  /** The audit trail's anchor installed with the records (null: none, see anchorToInstall). */
  auditAnchor: AuditAnchor | null;
  /** Said before the restore when the backup's trail does not match the anchor it carries. */
  auditWarning: string | null;
}

const PREPARE_STEPS = 4;

function refuse(message: string): AppError {
  return new AppError('invalid_request', message, { source: message });
}

/** Reads what a backup file says about itself. Throws AppError with the reason it is refused. */
export function inspectBackupFile(file: string): { backup: OpenedBackup; facts: BackupFacts } {
  checkLocalBackupFile(file);
  let backup: OpenedBackup;
  try {
    backup = openBackup(file);
  } catch (err) {
    if (err instanceof BackupFileError) {
      if (err.problem === 'missing') throw new AppError('not_found', err.message, { source: err.message });
      if (err.problem === 'unreadable') throw new AppError('io_error', err.message, { source: err.message });
      throw refuse(err.message);
    }
    throw err;
  }
  const latest = latestVersion(MIGRATIONS);
  if (backup.header.schemaVersion > latest) {
    throw refuse(
      `This backup was made by a newer version of Stride Clinic (${backup.header.appVersion}, records version ${backup.header.schemaVersion}; this app reads records up to version ${latest}). Install the latest version of Stride Clinic, then restore it. Nothing was changed.`,
    );
  }
  return { backup, facts: factsOf(backup.header, path.basename(file), backup.bytes) };
}

function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Counts and dates that let a clinician recognise a set of records. */
export function summarizeRecords(db: Db): RecordsSummary {
  const n = (sql: string) => onlyRow(db.prepare<unknown[], { n: number | null }>(sql)).n ?? 0;
  const settings = db
    .prepare<unknown[], { name: string }>('SELECT clinic_name AS name FROM clinic_settings WHERE id = 1')
    .get();
  const last = db.prepare<unknown[], { at: string }>('SELECT at FROM audit_log ORDER BY id DESC LIMIT 1').get();
  return {
    clinicName: settings?.name ?? '',
    patients: n('SELECT count(*) AS n FROM patients'),
    archivedPatients: n('SELECT count(*) AS n FROM patients WHERE archived_at IS NOT NULL'),
    episodes: tableExists(db, 'episodes') ? n('SELECT count(*) AS n FROM episodes') : 0,
    clinicians: n('SELECT count(*) AS n FROM clinicians WHERE active = 1'),
    auditEntries: n('SELECT count(*) AS n FROM audit_log'),
    lastChange: last?.at ?? null,
  };
}

/**
 * Opens the records taken out of a backup, read-only, and checks them. Returns what they hold,
 * or throws AppError saying why they are refused.
 */
export function checkRestoredRecords(
  file: string,
  key: Buffer,
  expectedSchema: number,
  clinicianId: number,
  nativeBinding?: string,
): { summary: RecordsSummary; clinicianName: string } {
  let db: Db;
  try {
    db = openDatabase(file, { create: false, readonly: true, key, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    if (err instanceof DatabaseOpenError) {
      throw refuse(
        'The password unlocked this backup, but its records do not open: the backup is damaged. Use another backup. Nothing was changed.',
      );
    }
    throw err;
  }
  try {
    return checkOpenedCopy(db, expectedSchema, clinicianId);
  } catch (err) {
    // A page that cannot be read shows itself during the checks as SQLITE_CORRUPT (or NOTADB for
    // a page the cipher cannot authenticate). That is this backup's fault, not the live records':
    // without this, the request gate would say "the records file is damaged".
    const code = errorCodeOf(err);
    if (code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
      throw refuse(damagedBackupMessage(messageOf(err)));
    }
    throw err;
  } finally {
    db.close();
  }
}

/** The chosen backup's records are damaged; the clinic's own records are not involved. */
export function damagedBackupMessage(detail: string): string {
  return `The backup you chose is damaged: the file is complete and its checksum matches, but the records inside it cannot be read (${detail}). Your current records are untouched. Use another backup.`;
}

function checkOpenedCopy(
  db: Db,
  expectedSchema: number,
  clinicianId: number,
): { summary: RecordsSummary; clinicianName: string } {
  if (pragmaNumber(db, 'application_id') !== APPLICATION_ID) {
    throw refuse('This backup holds a database that is not Stride Clinic records. Nothing was changed.');
  }
  const version = pragmaNumber(db, 'user_version');
  const latest = latestVersion(MIGRATIONS);
  if (version > latest) {
    throw refuse(
      `This backup’s records were written by a newer version of Stride Clinic (records version ${version}; this app reads up to ${latest}). Install the latest version, then restore it. Nothing was changed.`,
    );
  }
  if (version !== expectedSchema || version === 0) {
    throw refuse('This backup file is damaged: its records do not match its description. Use another backup.');
  }
  try {
    verifyApplied(db, MIGRATIONS, version);
  } catch (err) {
    if (err instanceof DatabaseOpenError) {
      throw refuse(
        'This backup was made by a different build of Stride Clinic whose records cannot be read by this one. Nothing was changed.',
      );
    }
    throw err;
  }
  // `full`: a backup may come from anywhere and be years old (see checks.ts).
  const integrity = checkStructure(db, 'full');
  if (integrity !== 'ok') {
    throw refuse(`This backup’s records are damaged (${integrity}). Use another backup. Nothing was changed.`);
  }
  const broken = db.prepare('PRAGMA foreign_key_check').all().length;
  if (broken > 0) {
    throw refuse(
      `This backup’s records are damaged: ${broken} entries point to records that are not there. Use another backup. Nothing was changed.`,
    );
  }
  const chain = verifyAuditChain(db);
  if (!chain.ok) {
    throw refuse(
      `This backup’s audit trail was altered outside the app (entry ${chain.firstBrokenId}: ${chain.reason}), so it is not restored. Use another backup, and tell the person responsible for data protection. Nothing was changed.`,
    );
  }
  const clinician = db
    .prepare<unknown[], { name: string; active: number }>('SELECT name, active FROM clinicians WHERE id = ?')
    .get(clinicianId);
  if (!clinician || clinician.active !== 1) {
    throw new AppError(
      'forbidden',
      'In this backup you are not an active clinician, so you cannot restore it. Ask a colleague who was active then.',
    );
  }
  return { summary: summarizeRecords(db), clinicianName: clinician.name };
}

export interface PrepareOptions {
  file: string;
  clinicianId: number;
  password: string;
  dataDir: string;
  report: (p: Progress) => void;
  shouldStop?: () => string | null;
  nativeBinding?: string;
}

/** Step 1 of a restore: everything that can be checked before anything is replaced. */
export async function prepareRestore(o: PrepareOptions): Promise<PreparedRestore> {
  const { backup, facts } = inspectBackupFile(o.file);
  const stop = o.shouldStop ?? (() => null);
  try {
    await runSteps(asStep(1, PREPARE_STEPS, 'Reading the backup file', verifySteps(backup)), o.report, stop);
  } catch (err) {
    if (err instanceof BackupFileError) throw refuse(`${err.message} Nothing was changed.`);
    throw err;
  }

  o.report({ label: 'Unlocking the backup with your password', step: 2, steps: PREPARE_STEPS, percent: null });
  const keys = backup.header.keys;
  const wrap = findPasswordWrap(keys, o.clinicianId);
  if (!wrap) {
    throw new AppError('not_found', 'That clinician had no password when this backup was made. Choose another name.', {
      clinicianId: 'No password for this clinician in this backup.',
    });
  }
  const key = await unwrapWithPassword(keys, wrap, o.password);
  if (!key) {
    const message = `That is not ${wrap.name}’s password as it was when this backup was made (${backup.header.createdAt.slice(0, 10)}). Check Caps Lock; if the password changed since, use the old one.`;
    throw new AppError('unauthenticated', message, { password: message });
  }

  const staged = workFile(o.dataDir, '.restore.sqlite');
  try {
    await runSteps(
      asStep(3, PREPARE_STEPS, 'Copying the records out of the backup', extractSteps(backup, staged)),
      o.report,
      stop,
    );
    o.report({ label: 'Checking the records in the backup', step: 4, steps: PREPARE_STEPS, percent: null });
    await new Promise((resolve) => setImmediate(resolve));
    const checked = checkRestoredRecords(staged, key, backup.header.schemaVersion, o.clinicianId, o.nativeBinding);
    const restored = openDatabase(staged, {
      create: false,
      readonly: true,
      key,
      ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
    });
    let auditAnchor: AuditAnchor | null;
    let auditWarning: string | null = null;
    try {
      auditAnchor = anchorToInstall(restored, backup.header.auditAnchor, key, new Date());
      const carried = backup.header.auditAnchor;
      if (carried && (!isAuthentic(anchorKey(key), carried) || fitOf(restored, carried).kind !== 'extends')) {
        auditWarning = `This backup’s audit trail does not match the anchor it carries (${carried.entries.toLocaleString('en')} entries on ${carried.anchoredAt.slice(0, 10)}; the records in it hold ${checked.summary.auditEntries.toLocaleString('en')}): the trail was cut short or rewritten before the backup was made. After the restore, “Verify the audit trail” will say what was found; tell the person responsible for data protection.`;
      }
    } finally {
      restored.close();
    }
    return {
      id: randomBytes(16).toString('hex'),
      stagedFile: staged,
      keys,
      key,
      clinicianId: o.clinicianId,
      clinicianName: checked.clinicianName,
      facts,
      summary: checked.summary,
      sourceFile: o.file,
      auditAnchor,
      auditWarning,
    };
  } catch (err) {
    key.fill(0);
    discardStaged(staged);
    if (err instanceof BackupFileError) throw refuse(`${err.message} Nothing was changed.`);
    throw err;
  }
}

export function discardStaged(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

/**
 * Step 2's file work, with the current records closed: stage both files beside the live ones,
 * then rename the records into place (the commit point) and the key file after them. Throws,
 * with the live files untouched, if the records are still open elsewhere.
 */
export function swapInRecords(
  dataDir: string,
  prepared: PreparedRestore,
  options: { liveLogSetAside: boolean } = { liveLogSetAside: false },
): void {
  const live = path.join(dataDir, RECORDS);
  const stagedRecords = path.join(dataDir, STAGED_RECORDS);
  const stagedKeys = path.join(dataDir, STAGED_KEYS);
  const stagedAnchor = path.join(dataDir, STAGED_ANCHOR);
  const wal = `${live}-wal`;
  const shm = `${live}-shm`;
  // Closing the last connection folds the write-ahead log into the file and removes it and the
  // shared-memory file. Either still there means another window or program has the records open
  // (unless the records could not be opened at all: then they were copied aside with them).
  if (!options.liveLogSetAside && (fs.existsSync(wal) || fs.existsSync(shm))) {
    throw new AppError(
      'conflict',
      'The records are still open in another window or program (for example the desktop app and the browser preview at once). Close the other one, then restore again. Nothing was changed.',
    );
  }
  try {
    fs.renameSync(prepared.stagedFile, stagedRecords);
    writeKeyFile(stagedKeys, prepared.keys);
    if (prepared.auditAnchor) writeAnchorFile(stagedAnchor, prepared.auditAnchor);
    else writeFileAtomic(stagedAnchor, 'none\n');
    fsyncFolder(dataDir);
    // A leftover write-ahead log would be replayed into the restored file: there must be none.
    fs.rmSync(wal, { force: true });
    fs.rmSync(shm, { force: true });
  } catch (err) {
    // Keys first: staged keys without staged records mean "committed, finish it" at the next start.
    fs.rmSync(stagedAnchor, { force: true });
    fs.rmSync(stagedKeys, { force: true });
    fs.rmSync(stagedRecords, { force: true });
    throw err;
  }
  fs.renameSync(stagedRecords, live); // the commit point
  fsyncFolder(dataDir);
  installStagedAnchor(dataDir);
  // Under the key file's lock, so no other process's change lands on top of the restored file.
  const keyFile = path.join(dataDir, KEY_FILE);
  withKeyFileLock(keyFile, () => fs.renameSync(stagedKeys, keyFile));
  fsyncFolder(dataDir);
}

/** After the commit point: the restored records' audit anchor replaces the current one. */
function installStagedAnchor(dataDir: string): void {
  const staged = path.join(dataDir, STAGED_ANCHOR);
  if (!fs.existsSync(staged)) return;
  if (fs.readFileSync(staged, 'utf8').trim() === 'none') {
    fs.rmSync(path.join(dataDir, ANCHOR_FILE), { force: true });
    fs.rmSync(staged, { force: true });
  } else {
    fs.renameSync(staged, path.join(dataDir, ANCHOR_FILE));
  }
  fsyncFolder(dataDir);
}

/** At start: finishes a restore interrupted between its two renames, or clears one that never committed. */
export function finishInterruptedRestore(dataDir: string): 'finished' | 'rolled_back' | 'none' {
  const stagedRecords = path.join(dataDir, STAGED_RECORDS);
  const stagedKeys = path.join(dataDir, STAGED_KEYS);
  const hasRecords = fs.existsSync(stagedRecords);
  const hasKeys = fs.existsSync(stagedKeys);
  const stagedAnchor = path.join(dataDir, STAGED_ANCHOR);
  if (hasKeys && !hasRecords) {
    installStagedAnchor(dataDir);
    fs.renameSync(stagedKeys, path.join(dataDir, KEY_FILE));
    fsyncFolder(dataDir);
    return 'finished';
  }
  if (hasRecords || hasKeys || fs.existsSync(stagedAnchor)) {
    // Keys first, for the same reason: a stop half-way must not look like a committed restore.
    for (const f of [stagedAnchor, stagedKeys, stagedRecords, `${stagedRecords}-wal`, `${stagedRecords}-shm`]) {
      fs.rmSync(f, { force: true });
    }
    return 'rolled_back';
  }
  return 'none';
}

/**
 * When the records cannot be opened at all, what is there is copied aside, as it is, before a
 * restore replaces it: nothing is ever thrown away.
 */
export function setAsideUnreadable(dataDir: string, folder: string): string[] {
  const kept: string[] = [];
  fs.mkdirSync(folder, { recursive: true });
  for (const name of [RECORDS, `${RECORDS}-wal`, `${RECORDS}-shm`, KEY_FILE, ANCHOR_FILE]) {
    const from = path.join(dataDir, name);
    if (!fs.existsSync(from)) continue;
    const to = path.join(folder, name);
    copyFileDurably(from, to);
    kept.push(name);
  }
  fsyncFolder(folder);
  return kept;
}
