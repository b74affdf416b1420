/**
 * The audit trail's anchor: the chain's head (how many entries, the last entry's id and hash),
 * kept outside the audit table, in `audit-anchor.json` beside keys.json and in every backup's
 * header, sealed with HMAC-SHA256 under a key derived (HKDF) from the database key.
 *
 * The hash chain alone shows an entry changed in place, but not entries cut off the end, nor a
 * chain rewritten and resealed from the first entry (whoever drops the triggers can recompute
 * every hash). The anchor says what the chain held when it was last sealed: a chain that is
 * shorter, or whose entry at the anchored position has another hash, was cut or rewritten.
 *
 * The anchor may lag the table (it is written after the entry's transaction commits, so a crash
 * in between leaves it one step behind): a chain that *extends* the anchored prefix is accepted.
 * The anchor is only ever advanced from a chain that extends it, so a tampered chain is never
 * sealed over: the evidence stays until someone looks at it.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/open';
import { writeFileAtomic } from '../security/key-file';
import { canonicalJson } from '../../shared/text/canonical-json';
import { appendAudit } from './audit-log';
import type { Clock } from '../util/clock';
import { onlyRow } from '../db/rows';
import { errorCodeOf } from '../util/errors';

export const ANCHOR_FILE = 'audit-anchor.json';
/** The audit action of the entry that says the trail is anchored from there on. */
export const ANCHOR_ACTION = 'audit_anchor';

const Hash = z.string().regex(/^[0-9a-f]{64}$/);

export const AuditAnchor = z.strictObject({
  format: z.literal('stride-clinic-audit-anchor'),
  version: z.literal(1),
  /** How many entries the chain held. */
  entries: z.number().int().min(0),
  /** The id of its last entry (0 for an empty chain). */
  lastId: z.number().int().min(0),
  /** That entry's hash (the genesis hash for an empty chain). */
  lastHash: Hash,
  anchoredAt: z.iso.datetime(),
  /** HMAC-SHA256 of the fields above (canonical JSON), under anchorKey(database key). */
  mac: Hash,
});
export type AuditAnchor = z.infer<typeof AuditAnchor>;

export interface ChainHead {
  entries: number;
  lastId: number;
  lastHash: string;
}

export function anchorFile(dataDir: string): string {
  return path.join(dataDir, ANCHOR_FILE);
}

/** The sealing key: derived, so the database key itself is never used for anything else. */
export function anchorKey(databaseKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', databaseKey, Buffer.from('stride-clinic audit anchor'), 'stride-clinic audit anchor v1', 32),
  );
}

function macOf(key: Buffer, a: Omit<AuditAnchor, 'mac'>): string {
  const { format, version, entries, lastId, lastHash, anchoredAt } = a;
  return createHmac('sha256', key)
    .update(canonicalJson({ format, version, entries, lastId, lastHash, anchoredAt }))
    .digest('hex');
}

export function sealAnchor(key: Buffer, head: ChainHead, at: Date): AuditAnchor {
  const body = {
    format: 'stride-clinic-audit-anchor' as const,
    version: 1 as const,
    entries: head.entries,
    lastId: head.lastId,
    lastHash: head.lastHash,
    anchoredAt: at.toISOString(),
  };
  return { ...body, mac: macOf(key, body) };
}

export function isAuthentic(key: Buffer, anchor: AuditAnchor): boolean {
  const expected = Buffer.from(macOf(key, anchor), 'hex');
  return timingSafeEqual(expected, Buffer.from(anchor.mac, 'hex'));
}

export type AnchorRead = { kind: 'absent' } | { kind: 'damaged' } | { kind: 'present'; anchor: AuditAnchor };

export function parseAnchor(json: unknown): AuditAnchor | null {
  const parsed = AuditAnchor.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function readAnchorFile(file: string): AnchorRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (errorCodeOf(err) === 'ENOENT') return { kind: 'absent' };
    return { kind: 'damaged' };
  }
  try {
    const anchor = parseAnchor(JSON.parse(text));
    return anchor ? { kind: 'present', anchor } : { kind: 'damaged' };
  } catch {
    return { kind: 'damaged' };
  }
}

