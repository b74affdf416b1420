import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/backend/backend';
import { openClinicDb } from '../helpers/db';
import { must, patientInput, readyBackend, removeTempDirs } from '../helpers/backend';

let backend: Backend;

const PEOPLE = [
  ['Zoë', 'Łukasiewicz-Ørsted', '1991-03-14', 'RR-0001'],
  ['An', 'Nguyễn Văn', '1986-09-02', 'RR-0002'],
  ['Siobhán', "O'Connor", '1978-12-21', 'RR-0003'],
  ['Zoe', 'Adams', '1991-03-14', 'RR-0004'],
  ['Mateus', 'Gonçalves', '2001-06-30', 'SC 77/1'],
  ['Ingrid', 'Bjørnstad', '1969-02-11', 'RR-0006'],
] as const;

beforeAll(async () => {
  backend = await readyBackend();
  for (const [givenName, familyName, dateOfBirth, recordNumber] of PEOPLE) {
    await must(backend, 'patients.create', patientInput({ givenName, familyName, dateOfBirth, recordNumber }));
  }
});

afterAll(() => {
  backend.close();
  removeTempDirs();
});

async function names(query: string): Promise<string[]> {
  const page = await must(backend, 'patients.search', { query, includeArchived: false, offset: 0, limit: 50 });
  return page.items.map((p) => `${p.givenName} ${p.familyName}`);
}

describe('patient search', () => {
  it.each([
    ['zoe', ['Zoe Adams', 'Zoë Łukasiewicz-Ørsted']],
    ['ZOË', ['Zoe Adams', 'Zoë Łukasiewicz-Ørsted']],
    ['lukasiewicz', ['Zoë Łukasiewicz-Ørsted']],
    ['orsted zoe', ['Zoë Łukasiewicz-Ørsted']],
    ['nguyen van', ['An Nguyễn Văn']],
    ['oconnor', ["Siobhán O'Connor"]],
    ["o'con", ["Siobhán O'Connor"]],
    ['goncal', ['Mateus Gonçalves']],
    ['bjorn', ['Ingrid Bjørnstad']],
    ['rr-0003', ["Siobhán O'Connor"]],
    ['rr0003', ["Siobhán O'Connor"]],
    ['sc 77', ['Mateus Gonçalves']],
    ['14/03/1991', ['Zoe Adams', 'Zoë Łukasiewicz-Ørsted']],
    ['1991-03-14', ['Zoe Adams', 'Zoë Łukasiewicz-Ørsted']],
    ['nobody', []],
    ['"*', []],
  ])('"%s" finds %j', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('lists everyone in family-name order, a page at a time', async () => {
    const first = await must(backend, 'patients.search', { query: '', includeArchived: false, offset: 0, limit: 2 });
    const second = await must(backend, 'patients.search', { query: '', includeArchived: false, offset: 2, limit: 2 });
    expect(first.total).toBe(PEOPLE.length);
    expect([...first.items, ...second.items].map((p) => p.familyName)).toEqual([
      'Adams',
      'Bjørnstad',
      'Gonçalves',
      'Łukasiewicz-Ørsted',
    ]);
  });

  it('says how it read the query', async () => {
    expect(
      (await must(backend, 'patients.search', { query: '14/03/1991', includeArchived: false, offset: 0, limit: 5 }))
        .interpretedAs,
    ).toBe('date_of_birth');
    expect(
      (await must(backend, 'patients.search', { query: 'zoe', includeArchived: false, offset: 0, limit: 5 }))
        .interpretedAs,
    ).toBe('name_or_record');
  });

  it('uses its indexes rather than scanning the table', async () => {
    const db = await openClinicDb(backend.dataDir, { readonly: true });
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(
      plan(
        'SELECT id FROM patients INDEXED BY patients_by_name WHERE archived_at IS NULL ORDER BY sort_key, id LIMIT 50',
      ),
    ).toMatch(/USING (COVERING )?INDEX patients_by_name/);
    expect(
      plan('SELECT id FROM patients p WHERE date_of_birth = ? ORDER BY sort_key, id LIMIT 50', '1991-03-14'),
    ).toMatch(/USING (COVERING )?INDEX patients_by_date_of_birth/);
    expect(
      plan(
        'SELECT p.id FROM patients_search s JOIN patients p ON p.id = s.rowid WHERE patients_search MATCH \'"zo"*\'',
      ),
    ).toMatch(/VIRTUAL TABLE INDEX/);
    db.close();
  });
});

describe('the two ways a word search runs', () => {
  it('give the same rows in the same order, with the same total, for any query and page', async () => {
    const fc = (await import('fast-check')).default;
    const { searchPatients } = await import('../../main/records/patients');
    // One archived patient, so both ways also have to leave archived patients out alike.
    const siobhan = (
      await must(backend, 'patients.search', { query: 'oconnor', includeArchived: false, offset: 0, limit: 1 })
    ).items[0]!;
    const archived = await must(backend, 'patients.archive', {
      id: siobhan.id,
      expectedVersion: 1,
      archived: true,
      reason: '',
    });
    const db = await openClinicDb(backend.dataDir);
    const words = [
      'z',
      'zo',
      'zoe',
      'l',
      'luk',
      'orsted',
      'n',
      'nguyen',
      'van',
      'o',
      'oc',
      'rr',
      '0003',
      'rr0003',
      'sc',
      '77',
      'a',
      'b',
      'i',
      'm',
      'x',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (qs, includeArchived, offset, limit) => {
          const req = { query: qs.join(' '), includeArchived, offset, limit };
          const a = searchPatients(db, req, 'DD/MM/YYYY', 'index');
          const b = searchPatients(db, req, 'DD/MM/YYYY', 'walk');
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 300 },
    );
    db.close();
    await must(backend, 'patients.archive', {
      id: siobhan.id,
      expectedVersion: archived.version,
      archived: false,
      reason: '',
    });
  });
});
