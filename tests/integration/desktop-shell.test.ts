/**
 * The desktop shell (main/electron/main.ts) run under plain Node against a fake `electron`
 * module (tests/helpers/fake-electron.ts), with the real backend on real SQLite files behind it:
 * the window's security settings, the IPC channels it binds, what pages and permissions it
 * denies, what the app:// protocol serves, printing, what the installed app does with
 * development switches, and what closing the last window does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../../shared/domain/session';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { CHANNELS } from '../../shared/ipc/contract';
import { CLINIC_SETUP, removeTempDirs, tempDir } from '../helpers/backend';
import { fakeElectron, type FakeElectron } from '../helpers/fake-electron';

const realPlatform = process.platform;
const realArgv = [...process.argv];
let running: FakeElectron | null = null;

function setPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

/** Starts the shell as Electron would, with this command line and environment. */
async function startShell(options: {
  isPackaged: boolean;
  args?: string[];
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
}): Promise<FakeElectron & { defaultUserData: string }> {
  const defaultUserData = tempDir('stride-userdata-');
  const fake = fakeElectron({ isPackaged: options.isPackaged, userData: defaultUserData });
  running = fake;
  for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  process.argv = [realArgv[0] ?? 'electron', ...(options.isPackaged ? [] : ['.']), ...(options.args ?? [])];
  if (options.platform) setPlatform(options.platform);
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  await import('../../main/electron/main');
  await fake.start();
  return Object.assign(fake, { defaultUserData });
}

async function status(fake: FakeElectron): Promise<AppStatus> {
  const r = (await fake.call('app.status', {})) as { ok: true; value: AppStatus };
  expect(r.ok).toBe(true);
  return r.value;
}

afterEach(() => {
  running?.module.app.emit('will-quit'); // closes the backend and its SQLite files
  running = null;
  vi.doUnmock('electron');
  vi.unstubAllEnvs();
  process.argv = [...realArgv];
  setPlatform(realPlatform);
  removeTempDirs();
});

describe('development switches in the installed app', () => {
  it('an installed app ignores STRIDE_DATA_DIR and STRIDE_SQLITE_BINDING and keeps its records where Electron says', async () => {
    const planted = tempDir('stride-planted-');
    const driver = path.join(planted, 'better_sqlite3.node');
    fs.writeFileSync(driver, 'not a driver: an attacker’s library would be here');
    const fake = await startShell({
      isPackaged: true,
      env: { STRIDE_DATA_DIR: planted, STRIDE_SQLITE_BINDING: driver },
    });
    expect((await status(fake)).dataFolder).toBe(fake.defaultUserData);
    // Opening the records loads the driver: the one shipped with the app, not the planted file.
    const setup = (await fake.call('app.setup', CLINIC_SETUP)) as { ok: boolean };
    expect(setup.ok).toBe(true);
    expect((await status(fake)).state).toBe('ready');
    expect(fs.existsSync(path.join(fake.defaultUserData, 'clinic.sqlite'))).toBe(true);
    expect(fs.readdirSync(planted)).toEqual(['better_sqlite3.node']);
  });

  it('an installed app keeps --data-dir, its documented option', async () => {
    const chosen = tempDir('stride-chosen-');
    const fake = await startShell({ isPackaged: true, args: ['--data-dir', chosen] });
    expect((await status(fake)).dataFolder).toBe(chosen);
  });

  it('an unpackaged run (npm start) follows STRIDE_DATA_DIR and loads the driver STRIDE_SQLITE_BINDING names', async () => {
    const devFolder = tempDir('stride-dev-');
    const driver = path.join(tempDir('stride-driver-'), 'better_sqlite3.node');
    fs.writeFileSync(driver, 'not a driver');
    const fake = await startShell({
      isPackaged: false,
      env: { STRIDE_DATA_DIR: devFolder, STRIDE_SQLITE_BINDING: driver },
    });
    expect((await status(fake)).dataFolder).toBe(devFolder);
    // The named file is what the driver loader tries (and fails) to load.
    const setup = (await fake.call('app.setup', CLINIC_SETUP)) as { ok: boolean };
    expect(setup.ok).toBe(false);
    expect((await status(fake)).state).not.toBe('ready');
  });
});

describe('closing the last window', () => {
  it('on macOS (where the app keeps running) locks the records', async () => {
    const fake = await startShell({ isPackaged: true, platform: 'darwin' });
    expect(((await fake.call('app.setup', CLINIC_SETUP)) as { ok: boolean }).ok).toBe(true);
    expect((await status(fake)).state).toBe('ready');
    const [window] = fake.windows();
    window?.close();
    await vi.waitFor(async () => expect((await status(fake)).state).toBe('locked'));
    expect(fake.quitCalls).toBe(0);
    const read = (await fake.call('settings.get', {})) as { ok: boolean; error?: { code: string } };
    expect(read).toMatchObject({ ok: false, error: { code: 'session_locked' } });
  });

  it('on Windows and Linux quits the app', async () => {
    for (const platform of ['win32', 'linux'] as const) {
      const fake = await startShell({ isPackaged: true, platform });
      fake.windows()[0]?.close();
      expect(fake.quitCalls).toBe(1);
      fake.module.app.emit('will-quit');
    }
  });
});

