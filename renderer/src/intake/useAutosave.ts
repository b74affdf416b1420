/**
 * The autosaver (autosaver.ts) bound to a component: its state to show, a save when leaving, and
 * a save before the app locks (the form is then registered as unsaved work under `label`).
 */
import { useEffect, useMemo, useState } from 'react';
import { useUnsavedWork } from '../app/unsaved-work';
import { Autosaver, type AutosaveOptions, type SaveState } from './autosaver';

export type { SaveState } from './autosaver';

export function useAutosave<P>(options: AutosaveOptions<P> & { label: string }) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const [saver] = useState(() => new Autosaver<P>(options, setState));
  useEffect(() => {
    saver.update(options);
  });
  useUnsavedWork({ label: options.label, unsaved: () => saver.unsaved(), save: () => saver.flush() });

  // Leaving the page saves what is waiting, once; then the autosaver stops for good.
  useEffect(
    () => () => {
      if (saver.waiting) void saver.flush().finally(() => saver.dispose());
      else saver.dispose();
    },
    [saver],
  );

  const controls = useMemo(
    () => ({
      schedule: () => saver.schedule(),
      flush: () => saver.flush(),
      stopped: () => saver.stopped,
    }),
    [saver],
  );
  return { state, ...controls };
}
