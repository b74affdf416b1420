/**
 * Earlier versions also kept the database key wrapped by the OS keychain (Electron safeStorage):
 * in keys.json, and so in every backup's header. Nothing read it back, and any program running
 * as the same user could ask the keychain to unwrap it and open the records without a password.
 * It is no longer written or read; at start this removes it from what the app keeps in its data
 * folder: keys.json, every backup file in backups/, and the key files copied beside older
 * snapshots (backups/<folder>/keys.json). Backups copied elsewhere (a USB stick) keep it until
 * they are restored (a restore drops it) or deleted: docs/key-management.md says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hasLegacySlot, KEY_FILE, readKeyFile, updateKeyFile, writeKeyFile } from '../security/key-file';
import { BACKUP_EXTENSION, BACKUP_FORMAT_VERSION, BackupFileError, openBackup, rewriteBackupHeader } from './container';

export interface LegacyCleanup {
  /** Files the keychain slot was removed from. */
  cleaned: string[];
  /** Files that still hold it, with the reason (a damaged backup is never rewritten). */
  left: { file: string; reason: string }[];
}

export function removeLegacyKeychainSlots(dataDir: string): LegacyCleanup {
  const result: LegacyCleanup = { cleaned: [], left: [] };
  const keyFile = path.join(dataDir, KEY_FILE);
  const attempt = (file: string, clean: () => void) => {
    try {
      clean();
      result.cleaned.push(file);
    } catch (err) {
      result.left.push({ file, reason: err instanceof Error ? err.message : String(err) });
    }
  };
  if (hasLegacySlot(keyFile)) attempt(keyFile, () => updateKeyFile(keyFile, (keys) => keys));
  const backups = path.join(dataDir, 'backups');
  let names: string[];
  try {
    names = fs.readdirSync(backups);
  } catch {
    return result;
  }
  for (const name of names) {
    const file = path.join(backups, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      // A snapshot kept as a folder (before encryption, unreadable records set aside).
      const copy = path.join(file, KEY_FILE);
      if (hasLegacySlot(copy)) attempt(copy, () => writeKeyFile(copy, readKeyFile(copy)));
      continue;
    }
    if (!name.endsWith(BACKUP_EXTENSION) || name.startsWith('.')) continue;
    let opened;
    try {
      opened = openBackup(file);
    } catch (err) {
      if (!(err instanceof BackupFileError)) throw err;
      continue; // not a readable backup: nothing the app would ever unlock with it
    }
    if (opened.hadLegacySlot) {
      const header = { ...opened.header, formatVersion: BACKUP_FORMAT_VERSION };
      attempt(file, () => rewriteBackupHeader(opened, header));
    }
  }
  return result;
}
