// Which Chromium the end-to-end tests (and `npm run look`, `npm run bench`) drive, and how
// `npm test` gets one on a machine that has none. Plain JavaScript: tests/run-all.mjs imports it
// before anything is built, and playwright.config.ts reads the same answer.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

/** How every test launches it: no sandbox (CI runs as root), no GPU, nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installed Chrome, where each system puts it. */
const CHROME = {
  linux: ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** Where Playwright keeps the Chromium `npx playwright install chromium` downloads, or null. */
function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright');
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/**
 * The browser to use, first found of: $CHROMIUM_PATH (taken as given), Debian's Chromium,
 * Playwright's own, an installed Chrome. Null when there is none.
 */
export function findChromium({
  env = process.env,
  platform = process.platform,
  exists = fs.existsSync,
  playwright = playwrightChromium,
} = {}) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  const candidates = [
    ...(platform === 'linux' ? ['/usr/bin/chromium'] : []),
    playwright(),
    ...(CHROME[platform] ?? []),
  ];
  return candidates.find((file) => file && exists(file)) ?? null;
}

/**
 * How to get a browser where there is none: Debian's Chromium when root on Debian (the package
 * manager keeps it updated), else Playwright's download into the user's cache.
 */
export function chromiumInstall({
  platform = process.platform,
  isRoot = process.getuid?.() === 0,
  exists = fs.existsSync,
} = {}) {
  if (platform === 'linux' && isRoot && exists('/etc/debian_version') && exists('/usr/bin/apt-get')) {
    return {
      say: 'No Chromium found for the end-to-end tests: installing Debian’s (apt-get install chromium).',
      commands: [
        ['apt-get', ['update', '-qq']],
        ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']],
      ],
    };
  }
  return {
    say: 'No Chromium found for the end-to-end tests: downloading Playwright’s (npx playwright install chromium).',
    commands: [['npx', ['playwright', 'install', 'chromium']]],
  };
}

/** Finds a browser or gets one; returns its path, or null (and says why) when that failed. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const plan = chromiumInstall();
  console.log(plan.say);
  for (const [command, args] of plan.commands) {
    const r = spawnSync(command, args, {
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) break;
  }
  const installed = findChromium();
  if (!installed) console.log('Chromium could not be installed: set CHROMIUM_PATH to a Chromium or Chrome binary.');
  return installed;
}
