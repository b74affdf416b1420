/**
 * Schema migrations, as Signal Desktop does them: an ordered list, `PRAGMA user_version`,
 * every pending step in one transaction (all or nothing), and a refusal to open a database
 * written by a newer version of the app. Each applied step's checksum is kept in the database,
 * so a shipped migration that was later edited is caught instead of silently diverging.
 */
import { createHash } from 'node:crypto';
import type { Db } from './open';
import { DatabaseOpenError } from './open';
import { onlyRow, pragmaNumber } from './rows';

export interface Migration {
  /** 1, 2, 3...: no gaps, no repeats. */
  version: number;
  name: string;
  /** Plain SQL, run as one script inside the migration transaction. */
  sql: string;
}

/** 'STRD' in ASCII: marks a file as a Stride Clinic database. */
export const APPLICATION_ID = 0x53545244;

export function checksumOf(m: Migration): string {
  return createHash('sha256').update(m.sql).digest('hex');
}

/** Throws unless versions run 1, 2, 3... in order. Called before anything is applied. */
export function assertMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration list out of order: position ${i + 1} holds version ${m.version} (${m.name}).`);
    }
  });
}

export function latestVersion(list: readonly Migration[]): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

export interface MigrationOutcome {
  from: number;
  to: number;
}

export interface MigrateOptions {
  /** Stop at this version (tests step through migrations one at a time). */
  target?: number;
  /** Called once before pending steps run, with the versions involved (for a safety snapshot). */
  beforeMigrate?: (from: number, to: number) => void;
}

export function migrate(db: Db, list: readonly Migration[], options: MigrateOptions = {}): MigrationOutcome {
  assertMigrationList(list);
  const file = db.name;
  const latest = latestVersion(list);
  const target = options.target ?? latest;
  const current = pragmaNumber(db, 'user_version');
  const appId = pragmaNumber(db, 'application_id');
  const tableCount = onlyRow(
    db.prepare<unknown[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"),
  ).n;

  if (appId !== APPLICATION_ID && (appId !== 0 || current !== 0 || tableCount > 0)) {
    throw new DatabaseOpenError('not_ours', file, `${file} is a database, but not a Stride Clinic records file.`);
  }
  if (current > latest) {
    throw new DatabaseOpenError(
      'newer_version',
      file,
      `The records file was written by a newer version of Stride Clinic (schema ${current}; this app knows up to ${latest}).`,
    );
  }
  if (current > 0) verifyApplied(db, list, current);
  if (current >= target) return { from: current, to: current };

  options.beforeMigrate?.(current, target);
  const run = db.transaction(() => {
    if (current === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`);
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
    );
    for (const m of list) {
      if (m.version <= current || m.version > target) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, checksumOf(m), new Date().toISOString());
    }
    db.pragma(`user_version = ${target}`);
  });
  run.immediate();
  return { from: current, to: target };
}

/** Throws DatabaseOpenError('migration_mismatch') unless each applied step matches the shipped one. */
export function verifyApplied(db: Db, list: readonly Migration[], current: number): void {
  const rows = db
    .prepare<
      unknown[],
      {
        version: number;
        checksum: string;
      }
    >('SELECT version, checksum FROM schema_migrations ORDER BY version')
    .all();
  for (const m of list) {
    if (m.version > current) break;
    const row = rows.find((r) => r.version === m.version);
    if (!row || row.checksum !== checksumOf(m)) {
      throw new DatabaseOpenError(
        'migration_mismatch',
        db.name,
        `The records file was prepared by a different build of Stride Clinic (schema step ${m.version}, "${m.name}", does not match).`,
      );
    }
  }
}
