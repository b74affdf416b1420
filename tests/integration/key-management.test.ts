/**
 * The key file and its cryptography, on real files: only clinicians' passwords and the recovery
 * key open the records (no keychain slot, and old ones are removed); two copies of the app on one
 * folder never undo each other's key changes; password slots use Argon2id off the main thread and
 * older slots are rewrapped; a slot cannot be moved to another clinician; a hostile backup cannot
 * make the app derive keys for ever; first start never overwrites a key file.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, openBackup } from '../../main/backup/container';
import { ARGON2_PARAMS, keyCheck, newDatabaseKey, recoveryKeyBits } from '../../main/security/crypto';
import type { KeyFile, PasswordWrap } from '../../main/security/key-file';
import {
  DEFAULT_PASSWORD_KDF,
  findPasswordWrap,
  KEY_FILE,
  passwordWrap,
  readKeyFile,
  unwrapWithPassword,
  updateKeyFile,
  withClinicianName,
} from '../../main/security/key-file';
import { RECOVERY_ALPHABET } from '../../shared/domain/password';
import {
  CLINIC_SETUP,
  must,
  openTestBackend,
  patientInput,
  readyBackend,
  removeTempDirs,
  TEST_KDF,
  TEST_PASSWORD,
  tempDir,
} from '../helpers/backend';
import { buildWriter } from '../helpers/build-writer';
import { clinicKey } from '../helpers/db';

afterEach(removeTempDirs);

const COLLEAGUE_PASSWORD = 'blue kettle singing on the hill';

function rawKeyFile(dataDir: string): { wraps: { kind: string; [k: string]: unknown }[] } & Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8')) as never;
}

/** A backup file's header as stored (not as the app parses it). */
function rawHeader(
  file: string,
): { keys: { wraps: { kind: string; [k: string]: unknown }[] } } & Record<string, unknown> {
  const bytes = fs.readFileSync(file);
  const length = bytes.readUInt32BE(16);
  return JSON.parse(bytes.subarray(20, 20 + length).toString('utf8')) as never;
}

/** Rewrites a backup file's header as a hand-made or hostile file would, with a valid checksum. */
function withRawHeader(file: string, change: (header: Record<string, unknown>) => void, dest = file): void {
  const bytes = fs.readFileSync(file);
  const length = bytes.readUInt32BE(16);
  const header = JSON.parse(bytes.subarray(20, 20 + length).toString('utf8')) as Record<string, unknown>;
  change(header);
  const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(20);
  BACKUP_MAGIC.copy(prefix, 0);
  prefix.writeUInt32BE(headerBuf.length, 16);
  const records = bytes.subarray(20 + length, bytes.length - 32);
  const body = Buffer.concat([prefix, headerBuf, records]);
  fs.writeFileSync(dest, Buffer.concat([body, createHash('sha256').update(body).digest()]));
}

/** The slot an earlier version kept: the database key wrapped by the OS keychain. */
function keychainSlot(): { kind: string; [k: string]: unknown } {
  return {
    id: 'keychain',
    kind: 'keychain',
    blob: randomBytes(80).toString('base64'),
    createdAt: '2026-11-01T09:00:00.000Z',
  };
}

async function backUp(backend: Awaited<ReturnType<typeof readyBackend>>): Promise<string> {
  const made = await must(backend, 'backups.create', {});
  if (!made.saved) throw new Error('the backup was not saved');
  return made.file;
}

