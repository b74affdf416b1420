/** The migration that adds the backup setting and the audit viewer's indexes, on real rows. */
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../main/audit/audit-log';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration0008 as recordsMigration } from '../../main/db/migrations/0008-records-safety';
import { readBackupKeep, writeBackupKeep } from '../../main/backup/settings';
import { DEFAULT_KEEP } from '../../main/backup/snapshots';
import { createPatient, updatePatient } from '../../main/records/patients';
import { fixedClock } from '../../main/util/clock';
import { CLINIC_SETUP, patientInput, removeTempDirs, TEST_TODAY } from '../helpers/backend';
import { databaseAt } from '../helpers/db';

afterEach(removeTempDirs);

describe(`migration ${recordsMigration.version} (backups and audit viewer) on real rows`, () => {
  it('adds the snapshot setting with its default and range, and keeps every audit entry as it was', () => {
    const clock = fixedClock(TEST_TODAY);
    const db = databaseAt(recordsMigration.version - 1);
    // The clinician row as the schema of the time held it (createClinician writes today's columns).
    const c = {
      id: Number(
        db
          .prepare(
            `INSERT INTO clinicians (name, profession, registration_number, created_at, updated_at) VALUES (?, ?, '', 'x', 'x')`,
          )
          .run(CLINIC_SETUP.clinician.name, CLINIC_SETUP.clinician.profession).lastInsertRowid,
      ),
    };
    // The settings row as the schema of the time held it (writeSettings writes today's columns).
    db.prepare(
      `INSERT INTO clinic_settings (id, clinic_name, address, phone, email, units, paper_size, date_format, created_at, updated_at)
       VALUES (1, ?, '', '', '', 'km', 'A4', 'DD/MM/YYYY', 'x', 'x')`,
    ).run(CLINIC_SETUP.clinic.clinicName);
    const p = createPatient(db, clock, c.id, patientInput());
    updatePatient(db, clock, c.id, { id: p.id, expectedVersion: 1, changes: patientInput({ phone: '+44 1' }) });
    appendAudit(db, clock, {
      clinicianId: c.id,
      action: 'view',
      entity: 'patient',
      entityId: p.id,
      patientId: p.id,
      summary: 'Opened',
    });
    const before = db.prepare('SELECT * FROM audit_log ORDER BY id').all();
    expect(readBackupKeep(db)).toBe(DEFAULT_KEEP); // no column yet: the default

    migrate(db, MIGRATIONS, { target: recordsMigration.version });
    expect(db.pragma('user_version', { simple: true })).toBe(recordsMigration.version);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(before);
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(readBackupKeep(db)).toBe(14);
    expect(db.prepare('SELECT clinic_name FROM clinic_settings').pluck().get()).toBe(CLINIC_SETUP.clinic.clinicName);
    expect(writeBackupKeep(db, clock, c.id, 30)).toBe(30);
    expect(readBackupKeep(db)).toBe(30);
    expect(db.prepare("SELECT after_json FROM audit_log WHERE summary LIKE 'Changed how many%'").pluck().get()).toBe(
      '{"backupKeep":30}',
    );
    expect(() => db.prepare('UPDATE clinic_settings SET backup_keep = 0').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE clinic_settings SET backup_keep = 366').run()).toThrow(/CHECK/);
    db.close();
  });

  it('lets the viewer filter by clinician, action and time through indexes', () => {
    const db = databaseAt(recordsMigration.version);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT id FROM audit_log WHERE clinician_id = 1 ORDER BY id DESC')).toContain(
      'audit_log_by_clinician',
    );
    expect(plan("SELECT id FROM audit_log WHERE action = 'export' ORDER BY id DESC")).toContain('audit_log_by_action');
    expect(plan("SELECT id FROM audit_log WHERE at >= '2026-01-01' AND at < '2026-02-01'")).toContain(
      'audit_log_by_time',
    );
    expect(plan('SELECT DISTINCT action FROM audit_log')).toContain('audit_log_by_action');
    db.close();
  });
});
