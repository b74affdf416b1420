/**
 * Which Chromium `npm test` hands the end-to-end tests, and how it gets one on a machine without:
 * the decisions of tests/browser.mjs, with the file system and the machine injected.
 */
import { describe, expect, it } from 'vitest';
import { chromiumInstall, findChromium } from '../browser.mjs';

const PLAYWRIGHT = '/home/ana/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const only =
  (...present: string[]) =>
  (file: string) =>
    present.includes(file);
const linux = { env: {}, platform: 'linux' as const, playwright: () => PLAYWRIGHT };

describe('the browser the end-to-end tests drive', () => {
  it('is CHROMIUM_PATH when set, whatever else is installed', () => {
    expect(
      findChromium({ ...linux, env: { CHROMIUM_PATH: '/opt/chromium/chrome' }, exists: only('/usr/bin/chromium') }),
    ).toBe('/opt/chromium/chrome');
  });

  it('is otherwise Debian’s Chromium, then Playwright’s own, then an installed Chrome', () => {
    const everything = only('/usr/bin/chromium', PLAYWRIGHT, '/usr/bin/google-chrome');
    expect(findChromium({ ...linux, exists: everything })).toBe('/usr/bin/chromium');
    expect(findChromium({ ...linux, exists: only(PLAYWRIGHT, '/usr/bin/google-chrome') })).toBe(PLAYWRIGHT);
    expect(findChromium({ ...linux, exists: only('/usr/bin/google-chrome') })).toBe('/usr/bin/google-chrome');
    expect(findChromium({ ...linux, playwright: () => null, exists: only('/usr/bin/google-chrome-stable') })).toBe(
      '/usr/bin/google-chrome-stable',
    );
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({ ...linux, platform: 'darwin', exists: only('/usr/bin/chromium', mac) })).toBe(mac);
  });

  it('is none when nothing is installed (Playwright’s path is only where it would be)', () => {
    expect(findChromium({ ...linux, exists: only() })).toBeNull();
  });
});

describe('getting a browser where there is none', () => {
  const debian = only('/etc/debian_version', '/usr/bin/apt-get');

  it('installs Debian’s Chromium with apt-get when root on Debian, saying so in one line', () => {
    const plan = chromiumInstall({ platform: 'linux', isRoot: true, exists: debian });
    expect(plan.commands).toEqual([
      ['apt-get', ['update', '-qq']],
      ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']],
    ]);
    expect(plan.say).toMatch(/^No Chromium found.*apt-get install chromium/);
    expect(plan.say).not.toContain('\n');
  });

  it('downloads Playwright’s Chromium when not root, not on Debian, or not on Linux', () => {
    const playwright = [['npx', ['playwright', 'install', 'chromium']]];
    for (const machine of [
      { platform: 'linux' as const, isRoot: false, exists: debian },
      { platform: 'linux' as const, isRoot: true, exists: only() },
      { platform: 'darwin' as const, isRoot: true, exists: debian },
      { platform: 'win32' as const, isRoot: false, exists: only() },
    ]) {
      const plan = chromiumInstall(machine);
      expect(plan.commands).toEqual(playwright);
      expect(plan.say).toMatch(/^No Chromium found.*npx playwright install chromium/);
    }
  });
});
