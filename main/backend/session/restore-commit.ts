/**
 * Step 2 of a restore, once the clinician confirmed: the backup checked in step 1 replaces the
 * records. Over open records a snapshot of them is taken first (again if anything was written
 * meanwhile), the records close at once, and the swap happens; with no records, or unreadable
 * ones, those are set aside in the backups folder. Then the restored records open, signed in as
 * the clinician who unlocked the backup. Every step is audited, a restore that did not go ahead
 * too.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Progress } from '../../../shared/domain/records';
import { countOf } from '../../../shared/domain/records';
import type { AppStatus } from '../../../shared/domain/session';
import type { SnapshotResult } from '../../backup/auto-snapshot';
import { snapshotSteps } from '../../backup/auto-snapshot';
import { runSteps } from '../../backup/container';
import type { PreparedRestore } from '../../backup/restore';
import { setAsideUnreadable, summarizeRecords, swapInRecords } from '../../backup/restore';
import { backupsFolder } from '../../backup/snapshots';
import { AppError } from '../../util/errors';
import { hasMarker, MARKER_FILE } from '../store';
import type { RecordsDoor } from './opening';
import type { EncryptedOpen, SessionState } from './state';
import { audit, statusOf } from './state';
import { clinicianCounter } from './throttle';

/** Over the signed-in clinic's records, over none (a new computer), or over unreadable ones. */
export type RestoreMode = 'open' | 'problem' | 'new';

/** Never replace records that hold patients with a backup that holds none. */
export function refuseEmpty(backupPatients: number, current: { patients: number } | null): void {
  if (backupPatients === 0 && current !== null && current.patients > 0) {
    throw new AppError(
      'conflict',
      `This backup holds no patients, while the current records hold ${current.patients}. Restoring it would replace them all with nothing, so it is refused. Choose another backup. Nothing was changed.`,
    );
  }
}

function stamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/:/g, '-');
}

export async function commitRestore(
  s: SessionState,
  door: RecordsDoor,
  mode: RestoreMode,
  ready: PreparedRestore,
  report: (p: Progress) => void,
): Promise<AppStatus> {
  const made = new Date(ready.facts.createdAt).toISOString().slice(0, 16).replace('T', ' ');
  const { phase } = s;
  const keptAs =
    mode === 'open' && phase.kind === 'open' && phase.key && phase.keys
      ? await replaceOpenRecords(s, door, { ...phase, key: phase.key, keys: phase.keys }, ready, made, report)
      : replaceMissingRecords(s, mode, ready, report);
  await new Promise((resolve) => setImmediate(resolve));
  // The restored records and their key file are now the clinic's; older records are updated
  // by the migrations (with their own safety copy) as they open.
  door.openWithKey(ready.keys, Buffer.from(ready.key), ready.clinicianId);
  ready.key.fill(0);
  s.throttle.succeed(clinicianCounter(ready.clinicianId));
  audit(s, {
    clinicianId: ready.clinicianId,
    action: 'restore_backup',
    entity: 'records',
    summary: `${ready.clinicianName} restored the records from the backup ${ready.facts.fileName} made ${made} UTC (${countOf(ready.summary.patients, 'patient')}); what was there before is kept in ${keptAs}`,
  });
  return statusOf(s);
}

/** Snapshots the open records, closes them and swaps the backup in; says where they were kept. */
async function replaceOpenRecords(
  s: SessionState,
  door: RecordsDoor,
  open: Pick<EncryptedOpen, 'store' | 'keys' | 'clinicianId' | 'key'>,
  ready: PreparedRestore,
  made: string,
  report: (p: Progress) => void,
): Promise<string> {
  const { store, keys, clinicianId } = open;
  refuseEmpty(ready.summary.patients, summarizeRecords(store.db));
  const key = Buffer.from(open.key);
  const steps = 8;
  try {
    // Written first, so the snapshot of these records says they were replaced, and by what.
    audit(s, {
      clinicianId,
      action: 'restore_backup',
      entity: 'records',
      summary: `Replacing these records with the backup ${ready.facts.fileName} made ${made} UTC (${countOf(ready.summary.patients, 'patient')}); a snapshot of them is kept first`,
    });
    // Nothing written after the snapshot may be lost: every change appends to the audit
    // trail, so if its last entry moved while the snapshot was taken, take it again.
    // Safe: max() of the INTEGER PRIMARY KEY is one integer, or null for an empty trail (a
    // value only compared with itself below).
    const lastEntry = () => store.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null;
    let snapshot: SnapshotResult | null = null;
    for (let attempt = 1; attempt <= 3 && snapshot === null; attempt++) {
      const mark = lastEntry();
      const taken = await runSteps(
        snapshotSteps({
          db: store.db,
          key,
          keys,
          dataDir: s.dataDir,
          kind: 'before_restore',
          appVersion: s.options.appVersion,
          clock: s.clock,
          ...s.driver,
        }),
        (p) => report({ ...p, label: `Snapshot of the current records: ${p.label.toLowerCase()}`, steps }),
        () => (store.db.open ? null : 'the records were closed during the restore'),
      );
      if (lastEntry() === mark) snapshot = taken;
    }
    if (snapshot === null) {
      throw new AppError(
        'conflict',
        'The records kept changing while their snapshot was taken (someone is working in another window). Try the restore again when they have finished. Nothing was replaced.',
      );
    }
    // Closed at once, with no await after the check: a write now would be in neither the
    // snapshot nor the restored records.
    door.closeStore();
    s.phase = { kind: 'closed', keys, lockedBy: null };
    report({ label: 'Replacing the records', step: 7, steps, percent: null });
    await new Promise((resolve) => setImmediate(resolve));
    try {
      swapInRecords(s.dataDir, ready);
    } catch (err) {
      // Nothing was replaced: bring the current records back as they were.
      door.openWithKey(keys, Buffer.from(key), clinicianId);
      throw err;
    }
    report({ label: 'Opening the restored records', step: 8, steps, percent: null });
    return `the snapshot ${snapshot.name}`;
  } catch (err) {
    // The entry above said the records were being replaced: say that they were not.
    audit(s, {
      clinicianId,
      action: 'restore_backup',
      entity: 'records',
      summary: `The restore from the backup ${ready.facts.fileName} did not go ahead; the records were not replaced (${err instanceof AppError ? err.message : 'an unexpected error'})`,
    });
    throw err;
  } finally {
    key.fill(0);
  }
}

/** With no records, or unreadable ones (set aside first): swaps the backup in. */
function replaceMissingRecords(
  s: SessionState,
  mode: RestoreMode,
  ready: PreparedRestore,
  report: (p: Progress) => void,
): string {
  const { dataDir, clock } = s;
  const steps = 3;
  report({ label: 'Keeping the current files aside', step: 1, steps, percent: null });
  const aside = path.join(backupsFolder(dataDir), `${stamp(clock.now())}Z unreadable records`);
  const kept = mode === 'problem' ? setAsideUnreadable(dataDir, aside) : [];
  report({ label: 'Replacing the records', step: 2, steps, percent: null });
  swapInRecords(dataDir, ready, { liveLogSetAside: true });
  if (!hasMarker(dataDir)) {
    const marker = {
      createdAt: clock.now().toISOString(),
      appVersion: s.options.appVersion,
      restoredFrom: ready.facts.fileName,
    };
    fs.writeFileSync(path.join(dataDir, MARKER_FILE), JSON.stringify(marker, null, 2));
  }
  report({ label: 'Opening the restored records', step: 3, steps, percent: null });
  return kept.length > 0 ? `the folder ${aside}` : 'nothing (there were no records)';
}
