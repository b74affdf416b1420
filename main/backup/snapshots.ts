/**
 * The data folder's backups/: automatic snapshots (daily at the first sign-in of the day, before
 * every migration and before every restore) and, in the browser preview, the backups clinicians
 * make with "Back up now". Every file there is a complete backup file (container.ts) carrying its
 * own key file. Daily snapshots are pruned to the newest N (the clinic's setting, default 14).
 * Safety snapshots (before a restore, before an update of the records) hold records that were
 * replaced or changed, which may exist nowhere else: they have their own retention, kept at least
 * SAFETY_KEEP_DAYS and never the newest of their kind, whatever N is. Backups a clinician made are
 * never removed by the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupFacts, SnapshotEntry } from '../../shared/domain/records';
import { signInChoices } from '../security/key-file';
import { localIsoDate } from '../util/clock';
import type { BackupHeader, BackupKind } from './container';
import { AUTOMATIC_KINDS, BACKUP_EXTENSION, BackupFileError, openBackup } from './container';

export const BACKUPS_FOLDER = 'backups';
export const DEFAULT_KEEP = 14;
/** Snapshots taken before a restore or a migration: what they hold may be nowhere else. */
export const SAFETY_KINDS: readonly BackupKind[] = ['before_restore', 'before_migration'];
/** How long a safety snapshot is kept at least (the newest of each kind is kept for ever). */
export const SAFETY_KEEP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupsFolder(dataDir: string): string {
  return path.join(dataDir, BACKUPS_FOLDER);
}

const KIND_SLUG: Record<BackupKind, string> = {
  manual: 'backup',
  daily: 'daily',
  before_migration: 'before-update',
  before_restore: 'before-restore',
};

/** "2026-11-27T10-00-00Z daily.stridebackup": sorts by time, says what it is. Never clashes. */
export function snapshotPath(dataDir: string, now: Date, kind: BackupKind): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  const folder = backupsFolder(dataDir);
  for (let n = 1; ; n++) {
    const name = `${stamp}Z ${KIND_SLUG[kind]}${n === 1 ? '' : ` ${n}`}${BACKUP_EXTENSION}`;
    const file = path.join(folder, name);
    if (!fs.existsSync(file)) return file;
  }
}

export function factsOf(header: BackupHeader, fileName: string, bytes: number): BackupFacts {
  return {
    fileName,
    bytes,
    createdAt: header.createdAt,
    kind: header.kind,
    appVersion: header.appVersion,
    schemaVersion: header.schemaVersion,
    clinicName: header.keys.clinicName,
    canUnlock: signInChoices(header.keys),
  };
}

/** Every backup file in the data folder, newest first, with what its header says. */
export function listBackups(dataDir: string): SnapshotEntry[] {
  const folder = backupsFolder(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const entries: (SnapshotEntry & { sortKey: string })[] = [];
  for (const name of names) {
    if (!name.endsWith(BACKUP_EXTENSION) || name.startsWith('.')) continue;
    const file = path.join(folder, name);
    let bytes = 0;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) continue;
      bytes = stat.size;
      const opened = openBackup(file);
      entries.push({
        name,
        bytes,
        facts: factsOf(opened.header, name, bytes),
        problem: null,
        sortKey: opened.header.createdAt,
      });
    } catch (err) {
      entries.push({
        name,
        bytes,
        facts: null,
        problem: err instanceof BackupFileError ? err.message : 'This file could not be read.',
        sortKey: name,
      });
    }
  }
  return entries.sort((a, b) => b.sortKey.localeCompare(a.sortKey)).map(({ sortKey: _s, ...e }) => e);
}

/** True when a snapshot or backup in the data folder was made on this local day. */
export function hasBackupOn(dataDir: string, today: string): boolean {
  return listBackups(dataDir).some((e) => e.facts !== null && localIsoDate(new Date(e.facts.createdAt)) === today);
}

/**
 * Removes daily snapshots beyond the newest `keep`, and safety snapshots older than
 * SAFETY_KEEP_DAYS except the newest of each kind; never the one just written. Returns the names
 * removed. Backups a clinician made, and files that cannot be read, are left alone.
 */
export function pruneSnapshots(dataDir: string, keep: number, justWritten: string | null, now: Date): string[] {
  const automatic = listBackups(dataDir).filter((e) => e.facts !== null && AUTOMATIC_KINDS.includes(e.facts.kind));
  const doomed: SnapshotEntry[] = automatic.filter((e) => e.facts?.kind === 'daily').slice(Math.max(1, keep));
  for (const kind of SAFETY_KINDS) {
    const ofKind = automatic.filter((e) => e.facts?.kind === kind);
    doomed.push(
      ...ofKind.slice(1).filter((e) => now.getTime() - Date.parse(e.facts!.createdAt) > SAFETY_KEEP_DAYS * DAY_MS),
    );
  }
  const removed: string[] = [];
  for (const entry of doomed) {
    const file = path.join(backupsFolder(dataDir), entry.name);
    if (justWritten !== null && path.resolve(file) === path.resolve(justWritten)) continue;
    fs.rmSync(file, { force: true });
    removed.push(entry.name);
  }
  return removed;
}

/** The full path of a backup named in the list, or null when there is no such file. */
export function backupByName(dataDir: string, name: string): string | null {
  if (name !== path.basename(name) || !name.endsWith(BACKUP_EXTENSION) || name.startsWith('.')) return null;
  const file = path.join(backupsFolder(dataDir), name);
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}
