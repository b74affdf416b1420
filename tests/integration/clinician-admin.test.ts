/**
 * Clinician administration: roles (owner, administrator, clinician), the acting clinician's
 * password asked again for every administrative act, the last administrator kept, deactivation
 * (key slot removed, signed out, kept in the records), each act in the audit trail. Migration 11
 * on real rows. All through the backend as the app calls it, on real files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newDatabaseKey } from '../../main/security/crypto';
import { KEY_FILE, newKeyFile, passwordWrap, withPasswordWrap } from '../../main/security/key-file';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration0011 } from '../../main/db/migrations/0011-clinician-roles';
import type { Backend } from '../../main/backend/backend';
import { must, openTestBackend, readyBackend, removeTempDirs, TEST_KDF, TEST_PASSWORD } from '../helpers/backend';
import { databaseAt, openClinicDb } from '../helpers/db';

afterEach(removeTempDirs);

const TOMAS = { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' };
const TOMAS_PASSWORD = 'blue kettle on the hill';
const ANA = { name: 'Ana Lima', profession: 'Sports therapist', registrationNumber: '' };
const ANA_PASSWORD = 'orange lantern by the quay';

/** Priya (owner, signed in), Tomás and Ana (clinicians). */
async function clinic() {
  const backend = await readyBackend();
  const tomas = await must(backend, 'clinicians.create', {
    clinician: TOMAS,
    password: TOMAS_PASSWORD,
    yourPassword: TEST_PASSWORD,
  });
  const ana = await must(backend, 'clinicians.create', {
    clinician: ANA,
    password: ANA_PASSWORD,
    yourPassword: TEST_PASSWORD,
  });
  return { backend, tomas, ana };
}

async function signInAs(backend: Backend, clinicianId: number, password: string) {
  await must(backend, 'session.signOut', {});
  await must(backend, 'session.signIn', { clinicianId, password });
}

async function auditRows(dataDir: string) {
  const db = await openClinicDb(dataDir, { readonly: true });
  const rows = db
    .prepare(
      "SELECT clinician_id AS by, action, entity_id AS target, summary FROM audit_log WHERE entity = 'clinician' ORDER BY id",
    )
    .all() as { by: number; action: string; target: number; summary: string }[];
  db.close();
  return rows;
}

