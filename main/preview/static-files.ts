/**
 * Resolves a request path to a file inside the built renderer folder, or null. Nothing outside
 * that folder is ever served: "..", encoded dots, absolute paths, backslashes and NUL bytes are
 * refused before the file system is touched. Shared by the preview server and the Electron
 * protocol handler.
 */
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * `urlPath` is the path part of the URL as received (still percent-encoded).
 * Returns the absolute file path to serve, or null when the path is unsafe or not a file.
 * "/" and unknown routes without an extension resolve to index.html (the app's own router).
 */
export function resolveStaticFile(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:/.test(s))) return null;
  const root = path.resolve(rootDir);
  const candidate = segments.length === 0 ? path.join(root, 'index.html') : path.resolve(root, ...segments);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  try {
    const real = fs.realpathSync(candidate);
    const realRoot = fs.realpathSync(root);
    if (!real.startsWith(realRoot + path.sep)) return null;
    if (fs.statSync(real).isFile()) return real;
  } catch {
    // Not a file: fall through to the app route rule below.
  }
  if (path.extname(candidate) === '') {
    const index = path.join(root, 'index.html');
    return fs.existsSync(index) ? index : null;
  }
  return null;
}
