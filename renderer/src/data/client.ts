/**
 * The renderer's one cache of backend answers (TanStack Query). Every read goes through
 * `useRead`, every write through `useWrite` (hooks.ts); the keys say which record an answer
 * belongs to (keys.ts), so a write refreshes every view of that record and an answer for another
 * record can never land in the view on show.
 *
 * Locking and signing out empty the cache: no patient's data stays in the page's memory.
 */
import { QueryClient } from '@tanstack/react-query';
import type { AppErrorShape } from '../../../shared/ipc/result';

/** A backend refusal, carried through the query as an error; `shape` is what the backend said. */
export class BackendError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'BackendError';
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    // The backend's refusals are answers, not network hiccups: show them at once, retry on the
    // clinician's word. Views refresh when a write changes their record, not on window focus.
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
});

/** Drops every cached answer and forgets the requests still running (lock, sign-out). */
export function forgetCachedRecords(): void {
  void queryClient.cancelQueries();
  queryClient.clear();
}
