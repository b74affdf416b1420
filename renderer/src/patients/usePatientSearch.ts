/**
 * Patient search for a virtualised list: the list asks for rows by index, and this hook fetches
 * the blocks of rows that hold them (100 at a time) for the current query. Each block is cached
 * under its own query, so an answer to an older query never replaces the current one's; until the
 * current one's first block arrives, the previous rows stay on screen.
 */
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { PatientSearchPage, PatientSummary } from '../../../shared/domain/patient';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { BackendError, readOptions, records } from '../data';

export const SEARCH_BLOCK = 100;

export interface PatientSearchState {
  /** Null until the first block of the current query has arrived. */
  total: number | null;
  interpretedAs: PatientSearchPage['interpretedAs'] | null;
  error: AppErrorShape | null;
  rowAt(index: number): PatientSummary | undefined;
  /** Make sure the rows first..last are loaded (or on their way). */
  ensureRows(first: number, last: number): void;
}

function blockRequest(query: string, includeArchived: boolean, block: number) {
  return { query, includeArchived, offset: block * SEARCH_BLOCK, limit: SEARCH_BLOCK };
}

export function usePatientSearch(query: string, includeArchived: boolean): PatientSearchState {
  const key = `${includeArchived ? 1 : 0}|${query}`;
  // The blocks the list has asked for, for the query they were asked under.
  const [wanted, setWanted] = useState<{ key: string; blocks: readonly number[] }>({ key, blocks: [0] });
  const blocks = useMemo(() => (wanted.key === key ? wanted.blocks : [0]), [wanted, key]);

  const answers = useQueries({
    queries: blocks.map((block) => ({
      ...readOptions(records.clinic('patients'), 'patients.search', blockRequest(query, includeArchived, block)),
    })),
  });

  const ensureRows = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(Math.max(0, first) / SEARCH_BLOCK);
      const to = Math.floor(Math.max(0, last) / SEARCH_BLOCK);
      setWanted((prev) => {
        const had = prev.key === key ? prev.blocks : [0];
        const more: number[] = [];
        for (let b = from; b <= to; b++) if (!had.includes(b)) more.push(b);
        return more.length === 0 && prev.key === key ? prev : { key, blocks: [...had, ...more] };
      });
    },
    [key],
  );

  const byBlock = useMemo(() => {
    const map = new Map<number, readonly PatientSummary[]>();
    blocks.forEach((b, i) => {
      const items = answers[i]?.data?.items;
      if (items) map.set(b, items);
    });
    return map;
  }, [blocks, answers]);

  const rowAt = useCallback(
    (index: number) => byBlock.get(Math.floor(index / SEARCH_BLOCK))?.[index % SEARCH_BLOCK],
    [byBlock],
  );

  const first = answers[0]?.data;
  const failed = answers.find((a) => a.error)?.error;
  // While the current query's first rows are on their way, the list keeps showing the last rows
  // it had (replaced as soon as they arrive, never after): no spinner flashing in its place at
  // each keystroke, and a row being clicked is not pulled from under the pointer.
  const [shown, setShown] = useState<{
    first: PatientSearchPage;
    rowAt: (index: number) => PatientSummary | undefined;
  } | null>(null);
  if (first && shown?.first !== first) setShown({ first, rowAt }); // kept only for while the next query loads
  const showing = first || failed || !shown ? { first, rowAt } : shown;
  return {
    total: showing.first?.total ?? null,
    interpretedAs: showing.first?.interpretedAs ?? null,
    error: failed instanceof BackendError ? failed.shape : null,
    rowAt: showing.rowAt,
    ensureRows,
  };
}
