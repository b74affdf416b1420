/**
 * Reading the audit trail for the viewer: filtered by clinician, patient, action, a range of local
 * days and a text search, newest first, one page at a time. Read-only: the trail has no way to be
 * changed from the app (see audit-log.ts).
 */
import type { AuditFilterChoices, AuditItem, AuditPage, AuditQuery } from '../../shared/domain/records';
import type { Db } from '../db/open';
import { onlyRow } from '../db/rows';

/** The UTC instant at which a local day (YYYY-MM-DD on this computer) starts. */
export function startOfLocalDay(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

function nextDay(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d + 1).toISOString();
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Row {
  id: number;
  at: string;
  clinician_id: number | null;
  clinician_name: string | null;
  action: string;
  entity: string;
  entity_id: number | null;
  patient_id: number | null;
  given_name: string | null;
  family_name: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

export function auditWhere(
  q: Omit<AuditQuery, 'offset' | 'limit'>,
  asOf: number,
): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = ['a.id <= @asOf'];
  const params: Record<string, unknown> = { asOf };
  if (q.clinicianId !== null) {
    parts.push('a.clinician_id = @clinicianId');
    params.clinicianId = q.clinicianId;
  }
  if (q.patientId !== null) {
    parts.push('a.patient_id = @patientId');
    params.patientId = q.patientId;
  }
  if (q.action !== null) {
    parts.push('a.action = @action');
    params.action = q.action;
  }
  if (q.from !== null) {
    parts.push('a.at >= @from');
    params.from = startOfLocalDay(q.from);
  }
  if (q.to !== null) {
    parts.push('a.at < @to');
    params.to = nextDay(q.to);
  }
  const text = q.text.trim();
  if (text !== '') {
    parts.push(
      "(a.summary LIKE @text ESCAPE '\\' OR a.before_json LIKE @text ESCAPE '\\' OR a.after_json LIKE @text ESCAPE '\\')",
    );
    params.text = `%${escapeLike(text)}%`;
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

export function listAudit(db: Db, q: AuditQuery): AuditPage {
  const asOf =
    q.asOf ?? onlyRow(db.prepare<unknown[], { n: number | null }>('SELECT max(id) AS n FROM audit_log')).n ?? 0;
  const where = auditWhere(q, asOf);
  const total = onlyRow(
    db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM audit_log a ${where.sql}`),
    where.params,
  ).n;
  const rows = db
    .prepare<unknown[], Row>(
      `SELECT a.id, a.at, a.clinician_id, c.name AS clinician_name, a.action, a.entity, a.entity_id, a.patient_id,
              p.given_name, p.family_name, a.summary, a.before_json, a.after_json
       FROM audit_log a
       LEFT JOIN clinicians c ON c.id = a.clinician_id
       LEFT JOIN patients p ON p.id = a.patient_id
       ${where.sql}
       ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, limit: q.limit, offset: q.offset });
  return {
    total,
    offset: q.offset,
    asOf,
    items: rows.map((r): AuditItem => ({
      id: r.id,
      at: r.at,
      clinicianId: r.clinician_id,
      clinicianName: r.clinician_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      patientId: r.patient_id,
      patientName: r.given_name === null ? null : `${r.given_name} ${r.family_name ?? ''}`.trim(),
      summary: r.summary,
      before: r.before_json,
      after: r.after_json,
    })),
  };
}

export function auditFilterChoices(db: Db): AuditFilterChoices {
  const actions = db
    .prepare<unknown[], { action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action')
    .all()
    .map((r) => r.action);
  const clinicians = db
    .prepare<
      unknown[],
      {
        id: number;
        name: string;
      }
    >('SELECT id, name FROM clinicians ORDER BY name, id')
    .all();
  return { actions, clinicians };
}

/** A short description of the filters, for the audit entry that records the viewing itself. */
export function describeAuditQuery(q: AuditQuery, names: { clinician?: string; patient?: string }): string {
  const parts: string[] = [];
  if (q.clinicianId !== null) parts.push(`clinician ${names.clinician ?? q.clinicianId}`);
  if (q.patientId !== null) parts.push(`patient ${names.patient ?? q.patientId}`);
  if (q.action !== null) parts.push(`action ${q.action}`);
  if (q.from !== null) parts.push(`from ${q.from}`);
  if (q.to !== null) parts.push(`to ${q.to}`);
  if (q.text.trim() !== '') parts.push(`text "${q.text.trim()}"`);
  return parts.length === 0 ? 'all entries' : parts.join(', ');
}
