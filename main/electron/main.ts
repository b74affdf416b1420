/**
 * The Electron shell: the only code that imports Electron. It opens one hardened window, serves
 * the renderer from app://stride/, binds the backend to IPC, and denies everything else.
 * All the app's logic lives in the backend (main/backend), which runs the same under plain Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import type { Backend } from '../backend/backend';
import { createBackend } from '../backend/backend';
import type { Logger } from '../util/logger';
import { bindIpc } from './ipc';
import { desktopPlatform } from './platform';
import { PRIVILEGED_SCHEME, registerAppProtocol } from './protocol';
import { APP_ENTRY_URL, hardenWebContents, webPreferences } from './security';
import { shellSwitches } from './switches';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'preload.cjs');

// Must happen before the app is ready.
protocol.registerSchemesAsPrivileged([PRIVILEGED_SCHEME]);
app.enableSandbox();

// Development switches (environment variables) count only in an unpackaged run: see switches.ts.
const switches = shellSwitches({ isPackaged: app.isPackaged, env: process.env, argv: process.argv });
if (switches.dataDir) app.setPath('userData', switches.dataDir);

function fileLogger(folder: string): Logger {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'main.log');
  const write = (level: string, message: string) =>
    fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${message}\n`, { mode: 0o600 });
  return {
    info: (m) => write('info', m),
    error: (m, e) => write('error', `${m} ${e instanceof Error ? (e.stack ?? e.message) : ''}`),
  };
}

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Stride Clinic',
    show: false,
    backgroundColor: '#f6f7f5',
    webPreferences: webPreferences(preloadPath, switches.devTools),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(APP_ENTRY_URL);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function buildMenu(): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(switches.devTools ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (!app.requestSingleInstanceLock()) {
  // Another window already has the records open; it is brought forward instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });

  void app.whenReady().then(() => {
    const logger = fileLogger(path.join(app.getPath('userData'), 'logs'));
    // No page of this app needs the camera, microphone, location, notifications or anything else.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerAppProtocol(protocol, rendererDir);

    backend = createBackend({
      dataDir: app.getPath('userData'),
      logger,
      appVersion: app.getVersion(),
      startInDemo: switches.demo,
      platform: desktopPlatform(() => mainWindow),
      ...(switches.sqliteBinding ? { nativeBinding: switches.sqliteBinding } : {}),
    });
    bindIpc(ipcMain, backend.dispatch, backend.channels);
    buildMenu();
    createWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') return app.quit();
    // macOS keeps the app running with no window: nobody can see the records, so lock them.
    void backend?.dispatch('session.lock', {});
  });

  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });
}
