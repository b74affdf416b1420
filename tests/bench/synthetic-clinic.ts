/**
 * A synthetic clinic of fictional patients for the benchmark: names from many languages (with
 * the accents and letters the search must fold), spread-out birth dates, unique record numbers.
 * Deterministic: the same count gives the same clinic.
 */
import { createBackend } from '../../main/backend/backend';
import { openDatabase } from '../../main/db/open';
import { recordNumberKey, searchTextOf, sortKeyOf } from '../../main/records/patients';
import { fixedClock } from '../../main/util/clock';
import path from 'node:path';

const GIVEN = [
  'Zoë',
  'An',
  'Siobhán',
  'Mateus',
  'Ingrid',
  'Kwame',
  'Aiko',
  'José',
  'Łucja',
  'Søren',
  'Noémie',
  'Jürgen',
  'Ana',
  'Mohammed',
  'Priya',
  'Chloé',
  'Björn',
  'Ewa',
  'Tomás',
  'Fatima',
  'Liam',
  'Olivia',
  'Mei',
  'Ngọc',
  'Renée',
  'Đorđe',
  'Ayşe',
  'Emma',
  'Noah',
  'Sofía',
  'Kofi',
  'Yuki',
  'Hana',
  'Oisín',
  'Aoife',
  'Zsófia',
  'Hélène',
  'Ólafur',
  'Marta',
  'Pedro',
];
const FAMILY = [
  'Łukasiewicz',
  'Ørsted',
  'Nguyễn',
  'Trần',
  "O'Connor",
  'Gonçalves',
  'Bjørnstad',
  'Mensah',
  'Tanaka',
  'Muñoz',
  'Smith',
  'Jones',
  'Müller',
  'Schäfer',
  'García',
  'Martínez',
  'Kowalski',
  'Nowak',
  'Andersen',
  'Johansson',
  'Okafor',
  'Haddad',
  'Yılmaz',
  'Papadopoulos',
  'Dubois',
  'Lefèvre',
  'Rossi',
  'Bianchi',
  'Sato',
  'Suzuki',
  'Kim',
  'Park',
  'Chen',
  'Wang',
  'Singh',
  'Patel',
  'Brown',
  'Wilson',
  'Taylor',
  'Davies',
  'Evans',
  'Thomas',
  'Roberts',
  'Walker',
  'Wright',
  'Hughes',
  'Green',
  'Hall',
  'Wood',
  'Clarke',
  'Novák',
  'Horváth',
  'Kovačević',
  'Popescu',
  'Ivanova',
  'Ahmed',
  'Ali',
  'Khan',
  'Hernández',
  'López',
];

/** A tiny deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticClinic {
  dataDir: string;
  patients: number;
}

export async function makeSyntheticClinic(dataDir: string, patients: number): Promise<SyntheticClinic> {
  const clock = fixedClock('2026-11-27T09:00:00.000Z');
  const backend = createBackend({ dataDir, clock, logger: { info: () => {}, error: (m) => console.error(m) } });
  const setup = await backend.invoke('app.setup', {
    clinic: {
      clinicName: 'Benchmark Clinic',
      address: '',
      phone: '+44 20 0000 0000',
      email: '',
      units: 'km',
      paperSize: 'A4',
      dateFormat: 'DD/MM/YYYY',
    },
    clinician: { name: 'Bench Physio', profession: 'Physiotherapist', registrationNumber: '' },
  });
  if (!setup.ok) throw new Error(setup.error.message);
  backend.close();

  const db = openDatabase(path.join(dataDir, 'clinic.sqlite'), { create: false });
  const insert = db.prepare(
    `INSERT INTO patients (given_name, family_name, date_of_birth, sex, phone, email, record_number, record_number_key, notes,
       sort_key, search_text, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, '', '', ?, ?, '', ?, ?, ?, 1, ?, 1)`,
  );
  const rand = random(20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const now = clock.now().toISOString();
  db.transaction(() => {
    for (let i = 1; i <= patients; i++) {
      const givenName = pick(GIVEN);
      const familyName = rand() < 0.15 ? `${pick(FAMILY)}-${pick(FAMILY)}` : pick(FAMILY);
      const year = 1940 + Math.floor(rand() * 70);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      const dateOfBirth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const recordNumber = `SC-${String(i).padStart(6, '0')}`;
      const p = { givenName, familyName, recordNumber };
      insert.run(
        givenName,
        familyName,
        dateOfBirth,
        pick(['female', 'male', 'not_stated']),
        recordNumber,
        recordNumberKey(recordNumber),
        sortKeyOf(p),
        searchTextOf(p),
        now,
        now,
      );
    }
  })();
  db.pragma('optimize');
  db.exec('ANALYZE');
  db.close();
  return { dataDir, patients };
}
