/** Clinic settings (one row) and the clinicians who work at the clinic. */
import type { ClinicSettings, Clinician, ClinicianInput } from '../../shared/domain/settings';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { notFound } from '../util/errors';

interface SettingsRow {
  clinic_name: string;
  address: string;
  phone: string;
  email: string;
  emergency_number: string;
  units: ClinicSettings['units'];
  paper_size: ClinicSettings['paperSize'];
  date_format: ClinicSettings['dateFormat'];
  auto_lock_minutes: number;
  is_demo: number;
}

export interface StoredSettings extends ClinicSettings {
  isDemo: boolean;
}

export function readSettings(db: Db): StoredSettings | null {
  const r = db
    .prepare<unknown[], SettingsRow>(
      'SELECT clinic_name, address, phone, email, emergency_number, units, paper_size, date_format, auto_lock_minutes, is_demo FROM clinic_settings WHERE id = 1',
    )
    .get();
  if (!r) return null;
  return {
    clinicName: r.clinic_name,
    address: r.address,
    phone: r.phone,
    email: r.email,
    emergencyNumber: r.emergency_number,
    units: r.units,
    paperSize: r.paper_size,
    dateFormat: r.date_format,
    autoLockMinutes: r.auto_lock_minutes,
    isDemo: r.is_demo === 1,
  };
}

export function requireSettings(db: Db): StoredSettings {
  const s = readSettings(db);
  if (!s) throw notFound('The clinic settings');
  return s;
}

/** Creates the settings row on first start, or replaces it. Audited. */
export function writeSettings(
  db: Db,
  clock: Clock,
  clinicianId: number | null,
  settings: ClinicSettings,
  options: { isDemo?: boolean } = {},
): StoredSettings {
  return db
    .transaction(() => {
      const before = readSettings(db);
      const now = clock.now().toISOString();
      db.prepare(
        `INSERT INTO clinic_settings (id, clinic_name, address, phone, email, emergency_number, units, paper_size, date_format,
         auto_lock_minutes, is_demo, created_at, updated_at)
       VALUES (1, @clinicName, @address, @phone, @email, @emergencyNumber, @units, @paperSize, @dateFormat, @autoLockMinutes,
         @isDemo, @now, @now)
       ON CONFLICT (id) DO UPDATE SET clinic_name = excluded.clinic_name, address = excluded.address, phone = excluded.phone,
         email = excluded.email, emergency_number = excluded.emergency_number, units = excluded.units, paper_size = excluded.paper_size, date_format = excluded.date_format,
         auto_lock_minutes = excluded.auto_lock_minutes, updated_at = excluded.updated_at`,
      ).run({ ...settings, isDemo: options.isDemo || before?.isDemo ? 1 : 0, now });
      const after = requireSettings(db);
      appendAudit(db, clock, {
        clinicianId,
        action: before ? 'update' : 'create',
        entity: 'settings',
        entityId: 1,
        patientId: null,
        summary: before ? 'Changed the clinic settings' : `Created the clinic ${settings.clinicName}`,
        ...(before ? { before } : {}),
        after,
      });
      return after;
    })
    .immediate();
}

interface ClinicianRow {
  id: number;
  name: string;
  profession: string;
  registration_number: string;
  active: number;
}

function toClinician(r: ClinicianRow): Clinician {
  return {
    id: r.id,
    name: r.name,
    profession: r.profession,
    registrationNumber: r.registration_number,
    active: r.active === 1,
  };
}

export function listClinicians(db: Db, options: { activeOnly: boolean }): Clinician[] {
  const rows = db
    .prepare<unknown[], ClinicianRow>(
      `SELECT id, name, profession, registration_number, active FROM clinicians ${options.activeOnly ? 'WHERE active = 1' : ''} ORDER BY name, id`,
    )
    .all();
  return rows.map(toClinician);
}

export function getClinician(db: Db, id: number): Clinician {
  const r = db
    .prepare<unknown[], ClinicianRow>(
      'SELECT id, name, profession, registration_number, active FROM clinicians WHERE id = ?',
    )
    .get(id);
  if (!r) throw notFound('This clinician');
  return toClinician(r);
}

export function createClinician(db: Db, clock: Clock, byClinicianId: number | null, input: ClinicianInput): Clinician {
  return db
    .transaction(() => {
      const now = clock.now().toISOString();
      const info = db
        .prepare(
          // The clinic's first clinician is its owner (see migration 11).
          `INSERT INTO clinicians (name, profession, registration_number, role, created_at, updated_at)
           VALUES (@name, @profession, @registrationNumber,
             CASE WHEN EXISTS (SELECT 1 FROM clinicians) THEN 'clinician' ELSE 'owner' END, @now, @now)`,
        )
        .run({ ...input, now });
      const c = getClinician(db, Number(info.lastInsertRowid));
      appendAudit(db, clock, {
        clinicianId: byClinicianId ?? c.id,
        action: 'create',
        entity: 'clinician',
        entityId: c.id,
        patientId: null,
        summary: `Added clinician ${c.name} (${c.profession})`,
        after: input,
      });
      return c;
    })
    .immediate();
}

export function updateClinician(
  db: Db,
  clock: Clock,
  byClinicianId: number | null,
  id: number,
  changes: ClinicianInput,
  active: boolean,
): Clinician {
  return db
    .transaction(() => {
      const before = getClinician(db, id);
      db.prepare(
        'UPDATE clinicians SET name = @name, profession = @profession, registration_number = @registrationNumber, active = @active, updated_at = @now WHERE id = @id',
      ).run({ ...changes, active: active ? 1 : 0, now: clock.now().toISOString(), id });
      const after = getClinician(db, id);
      appendAudit(db, clock, {
        clinicianId: byClinicianId,
        action: 'update',
        entity: 'clinician',
        entityId: id,
        patientId: null,
        summary: `Changed clinician ${after.name}${before.active && !after.active ? ' (no longer active)' : ''}`,
        before,
        after,
      });
      return after;
    })
    .immediate();
}
