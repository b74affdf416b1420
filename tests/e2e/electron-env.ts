/** Whether the desktop E2E tests can run here, and if not, why (said plainly in the output). */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function electronBinary(): string | null {
  try {
    const dir = path.join(ROOT, 'node_modules', 'electron');
    const bin = path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8'));
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export function electronSqliteBinding(): string | null {
  const dir = path.join(ROOT, '.electron-native');
  if (!fs.existsSync(dir)) return null;
  for (const entry of fs.readdirSync(dir)) {
    const file = path.join(dir, entry, 'better_sqlite3.node');
    if (fs.existsSync(file)) return file;
  }
  return null;
}

export function desktopSkipReason(): string | null {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!electronBinary()) {
    return 'the Electron binary is not installed on this machine (run `npm start` once on a machine with internet)';
  }
  if (!electronSqliteBinding())
    return 'the SQLite driver is not yet built for Electron (run `npm start` once to build it)';
  if (!hasDisplay) return 'there is no display';
  return null;
}
