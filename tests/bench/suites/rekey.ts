/**
 * "Change the records key" (issue 16, docs/key-rotation.md) on the synthetic clinic, through the
 * backend as the app runs it: re-authentication (Argon2id), the safety snapshot, the pending key
 * file, PRAGMA rekey of the whole records file, the audit anchor and the key file. The rekey
 * itself is also timed alone, on a second connection's copy of the numbers (from the audit entry).
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

export async function benchRekey(clinic: SyntheticClinic): Promise<Figure[]> {
  const backend = createBackend({ dataDir: clinic.dataDir, logger: QUIET, appVersion: 'bench' });
  const signedIn = await backend.invoke('session.signIn', { clinicianId: 1, password: BENCH_PASSWORD });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  await backend.settled();
  const bytes = fs.statSync(path.join(clinic.dataDir, 'clinic.sqlite')).size;
  let rekeyStarted = 0;
  let rekeyEnded = 0;
  const progressId = 'bench-rekey';
  const watch = setInterval(() => {
    void backend.invoke('progress.get', { id: progressId }).then((p) => {
      if (!p.ok || !p.value) return;
      if (p.value.label === 'Changing the records key' && rekeyStarted === 0) rekeyStarted = performance.now();
      if (p.value.label.startsWith('Sealing the new key') && rekeyEnded === 0) rekeyEnded = performance.now();
    });
  }, 5);
  const [rotated, totalMs] = await time(() =>
    backend.invoke('keys.rotate', { yourPassword: BENCH_PASSWORD, progressId }),
  );
  clearInterval(watch);
  if (!rotated.ok) throw new Error(rotated.error.message);
  const [again, signInMs] = await time(async () => {
    await backend.invoke('session.signOut', {});
    return backend.invoke('session.signIn', { clinicianId: 1, password: BENCH_PASSWORD });
  });
  if (!again.ok) throw new Error(again.error.message);
  backend.close();
  const figures: Figure[] = [
    {
      name: `records file (encrypted)`,
      value: `${(bytes / 1e6).toFixed(1)} MB, ${clinic.patients.toLocaleString('en')} patients`,
    },
    { name: 'Change the records key: password check, safety snapshot, rekey, key file', value: seconds(totalMs) },
  ];
  if (rekeyStarted > 0 && rekeyEnded > rekeyStarted) {
    figures.push({
      name: 'of which PRAGMA rekey (checkpoint, rollback journal, rekey, WAL)',
      value: `about ${seconds(rekeyEnded - rekeyStarted)}`,
    });
  }
  figures.push({ name: 'sign-in afterwards, with the new key', value: seconds(signInMs) });
  return figures;
}
