/** The clinic's running library (rule sets and programmes), loaded for the settings sections. */
import { records, useRead } from '../data';

export function useRunningLibrary() {
  const query = useRead(records.clinic('running'), 'running.library', {});
  return { library: query.data ?? null, error: query.error?.shape ?? null, load: query.refetch };
}
