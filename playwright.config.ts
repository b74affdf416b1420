// End-to-end tests: Playwright drives Chromium (tests/browser.mjs says which) against the preview server (the same
// backend and renderer as the desktop app). Each test starts its own server on a temporary data
// folder (tests/e2e/fixtures.ts). `npm run build` must have run first (npm test does it).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/browser.mjs';

/** Where the run's JSON report goes; tests/run-all.mjs reads it (same path) for its closing summary. */
const E2E_REPORT = 'playwright-report/results.json';

// `npm test` has found or installed one already (and set CHROMIUM_PATH); a lone `npx playwright
// test` finds the same, or leaves Playwright to say its own browser is missing.
const chromiumPath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  // On CI a failed test is tried once more; one that passes the second time is reported as
  // flaky at the end of `npm test` (tests/run-all.mjs reads the JSON report), never hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: E2E_REPORT }]],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
});
