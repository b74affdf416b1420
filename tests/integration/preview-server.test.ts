import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/backend/backend';
import type { PreviewServer } from '../../main/preview/server';
import { startPreviewServer, TOKEN_HEADER } from '../../main/preview/server';
import { readyBackend, removeTempDirs, tempDir } from '../helpers/backend';

let backend: Backend;
let server: PreviewServer;
let rendererDir: string;

beforeAll(async () => {
  backend = await readyBackend();
  rendererDir = tempDir('stride-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
  server = await startPreviewServer({ dispatch: backend.dispatch, rendererDir });
});

afterAll(async () => {
  await server.close();
  backend.close();
  removeTempDirs();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so headers like Host and Origin can be set as an attacker would. */
function request(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<Reply> {
  const url = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

function api(channel: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request({
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token, Origin: server.origin, ...headers },
    body: JSON.stringify(payload),
  });
}

describe('the browser preview server', () => {
  it('listens on 127.0.0.1 only and hands the token over in the fragment', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers a request with the right token', async () => {
    const r = await api('app.status', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { state: 'ready' } });
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await api('app.status', {}, { [TOKEN_HEADER]: '' })).status).toBe(401);
    expect((await api('app.status', {}, { [TOKEN_HEADER]: 'x'.repeat(43) })).status).toBe(401);
  });

  it('refuses requests from another origin even with the token', async () => {
    const r = await api('app.status', {}, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect((await api('app.status', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await api('app.status', {}, { Host: 'evil.example' });
    expect(r.status).toBe(403);
  });

  it('refuses non-JSON, GET and oversized requests', async () => {
    expect((await api('app.status', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await request({ path: '/api/app.status', headers: { [TOKEN_HEADER]: server.token } })).status).toBe(405);
    const big = await request({
      method: 'POST',
      path: '/api/patients.create',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token },
      body: JSON.stringify({ notes: 'x'.repeat(9 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    const bad = await request({
      method: 'POST',
      path: '/api/app.status',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });

  it('serves the app with its Content-Security-Policy and never a file outside it', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await request({ path: '/assets/app.js' })).body).toBe('console.log(1)');
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const r = await request({ path: p });
      expect(r.body, p).not.toContain('outside');
    }
  });
});
