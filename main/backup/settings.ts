/** The clinic's backup setting: how many automatic snapshots the data folder keeps. */
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { DEFAULT_KEEP } from './snapshots';

/** The setting, or the default when the records predate it (a safety copy before the migration that adds it). */
export function readBackupKeep(db: Db): number {
  const hasColumn = db
    .prepare<unknown[], { name: string }>('PRAGMA table_info(clinic_settings)')
    .all()
    .some((c) => c.name === 'backup_keep');
  if (!hasColumn) return DEFAULT_KEEP;
  const row = db
    .prepare<unknown[], { keep: number }>('SELECT backup_keep AS keep FROM clinic_settings WHERE id = 1')
    .get();
  return row?.keep ?? DEFAULT_KEEP;
}

export function writeBackupKeep(db: Db, clock: Clock, clinicianId: number, keep: number): number {
  return db
    .transaction(() => {
      const before = readBackupKeep(db);
      if (before === keep) return keep;
      db.prepare('UPDATE clinic_settings SET backup_keep = ?, updated_at = ? WHERE id = 1').run(
        keep,
        clock.now().toISOString(),
      );
      appendAudit(db, clock, {
        clinicianId,
        action: 'update',
        entity: 'settings',
        entityId: 1,
        patientId: null,
        summary: `Changed how many automatic snapshots are kept, from ${before} to ${keep}`,
        before: { backupKeep: before },
        after: { backupKeep: keep },
      });
      return keep;
    })
    .immediate();
}
