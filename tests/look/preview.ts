/**
 * What the look scripts share: a browser-preview server on a temporary data folder, and the
 * Chromium tests/browser.mjs finds, launched the way this machine allows.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../browser.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Starts the built preview server (`npm run build` first) and resolves with its address. */
export async function startPreview(): Promise<{ url: string; stop: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-look-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'main', 'preview.js'), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /preview is ready: (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
  });
  return { url, stop };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
  });
}
