/**
 * Structure checks on a copy of the records, with a page cache sized for the job.
 *
 * SQLite's default page cache is 2 MB. `integrity_check` walks every table and index and, for
 * each index entry, looks up its row: with 2 MB of cache at 1M patients most of those lookups go
 * back to the (encrypted) file, which made a backup's check 22.5 s of its 31.8 s. With a larger
 * cache the same check reads each page about once.
 *
 * Which check proves what:
 * - `quick`: every page decrypts and reads, every b-tree is well formed, no NOT NULL or CHECK
 *   constraint is broken. It does not compare each index with its table. A backup's copy is
 *   written by `VACUUM INTO`, which builds every index afresh from the table rows, so its indexes
 *   agree with its tables by construction; what can go wrong with the copy is the file itself
 *   (a write the disk lost, a page that will not decrypt), and that is what `quick` proves.
 * - `full` (`integrity_check`): also compares every index with its table. Used where the file is
 *   not one we just wrote: restoring a backup (it may come from anywhere and be years old) and
 *   checking the clinic's own records.
 */
import type { Db } from './open';

/** The page cache a check may use, in KiB: enough for a 1M-patient clinic's indexes. */
export const CHECK_CACHE_KIB = 128 * 1024;

export type CheckDepth = 'quick' | 'full';

/**
 * Runs the check on `db` (a connection opened for the check, or one whose cache may grow for a
 * while) and returns `'ok'` or SQLite's first finding.
 */
export function checkStructure(db: Db, depth: CheckDepth): string {
  const before = db.pragma('cache_size', { simple: true });
  db.pragma(`cache_size = -${CHECK_CACHE_KIB}`);
  try {
    const found = db.pragma(depth === 'full' ? 'integrity_check' : 'quick_check', { simple: true });
    return String(found);
  } finally {
    // Give the memory back: a connection kept open goes on with its usual cache.
    db.pragma(`cache_size = ${Number(before)}`);
    db.pragma('shrink_memory');
  }
}
