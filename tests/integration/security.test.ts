/** Encryption at rest, clinician sign-in, locking and recovery, on real files. */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openClinicStore } from '../../main/backend/store';
import { THROTTLE_FILE } from '../../main/backend/session/throttle';
import { createClinician, writeSettings } from '../../main/records/clinic';
import { createPatient } from '../../main/records/patients';
import { fixedClock } from '../../main/util/clock';
import {
  CLINIC_SETUP,
  must,
  openTestBackend,
  patientInput,
  readyBackend,
  removeTempDirs,
  TEST_PASSWORD,
  tempDir,
} from '../helpers/backend';
import { clinicKey, rawKeyedConnection } from '../helpers/db';

afterEach(removeTempDirs);

const SECRET_NOTE = 'Sensitive-note-about-knee-XYZZY';

function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) out[name] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return out;
}

function bytesOf(dir: string): Buffer {
  return Buffer.concat(
    fs
      .readdirSync(dir)
      .filter((n) => n.startsWith('clinic.sqlite'))
      .map((n) => fs.readFileSync(path.join(dir, n))),
  );
}

describe('encryption at rest', () => {
  it('keeps no patient name or note in clear, in the file or its WAL', async () => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput({ notes: SECRET_NOTE }));
    // While the app runs, recent writes sit in clinic.sqlite-wal.
    expect(fs.existsSync(path.join(backend.dataDir, 'clinic.sqlite-wal'))).toBe(true);
    for (const needle of ['Łukasiewicz', 'Zoë', SECRET_NOTE, 'Riverside', 'Priya']) {
      expect(bytesOf(backend.dataDir).includes(Buffer.from(needle)), needle).toBe(false);
    }
    backend.close();
    expect(bytesOf(backend.dataDir).includes(Buffer.from(SECRET_NOTE))).toBe(false);
    const keys = fs.readFileSync(path.join(backend.dataDir, 'keys.json'), 'utf8');
    expect(keys).not.toContain(SECRET_NOTE);
    expect(keys).not.toContain((await clinicKey(backend.dataDir)).toString('hex'));
    expect(keys).not.toContain(backend.recoveryKey.replace(/-/g, ''));
  });
});

describe('signing in', () => {
  it('refuses a wrong password clearly and changes nothing', async () => {
    const backend = await readyBackend();
    await must(backend, 'session.signOut', {});
    const before = fingerprint(backend.dataDir);
    const r = await backend.invoke('session.signIn', { clinicianId: 1, password: 'not the password' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', fields: { password: 'Wrong password. Check Caps Lock and try again.' } },
    });
    expect((await must(backend, 'app.status', {})).state).toBe('signed_out');
    // Only the count of wrong passwords (kept across restarts) is written.
    const { [THROTTLE_FILE]: attempts, ...after } = fingerprint(backend.dataDir);
    expect(attempts).toBeDefined();
    expect(after).toEqual(before);
    backend.close();
  });

  it('slows down after repeated wrong passwords, and records the attempts at the next sign-in', async () => {
    const backend = await readyBackend();
    await must(backend, 'session.signOut', {});
    for (let i = 0; i < 3; i++) await backend.invoke('session.signIn', { clinicianId: 1, password: `wrong ${i}` });
    const blocked = await backend.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: expect.stringContaining('Too many wrong passwords') as string },
    });
    backend.clock.advance(1500);
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const db = rawKeyedConnection(path.join(backend.dataDir, 'clinic.sqlite'), await clinicKey(backend.dataDir));
    const actions = (
      db.prepare("SELECT action FROM audit_log WHERE entity = 'session' ORDER BY id").all() as { action: string }[]
    ).map((r) => r.action);
    db.close();
    expect(actions).toEqual(['sign_in', 'sign_out', 'sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'sign_in']);
    backend.close();
  });

  it('lets several clinicians unlock, and removing one leaves the others', async () => {
    const backend = await readyBackend();
    const colleague = await must(backend, 'clinicians.create', {
      clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
      password: 'blue kettle on the hill',
      yourPassword: TEST_PASSWORD,
    });
    expect(colleague.hasPassword).toBe(true);
    await must(backend, 'session.signOut', {});
    expect((await must(backend, 'app.status', {})).signInChoices.map((c) => c.name)).toEqual([
      'Priya Shah',
      'Tomás Herrera',
    ]);
    await must(backend, 'session.signIn', { clinicianId: colleague.id, password: 'blue kettle on the hill' });
    await must(backend, 'session.signOut', {});
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    await must(backend, 'clinicians.setActive', {
      clinicianId: colleague.id,
      active: false,
      yourPassword: TEST_PASSWORD,
    });
    await must(backend, 'session.signOut', {});
    const status = await must(backend, 'app.status', {});
    expect(status.signInChoices.map((c) => c.name)).toEqual(['Priya Shah']);
    expect(
      await backend.invoke('session.signIn', { clinicianId: colleague.id, password: 'blue kettle on the hill' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    backend.close();
  });

  it('refuses weak passwords with the reason', async () => {
    const backend = openTestBackend();
    const r = await backend.invoke('app.setup', { ...CLINIC_SETUP, password: 'password123' });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        fields: { password: expect.stringContaining('commonly used password') as string },
      },
    });
    const short = await backend.invoke('app.setup', { ...CLINIC_SETUP, password: 'short' });
    expect(short).toMatchObject({
      ok: false,
      error: { fields: { password: expect.stringContaining('at least 10') as string } },
    });
    const named = await backend.invoke('app.setup', { ...CLINIC_SETUP, password: 'PriyaShah2026' });
    expect(named).toMatchObject({
      ok: false,
      error: { fields: { password: expect.stringContaining('your name') as string } },
    });
    expect((await must(backend, 'app.status', {})).state).toBe('needs_setup');
    backend.close();
  });
});

