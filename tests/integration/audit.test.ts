import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { openDatabase } from '../../main/db/open';
import { must, patientInput, readyBackend, removeTempDirs } from '../helpers/backend';
import { clinicKey, rawKeyedConnection } from '../helpers/db';

afterEach(removeTempDirs);

async function clinicWithHistory() {
  const backend = await readyBackend();
  const p = await must(backend, 'patients.create', patientInput());
  await must(backend, 'patients.update', { id: p.id, expectedVersion: 1, changes: patientInput({ phone: '+44 1' }) });
  await must(backend, 'patients.archive', { id: p.id, expectedVersion: 2, archived: true, reason: 'Moved away' });
  const file = path.join(backend.dataDir, 'clinic.sqlite');
  backend.close();
  return { file, patientId: p.id, key: await clinicKey(backend.dataDir) };
}

describe('the audit trail', () => {
  it('records who changed what, before and after', async () => {
    const { file, patientId, key } = await clinicWithHistory();
    const db = openDatabase(file, { create: false, readonly: true, key });
    const rows = db
      .prepare(
        'SELECT action, summary, before_json, after_json, clinician_id FROM audit_log WHERE patient_id = ? ORDER BY id',
      )
      .all(patientId) as {
      action: string;
      summary: string;
      before_json: string | null;
      after_json: string;
      clinician_id: number;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'archive']);
    expect(JSON.parse(rows[1]!.before_json!)).toEqual({ phone: '+44 7700 900123' });
    expect(JSON.parse(rows[1]!.after_json)).toEqual({ phone: '+44 1' });
    expect(rows[2]!.summary).toContain('Moved away');
    expect(rows.every((r) => r.clinician_id === 1)).toBe(true);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: expect.any(Number) as number });
    db.close();
  });

  it('refuses to change or delete an entry, even through SQL', async () => {
    const { file, key } = await clinicWithHistory();
    const db = openDatabase(file, { create: false, key });
    expect(() => db.prepare("UPDATE audit_log SET summary = 'nothing happened'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('shows the first broken link when a row is edited outside the app', async () => {
    const { file, key } = await clinicWithHistory();
    const raw = rawKeyedConnection(file, key);
    raw.exec('DROP TRIGGER audit_log_append_only_update');
    raw.prepare("UPDATE audit_log SET summary = 'Edited nothing' WHERE id = 3").run();
    raw.close();
    const db = openDatabase(file, { create: false, readonly: true, key });
    const verdict = verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: 3 });
    db.close();
  });

  it('shows a removed row as a broken link', async () => {
    const { file, key } = await clinicWithHistory();
    const raw = rawKeyedConnection(file, key);
    raw.exec('DROP TRIGGER audit_log_append_only_delete');
    raw.prepare('DELETE FROM audit_log WHERE id = 2').run();
    raw.close();
    const db = openDatabase(file, { create: false, readonly: true, key });
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 3 });
    db.close();
  });
});
