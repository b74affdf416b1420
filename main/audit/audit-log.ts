/**
 * The audit trail: one appended row per change to clinical data, hash-chained.
 *
 * The table refuses UPDATE and DELETE (triggers in migration 1), and each row's hash covers its
 * own content plus the previous row's hash. `verifyAuditChain` walks the chain and reports the
 * first row whose content no longer matches, which is how an edit made outside the app shows up.
 *
 * Appends run inside the caller's transaction, so a change and its audit row commit together; an
 * append made outside one gets its own write transaction.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { canonicalJson } from '../../shared/text/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  clinicianId: number | null;
  /** What happened, as a verb: create, update, archive, restore, sign, addendum, override... */
  action: string;
  /** The kind of record: patient, clinician, settings... */
  entity: string;
  entityId: number | null;
  patientId: number | null;
  /** One line a clinic manager can read in the audit view. */
  summary: string;
  before?: unknown;
  after?: unknown;
}

interface AuditRowContent {
  at: string;
  clinicianId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  patientId: number | null;
  summary: string;
  beforeJson: string | null;
  afterJson: string | null;
}

function hashRow(prevHash: string, content: AuditRowContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export function appendAudit(db: Db, clock: Clock, entry: AuditEntry): number {
  // Reading the last hash and inserting must be one write transaction: otherwise another
  // connection (the preview beside the desktop app) can append in between and fork the chain.
  if (!db.inTransaction) return db.transaction(() => appendAudit(db, clock, entry)).immediate();
  const last = db.prepare<unknown[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditRowContent = {
    at: clock.now().toISOString(),
    clinicianId: entry.clinicianId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    patientId: entry.patientId,
    summary: entry.summary,
    beforeJson: entry.before === undefined ? null : canonicalJson(entry.before),
    afterJson: entry.after === undefined ? null : canonicalJson(entry.after),
  };
  const hash = hashRow(prevHash, content);
  const info = db
    .prepare(
      `INSERT INTO audit_log (at, clinician_id, action, entity, entity_id, patient_id, summary, before_json, after_json, prev_hash, hash)
       VALUES (@at, @clinicianId, @action, @entity, @entityId, @patientId, @summary, @beforeJson, @afterJson, @prevHash, @hash)`,
    )
    .run({ ...content, prevHash, hash });
  return Number(info.lastInsertRowid);
}

export type ChainVerdict =
  { ok: true; rows: number } | { ok: false; rows: number; firstBrokenId: number; reason: string };

export function verifyAuditChain(db: Db): ChainVerdict {
  const rows = db
    .prepare<unknown[], AuditRowContent & { id: number; prevHash: string; hash: string }>(
      `SELECT id, at, clinician_id AS clinicianId, action, entity, entity_id AS entityId, patient_id AS patientId,
              summary, before_json AS beforeJson, after_json AS afterJson, prev_hash AS prevHash, hash
       FROM audit_log ORDER BY id`,
    )
    .iterate();
  let expectedPrev = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    count += 1;
    const { id, prevHash, hash, ...content } = row;
    if (prevHash !== expectedPrev) {
      return {
        ok: false,
        rows: count,
        firstBrokenId: id,
        reason: 'its link to the previous entry does not match (an entry before it was removed or changed)',
      };
    }
    if (hashRow(prevHash, content) !== hash) {
      return { ok: false, rows: count, firstBrokenId: id, reason: 'its content was changed after it was written' };
    }
    expectedPrev = hash;
  }
  return { ok: true, rows: count };
}
