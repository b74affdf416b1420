/**
 * The desktop app's app:// protocol handler, under plain Node: whatever URL a page asks for,
 * nothing outside the built renderer folder is ever served.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../main/electron/protocol';

let parent: string;
let renderer: string;

beforeAll(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-protocol-'));
  renderer = path.join(parent, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'SECRET');
});

afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

describe('app://stride/', () => {
  it('serves the page with its CSP and the assets with their types', async () => {
    const page = appProtocolResponse(renderer, 'app://stride/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(await page.text()).toContain('<title>app</title>');
    expect(appProtocolResponse(renderer, 'app://stride/assets/app.js').headers.get('content-type')).toContain(
      'javascript',
    );
    expect(appProtocolResponse(renderer, 'app://other/index.html').status).toBe(404);
  });

  it('never serves a file outside the renderer, whatever the path', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E%2e',
        '.%2E',
        '%252e%252e',
        '%2f',
        '%5c',
        '..%2f',
        '..%5c',
        'secret.txt',
        'assets',
        'index.html',
        '',
        '//',
        'C:',
        '%00',
      ),
      fc.string({ maxLength: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 7 }), async (segments) => {
        const response = appProtocolResponse(renderer, `app://stride/${segments.join('/')}`);
        if (response.status !== 200) return;
        expect(await response.text()).not.toContain('SECRET');
      }),
      { numRuns: 5000 },
    );
  });
});