describe('the records key has one way in: clinicians’ passwords and the recovery key', () => {
  it('neither the key file nor a new backup holds any slot but clinicians’ and the recovery key’s', async () => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput());
    const colleague = await must(backend, 'clinicians.create', {
      clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
      password: COLLEAGUE_PASSWORD,
      yourPassword: TEST_PASSWORD,
    });
    const backup = await backUp(backend);
    backend.close();
    const slots = (wraps: { kind: string; id?: unknown }[]) => wraps.map((w) => `${w.kind}:${String(w.id)}`).sort();
    const expected = ['password:clinician-1', `password:clinician-${colleague.id}`, 'recovery:recovery'];
    expect(slots(rawKeyFile(backend.dataDir).wraps)).toEqual(expected);
    expect(slots(rawHeader(backup).keys.wraps)).toEqual(expected);
    // Nothing in either names the keychain.
    expect(fs.readFileSync(path.join(backend.dataDir, KEY_FILE), 'utf8')).not.toContain('keychain');
    expect(JSON.stringify(rawHeader(backup))).not.toContain('keychain');
  });

  it('an older key file’s and older snapshots’ keychain slot is removed at the next start, and all still open', async () => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput());
    const snapshot = await backUp(backend);
    backend.close();
    const dataDir = backend.dataDir;
    // As an earlier version left them: the keychain slot in keys.json, in a backup's header and
    // in the key file kept beside a snapshot folder.
    const keysFile = path.join(dataDir, KEY_FILE);
    const old = rawKeyFile(dataDir);
    old.wraps.push(keychainSlot());
    old.version = 1;
    fs.writeFileSync(keysFile, JSON.stringify(old, null, 2));
    withRawHeader(snapshot, (h) => {
      h.formatVersion = 1;
      (h.keys as { wraps: unknown[]; version: number }).wraps.push(keychainSlot());
      (h.keys as { version: number }).version = 1;
    });
    const folder = path.join(dataDir, 'backups', 'before-encryption-2026-11-01T09-00-00');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, KEY_FILE), JSON.stringify(old, null, 2));
    expect(rawHeader(snapshot).keys.wraps.some((w) => w.kind === 'keychain')).toBe(true);

    const again = openTestBackend({ dataDir });
    expect((await must(again, 'app.status', {})).state).toBe('signed_out');
    expect(
      rawKeyFile(dataDir)
        .wraps.map((w) => w.kind)
        .sort(),
    ).toEqual(['password', 'recovery']);
    expect(
      rawHeader(snapshot)
        .keys.wraps.map((w) => w.kind)
        .sort(),
    ).toEqual(['password', 'recovery']);
    expect(fs.readFileSync(path.join(folder, KEY_FILE), 'utf8')).not.toContain('keychain');
    // The rewritten backup is whole (its checksum verifies) and still restores.
    expect(openBackup(snapshot).header.keys.wraps).toHaveLength(2);
    await must(again, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const preview = await must(again, 'restore.prepare', {
      source: { kind: 'snapshot', name: path.basename(snapshot) },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    expect(preview.backup.patients).toBe(1);
    await must(again, 'restore.cancel', { restoreId: preview.restoreId });
    again.close();
  });

  it('a backup still carrying the keychain slot restores without it', async () => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput());
    const made = await backUp(backend);
    // A backup from an earlier version, kept outside the data folder (a USB stick).
    const outside = path.join(tempDir(), 'old.stridebackup');
    withRawHeader(
      made,
      (h) => {
        h.formatVersion = 1;
        (h.keys as { wraps: unknown[] }).wraps.push(keychainSlot());
      },
      outside,
    );
    const preview = await must(backend, 'restore.prepare', {
      source: { kind: 'file', path: outside },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    await must(backend, 'restore.confirm', { restoreId: preview.restoreId });
    expect(
      rawKeyFile(backend.dataDir)
        .wraps.map((w) => w.kind)
        .sort(),
    ).toEqual(['password', 'recovery']);
    backend.close();
  });
});

