// `npm start`: builds the app, then opens the desktop app, or the browser preview where Electron
// cannot run. `npm run preview` goes straight to the browser preview.
//
// For the desktop app it makes sure of two things first:
// 1. the Electron binary is there (Electron downloads it on first use; we ask for it here);
// 2. a SQLite driver (better-sqlite3-multiple-ciphers) binary built for Electron's ABI, kept in .electron-native/ so the Node
//    build in node_modules (the one the tests load) is never replaced. The app is told where it
//    is through STRIDE_SQLITE_BINDING (the driver's nativeBinding option).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite } from './electron-native.mjs';
import { nodeVersionProblem, packageEngines } from './node-version.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const previewOnly = args.includes('--preview');
const appArgs = args.filter((a) => a !== '--preview');

function build() {
  console.log('Building Stride Clinic…');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error('The build failed (see the messages above).');
    process.exit(r.status ?? 1);
  }
}

function electronDir() {
  return path.join(root, 'node_modules', 'electron');
}

function electronBinary() {
  const dir = electronDir();
  try {
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Returns the Electron binary and the SQLite binding, or a sentence saying why not. */
async function prepareElectron() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'There is no graphical display on this machine, so the desktop window cannot open.' };
  }
  if (!fs.existsSync(electronDir())) {
    return { reason: 'Electron is not installed (run npm install first).' };
  }
  let bin = electronBinary();
  if (!bin) {
    console.log('Downloading Electron (first start only)…');
    // Its own error output is a stack trace; the sentence below says what matters.
    spawnSync(process.execPath, [path.join(electronDir(), 'install.js')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'pipe'],
      timeout: 10 * 60_000,
    });
    bin = electronBinary();
    if (!bin) return { reason: 'The Electron binary could not be downloaded on this machine.' };
  }
  const version = JSON.parse(fs.readFileSync(path.join(electronDir(), 'package.json'), 'utf8')).version;
  const binding = await ensureElectronSqlite({ root, electronVersion: version });
  if (!binding.ok)
    return { reason: `The database driver could not be built for Electron ${version} (${binding.reason}).` };
  return { bin, binding: binding.path };
}

function runPreview() {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'main', 'preview.js'), ...appArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  forwardSignals(child);
  child.on('exit', (code) => process.exit(code ?? 0));
}

function runElectron(bin, binding) {
  const child = spawn(bin, [root, ...appArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STRIDE_SQLITE_BINDING: binding },
  });
  forwardSignals(child);
  child.on('exit', (code) => process.exit(code ?? 0));
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

// Checked first: Electron's install tooling needs a newer Node.js than the preview does.
const nodeProblem = previewOnly
  ? null
  : nodeVersionProblem(process.versions.node, packageEngines(path.join(root, 'package.json')));
if (nodeProblem) console.log(`${nodeProblem} Stride Clinic opens in browser preview meanwhile.`);
build();
if (previewOnly || nodeProblem) {
  runPreview();
} else {
  const electron = await prepareElectron();
  if (electron.reason) {
    console.log(`${electron.reason} Stride Clinic opens in browser preview instead.`);
    runPreview();
  } else {
    runElectron(electron.bin, electron.binding);
  }
}
