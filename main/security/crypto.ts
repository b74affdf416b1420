/**
 * The cryptography behind encryption at rest, kept small and standard:
 * - the database key: 32 random bytes, never stored in clear;
 * - a clinician's password becomes a wrapping key with Argon2id (hash-wasm; m = 64 MiB, t = 3,
 *   p = 1, 16-byte salt: about 0.45 s on the reference machine, see docs/key-management.md), run
 *   in a worker thread so the app keeps answering while it computes. Slots written by earlier
 *   versions used scrypt (N = 2^17, r = 8, p = 1): they still open, and are rewrapped with
 *   Argon2id at that clinician's next sign-in;
 * - the recovery key (32 characters from a 32-letter alphabet: 160 random bits) becomes a
 *   wrapping key with HKDF-SHA256 (it is already random, so a slow KDF adds nothing);
 * - wrapping is AES-256-GCM with a fresh 12-byte nonce and associated data naming the slot and
 *   the clinician, so a wrap cannot be moved to another slot or clinician, and any change to it
 *   is detected.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, scrypt } from 'node:crypto';
import { RECOVERY_ALPHABET } from '../../shared/domain/password';
import { argon2idInWorker } from './argon2-worker';

export const DATABASE_KEY_BYTES = 32;
export const RECOVERY_KEY_LENGTH = 32;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Argon2id cost: memory in KiB, passes, lanes. */
export interface Argon2Params {
  m: number;
  t: number;
  p: number;
}

/** What earlier versions used for every password slot; read, never written any more. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Password slots written from now on: 64 MiB, 3 passes, 1 lane (about 0.45 s here). */
export const ARGON2_PARAMS: Argon2Params = { m: 64 * 1024, t: 3, p: 1 };

/** The key-derivation function of a password slot, as stored in the key file. */
export type PasswordKdf =
  ({ name: 'scrypt'; salt: string } & ScryptParams) | ({ name: 'argon2id'; salt: string } & Argon2Params);

export function newDatabaseKey(): Buffer {
  return randomBytes(DATABASE_KEY_BYTES);
}

export function newSalt(): Buffer {
  return randomBytes(16);
}

function scryptKey(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * The password-derived wrapping key, with the slot's own function and cost. Never on the main
 * thread: scrypt runs on libuv's thread pool, Argon2id in a worker thread.
 */
export function passwordKey(password: string, kdf: PasswordKdf): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  if (kdf.name === 'scrypt') return scryptKey(password, salt, kdf);
  return argon2idInWorker(password.normalize('NFC'), salt, kdf);
}

export function recoveryWrappingKey(recoveryKey: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(recoveryKey, 'utf8'), salt, 'stride-clinic recovery key v1', 32));
}

/** 32 characters from a 32-character alphabet without look-alikes (160 bits), shown in groups of four. */
export function newRecoveryKey(): string {
  let out = '';
  for (let i = 0; i < RECOVERY_KEY_LENGTH; i++) out += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return out;
}

/** The recovery key's strength in bits: length × log2(alphabet size). */
export function recoveryKeyBits(): number {
  return RECOVERY_KEY_LENGTH * Math.log2(RECOVERY_ALPHABET.length);
}

export function formatRecoveryKey(key: string): string {
  return key.match(/.{1,4}/g)?.join('-') ?? key;
}

export interface Sealed {
  nonce: string;
  ciphertext: string;
  tag: string;
}

export function seal(wrappingKey: Buffer, plaintext: Buffer, associatedData: string): Sealed {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, nonce);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The plaintext, or null when the key is wrong or the sealed data was changed. */
export function open(wrappingKey: Buffer, sealed: Sealed, associatedData: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(sealed.nonce, 'base64'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** A fingerprint of the database key, so an unwrapped key can be checked against the key file. */
export function keyCheck(databaseKey: Buffer): string {
  return createHmac('sha256', databaseKey).update('stride-clinic key check v1').digest('hex');
}
