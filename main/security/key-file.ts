/**
 * The key file (keys.json, beside clinic.sqlite): the database key, wrapped once per clinician
 * (by their password), once by the recovery key printed at setup, and, where the operating
 * system's keychain is real, once by the keychain. It holds no key in clear and no patient data;
 * clinician names are in it so the sign-in screen can list them while the records are closed.
 *
 * Written atomically (temporary file, fsync, rename, fsync of the folder), so a crash leaves
 * either the old file or the new one. Without it the records cannot be opened: every backup
 * carries a copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ScryptParams } from './crypto';
import { keyCheck, newSalt, open, passwordKey, recoveryWrappingKey, SCRYPT_PARAMS, seal } from './crypto';

export const KEY_FILE = 'keys.json';
export const PENDING_KEY_FILE = 'keys.json.pending';

const Base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(200);
const SealedFields = { nonce: Base64, ciphertext: Base64, tag: Base64 };

const PasswordWrap = z.strictObject({
  id: z.string().max(40),
  kind: z.literal('password'),
  clinicianId: z.number().int().positive(),
  name: z.string().max(120),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: Base64,
  }),
  ...SealedFields,
  createdAt: z.string().max(40),
});

const RecoveryWrap = z.strictObject({
  id: z.literal('recovery'),
  kind: z.literal('recovery'),
  kdf: z.strictObject({ name: z.literal('hkdf-sha256'), salt: Base64 }),
  ...SealedFields,
  createdAt: z.string().max(40),
});

const KeychainWrap = z.strictObject({
  id: z.literal('keychain'),
  kind: z.literal('keychain'),
  blob: z.string().max(4000),
  createdAt: z.string().max(40),
});

const Wrap = z.discriminatedUnion('kind', [PasswordWrap, RecoveryWrap, KeychainWrap]);

export const KeyFile = z.strictObject({
  format: z.literal('stride-clinic-keys'),
  version: z.literal(1),
  clinicName: z.string().max(120),
  cipher: z.literal('chacha20'),
  keyCheck: z.string().regex(/^[0-9a-f]{64}$/),
  wraps: z.array(Wrap).max(200),
});
export type KeyFile = z.infer<typeof KeyFile>;
export type PasswordWrap = z.infer<typeof PasswordWrap>;

export class KeyFileError extends Error {
  readonly problem: 'missing' | 'damaged';
  constructor(problem: 'missing' | 'damaged', message: string) {
    super(message);
    this.name = 'KeyFileError';
    this.problem = problem;
  }
}

export function readKeyFile(file: string): KeyFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new KeyFileError('missing', `The key file ${file} is missing.`);
  }
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

export function writeKeyFile(file: string, keys: KeyFile): void {
  writeFileAtomic(file, `${JSON.stringify(KeyFile.parse(keys), null, 2)}\n`);
}

function passwordWrapId(clinicianId: number): string {
  return `clinician-${clinicianId}`;
}

export async function passwordWrap(
  databaseKey: Buffer,
  clinician: { id: number; name: string },
  password: string,
  now: Date,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<PasswordWrap> {
  const salt = newSalt();
  const id = passwordWrapId(clinician.id);
  const wrappingKey = await passwordKey(password, salt, params);
  return {
    id,
    kind: 'password',
    clinicianId: clinician.id,
    name: clinician.name,
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    ...seal(wrappingKey, databaseKey, id),
    createdAt: now.toISOString(),
  };
}

export function recoveryWrap(databaseKey: Buffer, recoveryKey: string, now: Date): z.infer<typeof RecoveryWrap> {
  const salt = newSalt();
  return {
    id: 'recovery',
    kind: 'recovery',
    kdf: { name: 'hkdf-sha256', salt: salt.toString('base64') },
    ...seal(recoveryWrappingKey(recoveryKey, salt), databaseKey, 'recovery'),
    createdAt: now.toISOString(),
  };
}

export function findPasswordWrap(keys: KeyFile, clinicianId: number): PasswordWrap | undefined {
  return keys.wraps.find((w): w is PasswordWrap => w.kind === 'password' && w.clinicianId === clinicianId);
}

/** The database key, or null when the password is wrong (or the wrap was tampered with). */
export async function unwrapWithPassword(keys: KeyFile, wrap: PasswordWrap, password: string): Promise<Buffer | null> {
  const wrappingKey = await passwordKey(password, Buffer.from(wrap.kdf.salt, 'base64'), wrap.kdf);
  const key = open(wrappingKey, wrap, wrap.id);
  return key && keyCheck(key) === keys.keyCheck ? key : null;
}

export function unwrapWithRecoveryKey(keys: KeyFile, recoveryKey: string): Buffer | null {
  const wrap = keys.wraps.find((w) => w.kind === 'recovery');
  if (!wrap || wrap.kind !== 'recovery') return null;
  const key = open(recoveryWrappingKey(recoveryKey, Buffer.from(wrap.kdf.salt, 'base64')), wrap, 'recovery');
  return key && keyCheck(key) === keys.keyCheck ? key : null;
}

/** The key file with this clinician's password wrap added or replaced. */
export function withPasswordWrap(keys: KeyFile, wrap: PasswordWrap): KeyFile {
  return { ...keys, wraps: [...keys.wraps.filter((w) => w.id !== wrap.id), wrap] };
}

export function withoutClinician(keys: KeyFile, clinicianId: number): KeyFile {
  return { ...keys, wraps: keys.wraps.filter((w) => !(w.kind === 'password' && w.clinicianId === clinicianId)) };
}

export function newKeyFile(clinicName: string, databaseKey: Buffer): KeyFile {
  return {
    format: 'stride-clinic-keys',
    version: 1,
    clinicName,
    cipher: 'chacha20',
    keyCheck: keyCheck(databaseKey),
    wraps: [],
  };
}

/** Sign-in choices: who has a password wrap, by name. */
export function signInChoices(keys: KeyFile): { clinicianId: number; name: string }[] {
  return keys.wraps
    .filter((w): w is PasswordWrap => w.kind === 'password')
    .map((w) => ({ clinicianId: w.clinicianId, name: w.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export { SCRYPT_PARAMS };
