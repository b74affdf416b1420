// Builds better-sqlite3-multiple-ciphers (the SQLite driver with encryption) for Electron's ABI into .electron-native/<electron version>-<platform>-<arch>/,
// leaving node_modules/better-sqlite3-multiple-ciphers (built for Node, used by the tests) untouched.
// First tries a prebuilt binary (prebuild-install, as the driver's own install does), then
// compiles from source with node-gyp against Electron's headers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => c && fs.existsSync(c)) ?? null;
}

export async function ensureElectronSqlite({ root, electronVersion }) {
  const target = path.join(
    root,
    '.electron-native',
    `${electronVersion}-${process.platform}-${process.arch}-multiple-ciphers`,
  );
  const binding = path.join(target, 'better_sqlite3.node');
  if (fs.existsSync(binding)) return { ok: true, path: binding };

  const pkgDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json', { paths: [root] }));
  const work = path.join(target, 'src');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(pkgDir, work, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
  });
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');

  console.log(`Preparing the database driver for Electron ${electronVersion} (first start only)…`);
  try {
    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [pkgDir, root] });
    spawnSync(
      process.execPath,
      [
        prebuild,
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        process.arch,
        '--platform',
        process.platform,
      ],
      {
        cwd: work,
        stdio: 'inherit',
        timeout: 5 * 60_000,
      },
    );
  } catch {
    // prebuild-install is not there: compile below.
  }
  if (!fs.existsSync(built)) {
    const gyp = nodeGypScript();
    if (!gyp) return { ok: false, reason: 'node-gyp was not found to compile it' };
    spawnSync(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
        '--runtime=electron',
      ],
      { cwd: work, stdio: 'inherit', timeout: 20 * 60_000 },
    );
  }
  if (!fs.existsSync(built)) return { ok: false, reason: 'neither a prebuilt binary nor a compile succeeded' };
  fs.copyFileSync(built, binding);
  fs.rmSync(work, { recursive: true, force: true });
  return { ok: true, path: binding };
}
