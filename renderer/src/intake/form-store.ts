/**
 * The intake form's typed values in a small store, so a keystroke re-renders only the field it
 * changed (each field subscribes to its own path) instead of the whole page of some 300 inputs;
 * the page's derived parts (scores, readiness, the note) follow a moment later from a deferred copy.
 */
import { useSyncExternalStore } from 'react';
import type { FormValues } from './form-model';

export interface FormStore {
  get(path: string): string;
  /** The current values; a new object after every change, the same one otherwise. */
  snapshot(): FormValues;
  subscribe(listener: () => void): () => void;
  update(changes: Readonly<Record<string, string>>): void;
}

export function createFormStore(initial: FormValues): FormStore {
  let values = initial;
  const listeners = new Set<() => void>();
  return {
    get: (path) => values[path] ?? '',
    snapshot: () => values,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(changes) {
      if (Object.entries(changes).every(([k, v]) => (values[k] ?? '') === v)) return;
      values = { ...values, ...changes };
      for (const listener of listeners) listener();
    },
  };
}

/** One field's value; the component re-renders only when this value changes. */
export function useFieldValue(store: FormStore, path: string): string {
  return useSyncExternalStore(store.subscribe, () => store.get(path));
}

/** Every value, for the parts of the page computed from the whole form. */
export function useFormValues(store: FormStore): FormValues {
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
