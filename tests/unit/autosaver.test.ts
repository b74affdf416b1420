import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveState } from '../../renderer/src/intake/autosaver';
import type { Result } from '../../shared/ipc/result';

/** A form whose text the test sets, and a backend whose answers the test releases one by one. */
function harness(options: { initial?: string; answer?: (payload: string) => Result<unknown> } = {}) {
  let text = options.initial ?? '';
  const sent: string[] = [];
  const pending: (() => void)[] = [];
  let state: SaveState = { kind: 'saved', at: null };
  const saver = new Autosaver<string>(
    {
      initialKey: options.initial ?? '',
      delayMs: 800,
      prepare: () => (text.includes('!') ? { ok: false, count: 1 } : { ok: true, payload: text, key: text }),
      send: (payload) =>
        new Promise((resolve) => {
          sent.push(payload);
          pending.push(() => resolve(options.answer?.(payload) ?? { ok: true, value: null }));
        }),
    },
    (update) => (state = update(state)),
  );
  return {
    saver,
    sent,
    type(value: string) {
      text = value;
      saver.schedule();
    },
    /** Lets the backend answer the oldest save on its way. */
    async answer() {
      pending.shift()?.();
      await vi.advanceTimersByTimeAsync(0);
    },
    state: () => state,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave while the clinician types', () => {
  it('saves once typing pauses, not on every key', async () => {
    const h = harness();
    h.type('P');
    await vi.advanceTimersByTimeAsync(300);
    h.type('Pa');
    await vi.advanceTimersByTimeAsync(300);
    h.type('Pai');
    expect(h.state()).toEqual({ kind: 'pending' });
    expect(h.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(800);
    expect(h.sent).toEqual(['Pai']);
    expect(h.state()).toEqual({ kind: 'saving' });
    await h.answer();
    expect(h.state().kind).toBe('saved');
  });

  it('never overlaps saves: what is typed during a save goes in the next one', async () => {
    const h = harness();
    h.type('rest 2');
    const first = h.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toEqual(['rest 2']);
    // Typed while the first save is on its way, and saved at once (Ctrl+S): it waits its turn.
    h.type('rest 3');
    const second = h.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toEqual(['rest 2']);
    await h.answer();
    expect(await first).toBe(true);
    expect(h.sent).toEqual(['rest 2', 'rest 3']);
    await h.answer();
    expect(await second).toBe(true);
  });

  it('sends nothing when the form holds what was last saved', async () => {
    const h = harness({ initial: 'stored' });
    h.type('stored');
    await vi.advanceTimersByTimeAsync(800);
    expect(h.sent).toEqual([]);
    expect(h.state().kind).toBe('saved');
  });

  it('does not send a form with an entry to fix, and says so', async () => {
    const h = harness();
    h.type('heel raises -3!');
    expect(await h.saver.flush()).toBe(false);
    expect(h.sent).toEqual([]);
    expect(h.state()).toEqual({ kind: 'invalid', count: 1 });
  });

  it('stops after a refusal that saving again cannot fix, and reports it', async () => {
    const error = { code: 'locked' as const, message: 'This intake was signed.' };
    const h = harness({ answer: () => ({ ok: false, error }) });
    h.type('more');
    const done = h.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    await h.answer();
    expect(await done).toBe(false);
    expect(h.state()).toEqual({ kind: 'failed', error });
    expect(h.saver.stopped).toBe(true);
    h.type('even more');
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.sent).toEqual(['more']);
  });

  it('tries again after a refusal of one value', async () => {
    let refuse = true;
    const h = harness({
      answer: () =>
        refuse
          ? { ok: false, error: { code: 'invalid_request', message: 'Onset is after today.' } }
          : { ok: true, value: 1 },
    });
    h.type('onset tomorrow');
    const first = h.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    await h.answer();
    expect(await first).toBe(false);
    expect(h.saver.stopped).toBe(false);
    refuse = false;
    h.type('onset yesterday');
    await vi.advanceTimersByTimeAsync(800);
    await h.answer();
    expect(h.sent).toEqual(['onset tomorrow', 'onset yesterday']);
    expect(h.state().kind).toBe('saved');
  });

  it('tries again on its own when the app locked itself while changes were waiting', async () => {
    let locked = true;
    const h = harness({
      answer: () =>
        locked
          ? { ok: false, error: { code: 'session_locked', message: 'The app is locked.' } }
          : { ok: true, value: 1 },
    });
    h.type('typed before the lock');
    await vi.advanceTimersByTimeAsync(800);
    await h.answer();
    expect(h.state().kind).toBe('failed');
    expect(h.saver.stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.sent).toHaveLength(2);
    await h.answer();
    expect(h.state().kind).toBe('failed');
    // Still locked at the second try: the next comes later (10 s); by then the clinician unlocked.
    locked = false;
    await vi.advanceTimersByTimeAsync(9_000);
    expect(h.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    await h.answer();
    expect(h.sent).toEqual(['typed before the lock', 'typed before the lock', 'typed before the lock']);
    expect(h.state().kind).toBe('saved');
  });

  it('says whether the form holds something the records do not', async () => {
    const h = harness({ initial: 'as stored' });
    expect(h.saver.unsaved()).toBe(false);
    h.type('changed');
    expect(h.saver.unsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(800);
    await h.answer();
    expect(h.saver.unsaved()).toBe(false);
    h.type('changed, with an entry to fix!');
    await vi.advanceTimersByTimeAsync(800);
    expect(h.saver.unsaved()).toBe(true);
  });

  it('once its form is taken down (the page locked), tries no more and keeps nothing in a timer', async () => {
    const h = harness({
      answer: () => ({ ok: false, error: { code: 'session_locked', message: 'The app is locked.' } }),
    });
    h.type('typed as the records locked');
    await vi.advanceTimersByTimeAsync(800);
    await h.answer();
    expect(h.state().kind).toBe('failed');
    h.saver.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.sent).toEqual(['typed as the records locked']);
    h.type('typed after');
    await vi.advanceTimersByTimeAsync(800);
    expect(h.sent).toHaveLength(1);
  });
});
