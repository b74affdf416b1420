/**
 * The browser preview: the same backend the desktop app uses, served over HTTP on 127.0.0.1 at a
 * free port, with the built renderer as static files.
 *
 * Every API request must carry the per-run random token in the X-Stride-Token header (never a
 * cookie, so another site cannot ride on it), come with a JSON body, name this server as its Host
 * (no DNS rebinding), and, when the browser says where it comes from, come from this origin.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { MAX_REQUEST_BYTES } from '../../shared/ipc/contract';
import { contentSecurityPolicy } from '../../shared/ipc/security-policy';
import type { Dispatch } from '../backend/dispatch';
import { contentTypeOf, resolveStaticFile } from './static-files';

export const TOKEN_HEADER = 'x-stride-token';

export interface PreviewServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; random by default. */
  token?: string;
}

export interface PreviewServer {
  readonly origin: string;
  readonly token: string;
  /** The address to open: the token travels in the fragment, which browsers never send. */
  readonly url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: status === 413 ? 'invalid_request' : 'forbidden', message } });
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const csp = contentSecurityPolicy({ connectSelf: true });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'Use POST for requests.');
    const fetchSite = req.headers['sec-fetch-site'];
    if (req.headers.origin !== undefined && !allowedOrigins.has(req.headers.origin)) {
      return refuse(res, 403, 'Requests from other sites are refused.');
    }
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return refuse(res, 403, 'Requests from other sites are refused.');
    }
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameToken(given, token)) {
      return refuse(
        res,
        401,
        'This page is not allowed to use the clinic records. Open the address printed by "npm run preview".',
      );
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, 'Requests must be JSON.');
    }
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (body === 'too_large') return refuse(res, 413, 'The request is too large.');
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid_request', message: 'The request is not valid JSON.' },
      });
    }
    sendJson(res, 200, await options.dispatch(channel, payload));
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, urlPath: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const file = resolveStaticFile(options.rendererDir, urlPath);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': isHtml ? 'no-store' : 'no-cache',
      ...(isHtml ? { 'Content-Security-Policy': csp } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      refuse(res, 403, 'Unknown host.');
      return;
    }
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (urlPath.startsWith('/api/')) {
      handleApi(req, res, urlPath.slice('/api/'.length)).catch(() => {
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The preview server failed.' } });
      });
      return;
    }
    handleStatic(req, res, urlPath);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The preview server is not listening on a port.');
  const port = address.port;
  const origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([origin, `http://localhost:${port}`]);

  return {
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
