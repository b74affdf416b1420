/** Desktop (native dialogs, printer, viewer) or browser preview (downloads), as the backend knows it. */
import { records, useRead } from '../data';

export type PlatformKind = 'desktop' | 'browser';

export function usePlatformKind(): PlatformKind | null {
  const query = useRead(records.clinic('app'), 'app.platform', {});
  // If the question fails, offer what works everywhere: the download.
  if (query.error) return 'browser';
  return query.data?.kind ?? null;
}
