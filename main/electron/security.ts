/**
 * The desktop window's security settings, kept free of runtime Electron imports so tests can
 * check them under plain Node. See the README's Electron security checklist.
 */
import type { WebContents, WebPreferences } from 'electron';

/** The renderer is served from app://stride/, never from file:// (checklist item 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stride';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function webPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    // Chromium's built-in PDF viewer, for the handout preview (an <iframe> on a blob: URL of the
    // app's own PDF). Electron has no other plugins since Pepper was removed.
    plugins: true,
    devTools,
  };
}

/** True when a URL belongs to the app's own renderer. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The parts of Electron's WebFrameMain an IPC check needs. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * An IPC message is answered only when it comes from the app's own page in the window's top
 * frame: never from a sub-frame, another origin, or a frame that is already gone
 * (GHSA-mq8j-3h7h-p8g7 advises this check in every handler).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * Denies everything a page could use to leave the app: navigation, new windows, webviews.
 * The app has no links to the web, so nothing is handed to shell.openExternal either.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
