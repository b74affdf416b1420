/**
 * A file chosen in a save dialog must not land among the app's own files: renaming it into place
 * over clinic.sqlite or keys.json would replace the records, and a file in clear (an export, a
 * handout) must not sit beside the encrypted records. Backups may go to the backups folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../util/errors';

/** A folder's real path (through any links), or its plain absolute path when it does not exist. */
function realFolder(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}

export function checkSaveDestination(dataDir: string, file: string, kind: 'backup' | 'export' | 'handout'): void {
  const data = realFolder(dataDir);
  const target = path.join(realFolder(path.dirname(path.resolve(file))), path.basename(file));
  if (target !== data && !target.startsWith(data + path.sep)) return;
  const backups = path.join(data, 'backups') + path.sep;
  if (kind === 'backup' && target.startsWith(backups) && target.endsWith('.stridebackup')) return;
  const message = {
    backup:
      'That place is inside the app’s data folder, where the files belong to the app. Choose another folder, ideally on another disk.',
    export:
      'That place is inside the app’s data folder. An export is not encrypted and must not sit beside the records: choose another folder.',
    handout:
      'That place is inside the app’s data folder. A handout is not encrypted and must not sit beside the records: choose another folder, such as Documents.',
  }[kind];
  throw new AppError('invalid_request', message);
}
