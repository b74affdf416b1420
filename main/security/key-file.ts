/**
 * The key file (keys.json, beside clinic.sqlite): the database key, wrapped once per clinician
 * (by their password) and once by the recovery key printed at setup. Nothing else can unwrap it:
 * there is no keychain or machine slot. It holds no key in clear and no patient data; clinician
 * names are in it so the sign-in screen can list them while the records are closed.
 *
 * Format versions (docs/key-management.md):
 * - 1: password slots with scrypt; the AES-GCM associated data is the slot id; may hold a
 *   "keychain" slot (the OS keychain's wrap of the key). Still read: the keychain slot is dropped
 *   as the file is read (and removed from disk at start), scrypt slots are rewrapped at their
 *   clinician's next sign-in.
 * - 2: as 1, with Argon2id password slots (scrypt slots not yet rewrapped may remain), associated
 *   data binding the clinician's id as well as the slot id (`aad: 2`), and no keychain slot.
 * - 3: slots own an X25519 key pair (`aad: 3`, `x25519`; main/security/slot-keys.ts): the slot's
 *   secret unseals its private key, and the records key is sealed to its public key, so a new
 *   records key can be sealed to every slot without their passwords (docs/key-rotation.md).
 *   Version 2 slots remain until their clinician's next sign-in (or the recovery key's next use).
 *
 * Written atomically (temporary file, fsync, rename, fsync of the folder), so a crash leaves
 * either the old file or the new one; every change goes through `updateKeyFile`, which re-reads
 * the file under an exclusive lock so two processes never undo each other's changes. Without it
 * the records cannot be opened: every backup carries a copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Argon2Params, PasswordKdf, ScryptParams } from './crypto';
import { ARGON2_PARAMS, keyCheck, newSalt, open, passwordKey, recoveryWrappingKey } from './crypto';
import { withKeyFileLock } from './key-file-lock';
import { errorCodeOf } from '../util/errors';
import type { SlotAgreement } from './slot-keys';
import { newSlotKeyPair, openSlot, publicKeyTag, sealToSlot } from './slot-keys';

export const KEY_FILE = 'keys.json';
export const PENDING_KEY_FILE = 'keys.json.pending';
export const KEY_FILE_VERSION = 3;

/**
 * The most a slot may ask a key derivation to spend, so that a hostile key file or backup header
 * cannot make the app allocate gigabytes or compute for minutes while it is inspected or
 * unlocked: 256 MiB of memory and about four times the default work. What the app writes is well
 * below (Argon2id 64 MiB × 3 passes; scrypt N = 2^17, r = 8: 128 MiB).
 */
export const KDF_CEILING = {
  memoryBytes: 256 * 1024 * 1024,
  argon2: { maxM: 256 * 1024, maxT: 10, maxP: 4, maxWork: 4 * ARGON2_PARAMS.m * ARGON2_PARAMS.t },
  scrypt: { maxN: 2 ** 18, maxR: 16, maxP: 4, maxWork: 2 ** 22 },
} as const;

const Base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(200);
const SealedFields = { nonce: Base64, ciphertext: Base64, tag: Base64 };

/** A version 3 slot's key pair (main/security/slot-keys.ts). */
const Agreement = z.strictObject({
  publicKey: Base64,
  ephemeral: Base64,
  privateKey: z.strictObject(SealedFields),
  keyTag: z.string().regex(/^[0-9a-f]{64}$/),
}) satisfies z.ZodType<SlotAgreement>;

export const TOO_COSTLY =
  'asks for a key derivation far costlier than Stride Clinic ever uses (it may have been made to freeze the app)';

const ScryptKdf = z
  .strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(KDF_CEILING.scrypt.maxN),
    r: z.number().int().min(1).max(KDF_CEILING.scrypt.maxR),
    p: z.number().int().min(1).max(KDF_CEILING.scrypt.maxP),
    salt: Base64,
  })
  .refine((k) => 128 * k.N * k.r <= KDF_CEILING.memoryBytes && k.N * k.r * k.p <= KDF_CEILING.scrypt.maxWork, {
    error: `the password slot ${TOO_COSTLY}`,
  });

