/**
 * Serves the built renderer under app://stride/ with the app's Content-Security-Policy, and a PDF
 * being printed under app://stride/print/<random id>.pdf, from memory, while the print lasts.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/ipc/security-policy';
import { contentTypeOf, resolveStaticFile } from '../preview/static-files';
import { APP_HOST, APP_SCHEME } from './security';

export const PRIVILEGED_SCHEME = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
};

const PRINT_PATH = /^\/print\/([0-9a-f-]{36})\.pdf$/;
const printJobs = new Map<string, Buffer>();

/**
 * Offers a PDF to the hidden print window under the app's own scheme (never file://, and never
 * written to disk); `withdraw` removes it once printed.
 */
export function offerForPrinting(pdf: Buffer): { url: string; withdraw(): void } {
  const id = randomUUID();
  printJobs.set(id, pdf);
  return { url: `${APP_SCHEME}://${APP_HOST}/print/${id}.pdf`, withdraw: () => void printJobs.delete(id) };
}

/** The protocol handler as a plain function of a URL, testable without Electron. */
export function appProtocolResponse(rendererDir: string, requestUrl: string): Response {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  const job = printJobs.get(PRINT_PATH.exec(url.pathname)?.[1] ?? '');
  if (job) {
    return new Response(new Uint8Array(job), {
      status: 200,
      headers: { 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff' },
    });
  }
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
