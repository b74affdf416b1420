/**
 * Version 3 key slots: each slot (a clinician's, the recovery key's) owns an X25519 key pair. Its
 * private key is sealed under the slot's secret (Argon2id of the password, HKDF of the recovery
 * key); the records key is sealed to its public key (ephemeral-static X25519, HKDF-SHA256,
 * AES-256-GCM). Opening a slot needs its secret, as before; sealing a new records key to a slot
 * needs only its public key, so an administrator can change the records key (PRAGMA rekey) and
 * rewrap every slot without anyone's password (docs/key-rotation.md).
 */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
} from 'node:crypto';
import type { Sealed } from './crypto';
import { open, seal } from './crypto';

/** What a version 3 slot stores besides its sealed records key. */
export interface SlotAgreement {
  /** The slot's X25519 public key, raw 32 bytes, base64. */
  publicKey: string;
  /** The one-off public key the records key was sealed with, raw 32 bytes, base64. */
  ephemeral: string;
  /** The slot's X25519 private key (raw 32 bytes), sealed under the slot's secret. */
  privateKey: Sealed;
  /**
   * HMAC of the public key (and the slot it belongs to) under the records key: before a new
   * records key is sealed to a slot, its public key is checked, so someone who can only edit the
   * key file cannot put in a public key of their own and read the next records key.
   */
  keyTag: string;
}

const HKDF_INFO = 'stride-clinic records key to slot v3';

function rawPublic(key: ReturnType<typeof generateKeyPairSync>['publicKey']): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

function publicKeyOf(raw: Buffer) {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function privateKeyOf(raw: Buffer, publicRaw: Buffer) {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', x: publicRaw.toString('base64url'), d: raw.toString('base64url') },
    format: 'jwk',
  });
}

/** The key that seals the records key between one ephemeral and one slot key pair. */
function agreedKey(shared: Buffer, ephemeral: Buffer, slotPublic: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, slotPublic]), HKDF_INFO, 32));
}

/** A new slot key pair: the private key sealed under `secret`, the public key in clear. */
export function newSlotKeyPair(secret: Buffer, aad: string): { publicKey: Buffer; privateKey: Sealed } {
  const pair = generateKeyPairSync('x25519');
  const privateRaw = Buffer.from(pair.privateKey.export({ format: 'jwk' }).d!, 'base64url');
  try {
    return { publicKey: rawPublic(pair.publicKey), privateKey: seal(secret, privateRaw, `${aad}\nprivate key`) };
  } finally {
    privateRaw.fill(0);
  }
}

/** Seals `recordsKey` to a slot's public key: no secret of the slot is needed. */
export function sealToSlot(slotPublic: Buffer, recordsKey: Buffer, aad: string): { ephemeral: string } & Sealed {
  const eph = generateKeyPairSync('x25519');
  const ephemeral = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyOf(slotPublic) });
  const wrapping = agreedKey(shared, ephemeral, slotPublic);
  shared.fill(0);
  try {
    return { ephemeral: ephemeral.toString('base64'), ...seal(wrapping, recordsKey, `${aad}\nrecords key`) };
  } finally {
    wrapping.fill(0);
  }
}

/** The records key of a version 3 slot, or null when the secret is wrong or the slot was changed. */
export function openSlot(secret: Buffer, agreement: SlotAgreement, recordsKey: Sealed, aad: string): Buffer | null {
  const privateRaw = open(secret, agreement.privateKey, `${aad}\nprivate key`);
  if (!privateRaw) return null;
  try {
    const slotPublic = Buffer.from(agreement.publicKey, 'base64');
    const ephemeral = Buffer.from(agreement.ephemeral, 'base64');
    const shared = diffieHellman({
      privateKey: privateKeyOf(privateRaw, slotPublic),
      publicKey: publicKeyOf(ephemeral),
    });
    const wrapping = agreedKey(shared, ephemeral, slotPublic);
    shared.fill(0);
    const key = open(wrapping, recordsKey, `${aad}\nrecords key`);
    wrapping.fill(0);
    return key;
  } catch {
    return null; // a public key that is not a valid X25519 point
  } finally {
    privateRaw.fill(0);
  }
}

/** The tag vouching for a slot's public key: only a holder of the records key can make it. */
export function publicKeyTag(recordsKey: Buffer, slotPublic: string, aad: string): string {
  return createHmac('sha256', recordsKey)
    .update(`stride-clinic slot public key v3\n${aad}\n${slotPublic}`)
    .digest('hex');
}
