/**
 * "Change the records key" (docs/key-rotation.md), on real files: version 3 slots that a new key
 * can be sealed to without passwords, their migration from version 2 at the next sign-in, the
 * rekey itself (every slot still opens, the old key no longer does, the audit trail still
 * verifies), when it is refused, and when Settings suggests it.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { keyCheck, passwordKey } from '../../main/security/crypto';
import type { KeyFile } from '../../main/security/key-file';
import { findPasswordWrap, KEY_FILE, readKeyFile } from '../../main/security/key-file';
import { REKEY_PENDING_FILE } from '../../main/security/rekey';
import { must, openTestBackend, readyBackend, removeTempDirs, TEST_PASSWORD } from '../helpers/backend';
import { clinicKey } from '../helpers/db';

afterEach(removeTempDirs);

const COLLEAGUE_PASSWORD = 'blue kettle singing on the hill';

async function clinicWithColleague() {
  const backend = await readyBackend();
  const colleague = await must(backend, 'clinicians.create', {
    clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
    password: COLLEAGUE_PASSWORD,
    yourPassword: TEST_PASSWORD,
  });
  return Object.assign(backend, { colleagueId: colleague.id });
}

function opensWith(dataDir: string, key: Buffer): boolean {
  try {
    const db = openDatabase(path.join(dataDir, 'clinic.sqlite'), { create: false, key, readonly: true });
    db.close();
    return true;
  } catch {
    return false;
  }
}

/** Rewrites a clinician's slot as version 2 wrote it: the records key sealed under the password. */
async function asVersion2Slot(dataDir: string, clinicianId: number, password: string): Promise<void> {
  const file = path.join(dataDir, KEY_FILE);
  const keys = readKeyFile(file);
  const slot = findPasswordWrap(keys, clinicianId)!;
  const key = await clinicKey(dataDir);
  const wrappingKey = await passwordKey(password, slot.kdf);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, nonce);
  cipher.setAAD(Buffer.from(`stride-clinic password slot v2\n${slot.id}\nclinician ${clinicianId}`));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  const { x25519: _x, ...rest } = slot;
  const v2 = {
    ...rest,
    aad: 2,
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  raw.version = 2;
  raw.wraps = raw.wraps.map((w) => (w.kind === 'password' && w.clinicianId === clinicianId ? (v2 as never) : w));
  fs.writeFileSync(file, JSON.stringify(raw));
}

describe('version 3 key slots', () => {
  it('every slot a new clinic writes owns a key pair, and the key file is version 3', async () => {
    const backend = await clinicWithColleague();
    const keys = readKeyFile(path.join(backend.dataDir, KEY_FILE));
    expect(keys.version).toBe(3);
    expect(keys.wraps).toHaveLength(3);
    for (const w of keys.wraps) expect(w.x25519?.publicKey, w.id).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    backend.close();
  });

  it('a version 2 slot becomes version 3 at its clinician’s next sign-in, and still opens', async () => {
    const backend = await clinicWithColleague();
    backend.close();
    await asVersion2Slot(backend.dataDir, backend.colleagueId, COLLEAGUE_PASSWORD);
    expect(findPasswordWrap(readKeyFile(path.join(backend.dataDir, KEY_FILE)), backend.colleagueId)?.aad).toBe(2);
    const again = openTestBackend({ dataDir: backend.dataDir });
    await must(again, 'session.signIn', { clinicianId: backend.colleagueId, password: COLLEAGUE_PASSWORD });
    const slot = findPasswordWrap(readKeyFile(path.join(backend.dataDir, KEY_FILE)), backend.colleagueId)!;
    expect(slot.aad).toBe(3);
    expect(slot.x25519).toBeDefined();
    await must(again, 'session.signOut', {});
    await must(again, 'session.signIn', { clinicianId: backend.colleagueId, password: COLLEAGUE_PASSWORD });
    again.close();
  });
});

