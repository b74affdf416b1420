/**
 * Builds tests/helpers/records-writer.ts, backup-writer.ts and key-writer.ts each into one JavaScript
 * file Node can run in a child process
 * (Node does not run TypeScript; Vite, which the app builds with, does the compiling). Each call
 * builds into its own folder under dist/, so test files running in parallel do not clash;
 * dependencies stay external and resolve from the project's node_modules.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * `entry`: the helper whose script is `script` (tests/helpers/<entry>.ts), by default the records
 * writer; the backup writer is built alongside, as `backupScript`.
 */
export async function buildWriter(
  entry: 'records-writer' | 'key-writer' = 'records-writer',
): Promise<{ script: string; backupScript: string; remove(): void }> {
  const outDir = path.join(ROOT, 'dist', '.test-writers', randomBytes(6).toString('hex'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: {
          writer: path.join(ROOT, 'tests', 'helpers', 'records-writer.ts'),
          'backup-writer': path.join(ROOT, 'tests', 'helpers', 'backup-writer.ts'),
          'key-writer': path.join(ROOT, 'tests', 'helpers', 'key-writer.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
  return {
    script: path.join(outDir, entry === 'records-writer' ? 'writer.mjs' : `${entry}.mjs`),
    backupScript: path.join(outDir, 'backup-writer.mjs'),
    remove: () => fs.rmSync(outDir, { recursive: true, force: true }),
  };
}

export interface WriterLog {
  patients: Set<number>;
  episodes: Map<number, number>;
  versions: Map<number, number>;
  ready: boolean;
  /** The last whole line was "T": the kill came after a transaction started and before its commit was reported. */
  inTransaction: boolean;
}

export function parseWriterOutput(text: string): WriterLog {
  const log: WriterLog = {
    patients: new Set(),
    episodes: new Map(),
    versions: new Map(),
    ready: false,
    inTransaction: false,
  };
  // Only whole lines: a line cut by the kill was not reported.
  const lines = text.split('\n');
  lines.pop();
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'loaded') continue;
    log.inTransaction = kind === 'T';
    if (kind === 'ready') log.ready = true;
    else if (kind === 'P') log.patients.add(Number(a));
    else if (kind === 'E') log.episodes.set(Number(a), Number(b));
    else if (kind === 'U') log.versions.set(Number(a), Number(b));
  }
  return log;
}

export interface RunningWriter {
  output(): string;
  stderr(): string;
  /** Resolves once the writer's code is loaded; it then waits for `go`. */
  loaded: Promise<void>;
  /** Lets the writer open the records and start writing. */
  go(): void;
  /** Resolves once the writer has opened the records and is about to write. */
  ready: Promise<void>;
  /** Resolves once the writer has printed this line (rejects if it exits first). */
  waitFor(marker: string): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startWriter(
  script: string,
  config: { dataDir: string; keyHex: string; tag: string; pauseMs?: number; [setting: string]: unknown },
): RunningWriter {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, STRIDE_WRITER: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waitFor = (marker: string) => {
    const p = new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(marker)) resolve();
      };
      child.stdout.on('data', check);
      check();
      void exited.then(() => reject(new Error(`the writer exited before "${marker.trim()}": ${err}`)));
    });
    p.catch(() => {});
    return p;
  };
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  child.stdin.on('error', () => {});
  const loaded = waitFor('loaded\n');
  const ready = waitFor('ready\n');
  return {
    output: () => out,
    stderr: () => err,
    loaded,
    go: () => child.stdin.write('go\n'),
    ready,
    waitFor: (line: string) => waitFor(`${line}\n`),
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      // Everything the writer printed before it died is in the pipe: read it all.
      await new Promise<void>((resolve) =>
        child.stdout.readableEnded ? resolve() : child.stdout.once('end', resolve),
      );
    },
  };
}
