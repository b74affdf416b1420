/**
 * Wrong passwords slow every password prompt down, and the count survives a restart: sign-in,
 * unlock, re-authentication before an administrative act, and the restore dialog's backup
 * password. The delay doubles up to a ceiling; a damaged or hostile count file neither locks
 * everyone out for ever nor silently resets. Real backends on real folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, THROTTLE_FILE, waitAfterFailures } from '../../main/backend/session/throttle';
import type { Backend } from '../../main/backend/backend';
import { must, openTestBackend, readyBackend, removeTempDirs, TEST_PASSWORD, tempDir } from '../helpers/backend';
import { openClinicDb } from '../helpers/db';

afterEach(removeTempDirs);

const TOO_MANY = {
  ok: false,
  error: { code: 'unauthenticated', message: expect.stringContaining('Too many wrong passwords') as string },
};

/** Wrong passwords, each tried once the wait the earlier ones caused has run out. */
async function wrongSignIns(backend: Backend & { clock: { advance(ms: number): void } }, n: number, already = 0) {
  for (let i = 0; i < n; i++) {
    backend.clock.advance(waitAfterFailures(already + i));
    const r = await backend.invoke('session.signIn', { clinicianId: 1, password: `wrong guess ${i}` });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: expect.stringContaining('Wrong password') as string },
    });
  }
}

async function actions(dataDir: string, like: string) {
  const db = await openClinicDb(dataDir, { readonly: true });
  const rows = db.prepare('SELECT action, summary FROM audit_log WHERE action LIKE ? ORDER BY id').all(like) as {
    action: string;
    summary: string;
  }[];
  db.close();
  return rows;
}

