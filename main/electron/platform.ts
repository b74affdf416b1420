/**
 * The desktop side of main/backend/platform.ts: native dialogs, the system PDF viewer, printing.
 * Files handed to the viewer or the printer are written to a private temporary folder and
 * removed afterwards (a PDF is outside the encrypted database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { BrowserWindow, dialog, shell } from 'electron';
import type { Platform } from '../backend/platform';

function privateTempFile(name: string, bytes: Buffer): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-clinic-'));
  const file = path.join(dir, name.replace(/[^\p{L}\p{N} ._-]/gu, '_'));
  fs.writeFileSync(file, bytes, { mode: 0o600 });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function desktopPlatform(owner: () => BrowserWindowType | null): Platform {
  return {
    kind: 'desktop',
    async chooseSavePath({ title, defaultName, filters }) {
      const window = owner();
      const options = { title, defaultPath: path.join(os.homedir(), defaultName), filters };
      const r = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async chooseOpenPath({ title, filters }) {
      const window = owner();
      const options = { title, filters, properties: ['openFile' as const] };
      const r = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async openPath(file) {
      const error = await shell.openPath(file);
      if (error) throw new Error(error);
    },
    async printPdf(pdf, title) {
      const temp = privateTempFile(`${title}.pdf`, pdf);
      // A hidden window shows the PDF with Chromium's viewer, which hands it to the system dialog.
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
      });
      try {
        await window.loadFile(temp.file);
        await new Promise<void>((resolve, reject) =>
          window.webContents.print({ silent: false, printBackground: true }, (ok, reason) =>
            ok || reason === 'cancelled' ? resolve() : reject(new Error(reason)),
          ),
        );
      } finally {
        window.destroy();
        temp.remove();
      }
    },
  };
}
