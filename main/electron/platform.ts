/**
 * The desktop side of main/backend/platform.ts: native dialogs, the system PDF viewer, printing.
 * A PDF to print is served to a hidden window from memory under app://stride/print/ (never
 * file://, and never on disk: a PDF is outside the encrypted database).
 */
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { BrowserWindow, dialog, shell } from 'electron';
import type { Platform } from '../backend/platform';
import { offerForPrinting } from './protocol';

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
    async printPdf(pdf) {
      const document = offerForPrinting(pdf);
      // A hidden window shows the PDF with Chromium's viewer, which hands it to the system dialog.
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
      });
      try {
        await window.loadURL(document.url);
        await new Promise<void>((resolve, reject) =>
          window.webContents.print({ silent: false, printBackground: true }, (ok, reason) =>
            ok || reason === 'cancelled' ? resolve() : reject(new Error(reason)),
          ),
        );
      } finally {
        window.destroy();
        document.withdraw();
      }
    },
  };
}
