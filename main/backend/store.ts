/**
 * A clinic's records on disk: the SQLite file inside the data folder, opened and migrated.
 *
 * Layout of a data folder:
 *   clinic.sqlite (+ -wal, -shm)   the clinic's records
 *   data-folder.json               written when the records file is first created; if it exists
 *                                  and the records file does not, the file was lost, and the app
 *                                  says so instead of starting an empty clinic
 *   demo/clinic.sqlite             the demo clinic (fictional patients), kept apart
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db } from '../db/open';
import { DatabaseOpenError, openDatabase } from '../db/open';

export type ClinicKind = 'real' | 'demo';

export interface ClinicStore {
  readonly db: Db;
  readonly kind: ClinicKind;
  readonly file: string;
  close(): void;
}

export const RECORDS_FILE = 'clinic.sqlite';
const MARKER_FILE = 'data-folder.json';

export function clinicFolder(dataDir: string, kind: ClinicKind): string {
  return kind === 'demo' ? path.join(dataDir, 'demo') : dataDir;
}

export interface OpenStoreOptions {
  nativeBinding?: string;
  appVersion: string;
}

export function openClinicStore(dataDir: string, kind: ClinicKind, options: OpenStoreOptions): ClinicStore {
  const folder = clinicFolder(dataDir, kind);
  const file = path.join(folder, RECORDS_FILE);
  const marker = path.join(folder, MARKER_FILE);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new DatabaseOpenError(
      'unreadable',
      file,
      `The data folder ${folder} could not be created (${(err as Error).message}).`,
    );
  }
  const isNew = !fs.existsSync(file);
  if (isNew && fs.existsSync(marker)) {
    throw new DatabaseOpenError(
      'missing',
      file,
      `The records file ${file} is missing from a data folder that held one.`,
    );
  }
  const db = openDatabase(file, {
    create: isNew,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    migrate(db, MIGRATIONS);
  } catch (err) {
    db.close();
    throw err;
  }
  if (isNew) {
    fs.writeFileSync(
      marker,
      JSON.stringify({ createdAt: new Date().toISOString(), appVersion: options.appVersion }, null, 2),
    );
  }
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
