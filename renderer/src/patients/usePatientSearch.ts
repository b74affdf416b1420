/**
 * Patient search for a virtualised list: the list asks for rows by index, and this hook fetches
 * the blocks of rows that hold them (100 at a time) for the current query, dropping answers to
 * queries that are no longer current.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PatientSearchPage, PatientSummary } from '../../../shared/domain/patient';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';

export const SEARCH_BLOCK = 100;

interface Loaded {
  key: string;
  total: number;
  interpretedAs: PatientSearchPage['interpretedAs'];
  blocks: ReadonlyMap<number, readonly PatientSummary[]>;
}

export interface PatientSearchState {
  /** Null until the first block of the current query has arrived. */
  total: number | null;
  interpretedAs: PatientSearchPage['interpretedAs'] | null;
  error: AppErrorShape | null;
  rowAt(index: number): PatientSummary | undefined;
  /** Make sure the rows first..last are loaded (or on their way). */
  ensureRows(first: number, last: number): void;
}

export function usePatientSearch(query: string, includeArchived: boolean, refreshKey = 0): PatientSearchState {
  const key = `${includeArchived ? 1 : 0}|${refreshKey}|${query}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const requested = useRef(new Set<string>());
  const currentKey = useRef(key);

  const loadBlock = useCallback(
    (block: number) => {
      const id = `${key}#${block}`;
      if (requested.current.has(id)) return;
      requested.current.add(id);
      void call('patients.search', { query, includeArchived, offset: block * SEARCH_BLOCK, limit: SEARCH_BLOCK }).then(
        (r) => {
          if (currentKey.current !== key) return; // an answer to an older query
          if (!r.ok) {
            requested.current.delete(id);
            setError(r.error);
            return;
          }
          setError(null);
          setLoaded((prev) => {
            const base = prev && prev.key === key ? prev.blocks : new Map<number, readonly PatientSummary[]>();
            const blocks = new Map(base);
            blocks.set(block, r.value.items);
            return { key, total: r.value.total, interpretedAs: r.value.interpretedAs, blocks };
          });
        },
      );
    },
    [key, query, includeArchived],
  );

  useEffect(() => {
    currentKey.current = key;
    requested.current = new Set();
    loadBlock(0);
  }, [key, loadBlock]);

  const current = loaded && loaded.key === key ? loaded : null;

  const ensureRows = useCallback(
    (first: number, last: number) => {
      for (
        let b = Math.floor(Math.max(0, first) / SEARCH_BLOCK);
        b <= Math.floor(Math.max(0, last) / SEARCH_BLOCK);
        b++
      ) {
        loadBlock(b);
      }
    },
    [loadBlock],
  );

  const rowAt = useCallback(
    (index: number) => current?.blocks.get(Math.floor(index / SEARCH_BLOCK))?.[index % SEARCH_BLOCK],
    [current],
  );

  return {
    total: current?.total ?? null,
    interpretedAs: current?.interpretedAs ?? null,
    error,
    rowAt,
    ensureRows,
  };
}
