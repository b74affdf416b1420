// The Node.js `npm start` needs, read from package.json's "engines" so the two never disagree.
// Electron's install tooling (@electron/get, which downloads the binary, and @electron/rebuild,
// which packaging uses) declares Node 22.12 or later; the tests and the browser preview run on
// Node 20.19+ as well, but only the newer Node is promised.
import fs from 'node:fs';

/** "22.12" from ">=22.12" (the only form package.json uses). */
export function requiredNode(engines) {
  const m = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(String(engines ?? '').trim());
  if (!m) throw new Error(`package.json's engines.node must read ">=major.minor", not "${engines}".`);
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

/** Null when `version` (process.versions.node) is recent enough, else one sentence saying what to install. */
export function nodeVersionProblem(version, engines) {
  const need = requiredNode(engines);
  const have = String(version).split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a > b) return null;
    if (a < b) {
      return (
        `The desktop app needs Node.js ${need[0]}.${need[1]} or later and this is Node.js ${version}: ` +
        `install Node.js ${need[0]} LTS (https://nodejs.org/) and run npm start again.`
      );
    }
  }
  return null;
}

export function packageEngines(packageJsonPath) {
  return JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')).engines?.node;
}
