/**
 * Audited reads: who opened which patient's record, which note, which episode's notes and intake.
 * (Handouts and exports are recorded where they are made, opened, printed or saved: see
 * records/handouts.ts and backend/handlers/records.ts.)
 *
 * One entry per opening, not per request: the pages of one patient each ask for the patient
 * again (the patient page, the episode, a note, the intake), and a page reloads its data after a
 * save. A read of the same record by the same clinician within REOPEN_WINDOW_MS of the last one
 * recorded is the same opening and adds no entry. The memory of recent reads belongs to the open
 * records connection, so it starts afresh whenever the records are locked, signed out of or
 * reopened: the first read after a sign-in is always recorded.
 */
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { appendAudit } from './audit-log';

/** Reads of the same record by the same clinician closer together than this are one opening. */
export const REOPEN_WINDOW_MS = 5 * 60_000;

export interface ReadEntry {
  clinicianId: number;
  /** The kind of record read: patient, note, episode_notes, intake, episode. */
  entity: string;
  entityId: number;
  patientId: number;
  /** One line for the audit view: what was opened. */
  summary: string;
}

const lastReads = new WeakMap<Db, Map<string, number>>();

/** Records the read unless it repeats an opening recorded moments ago; true when an entry was added. */
export function auditRead(db: Db, clock: Clock, entry: ReadEntry): boolean {
  let seen = lastReads.get(db);
  if (!seen) {
    seen = new Map();
    lastReads.set(db, seen);
  }
  const key = `${entry.clinicianId}:${entry.entity}:${entry.entityId}`;
  const now = clock.now().getTime();
  const last = seen.get(key);
  if (last !== undefined && now - last >= 0 && now - last < REOPEN_WINDOW_MS) return false;
  appendAudit(db, clock, { ...entry, action: 'view' });
  seen.set(key, now);
  return true;
}
