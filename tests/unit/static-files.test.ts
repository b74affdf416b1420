import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../main/preview/static-files';

let parent: string;
let root: string;

beforeAll(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-static-'));
  root = path.join(parent, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), 'index');
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'a');
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(parent, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

describe('serving the renderer’s files', () => {
  it('serves files inside the folder and index.html for app routes', () => {
    expect(resolveStaticFile(root, '/')).toBe(path.join(fs.realpathSync(root), 'index.html'));
    expect(resolveStaticFile(root, '/assets/a.js')).toBe(path.join(fs.realpathSync(root), 'assets', 'a.js'));
    expect(resolveStaticFile(root, '/patients')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/missing.js')).toBeNull();
  });

  it('refuses symlinks that lead outside', () => {
    expect(resolveStaticFile(root, '/assets/link.txt')).toBeNull();
  });

  it('never resolves to anything outside the folder, whatever the path', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E%2E',
        '.%2e',
        '%2e.',
        '%2f',
        '%5c',
        '\\',
        '%00',
        'assets',
        'index.html',
        'secret.txt',
        '',
        'C:',
        '%252e%252e',
        '/etc/passwd',
        '~',
      ),
      fc.string({ maxLength: 6 }),
    );
    const realRoot = fs.realpathSync(root);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.boolean(), (segments, leadingSlash) => {
        const urlPath = (leadingSlash ? '/' : '') + segments.join('/');
        const resolved = resolveStaticFile(root, urlPath);
        if (resolved === null) return true;
        const real = fs.realpathSync(resolved);
        return real.startsWith(realRoot + path.sep) && fs.readFileSync(real, 'utf8') !== 'secret';
      }),
      { numRuns: 5000 },
    );
  });
});
