/**
 * When the audit trail's anchor (anchor.ts) is written, for the open encrypted records:
 *
 * - at every opening (sign-in, unlock, setup, restore): created if the trail was never anchored,
 *   else brought up to date;
 * - after every request (`soon`): deferred with setImmediate, so the answer is not kept waiting
 *   for the file's two flushes (~5 ms on a busy disk), and coalesced, so a burst of requests
 *   costs one write; a request that appended nothing costs two reads by id and no write;
 * - at once (`now`) before the records close (lock, sign-out, restore, quit) and before a
 *   verification.
 *
 * So the anchor lags the table by at most the entries of the request being answered, while the
 * app runs; a crash in that gap leaves a chain that extends its anchor, which verification
 * accepts. Failures are logged, never thrown: the anchor must not stop clinical work.
 */
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { advanceAnchor, anchorAtOpening, anchorKey } from './anchor';

export interface AnchorKeeper {
  opened(db: Db, databaseKey: Buffer): void;
  soon(db: Db, databaseKey: Buffer): void;
  now(db: Db, databaseKey: Buffer): void;
}

export function createAnchorKeeper(options: { dataDir: string; clock: Clock; logger: Logger }): AnchorKeeper {
  const { dataDir, clock, logger } = options;
  let pending: NodeJS.Immediate | null = null;

  function write(db: Db, key: Buffer): void {
    if (!db.open) return;
    try {
      const outcome = advanceAnchor(db, dataDir, key, clock.now());
      if (outcome === 'refused') logger.info('the audit trail no longer matches its anchor: left for verification');
    } catch (err) {
      logger.error('the audit trail’s anchor could not be written', err);
    }
  }

  return {
    opened(db, databaseKey) {
      try {
        const outcome = anchorAtOpening(db, dataDir, anchorKey(databaseKey), clock);
        if (outcome === 'refused') logger.info('the audit trail no longer matches its anchor: left for verification');
      } catch (err) {
        logger.error('the audit trail’s anchor could not be written', err);
      }
    },
    soon(db, databaseKey) {
      if (pending) return;
      const key = anchorKey(databaseKey);
      pending = setImmediate(() => {
        pending = null;
        write(db, key);
      });
    },
    now(db, databaseKey) {
      if (pending) {
        clearImmediate(pending);
        pending = null;
      }
      write(db, anchorKey(databaseKey));
    },
  };
}
