/**
 * Autosave for a form the clinician types in while talking: a save runs once typing pauses
 * (debounced), `flush` saves at once (the Save button, Ctrl+S, before signing, when leaving the
 * page), saves never overlap (each waits for the one before), and a save that would send what was
 * last saved sends nothing. What was typed is never replaced by the answer: a refused save leaves
 * the form as it is and says why.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape, Result } from '../../../shared/ipc/result';

export type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Something typed cannot be saved as it is; `count` entries need fixing. */
  | { kind: 'invalid'; count: number }
  | { kind: 'failed'; error: AppErrorShape };

export type Prepared<P> = { ok: true; payload: P; key: string } | { ok: false; count: number };

export interface AutosaveOptions<P> {
  /** What to send now, with a key that is equal when the content is equal; or why it cannot be sent. */
  prepare(): Prepared<P>;
  send(payload: P): Promise<Result<unknown>>;
  /** The key of what is already stored, when the form opens. */
  initialKey: string;
  delayMs?: number;
}

/** After these the record must be reloaded: saving again would only be refused again. */
const STOPPING_CODES = new Set(['stale', 'locked', 'not_found', 'unauthenticated']);

export function useAutosave<P>(options: AutosaveOptions<P>) {
  const { delayMs = 800 } = options;
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const optionsRef = useRef(options);
  const savedKey = useRef(options.initialKey);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);

  useEffect(() => {
    optionsRef.current = options;
  });

  const saveOnce = useCallback(async (): Promise<boolean> => {
    if (stopped.current) return false;
    const prepared = optionsRef.current.prepare();
    if (!prepared.ok) {
      setState({ kind: 'invalid', count: prepared.count });
      return false;
    }
    if (prepared.key === savedKey.current) {
      setState((s) => (s.kind === 'saved' ? s : { kind: 'saved', at: new Date() }));
      return true;
    }
    setState({ kind: 'saving' });
    const r = await optionsRef.current.send(prepared.payload);
    if (r.ok) {
      savedKey.current = prepared.key;
      // Typing may have gone on while the save was travelling: the next save picks it up.
      setState(timer.current === null ? { kind: 'saved', at: new Date() } : { kind: 'pending' });
      return true;
    }
    if (STOPPING_CODES.has(r.error.code)) stopped.current = true;
    setState({ kind: 'failed', error: r.error });
    return false;
  }, []);

  const flush = useCallback((): Promise<boolean> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    chain.current = chain.current.then(saveOnce, saveOnce);
    return chain.current;
  }, [saveOnce]);

  const schedule = useCallback(() => {
    if (stopped.current) return;
    if (timer.current !== null) clearTimeout(timer.current);
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    timer.current = setTimeout(() => {
      timer.current = null;
      void flush();
    }, delayMs);
  }, [delayMs, flush]);

  // Leaving the page saves what is waiting.
  useEffect(
    () => () => {
      if (timer.current !== null) void flush();
    },
    [flush],
  );

  return { state, schedule, flush, stopped: () => stopped.current };
}
