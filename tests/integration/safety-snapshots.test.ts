/**
 * Safety snapshots (before a restore, before an update of the records) hold records that may be
 * nowhere else: they are kept at least 30 days and the newest is never pruned, whatever "keep the
 * last N" says; deleting one by hand is an administrator's act, written into the audit trail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { must, patientInput, readyBackend, removeTempDirs, TEST_PASSWORD } from '../helpers/backend';
import { clinicKey } from '../helpers/db';
import { recordsInBackup } from '../helpers/records';

afterEach(removeTempDirs);

const DAY = 24 * 3_600_000;

type Ready = Awaited<ReturnType<typeof readyBackend>>;

async function restoreFrom(backend: Ready, name: string) {
  const preview = await must(backend, 'restore.prepare', {
    source: { kind: 'snapshot', name },
    clinicianId: 1,
    password: TEST_PASSWORD,
  });
  await must(backend, 'restore.confirm', { restoreId: preview.restoreId });
}

async function signInAgain(backend: Ready, clinicianId = 1, password = TEST_PASSWORD) {
  await must(backend, 'session.signOut', {});
  await must(backend, 'session.signIn', { clinicianId, password });
  await backend.settled();
}

function safetySnapshots(backend: Ready): string[] {
  return fs
    .readdirSync(path.join(backend.dataDir, 'backups'))
    .filter((n) => n.endsWith('before-restore.stridebackup'))
    .sort();
}

describe('safety snapshots', () => {
  it('the snapshot before a restore survives "keep 1" and later daily snapshots, with the records it replaced', async () => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput({ recordNumber: 'RR-1' }));
    await must(backend, 'backups.setKeep', { keep: 1 });
    const source = await must(backend, 'backups.create', {});
    if (!source.saved) throw new Error('not saved');
    await must(
      backend,
      'patients.create',
      patientInput({ givenName: 'Only', familyName: 'Here', recordNumber: 'RR-2' }),
    );
    await restoreFrom(backend, source.name);
    const [kept] = safetySnapshots(backend);
    expect(kept).toBeDefined();

    // Daily snapshots on the following days, and one more than 30 days later: with keep = 1 the
    // old code erased the safety snapshot at the first of them.
    for (const days of [1, 1, 31]) {
      backend.clock.advance(days * DAY);
      await signInAgain(backend);
    }
    const list = await must(backend, 'backups.list', {});
    expect(list.backups.filter((b) => b.facts?.kind === 'daily')).toHaveLength(1);
    expect(safetySnapshots(backend)).toEqual([kept]);
    const inside = recordsInBackup(path.join(list.folder, kept!), await clinicKey(backend.dataDir));
    expect(inside.prepare("SELECT count(*) FROM patients WHERE record_number = 'RR-2'").pluck().get()).toBe(1);
    inside.close();

    // A newer safety snapshot: the one over 30 days old may go now, the newest stays.
    await restoreFrom(backend, source.name);
    const now = safetySnapshots(backend);
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(kept);
    backend.close();
  });

  it('is kept for 30 days even when several restores follow one another', async () => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput({ recordNumber: 'RR-1' }));
    await must(backend, 'backups.setKeep', { keep: 1 });
    const source = await must(backend, 'backups.create', {});
    if (!source.saved) throw new Error('not saved');
    for (let i = 0; i < 3; i++) {
      backend.clock.advance(DAY);
      await signInAgain(backend); // and a daily snapshot, keep = 1
      await restoreFrom(backend, source.name);
    }
    expect(safetySnapshots(backend)).toHaveLength(3);
    backend.close();
  });

  it('deleting one is refused to a clinician who is not an administrator, and audited for one who is', async () => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput({ recordNumber: 'RR-1' }));
    const source = await must(backend, 'backups.create', {});
    if (!source.saved) throw new Error('not saved');
    await restoreFrom(backend, source.name);
    const [snapshot] = safetySnapshots(backend);
    const colleague = { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' };
    const colleaguePassword = 'blue kettle on the hill top';
    const created = await must(backend, 'clinicians.create', {
      clinician: colleague,
      password: colleaguePassword,
      yourPassword: TEST_PASSWORD,
    });

    await signInAgain(backend, created.id, colleaguePassword);
    const refused = await backend.invoke('backups.delete', { name: snapshot!, yourPassword: colleaguePassword });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.ok ? '' : refused.error.message).toContain('Only an administrator can delete a safety snapshot');
    expect(safetySnapshots(backend)).toEqual([snapshot]);

    await signInAgain(backend);
    // A daily snapshot or a clinician's backup is not a safety snapshot.
    const notSafety = await backend.invoke('backups.delete', { name: source.name, yourPassword: TEST_PASSWORD });
    expect(notSafety).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    // The administrator's own password again: a wrong one deletes nothing.
    const wrong = await backend.invoke('backups.delete', { name: snapshot!, yourPassword: 'not my password at all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(safetySnapshots(backend)).toEqual([snapshot]);
    expect(await must(backend, 'backups.delete', { name: snapshot!, yourPassword: TEST_PASSWORD })).toEqual({
      name: snapshot,
    });
    expect(safetySnapshots(backend)).toEqual([]);

    const db = openDatabase(path.join(backend.dataDir, 'clinic.sqlite'), {
      create: false,
      readonly: true,
      key: await clinicKey(backend.dataDir),
    });
    const entries = db
      .prepare("SELECT clinician_id AS clinicianId, summary FROM audit_log WHERE action = 'snapshot_delete'")
      .all() as { clinicianId: number; summary: string }[];
    db.close();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.clinicianId).toBe(1);
    expect(entries[0]!.summary).toContain(`Deleted the snapshot taken before a restore ${snapshot}`);
    backend.close();
  });
});