describe('migration 11 (clinician roles) on real rows', () => {
  it('makes the first clinician the owner, everyone else a clinician, and keeps inactive ones', () => {
    const db = databaseAt(migration0011.version - 1);
    const add = db.prepare(
      'INSERT INTO clinicians (id, name, profession, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    add.run(3, 'Ana Lima', 'Sports therapist', 1, 'x', 'x');
    add.run(2, 'Tomás Herrera', 'Physiotherapist', 0, 'x', 'x');
    add.run(5, 'Ben Okafor', 'Physiotherapist', 1, 'x', 'x');
    migrate(db, MIGRATIONS, { target: migration0011.version });
    expect(db.prepare('SELECT id, name, role, active FROM clinicians ORDER BY id').all()).toEqual([
      { id: 2, name: 'Tomás Herrera', role: 'owner', active: 0 },
      { id: 3, name: 'Ana Lima', role: 'clinician', active: 1 },
      { id: 5, name: 'Ben Okafor', role: 'clinician', active: 1 },
    ]);
    // One owner at most; only the three roles.
    expect(() => db.prepare("UPDATE clinicians SET role = 'owner' WHERE id = 3").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE clinicians SET role = 'superuser' WHERE id = 3").run()).toThrow(/CHECK/);
    db.close();
  });

  it('leaves a clinic with no clinicians yet as it was', () => {
    const db = databaseAt(migration0011.version - 1);
    migrate(db, MIGRATIONS, { target: migration0011.version });
    expect(db.prepare('SELECT count(*) FROM clinicians').pluck().get()).toBe(0);
    db.close();
  });
});

describe('roles', () => {
  it('makes the clinician who sets up the clinic its owner, and colleagues clinicians', async () => {
    const { backend } = await clinic();
    const list = await must(backend, 'clinicians.list', {});
    expect(list.map((c) => [c.name, c.role])).toEqual([
      ['Ana Lima', 'clinician'],
      ['Priya Shah', 'owner'],
      ['Tomás Herrera', 'clinician'],
    ]);
    backend.close();
  });

  it('does not let a clinician reset another clinician’s password, add or deactivate anyone', async () => {
    const { backend, tomas, ana } = await clinic();
    await signInAs(backend, tomas.id, TOMAS_PASSWORD);
    const reset = await backend.invoke('clinicians.setPassword', {
      clinicianId: ana.id,
      password: 'a stolen ladder in the rain',
      yourPassword: TOMAS_PASSWORD,
    });
    expect(reset).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('administrator') as string },
    });
    expect(
      await backend.invoke('clinicians.create', {
        clinician: { ...ANA, name: 'Eve Mallory' },
        password: 'quiet lantern under snow',
        yourPassword: TOMAS_PASSWORD,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await backend.invoke('clinicians.setActive', {
        clinicianId: ana.id,
        active: false,
        yourPassword: TOMAS_PASSWORD,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await backend.invoke('clinicians.setRole', {
        clinicianId: tomas.id,
        role: 'administrator',
        yourPassword: TOMAS_PASSWORD,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Ana's own password still opens the records; nothing was added.
    await signInAs(backend, ana.id, ANA_PASSWORD);
    expect((await must(backend, 'clinicians.list', {})).map((c) => c.name)).not.toContain('Eve Mallory');
    // A clinician still changes their own password.
    await must(backend, 'session.changePassword', {
      currentPassword: ANA_PASSWORD,
      newPassword: 'pale heron over the weir',
    });
    await signInAs(backend, ana.id, 'pale heron over the weir');
    backend.close();
  });

  it('lets an administrator reset a password with their own right password only', async () => {
    const { backend, tomas, ana } = await clinic();
    await must(backend, 'clinicians.setRole', {
      clinicianId: tomas.id,
      role: 'administrator',
      yourPassword: TEST_PASSWORD,
    });
    await signInAs(backend, tomas.id, TOMAS_PASSWORD);
    const wrong = await backend.invoke('clinicians.setPassword', {
      clinicianId: ana.id,
      password: 'a fresh ladder in the rain',
      yourPassword: 'not my password at all',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: {
        code: 'unauthenticated',
        fields: { yourPassword: expect.stringContaining('not your password') as string },
      },
    });
    // The wrong confirmation changed nothing: Ana's old password still works.
    await signInAs(backend, ana.id, ANA_PASSWORD);
    await signInAs(backend, tomas.id, TOMAS_PASSWORD);
    await must(backend, 'clinicians.setPassword', {
      clinicianId: ana.id,
      password: 'a fresh ladder in the rain',
      yourPassword: TOMAS_PASSWORD,
    });
    await must(backend, 'session.signOut', {});
    expect(await backend.invoke('session.signIn', { clinicianId: ana.id, password: ANA_PASSWORD })).toMatchObject({
      ok: false,
    });
    await must(backend, 'session.signIn', { clinicianId: ana.id, password: 'a fresh ladder in the rain' });
    // An administrator cannot reset the owner's password, nor their own this way.
    await signInAs(backend, tomas.id, TOMAS_PASSWORD);
    expect(
      await backend.invoke('clinicians.setPassword', {
        clinicianId: 1,
        password: 'a fresh ladder in the rain',
        yourPassword: TOMAS_PASSWORD,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('owner') as string },
    });
    expect(
      await backend.invoke('clinicians.setPassword', {
        clinicianId: tomas.id,
        password: 'a fresh ladder in the rain',
        yourPassword: TOMAS_PASSWORD,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Change my password') as string },
    });
    backend.close();
  });

  it('asks for the acting clinician’s password for every administrative act', async () => {
    const { backend, tomas } = await clinic();
    const acts = [
      backend.invoke('clinicians.create', {
        clinician: { ...ANA, name: 'Ben Okafor' },
        password: 'quiet lantern under snow',
        yourPassword: 'wrong guess here',
      }),
      backend.invoke('clinicians.setRole', {
        clinicianId: tomas.id,
        role: 'administrator',
        yourPassword: 'wrong guess here',
      }),
    ];
    for (const r of await Promise.all(acts)) expect(r).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(
      await backend.invoke('clinicians.setActive', {
        clinicianId: tomas.id,
        active: false,
        yourPassword: 'wrong guess here',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    // Someone else's details need it too; one's own do not.
    expect(
      await backend.invoke('clinicians.update', { id: tomas.id, changes: { ...TOMAS, registrationNumber: 'HCPC-9' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fields: { yourPassword: expect.any(String) as string } },
    });
    await must(backend, 'clinicians.update', {
      id: 1,
      changes: { name: 'Priya Shah', profession: 'Physiotherapist', registrationNumber: 'PH999' },
    });
    const list = await must(backend, 'clinicians.list', {});
    expect(list.map((c) => [c.name, c.role, c.active])).toEqual([
      ['Ana Lima', 'clinician', true],
      ['Priya Shah', 'owner', true],
      ['Tomás Herrera', 'clinician', true],
    ]);
    backend.close();
  });
});

describe('the last administrator', () => {
  it('cannot be demoted, and the owner keeps administrator', async () => {
    const { backend, tomas } = await clinic();
    await must(backend, 'clinicians.setRole', {
      clinicianId: tomas.id,
      role: 'administrator',
      yourPassword: TEST_PASSWORD,
    });
    expect(
      await backend.invoke('clinicians.setRole', { clinicianId: 1, role: 'clinician', yourPassword: TEST_PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('owner') as string },
    });
    // Tomás demotes himself while the owner remains: allowed.
    await signInAs(backend, tomas.id, TOMAS_PASSWORD);
    const demoted = await must(backend, 'clinicians.setRole', {
      clinicianId: tomas.id,
      role: 'clinician',
      yourPassword: TOMAS_PASSWORD,
    });
    expect(demoted.role).toBe('clinician');
    backend.close();
  });

  it('is never removed: the only administrator (not the owner) left after the owner is gone', async () => {
    // A clinic migrated from before roles where the owner is no longer active: Tomás, made
    // administrator, is the last active one.
    const { backend, tomas } = await clinic();
    await must(backend, 'clinicians.setRole', {
      clinicianId: tomas.id,
      role: 'administrator',
      yourPassword: TEST_PASSWORD,
    });
    await must(backend, 'session.signOut', {});
    const db = await openClinicDb(backend.dataDir);
    db.prepare('UPDATE clinicians SET active = 0 WHERE id = 1').run();
    db.close();
    await must(backend, 'session.signIn', { clinicianId: tomas.id, password: TOMAS_PASSWORD });
    const r = await backend.invoke('clinicians.setRole', {
      clinicianId: tomas.id,
      role: 'clinician',
      yourPassword: TOMAS_PASSWORD,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'You are the last administrator: make someone else administrator first.' },
    });
    expect((await must(backend, 'clinicians.list', {})).find((c) => c.id === tomas.id)?.role).toBe('administrator');
    backend.close();
  });
});

describe('deactivating a clinician', () => {
  it('removes their key slot and their name from the sign-in list, and keeps them in the records', async () => {
    const { backend, tomas } = await clinic();
    const deactivated = await must(backend, 'clinicians.setActive', {
      clinicianId: tomas.id,
      active: false,
      yourPassword: TEST_PASSWORD,
    });
    expect(deactivated).toMatchObject({ active: false, hasPassword: false, name: 'Tomás Herrera' });
    await must(backend, 'session.signOut', {});
    const status = await must(backend, 'app.status', {});
    expect(status.signInChoices.map((c) => c.name).sort()).toEqual(['Ana Lima', 'Priya Shah']);
    expect(await backend.invoke('session.signIn', { clinicianId: tomas.id, password: TOMAS_PASSWORD })).toMatchObject({
      ok: false,
    });
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    // Still listed (their notes and audit entries keep their name), marked inactive.
    expect((await must(backend, 'clinicians.list', {})).find((c) => c.id === tomas.id)).toMatchObject({
      active: false,
    });
    // Reactivated, they need a new password before they can sign in.
    const back = await must(backend, 'clinicians.setActive', {
      clinicianId: tomas.id,
      active: true,
      yourPassword: TEST_PASSWORD,
    });
    expect(back).toMatchObject({ active: true, hasPassword: false });
    await must(backend, 'clinicians.setPassword', {
      clinicianId: tomas.id,
      password: 'a second kettle on the hill',
      yourPassword: TEST_PASSWORD,
    });
    await signInAs(backend, tomas.id, 'a second kettle on the hill');
    backend.close();
  });

  it('signs them out of a window open on the same records', async () => {
    const { backend, tomas } = await clinic();
    const theirs = openTestBackend({ dataDir: backend.dataDir });
    await must(theirs, 'session.signIn', { clinicianId: tomas.id, password: TOMAS_PASSWORD });
    await must(theirs, 'patients.search', { query: '', includeArchived: false, offset: 0, limit: 10 });
    await must(backend, 'clinicians.setActive', { clinicianId: tomas.id, active: false, yourPassword: TEST_PASSWORD });
    const next = await theirs.invoke('clinicians.list', {});
    expect(next).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: expect.stringContaining('deactivated') as string },
    });
    expect((await must(theirs, 'app.status', {})).state).toBe('signed_out');
    theirs.close();
    backend.close();
  });
});

describe('the audit trail', () => {
  it('records each administrative act, who did it and to whom, and each wrong confirmation', async () => {
    const { backend, tomas, ana } = await clinic();
    await must(backend, 'clinicians.setRole', {
      clinicianId: tomas.id,
      role: 'administrator',
      yourPassword: TEST_PASSWORD,
    });
    await must(backend, 'clinicians.setPassword', {
      clinicianId: ana.id,
      password: 'a fresh ladder in the rain',
      yourPassword: TEST_PASSWORD,
    });
    await backend.invoke('clinicians.setActive', {
      clinicianId: ana.id,
      active: false,
      yourPassword: 'wrong guess here',
    });
    await must(backend, 'clinicians.setActive', { clinicianId: ana.id, active: false, yourPassword: TEST_PASSWORD });
    await must(backend, 'clinicians.setRole', {
      clinicianId: tomas.id,
      role: 'clinician',
      yourPassword: TEST_PASSWORD,
    });
    const rows = await auditRows(backend.dataDir);
    expect(rows.map((r) => [r.by, r.action, r.target])).toEqual([
      [1, 'create', 1],
      [1, 'create', tomas.id],
      [1, 'password_set', tomas.id],
      [1, 'create', ana.id],
      [1, 'password_set', ana.id],
      [1, 'role_change', tomas.id],
      [1, 'password_set', ana.id],
      [1, 'deactivate', ana.id],
      [1, 'role_change', tomas.id],
    ]);
    expect(rows[5]!.summary).toBe('Priya Shah made Tomás Herrera an administrator');
    expect(rows[7]!.summary).toContain('deactivated Ana Lima');
    const db = await openClinicDb(backend.dataDir, { readonly: true });
    const failed = db
      .prepare("SELECT clinician_id AS by, summary FROM audit_log WHERE action = 'reauthentication_failed'")
      .all();
    db.close();
    expect(failed).toEqual([
      {
        by: 1,
        summary: expect.stringContaining('Wrong password for Priya Shah (confirming an administrative act)') as string,
      },
    ]);
    backend.close();
  });
});

describe('what an administrator’s password protects', () => {
  it('is not confirmed by a key file copied over the real one while the records are open', async () => {
    const { backend, tomas } = await clinic();
    const file = path.join(backend.dataDir, KEY_FILE);
    const real = fs.readFileSync(file);
    // Someone at the administrator's unlocked screen puts in a key file of their own making,
    // whose clinician 1 has a password they know.
    const theirs = 'a password only the intruder knows';
    const foreignKey = newDatabaseKey();
    const foreign = withPasswordWrap(
      newKeyFile('Stride Clinic', foreignKey),
      await passwordWrap(foreignKey, { id: 1, name: 'Priya Shah' }, theirs, new Date(), TEST_KDF),
    );
    fs.writeFileSync(file, `${JSON.stringify(foreign, null, 2)}\n`);
    const refused = await backend.invoke('clinicians.setRole', {
      clinicianId: tomas.id,
      role: 'administrator',
      yourPassword: theirs,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok ? '' : refused.error.message).toContain('not the one for these records');
    fs.writeFileSync(file, real);
    const list = await must(backend, 'clinicians.list', {});
    expect(list.find((c) => c.id === tomas.id)?.role).toBe('clinician');
    backend.close();
  });

  it('is needed to restore a backup over the current records: a clinician cannot roll back roles and slots', async () => {
    const { backend, tomas } = await clinic();
    const backup = await must(backend, 'backups.create', {});
    if (!backup.saved) throw new Error('not saved');
    await signInAs(backend, tomas.id, TOMAS_PASSWORD);
    const refused = await backend.invoke('restore.prepare', {
      source: { kind: 'snapshot', name: backup.name },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.ok ? '' : refused.error.message).toContain('Only an administrator can restore a backup');
    await signInAs(backend, 1, TEST_PASSWORD);
    const preview = await must(backend, 'restore.prepare', {
      source: { kind: 'snapshot', name: backup.name },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    expect(preview.restoreId).toBeTruthy();
    backend.close();
  });
});
