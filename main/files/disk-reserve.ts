/**
 * A full disk must not lock clinicians out. A few megabytes are held in a preallocated file in the
 * data folder while space allows; when the disk fills, the file is deleted so that sign-in, its
 * audit entry and the audit entries of reads still fit, and anything new is refused in one plain
 * sentence until space is freed. When space returns, the reserve is made again and writes resume.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../util/logger';

export const RESERVE_FILE = '.disk-reserve';
/** What the reserve holds: many sign-ins and reads' audit entries, the key file and the anchor. */
export const RESERVE_BYTES = 8 * 1024 * 1024;
/** Below this much free space the disk counts as full (the next write may fail). */
export const LOW_SPACE_BYTES = 1024 * 1024;

/** Requests that only read, sign in or out, or lock: allowed while the disk is full. */
const ALLOWED_WHILE_FULL = new Set([
  'status',
  'platform',
  'openDemo',
  'leaveDemo',
  'clinicians',
  'signIn',
  // The recovery key is how a clinician who forgot their password signs in (a key-file write and
  // an audit entry, like sign-in's); cancelling a restore only frees space.
  'recover',
  'cancel',
  'unlock',
  'lock',
  'signOut',
  'touch',
  'search',
  'get',
  'list',
  'history',
  'timeline',
  'startingPoint',
  'settings',
  'listClinic',
  'getClinic',
  'image',
  'current',
  'forPatient',
  'library',
  'episode',
  'summaries',
  'preview',
  'listForEpisode',
  'listForPatient',
  'openInViewer',
  'print',
  'verify',
  'filters',
  'read',
]);

export function isAllowedWhileFull(channel: string): boolean {
  const dot = channel.indexOf('.');
  return ALLOWED_WHILE_FULL.has(channel.slice(dot + 1));
}

export interface DiskReserve {
  /**
   * Before a request: notices a full disk (releasing the reserve) or space freed (making the
   * reserve again). Returns the one-sentence notice while the disk is full, else null.
   */
  check(): string | null;
  /** A write failed for space: release the reserve. True when that freed space (worth one retry). */
  writeFailedForSpace(): boolean;
  /** The one-sentence notice while the disk is full, else null. */
  notice(): string | null;
}

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null; // the folder does not exist yet (before setup)
  }
}

export function diskFullMessage(dataDir: string): string {
  return `The disk is full: you can read records, but nothing new can be saved until space is freed on the disk that holds ${dataDir}.`;
}

export function createDiskReserve(dataDir: string, logger: Logger, bytes: number = RESERVE_BYTES): DiskReserve {
  if (bytes <= 0) return { check: () => null, writeFailedForSpace: () => false, notice: () => null };
  const file = path.join(dataDir, RESERVE_FILE);
  let full = false;

  function held(): boolean {
    try {
      return fs.statSync(file).size >= bytes;
    } catch {
      return false;
    }
  }

  function release(): boolean {
    const had = held();
    fs.rmSync(file, { force: true });
    if (had) logger.info('the disk is full: released the disk reserve so that sign-in and reads still work');
    return had;
  }

  /** Real bytes, flushed, so the blocks are really taken (a sparse file would hold nothing). */
  function make(): void {
    const partial = `${file}.partial`;
    try {
      const fd = fs.openSync(partial, 'w', 0o600);
      try {
        const chunk = Buffer.alloc(1024 * 1024, 0x5a);
        for (let written = 0; written < bytes; written += chunk.length)
          fs.writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(partial, file);
    } catch (err) {
      fs.rmSync(partial, { force: true });
      logger.error('the disk reserve could not be made', err);
    }
  }

  return {
    check() {
      const free = freeBytes(dataDir);
      if (free === null) return null;
      if (!full && free < LOW_SPACE_BYTES) {
        full = true;
        release();
      } else if (!held() && free >= bytes + 2 * LOW_SPACE_BYTES) {
        make();
        if (full && held()) logger.info('space was freed: the disk reserve is back and writes are allowed again');
        if (held()) full = false;
      }
      return full ? diskFullMessage(dataDir) : null;
    },
    writeFailedForSpace() {
      full = true;
      return release();
    },
    notice() {
      return full ? diskFullMessage(dataDir) : null;
    },
  };
}