describe('the delay after wrong passwords', () => {
  it('doubles after three wrong answers and stops at a ceiling of five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(waitAfterFailures)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(MAX_WAIT_MS).toBe(5 * 60_000);
    expect(waitAfterFailures(12)).toBe(MAX_WAIT_MS);
    expect(waitAfterFailures(1_000_000)).toBe(MAX_WAIT_MS);
  });

  it('is still there after the app restarts, and the attempts reach the audit trail at the next sign-in', async () => {
    const first = await readyBackend();
    await must(first, 'session.signOut', {});
    await wrongSignIns(first, 5); // the next attempt waits 4 s
    first.close();

    const restarted = openTestBackend({ dataDir: first.dataDir });
    expect(await restarted.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject(
      TOO_MANY,
    );
    restarted.clock.advance(4_500);
    await must(restarted, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const failed = await actions(restarted.dataDir, 'sign_in_failed');
    expect(failed).toHaveLength(5);
    expect(failed[0]!.summary).toContain('Wrong password for Priya Shah (sign-in)');
    restarted.close();
  });

  it('counts wrong passwords from two windows on one folder together', async () => {
    const a = await readyBackend();
    await must(a, 'session.signOut', {});
    const b = openTestBackend({ dataDir: a.dataDir });
    await wrongSignIns(a, 2);
    await wrongSignIns(b, 1); // the third in a row, counted with the other window's two
    expect(await a.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject(TOO_MANY);
    a.close();
    b.close();
  });

  it('never waits longer than the ceiling, however many wrong passwords', async () => {
    const backend = await readyBackend();
    await must(backend, 'session.signOut', {});
    await wrongSignIns(backend, 20);
    expect(await backend.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { message: 'Too many wrong passwords. Wait 5 minutes, then try again.' },
    });
    backend.clock.advance(MAX_WAIT_MS - 1000);
    expect(await backend.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject(TOO_MANY);
    backend.clock.advance(1000);
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    backend.close();
  });

  it('applies to the unlock screen, with the same count as sign-in', async () => {
    const backend = await readyBackend();
    await must(backend, 'session.lock', {});
    for (let i = 0; i < 3; i++) await backend.invoke('session.unlock', { password: `wrong guess ${i}` });
    expect(await backend.invoke('session.unlock', { password: TEST_PASSWORD })).toMatchObject(TOO_MANY);
    backend.clock.advance(1_500);
    await must(backend, 'session.unlock', { password: TEST_PASSWORD });
    backend.close();
  });
});

describe('re-authentication before an administrative act', () => {
  it('is throttled, and its wrong passwords are audited at once', async () => {
    const backend = await readyBackend();
    const act = (yourPassword: string) =>
      backend.invoke('clinicians.create', {
        clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
        password: 'blue kettle on the hill',
        yourPassword,
      });
    for (let i = 0; i < 3; i++)
      expect(await act(`wrong guess ${i}`)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const blocked = await act(TEST_PASSWORD);
    expect(blocked).toMatchObject(TOO_MANY);
    expect(blocked).toMatchObject({
      error: { fields: { yourPassword: expect.stringContaining('wait 1 second') as string } },
    });
    // Restarting does not clear it (the clinician signs in again, after the wait).
    backend.close();
    const restarted = openTestBackend({ dataDir: backend.dataDir });
    restarted.clock.advance(1_500);
    await must(restarted, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    expect(await actions(restarted.dataDir, 'reauthentication_failed')).toHaveLength(3);
    restarted.close();
  });
});

describe('the restore dialog’s password', () => {
  it('is throttled on a new computer, across a restart, and its wrong passwords reach the restored trail', async () => {
    const clinic = await readyBackend();
    const made = await must(clinic, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    clinic.close();
    const carried = path.join(tempDir(), 'usb-stick', made.name);
    fs.mkdirSync(path.dirname(carried));
    fs.copyFileSync(made.file, carried);

    const fresh = openTestBackend();
    const source = { kind: 'file' as const, path: carried };
    for (let i = 0; i < 3; i++) {
      expect(
        await fresh.invoke('restore.prepare', { source, clinicianId: 1, password: `wrong guess ${i}` }),
      ).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated', message: expect.stringContaining('not Priya Shah’s password') as string },
      });
    }
    expect(await fresh.invoke('restore.prepare', { source, clinicianId: 1, password: TEST_PASSWORD })).toMatchObject(
      TOO_MANY,
    );
    fresh.close();
    const restarted = openTestBackend({ dataDir: fresh.dataDir });
    expect(
      await restarted.invoke('restore.prepare', { source, clinicianId: 1, password: TEST_PASSWORD }),
    ).toMatchObject(TOO_MANY);
    restarted.clock.advance(1_500);
    const preview = await must(restarted, 'restore.prepare', { source, clinicianId: 1, password: TEST_PASSWORD });
    await must(restarted, 'restore.confirm', { restoreId: preview.restoreId });
    expect(await actions(restarted.dataDir, 'restore_password_failed')).toHaveLength(3);
    restarted.close();
  });
});

describe('a damaged or hostile count file', () => {
  it('costs one ceiling wait, said in the audit trail, rather than a lock-out for ever or a silent reset', async () => {
    const backend = await readyBackend();
    await must(backend, 'session.signOut', {});
    backend.close();
    fs.writeFileSync(path.join(backend.dataDir, THROTTLE_FILE), '{"format": "stride-sign-in-attem');
    const restarted = openTestBackend({ dataDir: backend.dataDir });
    expect(await restarted.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject(
      TOO_MANY,
    );
    restarted.clock.advance(MAX_WAIT_MS);
    await must(restarted, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const said = await actions(restarted.dataDir, 'sign_in_failed');
    expect(said.map((r) => r.summary)).toEqual([
      expect.stringContaining('record of wrong passwords was damaged') as string,
    ]);
    restarted.close();
  });

  it('that stays unreadable (a folder in its place) still costs one ceiling wait, not one at every prompt', async () => {
    const backend = await readyBackend();
    await must(backend, 'session.signOut', {});
    backend.close();
    fs.mkdirSync(path.join(backend.dataDir, THROTTLE_FILE));
    const restarted = openTestBackend({ dataDir: backend.dataDir });
    expect(await restarted.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject(
      TOO_MANY,
    );
    restarted.clock.advance(MAX_WAIT_MS / 2);
    expect(await restarted.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject(
      TOO_MANY,
    );
    restarted.clock.advance(MAX_WAIT_MS / 2);
    await must(restarted, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    restarted.close();
  });

  it('takes failures dated in the future (a hostile file) as now: at most one ceiling wait', async () => {
    const backend = await readyBackend();
    await must(backend, 'session.signOut', {});
    backend.close();
    fs.writeFileSync(
      path.join(backend.dataDir, THROTTLE_FILE),
      JSON.stringify({
        format: 'stride-sign-in-attempts',
        version: 1,
        counters: { 'clinician-1': { failures: 1_000_000, lastFailureAt: '9999-12-31T00:00:00.000Z' } },
        unaudited: [],
        dropped: 0,
      }),
    );
    const restarted = openTestBackend({ dataDir: backend.dataDir });
    expect(await restarted.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD })).toMatchObject(
      TOO_MANY,
    );
    restarted.clock.advance(MAX_WAIT_MS);
    await must(restarted, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    restarted.close();
  });
});
