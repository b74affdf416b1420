/**
 * Records (issues 2 and 8): opening the records, signing in to the patient list, and patient
 * search, on the encrypted clinic, with the same search on a plain (unencrypted) copy beside it.
 */
import { createBackend } from '../../../main/backend/backend';
import { openClinicStore } from '../../../main/backend/store';
import { searchPatients } from '../../../main/records/patients';
import type { Figure } from '../stats';
import { ms, percentile, time } from '../stats';
import type { SyntheticClinic } from '../synthetic-clinic';
import { BENCH_PASSWORD } from '../synthetic-clinic';

export const SEARCHES = [
  // What clinicians type: part of a family name, a given and family name, a record number, a date of birth.
  'm',
  'mül',
  'muller',
  'zoe',
  'nguyen',
  'lukasiewicz orsted',
  'zoe luk',
  'o connor',
  'SC-004217',
  '004217',
  '14/03/1981',
  'nobody-like-this',
];

const QUIET = { info: () => {}, error: (m: string) => console.error(m) };

/** p95 of the search mix straight on the records (no IPC), for plain vs encrypted. */
function searchMix(clinic: SyntheticClinic): number[] {
  const store = openClinicStore(clinic.dataDir, 'real', {
    appVersion: 'bench',
    ...(clinic.key ? { key: clinic.key } : {}),
  });
  const samples: number[] = [];
  for (let round = 0; round < 25; round++) {
    for (const query of SEARCHES) {
      const t0 = performance.now();
      searchPatients(store.db, { query, includeArchived: false, offset: 0, limit: 100 }, 'DD/MM/YYYY');
      if (round > 0) samples.push(performance.now() - t0);
    }
  }
  store.close();
  return samples;
}

export async function benchRecords(encrypted: SyntheticClinic, plain: SyntheticClinic): Promise<Figure[]> {
  // Opening the records file (key applied, schema checked, migrations none pending).
  const opens: number[] = [];
  for (let i = 0; i < 10; i++) {
    const [store, t] = await time(() =>
      openClinicStore(encrypted.dataDir, 'real', { appVersion: 'bench', key: encrypted.key! }),
    );
    opens.push(t);
    store.close();
  }

  // Sign-in to the patient list: start, unwrap the key with the password (Argon2id), open, first page.
  const signIns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [, t] = await time(async () => {
      const b = createBackend({ dataDir: encrypted.dataDir, logger: QUIET });
      await b.invoke('app.status', {});
      const signedIn = await b.invoke('session.signIn', { clinicianId: 1, password: BENCH_PASSWORD });
      if (!signedIn.ok) throw new Error(signedIn.error.message);
      const list = await b.invoke('patients.search', { query: '', includeArchived: false, offset: 0, limit: 100 });
      if (!list.ok) throw new Error(list.error.message);
      b.close();
    });
    signIns.push(t);
  }

  // The search mix through the backend (request checks, dispatch, response checks).
  const backend = createBackend({ dataDir: encrypted.dataDir, logger: QUIET });
  await backend.invoke('session.signIn', { clinicianId: 1, password: BENCH_PASSWORD });
  const samples: number[] = [];
  const perQuery: Record<string, number[]> = {};
  for (let round = 0; round < 25; round++) {
    for (const query of SEARCHES) {
      const [r, t] = await time(() =>
        backend.invoke('patients.search', { query, includeArchived: false, offset: 0, limit: 100 }),
      );
      if (!r.ok) throw new Error(r.error.message);
      if (round > 0) {
        samples.push(t);
        (perQuery[query] ??= []).push(t);
      }
    }
  }
  const deep: number[] = [];
  for (let i = 0; i < 20; i++) {
    const [, t] = await time(() =>
      backend.invoke('patients.search', {
        query: '',
        includeArchived: false,
        offset: Math.floor(encrypted.patients * 0.9),
        limit: 100,
      }),
    );
    deep.push(t);
  }
  backend.close();

  const plainMix = searchMix(plain);
  const encryptedMix = searchMix(encrypted);
  const slowest = Object.entries(perQuery)
    .map(([q, s]) => [q, percentile(s, 95)] as const)
    .sort((a, b) => b[1] - a[1])[0]!;
  return [
    {
      name: 'records open with key + migration check (p50 of 10)',
      value: ms(percentile(opens, 50)),
      budget: '< 300 ms',
      withinBudget: percentile(opens, 50) < 300,
    },
    {
      name: 'records open (worst of 10)',
      value: ms(Math.max(...opens)),
      budget: '< 300 ms',
      withinBudget: Math.max(...opens) < 300,
    },
    {
      name: 'sign-in to patient list, incl. Argon2id (p50 of 5)',
      value: ms(percentile(signIns, 50)),
      budget: '< 1 s',
      withinBudget: percentile(signIns, 50) < 1000,
    },
    {
      name: 'sign-in to patient list (worst of 5)',
      value: ms(Math.max(...signIns)),
      budget: '< 1 s',
      withinBudget: Math.max(...signIns) < 1000,
    },
    { name: `patient search via backend p50 (${SEARCHES.length} queries x 24)`, value: ms(percentile(samples, 50)) },
    {
      name: 'patient search via backend p95 (encrypted)',
      value: ms(percentile(samples, 95)),
      budget: '< 20 ms',
      withinBudget: percentile(samples, 95) < 20,
    },
    { name: `slowest query p95 ("${slowest[0]}")`, value: ms(slowest[1]) },
    { name: 'search on the records p95: plain', value: ms(percentile(plainMix, 95)) },
    { name: 'search on the records p95: encrypted', value: ms(percentile(encryptedMix, 95)) },
    { name: 'list page at 90% scroll p95', value: ms(percentile(deep, 95)) },
  ];
}
