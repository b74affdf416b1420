/**
 * Deleting a safety snapshot (taken before a restore or before an update of the records) by hand.
 * What it holds may exist nowhere else (the records a restore replaced), so this is an
 * administrator's act, written into the audit trail with what was deleted. Daily snapshots are
 * pruned by the clinic's "keep the last N" setting instead; backups a clinician made are theirs.
 */
import fs from 'node:fs';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { isAdministratorRole, roleOf } from '../records/clinician-roles';
import { AppError, errorCodeOf } from '../util/errors';
import { megabytes } from './auto-snapshot';
import { backupByName, listBackups, SAFETY_KINDS } from './snapshots';

/** Administrator-only: the clinic owner or an administrator (roles: records/clinician-roles.ts). */
export function requireAdministrator(db: Db, clinicianId: number): void {
  if (!isAdministratorRole(roleOf(db, clinicianId))) {
    throw new AppError(
      'forbidden',
      'Only an administrator can delete a safety snapshot: it may hold the only copy of records that were replaced. Ask the clinic owner or an administrator.',
    );
  }
}

export function deleteSafetySnapshot(input: {
  db: Db;
  clock: Clock;
  dataDir: string;
  clinicianId: number;
  name: string;
}): { name: string } {
  const { db, clock, dataDir, clinicianId, name } = input;
  requireAdministrator(db, clinicianId);
  const file = backupByName(dataDir, name);
  const entry = file ? listBackups(dataDir).find((e) => e.name === name) : undefined;
  if (!file || !entry) throw new AppError('not_found', 'That snapshot is no longer in the backups folder.');
  if (!entry.facts || !SAFETY_KINDS.includes(entry.facts.kind)) {
    throw new AppError(
      'invalid_request',
      'Only safety snapshots (taken before a restore or an update) are deleted here. Daily snapshots follow the “keep the last N” setting.',
    );
  }
  const what = `${entry.facts.kind === 'before_restore' ? 'the snapshot taken before a restore' : 'the snapshot taken before an update'} ${name}, made ${entry.facts.createdAt} (${megabytes(entry.bytes)})`;
  // Written before the file goes: a deletion is never missing from the trail.
  appendAudit(db, clock, {
    clinicianId,
    action: 'snapshot_delete',
    entity: 'records',
    entityId: null,
    patientId: null,
    summary: `Deleted ${what}`,
  });
  try {
    fs.rmSync(file);
  } catch (err) {
    appendAudit(db, clock, {
      clinicianId,
      action: 'snapshot_delete',
      entity: 'records',
      entityId: null,
      patientId: null,
      summary: `The deletion of ${name} failed; the file is still there`,
    });
    throw new AppError(
      'io_error',
      `The snapshot could not be deleted (${errorCodeOf(err) ?? 'error'}). It is still there.`,
    );
  }
  return { name };
}
