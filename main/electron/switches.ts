/**
 * What the command line and the environment may change in the desktop app, decided in one place.
 *
 * Development switches are environment variables the launcher (`npm start`) and the tests set.
 * They are honoured only in an unpackaged run: in the installed app an environment variable is
 * something any program (or a line in a shell profile) can set before the app starts, and
 * STRIDE_SQLITE_BINDING would make the app load native code from any path with the records key in
 * memory. The installed app takes its options from its command line only, where the clinician (or
 * the clinic's shortcut) puts them: `--data-dir <folder>` and `--demo`.
 *
 * No Electron import here: the shell passes `app.isPackaged`, tests pass either value.
 */
import path from 'node:path';

/** Environment variables read by the shell, all for development and tests only. */
export const DEVELOPMENT_VARIABLES = ['STRIDE_DATA_DIR', 'STRIDE_SQLITE_BINDING'] as const;

export interface ShellSwitches {
  /** The records folder: `--data-dir <folder>` (always), else $STRIDE_DATA_DIR (development only). */
  dataDir: string | null;
  /** The SQLite driver built for Electron by `npm start` (development only). */
  sqliteBinding: string | null;
  /** Chromium's developer tools in the window and the View menu (development only). */
  devTools: boolean;
  /** `--demo`: open the demo clinic. */
  demo: boolean;
}

export interface ShellStart {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  argv: readonly string[];
}

/** The value of `--name value` or `--name=value`, or null. */
function argValue(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === name) {
      const next = argv[i + 1];
      return next !== undefined && next !== '' && !next.startsWith('--') ? next : null;
    }
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1) || null;
  }
  return null;
}

export function shellSwitches({ isPackaged, env, argv }: ShellStart): ShellSwitches {
  const development = !isPackaged;
  const dataDirArg = argValue(argv, '--data-dir');
  const dataDirEnv = development ? env.STRIDE_DATA_DIR || null : null;
  const dataDir = dataDirArg ?? dataDirEnv;
  return {
    dataDir: dataDir === null ? null : path.resolve(dataDir),
    sqliteBinding: development ? env.STRIDE_SQLITE_BINDING || null : null,
    devTools: development,
    demo: argv.includes('--demo'),
  };
}
