/**
 * The automatic lock: open records lock after the clinic's idle time (Settings, auto-lock
 * minutes). Activity is a request from the window, or `touch` when the clinician moves in it; a
 * check every 15 seconds, and the next request after the idle time, lock the session before
 * anything else is read.
 */
import type { OpenPhase, SessionState } from './state';
import { requireOpen } from './state';

const CHECK_EVERY_MS = 15_000;

export interface AutoLock {
  /** The clinician is active in the window: postpones the lock (unless it is already due). */
  touch: () => void;
  /** The open records, after locking them if they were idle too long (then throws as locked). */
  requireActive: () => OpenPhase;
  /** Counts a request as activity. */
  active: (open: OpenPhase) => void;
  stop: () => void;
}

export function idleTooLong(open: Pick<OpenPhase, 'autoLockMinutes' | 'lastActivity'>, now: Date): boolean {
  return open.autoLockMinutes !== null && now.getTime() - open.lastActivity > open.autoLockMinutes * 60_000;
}

/** `lock` locks the open records and audits the reason (opening.ts). */
export function startAutoLock(s: SessionState, lock: (reason: string) => void): AutoLock {
  const idleReason = (open: OpenPhase) => `Locked after ${open.autoLockMinutes} minutes without activity`;

  const timer = setInterval(() => {
    if (s.phase.kind === 'open' && idleTooLong(s.phase, s.clock.now())) lock(idleReason(s.phase));
  }, CHECK_EVERY_MS);
  timer.unref();

  return {
    touch() {
      if (s.phase.kind === 'open' && !idleTooLong(s.phase, s.clock.now()))
        s.phase.lastActivity = s.clock.now().getTime();
    },
    requireActive() {
      const open = requireOpen(s);
      if (idleTooLong(open, s.clock.now())) {
        lock(idleReason(open));
        requireOpen(s); // throws: the session is locked now
      }
      return open;
    },
    active(open) {
      open.lastActivity = s.clock.now().getTime();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
