/** Helpers for tests that work on the SQLite file directly. */
import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { migrate } from '../../main/db/migrate';
import type { Migration } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open';
import type { Db } from '../../main/db/open';
import { KEY_FILE, readKeyFile, unwrapWithPassword } from '../../main/security/key-file';
import { TEST_PASSWORD, tempDir } from './backend';

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

/** The database key of a test clinic, unwrapped as a clinician would (with TEST_PASSWORD). */
export async function clinicKey(dataDir: string, password = TEST_PASSWORD): Promise<Buffer> {
  const keys = readKeyFile(path.join(dataDir, KEY_FILE));
  const wrap = keys.wraps.find((w) => w.kind === 'password');
  if (!wrap || wrap.kind !== 'password') throw new Error('no password wrap in the test key file');
  const key = await unwrapWithPassword(keys, wrap, password);
  if (!key) throw new Error('the test password does not unlock the test clinic');
  return key;
}

/** A second connection to a test clinic's encrypted records. */
export async function openClinicDb(dataDir: string, options: { readonly?: boolean } = {}): Promise<Db> {
  return openDatabase(path.join(dataDir, 'clinic.sqlite'), {
    create: false,
    readonly: options.readonly ?? false,
    key: await clinicKey(dataDir),
  });
}

/** A raw connection to an encrypted file, as another program holding the key would make. */
export function rawKeyedConnection(file: string, key: Buffer): Database.Database {
  const db = new Database(file);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  return db;
}
