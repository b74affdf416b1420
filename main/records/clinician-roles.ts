/**
 * Clinicians' roles and whether they may still sign in: the SQL behind clinician
 * administration (the rules themselves are in main/backend/session/clinician-admin.ts).
 * Every change appends its audit entry in the same transaction.
 */
import type { ClinicianRole } from '../../shared/domain/settings';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { notFound } from '../util/errors';
import { getClinician } from './clinic';
import { onlyRow } from '../db/rows';

export function roleOf(db: Db, clinicianId: number): ClinicianRole {
  const role = db
    .prepare<unknown[], ClinicianRole>('SELECT role FROM clinicians WHERE id = ?')
    .pluck()
    .get(clinicianId);
  if (!role) throw notFound('This clinician');
  return role;
}

/** Every clinician's role, by id (for the settings list). */
export function rolesById(db: Db): Map<number, ClinicianRole> {
  const rows = db.prepare<unknown[], { id: number; role: ClinicianRole }>('SELECT id, role FROM clinicians').all();
  return new Map(rows.map((r) => [r.id, r.role]));
}

export function isAdministratorRole(role: ClinicianRole): boolean {
  return role === 'owner' || role === 'administrator';
}

/** Active clinicians who can manage clinicians (the owner and administrators). */
export function activeAdministrators(db: Db): number {
  return onlyRow(
    db
      .prepare<unknown[], number>(
        "SELECT count(*) FROM clinicians WHERE active = 1 AND role IN ('owner', 'administrator')",
      )
      .pluck(),
  );
}

export function setRole(db: Db, clock: Clock, byClinicianId: number, id: number, role: ClinicianRole): void {
  db.transaction(() => {
    const before = roleOf(db, id);
    const target = getClinician(db, id);
    const by = getClinician(db, byClinicianId);
    db.prepare('UPDATE clinicians SET role = ?, updated_at = ? WHERE id = ?').run(role, clock.now().toISOString(), id);
    appendAudit(db, clock, {
      clinicianId: byClinicianId,
      action: 'role_change',
      entity: 'clinician',
      entityId: id,
      patientId: null,
      summary:
        role === 'administrator'
          ? `${by.name} made ${target.name} an administrator`
          : `${by.name} removed administrator from ${target.name}`,
      before: { role: before },
      after: { role },
    });
  }).immediate();
}

export function setActive(db: Db, clock: Clock, byClinicianId: number, id: number, active: boolean): void {
  db.transaction(() => {
    const target = getClinician(db, id);
    const by = getClinician(db, byClinicianId);
    db.prepare('UPDATE clinicians SET active = ?, updated_at = ? WHERE id = ?').run(
      active ? 1 : 0,
      clock.now().toISOString(),
      id,
    );
    appendAudit(db, clock, {
      clinicianId: byClinicianId,
      action: active ? 'reactivate' : 'deactivate',
      entity: 'clinician',
      entityId: id,
      patientId: null,
      summary: active
        ? `${by.name} reactivated ${target.name} (they need a new password to sign in)`
        : `${by.name} deactivated ${target.name}: their password no longer opens the records`,
      before: { active: target.active },
      after: { active },
    });
  }).immediate();
}
