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

describe('development switches', () => {
  const env = { STRIDE_DATA_DIR: '/tmp/planted', STRIDE_SQLITE_BINDING: '/tmp/planted/evil.node' };

  it('are all ignored by the installed app, which keeps only its command-line options', async () => {
    const { shellSwitches } = await import('../../main/electron/switches');
    expect(shellSwitches({ isPackaged: true, env, argv: ['/opt/Stride Clinic/stride-clinic'] })).toEqual({
      dataDir: null,
      sqliteBinding: null,
      devTools: false,
      demo: false,
    });
    expect(
      shellSwitches({ isPackaged: true, env, argv: ['stride-clinic', '--data-dir', '/srv/clinic', '--demo'] }),
    ).toEqual({ dataDir: '/srv/clinic', sqliteBinding: null, devTools: false, demo: true });
    expect(shellSwitches({ isPackaged: true, env, argv: ['stride-clinic', '--data-dir=/srv/clinic'] }).dataDir).toBe(
      '/srv/clinic',
    );
  });

  it('work in an unpackaged run (npm start, tests), where --data-dir still wins', async () => {
    const { shellSwitches } = await import('../../main/electron/switches');
    expect(shellSwitches({ isPackaged: false, env, argv: ['electron', '.'] })).toEqual({
      dataDir: '/tmp/planted',
      sqliteBinding: '/tmp/planted/evil.node',
      devTools: true,
      demo: false,
    });
    expect(
      shellSwitches({ isPackaged: false, env, argv: ['electron', '.', '--data-dir', '/srv/clinic'] }).dataDir,
    ).toBe('/srv/clinic');
    expect(shellSwitches({ isPackaged: false, env: {}, argv: ['electron', '.', '--data-dir'] }).dataDir).toBeNull();
  });
});

describe('the shell reads the environment in one place', () => {
  it('passes process.env only to shellSwitches, which reads only the listed development variables', async () => {
    const { DEVELOPMENT_VARIABLES } = await import('../../main/electron/switches');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = path.resolve(import.meta.dirname, '..', '..', 'main', 'electron');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const uses = source.match(/process\.env\b.*/g) ?? [];
      if (file === 'main.ts')
        expect(uses).toEqual([expect.stringMatching(/^process\.env, argv: process\.argv \}\);$/)]);
      else expect(uses, file).toEqual([]);
      const reads = [...source.matchAll(/\benv\.([A-Z_]+)/g)].map((m) => m[1]);
      for (const name of reads) expect(DEVELOPMENT_VARIABLES, `${file} reads ${name}`).toContain(name);
    }
  });
});
