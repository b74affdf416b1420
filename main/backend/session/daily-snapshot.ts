/**
 * The daily snapshot, at the first sign-in of the day (the key is only in memory while someone
 * is signed in). It starts a little after the sign-in, so the first screen is not kept waiting,
 * and runs in the background in short steps; locking or signing out stops it and removes its
 * unfinished files (it is tried again at the next sign-in). A failure is kept, to be shown with
 * the backup list until a snapshot succeeds.
 */
import { countOf } from '../../../shared/domain/records';
import { appendAudit } from '../../audit/audit-log';
import { megabytes, snapshotSteps } from '../../backup/auto-snapshot';
import { runSteps } from '../../backup/container';
import { hasBackupOn } from '../../backup/snapshots';
import type { KeyFile } from '../../security/key-file';
import { readKeyFile } from '../../security/key-file';
import type { ClinicStore } from '../store';
import type { SessionState } from './state';

/** How long after a sign-in the daily snapshot starts. */
const DAILY_SNAPSHOT_DELAY_MS = 10_000;

export interface DailySnapshot {
  /** After a sign-in: the snapshot starts after DAILY_SNAPSHOT_DELAY_MS unless there is one today. */
  schedule: () => void;
  /** The records are closing: a snapshot not yet started is dropped (and its key copy wiped). */
  cancel: () => void;
  /** Starts a waiting snapshot now and resolves when background work has finished. */
  settled: () => Promise<void>;
  /** Why the last automatic snapshot failed, until one succeeds; null when none failed. */
  problem: () => string | null;
}

export function dailySnapshots(s: SessionState): DailySnapshot {
  const { dataDir, keyFile, clock, logger, options } = s;
  /** Background work, so tests and the benchmark can wait for it. */
  let background: Promise<void> = Promise.resolve();
  let automaticProblem: string | null = null;
  let pending: { timer: NodeJS.Timeout; run(): void; key: Buffer } | null = null;

  function cancel(): void {
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.key.fill(0);
    pending = null;
  }

  async function take(store: ClinicStore, key: Buffer, keys: KeyFile): Promise<void> {
    try {
      if (!store.db.open || hasBackupOn(dataDir, clock.today())) return;
      // On a full disk the snapshot would take the space kept for sign-in and reads' audit entries.
      if (options.diskFull?.()) return void logger.info('no daily snapshot today: the disk is full');
      const result = await runSteps(
        snapshotSteps({
          db: store.db,
          key,
          keys,
          dataDir,
          kind: 'daily',
          appVersion: options.appVersion,
          clock,
          ...s.driver,
        }),
        () => {},
        () => (store.db.open ? null : 'the records were closed before the snapshot was finished'),
      );
      automaticProblem = null;
      if (store.db.open) {
        const pruned = result.pruned.length;
        appendAudit(store.db, clock, {
          clinicianId: null,
          action: 'snapshot',
          entity: 'records',
          entityId: null,
          patientId: null,
          summary: `Automatic daily snapshot ${result.name} (${megabytes(result.bytes)}, ${countOf(result.patients, 'patient')})${pruned > 0 ? `; removed ${pruned} older snapshot${pruned === 1 ? '' : 's'}` : ''}`,
        });
      }
    } catch (err) {
      if (!store.db.open) return; // locked or signed out meanwhile: tried again at the next sign-in
      logger.error('the daily snapshot failed', err);
      const reason = err instanceof Error ? err.message : String(err);
      automaticProblem = `Today’s automatic snapshot could not be made (${reason}). Check the free space on this computer’s disk, then use “Back up now”.`;
    } finally {
      key.fill(0);
    }
  }

  return {
    schedule() {
      const { phase } = s;
      if (phase.kind !== 'open' || !phase.key || !phase.keys) return;
      const { store, keys } = phase;
      cancel();
      const key = Buffer.from(phase.key);
      const run = () => {
        clearTimeout(timer);
        pending = null;
        // The key file as it is when the snapshot starts (another window may have changed it).
        let current = keys;
        try {
          current = readKeyFile(keyFile);
        } catch {
          // keep the copy read at sign-in
        }
        background = background.then(() => take(store, key, current));
      };
      const timer = setTimeout(run, DAILY_SNAPSHOT_DELAY_MS);
      timer.unref();
      pending = { timer, run, key };
    },

    cancel,

    async settled() {
      pending?.run();
      for (;;) {
        const current = background;
        await current;
        if (current === background) return;
      }
    },

    problem: () => automaticProblem,
  };
}
