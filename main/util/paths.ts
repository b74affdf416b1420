/** Where the clinic's records live when no folder is given. */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Stride Clinic';

/**
 * The same folder Electron calls `userData` for this app, so the desktop app and the browser
 * preview open the same records by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.STRIDE_DATA_DIR) return path.resolve(env.STRIDE_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}
