/**
 * Runs a long backend operation (backup, restore, export) and follows its progress: the page
 * picks a progress id, passes it with the request, and asks `progress.get` a few times a second
 * while the request runs. What is shown is what the backend reports, nothing invented.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress } from '../../../shared/domain/records';
import { call } from '../api/client';

const POLL_MS = 300;

function progressId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface Operation {
  running: boolean;
  progress: Progress | null;
  run<T>(start: (progressId: string) => Promise<T>): Promise<T>;
}

export function useOperation(): Operation {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async <T>(start: (progressId: string) => Promise<T>): Promise<T> => {
    const id = progressId();
    let active = true;
    setRunning(true);
    setProgress(null);
    const poll = async () => {
      while (active) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!active) return;
        const r = await call('progress.get', { id });
        if (active && mounted.current && r.ok && r.value) setProgress(r.value);
      }
    };
    void poll();
    try {
      return await start(id);
    } finally {
      active = false;
      if (mounted.current) {
        setRunning(false);
        setProgress(null);
      }
    }
  }, []);

  return { running, progress, run };
}
