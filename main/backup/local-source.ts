/**
 * A backup to restore must be a regular file on this computer's own disk. A network path
 * (`\\server\share\...`, `//server/...`, or a folder on a network file system) could change under
 * the app while it is read, or stall it, and naming one can make Windows send the user's
 * credentials to that server; a device, pipe or folder is not a backup and may never end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isOnNetworkFolder } from '../db/open';
import { AppError } from '../util/errors';

const UNC = /^(\\\\|\/\/|\\\?\\UNC\\)/i;

function refuse(message: string): AppError {
  return new AppError('invalid_request', message, { path: message });
}

/** Throws AppError unless `file` names a regular file on a local disk (or nothing, for "missing"). */
export function checkLocalBackupFile(file: string): void {
  if (UNC.test(file)) {
    throw refuse(
      'That backup is on a network share. Copy it to this computer first (for example into Documents), then choose the copy. Nothing was changed.',
    );
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return; // missing or unreadable: the backup reader says which, in its own words
  }
  if (!stat.isFile()) {
    throw refuse(
      `${path.basename(file)} is not a backup file (it is a folder, a device or another special file). Choose a file ending in .stridebackup. Nothing was changed.`,
    );
  }
  if (isOnNetworkFolder(path.dirname(file))) {
    throw refuse(
      'That backup is on a network drive. Copy it to this computer first (for example into Documents), then choose the copy. Nothing was changed.',
    );
  }
}
