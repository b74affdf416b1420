/**
 * Wrong passwords, counted on disk so that restarting the app does not reset the delay.
 *
 * Every password prompt goes through here: sign-in and unlock, re-authentication before an
 * administrative act, changing one's own password (one counter per clinician, since they all
 * guess the same password), the recovery key, and a backup's password in the restore dialog.
 * After FREE_ATTEMPTS wrong answers in a row each further attempt waits twice as long as the
 * one before, up to MAX_WAIT_MS; a right answer clears the counter.
 *
 * The counters live in `sign-in-attempts.json` beside keys.json, written atomically (temporary
 * file, fsync, rename). Several app instances on one folder read the file before every check, so
 * they share the delay; their writes are not locked, so two failures at the same instant in two
 * instances may count as one (the delay is then one step shorter, never gone).
 *
 * The file is not secret and not authenticated: anyone who can write the data folder can edit it.
 * Such a person can also copy keys.json and guess offline, which no delay in the app can slow
 * (the key derivation's cost does that). What the file must never do:
 * - lock everyone out for ever: every wait is at most MAX_WAIT_MS after the newest failure,
 *   and a failure dated in the future is taken as now (then written back so), so at worst a
 *   hostile file costs one ceiling wait;
 * - reset silently: a file that cannot be read (damaged, not JSON, wrong shape) is treated as if
 *   every prompt had just reached the ceiling, which is said in the log and in the audit trail
 *   ("the record of wrong passwords was damaged"), and the file is replaced by a sound one.
 *   Deleting the file does reset the counters: that needs write access to the data folder.
 *
 * Failed attempts are also kept in the file until they reach the audit trail: while the records
 * are closed (sign-in, unlock, recovery, restore) they cannot be written there, so the session
 * writes them at the next opening, even after a restart. Stored as facts (when, which prompt,
 * which clinician), and the audit line is composed here, so the file cannot inject free text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AuditEntry } from '../../audit/audit-log';
import { writeFileAtomic } from '../../security/key-file';
import type { Clock } from '../../util/clock';
import { AppError } from '../../util/errors';
import type { Logger } from '../../util/logger';

export const THROTTLE_FILE = 'sign-in-attempts.json';
/** Wrong answers allowed before any wait (a typo, Caps Lock). */
export const FREE_ATTEMPTS = 3;
/** The longest wait: 5 minutes, so a clinician who mistyped is never kept out for long. */
export const MAX_WAIT_MS = 5 * 60_000;
/** The failure count at which the wait reaches the ceiling. */
const CEILING_FAILURES = FREE_ATTEMPTS + Math.ceil(Math.log2(MAX_WAIT_MS / 1000));
/** Failed attempts kept for the audit trail while the records stay closed; older ones are counted. */
const MAX_UNAUDITED = 500;

/** After a few wrong passwords in a row, each further attempt waits twice as long, up to the ceiling. */
export function waitAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, 1000 * 2 ** Math.min(failures - FREE_ATTEMPTS, 30));
}

export const PROMPTS = ['sign_in', 'unlock', 'reauthenticate', 'change_password', 'recovery', 'restore'] as const;
export type Prompt = (typeof PROMPTS)[number];

/** One counter per clinician's password, one for the recovery key, one for backups' passwords. */
export type Counter = `clinician-${number}` | 'recovery' | 'restore';
export function clinicianCounter(clinicianId: number): Counter {
  return `clinician-${clinicianId}`;
}
/** Applies to every counter: set when the file was found damaged. */
const EVERY = '*';

const CounterState = z.strictObject({
  failures: z.number().int().min(0),
  lastFailureAt: z.iso.datetime(),
});
const Attempt = z.strictObject({
  at: z.iso.datetime(),
  prompt: z.enum([...PROMPTS, 'damaged_file']),
  clinicianId: z
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .nullable(),
  /** The clinician's name as the key file showed it (the audit line is readable after a rename). */
  name: z.string().max(120).nullable(),
});
const ThrottleFile = z.strictObject({
  format: z.literal('stride-sign-in-attempts'),
  version: z.literal(1),
  counters: z.record(z.string().regex(/^(clinician-[1-9][0-9]{0,9}|recovery|restore|\*)$/), CounterState),
  unaudited: z.array(Attempt).max(MAX_UNAUDITED),
  /** Attempts not kept because the list was full (said in the audit trail). */
  dropped: z.number().int().min(0),
});
type ThrottleState = z.infer<typeof ThrottleFile>;
type Attempt = z.infer<typeof Attempt>;

export interface FailedAttempt {
  prompt: Prompt;
  clinicianId: number | null;
  name: string | null;
}

export interface Throttle {
  /** Throws "wait N seconds" when this counter must wait; `field` is the form field to mark. */
  check(counter: Counter, field: string): void;
  /** Counts a wrong answer and keeps it for the audit trail. */
  fail(counter: Counter, attempt: FailedAttempt): void;
  /** A right answer clears the counter. */
  succeed(counter: Counter): void;
  /** Failed attempts not yet in the audit trail, as audit entries; removed from the file. */
  takeUnaudited(): AuditEntry[];
}

function empty(): ThrottleState {
  return { format: 'stride-sign-in-attempts', version: 1, counters: {}, unaudited: [], dropped: 0 };
}

