/**
 * The desktop shell (main/electron/main.ts) run under plain Node against a fake `electron`
 * module (tests/helpers/fake-electron.ts), with the real backend on real SQLite files behind it:
 * what the installed app does with development switches, and what closing the last window does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../../shared/domain/session';
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