describe('two windows of the app on one data folder', () => {
  it('a password changed in one stays changed when the other then adds a clinician', async () => {
    const a = await readyBackend();
    const b = openTestBackend({ dataDir: a.dataDir });
    await must(b, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const newPassword = 'a longer walk along the canal';
    await must(a, 'session.changePassword', { currentPassword: TEST_PASSWORD, newPassword });
    const colleague = await must(b, 'clinicians.create', {
      clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
      password: COLLEAGUE_PASSWORD,
      // Confirmed with the password as changed in the other window.
      yourPassword: newPassword,
    });
    a.close();
    b.close();
    const keys = readKeyFile(path.join(a.dataDir, KEY_FILE));
    expect(await unwrapWithPassword(keys, findPasswordWrap(keys, 1)!, TEST_PASSWORD)).toBeNull();
    expect(await unwrapWithPassword(keys, findPasswordWrap(keys, 1)!, newPassword)).not.toBeNull();
    expect(await unwrapWithPassword(keys, findPasswordWrap(keys, colleague.id)!, COLLEAGUE_PASSWORD)).not.toBeNull();
    // And a window still signed out reads the change before it lets anyone in.
    const c = openTestBackend({ dataDir: a.dataDir });
    expect(await c.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject({ ok: false });
    await must(c, 'session.signIn', { clinicianId: 1, password: newPassword });
    c.close();
  });
});

describe('password slots', () => {
  it('are Argon2id (64 MiB, 3 passes) by default, their cost stored in each slot', async () => {
    expect(DEFAULT_PASSWORD_KDF).toEqual({ name: 'argon2id', m: 65536, t: 3, p: 1 });
    const key = newDatabaseKey();
    const wrap = await passwordWrap(key, { id: 4, name: 'Ana' }, COLLEAGUE_PASSWORD, new Date());
    expect(wrap.kdf).toMatchObject({ name: 'argon2id', ...ARGON2_PARAMS });
    const keys = { keyCheck: keyCheck(key) } as KeyFile;
    expect((await unwrapWithPassword(keys, wrap, COLLEAGUE_PASSWORD))?.equals(key)).toBe(true);
    expect(await unwrapWithPassword(keys, wrap, 'not the password at all')).toBeNull();
  }, 30_000);

  it('keep the backend answering while a password is derived (a timer runs during a full-cost sign-in)', async () => {
    const backend = await readyBackend({ passwordKdf: DEFAULT_PASSWORD_KDF });
    await must(backend, 'session.signOut', {});
    let ticks = 0;
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 10);
    const started = performance.now();
    const status = backend.invoke('app.status', {});
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const took = performance.now() - started;
    clearInterval(timer);
    expect((await status).ok).toBe(true);
    // Argon2id at full cost takes a good fraction of a second; the main thread kept ticking.
    expect(took).toBeGreaterThan(150);
    expect(ticks).toBeGreaterThan(took / 10 / 4);
    expect(longest).toBeLessThan(Math.max(150, took / 2));
    backend.close();
  }, 60_000);

  it('an older scrypt slot is rewrapped with Argon2id at that clinician’s next sign-in', async () => {
    // A clinic set up by an earlier version: scrypt slots, tags binding the slot id only.
    const old = await readyBackend({ passwordKdf: { name: 'scrypt', N: 2 ** 14, r: 8, p: 1 } });
    old.close();
    const keysFile = path.join(old.dataDir, KEY_FILE);
    const raw = rawKeyFile(old.dataDir);
    expect(raw.wraps.find((w) => w.kind === 'password')?.kdf).toMatchObject({ name: 'scrypt' });
    const before = readKeyFile(keysFile);
    const key = await clinicKey(old.dataDir);
    // Written as version 1 wrote it (the associated data is the slot id alone).
    const { createCipheriv } = await import('node:crypto');
    const slot = findPasswordWrap(before, 1)!;
    const { passwordKey } = await import('../../main/security/crypto');
    const wrappingKey = await passwordKey(TEST_PASSWORD, slot.kdf);
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, nonce);
    cipher.setAAD(Buffer.from(slot.id));
    const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
    const {
      aad: _aad,
      x25519: _x25519,
      ...v1
    } = {
      ...slot,
      nonce: nonce.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
    fs.writeFileSync(
      keysFile,
      JSON.stringify({ ...raw, version: 1, wraps: raw.wraps.map((w) => (w.kind === 'password' ? v1 : w)) }),
    );

    const now = openTestBackend({ dataDir: old.dataDir });
    await must(now, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const after = readKeyFile(keysFile);
    const rewrapped = findPasswordWrap(after, 1)!;
    expect(rewrapped.kdf).toMatchObject(TEST_KDF);
    expect(rewrapped.aad).toBe(3);
    expect(rewrapped.x25519).toBeDefined();
    expect(after.version).toBe(3);
    await must(now, 'session.signOut', {});
    await must(now, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    expect(await now.invoke('session.signOut', {})).toMatchObject({ ok: true });
    expect(await now.invoke('session.signIn', { clinicianId: 1, password: 'not the password at all' })).toMatchObject({
      ok: false,
    });
    now.close();
  });
});

describe('the recovery key', () => {
  it('carries its full 160 bits: 32 characters from 32 distinct symbols without look-alikes', async () => {
    expect(new Set(RECOVERY_ALPHABET).size).toBe(RECOVERY_ALPHABET.length);
    expect(RECOVERY_ALPHABET.length ** 32).toBeGreaterThanOrEqual(2 ** 160);
    expect(recoveryKeyBits()).toBeGreaterThanOrEqual(160);
    for (const lookAlike of ['0', 'O', '1', 'I']) expect(RECOVERY_ALPHABET).not.toContain(lookAlike);
    const backend = await readyBackend();
    const key = backend.recoveryKey.replace(/-/g, '');
    expect(key).toHaveLength(32);
    expect([...key].every((c) => RECOVERY_ALPHABET.includes(c))).toBe(true);
    backend.close();
  });
});

describe('a password slot belongs to one clinician', () => {
  it('a slot copied into another clinician’s place does not open the records for them', async () => {
    const backend = await readyBackend();
    const colleague = await must(backend, 'clinicians.create', {
      clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
      password: COLLEAGUE_PASSWORD,
      yourPassword: TEST_PASSWORD,
    });
    backend.close();
    const keysFile = path.join(backend.dataDir, KEY_FILE);
    const original = fs.readFileSync(keysFile, 'utf8');
    const raw = JSON.parse(original) as { wraps: (PasswordWrap | { kind: 'recovery' })[] };
    const theirs = raw.wraps.find((w) => w.kind === 'password' && w.clinicianId === colleague.id) as PasswordWrap;
    // Priya's slot replaced by Tomás's, relabelled for Priya: by clinician only, then by slot id too.
    for (const moved of [
      { ...theirs, clinicianId: 1, name: 'Priya Shah' },
      { ...theirs, clinicianId: 1, id: 'clinician-1', name: 'Priya Shah' },
      { ...theirs, clinicianId: 1, id: 'clinician-1', name: 'Priya Shah', aad: undefined },
    ]) {
      const wraps = raw.wraps.filter((w) => !(w.kind === 'password' && w.clinicianId === 1)).concat([moved]);
      fs.writeFileSync(keysFile, JSON.stringify({ ...raw, wraps }));
      const b = openTestBackend({ dataDir: backend.dataDir });
      const r = await b.invoke('session.signIn', { clinicianId: 1, password: COLLEAGUE_PASSWORD });
      expect(r.ok, JSON.stringify(moved)).toBe(false);
      b.close();
    }
    fs.writeFileSync(keysFile, original);
  });
});

describe('a hostile backup file', () => {
  it.each([
    ['Argon2id with 4 GiB of memory', { name: 'argon2id', m: 4 * 1024 * 1024, t: 3, p: 1 }],
    ['Argon2id with a thousand passes', { name: 'argon2id', m: 65536, t: 1000, p: 1 }],
    ['scrypt with 16 GiB of memory', { name: 'scrypt', N: 2 ** 22, r: 32, p: 1 }],
    ['scrypt with 16 lanes', { name: 'scrypt', N: 2 ** 18, r: 8, p: 16 }],
  ])('asking for %s is refused at once, before any password is tried', async (_label, kdf) => {
    const backend = await readyBackend();
    const made = await backUp(backend);
    const hostile = path.join(tempDir(), 'hostile.stridebackup');
    withRawHeader(
      made,
      (h) => {
        const keys = h.keys as { wraps: { kind: string; kdf: Record<string, unknown> }[] };
        for (const w of keys.wraps) if (w.kind === 'password') w.kdf = { ...kdf, salt: w.kdf.salt };
      },
      hostile,
    );
    const started = performance.now();
    const r = await backend.invoke('restore.prepare', {
      source: { kind: 'file', path: hostile },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('thousands of times costlier') as string },
    });
    backend.close();
  });
});

describe('first-start setup', () => {
  it('refuses to overwrite an existing key file (another window set the clinic up first)', async () => {
    const dataDir = tempDir();
    const first = openTestBackend({ dataDir });
    const second = openTestBackend({ dataDir });
    expect((await must(second, 'app.status', {})).state).toBe('needs_setup');
    await must(first, 'app.setup', CLINIC_SETUP);
    const keys = fs.readFileSync(path.join(dataDir, KEY_FILE));
    const r = await second.invoke('app.setup', {
      ...CLINIC_SETUP,
      clinician: { ...CLINIC_SETUP.clinician, name: 'Someone Else' },
      password: 'another clinic entirely, please',
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('A key file is already in this data folder') as string,
      },
    });
    expect(fs.readFileSync(path.join(dataDir, KEY_FILE)).equals(keys)).toBe(true);
    first.close();
    second.close();
    const again = openTestBackend({ dataDir });
    await must(again, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    again.close();
  });

  it('refuses when a key file is there without its records, and leaves it untouched', async () => {
    const backend = await readyBackend();
    backend.close();
    const dataDir = tempDir();
    fs.copyFileSync(path.join(backend.dataDir, KEY_FILE), path.join(dataDir, KEY_FILE));
    const keys = fs.readFileSync(path.join(dataDir, KEY_FILE));
    const fresh = openTestBackend({ dataDir });
    const r = await fresh.invoke('app.setup', CLINIC_SETUP);
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fs.readFileSync(path.join(dataDir, KEY_FILE)).equals(keys)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'clinic.sqlite'))).toBe(false);
    fresh.close();
  });
});

