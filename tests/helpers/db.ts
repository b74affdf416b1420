/** Helpers for tests that work on the SQLite file directly. */
import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import type { Migration } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open';
import type { Db } from '../../main/db/open';
import { tempDir } from './backend';

/** A new database file migrated up to `version` (and no further). */
export function databaseAt(version: number, list: readonly Migration[] = MIGRATIONS): Db {
  const file = path.join(tempDir(), 'clinic.sqlite');
  const db = openDatabase(file, { create: true });
  migrate(db, list, { target: version });
  return db;
}

/** A connection that bypasses the app entirely, as another program would. */
export function rawConnection(file: string): Database.Database {
  return new Database(file);
}

export function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
