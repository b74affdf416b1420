/**
 * E2E fixtures: a preview server per test, on its own temporary data folder, started from the
 * built app (dist/). The test waits for the server's readiness line and the page's
 * data-app-ready marker, never for a fixed time.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const READY = 'Stride Clinic preview is ready: ';

export interface PreviewApp {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Stops the server (as Ctrl+C would) and starts a new one on the same data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function startServer(dataDir: string, extraArgs: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist', 'main', 'preview.js'), '--data-dir', dataDir, ...extraArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith(READY));
      if (line) {
        clearTimeout(timer);
        resolve(line.slice(READY.length).trim());
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'stride-e2e-'));
}

export const test = base.extend<{ app: PreviewApp; appArgs: string[]; dataDir: string }>({
  appArgs: [[], { option: true }],
  dataDir: async ({}, use) => {
    const dir = makeDataDir();
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir, appArgs }, use) => {
    let server = await startServer(dataDir, appArgs);
    const app: PreviewApp = {
      get url() {
        return server.url;
      },
      get origin() {
        return new URL(server.url).origin;
      },
      get token() {
        return server.url.split('#token=')[1] ?? '';
      },
      dataDir,
      async restart() {
        await stopServer(server.child);
        server = await startServer(dataDir, appArgs);
      },
      stop: () => stopServer(server.child),
    };
    await use(app);
    await stopServer(server.child);
  },
});

export { expect };

/** Opens the app and waits until its first screen is on show. */
export async function openApp(page: Page, app: PreviewApp): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(app.url);
  await page.locator('body[data-app-ready="true"]').waitFor();
  expect(errors, 'the page logged errors (a CSP violation would show here)').toEqual([]);
}