const Argon2idKdf = z
  .strictObject({
    name: z.literal('argon2id'),
    /** Memory, KiB. */
    m: z.number().int().min(1024).max(KDF_CEILING.argon2.maxM),
    t: z.number().int().min(1).max(KDF_CEILING.argon2.maxT),
    p: z.number().int().min(1).max(KDF_CEILING.argon2.maxP),
    salt: Base64,
  })
  .refine((k) => k.m * k.t <= KDF_CEILING.argon2.maxWork, { error: `the password slot ${TOO_COSTLY}` });

const PasswordWrap = z
  .strictObject({
    id: z.string().max(40),
    kind: z.literal('password'),
    clinicianId: z.number().int().positive(),
    name: z.string().max(120),
    /**
     * 2: the associated data binds the clinician's id too; 3: as 2, and the slot owns a key pair
     * (`x25519`): the sealed fields are the records key sealed to its public key. Absent in
     * version 1 slots.
     */
    aad: z.union([z.literal(2), z.literal(3)]).optional(),
    kdf: z.union([ScryptKdf, Argon2idKdf]),
    ...SealedFields,
    x25519: Agreement.optional(),
    createdAt: z.string().max(40),
  })
  .refine((w) => (w.aad === 3) === (w.x25519 !== undefined), {
    error: 'a password slot is half version 3 (a key pair without its tag, or the reverse)',
  });

const RecoveryWrap = z.strictObject({
  id: z.literal('recovery'),
  kind: z.literal('recovery'),
  kdf: z.strictObject({ name: z.literal('hkdf-sha256'), salt: Base64 }),
  ...SealedFields,
  /** Version 3: the recovery slot's key pair; the sealed fields are sealed to its public key. */
  x25519: Agreement.optional(),
  createdAt: z.string().max(40),
});

/**
 * Version 1 files (and backups) may hold the OS keychain's wrap of the database key. It is
 * accepted on reading only to be dropped: any program running as the same user could have asked
 * the keychain to unwrap it.
 */
const LegacyKeychainWrap = z.strictObject({
  id: z.literal('keychain'),
  kind: z.literal('keychain'),
  blob: z.string().max(4000),
  createdAt: z.string().max(40),
});

type CurrentWrap = z.infer<typeof PasswordWrap> | z.infer<typeof RecoveryWrap>;

export const KeyFile = z.strictObject({
  format: z.literal('stride-clinic-keys'),
  version: z.union([z.literal(1), z.literal(2), z.literal(KEY_FILE_VERSION)]).transform(() => KEY_FILE_VERSION),
  clinicName: z.string().max(120),
  cipher: z.literal('chacha20'),
  keyCheck: z.string().regex(/^[0-9a-f]{64}$/),
  wraps: z
    .array(z.discriminatedUnion('kind', [PasswordWrap, RecoveryWrap, LegacyKeychainWrap]))
    .max(200)
    .transform((wraps) => wraps.filter((w): w is CurrentWrap => w.kind !== 'keychain')),
});
export type KeyFile = z.infer<typeof KeyFile>;
export type PasswordWrap = z.infer<typeof PasswordWrap>;
export type RecoveryWrap = z.infer<typeof RecoveryWrap>;

export class KeyFileError extends Error {
  readonly problem: 'missing' | 'damaged';
  constructor(problem: 'missing' | 'damaged', message: string) {
    super(message);
    this.name = 'KeyFileError';
    this.problem = problem;
  }
}

/** First start found a key file already there: it is never overwritten. */
export class KeyFileExistsError extends Error {
  constructor(file: string) {
    super(
      `A key file is already in this data folder (${file}), so a new clinic is not set up over it: it may be the only way into records kept elsewhere. If the records file is missing, restore a backup instead; to start a new clinic, choose an empty data folder.`,
    );
    this.name = 'KeyFileExistsError';
  }
}

