/**
 * The cryptography behind encryption at rest, kept small and standard (Node's crypto only):
 * - the database key: 32 random bytes, never stored in clear;
 * - a clinician's password becomes a wrapping key with scrypt (N = 2^17, r = 8, p = 1, 16-byte
 *   salt: OWASP's minimum for scrypt), run off the main thread;
 * - the recovery key (160 random bits) becomes a wrapping key with HKDF-SHA256 (it is already
 *   random, so a slow KDF adds nothing);
 * - wrapping is AES-256-GCM with a fresh 12-byte nonce and the wrap's id as associated data, so a
 *   wrap cannot be moved to another slot and any change to it is detected.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, scrypt } from 'node:crypto';
import { RECOVERY_ALPHABET } from '../../shared/domain/password';

export const DATABASE_KEY_BYTES = 32;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export function newDatabaseKey(): Buffer {
  return randomBytes(DATABASE_KEY_BYTES);
}

export function newSalt(): Buffer {
  return randomBytes(16);
}

/** The password-derived wrapping key. Async: scrypt runs on libuv's thread pool. */
export function passwordKey(password: string, salt: Buffer, params: ScryptParams = SCRYPT_PARAMS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export function recoveryWrappingKey(recoveryKey: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(recoveryKey, 'utf8'), salt, 'stride-clinic recovery key v1', 32));
}

/** 32 characters from an alphabet without look-alikes, shown in groups of four. */
export function newRecoveryKey(): string {
  let out = '';
  for (let i = 0; i < 32; i++) out += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return out;
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
