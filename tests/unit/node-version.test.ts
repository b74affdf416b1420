/**
 * `npm start` checks the Node.js version before anything else, against package.json's engines,
 * which promise what Electron's install tooling (@electron/get, @electron/rebuild) declares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, packageEngines, requiredNode } from '../../main/launcher/node-version.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const engines = packageEngines(path.join(ROOT, 'package.json'));

function enginesOf(pkg: string): string | undefined {
  const file = path.join(ROOT, 'node_modules', pkg, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { engines?: { node?: string } }).engines?.node;
}

describe('the Node.js version npm start needs', () => {
  it('is what Electron’s download and rebuild tooling declares', () => {
    const needed = requiredNode(engines);
    // electron's own @electron/get (the download) and electron-builder's @electron/rebuild.
    for (const pkg of ['@electron/get', '@electron/rebuild']) {
      const declared = enginesOf(pkg) ?? '>=0.0';
      const [major, minor] = requiredNode(declared);
      expect(needed[0] * 1000 + needed[1], `${pkg} declares ${declared}`).toBeGreaterThanOrEqual(major * 1000 + minor);
    }
  });

  it('lets a recent enough Node.js through and names the one to install otherwise, in one sentence', () => {
    expect(requiredNode('>=22.12')).toEqual([22, 12, 0]);
    for (const ok of ['22.12.0', '22.20.1', '24.1.0']) expect(nodeVersionProblem(ok, '>=22.12')).toBeNull();
    for (const old of ['20.20.2', '22.11.9', '18.0.0']) {
      const sentence = nodeVersionProblem(old, '>=22.12');
      expect(sentence).toContain(`this is Node.js ${old}`);
      expect(sentence).toContain('install Node.js 22 LTS');
      expect(sentence?.match(/[.!?](\s|$)/g)).toHaveLength(1);
    }
    expect(() => requiredNode('^20')).toThrow(/engines/);
  });
});