function parseKeyFile(file: string, text: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyFileError('damaged', `The key file ${file} is damaged (it is not readable JSON).`);
  }
  const parsed = KeyFile.safeParse(json);
  if (!parsed.success)
    throw new KeyFileError(
      'damaged',
      `The key file ${file} is damaged (${parsed.error.issues[0]?.message ?? 'unexpected content'}).`,
    );
  return parsed.data;
}

export function readKeyFile(file: string): KeyFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new KeyFileError('missing', `The key file ${file} is missing.`);
  }
  return parseKeyFile(file, text);
}

/** Writes a file so that a crash leaves the old content or the new, never a mix. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncFolder(path.dirname(file));
}

export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a folder for fsync.
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function keyFileText(keys: KeyFile): string {
  return `${JSON.stringify(KeyFile.parse(keys), null, 2)}\n`;
}

/**
 * Replaces a key file wholesale. Only for files no other process changes: a staged copy
 * (keys.json.restore, keys.json.pending) or a copy beside a snapshot. The live keys.json is
 * changed with `updateKeyFile`, and created with `createKeyFile`.
 */
export function writeKeyFile(file: string, keys: KeyFile): void {
  writeFileAtomic(file, keyFileText(keys));
}

/**
 * The one way to change the live key file: under its lock, re-read it, apply `change` (pure and
 * synchronous: derive keys before, not inside), write the result atomically. Returns what was
 * written. `change` sees the file as it is now, with other processes' changes, and must apply
 * only its own: e.g. `(k) => withPasswordWrap(k, wrap)`, `(k) => withoutClinician(k, id)`.
 */
export function updateKeyFile(file: string, change: (current: KeyFile) => KeyFile): KeyFile {
  return withKeyFileLock(file, () => {
    const next = KeyFile.parse(change(readKeyFile(file)));
    writeKeyFile(file, next);
    return next;
  });
}

/**
 * Writes the first key file of a clinic, and refuses (KeyFileExistsError) if one is there,
 * however it got there (another window finishing its first start at the same moment included):
 * the new file is linked into place, which fails rather than replace.
 */
