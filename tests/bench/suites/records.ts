/** Backend open time (with migrations) and patient search on the synthetic clinic. */
import { createBackend } from '../../../main/backend/backend';
import type { Figure } from '../stats';
import { ms, percentile, time } from '../stats';
import type { SyntheticClinic } from '../synthetic-clinic';

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

export async function benchRecords(clinic: SyntheticClinic): Promise<Figure[]> {
  const quiet = { info: () => {}, error: (m: string) => console.error(m) };
  const opens: number[] = [];
  for (let i = 0; i < 10; i++) {
    const [backend, t] = await time(async () => {
      const b = createBackend({ dataDir: clinic.dataDir, logger: quiet });
      const status = await b.invoke('app.status', {});
      if (!status.ok || status.value.state !== 'signed_out') throw new Error('the benchmark clinic did not open');
      return b;
    });
    opens.push(t);
    backend.close();
  }

  const backend = createBackend({ dataDir: clinic.dataDir, logger: quiet });
  await backend.invoke('session.signIn', { clinicianId: 1 });
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
  // Deep scroll: a page far down the full list.
  const deep: number[] = [];
  for (let i = 0; i < 20; i++) {
    const [, t] = await time(() =>
      backend.invoke('patients.search', {
        query: '',
        includeArchived: false,
        offset: Math.floor(clinic.patients * 0.9),
        limit: 100,
      }),
    );
    deep.push(t);
  }
  backend.close();

  const slowest = Object.entries(perQuery)
    .map(([q, s]) => [q, percentile(s, 95)] as const)
    .sort((a, b) => b[1] - a[1])[0]!;
  return [
    {
      name: 'backend open (p50 of 10)',
      value: ms(percentile(opens, 50)),
      budget: '< 300 ms',
      withinBudget: percentile(opens, 50) < 300,
    },
    {
      name: 'backend open (worst of 10)',
      value: ms(Math.max(...opens)),
      budget: '< 300 ms',
      withinBudget: Math.max(...opens) < 300,
    },
    { name: `patient search p50 (${SEARCHES.length} queries x 24)`, value: ms(percentile(samples, 50)) },
    {
      name: 'patient search p95',
      value: ms(percentile(samples, 95)),
      budget: '< 20 ms',
      withinBudget: percentile(samples, 95) < 20,
    },
    { name: `slowest query p95 ("${slowest[0]}")`, value: ms(slowest[1]) },
    { name: 'list page at 90% scroll p95', value: ms(percentile(deep, 95)) },
  ];
}
