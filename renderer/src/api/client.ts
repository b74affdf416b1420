/**
 * How the renderer reaches the backend. In the desktop app the preload exposes one function per
 * channel on window.stride; in the browser preview the same channels are POSTed to the local
 * server with the per-run token. Either way the answer is the contract's Result.
 */
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { reportStatusChanged } from './session-events';

type Bridge = Readonly<Record<string, (request: unknown) => Promise<unknown>>>;

declare global {
  interface Window {
    stride?: Bridge;
  }
}

const TOKEN_KEY = 'stride-preview-token';

/** Takes the preview token from the address (#token=...) once, then keeps it for this tab only. */
function previewToken(): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}#/`);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export type Transport = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

function electronTransport(bridge: Bridge): Transport {
  return async (channel, request) => {
    const fn = bridge[channel];
    if (!fn)
      return { ok: false, error: { code: 'unknown_channel', message: `The app has no request called ${channel}.` } };
    return (await fn(request)) as Result<never>;
  };
}

function httpTransport(token: string | null): Transport {
  return async (channel, request) => {
    if (!token) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'This page was opened without its access key. Open the address printed by "npm run preview".',
        },
      };
    }
    try {
      const res = await fetch(`./api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Stride-Token': token },
        body: JSON.stringify(request),
      });
      return (await res.json()) as Result<never>;
    } catch {
      return {
        ok: false,
        error: {
          code: 'io_error',
          message: 'The app could not reach its records. Check that the preview is still running.',
        },
      };
    }
  };
}

const transport: Transport = window.stride ? electronTransport(window.stride) : httpTransport(previewToken());

/** Calls a backend channel. An answer that changes what the app can show also reloads its status. */
export const call: Transport = async (channel, request) => {
  const result = await transport(channel, request);
  if (!result.ok && (result.error.code === 'session_locked' || result.error.code === 'database_unavailable'))
    reportStatusChanged();
  return result;
};

/** True in the desktop app, false in the browser preview. */
export const isDesktop = window.stride !== undefined;
