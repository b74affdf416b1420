/**
 * The library as the page sees it: the built-in exercises (in code, the same everywhere) and the
 * clinic's own (from the records), with the search and filters the library page and the
 * programme editor share.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BodyRegion, Exercise, ExerciseType } from '../../../shared/clinical/exercises/exercise';
import { BODY_REGION_LABELS, EXERCISE_TYPE_LABELS } from '../../../shared/clinical/exercises/exercise';
import { BUILT_IN_EXERCISES } from '../../../shared/clinical/exercises/library/index';
import type { ClinicExercise } from '../../../shared/domain/clinic-exercise';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { foldText } from '../../../shared/text/fold';
import { call } from '../api/client';

export interface LibraryEntry {
  readonly exercise: Exercise;
  readonly source: 'built-in' | 'clinic';
  /** The clinic's record (version, retired, picture facts) for its own exercises. */
  readonly clinic: ClinicExercise | null;
  /** Folded name, purpose, regions and type, for search. */
  readonly searchText: string;
}

function searchTextOf(e: Exercise): string {
  return foldText(
    [e.name, e.purpose, ...e.tags.regions.map((r) => BODY_REGION_LABELS[r]), EXERCISE_TYPE_LABELS[e.tags.type]].join(
      ' ',
    ),
  );
}

const BUILT_IN_ENTRIES: readonly LibraryEntry[] = BUILT_IN_EXERCISES.map((exercise) => ({
  exercise,
  source: 'built-in',
  clinic: null,
  searchText: searchTextOf(exercise),
}));

export function clinicEntry(c: ClinicExercise): LibraryEntry {
  return { exercise: c.exercise, source: 'clinic', clinic: c, searchText: searchTextOf(c.exercise) };
}

export interface Library {
  /** Null while loading the clinic's exercises. */
  readonly entries: readonly LibraryEntry[] | null;
  readonly error: AppErrorShape | null;
  reload(): Promise<void>;
}

/** Built-in exercises first (in the library's order), then the clinic's by name. */
export function useLibrary(includeRetired = false): Library {
  const [clinic, setClinic] = useState<ClinicExercise[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const reload = useCallback(async () => {
    const r = await call('exercises.listClinic', { includeRetired });
    if (r.ok) {
      setClinic(r.value);
      setError(null);
    } else setError(r.error);
  }, [includeRetired]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return {
    entries: clinic ? [...BUILT_IN_ENTRIES, ...clinic.map(clinicEntry)] : null,
    error,
    reload,
  };
}

export function findEntry(entries: readonly LibraryEntry[], id: string): LibraryEntry | undefined {
  return entries.find((e) => e.exercise.id === id);
}

export interface LibraryFilter {
  text: string;
  region: BodyRegion | '';
  type: ExerciseType | '';
  source: 'built-in' | 'clinic' | '';
}

export const NO_FILTER: LibraryFilter = { text: '', region: '', type: '', source: '' };

/** Every word typed must start a word of the exercise's name, purpose, region or type. */
export function filterLibrary(entries: readonly LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  const words = foldText(filter.text).split(' ').filter(Boolean);
  return entries.filter((entry) => {
    if (filter.region && !entry.exercise.tags.regions.includes(filter.region)) return false;
    if (filter.type && entry.exercise.tags.type !== filter.type) return false;
    if (filter.source && entry.source !== filter.source) return false;
    const haystack = ` ${entry.searchText}`;
    return words.every((w) => haystack.includes(` ${w}`));
  });
}
