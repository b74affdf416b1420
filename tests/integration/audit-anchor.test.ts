/**
 * The audit trail's anchor (main/audit/anchor.ts): attacks an auditor would otherwise miss, each
 * made as another program holding the records key would make it (a raw SQLite connection), and
 * what "Verify the audit trail" says about it. Also: a crash between a commit and the anchor's
 * write is not tampering, and a backup carries the anchor into a restore.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/text/canonical-json';
import { ANCHOR_FILE, anchorKey, isAuthentic, readAnchorFile, resealAnchor } from '../../main/audit/anchor';
import { backupSteps } from '../../main/backup/backup';
import { openBackup, runSync } from '../../main/backup/container';
import { snapshotPath } from '../../main/backup/snapshots';
import { expectedAuditTriggers, verifyAuditTrail } from '../../main/audit/verify-trail';
import { openDatabase } from '../../main/db/open';
import { KEY_FILE, readKeyFile } from '../../main/security/key-file';
import { must, patientInput, readyBackend, removeTempDirs, TEST_PASSWORD, TEST_TODAY } from '../helpers/backend';
import { clinicKey, rawKeyedConnection } from '../helpers/db';

afterEach(removeTempDirs);

type Ready = Awaited<ReturnType<typeof readyBackend>>;

/** A clinic with some history, locked (its anchor written), and the key an attacker would hold. */
async function lockedClinicWithHistory(): Promise<{ backend: Ready; file: string; key: Buffer; entries: number }> {
  const backend = await readyBackend();
  for (let i = 1; i <= 4; i++) {
    const p = await must(backend, 'patients.create', patientInput({ recordNumber: `RR-000${i}` }));
    await must(backend, 'patients.get', { id: p.id });
  }
  await must(backend, 'session.lock', {});
  const key = await clinicKey(backend.dataDir);
  const file = path.join(backend.dataDir, 'clinic.sqlite');
  const raw = rawKeyedConnection(file, key);
  const entries = (raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  raw.close();
  return { backend, file, key, entries };
}

async function unlockAndVerify(backend: Ready) {
  backend.clock.advance(60_000); // the clinician comes back a minute later
  await must(backend, 'session.unlock', { password: TEST_PASSWORD });
  return must(backend, 'audit.verify', {});
}

/** The app's own row hash (audit-log.ts), as an attacker who read the source would recompute it. */
function rehash(prev: string, r: Record<string, unknown>): string {
  const content = {
    at: r.at,
    clinicianId: r.clinician_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    patientId: r.patient_id,
    summary: r.summary,
    beforeJson: r.before_json,
    afterJson: r.after_json,
  };
  return createHash('sha256').update(prev).update('\n').update(canonicalJson(content)).digest('hex');
}

describe('verify the audit trail', () => {
  it('is intact and anchored after ordinary work, and the anchor lives outside the audit table', async () => {
    const { backend } = await lockedClinicWithHistory();
    const verdict = await unlockAndVerify(backend);
    expect(verdict).toMatchObject({ ok: true, findings: [], anchor: 'anchored' });
    const read = readAnchorFile(path.join(backend.dataDir, ANCHOR_FILE));
    expect(read.kind).toBe('present');
    if (read.kind === 'present') {
      expect(isAuthentic(anchorKey(await clinicKey(backend.dataDir)), read.anchor)).toBe(true);
    }
    backend.close();
  });

  it('reports the last 3 entries deleted (with the triggers dropped), saying how many it held and holds', async () => {
    const { backend, file, key, entries } = await lockedClinicWithHistory();
    const raw = rawKeyedConnection(file, key);
    raw.exec('DROP TRIGGER audit_log_append_only_delete');
    raw.prepare('DELETE FROM audit_log WHERE id > ?').run(entries - 3);
    // Put the trigger back as it was, so only the anchor can tell.
    const create = /CREATE TRIGGER audit_log_append_only_delete[\s\S]*?\nEND;/.exec(
      (await import('../../main/db/migrations/0001-clinic-core')).migration0001.sql,
    )![0];
    raw.exec(create);
    raw.close();
    const verdict = await unlockAndVerify(backend);
    expect(verdict.ok).toBe(false);
    expect(verdict.anchor).toBe('broken');
    expect(verdict.findings).toHaveLength(1);
    expect(verdict.findings[0]).toMatch(
      new RegExp(
        `^3 entries are missing from the end of the audit trail \\(it held ${entries} at \\d\\d:\\d\\d on \\d+ \\w+ \\d{4}; it holds ${entries - 2}, 1 of them written since\\)\\.$`,
      ),
    );
    backend.close();
  });

  it('reports a dropped append-only trigger by name', async () => {
    const { backend, file, key } = await lockedClinicWithHistory();
    const raw = rawKeyedConnection(file, key);
    raw.exec('DROP TRIGGER audit_log_append_only_update');
    raw.close();
    const verdict = await unlockAndVerify(backend);
    expect(verdict.ok).toBe(false);
    expect(verdict.findings).toEqual([
      'The safeguard that stops entries being changed (trigger audit_log_append_only_update) is missing: it was removed outside the app.',
    ]);
    backend.close();
  });

  it('reports an append-only trigger replaced by one that lets changes through', async () => {
    const { backend, file, key } = await lockedClinicWithHistory();
    const raw = rawKeyedConnection(file, key);
    raw.exec('DROP TRIGGER audit_log_append_only_delete');
    raw.exec(
      "CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log WHEN old.id < 0 BEGIN SELECT RAISE(ABORT, 'no'); END",
    );
    raw.close();
    const verdict = await unlockAndVerify(backend);
    expect(verdict.findings).toEqual([
      'The safeguard that stops entries being deleted (trigger audit_log_append_only_delete) was changed outside the app: it no longer reads as the app created it.',
    ]);
    backend.close();
  });

  it('reports the whole chain rewritten and rehashed, although every link checks out', async () => {
    const { backend, file, key, entries } = await lockedClinicWithHistory();
    const raw = rawKeyedConnection(file, key);
    raw.exec('DROP TRIGGER audit_log_append_only_update');
    const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
    let prev = '0'.repeat(64);
    const update = raw.prepare('UPDATE audit_log SET summary = ?, prev_hash = ?, hash = ? WHERE id = ?');
    raw.transaction(() => {
      for (const r of rows) {
        const summary = r.action === 'view' ? 'Looked at nothing' : (r.summary as string);
        const hash = rehash(prev, { ...r, summary });
        update.run(summary, prev, hash, r.id);
        prev = hash;
      }
    })();
    const migration = (await import('../../main/db/migrations/0001-clinic-core')).migration0001.sql;
    raw.exec(/CREATE TRIGGER audit_log_append_only_update[\s\S]*?\nEND;/.exec(migration)![0]);
    raw.close();
    const verdict = await unlockAndVerify(backend);
    expect(verdict.firstBrokenId).toBeNull(); // the chain itself checks out: only the anchor tells
    expect(verdict.ok).toBe(false);
    expect(verdict.findings).toHaveLength(1);
    expect(verdict.findings[0]).toMatch(
      new RegExp(`^The audit trail was rewritten and resealed: entry ${entries} is not the one it held at `),
    );
    backend.close();
  });

  it('reports the anchor file removed (it is not silently made again at the next sign-in)', async () => {
    const { backend } = await lockedClinicWithHistory();
    fs.rmSync(path.join(backend.dataDir, ANCHOR_FILE));
    const verdict = await unlockAndVerify(backend);
    expect(verdict.ok).toBe(false);
    expect(verdict.findings[0]).toMatch(
      /^The audit trail’s anchor \(audit-anchor\.json, kept outside the audit table\) is missing/,
    );
    await must(backend, 'patients.create', patientInput({ recordNumber: 'RR-0100' }));
    await must(backend, 'session.lock', {});
    expect(fs.existsSync(path.join(backend.dataDir, ANCHOR_FILE))).toBe(false);
    backend.close();
  });

  it('reports the anchor file altered to match a shortened chain', async () => {
    const { backend, file, key, entries } = await lockedClinicWithHistory();
    const anchorPath = path.join(backend.dataDir, ANCHOR_FILE);
    const raw = rawKeyedConnection(file, key);
    raw.exec('DROP TRIGGER audit_log_append_only_delete');
    raw.prepare('DELETE FROM audit_log WHERE id > ?').run(entries - 3);
    const last = raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      hash: string;
    };
    raw.close();
    // Without the key the seal cannot be redone: the attacker edits the numbers and keeps the old seal.
    const anchor = JSON.parse(fs.readFileSync(anchorPath, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(
      anchorPath,
      JSON.stringify({ ...anchor, entries: entries - 3, lastId: last.id, lastHash: last.hash }),
    );
    const verdict = await unlockAndVerify(backend);
    expect(verdict.ok).toBe(false);
    expect(verdict.findings).toContain(
      'The audit trail’s anchor (audit-anchor.json, kept outside the audit table) was altered or damaged: its seal does not match this clinic’s key.',
    );
    expect(verdict.findings).toContain(
      'The safeguard that stops entries being deleted (trigger audit_log_append_only_delete) is missing: it was removed outside the app.',
    );
    backend.close();
  });

  it('does not call a crash between a commit and the anchor’s write tampering', async () => {
    const { backend } = await lockedClinicWithHistory();
    const anchorPath = path.join(backend.dataDir, ANCHOR_FILE);
    const before = fs.readFileSync(anchorPath);
    await must(backend, 'session.unlock', { password: TEST_PASSWORD });
    await must(backend, 'patients.create', patientInput({ recordNumber: 'RR-0200' }));
    await must(backend, 'session.lock', {});
    // The entries committed, the anchor's write never happened: the file is as it was before them.
    fs.writeFileSync(anchorPath, before);
    const verdict = await unlockAndVerify(backend);
    expect(verdict).toMatchObject({ ok: true, findings: [], anchor: 'anchored' });
    backend.close();
  });

  it('says "not anchored yet" for a trail from before anchors, and anchors it at the next sign-in, saying so in the trail', async () => {
    const { backend, file, key } = await lockedClinicWithHistory();
    withoutAnchorMarker(file, key);
    fs.rmSync(path.join(backend.dataDir, ANCHOR_FILE));
    const db = openDatabase(file, { create: false, readonly: true, key });
    expect(verifyAuditTrail(db, backend.dataDir, anchorKey(key))).toMatchObject({
      ok: true,
      anchor: 'not_anchored_yet',
      findings: [],
    });
    db.close();
    const verdict = await unlockAndVerify(backend);
    expect(verdict).toMatchObject({ ok: true, anchor: 'anchored', findings: [] });
    const raw = rawKeyedConnection(file, key);
    const marker = raw.prepare("SELECT summary FROM audit_log WHERE action = 'audit_anchor'").all() as {
      summary: string;
    }[];
    raw.close();
    expect(marker).toHaveLength(1);
    expect(marker[0]!.summary).toContain('The audit trail is anchored from here on');
    backend.close();
  });
});

describe('a change of the records key', () => {
  it('reseals the anchor under the new key, unchanged, so verification still finds it intact', async () => {
    const { backend } = await lockedClinicWithHistory();
    const oldKey = await clinicKey(backend.dataDir);
    const newKey = Buffer.alloc(32, 7);
    const file = path.join(backend.dataDir, ANCHOR_FILE);
    const before = readAnchorFile(file);
    expect(resealAnchor(backend.dataDir, oldKey, newKey)).toBe(true);
    const after = readAnchorFile(file);
    if (before.kind !== 'present' || after.kind !== 'present') throw new Error('no anchor');
    expect({ ...after.anchor, mac: '' }).toEqual({ ...before.anchor, mac: '' });
    expect(isAuthentic(anchorKey(newKey), after.anchor)).toBe(true);
    expect(isAuthentic(anchorKey(oldKey), after.anchor)).toBe(false);
    // A key that did not seal it cannot reseal it.
    expect(resealAnchor(backend.dataDir, oldKey, newKey)).toBe(false);
    backend.close();
  });
});

describe('backups and the anchor', () => {
  it('every backup carries the anchor, and a restore installs it with the records', async () => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput());
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    const header = openBackup(made.file).header;
    expect(header.auditAnchor).toBeDefined();
    const key = await clinicKey(backend.dataDir);
    expect(isAuthentic(anchorKey(key), header.auditAnchor!)).toBe(true);

    // Work after the backup moves the live anchor on; the restore brings the backup's back.
    await must(backend, 'patients.create', patientInput({ recordNumber: 'RR-0002' }));
    await must(backend, 'patients.create', patientInput({ recordNumber: 'RR-0003' }));
    const preview = await must(backend, 'restore.prepare', {
      source: { kind: 'snapshot', name: made.name },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    await must(backend, 'restore.confirm', { restoreId: preview.restoreId });
    const verdict = await must(backend, 'audit.verify', {});
    expect(verdict).toMatchObject({ ok: true, anchor: 'anchored', findings: [] });
    await must(backend, 'session.lock', {});
    const live = readAnchorFile(path.join(backend.dataDir, ANCHOR_FILE));
    if (live.kind !== 'present') throw new Error('no anchor after the restore');
    // The restored trail grew from the backup's anchored entry: the backup's anchor was installed.
    expect(live.anchor.entries).toBeGreaterThan(header.auditAnchor!.entries);
    expect(live.anchor.entries).toBeLessThan(header.auditAnchor!.entries + 5);
    backend.close();
  });

  it('a backup of a trail cut short carries the anchor that shows it, not a fresh one', async () => {
    const { backend, file, key, entries } = await lockedClinicWithHistory();
    const raw = rawKeyedConnection(file, key);
    raw.exec('DROP TRIGGER audit_log_append_only_delete');
    raw.prepare('DELETE FROM audit_log WHERE id > ?').run(entries - 3);
    raw.close();
    backend.clock.advance(60_000);
    await must(backend, 'session.unlock', { password: TEST_PASSWORD });
    const made = await must(backend, 'backups.create', {});
    if (!made.saved) throw new Error('not saved');
    expect(openBackup(made.file).header.auditAnchor?.entries).toBe(entries);
    // Restoring it says so first, and the restored records still show the cut.
    const preview = await must(backend, 'restore.prepare', {
      source: { kind: 'snapshot', name: made.name },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    expect(preview.warnings.join(' ')).toContain('This backup’s audit trail does not match the anchor it carries');
    await must(backend, 'restore.confirm', { restoreId: preview.restoreId });
    const verdict = await must(backend, 'audit.verify', {});
    expect(verdict.ok).toBe(false);
    expect(verdict.findings.join(' ')).toMatch(/entries are missing from the end of the audit trail \(it held /);
    backend.close();
  });

  it('an old backup without an anchor still restores, and its trail is anchored from then on', async () => {
    const { backend, file, key } = await lockedClinicWithHistory();
    // Records as a version without anchors left them: no marker entry, no anchor file.
    withoutAnchorMarker(file, key);
    fs.rmSync(path.join(backend.dataDir, ANCHOR_FILE));
    const db = openDatabase(file, { create: false, key });
    const dest = snapshotPath(backend.dataDir, new Date(TEST_TODAY), 'manual');
    runSync(
      backupSteps({
        db,
        key,
        keys: readKeyFile(path.join(backend.dataDir, KEY_FILE)),
        dataDir: backend.dataDir,
        dest,
        kind: 'manual',
        appVersion: '0.0.9',
        now: new Date(TEST_TODAY),
      }),
    );
    db.close();
    stripAnchorFromBackup(dest);
    expect(openBackup(dest).header.auditAnchor).toBeUndefined();

    backend.clock.advance(60_000);
    await must(backend, 'session.unlock', { password: TEST_PASSWORD });
    const preview = await must(backend, 'restore.prepare', {
      source: { kind: 'snapshot', name: path.basename(dest) },
      clinicianId: 1,
      password: TEST_PASSWORD,
    });
    await must(backend, 'restore.confirm', { restoreId: preview.restoreId });
    expect(await must(backend, 'audit.verify', {})).toMatchObject({ ok: true, anchor: 'anchored', findings: [] });
    const raw = rawKeyedConnection(file, key);
    const actions = (raw.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map(
      (r) => r.action,
    );
    raw.close();
    expect(actions.filter((a) => a === 'audit_anchor')).toHaveLength(1);
    expect(actions.slice(-2)).toEqual(['audit_anchor', 'restore_backup']);
    backend.close();
  });
});

/** Removes the "anchored from here on" entry and reseals the chain, as records from before anchors were. */
function withoutAnchorMarker(file: string, key: Buffer): void {
  const raw = rawKeyedConnection(file, key);
  raw.exec('DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;');
  raw.prepare("DELETE FROM audit_log WHERE action = 'audit_anchor'").run();
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
  let prev = '0'.repeat(64);
  const update = raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const r of rows) {
    const hash = rehash(prev, r);
    update.run(prev, hash, r.id);
    prev = hash;
  }
  for (const sql of expectedAuditTriggers().values()) raw.exec(sql);
  raw.close();
}

/** Rewrites a backup file as a version without anchors would have made it (header without auditAnchor). */
function stripAnchorFromBackup(file: string): void {
  const buf = fs.readFileSync(file);
  const headerBytes = buf.readUInt32BE(16);
  const header = JSON.parse(buf.subarray(20, 20 + headerBytes).toString('utf8')) as Record<string, unknown>;
  delete header.auditAnchor;
  const newHeader = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(20);
  buf.copy(prefix, 0, 0, 16);
  prefix.writeUInt32BE(newHeader.length, 16);
  const body = Buffer.concat([prefix, newHeader, buf.subarray(20 + headerBytes, buf.length - 32)]);
  fs.writeFileSync(file, Buffer.concat([body, createHash('sha256').update(body).digest()]));
}
