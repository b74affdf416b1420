/**
 * Changing the records key (SQLite3 Multiple Ciphers' PRAGMA rekey), so that it survives kill -9
 * at any point: after any crash the records open with the old key or the new one, and the key
 * file ends up matching them. The steps (docs/key-rotation.md):
 *
 *  1. `rekeyReadiness`: every slot must be version 3 (its public key vouched for by the records
 *     key), or the change is refused, naming who must sign in once first;
 *  2. (the caller takes a safety snapshot);
 *  3. `writePendingRekey`: under the key file's lock, `keys.json.rekey` is written: the new key
 *     file, the old key's check, and the new key sealed under a key derived from the old one;
 *  4. `rekeyDatabase`: checkpoint, rollback journal, PRAGMA rekey (one transaction: a kill
 *     inside it is rolled back with the old key at the next opening), WAL again;
 *  5. `promoteRekey`: under the lock, keys.json becomes the rekeyed file (every slot resealed to
 *     the new key, including changes another window made meanwhile), then the pending file goes.
 *
 * A pending file found later (`settleInterruptedRekey`, at the next sign-in, unlock or recovery:
 * only then is a key in memory) is finished if the records open with the new key only, and
 * removed if they open with the old one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/open';
import { keyCheck, open, seal } from './crypto';
import type { KeyFile, PasswordWrap, RecoveryWrap } from './key-file';
import {
  fsyncFolder,
  KeyFile as KeyFileSchema,
  readKeyFile,
  resealedSlot,
  updateKeyFile,
  writeFileAtomic,
} from './key-file';
import { withKeyFileLock } from './key-file-lock';

export const REKEY_PENDING_FILE = 'keys.json.rekey';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const B64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(200);

const PendingRekey = z.strictObject({
  format: z.literal('stride-clinic-rekey'),
  oldKeyCheck: Hex64,
  newKeyCheck: Hex64,
  /** The new records key, sealed under a key derived from the old one. */
  newKey: z.strictObject({ nonce: B64, ciphertext: B64, tag: B64 }),
  /** The key file as it was computed before the rekey (its recovery slot, if renewed, is used). */
  keys: KeyFileSchema,
});
type PendingRekey = z.infer<typeof PendingRekey>;

function pendingKey(oldKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', oldKey, Buffer.alloc(0), 'stride-clinic pending rekey v1', 32));
}

export function pendingRekeyFile(dataDir: string): string {
  return path.join(dataDir, REKEY_PENDING_FILE);
}

export interface RekeyReadiness {
  /** Clinicians whose slot is still version 2: each must sign in once (or get a new password). */
  notReady: { clinicianId: number; name: string }[];
  /** Slots whose public key the records key does not vouch for: the key file was edited. */
  altered: string[];
  /** The recovery slot: 'ready' (version 3), 'renew' (version 2: a new recovery key is made), or 'none'. */
  recovery: 'ready' | 'renew' | 'none';
}

export function rekeyReadiness(keys: KeyFile, oldKey: Buffer): RekeyReadiness {
  const out: RekeyReadiness = { notReady: [], altered: [], recovery: 'none' };
  for (const w of keys.wraps) {
    const v3 = w.x25519 !== undefined;
    if (w.kind === 'recovery') {
      out.recovery = v3 ? 'ready' : 'renew';
      if (v3 && !resealedSlot(w, oldKey, oldKey)) out.altered.push('the recovery key');
    } else if (!v3) out.notReady.push({ clinicianId: w.clinicianId, name: w.name });
    else if (!resealedSlot(w, oldKey, oldKey)) out.altered.push(w.name);
  }
  return out;
}

/**
 * `current` with every version 3 slot resealed to `newKey`. A slot that cannot be resealed (a
 * version 2 slot, or one whose public key `oldKey` does not vouch for) takes the same slot from
 * `fallback` when that one is sealed for `newKey` (the renewed recovery slot), else is dropped:
 * its id is in `dropped`.
 */
export function rekeyedKeyFile(
  current: KeyFile,
  oldKey: Buffer,
  newKey: Buffer,
  fallback?: KeyFile,
): { keys: KeyFile; dropped: string[] } {
  const dropped: string[] = [];
  const wraps: (PasswordWrap | RecoveryWrap)[] = [];
  for (const w of current.wraps) {
    const next =
      resealedSlot(w, oldKey, newKey) ??
      (() => {
        const f = fallback?.wraps.find((x) => x.id === w.id);
        return f ? resealedSlot(f, newKey, newKey) : null;
      })();
    if (next) wraps.push(next);
    else dropped.push(w.id);
  }
  return { keys: { ...current, keyCheck: keyCheck(newKey), wraps }, dropped };
}

