/**
 * A stand-in for the `electron` module, so the desktop shell (main/electron/main.ts) runs under
 * plain Node: the app's events can be fired by hand, the IPC handlers the shell registers can be
 * called as the window would call them, and what the shell asked of Electron is recorded (window
 * options, loaded URLs, protocol and permission handlers, dialogs, prints). Only Electron is faked:
 * the backend behind the shell is the real one, on a real SQLite file.
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
type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheck = (contents: unknown, permission: string) => boolean;
type ProtocolHandler = (request: { url: string }) => Response | Promise<Response>;

/** The app's own page in the window's top frame, as the IPC guard expects it. */
export const APP_FRAME = { url: 'app://stride/index.html#/patients', parent: null };

/** What a page's navigation event offers a listener: whether the shell prevented it. */
export interface FakeNavigation {
  prevented: boolean;
  preventDefault(): void;
}

export function fakeElectron({ isPackaged, userData }: FakeElectronOptions) {
  const paths = new Map<string, string>([['userData', userData]]);
  const handlers = new Map<string, Handler>();
  /** Every ipcMain.handle call, in order (a channel registered twice shows up twice). */
  const registrations: string[] = [];
  const windows = new Set<FakeWindow>();
  const created: FakeWindow[] = [];
  const privilegedSchemes: unknown[] = [];
  const protocolHandlers = new Map<string, ProtocolHandler>();
  const permissions: { request: PermissionRequest | null; check: PermissionCheck | null } = {
    request: null,
    check: null,
  };
  const dialogCalls: { kind: 'save' | 'open'; options: unknown; parent: boolean }[] = [];
  let sandboxEnabled = false;
  let quitCalls = 0;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
    readonly printed: unknown[] = [];
    /** Runs while a print is in progress (a test reads what the print window shows). */
    onPrint: (() => void | Promise<void>) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
      this.windowOpenHandler = handler;
    }
    print(options: unknown, callback: (ok: boolean, reason: string) => void): void {
      this.printed.push(options);
      void Promise.resolve(this.onPrint?.()).then(() => callback(true, ''));
    }
    /** The page tries to go somewhere: returns whether the shell let it. */
    navigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
      const navigation: FakeNavigation = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      this.emit(event, navigation, url);
      return !navigation.prevented;
    }
  }

  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    destroyed = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      windows.add(this);
      created.push(this);
      // As Electron does for every page it creates.
      app.emit('web-contents-created', {}, this.webContents);
      onWindow?.(this);
    }
    static getAllWindows(): FakeWindow[] {
      return [...windows];
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string): Promise<void> {
      this.loaded.push(`file://${file}`);
      return Promise.resolve();
    }
    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    destroy(): void {
      this.destroyed = true;
      windows.delete(this);
    }
    /** The clinician closes the window (Electron then says when none is left). */
    close(): void {
      windows.delete(this);
      this.emit('closed');
      if (windows.size === 0) app.emit('window-all-closed');
    }
  }
  let onWindow: ((window: FakeWindow) => void) | null = null;

  const app = Object.assign(new EventEmitter(), {
    isPackaged,
    getPath: (name: string) => {
      const p = paths.get(name);
      if (!p) throw new Error(`fake electron: no path ${name}`);
      return p;
    },
    setPath: (name: string, value: string) => void paths.set(name, value),
    getVersion: () => '0.1.0',
    enableSandbox: () => {
      sandboxEnabled = true;
    },
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    quit: () => {
      quitCalls++;
    },
  });

  /** What the preload put on the page's window, and what it sent to the main process. */
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];

  const dialogAnswer = { save: null as string | null, open: null as string | null };
  const module = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        registrations.push(channel);
        // Electron refuses a second handler for one channel.
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      },
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: ProtocolHandler) => void protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionRequest) => void (permissions.request = handler),
        setPermissionCheckHandler: (handler: PermissionCheck) => void (permissions.check = handler),
      },
    },
    dialog: {
      showSaveDialog: (...args: unknown[]) => {
        dialogCalls.push({ kind: 'save', options: args.at(-1), parent: args.length > 1 });
        const filePath = dialogAnswer.save;
        return Promise.resolve({ canceled: filePath === null, filePath: filePath ?? '' });
      },
      showOpenDialog: (...args: unknown[]) => {
        dialogCalls.push({ kind: 'open', options: args.at(-1), parent: args.length > 1 });
        const file = dialogAnswer.open;
        return Promise.resolve({ canceled: file === null, filePaths: file === null ? [] : [file] });
      },
    },
    shell: { openPath: () => Promise.resolve('') },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
    },
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
    /** Every window the shell ever opened, closed ones included. */
    created: () => [...created],
    onWindow(listener: (window: FakeWindow) => void): void {
      onWindow = listener;
    },
    get quitCalls() {
      return quitCalls;
    },
    get sandboxEnabled() {
      return sandboxEnabled;
    },
    registrations: () => [...registrations],
    privilegedSchemes: () => [...privilegedSchemes],
    permissions,
    dialogCalls,
    exposed,
    invoked,
    /** What the next save or open dialog answers (null: the clinician cancels). */
    dialogAnswer,
    /** Asks the app's protocol for a URL, as a page would. */
    async request(url: string): Promise<Response> {
      const scheme = new URL(url).protocol.slice(0, -1);
      const handler = protocolHandlers.get(scheme);
      if (!handler) throw new Error(`fake electron: no handler for ${scheme}:`);
      return handler({ url });
    },
    /** Calls a channel as the app's window would, through the handler the shell registered. */
    async call(channel: string, request: unknown, senderFrame: unknown = APP_FRAME): Promise<unknown> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`fake electron: the shell registered no handler for ${channel}`);
      return handler({ senderFrame }, request);
    },
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;