export function createKeyFile(file: string, keys: KeyFile): void {
  withKeyFileLock(file, () => {
    if (fs.existsSync(file)) throw new KeyFileExistsError(file);
    const tmp = `${file}.${process.pid}.new`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeFileSync(fd, keyFileText(keys));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if (errorCodeOf(err) === 'EEXIST') throw new KeyFileExistsError(file);
      // A file system without hard links (FAT on a USB stick): exclusive create, then rename.
      if (fs.existsSync(file)) throw new KeyFileExistsError(file);
      fs.renameSync(tmp, file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    fsyncFolder(path.dirname(file));
  });
}

/** The slot the OS keychain held in earlier versions (see main/backup/legacy-keychain.ts). */
const KeychainWrap = z.object({ kind: z.literal('keychain') });

/** Whether a key file on disk still holds a slot that is dropped on reading (the keychain's). */
export function hasLegacySlot(file: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
  return holdsKeychainSlot(json);
}

/** Whether a key file's JSON, as read and before any check, holds the keychain's slot. */
export function holdsKeychainSlot(json: unknown): boolean {
  const keys = z.object({ wraps: z.array(z.unknown()) }).safeParse(json);
  return keys.success && keys.data.wraps.some((w) => KeychainWrap.safeParse(w).success);
}

export function passwordWrapId(clinicianId: number): string {
  return `clinician-${clinicianId}`;
}

/** What a password slot's AES-GCM tags authenticate besides the key: the slot and its clinician. */
export function passwordAad(wrap: Pick<PasswordWrap, 'id' | 'clinicianId' | 'aad'>): string {
  if (wrap.aad === undefined) return wrap.id;
  return `stride-clinic password slot v${wrap.aad}\n${wrap.id}\nclinician ${wrap.clinicianId}`;
}

/** What the version 3 recovery slot's tags authenticate besides the key. */
export const RECOVERY_AAD_V3 = 'stride-clinic recovery slot v3';

/**
 * A version 3 slot's fields for a new key pair whose private key is sealed under `secret`, with
 * `databaseKey` sealed to it.
 */
function slotWithKeyPair(
  secret: Buffer,
  databaseKey: Buffer,
  aad: string,
): { nonce: string; ciphertext: string; tag: string; x25519: SlotAgreement } {
  const pair = newSlotKeyPair(secret, aad);
  const { ephemeral, ...sealed } = sealToSlot(pair.publicKey, databaseKey, aad);
  const publicKey = pair.publicKey.toString('base64');
  return {
    ...sealed,
    x25519: { publicKey, ephemeral, privateKey: pair.privateKey, keyTag: publicKeyTag(databaseKey, publicKey, aad) },
  };
}

/**
 * A version 3 slot with `databaseKey` sealed to its (unchanged) public key: no secret needed.
 * Null when the slot's public key is not vouched for by `oldKey` (the key file was edited).
 */
export function resealedSlot<W extends PasswordWrap | RecoveryWrap>(
  wrap: W,
  oldKey: Buffer,
  databaseKey: Buffer,
): W | null {
  const agreement = wrap.x25519;
  if (!agreement) return null;
  const aad = wrap.kind === 'password' ? passwordAad(wrap) : RECOVERY_AAD_V3;
  if (publicKeyTag(oldKey, agreement.publicKey, aad) !== agreement.keyTag) return null;
  const { ephemeral, ...sealed } = sealToSlot(Buffer.from(agreement.publicKey, 'base64'), databaseKey, aad);
  return {
    ...wrap,
    ...sealed,
    x25519: { ...agreement, ephemeral, keyTag: publicKeyTag(databaseKey, agreement.publicKey, aad) },
  };
}

export type PasswordKdfParams = ({ name: 'argon2id' } & Argon2Params) | ({ name: 'scrypt' } & ScryptParams);

export const DEFAULT_PASSWORD_KDF: PasswordKdfParams = { name: 'argon2id', ...ARGON2_PARAMS };

export async function passwordWrap(
  databaseKey: Buffer,
  clinician: { id: number; name: string },
  password: string,
  now: Date,
  params: PasswordKdfParams = DEFAULT_PASSWORD_KDF,
): Promise<PasswordWrap> {
  const kdf: PasswordKdf = { ...params, salt: newSalt().toString('base64') };
  const id = passwordWrapId(clinician.id);
  const wrappingKey = await passwordKey(password, kdf);
  const slot = { id, clinicianId: clinician.id, aad: 3 as const };
  try {
    return {
      id,
      kind: 'password',
      clinicianId: clinician.id,
      name: clinician.name,
      aad: 3,
      kdf,
      ...slotWithKeyPair(wrappingKey, databaseKey, passwordAad(slot)),
      createdAt: now.toISOString(),
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/** Whether a slot should be rewrapped (at its clinician's next sign-in): older format or other cost. */
export function needsRewrap(wrap: PasswordWrap, target: PasswordKdfParams = DEFAULT_PASSWORD_KDF): boolean {
  if (wrap.aad !== 3 || wrap.kdf.name !== target.name) return true;
  if (wrap.kdf.name === 'argon2id' && target.name === 'argon2id') {
    return wrap.kdf.m !== target.m || wrap.kdf.t !== target.t || wrap.kdf.p !== target.p;
  }
  if (wrap.kdf.name === 'scrypt' && target.name === 'scrypt') {
    return wrap.kdf.N !== target.N || wrap.kdf.r !== target.r || wrap.kdf.p !== target.p;
  }
  return true;
}

export function recoveryWrap(databaseKey: Buffer, recoveryKey: string, now: Date): RecoveryWrap {
  const salt = newSalt();
  const wrappingKey = recoveryWrappingKey(recoveryKey, salt);
  try {
    return {
      id: 'recovery',
      kind: 'recovery',
      kdf: { name: 'hkdf-sha256', salt: salt.toString('base64') },
      ...slotWithKeyPair(wrappingKey, databaseKey, RECOVERY_AAD_V3),
      createdAt: now.toISOString(),
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/**
 * This clinician's password slot. A slot whose id does not name its clinician is ignored: in a
 * version 1 slot the id was the only thing the tag bound, so that is what keeps a slot from being
 * relabelled for another clinician.
 */
export function findPasswordWrap(keys: KeyFile, clinicianId: number): PasswordWrap | undefined {
  return keys.wraps.find(
    (w): w is PasswordWrap =>
      w.kind === 'password' && w.clinicianId === clinicianId && w.id === passwordWrapId(clinicianId),
  );
}

/** The database key, or null when the password is wrong (or the wrap was tampered with or moved). */
export async function unwrapWithPassword(keys: KeyFile, wrap: PasswordWrap, password: string): Promise<Buffer | null> {
  if (wrap.id !== passwordWrapId(wrap.clinicianId)) return null;
  const wrappingKey = await passwordKey(password, wrap.kdf);
  const key = wrap.x25519
    ? openSlot(wrappingKey, wrap.x25519, wrap, passwordAad(wrap))
    : open(wrappingKey, wrap, passwordAad(wrap));
  wrappingKey.fill(0);
  if (key && keyCheck(key) === keys.keyCheck) return key;
  key?.fill(0);
  return null;
}

export function unwrapWithRecoveryKey(keys: KeyFile, recoveryKey: string): Buffer | null {
  const wrap = keys.wraps.find((w) => w.kind === 'recovery');
  if (!wrap || wrap.kind !== 'recovery') return null;
  const wrappingKey = recoveryWrappingKey(recoveryKey, Buffer.from(wrap.kdf.salt, 'base64'));
  const key = wrap.x25519
    ? openSlot(wrappingKey, wrap.x25519, wrap, RECOVERY_AAD_V3)
    : open(wrappingKey, wrap, 'recovery');
  wrappingKey.fill(0);
  return key && keyCheck(key) === keys.keyCheck ? key : null;
}

/** The key file with this clinician's password wrap added or replaced. */
export function withPasswordWrap(keys: KeyFile, wrap: PasswordWrap): KeyFile {
  return {
    ...keys,
    wraps: [
      ...keys.wraps.filter((w) => w.id !== wrap.id && !(w.kind === 'password' && w.clinicianId === wrap.clinicianId)),
      wrap,
    ],
  };
}

export function withoutClinician(keys: KeyFile, clinicianId: number): KeyFile {
  return { ...keys, wraps: keys.wraps.filter((w) => !(w.kind === 'password' && w.clinicianId === clinicianId)) };
}

/** The key file with the clinician's slot renamed (the sign-in list shows the name). */
export function withClinicianName(keys: KeyFile, clinicianId: number, name: string): KeyFile {
  const wrap = findPasswordWrap(keys, clinicianId);
  return wrap && wrap.name !== name ? withPasswordWrap(keys, { ...wrap, name }) : keys;
}

export function newKeyFile(clinicName: string, databaseKey: Buffer): KeyFile {
  return {
    format: 'stride-clinic-keys',
    version: KEY_FILE_VERSION,
    clinicName,
    cipher: 'chacha20',
    keyCheck: keyCheck(databaseKey),
    wraps: [],
  };
}

/** Sign-in choices: who has a password wrap, by name. */
export function signInChoices(keys: KeyFile): { clinicianId: number; name: string }[] {
  return keys.wraps
    .filter((w): w is PasswordWrap => w.kind === 'password' && w.id === passwordWrapId(w.clinicianId))
    .map((w) => ({ clinicianId: w.clinicianId, name: w.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