describe('two copies of the app, in two processes, changing keys at the same time', () => {
  it('lose no change of either: every clinician added or given a password keeps it, and a changed password stays changed', async () => {
    const writer = await buildWriter('key-writer');
    try {
      const backend = await readyBackend();
      backend.close();
      const dataDir = backend.dataDir;
      const newPassword = 'a longer walk along the canal towpath';
      const rounds = 6;
      const start = (role: 'a' | 'b') => {
        const child = spawn(process.execPath, [writer.script], {
          env: {
            ...process.env,
            STRIDE_KEY_WRITER: JSON.stringify({ dataDir, role, rounds, firstPassword: TEST_PASSWORD, newPassword }),
          },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
        child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        const ready = new Promise<void>((resolve, reject) => {
          child.stdout.on('data', () => out.includes('ready\n') && resolve());
          void exited.then(() => reject(new Error(`writer ${role} stopped: ${err}`)));
        });
        return { child, ready, exited, out: () => out, err: () => err };
      };
      const a = start('a');
      const b = start('b');
      await Promise.all([a.ready, b.ready]);
      a.child.stdin.write('go\n');
      b.child.stdin.write('go\n');
      const codes = await Promise.all([a.exited, b.exited]);
      expect(codes, `${a.err()}\n${b.err()}`).toEqual([0, 0]);
      // What each process was told worked: the last password given to each clinician.
      const told = new Map<number, string>();
      for (const line of `${a.out()}${b.out()}`.split('\n')) {
        const m = /^C (\d+) (.+)$/.exec(line);
        if (m) told.set(Number(m[1]), m[2]!);
      }
      expect(told.size).toBe(1 + 2 * rounds);
      expect(fs.existsSync(path.join(dataDir, `${KEY_FILE}.lock`))).toBe(false);
      const keys = readKeyFile(path.join(dataDir, KEY_FILE));
      for (const [clinicianId, password] of told) {
        const wrap = findPasswordWrap(keys, clinicianId);
        expect(wrap, `clinician ${clinicianId} lost their slot`).toBeDefined();
        expect(await unwrapWithPassword(keys, wrap!, password), `clinician ${clinicianId}`).not.toBeNull();
      }
      expect(await unwrapWithPassword(keys, findPasswordWrap(keys, 1)!, TEST_PASSWORD)).toBeNull();
    } finally {
      writer.remove();
    }
  }, 180_000);
});

describe('the key file’s lock', () => {
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.once('exit', resolve));
    return child.pid!;
  }

  it('left by a process that died, is taken over', async () => {
    const backend = await readyBackend();
    backend.close();
    const file = path.join(backend.dataDir, KEY_FILE);
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: await deadPid(), host: os.hostname(), at: Date.now() }));
    const started = performance.now();
    const written = updateKeyFile(file, (k) => withClinicianName(k, 1, 'Priya Shah-Okafor'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(findPasswordWrap(written, 1)?.name).toBe('Priya Shah-Okafor');
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('held far longer than any change takes, is taken over', async () => {
    const backend = await readyBackend();
    backend.close();
    const file = path.join(backend.dataDir, KEY_FILE);
    // A live process (this test's parent) that left its lock a minute ago.
    fs.writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: process.ppid, host: os.hostname(), at: Date.now() - 60_000 }),
    );
    updateKeyFile(file, (k) => withClinicianName(k, 1, 'Priya S.'));
    expect(findPasswordWrap(readKeyFile(file), 1)?.name).toBe('Priya S.');
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('held by a live process, makes a change wait for it', async () => {
    const backend = await readyBackend();
    backend.close();
    const file = path.join(backend.dataDir, KEY_FILE);
    // Another process takes the lock for 400 ms.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');fs.writeFileSync(${JSON.stringify(`${file}.lock`)},JSON.stringify({pid:process.pid,host:require('os').hostname(),at:Date.now()}),{flag:'wx'});process.stdout.write('held\\n');setTimeout(()=>{fs.rmSync(${JSON.stringify(`${file}.lock`)});process.exit(0)},400);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = performance.now();
    updateKeyFile(file, (k) => withClinicianName(k, 1, 'Priya Waited'));
    expect(performance.now() - started).toBeGreaterThan(200);
    expect(findPasswordWrap(readKeyFile(file), 1)?.name).toBe('Priya Waited');
    await new Promise((resolve) => holder.once('exit', resolve));
  });
});
