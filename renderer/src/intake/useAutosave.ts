/** The autosaver (autosaver.ts) bound to a component: its state to show, and a save when leaving. */
import { useEffect, useMemo, useState } from 'react';
import { Autosaver, type AutosaveOptions, type SaveState } from './autosaver';

export type { SaveState } from './autosaver';

export function useAutosave<P>(options: AutosaveOptions<P>) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const [saver] = useState(() => new Autosaver<P>(options, setState));
  useEffect(() => {
    saver.update(options);
  });

  // Leaving the page saves what is waiting.
  useEffect(
    () => () => {
      if (saver.waiting) void saver.flush();
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
