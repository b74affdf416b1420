/**
 * The one place the app opens an SQLite file.
 *
 * Every connection gets the same settings:
 * - WAL journal: readers never block the writer, and a crash never leaves a half-written page.
 * - synchronous=FULL: each commit is flushed to disk before it is reported done, so a power cut
 *   cannot roll back a note the clinician saw saved (NORMAL may lose the last commits). It costs
 *   one fsync per commit, which a clinic's write rate never notices.
 * - foreign_keys=ON (SQLite's default is off, per connection).
 * - busy_timeout so a second process (the preview server next to the desktop app) waits briefly
 *   instead of failing.
 *
 * A file that is corrupt, locked, unreadable or not a database raises DatabaseOpenError with a
 * sentence for the clinician. It is never replaced by a new empty database.
 *
 * `key` is the hook for encryption at rest: it is applied before the first read.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { errorCodeOf, messageOf } from '../util/errors';

export type Db = Database.Database;

/** The name of a clinic's records file inside its folder (the data folder, or its demo/ folder). */
export const RECORDS_FILE = 'clinic.sqlite';

export type DatabaseProblem =
  | 'corrupt'
  | 'not_a_database'
  | 'not_ours'
  | 'locked'
  | 'newer_version'
  | 'unreadable'
  | 'network_folder'
  | 'migration_mismatch'
  | 'missing';

export class DatabaseOpenError extends Error {
  readonly problem: DatabaseProblem;
  readonly file: string;

  constructor(problem: DatabaseProblem, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
    this.problem = problem;
    this.file = file;
  }
}

export interface OpenOptions {
  /** Create the file when it does not exist (a new clinic). Otherwise a missing file is an error. */
  create: boolean;
  readonly?: boolean;
  /** Encryption key, applied before the first read (see security notes in the README). */
  key?: Buffer;
  /** Path to a better-sqlite3-multiple-ciphers binary built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  busyTimeoutMs?: number;
}

/** Linux statfs magic numbers of network file systems, where WAL cannot work. */
const NETWORK_FS_TYPES = new Set([0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x564c, 0x7461636f]);

export function isOnNetworkFolder(folder: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return NETWORK_FS_TYPES.has(fs.statfsSync(folder).type);
  } catch {
    return false;
  }
}

export function openDatabase(file: string, options: OpenOptions): Db {
  const folder = path.dirname(file);
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new DatabaseOpenError('missing', file, `The records file ${file} is missing.`);
  }
  if (exists && !fs.statSync(file).isFile()) {
    throw new DatabaseOpenError('unreadable', file, `${file} is a folder, not a records file.`);
  }
  if (isOnNetworkFolder(folder)) {
    throw new DatabaseOpenError(
      'network_folder',
      file,
      `The data folder ${folder} is on a network drive. The records must be kept on this computer's own disk.`,
    );
  }

  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: !options.create,
      readonly: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
    throw toOpenError(err, file);
  }

  try {
    if (options.key) {
      db.pragma(`key = "x'${options.key.toString('hex')}'"`);
    }
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // The first read: this is where a damaged or foreign file shows itself.
    db.pragma('schema_version', { simple: true });
    if (!options.readonly) {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') {
        throw new DatabaseOpenError(
          'unreadable',
          file,
          `The records file could not switch to WAL mode (got ${String(mode)}).`,
        );
      }
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // Triggers and views may only call SQLite's own safe functions.
    db.pragma('trusted_schema = OFF');
    return db;
  } catch (err) {
    db.close();
    throw err instanceof DatabaseOpenError ? err : toOpenError(err, file);
  }
}

/** Maps SQLite's error codes to the problems the clinician is told about. */
export function toOpenError(err: unknown, file: string): DatabaseOpenError {
  const code = errorCodeOf(err);
  const detail = messageOf(err);
  switch (code) {
    case 'SQLITE_NOTADB':
      return new DatabaseOpenError(
        'not_a_database',
        file,
        `${file} is not a Stride Clinic records file, or it cannot be unlocked.`,
        { cause: err },
      );
    case 'SQLITE_CORRUPT':
    case 'SQLITE_CORRUPT_VTAB':
    case 'SQLITE_CORRUPT_SEQUENCE':
    case 'SQLITE_CORRUPT_INDEX':
      return new DatabaseOpenError('corrupt', file, `The records file ${file} is damaged (${detail}).`, { cause: err });
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case 'SQLITE_BUSY_RECOVERY':
    case 'SQLITE_BUSY_SNAPSHOT':
      return new DatabaseOpenError('locked', file, `The records file ${file} is locked by another program.`, {
        cause: err,
      });
    default:
      return new DatabaseOpenError('unreadable', file, `The records file ${file} could not be opened (${detail}).`, {
        cause: err,
      });
  }
}
