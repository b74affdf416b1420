import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, assertMigrationList, latestVersion, migrate } from '../../main/db/migrate';
import type { Migration } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { DatabaseOpenError, openDatabase } from '../../main/db/open';
import { openClinicStore } from '../../main/backend/store';
import { removeTempDirs, tempDir } from '../helpers/backend';
import { count, databaseAt, rawConnection } from '../helpers/db';

afterEach(removeTempDirs);

function openError(fn: () => unknown): DatabaseOpenError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DatabaseOpenError) return err;
    throw err;
  }
  throw new Error('expected the open to fail');
}

describe('the migration list', () => {
  it('runs 1, 2, 3... with no gaps', () => {
    expect(() => assertMigrationList(MIGRATIONS)).not.toThrow();
    expect(latestVersion(MIGRATIONS)).toBe(MIGRATIONS.length);
  });

  it('refuses a list with a gap or a repeat', () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, sql: 'SELECT 1;' });
    expect(() => assertMigrationList([m(1), m(3)])).toThrow(/out of order/);
    expect(() => assertMigrationList([m(1), m(1)])).toThrow(/out of order/);
  });
});

describe('migration 1 (clinic core) on real rows', () => {
  it('marks the file as ours, records its checksum and accepts real patient rows', () => {
    const db = databaseAt(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(count(db, 'schema_migrations')).toBe(1);
    db.prepare(
      `INSERT INTO patients (given_name, family_name, date_of_birth, sex, record_number, record_number_key, sort_key, search_text, created_at, updated_at)
       VALUES ('Zoë', 'Łukasiewicz-Ørsted', '1991-03-14', 'female', 'RR-1', 'RR-1', 'lukasiewicz orsted\u0001zoe', 'zoe lukasiewicz orsted rr 1', 'x', 'x')`,
    ).run();
    const hit = db.prepare(`SELECT rowid FROM patients_search WHERE patients_search MATCH '"luk"*'`).all();
    expect(hit).toHaveLength(1);
    // STRICT tables refuse a value of the wrong type; CHECKs refuse out-of-range values.
    expect(() =>
      db
        .prepare(`INSERT INTO clinicians (name, profession, created_at, updated_at) VALUES (x'00', 'PT', 'x', 'x')`)
        .run(),
    ).toThrow();
    expect(() => db.prepare(`UPDATE patients SET sex = 'unknown'`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('applies every pending step in one transaction: a failing step leaves the file as it was', () => {
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (x INTEGER) STRICT; SELECT no_such_function();',
      },
    ];
    const file = path.join(tempDir(), 'clinic.sqlite');
    const db = openDatabase(file, { create: true });
    expect(() => migrate(db, broken)).toThrow(/no_such_function/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get()).toEqual({
      n: 0,
    });
    db.close();
  });
});

describe('opening a records file', () => {
  function existingStore(): { dir: string; file: string } {
    const dir = tempDir();
    openClinicStore(dir, 'real', { appVersion: 'test', create: true }).close();
    return { dir, file: path.join(dir, 'clinic.sqlite') };
  }

  it('refuses a file written by a newer version and leaves it untouched', () => {
    const { dir, file } = existingStore();
    const raw = rawConnection(file);
    raw.pragma(`user_version = ${latestVersion(MIGRATIONS) + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    const err = openError(() => openClinicStore(dir, 'real', { appVersion: 'test' }));
    expect(err.problem).toBe('newer_version');
    expect(err.message).toMatch(/newer version of Stride Clinic/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('notices a shipped migration that was edited after it ran', () => {
    const { dir, file } = existingStore();
    const raw = rawConnection(file);
    raw.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").run();
    raw.close();
    expect(openError(() => openClinicStore(dir, 'real', { appVersion: 'test' })).problem).toBe('migration_mismatch');
  });

  it('refuses another program’s SQLite database', () => {
    const dir = tempDir();
    const raw = rawConnection(path.join(dir, 'clinic.sqlite'));
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    raw.close();
    expect(openError(() => openClinicStore(dir, 'real', { appVersion: 'test' })).problem).toBe('not_ours');
  });

  it('refuses a file that is not a database, and does not replace it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'clinic.sqlite');
    const junk = Buffer.alloc(8192, 7);
    fs.writeFileSync(file, junk);
    expect(openError(() => openClinicStore(dir, 'real', { appVersion: 'test' })).problem).toBe('not_a_database');
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
  });

  it('reports a damaged file as damaged', () => {
    const { dir, file } = existingStore();
    const bytes = fs.readFileSync(file);
    // Keep the 100-byte header, scramble the rest of the first page (the schema).
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 31) & 0xff;
    fs.writeFileSync(file, bytes);
    expect(['corrupt', 'not_a_database']).toContain(
      openError(() => openClinicStore(dir, 'real', { appVersion: 'test' })).problem,
    );
  });

  it('reports a file locked by another program', () => {
    const { file } = existingStore();
    const holder = rawConnection(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock_probe (x INTEGER); COMMIT;');
    expect(openError(() => openDatabase(file, { create: false, busyTimeoutMs: 50 })).problem).toBe('locked');
    holder.close();
  });

  it('says the file is missing when the data folder once held one, instead of starting empty', () => {
    const { dir, file } = existingStore();
    fs.rmSync(file);
    for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
    expect(openError(() => openClinicStore(dir, 'real', { appVersion: 'test' })).problem).toBe('missing');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('opens with WAL, full sync and foreign keys on', () => {
    const { file } = existingStore();
    const db = openDatabase(file, { create: false });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
