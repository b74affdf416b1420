/**
 * Restoring a backup through the session (main/backend/session/restore-flow.ts and
 * restore-commit.ts): who may restore when, the preview's warnings, a throttled and audited
 * backup password, and the confirmed restore that keeps a snapshot of what it replaces. A real
 * session, real snapshot files, on a real data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsFolder, listBackups } from '../../main/backup/snapshots';
import { createPatient } from '../../main/records/patients';
import { patientInput, TEST_PASSWORD } from '../helpers/backend';
import { auditOf, closeTestSessions, openTestSession, setUpSession } from '../helpers/session';

afterEach(closeTestSessions);

const quiet = () => {};

/** A clinic with today's snapshot (one patient), then a second patient recorded after it. */
async function clinicWithSnapshot() {
  const t = await setUpSession();
  createPatient(t.session.requireClinic().store.db, t.clock, 1, patientInput());
  t.session.signOut();
  await t.session.signIn(1, TEST_PASSWORD);
  await t.session.settled();
  const [snapshot] = listBackups(t.dataDir);
  if (!snapshot) throw new Error('no daily snapshot was made');
  createPatient(t.session.requireClinic().store.db, t.clock, 1, patientInput({ recordNumber: 'RR-0002' }));
  return { ...t, file: path.join(backupsFolder(t.dataDir), snapshot.name) };
}

describe('restoring a backup', () => {
  it('is refused in the demo clinic and while signed out, and the backup list says why', async () => {
    const demo = openTestSession({ startInDemo: true });
    expect(demo.session.backupList().restore).toEqual({
      allowed: false,
      reason: 'The demo clinic cannot be restored: leave the demo first.',
    });
    const { session } = await setUpSession();
    session.signOut();
    expect(session.backupList().restore.allowed).toBe(false);
    await expect(session.prepareRestore('/nowhere.stridebackup', 1, TEST_PASSWORD, quiet)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('previews what would change, replacing nothing until confirmed', async () => {
    const { session, file } = await clinicWithSnapshot();
    const preview = await session.prepareRestore(file, 1, TEST_PASSWORD, quiet);
    expect(preview.backup.patients).toBe(1);
    expect(preview.current?.patients).toBe(2);
    expect(preview.warnings).toContain('The backup holds 1 fewer patient than the current records.');
    expect(preview.warnings.at(-1)).toMatch(/^After the restore, the passwords are the ones that were valid/);
    session.cancelRestore(preview.restoreId);
    await expect(session.confirmRestore(preview.restoreId, quiet)).rejects.toMatchObject({ code: 'not_found' });
    expect(session.requireClinic().store.db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 2 });
  });

  it('refuses a wrong backup password and audits it', async () => {
    const { session, file, dataDir } = await clinicWithSnapshot();
    await expect(session.prepareRestore(file, 1, 'not the password', quiet)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect((await auditOf(dataDir, 'restore_password_failed')).length).toBe(1);
  });

  it('replaces the records once confirmed, keeping a snapshot of them first, and says so', async () => {
    const { session, file, dataDir } = await clinicWithSnapshot();
    const preview = await session.prepareRestore(file, 1, TEST_PASSWORD, quiet);
    const steps: string[] = [];
    const status = await session.confirmRestore(preview.restoreId, (p) => steps.push(p.label));
    expect(status).toMatchObject({ state: 'ready', clinician: { id: 1 } });
    expect(steps).toContain('Replacing the records');
    expect(session.requireClinic().store.db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 });
    const kept = listBackups(dataDir).filter((b) => b.facts?.kind === 'before_restore');
    expect(kept.length).toBe(1);
    const summaries = (await auditOf(dataDir, 'restore_backup')).map((e) => e.summary);
    expect(summaries.at(-1)).toContain(`what was there before is kept in the snapshot ${kept[0]?.name}`);
    expect(fs.readdirSync(dataDir).filter((n) => n.endsWith('.restore'))).toEqual([]);
  });
});