describe('locking', () => {
  it('locks on demand: records closed, clinical requests refused, the password unlocks', async () => {
    const backend = await readyBackend();
    const locked = await must(backend, 'session.lock', {});
    expect(locked).toMatchObject({
      state: 'locked',
      lockedBy: { clinicianId: 1, name: 'Priya Shah' },
      clinician: null,
    });
    expect(
      await backend.invoke('patients.search', { query: '', includeArchived: false, offset: 0, limit: 5 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'session_locked' },
    });
    expect(await backend.invoke('session.unlock', { password: 'wrong password here' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect((await must(backend, 'session.unlock', { password: TEST_PASSWORD })).state).toBe('ready');
    backend.close();
  });

  it('locks itself after the clinic’s idle time, unless the clinician is active', async () => {
    const backend = await readyBackend();
    backend.clock.advance(4 * 60_000);
    await must(backend, 'session.touch', {});
    backend.clock.advance(4 * 60_000);
    await must(backend, 'patients.search', { query: '', includeArchived: false, offset: 0, limit: 5 });
    backend.clock.advance(5 * 60_000 + 1000);
    expect(
      await backend.invoke('patients.search', { query: '', includeArchived: false, offset: 0, limit: 5 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'session_locked' },
    });
    expect((await must(backend, 'app.status', {})).state).toBe('locked');
    backend.close();
  });
});

describe('recovery', () => {
  it('sets a new password with the recovery key printed at setup', async () => {
    const backend = await readyBackend();
    expect(backend.recoveryKey).toMatch(/^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$/);
    await must(backend, 'session.signOut', {});
    expect(
      await backend.invoke('session.recover', {
        recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
        clinicianId: 1,
        newPassword: 'a brand new passphrase',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    const typed = backend.recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect(
      (
        await must(backend, 'session.recover', {
          recoveryKey: typed,
          clinicianId: 1,
          newPassword: 'a brand new passphrase',
        })
      ).state,
    ).toBe('ready');
    await must(backend, 'session.signOut', {});
    expect(await backend.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject({
      ok: false,
    });
    await must(backend, 'session.signIn', { clinicianId: 1, password: 'a brand new passphrase' });
    backend.close();
  });
});

describe('a missing or damaged key file', () => {
  it.each([
    ['missing', (file: string) => fs.rmSync(file), 'The key file is missing'],
    [
      'damaged',
      (file: string) => fs.writeFileSync(file, '{"format": "stride-clinic-keys", "wraps": ['),
      'The key file is damaged',
    ],
  ])('is a clear error with the way to recover when %s, never a new clinic', async (_label, spoil, title) => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput());
    backend.close();
    spoil(path.join(backend.dataDir, 'keys.json'));
    const records = fs.readFileSync(path.join(backend.dataDir, 'clinic.sqlite'));
    const again = openTestBackend({ dataDir: backend.dataDir });
    const status = await must(again, 'app.status', {});
    expect(status.state).toBe('database_error');
    expect(status.problem?.title).toBe(title);
    expect(status.problem?.whatToDo).toContain('each backup carries its own copy of the key file');
    expect(await again.invoke('app.setup', CLINIC_SETUP)).toMatchObject({ ok: false });
    expect(fs.readFileSync(path.join(backend.dataDir, 'clinic.sqlite')).equals(records)).toBe(true);
    again.close();
  });

  it('says so when the records file belongs to another clinic', async () => {
    const a = await readyBackend();
    const b = await readyBackend();
    a.close();
    b.close();
    fs.copyFileSync(path.join(b.dataDir, 'clinic.sqlite'), path.join(a.dataDir, 'clinic.sqlite'));
    const again = openTestBackend({ dataDir: a.dataDir });
    const r = await again.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'database_unavailable',
        message: expect.stringContaining('does not match the key file') as string,
      },
    });
    again.close();
  });
});

describe('records from before encryption', () => {
  /** A data folder as the previous version of the app left it: plain SQLite, no key file. */
  function plainClinic(): string {
    const dir = tempDir();
    const clock = fixedClock('2026-11-20T09:00:00Z');
    const store = openClinicStore(dir, 'real', { appVersion: '0.1.0', create: true });
    const c = createClinician(store.db, clock, null, {
      name: 'Priya Shah',
      profession: 'Physiotherapist',
      registrationNumber: '',
    });
    writeSettings(store.db, clock, c.id, CLINIC_SETUP.clinic);
    createPatient(store.db, clock, c.id, patientInput({ notes: SECRET_NOTE }));
    store.close();
    return dir;
  }

  it('are encrypted in place on first start, after a snapshot, with nothing lost or left in clear', async () => {
    const dir = plainClinic();
    expect(fs.readFileSync(path.join(dir, 'clinic.sqlite')).includes(Buffer.from(SECRET_NOTE))).toBe(true);
    const backend = openTestBackend({ dataDir: dir });
    expect((await must(backend, 'app.status', {})).state).toBe('needs_encryption');
    expect((await must(backend, 'session.clinicians', {})).map((c) => c.name)).toEqual(['Priya Shah']);
    const { status, recoveryKey } = await must(backend, 'app.encrypt', { clinicianId: 1, password: TEST_PASSWORD });
    expect(status.state).toBe('ready');
    expect(recoveryKey).toMatch(/^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$/);
    const found = await must(backend, 'patients.search', { query: 'zoe', includeArchived: false, offset: 0, limit: 5 });
    expect(found.total).toBe(1);
    backend.close();
    expect(bytesOf(dir).includes(Buffer.from(SECRET_NOTE))).toBe(false);
    const snapshots = fs.readdirSync(path.join(dir, 'backups'));
    expect(snapshots).toHaveLength(1);
    expect(fs.readdirSync(path.join(dir, 'backups', snapshots[0]!)).sort()).toEqual(['clinic.sqlite', 'keys.json']);
    expect(
      fs.readFileSync(path.join(dir, 'backups', snapshots[0]!, 'clinic.sqlite')).includes(Buffer.from(SECRET_NOTE)),
    ).toBe(false);
  });

  it('are left untouched when encryption fails', async () => {
    const dir = plainClinic();
    const before = fs.readFileSync(path.join(dir, 'clinic.sqlite'));
    const backend = openTestBackend({ dataDir: dir });
    // A folder where the temporary encrypted copy should go: the copy cannot be written.
    fs.mkdirSync(path.join(dir, 'clinic.sqlite.encrypting'));
    const r = await backend.invoke('app.encrypt', { clinicianId: 1, password: TEST_PASSWORD });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringContaining('left exactly as they were') as string },
    });
    expect(fs.readFileSync(path.join(dir, 'clinic.sqlite')).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'keys.json'))).toBe(false);
    expect((await must(backend, 'app.status', {})).state).toBe('needs_encryption');
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
    backend.close();
  });

  it('are finished on the next start when the app stopped between the swap and the key file', async () => {
    const backend = await readyBackend();
    backend.close();
    fs.renameSync(path.join(backend.dataDir, 'keys.json'), path.join(backend.dataDir, 'keys.json.pending'));
    const again = openTestBackend({ dataDir: backend.dataDir });
    expect((await must(again, 'app.status', {})).state).toBe('signed_out');
    await must(again, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    again.close();
  });
});

