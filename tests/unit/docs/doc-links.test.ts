/**
 * Docs that point somewhere keep pointing at something: every relative link in README.md and
 * docs/ reaches a file (and a heading or anchor, when it names one), and every citation of
 * docs/clinical-sources.md in the code names a section that exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** The anchors a Markdown file offers: GitHub's heading slugs and explicit <a id="..."> tags. */
function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8');
  const headings = [...text.matchAll(/^#+ (.*)$/gm)].map((m) =>
    (m[1] ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\- _]/gu, '')
      .replace(/ /g, '-'),
  );
  const ids = [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] ?? '');
  return new Set([...headings, ...ids]);
}

function filesUnder(dir: string, ends: readonly string[]): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => ends.some((e) => f.endsWith(e)) && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(root, dir, f));
}

describe('links in README.md and docs/', () => {
  const docs = [path.join(root, 'README.md'), ...filesUnder('docs', ['.md'])];

  it('reach a file, and a heading or anchor in it when they name one', () => {
    const broken: string[] = [];
    for (const doc of docs) {
      for (const [, target = ''] of fs.readFileSync(doc, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [file = '', anchor] = target.split('#');
        const resolved = file === '' ? doc : path.resolve(path.dirname(doc), file);
        const where = `${path.relative(root, doc)} -> ${target}`;
        if (!fs.existsSync(resolved)) broken.push(`${where} (no such file)`);
        else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor))
          broken.push(`${where} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('citations of docs/clinical-sources.md in the code', () => {
  it('name sections that exist', () => {
    const anchors = anchorsOf(path.join(root, 'docs', 'clinical-sources.md'));
    const cited = new Set<string>();
    for (const dir of ['shared', 'main', 'renderer', 'tests']) {
      for (const file of filesUnder(dir, ['.ts', '.tsx', '.md'])) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/clinical-sources\.md#([a-z-]+)(?: and #([a-z-]+))?/g)) {
          for (const a of [m[1], m[2]]) if (a) cited.add(a);
        }
      }
    }
    expect(cited.size).toBeGreaterThan(5);
    expect([...cited].filter((a) => !anchors.has(a))).toEqual([]);
  });
});
