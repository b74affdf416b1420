// `npm test`: everything CI checks, in order, stopping at the first failure:
// typecheck, lint and format, unit and integration tests (Vitest, real SQLite files in temp
// folders), a build, and end-to-end tests (Playwright driving Chromium against the preview).
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './browser.mjs';

const steps = [
  ['Typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['Lint and format', 'npm', ['run', '--silent', 'lint']],
  ['Unit and integration tests', 'npx', ['vitest', 'run']],
  ['Build', 'npm', ['run', '--silent', 'build']],
  ['End-to-end tests', 'npx', ['playwright', 'test'], prepareBrowser],
];

/** The end-to-end tests need a Chromium: found, or installed here (tests/browser.mjs). */
function prepareBrowser() {
  const browser = ensureChromium();
  if (!browser) return false;
  process.env.CHROMIUM_PATH = browser;
  return true;
}

const results = [];
for (const [name, cmd, args, prepare] of steps) {
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const r =
    prepare && !prepare()
      ? { status: 1 }
      : spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  results.push(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (r.status !== 0) {
    console.log(`\n${results.join('\n')}`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n${results.join('\n')}`);
