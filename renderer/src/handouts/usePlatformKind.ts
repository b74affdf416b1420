/** Desktop (native dialogs, printer, viewer) or browser preview (downloads), as the backend knows it. */
import { useEffect, useState } from 'react';
import { call } from '../api/client';

export type PlatformKind = 'desktop' | 'browser';

export function usePlatformKind(): PlatformKind | null {
  const [kind, setKind] = useState<PlatformKind | null>(null);
  useEffect(() => {
    let live = true;
    void call('app.platform', {}).then((r) => {
      // If the question fails, offer what works everywhere: the download.
      if (live) setKind(r.ok ? r.value.kind : 'browser');
    });
    return () => {
      live = false;
    };
  }, []);
  return kind;
}
