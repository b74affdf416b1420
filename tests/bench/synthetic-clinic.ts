/**
 * A synthetic clinic of fictional patients for the benchmark: names from many languages (with
 * the accents and letters the search must fold), spread-out birth dates, unique record numbers.
 * Deterministic: the same count gives the same clinic.
 */
import { createBackend } from '../../main/backend/backend';
import { openClinicStore } from '../../main/backend/store';
import { createClinician, writeSettings } from '../../main/records/clinic';
import { findPasswordWrap, KEY_FILE, readKeyFile, unwrapWithPassword } from '../../main/security/key-file';
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
  /** The database key (encrypted clinics), for direct measurements on the file. */
  key: Buffer | null;
}

export const BENCH_PASSWORD = 'seven laps around the park';
const QUIET = { info: () => {}, error: (m: string) => console.error(m) };
const SETTINGS = {
  clinicName: 'Benchmark Clinic',
  address: '',
  phone: '+44 20 0000 0000',
  email: '',
  emergencyNumber: '999',
  units: 'km' as const,
  paperSize: 'A4' as const,
  dateFormat: 'DD/MM/YYYY' as const,
  autoLockMinutes: 5,
};

/**
 * A clinic of `patients` fictional patients. Encrypted clinics are set up through the backend
 * (with the app's real Argon2id cost, so sign-in is measured as clinicians live it); plain ones are
 * the unencrypted records of the previous version, for comparison.
 */
export async function makeSyntheticClinic(
  dataDir: string,
  patients: number,
  options: { encrypted: boolean },
): Promise<SyntheticClinic> {
  const clock = fixedClock('2026-11-27T09:00:00.000Z');
  let key: Buffer | null = null;
  if (options.encrypted) {
    const backend = createBackend({ dataDir, clock, logger: QUIET });
    const setup = await backend.invoke('app.setup', {
      clinic: SETTINGS,
      clinician: { name: 'Bench Physio', profession: 'Physiotherapist', registrationNumber: '' },
      password: BENCH_PASSWORD,
    });
    if (!setup.ok) throw new Error(setup.error.message);
    backend.close();
    const keys = readKeyFile(path.join(dataDir, KEY_FILE));
    key = await unwrapWithPassword(keys, findPasswordWrap(keys, 1)!, BENCH_PASSWORD);
  } else {
    const store = openClinicStore(dataDir, 'real', { appVersion: 'bench', create: true });
    const c = createClinician(store.db, clock, null, {
      name: 'Bench Physio',
      profession: 'Physiotherapist',
      registrationNumber: '',
    });
    writeSettings(store.db, clock, c.id, SETTINGS);
    store.close();
  }

  const db = openDatabase(path.join(dataDir, 'clinic.sqlite'), { create: false, ...(key ? { key } : {}) });
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
  return { dataDir, patients, key };
}