describe('the audit trail of access', () => {
  it('records sign-in, views, lock and unlock, and verifies its chain', async () => {
    const backend = await readyBackend();
    const p = await must(backend, 'patients.create', patientInput());
    await must(backend, 'patients.get', { id: p.id });
    await must(backend, 'session.lock', {});
    await must(backend, 'session.unlock', { password: TEST_PASSWORD });
    expect(await must(backend, 'audit.verify', {})).toMatchObject({ ok: true, firstBrokenId: null });
    const db = rawKeyedConnection(path.join(backend.dataDir, 'clinic.sqlite'), await clinicKey(backend.dataDir));
    const actions = (db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['create', 'create', 'sign_in', 'audit_anchor', 'create', 'view', 'lock', 'unlock']);
    db.exec('DROP TRIGGER audit_log_append_only_update');
    db.prepare("UPDATE audit_log SET summary = 'nothing to see' WHERE action = 'view'").run();
    db.close();
    const verdict = await must(backend, 'audit.verify', {});
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: 6 });
    expect(verdict.findings).toContain(
      'The safeguard that stops entries being changed (trigger audit_log_append_only_update) is missing: it was removed outside the app.',
    );
    backend.close();
  });
});

describe('the demo clinic', () => {
  it('opens without a password and is not encrypted (its patients are fictional)', async () => {
    const backend = openTestBackend();
    const status = await must(backend, 'app.openDemo', {});
    expect(status).toMatchObject({ state: 'ready', clinicKind: 'demo', autoLockMinutes: null });
    expect(
      fs
        .readFileSync(path.join(backend.dataDir, 'demo', 'clinic.sqlite'))
        .subarray(0, 15)
        .toString(),
    ).toBe('SQLite format 3');
    backend.close();
  });
});
