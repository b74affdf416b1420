/**
 * Start-up housekeeping for files a crash left in the data folder's backups/:
 *
 * - A backup file is written under a hidden temporary name beside its destination
 *   (`.<name>.<pid>-<time>.partial`, see `temporaryBeside`) and renamed only once complete. A kill
 *   during a backup or the snapshot before a restore leaves that file behind, as large as the
 *   backup, hidden, and not counted by the snapshot retention. It is removed once the process that
 *   wrote it is gone (or a day later, in case the process number was reused).
 * - The plain (unencrypted) copy taken before encrypting records from an older version
 *   (`before-encryption-<time>.plain.sqlite`) is overwritten and removed once the records it copied
 *   are safe: still the plain original, or encrypted with their key file. It is kept only where it
 *   may be the last way to the records (encrypted records without a key file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { shred } from '../security/encrypt-existing';
import { processAlive } from '../util/process';
import { backupsFolder } from './snapshots';

const PARTIAL = /^\..+\.(\d+)-[0-9a-z]+\.partial$/;
const PLAIN_BEFORE_ENCRYPTION = /^before-encryption-.+\.plain\.sqlite$/;
/** No backup takes a day: an older temporary file is stale whoever holds its process number now. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Removes the temporary files of backups whose writer is gone. Returns the names removed. */
export function removeStalePartials(dataDir: string, now = Date.now()): string[] {
  const folder = backupsFolder(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = PARTIAL.exec(name);
    if (!match) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile()) continue;
      const pid = Number(match[1]);
      const writerGone = pid !== process.pid && !processAlive(pid);
      if (writerGone || now - stat.mtimeMs > STALE_MS) {
        fs.rmSync(file, { force: true });
        removed.push(name);
      }
    } catch {
      // Gone already, or not ours to remove: the next start tries again.
    }
  }
  return removed;
}

/**
 * Overwrites and removes plain copies taken before encryption, unless the records are encrypted
 * and their key file is missing (then the plain copy may be all that is left). Returns the names removed.
 */
export function removePlainCopies(
  dataDir: string,
  records: 'plain' | 'encrypted' | 'absent' | 'empty',
  hasKeyFile: boolean,
): string[] {
  if (records === 'absent' || records === 'empty' || (records === 'encrypted' && !hasKeyFile)) return [];
  const folder = backupsFolder(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => PLAIN_BEFORE_ENCRYPTION.test(n))) {
    const file = path.join(folder, name);
    try {
      if (!fs.lstatSync(file).isFile()) continue;
      shred(file);
      removed.push(name);
    } catch {
      // Left for the next start.
    }
  }
  return removed;
}
