/**
 * Locks the app after the clinic's idle time, and on Ctrl+L (Cmd+L on a Mac). Activity (keys,
 * pointer, wheel) postpones it; while the clinician is active the backend is told so, at most once
 * a minute, because it keeps its own idle clock and locks the records on its side too.
 * `lock` saves what can be saved before it locks (App.tsx); one lock at a time.
 */
import { useEffect, useRef } from 'react';
import { call } from '../api/client';

const TOUCH_EVERY_MS = 60_000;

export function useAutoLock(minutes: number | null, lockNow: () => Promise<void>): void {
  const lastActivity = useRef(0);
  const lastTouch = useRef(0);
  const locking = useRef(false);

  useEffect(() => {
    if (minutes === null) return;
    lastActivity.current = Date.now();
    lastTouch.current = Date.now();
    const lock = () => {
      if (locking.current) return;
      locking.current = true;
      void lockNow().finally(() => (locking.current = false));
    };
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastTouch.current > TOUCH_EVERY_MS) {
        lastTouch.current = now;
        void call('session.touch', {});
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock();
      }
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true });
    window.addEventListener('keydown', onKey);
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > minutes * 60_000) lock();
    }, 5_000);
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
      window.removeEventListener('keydown', onKey);
      window.clearInterval(timer);
    };
  }, [minutes, lockNow]);
}
