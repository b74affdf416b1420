/**
 * A clinic's records on disk: the SQLite file inside the data folder, opened and migrated.
 *
 * Layout of a data folder:
 *   clinic.sqlite (+ -wal, -shm)   the clinic's records, encrypted with the database key
 *   keys.json                      the database key, wrapped per clinician and by the recovery key
 *   data-folder.json               written when the records file is first created; if it exists
 *                                  and the records file does not, the file was lost, and the app
 *                                  says so instead of starting an empty clinic
 *   demo/clinic.sqlite             the demo clinic (fictional patients, not encrypted), kept apart
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db } from '../db/open';
import { DatabaseOpenError, openDatabase, RECORDS_FILE } from '../db/open';
import { snapshotBeforeMigration } from '../backup/auto-snapshot';
import type { Clock } from '../util/clock';
import { systemClock } from '../util/clock';
import { messageOf } from '../util/errors';

export type ClinicKind = 'real' | 'demo';

export interface ClinicStore {
  readonly db: Db;
  readonly kind: ClinicKind;
  readonly file: string;
  close(): void;
}

export const MARKER_FILE = 'data-folder.json';

export function clinicFolder(dataDir: string, kind: ClinicKind): string {
  return kind === 'demo' ? path.join(dataDir, 'demo') : dataDir;
}

export function recordsFile(dataDir: string, kind: ClinicKind = 'real'): string {
  return path.join(clinicFolder(dataDir, kind), RECORDS_FILE);
}

export interface OpenStoreOptions {
  nativeBinding?: string;
  appVersion: string;
  /** Dates the safety snapshot taken before a migration. */
  clock?: Clock;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** What the records file's first bytes say: absent, empty, plain SQLite, or something else (encrypted). */
export function recordsFileKind(file: string): 'absent' | 'empty' | 'plain' | 'encrypted' {
  if (!fs.existsSync(file)) return 'absent';
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = fs.readSync(fd, head, 0, 16, 0);
    if (read === 0) return 'empty';
    return read === 16 && head.equals(SQLITE_HEADER) ? 'plain' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}

export function hasMarker(dataDir: string, kind: ClinicKind = 'real'): boolean {
  return fs.existsSync(path.join(clinicFolder(dataDir, kind), MARKER_FILE));
}

/**
 * Opens (or, with `create`, creates) the records and brings the schema up to date.
 * `key` is the database key for an encrypted clinic; the demo clinic has none.
 */
export function openClinicStore(
  dataDir: string,
  kind: ClinicKind,
  options: OpenStoreOptions & { key?: Buffer; create?: boolean },
): ClinicStore {
  const folder = clinicFolder(dataDir, kind);
  const file = path.join(folder, RECORDS_FILE);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new DatabaseOpenError(
      'unreadable',
      file,
      `The data folder ${folder} could not be created (${messageOf(err)}).`,
    );
  }
  const isNew = !fs.existsSync(file);
  if (isNew && hasMarker(dataDir, kind)) {
    throw new DatabaseOpenError(
      'missing',
      file,
      `The records file ${file} is missing from a data folder that held one.`,
    );
  }
  if (isNew && !options.create) {
    throw new DatabaseOpenError('missing', file, `The records file ${file} is missing.`);
  }
  const db = openDatabase(file, {
    create: isNew,
    ...(options.key ? { key: options.key } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    migrate(db, MIGRATIONS, {
      // Encrypted records that already hold data get a complete, checked backup in backups/
      // before any schema step runs; if it cannot be made, nothing is migrated.
      beforeMigrate: (from, to) => {
        if (from === 0 || kind !== 'real' || !options.key) return;
        snapshotBeforeMigration({
          db,
          key: options.key,
          dataDir,
          appVersion: options.appVersion,
          clock: options.clock ?? systemClock,
          from,
          to,
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        });
      },
    });
  } catch (err) {
    db.close();
    throw err;
  }
  if (isNew) {
    fs.writeFileSync(
      path.join(folder, MARKER_FILE),
      JSON.stringify({ createdAt: new Date().toISOString(), appVersion: options.appVersion }, null, 2),
    );
  }
  return storeOf(db, kind, file);
}

export function storeOf(db: Db, kind: ClinicKind, file: string): ClinicStore {
  return {
    db,
    kind,
    file,
    close() {
      if (!db.open) return;
      try {
        db.pragma('optimize');
      } finally {
        db.close();
      }
    },
  };
}
