/**
 * An exclusive lock on the key file, between processes (the desktop app and the browser preview
 * on one data folder, or two copies of the app). Every change to keys.json is made under it:
 * re-read the file, apply the one change, write it back atomically, release. Without it, each
 * process wrote back its own stale copy and undid the other's changes (a changed password came
 * back to life).
 *
 * The lock is a file beside the key file (keys.json.lock), created with O_EXCL and holding the
 * owner's process id, host and time. It is held for milliseconds (no password is derived while
 * it is held), so a waiter sleeps in short steps. A lock left by a process that died (its pid is
 * gone on this host), or older than STALE_AFTER_MS, is taken over.
 */
import fs from 'node:fs';
import { z } from 'zod';
import os from 'node:os';
import { errorCodeOf } from '../util/errors';

export const LOCK_SUFFIX = '.lock';
/** A lock older than this is a leftover, whoever holds it: a change takes milliseconds. */
export const STALE_AFTER_MS = 10_000;
/** How long a change waits for another process's change before giving up. */
const WAIT_MS = 15_000;

export class KeyFileBusyError extends Error {
  constructor(file: string) {
    super(
      `The key file ${file} is being changed by another copy of Stride Clinic and did not become free. Close the other copy (the desktop app or the browser preview), then try again. Nothing was changed.`,
    );
    this.name = 'KeyFileBusyError';
  }
}

/** What the lock file says about who holds it; anything else is a lock whose owner died writing it. */
const LockOwner = z.object({ pid: z.number(), host: z.string(), at: z.number() });
type LockOwner = z.infer<typeof LockOwner>;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readOwner(lock: string): { text: string; owner: LockOwner | null } | null {
  let text: string;
  try {
    text = fs.readFileSync(lock, 'utf8');
  } catch {
    return null; // released meanwhile
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null; // a lock whose owner died while writing it
  }
  const owner = LockOwner.safeParse(json);
  return { text, owner: owner.success ? owner.data : null };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCodeOf(err) === 'EPERM';
  }
}

/** Whether a lock's owner is gone: its process died (same host), or it is simply too old. */
export function isStale(owner: LockOwner | null, lockMtimeMs: number, now = Date.now()): boolean {
  if (owner === null) return now - lockMtimeMs > 1000; // unreadable: give its writer a moment
  if (now - owner.at > STALE_AFTER_MS) return true;
  return owner.host === os.hostname() && owner.pid !== process.pid && !processAlive(owner.pid);
}

/**
 * Takes over a stale lock. Renaming it away first means two processes that both found it stale
 * cannot both remove it: the second rename fails. If what was renamed is not the stale lock seen
 * (a fresh one was made in between), it is put back where it was.
 */
function takeOver(lock: string, seen: string): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return; // someone else took it over or released it
  }
  let text = '';
  try {
    text = fs.readFileSync(aside, 'utf8');
  } catch {
    // gone: nothing to put back
  }
  if (text !== seen) {
    try {
      fs.linkSync(aside, lock);
    } catch {
      // a newer lock exists: the owner we displaced will find its lock gone only at release
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Runs `fn` while holding the key file's lock. `fn` must be synchronous and quick. */
export function withKeyFileLock<T>(file: string, fn: () => T): T {
  const lock = `${file}${LOCK_SUFFIX}`;
  let mine: string;
  const deadline = Date.now() + WAIT_MS;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      // Stamped at the moment it is taken: a lock written after a long wait must not already
      // look stale to the next waiter (which would then take it over while we hold it).
      mine = JSON.stringify({ pid: process.pid, host: os.hostname(), at: Date.now() } satisfies LockOwner);
      const fd = fs.openSync(lock, 'wx', 0o600);
      try {
        fs.writeSync(fd, mine);
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (err) {
      if (errorCodeOf(err) !== 'EEXIST') throw err;
    }
    const held = readOwner(lock);
    if (held !== null) {
      let mtime: number;
      try {
        mtime = fs.statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if (isStale(held.owner, mtime)) {
        takeOver(lock, held.text);
        continue;
      }
    }
    if (Date.now() > deadline) throw new KeyFileBusyError(file);
    sleep(wait);
  }
  try {
    return fn();
  } finally {
    // Only our own lock is removed (after a takeover by another process, it is theirs).
    const held = readOwner(lock);
    if (held?.text === mine) fs.rmSync(lock, { force: true });
  }
}