export function writeAnchorFile(file: string, anchor: AuditAnchor): void {
  writeFileAtomic(file, `${JSON.stringify(AuditAnchor.parse(anchor), null, 2)}\n`);
}

const GENESIS = '0'.repeat(64);

/** The chain's head, counted in full (verification and backups; O(entries) on an index). */
export function chainHead(db: Db): ChainHead {
  const last = db
    .prepare<unknown[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')
    .get();
  const entries = onlyRow(db.prepare<unknown[], { n: number }>('SELECT count(*) AS n FROM audit_log')).n;
  return { entries, lastId: last?.id ?? 0, lastHash: last?.hash ?? GENESIS };
}

/**
 * Where the chain stands against an anchor, without walking it: the anchored entry is looked up
 * by id. `extends` includes "equal"; `newer` is how many entries came after the anchored one.
 */
export type AnchorFit =
  | { kind: 'extends'; newer: number; head: { lastId: number; lastHash: string } }
  | { kind: 'shorter' }
  | { kind: 'differs' };

export function fitOf(db: Db, anchor: AuditAnchor): AnchorFit {
  // One read snapshot: another window may append between the queries.
  return db.inTransaction ? fitNow(db, anchor) : db.transaction(() => fitNow(db, anchor))();
}

function fitNow(db: Db, anchor: AuditAnchor): AnchorFit {
  if (anchor.entries === 0) {
    const first = db
      .prepare<unknown[], { prev: string }>('SELECT prev_hash AS prev FROM audit_log ORDER BY id LIMIT 1')
      .get();
    if (first && first.prev !== GENESIS) return { kind: 'differs' };
  } else {
    const row = db.prepare<unknown[], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(anchor.lastId);
    if (!row) {
      const max = onlyRow(db.prepare<unknown[], { n: number | null }>('SELECT max(id) AS n FROM audit_log')).n ?? 0;
      return max < anchor.lastId ? { kind: 'shorter' } : { kind: 'differs' };
    }
    if (row.hash !== anchor.lastHash) return { kind: 'differs' };
  }
  const newer = onlyRow(
    db.prepare<unknown[], { n: number }>('SELECT count(*) AS n FROM audit_log WHERE id > ?'),
    anchor.lastId,
  ).n;
  const last = db
    .prepare<unknown[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')
    .get();
  return {
    kind: 'extends',
    newer,
    head:
      newer === 0 || !last
        ? { lastId: anchor.lastId, lastHash: anchor.lastHash }
        : { lastId: last.id, lastHash: last.hash },
  };
}

/** When the trail was first anchored (its marker entry), or null if it never was. */
export function anchoredSince(db: Db): string | null {
  const row = db
    .prepare<unknown[], { at: string }>('SELECT at FROM audit_log WHERE action = ? ORDER BY id LIMIT 1')
    .get(ANCHOR_ACTION);
  return row?.at ?? null;
}

export type AdvanceOutcome = 'written' | 'unchanged' | 'refused';

/**
 * Seals the chain's current head into the anchor file, if the chain extends what the file
 * holds. Refuses (and leaves the file as it is, as evidence) when the file is damaged, not this
 * clinic's, or the chain no longer extends it. Cheap when nothing was appended: two reads by id.
 */
export function advanceAnchor(db: Db, dataDir: string, key: Buffer, now: Date): AdvanceOutcome {
  const file = anchorFile(dataDir);
  const read = readAnchorFile(file);
  // A missing anchor is only ever created at an opening (anchorAtOpening), never here: one
  // removed while the records are open must stay missing, for verification to report.
  if (read.kind === 'absent') return 'refused';
  if (read.kind === 'damaged' || !isAuthentic(key, read.anchor)) return 'refused';
  const fit = fitOf(db, read.anchor);
  if (fit.kind !== 'extends') return 'refused';
  if (fit.newer === 0) return 'unchanged';
  writeAnchorFile(file, sealAnchor(key, { entries: read.anchor.entries + fit.newer, ...fit.head }, now));
  return 'written';
}

/**
 * At the opening of the records (sign-in, unlock, setup, restore): a trail never anchored gets
 * its marker entry and its first anchor; an anchored one is brought up to date. A missing anchor
 * on a trail that holds the marker entry is NOT recreated: verification reports it.
 */
export function anchorAtOpening(db: Db, dataDir: string, key: Buffer, clock: Clock): AdvanceOutcome {
  const read = readAnchorFile(anchorFile(dataDir));
  const since = anchoredSince(db);
  if (read.kind === 'absent' && since !== null) return 'refused';
  const fits =
    read.kind === 'absent' ||
    (read.kind === 'present' && isAuthentic(key, read.anchor) && fitOf(db, read.anchor).kind === 'extends');
  if (since === null && fits) {
    appendAudit(db, clock, {
      clinicianId: null,
      action: ANCHOR_ACTION,
      entity: 'audit_trail',
      entityId: null,
      patientId: null,
      summary: `The audit trail is anchored from here on: its length and last entry are kept, sealed, outside the audit table (${ANCHOR_FILE}) and in every backup, so entries cut off its end are detected`,
    });
  }
  if (read.kind === 'absent') {
    writeAnchorFile(anchorFile(dataDir), sealAnchor(key, chainHead(db), clock.now()));
    return 'written';
  }
  return advanceAnchor(db, dataDir, key, clock.now());
}

/**
 * The anchor a backup carries, for its own copy of the records (opened with the key): the copy's
 * head, sealed, when the copy extends the live anchor; the live anchor as it is when the copy
 * does not (cut or rewritten: the backup must not launder it), or when it is damaged; none when
 * the live anchor is missing although the copy says it was anchored. A restore installs it.
 */
export function anchorForCopy(copy: Db, dataDir: string, databaseKey: Buffer, now: Date): AuditAnchor | null {
  const key = anchorKey(databaseKey);
  const live = readAnchorFile(anchorFile(dataDir));
  if (live.kind === 'present') {
    if (!isAuthentic(key, live.anchor) || fitOf(copy, live.anchor).kind !== 'extends') return live.anchor;
  } else if (live.kind === 'damaged' || anchoredSince(copy) !== null) {
    return null;
  }
  return sealAnchor(key, chainHead(copy), now);
}

/**
 * The anchor a restore installs with the records: the backup's own if it has one; else (a backup
 * from before anchors) one sealed now for its records, unless they say they were anchored (then
 * none: verification will say the anchor is missing).
 */
export function anchorToInstall(
  restored: Db,
  fromBackup: AuditAnchor | undefined,
  databaseKey: Buffer,
  now: Date,
): AuditAnchor | null {
  if (fromBackup) return fromBackup;
  if (anchoredSince(restored) !== null) return null;
  return sealAnchor(anchorKey(databaseKey), chainHead(restored), now);
}

/**
 * For a change of the records key (PRAGMA rekey): the anchor sealed under the old key is sealed
 * again, unchanged, under the new one. Call it right after the rekey commits. Returns false (and
 * leaves the file) when there is no anchor or it is not authentic under the old key.
 */
export function resealAnchor(dataDir: string, oldDatabaseKey: Buffer, newDatabaseKey: Buffer): boolean {
  const file = anchorFile(dataDir);
  const read = readAnchorFile(file);
  if (read.kind !== 'present' || !isAuthentic(anchorKey(oldDatabaseKey), read.anchor)) return false;
  const { entries, lastId, lastHash, anchoredAt } = read.anchor;
  writeAnchorFile(file, sealAnchor(anchorKey(newDatabaseKey), { entries, lastId, lastHash }, new Date(anchoredAt)));
  return true;
}
