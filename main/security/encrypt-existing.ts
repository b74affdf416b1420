/**
 * Encrypting records kept from before encryption existed, in place, on first start after the
 * upgrade. The original file is never touched until an encrypted, verified copy is ready:
 *
 *  1. checkpoint the original and copy it to backups/ (the safety snapshot);
 *  2. copy it again to clinic.sqlite.encrypting, encrypt that copy (rekey), and check it: it opens
 *     with the new key, passes quick_check, and holds as many patients and audit rows;
 *  3. write keys.json.pending, then rename the encrypted copy over the original (atomic), then
 *     rename keys.json.pending to keys.json. A crash between the two renames is finished on the
 *     next start (see `finishInterruptedEncryption`);
 *  4. replace the plain snapshot with an encrypted one (plus its key file) and overwrite the plain
 *     copy before deleting it, so no patient data stays on disk in clear (best effort: a disk may
 *     keep old blocks; full-disk encryption covers that).
 *
 * Any failure before step 3 removes the temporary files and leaves the original as it was.
 */
import fs from 'node:fs';
import { copyFileDurably } from '../files/durable-write';
import path from 'node:path';
import { openDatabase, RECORDS_FILE } from '../db/open';
import type { Clock } from '../util/clock';
import { formatRecoveryKey, newDatabaseKey, newRecoveryKey } from './crypto';
import type { KeyFile, PasswordKdfParams } from './key-file';
import {
  fsyncFolder,
  KEY_FILE,
  newKeyFile,
  passwordWrap,
  PENDING_KEY_FILE,
  recoveryWrap,
  writeKeyFile,
} from './key-file';
import { onlyRow } from '../db/rows';

export interface EncryptionOutcome {
  key: Buffer;
  recoveryKey: string;
  keys: KeyFile;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

/** Overwrites a file with zeros, flushes, and deletes it. */
export function shred(file: string): void {
  if (!fs.existsSync(file)) return;
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let offset = 0; offset < size; offset += zeros.length) {
      fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - offset), offset);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(file);
}

function counts(db: ReturnType<typeof openDatabase>): string {
  const n = (t: string) => onlyRow(db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM ${t}`)).n;
  return `${n('patients')}/${n('audit_log')}/${n('clinicians')}`;
}

export async function encryptExistingRecords(options: {
  dataDir: string;
  clinician: { id: number; name: string };
  clinicName: string;
  password: string;
  clock: Clock;
  passwordKdf: PasswordKdfParams;
  nativeBinding?: string;
}): Promise<EncryptionOutcome> {
  const { dataDir, clock } = options;
  const file = path.join(dataDir, RECORDS_FILE);
  const tmp = `${file}.encrypting`;
  const pending = path.join(dataDir, PENDING_KEY_FILE);
  const backups = path.join(dataDir, 'backups');
  const snapshotName = `before-encryption-${stamp(clock.now())}`;
  const plainSnapshot = path.join(backups, `${snapshotName}.plain.sqlite`);
  const driver = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  // 1. Checkpoint so the file alone holds everything, then the safety snapshot.
  const original = openDatabase(file, { create: false, ...driver });
  original.pragma('wal_checkpoint(TRUNCATE)');
  const before = counts(original);
  original.close();
  fs.mkdirSync(backups, { recursive: true });
  copyFileDurably(file, plainSnapshot);

  const key = newDatabaseKey();
  const recoveryKey = newRecoveryKey();
  let swapped = false;
  try {
    // 2. Encrypt a copy and check it.
    copyFileDurably(file, tmp);
    const copy = openDatabase(tmp, { create: false, ...driver });
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
    copy.pragma('journal_mode = WAL');
    copy.close();
    const check = openDatabase(tmp, { create: false, key, ...driver });
    const ok = check.pragma('quick_check', { simple: true });
    const after = counts(check);
    check.pragma('wal_checkpoint(TRUNCATE)');
    check.close();
    if (ok !== 'ok' || after !== before) {
      throw new Error(`the encrypted copy did not match the original (${String(ok)}, ${after} vs ${before})`);
    }
    if (fs.readFileSync(tmp).subarray(0, 16).toString('latin1').startsWith('SQLite format 3')) {
      throw new Error('the copy was not encrypted');
    }
    // 3. Keys first (pending), then the swap, then the keys become current.
    const keys: KeyFile = {
      ...newKeyFile(options.clinicName, key),
      wraps: [
        await passwordWrap(key, options.clinician, options.password, clock.now(), options.passwordKdf),
        recoveryWrap(key, recoveryKey, clock.now()),
      ],
    };
    writeKeyFile(pending, keys);
    fs.renameSync(tmp, file);
    swapped = true;
    fsyncFolder(dataDir);
    fs.renameSync(pending, path.join(dataDir, KEY_FILE));
    fsyncFolder(dataDir);

    // 4. An encrypted snapshot replaces the plain one.
    const encryptedSnapshot = path.join(backups, snapshotName);
    fs.mkdirSync(encryptedSnapshot, { recursive: true });
    const db = openDatabase(file, { create: false, key, ...driver });
    db.exec(`VACUUM INTO '${path.join(encryptedSnapshot, RECORDS_FILE).replace(/'/g, "''")}'`);
    db.close();
    fs.copyFileSync(path.join(dataDir, KEY_FILE), path.join(encryptedSnapshot, KEY_FILE));
    shred(plainSnapshot);
    return { key, recoveryKey: formatRecoveryKey(recoveryKey), keys };
  } catch (err) {
    // After the swap the records are encrypted and the key file is the only way in: keep it (the
    // next start promotes a pending one). Before the swap, the original is untouched: clean up.
    if (!swapped) {
      for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`, pending])
        fs.rmSync(f, { force: true, recursive: true });
      key.fill(0);
    }
    if (fs.existsSync(plainSnapshot)) shred(plainSnapshot);
    throw err;
  }
}

/**
 * A crash between the swap and the key file's rename leaves an encrypted records file with its
 * keys still in keys.json.pending: promote them. A crash before the swap leaves the original plain
 * file and a stale pending key file: remove the leftovers.
 */
export function finishInterruptedEncryption(
  dataDir: string,
  fileKind: 'plain' | 'encrypted' | 'absent' | 'empty',
): void {
  const pending = path.join(dataDir, PENDING_KEY_FILE);
  const current = path.join(dataDir, KEY_FILE);
  const tmp = path.join(dataDir, `${RECORDS_FILE}.encrypting`);
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true, recursive: true });
  if (!fs.existsSync(pending)) return;
  if (fileKind === 'encrypted' && !fs.existsSync(current)) {
    fs.renameSync(pending, current);
    fsyncFolder(dataDir);
  } else {
    fs.rmSync(pending);
  }
}
