/**
 * Autosave for a form the clinician types in while talking, without React: a save runs once
 * typing pauses (debounced), `flush` saves at once (the Save button, Ctrl+S, before signing, when
 * leaving the page), saves never overlap (each waits for the one before), and a save that would
 * send what was last saved sends nothing. What was typed is never replaced by the answer: a
 * refused save leaves the form as it is and reports why.
 */
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
/**
 * The records locked on the backend's side while changes were waiting (its idle clock, another
 * window): try again now and then while the form is open. Once the page learns of the lock it
 * takes the form down (nothing typed stays in the page), which disposes of this autosaver.
 */
const RETRY_CODES = new Set(['session_locked']);
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

export class Autosaver<P> {
  private savedKey: string;
  private chain: Promise<boolean> = Promise.resolve(true);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private halted = false;
  private retryMs = RETRY_FIRST_MS;

  constructor(
    private options: AutosaveOptions<P>,
    private readonly onState: (update: (previous: SaveState) => SaveState) => void,
  ) {
    this.savedKey = options.initialKey;
  }

  /** The latest `prepare` and `send` (they close over the form as it is now). */
  update(options: AutosaveOptions<P>): void {
    this.options = options;
  }

  /** True after a refusal that saving again cannot fix (stale, locked...). */
  get stopped(): boolean {
    return this.halted;
  }

  /** True while a debounced save is waiting. */
  get waiting(): boolean {
    return this.timer !== null;
  }

  /** True when the form holds something the records do not (or cannot yet: an entry to fix). */
  unsaved(): boolean {
    if (this.timer !== null) return true;
    const prepared = this.options.prepare();
    return !prepared.ok || prepared.key !== this.savedKey;
  }

  /** The form is gone: no more retries, and nothing of it kept in a timer. */
  dispose(): void {
    this.halted = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Typing happened: save once it pauses. */
  schedule(): void {
    if (this.halted) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.onState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.delayMs ?? 800);
  }

  /** Saves now, after any save already on its way; resolves true when what is typed is stored. */
  flush(): Promise<boolean> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const run = () => this.saveOnce();
    this.chain = this.chain.then(run, run);
    return this.chain;
  }

  private async saveOnce(): Promise<boolean> {
    if (this.halted) return false;
    const { prepare, send } = this.options;
    const prepared = prepare();
    if (!prepared.ok) {
      this.onState(() => ({ kind: 'invalid', count: prepared.count }));
      return false;
    }
    if (prepared.key === this.savedKey) {
      this.onState((s) => (s.kind === 'saved' ? s : { kind: 'saved', at: new Date() }));
      return true;
    }
    this.onState(() => ({ kind: 'saving' }));
    const r = await send(prepared.payload);
    if (r.ok) {
      this.savedKey = prepared.key;
      this.retryMs = RETRY_FIRST_MS;
      // Typing may have gone on while the save was travelling: the waiting save picks it up.
      this.onState(() => (this.timer === null ? { kind: 'saved', at: new Date() } : { kind: 'pending' }));
      return true;
    }
    if (STOPPING_CODES.has(r.error.code)) this.halted = true;
    this.onState(() => ({ kind: 'failed', error: r.error }));
    if (RETRY_CODES.has(r.error.code) && this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    }
    return false;
  }
}
