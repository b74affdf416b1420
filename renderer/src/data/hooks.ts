/**
 * The hooks every screen uses to reach the backend: `useRead` for answers shown on screen,
 * `useWrite` for changes. Both speak the typed contract (shared/ipc/contract.ts) through
 * api/client.ts's `call`.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { BackendError } from './client';
import { queryKeyOf, type RecordKey } from './keys';

/** What a view needs to know about an answer it waits for. */
export interface ReadState<T> {
  data: T | undefined;
  error: BackendError | null;
  /** True while a request for this view is on its way (the first one or a refresh). */
  isFetching: boolean;
  refetch(): unknown;
}

async function read<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await call(channel, request);
  if (!r.ok) throw new BackendError(r.error);
  return r.value;
}

/** The cache entry of one backend answer: its key (record, channel, request) and how to load it. */
export function readOptions<C extends Channel>(record: RecordKey, channel: C, request: RequestOf<C>) {
  return {
    queryKey: queryKeyOf(record, channel, request),
    queryFn: () => read(channel, request),
  };
}

/**
 * One backend answer, cached under its record. The view shows the answer to its own request only:
 * a slow answer to an earlier request (the previous patient) is filed under that request's key.
 * A null request asks nothing yet (a form not filled in enough).
 */
export function useRead<C extends Channel>(record: RecordKey, channel: C, request: RequestOf<C> | null) {
  return useQuery<ResponseOf<C>, BackendError>({
    queryKey: queryKeyOf(record, channel, request),
    queryFn: () =>
      request === null ? Promise.reject(new Error(`${channel}: nothing to ask`)) : read(channel, request),
    enabled: request !== null,
  });
}

/** The value once it has stayed the same (by key) for `ms`: asks the backend once typing pauses. */
export function useSettled<T>(value: T, key: string, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
    // The key stands for the value: a new object with the same key is the same value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return settled;
}

/** Loads an answer on the clinician's word (the next page, a search as one types), through the cache. */
export function fetchRead<C extends Channel>(
  client: QueryClient,
  record: RecordKey,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  return client.fetchQuery(readOptions(record, channel, request));
}

/** Marks every view of these records out of date; the ones on show load again. */
export function invalidateRecords(client: QueryClient, changed: readonly RecordKey[]): Promise<void> {
  return Promise.all(changed.map((queryKey) => client.invalidateQueries({ queryKey }))).then(() => undefined);
}

/**
 * A write: sends the request and, when the backend accepts it, refreshes every view of the records
 * it changed. The answer comes back as the contract's Result, for the form to show a refusal.
 */
export function useWrite<C extends Channel>(
  channel: C,
  changes: (request: RequestOf<C>, response: ResponseOf<C>) => readonly RecordKey[],
): (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> {
  const client = useQueryClient();
  return useCallback(
    async (request: RequestOf<C>) => {
      const r = await call(channel, request);
      if (r.ok) void invalidateRecords(client, changes(request, r.value));
      return r;
    },
    // `changes` is a description of the write, read at the time it succeeds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, channel],
  );
}

/** A write that changes no record on show (a download, a file dialog, keeping the session alive). */
export function useAction<C extends Channel>(channel: C): (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> {
  return useCallback((request: RequestOf<C>) => call(channel, request), [channel]);
}

type DataOf<Q> = Q extends { data: infer T } ? Exclude<T, undefined> : never;

/** Several answers as one, for a view that needs them all: loading until all are in, the first error. */
export function combine<Qs extends readonly ReadState<unknown>[]>(
  ...queries: Qs
): ReadState<{ [K in keyof Qs]: DataOf<Qs[K]> }> {
  const all = queries.every((q) => q.data !== undefined);
  return {
    data: all ? (queries.map((q) => q.data) as { [K in keyof Qs]: DataOf<Qs[K]> }) : undefined,
    error: queries.find((q) => q.error)?.error ?? null,
    isFetching: queries.some((q) => q.isFetching),
    refetch: () => queries.forEach((q) => void q.refetch()),
  };
}
