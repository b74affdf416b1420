/**
 * A stand-in for the `electron` module, so the desktop shell (main/electron/main.ts) runs under
 * plain Node: the app's events can be fired by hand, the IPC handlers the shell registers can be
 * called as the window would call them, and what the shell asked of Electron is recorded. Only
 * Electron is faked: the backend behind the shell is the real one, on a real SQLite file.
 *
 * Use: `vi.resetModules(); vi.doMock('electron', () => fake.module); await import(main.ts)`.
 */
import { EventEmitter } from 'node:events';

export interface FakeElectronOptions {
  isPackaged: boolean;
  /** Electron's default userData folder for this app. */
  userData: string;
}

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

/** The app's own page in the window's top frame, as the IPC guard expects it. */
const APP_FRAME = { url: 'app://stride/index.html#/patients', parent: null };

export function fakeElectron({ isPackaged, userData }: FakeElectronOptions) {
  const paths = new Map<string, string>([['userData', userData]]);
  const handlers = new Map<string, Handler>();
  const windows = new Set<FakeWindow>();
  let quitCalls = 0;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  class FakeWindow extends EventEmitter {
    readonly webContents = new EventEmitter();
    constructor(readonly options: unknown) {
      super();
      windows.add(this);
    }
    static getAllWindows(): FakeWindow[] {
      return [...windows];
    }
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
    loadFile(): Promise<void> {
      return Promise.resolve();
    }
    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    destroy(): void {
      windows.delete(this);
    }
    /** The clinician closes the window (Electron then says when none is left). */
    close(): void {
      windows.delete(this);
      this.emit('closed');
      if (windows.size === 0) app.emit('window-all-closed');
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged,
    getPath: (name: string) => {
      const p = paths.get(name);
      if (!p) throw new Error(`fake electron: no path ${name}`);
      return p;
    },
    setPath: (name: string, value: string) => void paths.set(name, value),
    getVersion: () => '0.1.0',
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    quit: () => {
      quitCalls++;
    },
  });

  const module = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined },
    },
    dialog: { showSaveDialog: () => undefined, showOpenDialog: () => undefined },
    shell: { openPath: () => Promise.resolve('') },
    // No real keychain: the shell uses passwords only.
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
  };

  return {
    module,
    /** Electron finished starting: the shell opens its backend and its window. */
    async start(): Promise<void> {
      resolveReady();
      await ready;
      // whenReady's callback runs on the microtask after `ready` resolves.
      await new Promise((r) => setImmediate(r));
    },
    windows: () => [...windows],
    get quitCalls() {
      return quitCalls;
    },
    /** Calls a channel as the app's window would, through the handler the shell registered. */
    async call(channel: string, request: unknown): Promise<unknown> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`fake electron: the shell registered no handler for ${channel}`);
      return handler({ senderFrame: APP_FRAME }, request);
    },
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;
