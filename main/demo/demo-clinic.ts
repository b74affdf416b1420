/**
 * The demo clinic: a handful of fictional runners a newcomer can explore. It lives in its own
 * file (data folder/demo/clinic.sqlite), is flagged as demo in its settings, and the UI marks
 * every screen of it as demo, so it never mixes with real records.
 */
import type { PatientInput } from '../../shared/domain/patient';
import type { Clinician } from '../../shared/domain/settings';
import type { Db } from '../db/open';
import { createClinician, listClinicians, readSettings, writeSettings } from '../records/clinic';
import { createPatient } from '../records/patients';
import type { Clock } from '../util/clock';

export const DEMO_CLINIC_NAME = 'Demo Clinic (fictional patients)';

export const DEMO_PATIENTS: readonly PatientInput[] = [
  {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '1991-03-14',
    sex: 'female',
    phone: '+44 20 7946 0011',
    email: 'zoe.demo@example.org',
    recordNumber: 'DEMO-001',
    notes: 'Right hamstring strain at a 10 km race. Fictional demo patient.',
  },
  {
    givenName: 'An',
    familyName: 'Nguyễn Văn',
    dateOfBirth: '1986-09-02',
    sex: 'male',
    phone: '+44 20 7946 0012',
    email: '',
    recordNumber: 'DEMO-002',
    notes: 'Left Achilles tendinopathy. Fictional demo patient.',
  },
  {
    givenName: 'Siobhán',
    familyName: "O'Connor",
    dateOfBirth: '1978-12-21',
    sex: 'female',
    phone: '+353 1 555 0134',
    email: '',
    recordNumber: 'DEMO-003',
    notes: 'Medial tibial stress syndrome (shin splints). Fictional demo patient.',
  },
  {
    givenName: 'Mateus',
    familyName: 'Gonçalves',
    dateOfBirth: '2001-06-30',
    sex: 'male',
    phone: '',
    email: 'mateus.demo@example.org',
    recordNumber: 'DEMO-004',
    notes: 'Right calf strain. Fictional demo patient.',
  },
  {
    givenName: 'Ingrid',
    familyName: 'Bjørnstad',
    dateOfBirth: '1969-02-11',
    sex: 'female',
    phone: '+47 22 00 00 00',
    email: '',
    recordNumber: 'DEMO-005',
    notes: 'Twelve weeks after ACL reconstruction, left knee. Fictional demo patient.',
  },
  {
    givenName: 'Kwame',
    familyName: 'Mensah',
    dateOfBirth: '1995-10-08',
    sex: 'male',
    phone: '+44 161 496 0990',
    email: '',
    recordNumber: 'DEMO-006',
    notes: 'Second metatarsal bone stress injury, right foot. Fictional demo patient.',
  },
  {
    givenName: 'Aiko',
    familyName: 'Tanaka',
    dateOfBirth: '1988-04-12',
    sex: 'female',
    phone: '',
    email: 'aiko.demo@example.org',
    recordNumber: 'DEMO-007',
    notes: 'Patellofemoral pain, both knees. Fictional demo patient.',
  },
  {
    givenName: 'José',
    familyName: 'Muñoz Peña',
    dateOfBirth: '1959-07-19',
    sex: 'male',
    phone: '+34 91 555 0101',
    email: '',
    recordNumber: 'DEMO-008',
    notes: 'Returning after a long break; plantar heel pain settled. Fictional demo patient.',
  },
];

/** Fills an empty demo database; on later opens returns its clinician. */
export function seedDemoClinic(db: Db, clock: Clock): Clinician {
  const existing = readSettings(db);
  if (existing) {
    const [first] = listClinicians(db, { activeOnly: true });
    if (first) return first;
  }
  return db
    .transaction(() => {
      const clinician = createClinician(db, clock, null, {
        name: 'Alex Demo',
        profession: 'Physiotherapist',
        registrationNumber: 'DEMO-PT-0001',
      });
      writeSettings(
        db,
        clock,
        clinician.id,
        {
          clinicName: DEMO_CLINIC_NAME,
          address: '1 Example Road, Demo Town',
          phone: '+44 20 7946 0000',
          email: 'clinic@example.org',
          units: 'km',
          paperSize: 'A4',
          dateFormat: 'DD/MM/YYYY',
        },
        { isDemo: true },
      );
      for (const p of DEMO_PATIENTS) createPatient(db, clock, clinician.id, p);
      return clinician;
    })
    .immediate();
}
