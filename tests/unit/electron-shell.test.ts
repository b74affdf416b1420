/** The Electron shell's security pieces, checked under plain Node (no Electron binary needed). */
import { describe, expect, it } from 'vitest';
import { bindIpc, guardedHandler } from '../../main/electron/ipc';
import { APP_ENTRY_URL, isTrustedSender, webPreferences } from '../../main/electron/security';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Dispatch } from '../../main/backend/dispatch';

const echo: Dispatch = (channel, payload) => Promise.resolve({ ok: true, value: { channel, payload } });
const top = { url: 'app://stride/index.html#/patients', parent: null };

describe('the desktop window', () => {
  it('has exactly the hardened web preferences', () => {
    expect(webPreferences('/app/preload.cjs', false)).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      plugins: true,
      devTools: false,
    });
    expect(APP_ENTRY_URL).toBe('app://stride/index.html');
  });

  it('trusts only the app’s own top frame', () => {
    expect(isTrustedSender(top)).toBe(true);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ url: 'app://stride/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///app/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false);
  });
});

describe('IPC binding', () => {
  it('registers every channel of the contract through the one guarded wrapper', () => {
    const registered: string[] = [];
    const bound = bindIpc({ handle: (channel) => registered.push(channel) }, echo, CHANNELS);
    expect(registered).toEqual([...CHANNELS]);
    expect(bound).toEqual([...CHANNELS]);
  });

  it('refuses a request from a sub-frame, another origin or a vanished frame', async () => {
    const handler = guardedHandler('patients.search', echo);
    for (const senderFrame of [
      null,
      { url: 'app://stride/', parent: {} },
      { url: 'https://evil.example/', parent: null },
    ]) {
      expect(await handler({ senderFrame }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await handler({ senderFrame: top }, { query: '' })).toEqual({
      ok: true,
      value: { channel: 'patients.search', payload: { query: '' } },
    });
  });

  it('refuses extra arguments', async () => {
    const handler = guardedHandler('app.status', echo);
    expect(await handler({ senderFrame: top }, {}, 'extra')).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});
