/** Backups and restores on real, encrypted files: made while the app is in use, checked, restorable on their own. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { BACKUP_MAGIC, openBackup, runSync, writeBackupSteps } from '../../main/backup/container';
import { finishInterruptedRestore } from '../../main/backup/restore';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration0008 as recordsMigration } from '../../main/db/migrations/0008-records-safety';
import { openDatabase } from '../../main/db/open';
import { createPatient } from '../../main/records/patients';
import {
  KEY_FILE,
  newKeyFile,
  passwordWrap,
  readKeyFile,
  withPasswordWrap,
  writeKeyFile,
} from '../../main/security/key-file';
import { newDatabaseKey } from '../../main/security/crypto';
import { fixedClock } from '../../main/util/clock';
import type { Backend } from '../../main/backend/backend';
import {
  CLINIC_SETUP,
  must,
  openTestBackend,
  patientInput,
  readyBackend,
  removeTempDirs,
  TEST_PASSWORD,
  TEST_KDF,
  TEST_TODAY,
  tempDir,
} from '../helpers/backend';
import { buildWriter, parseWriterOutput, startWriter } from '../helpers/build-writer';
import { clinicKey, rawConnection } from '../helpers/db';
import { backupFiles, dumpTables, fakeDesktop, recordsInBackup } from '../helpers/records';

afterEach(removeTempDirs);

type Ready = Awaited<ReturnType<typeof readyBackend>>;

async function clinicWithRecords(options: Parameters<typeof readyBackend>[0] = {}): Promise<Ready> {
  const backend = await readyBackend(options);
  const zoe = await must(backend, 'patients.create', patientInput({ notes: 'Left Achilles, 3 weeks.' }));
  const an = await must(
    backend,
    'patients.create',
    patientInput({ givenName: 'An', familyName: 'Nguyễn Văn', recordNumber: 'RR-0002', email: '' }),
  );
  await must(backend, 'patients.update', {
    id: an.id,
    expectedVersion: 1,
    changes: patientInput({ givenName: 'An', familyName: 'Nguyễn Văn', recordNumber: 'RR-0002', phone: '+44 1' }),
  });
  await must(backend, 'episodes.create', {
    patientId: zoe.id,
    diagnosis: 'achilles_tendinopathy',
    diagnosisDetail: '',
    side: 'left',
    onsetDate: '2026-11-01',
  });
  await must(backend, 'clinicians.create', {
    clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
    password: 'blue kettle on the hill',
    yourPassword: TEST_PASSWORD,
  });
  return backend;
}

function liveFile(backend: Backend): string {
  return path.join(backend.dataDir, 'clinic.sqlite');
}

async function liveDump(backend: Backend, options: { except?: string[] } = {}) {
  const db = openDatabase(liveFile(backend), { create: false, readonly: true, key: await clinicKey(backend.dataDir) });
  try {
    return dumpTables(db, options);
  } finally {
    db.close();
  }
}

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('backing up', () => {
  it('writes one checked, encrypted backup file carrying its key file (browser preview: into the data folder)', async () => {
    const backend = await clinicWithRecords();
    const r = await must(backend, 'backups.create', { progressId: 'test-backup-1' });
    expect(r.saved).toBe(true);
    if (!r.saved) return;
    expect(r.inDataFolder).toBe(true);
    expect(r.patients).toBe(2);
    expect(path.dirname(r.file)).toBe(path.join(backend.dataDir, 'backups'));
    const bytes = fs.readFileSync(r.file);
    expect(bytes.subarray(0, 16).equals(BACKUP_MAGIC)).toBe(true);
    for (const secret of ['Łukasiewicz', 'Nguyễn', 'Left Achilles', 'RR-0002']) {
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    }
    const backup = openBackup(r.file);
    expect(backup.header).toMatchObject({ kind: 'manual', schemaVersion: MIGRATIONS.length });
    expect(backup.header.keys).toEqual(readKeyFile(path.join(backend.dataDir, KEY_FILE)));
    // The records inside open with the clinic's key and hold what the clinic held.
    const key = await clinicKey(backend.dataDir);
    const inside = recordsInBackup(r.file, key);
    expect(inside.pragma('integrity_check', { simple: true })).toBe('ok');
    const expected = await liveDump(backend, { except: ['audit_log'] });
    expect(dumpTables(inside, { except: ['audit_log'] })).toEqual(expected);
    inside.close();
    // Recorded, and no scratch files left.
    const db = openDatabase(liveFile(backend), { create: false, readonly: true, key });
    expect(db.prepare("SELECT summary FROM audit_log WHERE action = 'backup'").pluck().all()).toEqual([
      expect.stringContaining('backed up the records (2 patients'),
    ]);
    db.close();
    expect(fs.readdirSync(path.join(backend.dataDir, '.work'))).toEqual([]);
    expect(await must(backend, 'progress.get', { id: 'test-backup-1' })).toBeNull();
    backend.close();
  });

  it('asks where to save on the desktop, and writes nothing when the clinician cancels', async () => {
    const target = path.join(tempDir(), 'Riverside backup.stridebackup');
    let answer: string | null = null;
    const platform = fakeDesktop({ save: () => answer });
    const backend = await clinicWithRecords({ platform });
    expect(await must(backend, 'backups.create', {})).toEqual({ saved: false });
    expect(fs.existsSync(target)).toBe(false);
    answer = target;
    const r = await must(backend, 'backups.create', {});
    expect(r).toMatchObject({ saved: true, file: target, inDataFolder: false });
    expect(openBackup(target).header.kind).toBe('manual');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['Riverside backup.stridebackup']);
    expect(platform.saveTitles).toEqual(['Save a backup of the records', 'Save a backup of the records']);
    backend.close();
  });

  it('never writes over the app’s own files, even when the clinician chooses them', async () => {
    let answer = '';
    const backend = await clinicWithRecords({ platform: fakeDesktop({ save: () => answer }) });
    const records = path.join(backend.dataDir, 'clinic.sqlite');
    const before = sha(records);
    for (const target of [
      records,
      path.join(backend.dataDir, KEY_FILE),
      path.join(backend.dataDir, 'copy.stridebackup'),
    ]) {
      answer = target;
      expect(await backend.invoke('backups.create', {})).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', message: expect.stringContaining('inside the app’s data folder') as string },
      });
      expect(await backend.invoke('export.clinic', { format: 'json' })).toMatchObject({ ok: false });
    }
    expect(sha(records)).toBe(before);
    // Its backups folder is a fine place for a backup.
    answer = path.join(backend.dataDir, 'backups', 'extra.stridebackup');
    expect(await must(backend, 'backups.create', {})).toMatchObject({ saved: true });
    backend.close();
  });

  it('refuses in the demo clinic', async () => {
    const backend = openTestBackend();
    await must(backend, 'app.openDemo', {});
    expect(await backend.invoke('backups.create', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    backend.close();
  });
});

describe('a backup taken while another process keeps writing', () => {
  let writer: Awaited<ReturnType<typeof buildWriter>>;
  beforeAll(async () => {
    writer = await buildWriter();
  }, 120_000);
  afterAll(() => writer?.remove());

  it('is a consistent snapshot holding every write committed before it started', { timeout: 120_000 }, async () => {
    const backend = await clinicWithRecords();
    const key = await clinicKey(backend.dataDir);
    const run = startWriter(writer.script, {
      dataDir: backend.dataDir,
      keyHex: key.toString('hex'),
      tag: 'bk',
      pauseMs: 1,
    });
    await run.loaded;
    run.go();
    await run.ready;
    const checked: { before: number; inBackup: number }[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        // Let the writer commit some transactions, then back up while it goes on.
        await new Promise((resolve) => setTimeout(resolve, 150));
        const committedBefore = parseWriterOutput(run.output());
        const r = await must(backend, 'backups.create', {});
        if (!r.saved) throw new Error('not saved');
        const inside = recordsInBackup(r.file, key);
        try {
          expect(inside.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(inside.pragma('foreign_key_check')).toEqual([]);
          expect(verifyAuditChain(inside).ok).toBe(true);
          const ids = new Set(inside.prepare('SELECT id FROM patients').pluck().all() as number[]);
          const missing = [...committedBefore.patients].filter((id) => !ids.has(id));
          expect(missing).toEqual([]);
          for (const [episode, patient] of committedBefore.episodes) {
            expect(inside.prepare('SELECT patient_id FROM episodes WHERE id = ?').pluck().get(episode)).toBe(patient);
          }
          // One snapshot: every patient in it has its audit entry, and no audit entry lacks its patient.
          const orphans = inside
            .prepare(
              `SELECT count(*) FROM patients p WHERE NOT EXISTS
                 (SELECT 1 FROM audit_log a WHERE a.entity = 'patient' AND a.action = 'create' AND a.entity_id = p.id)`,
            )
            .pluck()
            .get();
          const ghosts = inside
            .prepare(
              `SELECT count(*) FROM audit_log a WHERE a.entity = 'patient' AND a.action = 'create'
                 AND NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = a.entity_id)`,
            )
            .pluck()
            .get();
          expect([orphans, ghosts]).toEqual([0, 0]);
          checked.push({ before: committedBefore.patients.size, inBackup: ids.size });
        } finally {
          inside.close();
        }
      }
    } finally {
      await run.kill('SIGKILL');
    }
    const after = parseWriterOutput(run.output());
    // The writer really was writing during the backups.
    expect(after.patients.size).toBeGreaterThan(checked[0]!.before);
    expect(checked.map((c) => c.inBackup)).toEqual([...checked.map((c) => c.inBackup)].sort((a, b) => a - b));
    backend.close();
  });
});

async function restoreFrom(
  backend: Backend,
  source: { kind: 'snapshot'; name: string } | { kind: 'file'; path: string },
) {
  const preview = await must(backend, 'restore.prepare', {
    source,
    clinicianId: 1,
    password: TEST_PASSWORD,
    progressId: 'restore-prepare-1',
  });
  const status = await must(backend, 'restore.confirm', {
    restoreId: preview.restoreId,
    progressId: 'restore-confirm-1',
  });
  return { preview, status };
}

describe('restoring', () => {
  it('brings back every row as it was at backup time, keeping a snapshot of what it replaced', async () => {
    const backend = await clinicWithRecords();
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    const atBackup = await liveDump(backend);
    const keysAtBackup = fs.readFileSync(path.join(backend.dataDir, KEY_FILE), 'utf8');
    // Work after the backup: a new patient, an edit, an archive, a new password.
    backend.clock.advance(60_000);
    const late = await must(backend, 'patients.create', patientInput({ givenName: 'Late', recordNumber: 'RR-0099' }));
    await must(backend, 'patients.archive', { id: 1, expectedVersion: 1, archived: true, reason: 'Moved away' });
    await must(backend, 'session.changePassword', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'new passphrase for priya',
    });

    // The backup's own key file unlocks it: the password as it was then.
    const { preview, status } = await restoreFrom(backend, { kind: 'snapshot', name: made.name });
    expect(preview.backup).toMatchObject({ patients: 2, clinicians: 2, episodes: 1 });
    expect(preview.current).toMatchObject({ patients: 3 });
    expect(preview.warnings.join(' ')).toContain('Everything recorded after this backup was made');
    expect(status).toMatchObject({ state: 'ready', clinician: { id: 1, name: 'Priya Shah' } });

    const restored = await liveDump(backend);
    const { audit_log: restoredAudit, ...restoredRest } = restored;
    const { audit_log: backupAudit, ...backupRest } = atBackup;
    expect(restoredRest).toEqual(backupRest);
    // The trail continues from the backup's: its entries unchanged, then the restore itself. (The
    // entry recording the backup was written just after the copy was taken, so it is not in it.)
    const inBackup = backupAudit!.slice(0, -1);
    expect((backupAudit!.at(-1) as { action: string }).action).toBe('backup');
    expect(restoredAudit!.slice(0, inBackup.length)).toEqual(inBackup);
    const added = restoredAudit!.slice(inBackup.length) as { action: string; summary: string }[];
    expect(added.map((a) => a.action)).toEqual(['restore_backup']);
    expect(added[0]!.summary).toContain(`restored the records from the backup ${made.name}`);
    expect(fs.readFileSync(path.join(backend.dataDir, KEY_FILE), 'utf8')).toBe(keysAtBackup);
    expect(await backend.invoke('patients.get', { id: late.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    // What was replaced is kept, complete, in a before-restore snapshot (with its own key file).
    const list = await must(backend, 'backups.list', {});
    const kept = list.backups.find((b) => b.facts?.kind === 'before_restore');
    expect(kept).toBeDefined();
    const keptDb = recordsInBackup(path.join(list.folder, kept!.name), await clinicKey(backend.dataDir));
    expect(keptDb.prepare('SELECT given_name FROM patients ORDER BY id').pluck().all()).toEqual(['Zoë', 'An', 'Late']);
    expect(keptDb.prepare("SELECT count(*) FROM audit_log WHERE action = 'restore_backup'").pluck().get()).toBe(1);
    keptDb.close();
    expect(readKeyFile(path.join(list.folder, '..', KEY_FILE))).toEqual(JSON.parse(keysAtBackup));
    expect(openBackup(path.join(list.folder, kept!.name)).header.keys).not.toEqual(JSON.parse(keysAtBackup));

    // Signing out and in again works with the backup's password, not the later one.
    await must(backend, 'session.signOut', {});
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    expect(fs.readdirSync(backend.dataDir).filter((n) => n.includes('.restore'))).toEqual([]);
    backend.close();
  });

  it('loses nothing written while the snapshot before the restore was being taken', async () => {
    const backend = await clinicWithRecords();
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    const preview = await must(backend, 'restore.prepare', {
      source: { kind: 'snapshot', name: made.name },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    const confirming = backend.invoke('restore.confirm', {
      restoreId: preview.restoreId,
      progressId: 'restore-during',
    });
    // A write arrives after the snapshot's copy was taken (its progress is past the first step).
    const written: string[] = [];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const p = await must(backend, 'progress.get', { id: 'restore-during' });
      if (p && p.step >= 2) break;
    }
    for (let i = 0; i < 2; i++) {
      const r = await backend.invoke(
        'patients.create',
        patientInput({ givenName: `During${i}`, recordNumber: `RR-D${i}` }),
      );
      if (r.ok) written.push(`During${i}`);
    }
    expect((await confirming).ok).toBe(true);
    expect(written).toEqual(['During0', 'During1']);
    const list = await must(backend, 'backups.list', {});
    const kept = list.backups.find((b) => b.facts?.kind === 'before_restore')!;
    const keptDb = recordsInBackup(path.join(list.folder, kept.name), await clinicKey(backend.dataDir));
    const names = keptDb.prepare('SELECT given_name FROM patients ORDER BY id').pluck().all();
    keptDb.close();
    // Every write that was accepted is in the snapshot of the records the restore replaced.
    expect(names).toEqual(['Zoë', 'An', ...written]);
    backend.close();
  });

  it('stops before replacing anything while another program has the records open', async () => {
    const backend = await clinicWithRecords();
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    await must(backend, 'patients.create', patientInput({ givenName: 'Kept', recordNumber: 'RR-KEPT' }));
    const preview = await must(backend, 'restore.prepare', {
      source: { kind: 'snapshot', name: made.name },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    const other = openDatabase(liveFile(backend), {
      create: false,
      readonly: true,
      key: await clinicKey(backend.dataDir),
    });
    other.prepare('SELECT count(*) FROM patients').get();
    const r = await backend.invoke('restore.confirm', { restoreId: preview.restoreId });
    other.close();
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('still open in another window') as string },
    });
    expect((await must(backend, 'app.status', {})).state).toBe('ready');
    expect(
      (await must(backend, 'patients.search', { query: 'kept', includeArchived: false, offset: 0, limit: 5 })).total,
    ).toBe(1);
    expect(fs.readdirSync(backend.dataDir).filter((n) => n.includes('.restore'))).toEqual([]);
    backend.close();
  });

  it('restores a backup on a new computer (an empty data folder), from its file alone', async () => {
    const backend = await clinicWithRecords();
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    const atBackup = await liveDump(backend, { except: ['audit_log'] });
    backend.close();
    const carried = path.join(tempDir(), 'usb-stick', made.name);
    fs.mkdirSync(path.dirname(carried));
    fs.copyFileSync(made.file, carried);

    const fresh = openTestBackend();
    expect((await must(fresh, 'app.status', {})).state).toBe('needs_setup');
    const facts = await must(fresh, 'restore.inspect', { source: { kind: 'file', path: carried } });
    expect(facts).toMatchObject({ clinicName: 'Riverside Running Clinic', kind: 'manual' });
    expect(facts.canUnlock.map((c) => c.name)).toEqual(['Priya Shah', 'Tomás Herrera']);
    const preview = await must(fresh, 'restore.prepare', {
      source: { kind: 'file', path: carried },
      clinicianId: 2,
      password: 'blue kettle on the hill',
    });
    expect(preview.current).toBeNull();
    const status = await must(fresh, 'restore.confirm', { restoreId: preview.restoreId });
    expect(status).toMatchObject({ state: 'ready', clinician: { name: 'Tomás Herrera' } });
    expect(await liveDump(fresh, { except: ['audit_log'] })).toEqual(atBackup);
    expect(fs.existsSync(path.join(fresh.dataDir, 'data-folder.json'))).toBe(true);
    fresh.close();
  });

  it('restores over records that cannot be opened, keeping the damaged files aside', async () => {
    const backend = await clinicWithRecords();
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    backend.close();
    const keys = path.join(backend.dataDir, KEY_FILE);
    fs.rmSync(keys);
    const again = openTestBackend({ dataDir: backend.dataDir });
    expect((await must(again, 'app.status', {})).problem?.title).toBe('The key file is missing');
    const list = await must(again, 'backups.list', {});
    expect(list.restore).toEqual({ allowed: true, reason: null });
    expect(list.backups.map((b) => b.name)).toEqual([made.name]);
    const { status } = await restoreFrom(again, { kind: 'snapshot', name: made.name });
    expect(status.state).toBe('ready');
    const aside = fs.readdirSync(path.join(backend.dataDir, 'backups')).find((n) => n.endsWith('unreadable records'));
    expect(aside).toBeDefined();
    // The audit trail's anchor goes aside with the records it belongs to.
    expect(fs.readdirSync(path.join(backend.dataDir, 'backups', aside!)).sort()).toEqual([
      'audit-anchor.json',
      'clinic.sqlite',
    ]);
    again.close();
  });

  it('is not offered while signed out, nor over records another version wrote', async () => {
    const backend = await clinicWithRecords();
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    await must(backend, 'session.signOut', {});
    expect((await must(backend, 'backups.list', {})).restore.allowed).toBe(false);
    expect(
      await backend.invoke('restore.prepare', {
        source: { kind: 'snapshot', name: made.name },
        clinicianId: 1,
        password: TEST_PASSWORD,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: expect.stringContaining('Sign in first') as string },
    });
    backend.close();
    const raw = rawConnection(liveFile(backend));
    raw.pragma(`key = "x'${(await clinicKey(backend.dataDir)).toString('hex')}'"`);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    const again = openTestBackend({ dataDir: backend.dataDir });
    await again.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const list = await must(again, 'backups.list', {});
    expect(list.restore.allowed).toBe(false);
    expect(list.restore.reason).toContain('Install the latest version');
    again.close();
  });
});

describe('refusing bad backup files, with the reason and without touching the records', () => {
  async function refusal(backend: Ready, file: string, password = TEST_PASSWORD) {
    const before = await liveDump(backend);
    const keysBefore = sha(path.join(backend.dataDir, KEY_FILE));
    const inspected = await backend.invoke('restore.inspect', { source: { kind: 'file', path: file } });
    const prepared = await backend.invoke('restore.prepare', {
      source: { kind: 'file', path: file },
      clinicianId: 1,
      password,
    });
    expect(prepared.ok).toBe(false);
    // Nothing changes but the audit trail's note of a wrong password (throttled and audited).
    const after = await liveDump(backend);
    const kept = (before.audit_log ?? []).length;
    after.audit_log = (after.audit_log ?? []).filter(
      (r, i) => i < kept || (r as { action: string }).action !== 'restore_password_failed',
    );
    expect(after).toEqual(before);
    expect(sha(path.join(backend.dataDir, KEY_FILE))).toBe(keysBefore);
    expect(fs.readdirSync(path.join(backend.dataDir, '.work'))).toEqual([]);
    expect((await must(backend, 'app.status', {})).state).toBe('ready');
    return { inspected, prepared: prepared.ok ? null : prepared.error };
  }

  let backend: Ready;
  let good: string;
  // Kept for the whole group (the temporary folders of single tests go after each test).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-refusals-'));
  beforeAll(async () => {
    backend = await clinicWithRecords({ dataDir });
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    good = made.file;
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function variant(name: string, bytes: Buffer): string {
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, bytes);
    return file;
  }

  it('an empty file', async () => {
    const r = await refusal(backend, variant('empty.stridebackup', Buffer.alloc(0)));
    expect(r.prepared?.message).toBe('This file is empty: it holds no backup. Choose another file.');
  });

  it('a truncated backup', async () => {
    const bytes = fs.readFileSync(good);
    const r = await refusal(backend, variant('cut.stridebackup', bytes.subarray(0, Math.floor(bytes.length * 0.6))));
    expect(r.prepared?.message).toMatch(/^This backup file is incomplete: it ends early \([\d,]+ of [\d,]+ bytes\)/);
  });

  it('random bytes', async () => {
    const r = await refusal(
      backend,
      variant('noise.stridebackup', Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251))),
    );
    expect(r.prepared?.message).toContain('This file is not a Stride Clinic backup.');
  });

  it('another SQLite database, and a bare records file', async () => {
    const other = path.join(tempDir(), 'other.sqlite');
    const db = rawConnection(other);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const r = await refusal(backend, other);
    expect(r.prepared?.message).toContain('This is an SQLite database, not a Stride Clinic backup.');
    // The encrypted records file itself (without its key file) is not a backup either.
    const bare = variant('clinic-copy.sqlite', fs.readFileSync(path.join(backend.dataDir, 'clinic.sqlite')));
    expect((await refusal(backend, bare)).prepared?.message).toContain('This file is not a Stride Clinic backup.');
  });

  it('a backup changed after it was made (one flipped byte)', async () => {
    const bytes = Buffer.from(fs.readFileSync(good));
    const at = bytes.length - 5000;
    bytes[at] = bytes[at]! ^ 0x01;
    const r = await refusal(backend, variant('flipped.stridebackup', bytes));
    expect(r.inspected.ok).toBe(true); // its description still reads; the checksum catches it
    expect(r.prepared?.message).toContain('This backup file is damaged: its contents do not match its checksum');
  });

  it('a backup from a newer version (by its description, and by its records)', async () => {
    const backup = openBackup(good);
    const key = await clinicKey(backend.dataDir);
    // A newer version's backup: the records say schema N+1, and so does the header.
    const records = path.join(tempDir(), 'newer.sqlite');
    const source = openDatabase(path.join(backend.dataDir, 'clinic.sqlite'), { create: false, readonly: true, key });
    source.prepare('VACUUM INTO ?').run(records);
    source.close();
    const raw = rawConnection(records);
    raw.pragma(`key = "x'${key.toString('hex')}'"`);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    const shaOf = createHash('sha256').update(fs.readFileSync(records)).digest('hex');
    const newer = path.join(tempDir(), 'newer.stridebackup');
    const header = { createdAt: TEST_TODAY, kind: 'manual' as const, appVersion: '9.0.0', keys: backup.header.keys };
    runSync(writeBackupSteps(newer, { ...header, schemaVersion: MIGRATIONS.length + 1 }, records, shaOf));
    const byHeader = await refusal(backend, newer);
    expect(byHeader.inspected).toMatchObject({ ok: false });
    expect(byHeader.prepared?.message).toBe(
      `This backup was made by a newer version of Stride Clinic (9.0.0, records version ${MIGRATIONS.length + 1}; this app reads records up to version ${MIGRATIONS.length}). Install the latest version of Stride Clinic, then restore it. Nothing was changed.`,
    );
    // A header that claims the current version does not get the records past the check.
    const disguised = path.join(tempDir(), 'disguised.stridebackup');
    runSync(writeBackupSteps(disguised, { ...header, schemaVersion: MIGRATIONS.length }, records, shaOf));
    expect((await refusal(backend, disguised)).prepared?.message).toContain(
      'written by a newer version of Stride Clinic',
    );
  });

  it('a wrong password (the backup’s own key file decides)', async () => {
    const r = await refusal(backend, good, 'not the password at all');
    expect(r.prepared).toMatchObject({
      code: 'unauthenticated',
      fields: { password: expect.stringContaining('Check Caps Lock') as string },
    });
    const trail = (await liveDump(backend)).audit_log ?? [];
    expect(trail.at(-1)).toMatchObject({ action: 'restore_password_failed', clinician_id: 1 });
  });

  it('a backup with no patients, over records that have some', async () => {
    const empty = await readyBackend();
    const made = await must(empty, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    empty.close();
    const r = await refusal(backend, made.file);
    expect(r.prepared?.message).toBe(
      'This backup holds no patients, while the current records hold 2. Restoring it would replace them all with nothing, so it is refused. Choose another backup. Nothing was changed.',
    );
  });

  it('a backup whose audit trail was edited outside the app', async () => {
    const key = await clinicKey(backend.dataDir);
    const records = path.join(tempDir(), 'tampered.sqlite');
    const source = openDatabase(path.join(backend.dataDir, 'clinic.sqlite'), { create: false, readonly: true, key });
    source.prepare('VACUUM INTO ?').run(records);
    source.close();
    const raw = rawConnection(records);
    raw.pragma(`key = "x'${key.toString('hex')}'"`);
    raw.exec('DROP TRIGGER audit_log_append_only_update');
    raw.prepare("UPDATE audit_log SET summary = 'nothing happened' WHERE id = 3").run();
    raw.close();
    const file = path.join(tempDir(), 'tampered.stridebackup');
    const header = openBackup(good).header;
    const digest = createHash('sha256').update(fs.readFileSync(records)).digest('hex');
    runSync(writeBackupSteps(file, { ...header, kind: 'manual' }, records, digest));
    expect((await refusal(backend, file)).prepared?.message).toContain(
      'audit trail was altered outside the app (entry 3',
    );
  });
});

describe('a backup whose checksums are right but whose records inside are damaged', () => {
  it('is blamed on the backup, with the current records said to be untouched', async () => {
    const backend = await clinicWithRecords();
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    const key = await clinicKey(backend.dataDir);
    const records = path.join(tempDir(), 'damaged.sqlite');
    const source = openDatabase(path.join(backend.dataDir, 'clinic.sqlite'), { create: false, readonly: true, key });
    source.prepare('VACUUM INTO ?').run(records);
    source.close();
    // Damage a page past the first (the file still opens), then seal it with fresh checksums.
    const bytes = fs.readFileSync(records);
    for (let at = 4096 * 2 + 100; at < bytes.length; at += 4096) bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(records, bytes);
    const file = path.join(tempDir(), 'damaged-inside.stridebackup');
    const digest = createHash('sha256').update(bytes).digest('hex');
    runSync(writeBackupSteps(file, { ...openBackup(made.file).header, kind: 'manual' }, records, digest));
    const before = await liveDump(backend);
    const r = await backend.invoke('restore.prepare', {
      source: { kind: 'file', path: file },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.error.message;
    expect(message).toMatch(/^The backup you chose is damaged/);
    expect(message).toContain('Your current records are untouched');
    expect(message).not.toContain('records file is damaged');
    expect(await liveDump(backend)).toEqual(before);
    expect((await must(backend, 'app.status', {})).state).toBe('ready');
    backend.close();
  });
});

describe('automatic snapshots', () => {
  it('are taken at the first sign-in of each day, and pruned to the newest N', async () => {
    const backend = await clinicWithRecords();
    await must(backend, 'backups.setKeep', { keep: 2 });
    const manual = await must(backend, 'backups.create', {});
    if (!manual.saved) throw new Error('not saved');
    const signInAgain = async () => {
      await must(backend, 'session.signOut', {});
      await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
      await backend.settled();
    };
    await signInAgain(); // the manual backup made today counts: no daily snapshot
    expect(backupFiles(backend.dataDir)).toEqual([manual.name]);
    for (let day = 1; day <= 3; day++) {
      backend.clock.advance(24 * 3_600_000);
      await signInAgain();
      await signInAgain(); // a second sign-in the same day adds nothing
    }
    const list = await must(backend, 'backups.list', {});
    expect(list.keep).toBe(2);
    expect(list.backups.map((b) => [b.facts?.kind, b.facts?.createdAt.slice(0, 10)])).toEqual([
      ['daily', '2026-11-30'],
      ['daily', '2026-11-29'],
      ['manual', '2026-11-27'],
    ]);
    const key = await clinicKey(backend.dataDir);
    const newest = recordsInBackup(path.join(list.folder, list.backups[0]!.name), key);
    expect(newest.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(2);
    newest.close();
    const db = openDatabase(liveFile(backend), { create: false, readonly: true, key });
    const summaries = db
      .prepare("SELECT summary FROM audit_log WHERE action = 'snapshot' ORDER BY id")
      .pluck()
      .all() as string[];
    db.close();
    expect(summaries).toHaveLength(3);
    expect(summaries[2]).toContain('removed 1 older snapshot');
    backend.close();
  });

  it('are taken before a migration changes the records, and restore like any backup', async () => {
    // An encrypted clinic whose records are one version behind this app.
    const dataDir = tempDir();
    const clock = fixedClock(TEST_TODAY);
    const key = newDatabaseKey();
    let keys = newKeyFile('Old Clinic', key);
    keys = withPasswordWrap(
      keys,
      await passwordWrap(key, { id: 1, name: 'Priya Shah' }, TEST_PASSWORD, clock.now(), TEST_KDF),
    );
    writeKeyFile(path.join(dataDir, KEY_FILE), keys);
    const old = openDatabase(path.join(dataDir, 'clinic.sqlite'), { create: true, key });
    migrate(old, MIGRATIONS, { target: recordsMigration.version - 1 });
    // The clinician row as the schema of the time held it (createClinician writes today's columns).
    const c = {
      id: Number(
        old
          .prepare(
            `INSERT INTO clinicians (name, profession, registration_number, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')`,
          )
          .run(
            CLINIC_SETUP.clinician.name,
            CLINIC_SETUP.clinician.profession,
            CLINIC_SETUP.clinician.registrationNumber,
          ).lastInsertRowid,
      ),
    };
    // The settings row as the schema of the time held it (writeSettings writes today's columns).
    old
      .prepare(
        `INSERT INTO clinic_settings (id, clinic_name, address, phone, email, units, paper_size, date_format, created_at, updated_at)
         VALUES (1, 'Old Clinic', '', '', '', 'km', 'A4', 'DD/MM/YYYY', 'x', 'x')`,
      )
      .run();
    createPatient(old, clock, c.id, patientInput());
    old.close();
    fs.writeFileSync(path.join(dataDir, 'data-folder.json'), '{}');

    const backend = openTestBackend({ dataDir });
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    await backend.settled();
    const list = await must(backend, 'backups.list', {});
    const before = list.backups.find((b) => b.facts?.kind === 'before_migration');
    expect(before?.facts?.schemaVersion).toBe(recordsMigration.version - 1);
    const snapshot = recordsInBackup(path.join(list.folder, before!.name), key);
    expect(snapshot.pragma('user_version', { simple: true })).toBe(recordsMigration.version - 1);
    expect(snapshot.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
    snapshot.close();

    // Restoring it brings the older records back and updates them again, with a warning first.
    const preview = await must(backend, 'restore.prepare', {
      source: { kind: 'snapshot', name: before!.name },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    expect(preview.warnings[0]).toContain('from an older version of Stride Clinic');
    await must(backend, 'restore.confirm', { restoreId: preview.restoreId });
    const db = openDatabase(liveFile(backend), { create: false, readonly: true, key });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    backend.close();
  });
});

describe('a restore interrupted by a crash', () => {
  it('is finished at the next start when the records were already swapped in', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'keys.json'), 'old');
    fs.writeFileSync(path.join(dir, 'keys.json.restore'), 'new');
    expect(finishInterruptedRestore(dir)).toBe('finished');
    expect(fs.readFileSync(path.join(dir, 'keys.json'), 'utf8')).toBe('new');
    expect(fs.existsSync(path.join(dir, 'keys.json.restore'))).toBe(false);
  });

  it('is undone when it never reached its commit point', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'keys.json'), 'old');
    fs.writeFileSync(path.join(dir, 'clinic.sqlite'), 'live');
    fs.writeFileSync(path.join(dir, 'clinic.sqlite.restore'), 'staged');
    fs.writeFileSync(path.join(dir, 'keys.json.restore'), 'new');
    expect(finishInterruptedRestore(dir)).toBe('rolled_back');
    expect(fs.readdirSync(dir).sort()).toEqual(['clinic.sqlite', 'keys.json']);
    expect(fs.readFileSync(path.join(dir, 'keys.json'), 'utf8')).toBe('old');
  });
});
