/**
 * Backups, restores and exports of the encrypted synthetic clinic, through the backend as the
 * app runs them (browser-preview mode: backups go to the data folder, exports stay in memory).
 * Throughput is the size of the records copied divided by the whole operation's time: copy
 * (VACUUM INTO), flush, integrity check, checksum, writing the backup file and reading it back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../../main/backend/backend';
import type { Figure } from '../stats';
import { time } from '../stats';
import type { SyntheticClinic } from '../synthetic-clinic';
import { BENCH_PASSWORD } from '../synthetic-clinic';

const QUIET = { info: () => {}, error: (m: string) => console.error(m) };

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export async function benchBackup(clinic: SyntheticClinic): Promise<Figure[]> {
  const backend = createBackend({ dataDir: clinic.dataDir, logger: QUIET, appVersion: 'bench' });
  const signedIn = await backend.invoke('session.signIn', { clinicianId: 1, password: BENCH_PASSWORD });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  // The first sign-in of the day takes the daily snapshot in the background.
  const [, daily] = await time(() => backend.settled());

  const records = fs.statSync(path.join(clinic.dataDir, 'clinic.sqlite')).size;
  const [made, backupMs] = await time(() => backend.invoke('backups.create', {}));
  if (!made.ok || !made.value.saved) throw new Error(made.ok ? 'not saved' : made.error.message);
  const backupBytes = made.value.bytes;

  const [json, jsonMs] = await time(() => backend.invoke('export.clinic', { format: 'json' }));
  if (!json.ok) throw new Error(json.error.message);
  const [csv, csvMs] = await time(() => backend.invoke('export.clinic', { format: 'csv' }));
  if (!csv.ok) throw new Error(csv.error.message);

  const [prepared, prepareMs] = await time(() =>
    backend.invoke('restore.prepare', {
      source: { kind: 'snapshot', name: made.value.saved ? made.value.name : '' },
      clinicianId: 1,
      password: BENCH_PASSWORD,
    }),
  );
  if (!prepared.ok) throw new Error(prepared.error.message);
  const [restored, confirmMs] = await time(() =>
    backend.invoke('restore.confirm', { restoreId: prepared.value.restoreId }),
  );
  if (!restored.ok) throw new Error(restored.error.message);
  backend.close();

  return [
    { name: 'records file (encrypted)', value: mb(records) },
    {
      name: 'Back up now: copy, check, write, verify',
      value: `${seconds(backupMs)} for ${mb(backupBytes)} = ${(backupBytes / 1e6 / (backupMs / 1000)).toFixed(1)} MB/s`,
    },
    { name: 'automatic daily snapshot (in the background)', value: seconds(daily) },
    {
      name: 'restore, step 1: read, unlock (Argon2id), full check',
      value: `${seconds(prepareMs)} (${prepared.value.backup.patients.toLocaleString('en')} patients)`,
    },
    { name: 'restore, step 2: snapshot current, replace, reopen', value: seconds(confirmMs) },
    {
      name: 'export whole clinic as JSON',
      value: `${seconds(jsonMs)} (${json.value.kind === 'download' ? mb(json.value.bytes) : ''})`,
    },
    {
      name: 'export whole clinic as CSV (ZIP)',
      value: `${seconds(csvMs)} (${csv.value.kind === 'download' ? mb(csv.value.bytes) : ''})`,
    },
  ];
}
