/**
 * Version 8: backups and the audit trail viewer.
 * - clinic_settings.backup_keep: how many automatic snapshots the data folder keeps (default 14).
 * - Indexes so the audit trail viewer can filter by clinician, action and date without reading
 *   the whole trail (it already has indexes by patient and by record).
 */
import type { Migration } from '../migrate';

export const migration0008: Migration = {
  version: 8,
  name: 'backups and audit viewer',
  sql: /* sql */ `
ALTER TABLE clinic_settings ADD COLUMN backup_keep INTEGER NOT NULL DEFAULT 14 CHECK (backup_keep BETWEEN 1 AND 365);
CREATE INDEX audit_log_by_clinician ON audit_log (clinician_id, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_time ON audit_log (at, id);
`,
};