/** Step 3: the pending file, written under the key file's lock while keys.json is still the old key's. */
export function writePendingRekey(
  dataDir: string,
  keysFile: string,
  oldKey: Buffer,
  newKey: Buffer,
  next: KeyFile,
): void {
  withKeyFileLock(keysFile, () => {
    if (readKeyFile(keysFile).keyCheck !== keyCheck(oldKey)) {
      throw new Error('the key file on disk is no longer the open records’ own');
    }
    const sealingKey = pendingKey(oldKey);
    const pending: PendingRekey = {
      format: 'stride-clinic-rekey',
      oldKeyCheck: keyCheck(oldKey),
      newKeyCheck: keyCheck(newKey),
      newKey: seal(sealingKey, newKey, 'stride-clinic pending rekey v1'),
      keys: next,
    };
    sealingKey.fill(0);
    writeFileAtomic(pendingRekeyFile(dataDir), `${JSON.stringify(pending, null, 2)}\n`);
  });
}

/** Step 4: PRAGMA rekey on the open records. The bundled cipher refuses it in WAL mode. */
export function rekeyDatabase(db: Db, newKey: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    db.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}

function readPending(dataDir: string): PendingRekey | null {
  let text: string;
  try {
    text = fs.readFileSync(pendingRekeyFile(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    return PendingRekey.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

function removePending(dataDir: string): void {
  fs.rmSync(pendingRekeyFile(dataDir), { force: true });
  fsyncFolder(dataDir);
}

/**
 * Step 5: keys.json becomes the new key's (every slot resealed, changes made meanwhile kept),
 * then the pending file is removed. Returns what was written and the slots that were dropped.
 */
export function promoteRekey(
  dataDir: string,
  keysFile: string,
  oldKey: Buffer,
  newKey: Buffer,
): { keys: KeyFile; dropped: string[] } {
  const pending = readPending(dataDir);
  let dropped: string[] = [];
  const keys = updateKeyFile(keysFile, (current) => {
    if (current.keyCheck === keyCheck(newKey)) return current;
    const next = rekeyedKeyFile(current, oldKey, newKey, pending?.keys);
    dropped = next.dropped;
    return next.keys;
  });
  removePending(dataDir);
  return { keys, dropped };
}

export type SettledRekey =
  { outcome: 'none' | 'rolled_back' } | { outcome: 'finished'; key: Buffer; keys: KeyFile; dropped: string[] };

/**
 * A pending rekey found when a key from keys.json (`oldKey`) is in hand: `opens(key)` tries the
 * records with a key (read-write, so a rekey cut short is rolled back). The old key is tried
 * first: if it opens them the rekey never committed and the pending file is removed; else the
 * new key must, and the key file is promoted. Throws when neither opens the records.
 */
export function settleInterruptedRekey(
  dataDir: string,
  keysFile: string,
  oldKey: Buffer,
  opens: (key: Buffer) => boolean,
): SettledRekey {
  if (!fs.existsSync(pendingRekeyFile(dataDir))) return { outcome: 'none' };
  const pending = readPending(dataDir);
  const current = keyCheck(oldKey);
  if (!pending || pending.oldKeyCheck !== current || pending.newKeyCheck === current) {
    // Damaged, left after its promotion, or about another key: nothing to finish.
    removePending(dataDir);
    return { outcome: 'none' };
  }
  if (opens(oldKey)) {
    removePending(dataDir);
    return { outcome: 'rolled_back' };
  }
  const sealingKey = pendingKey(oldKey);
  const newKey = open(sealingKey, pending.newKey, 'stride-clinic pending rekey v1');
  sealingKey.fill(0);
  if (!newKey || keyCheck(newKey) !== pending.newKeyCheck || !opens(newKey)) {
    newKey?.fill(0);
    throw new Error('the records open with neither the old key nor the new one of an interrupted key change');
  }
  const { keys, dropped } = promoteRekey(dataDir, keysFile, oldKey, newKey);
  return { outcome: 'finished', key: newKey, keys, dropped };
}
