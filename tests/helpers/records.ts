/** Helpers for backup, restore and export tests: table dumps, a fake desktop, backups' contents. */
import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from '../../main/backend/platform';
import { extractSteps, openBackup, runSync } from '../../main/backup/container';
import type { Db } from '../../main/db/open';
import { openDatabase } from '../../main/db/open';
import { tempDir } from './backend';

/** Every row of every ordinary table, keyed by table (search index tables left out). */
export function dumpTables(db: Db, options: { except?: string[] } = {}): Record<string, unknown[]> {
  const tables = (db.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .filter((n) => !(options.except ?? []).includes(n))
    .sort();
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
  return out;
}

/** A stand-in for the Electron shell's dialogs: answers with the paths it is given. */
export function fakeDesktop(answers: { save?: () => string | null; open?: () => string | null }): Platform & {
  saveTitles: string[];
} {
  const saveTitles: string[] = [];
  return {
    kind: 'desktop',
    saveTitles,
    chooseSavePath: (o) => {
      saveTitles.push(o.title);
      return Promise.resolve(answers.save ? answers.save() : null);
    },
    chooseOpenPath: () => Promise.resolve(answers.open ? answers.open() : null),
    openPath: () => Promise.resolve(),
    printPdf: () => Promise.resolve(),
  };
}

/** Opens the records inside a backup file (copied out to a temporary file) with a key. */
export function recordsInBackup(file: string, key: Buffer): Db {
  const backup = openBackup(file);
  const dest = path.join(tempDir(), 'from-backup.sqlite');
  runSync(extractSteps(backup, dest));
  return openDatabase(dest, { create: false, readonly: true, key });
}

export function backupFiles(dataDir: string): string[] {
  const folder = path.join(dataDir, 'backups');
  return fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((n) => n.endsWith('.stridebackup'))
        .sort()
    : [];
}
