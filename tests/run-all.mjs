// `npm test`: everything CI checks, in order, stopping at the first failure:
// typecheck, lint and format, unit and integration tests (Vitest, real SQLite files in temp
// folders), a build, and end-to-end tests (Playwright driving Chromium against the preview).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
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
  if (name === 'End-to-end tests') results.push(...endToEndTroubles());
  if (r.status !== 0) {
    console.log(`\n${results.join('\n')}`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n${results.join('\n')}`);

/**
 * The end-to-end tests that failed or passed only when tried again, each with the first lines of
 * its error, so the last lines of a CI log say what went wrong (the list above them is long).
 */
function endToEndTroubles() {
  let report;
  try {
    report = JSON.parse(fs.readFileSync('playwright-report/results.json', 'utf8'));
  } catch {
    return [];
  }
  const lines = [];
  const walk = (suite, titles) => {
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const where = `${spec.file}:${spec.line}`;
        lines.push(
          `  ${test.status === 'flaky' ? 'flaky (passed when tried again)' : 'failed'}: ${where} › ${spec.title}`,
        );
        const error = (test.results ?? []).map((r) => r.error?.message).find(Boolean) ?? '';
        const plain = stripVTControlCharacters(error)
          .split('\n')
          .filter((l) => l.trim() !== '');
        for (const l of plain.slice(0, 6)) lines.push(`      ${l}`);
      }
    }
  };
  walk(report, []);
  return lines;
}
