/**
 * Forms the clinician has typed in and not yet saved, so that locking can deal with each of them
 * before the page is taken down: a form that autosaves into the (encrypted) records is saved now,
 * any other is dropped, and the lock screen says which was which. Nothing typed outlives the lock
 * in the page: there is no other place it is kept.
 *
 * Forms register a label (a kind of form, never a patient's name or anything typed: the lock
 * screen is shown to whoever walks up to the computer) and how to tell whether they hold unsaved
 * work. The registry holds only the live forms' callbacks, which go when the forms unmount.
 */
import { useEffect, useRef } from 'react';

export interface UnsavedWork {
  /** What kind of form, for the lock screen: "the new patient form", "the intake". */
  label: string;
  /** True while the form holds something typed that is not stored. */
  unsaved(): boolean;
  /** Stores it in the records now, if this form can; resolves true once it is stored. */
  save?: () => Promise<boolean>;
}

/** What became of unsaved work at a lock: labels only. */
export interface LockReport {
  saved: string[];
  dropped: string[];
}

const open = new Set<UnsavedWork>();

/** How long a lock waits for a save before it gives up on it (the lock must not hang). */
const SAVE_WAIT_MS = 4_000;

function within<T>(p: Promise<T>, ms: number, otherwise: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(otherwise), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(otherwise);
      },
    );
  });
}

/** Registers a form while it is mounted; `work` may change from render to render. */
export function useUnsavedWork(work: UnsavedWork): void {
  const latest = useRef(work);
  useEffect(() => {
    latest.current = work;
  });
  useEffect(() => {
    const entry: UnsavedWork = {
      get label() {
        return latest.current.label;
      },
      unsaved: () => latest.current.unsaved(),
      save: () => latest.current.save?.() ?? Promise.resolve(false),
    };
    open.add(entry);
    return () => {
      open.delete(entry);
    };
  }, []);
}

function labelsOf(entries: UnsavedWork[]): string[] {
  return [...new Set(entries.map((w) => w.label))];
}

/**
 * Before the app locks itself: saves what can be saved into the records (the session is still
 * open) and lists what will be dropped.
 */
export async function saveBeforeLock(): Promise<LockReport> {
  const pending = [...open].filter((w) => w.unsaved());
  const results = await Promise.all(
    pending.map(async (w) => ({ w, saved: w.save ? await within(w.save(), SAVE_WAIT_MS, false) : false })),
  );
  return {
    saved: labelsOf(results.filter((r) => r.saved).map((r) => r.w)),
    dropped: labelsOf(results.filter((r) => !r.saved).map((r) => r.w)),
  };
}

/** The records locked without warning (idle time, another window): what is lost with the page. */
export function droppedAtLock(): LockReport {
  return { saved: [], dropped: labelsOf([...open].filter((w) => w.unsaved())) };
}