describe('changing the records key', () => {
  it('every clinician and the recovery key still open the records, the old key no longer does, and the audit trail verifies', async () => {
    const backend = await clinicWithColleague();
    const oldKey = await clinicKey(backend.dataDir);
    const result = await must(backend, 'keys.rotate', { yourPassword: TEST_PASSWORD });
    expect(result.recoveryKey).toBeNull(); // the recovery slot was version 3: resealed, same key
    expect(fs.existsSync(path.join(backend.dataDir, 'backups', result.snapshot))).toBe(true);
    expect(fs.existsSync(path.join(backend.dataDir, REKEY_PENDING_FILE))).toBe(false);
    const newKey = await clinicKey(backend.dataDir);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(readKeyFile(path.join(backend.dataDir, KEY_FILE)).keyCheck).toBe(keyCheck(newKey));
    expect(opensWith(backend.dataDir, oldKey)).toBe(false);
    expect(opensWith(backend.dataDir, newKey)).toBe(true);
    // The session carries on with the new key: writes and the audit trail's anchor.
    await must(backend, 'patients.create', {
      givenName: 'Ada',
      familyName: 'Rekeyed',
      dateOfBirth: '1990-01-01',
      sex: 'not_stated',
      phone: '',
      email: '',
      recordNumber: 'RK-1',
      notes: '',
    });
    expect(await must(backend, 'audit.verify', {})).toMatchObject({ ok: true, anchor: 'anchored' });
    await must(backend, 'session.signOut', {});
    await must(backend, 'session.signIn', { clinicianId: backend.colleagueId, password: COLLEAGUE_PASSWORD });
    await must(backend, 'session.signOut', {});
    await must(backend, 'session.recover', {
      recoveryKey: backend.recoveryKey,
      clinicianId: 1,
      newPassword: 'a brand new passphrase for priya today',
    });
    expect(await must(backend, 'audit.verify', {})).toMatchObject({ ok: true });
    backend.close();
  });

  it('is refused while a clinician’s slot is still version 2, naming who must sign in once first', async () => {
    const backend = await clinicWithColleague();
    await must(backend, 'session.signOut', {});
    await asVersion2Slot(backend.dataDir, backend.colleagueId, COLLEAGUE_PASSWORD);
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const before = fs.readFileSync(path.join(backend.dataDir, KEY_FILE), 'utf8');
    const r = await backend.invoke('keys.rotate', { yourPassword: TEST_PASSWORD });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Tomás Herrera must sign in once first');
    expect(fs.readFileSync(path.join(backend.dataDir, KEY_FILE), 'utf8')).toBe(before);
    backend.close();
  });

  it('is an administrator’s act, with their own password', async () => {
    const backend = await clinicWithColleague();
    expect(await backend.invoke('keys.rotate', { yourPassword: 'not my password at all' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await must(backend, 'session.signOut', {});
    await must(backend, 'session.signIn', { clinicianId: backend.colleagueId, password: COLLEAGUE_PASSWORD });
    expect(await backend.invoke('keys.rotate', { yourPassword: COLLEAGUE_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    backend.close();
  });

  it('is suggested to administrators after a clinician is deactivated, until the key is changed', async () => {
    const backend = await clinicWithColleague();
    expect((await must(backend, 'app.status', {})).keyRotationAdvised).toBe(false);
    await must(backend, 'clinicians.setActive', {
      clinicianId: backend.colleagueId,
      active: false,
      yourPassword: TEST_PASSWORD,
    });
    expect((await must(backend, 'app.status', {})).keyRotationAdvised).toBe(true);
    await must(backend, 'keys.rotate', { yourPassword: TEST_PASSWORD });
    expect((await must(backend, 'app.status', {})).keyRotationAdvised).toBe(false);
    backend.close();
  });

  it('is suggested after a restore from a backup', async () => {
    const backend = await readyBackend();
    await must(backend, 'backups.create', {});
    const list = await must(backend, 'backups.list', {});
    const preview = await must(backend, 'restore.prepare', {
      source: { kind: 'snapshot', name: list.backups[0]!.name },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    await must(backend, 'restore.confirm', { restoreId: preview.restoreId });
    expect((await must(backend, 'app.status', {})).keyRotationAdvised).toBe(true);
    backend.close();
  });
});
