import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CACHE_KIB, checkStructure } from '../../main/db/checks';
import { openDatabase } from '../../main/db/open';
import { rawConnection } from '../helpers/db';
import { tempDir } from '../helpers/backend';

/**
 * A small file whose index `by_label` no longer agrees with its table (as after a lost write):
 * the index is on `label(name)`, and the connection that checks it computes `label` differently.
 */
function fileWithStaleIndex(): string {
  const file = path.join(tempDir(), 'stale-index.sqlite');
  const raw = rawConnection(file);
  raw.pragma('trusted_schema = ON'); // a function of ours may be used in the schema
  raw.function('label', { deterministic: true }, (name: unknown) => `then ${String(name)}`);
  raw.exec(`CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            CREATE INDEX by_label ON people (label(name));`);
  const add = raw.prepare('INSERT INTO people (name) VALUES (?)');
  for (let i = 0; i < 200; i++) add.run(`name ${i}`);
  raw.close();
  return file;
}

describe('structure checks on a copy of the records', () => {
  it('the full check finds an index that disagrees with its table; the quick check (for copies VACUUM INTO just rebuilt) does not look', () => {
    const db = openDatabase(fileWithStaleIndex(), { create: false, readonly: true });
    db.pragma('trusted_schema = ON');
    db.function('label', { deterministic: true }, (name: unknown) => `now ${String(name)}`);
    try {
      expect(checkStructure(db, 'full')).toMatch(/missing from index by_label/);
      expect(checkStructure(db, 'quick')).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('a sound file passes both, and the connection gets its usual page cache back afterwards', () => {
    const file = path.join(tempDir(), 'sound.sqlite');
    const raw = rawConnection(file);
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v);');
    raw.prepare("INSERT INTO t (v) VALUES ('a'), ('b')").run();
    raw.close();
    const db = openDatabase(file, { create: false });
    try {
      const usual = db.pragma('cache_size', { simple: true });
      expect(usual).not.toBe(-CHECK_CACHE_KIB);
      expect(checkStructure(db, 'full')).toBe('ok');
      expect(checkStructure(db, 'quick')).toBe('ok');
      expect(db.pragma('cache_size', { simple: true })).toBe(usual);
    } finally {
      db.close();
    }
  });
});
