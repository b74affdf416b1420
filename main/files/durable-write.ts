/**
 * Writing a file the clinician chose so that it is either all there or not there at all: the bytes
 * go to a temporary file beside the target, are flushed to the disk (fsync), and only then take
 * the target's name (rename, atomic on one file system), after which the folder entry is flushed
 * too. A full disk or a folder that cannot be written leaves no half-written file behind, and the
 * error says in plain words what happened and what to do.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorCodeOf } from '../util/errors';

/** A write that failed, with a sentence for the clinician. `code` is the system's (ENOSPC...). */
export class FileWriteError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FileWriteError';
    this.code = code;
  }
}

/** The system's error code of a failed file operation ("ENOSPC"), or "UNKNOWN". */
export function errorCode(err: unknown): string {
  return errorCodeOf(err) ?? 'UNKNOWN';
}

/** What to tell the clinician when `file` could not be written. */
export function describeWriteError(code: string, file: string): string {
  const folder = path.dirname(file);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'The disk is full, so the handout was not saved. Free some space, or choose another place (a USB stick), and try again.';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `The folder ${folder} cannot be written to, so the handout was not saved. Choose another folder, such as Documents.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder ${folder} is no longer there, so the handout was not saved. Choose another folder.`;
    case 'EISDIR':
      return `${file} is a folder, so the handout was not saved there. Choose another name.`;
    case 'ENAMETOOLONG':
      return 'The file name is too long for this disk, so the handout was not saved. Choose a shorter name.';
    case 'EBUSY':
      return `${path.basename(file)} is open in another program, so it was not replaced. Close it there, or choose another name.`;
    default:
      return `The handout could not be saved (${code}). Try again, or choose another folder.`;
  }
}

/** Writes `bytes` to `file` durably (see the module comment). Throws FileWriteError. */
export function writeFileDurably(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.part`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx');
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, file);
  } catch (err) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing; the first error is the one to report.
      }
    }
    fs.rmSync(temp, { force: true });
    const code = errorCode(err);
    throw new FileWriteError(code, describeWriteError(code, file), { cause: err });
  }
  syncFolder(dir);
}

/** Flushes a folder's entries (the rename) to disk; not possible, nor needed, on Windows. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems (network shares, FAT USB sticks) refuse to sync a folder: the file is
    // written and renamed already, so this is not a failure of the save.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Flushes a file's contents to disk (the folder entry is the caller's to flush). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies a file and flushes the copy to disk (the folder entry is the caller's to flush). */
export function copyFileDurably(from: string, to: string): void {
  fs.copyFileSync(from, to);
  fsyncFile(to);
}

/** A temporary name in the same folder (so the final rename is atomic), unlikely to clash. */
export function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${Date.now().toString(36)}.partial`);
}
