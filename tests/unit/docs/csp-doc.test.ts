/**
 * The Content-Security-Policy quoted in docs/electron-security.md is the one the code sends: the
 * desktop page's and the preview's, from shared/ipc/security-policy.ts, and index.html's meta tag
 * is the same policy (less frame-ancestors, which a meta tag cannot carry).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/ipc/security-policy';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const doc = fs.readFileSync(path.join(root, 'docs', 'electron-security.md'), 'utf8');

/** The one line inside the fenced block whose info string is `name`. */
function quoted(name: string): string {
  const block = new RegExp('```' + name + '\\n([^\\n]*)\\n```').exec(doc);
  if (!block?.[1]) throw new Error(`docs/electron-security.md has no \`\`\`${name} block`);
  return block[1];
}

describe('the CSP quoted in docs/electron-security.md', () => {
  it('is the policy the desktop page is served with', () => {
    expect(quoted('csp-desktop')).toBe(contentSecurityPolicy({ connectSelf: false }));
  });

  it('is the policy the browser preview is served with', () => {
    expect(quoted('csp-preview')).toBe(contentSecurityPolicy({ connectSelf: true }));
  });

  it("matches index.html's meta tag, which repeats the preview's policy without frame-ancestors", () => {
    const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    const withoutAncestors = quoted('csp-preview')
      .split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(withoutAncestors);
  });
});
