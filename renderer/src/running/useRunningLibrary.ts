/** The clinic's running library (rule sets and programmes), loaded for the settings sections. */
import { useCallback, useEffect, useState } from 'react';
import type { RunningLibrary } from '../../../shared/domain/running';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';

export function useRunningLibrary() {
  const [library, setLibrary] = useState<RunningLibrary | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const load = useCallback(async () => {
    const r = await call('running.library', {});
    if (r.ok) {
      setLibrary(r.value);
      setError(null);
    } else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return { library, error, load, setLibrary };
}
