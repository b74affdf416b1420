/** Serves the built renderer under app://stride/ with the app's Content-Security-Policy. */
import fs from 'node:fs';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/ipc/security-policy';
import { contentTypeOf, resolveStaticFile } from '../preview/static-files';
import { APP_HOST, APP_SCHEME } from './security';

export const PRIVILEGED_SCHEME = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
};

/** The protocol handler as a plain function of a URL, testable without Electron. */
export function appProtocolResponse(rendererDir: string, requestUrl: string): Response {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  const file = resolveStaticFile(rendererDir, url.pathname);
  if (!file) return new Response('Not found', { status: 404 });
  const headers: Record<string, string> = {
    'Content-Type': contentTypeOf(file),
    'X-Content-Type-Options': 'nosniff',
  };
  if (file.endsWith('.html')) headers['Content-Security-Policy'] = contentSecurityPolicy({ connectSelf: false });
  return new Response(fs.readFileSync(file), { status: 200, headers });
}

export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request.url));
}
