/**
 * "Verify the audit trail": everything that shows the trail was tampered with, in words.
 *
 * 1. The hash chain (verifyAuditChain): an entry changed or removed in the middle.
 * 2. The append-only triggers: present, with exactly the SQL of the migration that created them
 *    (a dropped or weakened trigger is how rows get changed or deleted), and no other trigger on
 *    the table.
 * 3. The anchor (anchor.ts), kept outside the audit table: entries cut off the end, or the whole
 *    chain rewritten and resealed. A chain longer than its anchor is normal (the anchor is written
 *    just after each commit, so a crash can leave it behind).
 */
import type { Db } from '../db/open';
import { migration0001 } from '../db/migrations/0001-clinic-core';
import { verifyAuditChain } from './audit-log';
import { ANCHOR_FILE, anchorFile, anchoredSince, chainHead, fitOf, isAuthentic, readAnchorFile } from './anchor';
import { onlyRow } from '../db/rows';
import { MONTHS } from '../../shared/clinical/wording';

export type AnchorState = 'anchored' | 'not_anchored_yet' | 'not_kept' | 'broken';

export interface TrailVerdict {
  ok: boolean;
  entries: number;
  firstBrokenId: number | null;
  reason: string | null;
  /** What was found, one sentence each, for the clinician. Empty when ok. */
  findings: string[];
  anchor: AnchorState;
  /** What the anchor held (null when there is none). */
  anchoredEntries: number | null;
  anchoredAt: string | null;
}

/** The append-only triggers as migration 1 created them: name -> SQL as SQLite stores it. */
export function expectedAuditTriggers(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of migration0001.sql.matchAll(/CREATE TRIGGER (audit_log_\w+) [\s\S]*?\nEND;/g)) {
    out.set(m[1]!, m[0].slice(0, -1));
  }
  return out;
}

const TRIGGER_PURPOSE: Record<string, string> = {
  audit_log_append_only_update: 'stops entries being changed',
  audit_log_append_only_delete: 'stops entries being deleted',
};

export function triggerFindings(db: Db): string[] {
  const expected = expectedAuditTriggers();
  const actual = new Map(
    db
      .prepare<
        unknown[],
        {
          name: string;
          sql: string | null;
        }
      >("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'")
      .all()
      .map((r) => [r.name, r.sql ?? '']),
  );
  const findings: string[] = [];
  for (const [name, sql] of expected) {
    const purpose = TRIGGER_PURPOSE[name] ?? 'keeps the trail append-only';
    const found = actual.get(name);
    if (found === undefined) {
      findings.push(`The safeguard that ${purpose} (trigger ${name}) is missing: it was removed outside the app.`);
    } else if (found !== sql) {
      findings.push(
        `The safeguard that ${purpose} (trigger ${name}) was changed outside the app: it no longer reads as the app created it.`,
      );
    }
  }
  for (const name of actual.keys()) {
    if (!expected.has(name)) findings.push(`A trigger the app did not create (${name}) was added to the audit trail.`);
  }
  return findings;
}

function count(n: number): string {
  return n.toLocaleString('en');
}

/** "10:42 on 6 December 2026", in this computer's time zone. */
export function when(iso: string): string {
  const d = new Date(iso);
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${hh}:${mm} on ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/**
 * `anchorKey` is the sealing key (anchor.ts), or null where no anchor is kept (the demo clinic,
 * which is not encrypted and holds fictional patients).
 */
export function verifyAuditTrail(db: Db, dataDir: string, anchorKey: Buffer | null): TrailVerdict {
  const chain = verifyAuditChain(db);
  const findings: string[] = [];
  let firstBrokenId: number | null = null;
  let reason: string | null = null;
  if (!chain.ok) {
    firstBrokenId = chain.firstBrokenId;
    reason = chain.reason;
    findings.push(`Entry ${count(chain.firstBrokenId)} is the first that does not check out: ${chain.reason}.`);
  }
  findings.push(...triggerFindings(db));

  const head = chainHead(db);
  let anchor: AnchorState = 'not_kept';
  let anchoredEntries: number | null = null;
  let anchoredAt: string | null = null;
  if (anchorKey) {
    const read = readAnchorFile(anchorFile(dataDir));
    if (read.kind === 'absent') {
      const since = anchoredSince(db);
      if (since === null) anchor = 'not_anchored_yet';
      else {
        anchor = 'broken';
        findings.push(
          `The audit trail’s anchor (${ANCHOR_FILE}, kept outside the audit table) is missing, although the trail has been anchored since ${when(since)}: it was removed outside the app.`,
        );
      }
    } else if (read.kind === 'damaged' || !isAuthentic(anchorKey, read.anchor)) {
      anchor = 'broken';
      findings.push(
        `The audit trail’s anchor (${ANCHOR_FILE}, kept outside the audit table) was altered or damaged: its seal does not match this clinic’s key.`,
      );
    } else {
      const a = read.anchor;
      anchoredEntries = a.entries;
      anchoredAt = a.anchoredAt;
      const fit = fitOf(db, a);
      anchor = fit.kind === 'extends' ? 'anchored' : 'broken';
      // Entries still there from those the anchor sealed: entries written after a cut reuse the
      // freed ids, but are later than the seal.
      const kept =
        fit.kind === 'extends'
          ? a.entries
          : onlyRow(
              db.prepare<unknown[], { n: number }>('SELECT count(*) AS n FROM audit_log WHERE id <= ? AND at <= ?'),
              a.lastId,
              a.anchoredAt,
            ).n;
      if (fit.kind !== 'extends' && kept < a.entries) {
        const missing = a.entries - kept;
        findings.push(
          `${count(missing)} ${missing === 1 ? 'entry is' : 'entries are'} missing from the end of the audit trail (it held ${count(a.entries)} at ${when(a.anchoredAt)}; it holds ${count(head.entries)}${head.entries > kept ? `, ${count(head.entries - kept)} of them written since` : ''}).`,
        );
      } else if (fit.kind === 'differs') {
        findings.push(
          `The audit trail was rewritten and resealed: entry ${count(a.lastId)} is not the one it held at ${when(a.anchoredAt)} (it held ${count(a.entries)} entries then; it holds ${count(head.entries)}).`,
        );
      }
    }
  }
  return {
    ok: findings.length === 0,
    entries: head.entries,
    firstBrokenId,
    reason,
    findings,
    anchor,
    anchoredEntries,
    anchoredAt,
  };
}