export function createThrottle(options: { dataDir: string; clock: Clock; logger: Logger }): Throttle {
  const { clock, logger } = options;
  const file = path.join(options.dataDir, THROTTLE_FILE);

  function write(state: ThrottleState): void {
    try {
      writeFileAtomic(file, `${JSON.stringify(state)}\n`);
    } catch (err) {
      // A full or read-only disk must not stop a sign-in; the counter then lives only as long
      // as the next read (in memory the check still applies to this attempt).
      logger.error('the record of wrong passwords could not be saved', err);
    }
  }

  /** The file as it is now (another instance may have written it), made safe to act on. */
  function read(): ThrottleState {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return empty();
      return damaged(err);
    }
    let parsed: ThrottleState;
    try {
      parsed = ThrottleFile.parse(JSON.parse(text));
    } catch (err) {
      return damaged(err);
    }
    damagedSince = null;
    // A failure dated in the future would make its wait last until that date: take it as now,
    // and write that down, so the wait runs out one ceiling from here.
    const now = clock.now();
    let clamped = false;
    for (const c of Object.values(parsed.counters)) {
      if (new Date(c.lastFailureAt).getTime() > now.getTime()) {
        c.lastFailureAt = now.toISOString();
        clamped = true;
      }
    }
    if (clamped) {
      logger.error('the record of wrong passwords had failures dated in the future; they count from now');
      write(parsed);
    }
    return parsed;
  }

  /**
   * When damage was first seen, kept in memory: a file that stays unreadable (a folder in its
   * place, no permission) or cannot be rewritten (a full disk) costs one ceiling wait from then,
   * not a fresh one at every prompt, which would lock everyone out for as long as it lasts.
   */
  let damagedSince: string | null = null;

  function damaged(err: unknown): ThrottleState {
    const first = damagedSince === null;
    if (first) {
      logger.error('the record of wrong passwords is damaged: every password prompt waits the longest delay once', err);
      damagedSince = clock.now().toISOString();
    }
    const at = damagedSince ?? clock.now().toISOString();
    const state = empty();
    state.counters[EVERY] = { failures: CEILING_FAILURES, lastFailureAt: at };
    if (first) state.unaudited.push({ at, prompt: 'damaged_file', clinicianId: null, name: null });
    write(state);
    return state;
  }

  function remaining(state: ThrottleState, counter: string): number {
    const c = state.counters[counter];
    if (!c) return 0;
    const elapsed = Math.max(0, clock.now().getTime() - new Date(c.lastFailureAt).getTime());
    return waitAfterFailures(c.failures) - elapsed;
  }

  return {
    check(counter, field) {
      const state = read();
      const wait = Math.max(remaining(state, counter), remaining(state, EVERY));
      if (wait <= 0) return;
      const seconds = Math.ceil(wait / 1000);
      const time = seconds > 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} second${seconds === 1 ? '' : 's'}`;
      throw new AppError('unauthenticated', `Too many wrong passwords. Wait ${time}, then try again.`, {
        [field]: `Too many wrong passwords: wait ${time}.`,
      });
    },

    fail(counter, attempt) {
      const state = read();
      const now = clock.now().toISOString();
      const before = state.counters[counter]?.failures ?? 0;
      // The count stops growing at the ceiling: the wait would not change, and the file stays small.
      state.counters[counter] = { failures: Math.min(before + 1, CEILING_FAILURES), lastFailureAt: now };
      state.unaudited.push({ at: now, ...attempt, name: attempt.name?.slice(0, 120) ?? null });
      if (state.unaudited.length > MAX_UNAUDITED) {
        state.dropped += state.unaudited.length - MAX_UNAUDITED;
        state.unaudited = state.unaudited.slice(-MAX_UNAUDITED);
      }
      write(state);
    },

    succeed(counter) {
      const state = read();
      if (!state.counters[counter]) return;
      delete state.counters[counter];
      write(state);
    },

    takeUnaudited() {
      const state = read();
      if (state.unaudited.length === 0 && state.dropped === 0) return [];
      const entries = state.unaudited.map(toAuditEntry);
      if (state.dropped > 0) {
        entries.unshift({
          clinicianId: null,
          action: 'sign_in_failed',
          entity: 'session',
          entityId: null,
          patientId: null,
          summary: `${state.dropped} more wrong password${state.dropped === 1 ? '' : 's'} while the records were closed (too many to list)`,
        });
      }
      write({ ...state, unaudited: [], dropped: 0 });
      return entries;
    },
  };
}

const PROMPT_WORDS: Record<Attempt['prompt'], { action: string; what: string }> = {
  sign_in: { action: 'sign_in_failed', what: 'sign-in' },
  unlock: { action: 'sign_in_failed', what: 'unlock' },
  reauthenticate: { action: 'reauthentication_failed', what: 'confirming an administrative act' },
  change_password: { action: 'password_change_failed', what: 'changing their own password' },
  recovery: { action: 'recovery_failed', what: 'recovery key' },
  restore: { action: 'restore_password_failed', what: 'restoring a backup' },
  damaged_file: { action: 'sign_in_failed', what: '' },
};

function toAuditEntry(a: Attempt): AuditEntry {
  const words = PROMPT_WORDS[a.prompt];
  const who = a.name ?? (a.clinicianId !== null ? `clinician ${a.clinicianId}` : 'a clinician');
  const summary =
    a.prompt === 'damaged_file'
      ? `The record of wrong passwords was damaged or unreadable at ${a.at}; every password prompt waited the longest delay once`
      : a.prompt === 'recovery'
        ? `Wrong recovery key tried for ${who} at ${a.at}`
        : `Wrong password for ${who} (${words.what}) at ${a.at}`;
  return {
    clinicianId: a.clinicianId,
    action: words.action,
    entity: 'session',
    entityId: null,
    patientId: null,
    summary,
  };
}