describe('the desktop window', () => {
  it('opens sandboxed and context-isolated, with no Node.js in the page, on app://stride/', async () => {
    const fake = await startShell({ isPackaged: true });
    expect(fake.sandboxEnabled).toBe(true);
    const [window] = fake.created();
    expect(fake.created()).toHaveLength(1);
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(String(window?.options.webPreferences?.preload)).toMatch(/[/\\]preload[/\\]preload\.cjs$/);
    expect(window?.loaded).toEqual(['app://stride/index.html']);
  });

  it('binds every channel of the contract exactly once, each refusing a sender that is not the app’s top frame', async () => {
    const fake = await startShell({ isPackaged: true });
    expect(fake.registrations().sort()).toEqual([...CHANNELS].sort());
    const strangers = [
      null,
      { url: 'app://stride/index.html', parent: { url: 'app://stride/index.html' } },
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///etc/passwd', parent: null },
    ];
    for (const channel of CHANNELS) {
      for (const frame of strangers) {
        expect(await fake.call(channel, {}, frame), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
  });

  it('lets no page leave the app: navigation, redirects, new windows and webviews are denied', async () => {
    const fake = await startShell({ isPackaged: true });
    const contents = fake.created()[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://stride/index.html' })).toEqual({ action: 'deny' });
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
    ]) {
      expect(contents.navigate('will-navigate', url), url).toBe(false);
      expect(contents.navigate('will-redirect', url), url).toBe(false);
    }
    expect(contents.navigate('will-navigate', 'app://stride/index.html#/patients')).toBe(true);
    expect(contents.navigate('will-attach-webview', 'app://stride/index.html')).toBe(false);
  });

  it('denies every permission a page could ask for', async () => {
    const fake = await startShell({ isPackaged: true });
    const { request, check } = fake.permissions;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'fullscreen',
      'openExternal',
    ]) {
      let granted: boolean | null = null;
      request?.(null, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(check?.(null, permission), permission).toBe(false);
    }
    expect(request).not.toBeNull();
    expect(check).not.toBeNull();
  });
});

describe('the app:// protocol', () => {
  it('is the one privileged scheme, and serves nothing outside the renderer folder', async () => {
    const fake = await startShell({ isPackaged: true });
    expect(fake.privilegedSchemes()).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    // From main/electron/, the renderer folder is ../renderer: these reach real files beside it.
    for (const url of [
      'app://stride/../electron/main.ts',
      'app://stride/%2e%2e/electron/main.ts',
      'app://stride/..%2f..%2fpackage.json',
      'app://stride/%2e%2e/%2e%2e/package.json',
      'app://other/package.json',
    ]) {
      const response = await fake.request(url);
      expect(response.status, url).toBe(404);
    }
  });

  it('serves a handout being printed from memory under app://stride/print/, never file://, and forgets it afterwards', async () => {
    const fake = await startShell({ isPackaged: true });
    const { desktopPlatform } = await import('../../main/electron/platform');
    const pdf = Buffer.from('%PDF-1.7 a handout for Zoë');
    let served: { status: number; type: string | null; bytes: Buffer } | null = null;
    fake.onWindow((window) => {
      window.webContents.onPrint = async () => {
        const response = await fake.request(window.loaded[0]!);
        served = {
          status: response.status,
          type: response.headers.get('content-type'),
          bytes: Buffer.from(await response.arrayBuffer()),
        };
      };
    });
    await desktopPlatform(() => null).printPdf(pdf, 'Handout for Zoë');
    const printer = fake.created()[1]!;
    expect(printer.options.show).toBe(false);
    expect(printer.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(printer.loaded).toEqual([expect.stringMatching(/^app:\/\/stride\/print\/[0-9a-f-]{36}\.pdf$/)]);
    expect(printer.webContents.printed).toHaveLength(1);
    expect(served).toEqual({ status: 200, type: 'application/pdf', bytes: pdf });
    expect(printer.destroyed).toBe(true);
    expect((await fake.request(printer.loaded[0]!)).status).toBe(404);
  });
});

describe('native dialogs', () => {
  it('open over the window and hand back the chosen path, or nothing when cancelled', async () => {
    const fake = await startShell({ isPackaged: true });
    const { desktopPlatform } = await import('../../main/electron/platform');
    const platform = desktopPlatform(() => fake.windows()[0] as unknown as Electron.BrowserWindow);
    const save = { title: 'Save the export', defaultName: 'export.zip', filters: [] };
    fake.dialogAnswer.save = '/media/usb/export.zip';
    expect(await platform.chooseSavePath(save)).toBe('/media/usb/export.zip');
    fake.dialogAnswer.save = null;
    expect(await platform.chooseSavePath(save)).toBeNull();
    fake.dialogAnswer.open = '/media/usb/clinic.stridebackup';
    expect(await platform.chooseOpenPath({ title: 'Choose a backup', filters: [] })).toBe(
      '/media/usb/clinic.stridebackup',
    );
    expect(fake.dialogCalls.map((c) => [c.kind, c.parent])).toEqual([
      ['save', true],
      ['save', true],
      ['open', true],
    ]);
  });
});

describe('the preload', () => {
  it('puts one named function per channel on the page, frozen, each sending exactly its one request', async () => {
    const fake = fakeElectron({ isPackaged: true, userData: tempDir('stride-userdata-') });
    vi.resetModules();
    vi.doMock('electron', () => fake.module);
    await import('../../main/electron/preload');
    expect([...fake.exposed.keys()]).toEqual(['stride']);
    const api = fake.exposed.get('stride') as Record<string, (request: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) await api[channel]!({ from: channel });
    expect(fake.invoked).toEqual(CHANNEL_NAMES.map((channel) => [channel, { from: channel }]));
  });
});
