/** The audit trail viewer: filtered, paged, read-only. Looking at the trail is itself recorded. */
import { appendAudit } from '../../audit/audit-log';
import { auditFilterChoices, describeAuditQuery, listAudit } from '../../audit/audit-query';
import type { HandlersFor } from '../handler-types';

export const auditHandlers: HandlersFor<'audit.list' | 'audit.filters'> = {
  'audit.list': (req, { db, clock, clinician }) => {
    const page = listAudit(db, req);
    // A new search (not the next page of one) is recorded, with its filters.
    if (req.offset === 0 && req.asOf === null) {
      const names: { clinician?: string; patient?: string } = {};
      if (req.clinicianId !== null) {
        const c = db
          .prepare<unknown[], { name: string }>('SELECT name FROM clinicians WHERE id = ?')
          .get(req.clinicianId);
        if (c) names.clinician = c.name;
      }
      if (req.patientId !== null) {
        const p = db
          .prepare<unknown[], { given_name: string; family_name: string }>(
            'SELECT given_name, family_name FROM patients WHERE id = ?',
          )
          .get(req.patientId);
        if (p) names.patient = `${p.given_name} ${p.family_name}`;
      }
      appendAudit(db, clock, {
        clinicianId: clinician.id,
        action: 'audit_view',
        entity: 'audit_log',
        entityId: null,
        patientId: names.patient !== undefined ? req.patientId : null,
        summary: `${clinician.name} viewed the audit trail (${describeAuditQuery(req, names)}; ${page.total} entr${page.total === 1 ? 'y' : 'ies'})`,
      });
    }
    return page;
  },
  'audit.filters': (_req, { db }) => auditFilterChoices(db),
};
