/**
 * Argon2id off the main thread. hash-wasm computes on the thread that calls it (WebAssembly, no
 * thread pool), so a sign-in would freeze the whole backend for half a second; each derivation
 * runs in its own short-lived worker thread instead.
 *
 * The worker is given hash-wasm's self-contained Argon2 build as text (read here, on the main
 * thread) rather than a path to load: that works the same under the tests, in the built app, and
 * inside the packaged app's asar archive, where a worker thread cannot be relied on to read.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

let argon2Source: string | null = null;

function hashWasmArgon2(): string {
  if (argon2Source === null) {
    const require = createRequire(import.meta.url);
    argon2Source = fs.readFileSync(require.resolve('hash-wasm/dist/argon2.umd.min.js'), 'utf8');
  }
  return argon2Source;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const lib = {};
new Function('exports', 'module', workerData.source)(lib, { exports: lib });
lib
  .argon2id({
    password: workerData.password,
    salt: workerData.salt,
    iterations: workerData.t,
    parallelism: workerData.p,
    memorySize: workerData.m,
    hashLength: 32,
    outputType: 'binary',
  })
  .then(
    (hash) => parentPort.postMessage({ hash }),
    (err) => parentPort.postMessage({ error: String(err && err.message ? err.message : err) }),
  );
`;

/** The 32-byte Argon2id hash of `password` (already normalised) with `salt`, computed in a worker. */
export function argon2idInWorker(
  password: string,
  salt: Buffer,
  params: { m: number; t: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        source: hashWasmArgon2(),
        password,
        salt: new Uint8Array(salt),
        m: params.m,
        t: params.t,
        p: params.p,
      },
    });
    let settled = false;
    worker.once('message', (msg: { hash?: Uint8Array; error?: string }) => {
      settled = true;
      if (msg.hash) resolve(Buffer.from(msg.hash));
      else reject(new Error(`the password could not be processed (${msg.error ?? 'unknown error'})`));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new Error(`the password worker stopped unexpectedly (exit code ${code})`));
    });
  });
}
