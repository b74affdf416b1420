/**
 * `npm run preview` (and `npm start` where Electron cannot run): the app in a browser tab.
 *
 *   --data-dir <folder>   records folder (default: the desktop app's own, or $STRIDE_DATA_DIR)
 *   --demo                open the demo clinic
 *   --port <n>            fixed port (default: a free one)
 *
 * When the server is listening it prints one line starting with READY_MARKER and the address to
 * open; tests wait for that line instead of sleeping.
 */
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend/backend';
import { defaultDataDir } from '../util/paths';
import { startPreviewServer } from './server';

export const READY_MARKER = 'Stride Clinic preview is ready:';

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dataDir = argValue(args, '--data-dir') ?? defaultDataDir();
  const port = Number(argValue(args, '--port') ?? 0);
  const backend = createBackend({
    dataDir,
    startInDemo: args.includes('--demo'),
    appVersion: process.env.npm_package_version ?? '0.1.0',
  });
  const server = await startPreviewServer({
    dispatch: backend.dispatch,
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    port,
  });
  console.log(`Records folder: ${dataDir}`);
  console.log(`${READY_MARKER} ${server.url}`);
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('The preview could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
