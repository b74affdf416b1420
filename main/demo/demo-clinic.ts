/**
 * The demo clinic: a handful of fictional runners a newcomer can explore. It lives in its own
 * file (data folder/demo/clinic.sqlite), is flagged as demo in its settings, and the UI marks
 * every screen of it as demo, so it never mixes with real records.
 */
import type { Dosage } from '../../shared/clinical/exercises/dosage';
import { findExercise } from '../../shared/clinical/exercises/lookup';
import type { PatientInput } from '../../shared/domain/patient';
import type { PrescriptionItemInput } from '../../shared/domain/prescription';
import type { Clinician } from '../../shared/domain/settings';
import type { Db } from '../db/open';
import { createClinician, listClinicians, readSettings, writeSettings } from '../records/clinic';
import { createEpisode } from '../records/episodes';
import { createPatient } from '../records/patients';
import { saveTemplate } from '../records/prescription-templates';
import { savePrescription } from '../records/prescriptions';
import type { EpisodeCreate, EpisodeSummary } from '../../shared/domain/episode';
import type { Clock } from '../util/clock';
import { seedDemoIntakes } from './demo-intakes';
import { dayClock, seedDemoRunning } from './demo-running';

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

/** One open episode per demo patient, in the same order as DEMO_PATIENTS. */
const DEMO_EPISODES: readonly (Omit<EpisodeCreate, 'patientId' | 'onsetDate'> & { weeksAgo: number })[] = [
  { diagnosis: 'hamstring_strain', diagnosisDetail: 'Grade 2, sprint finish', side: 'right', weeksAgo: 4 },
  { diagnosis: 'achilles_tendinopathy', diagnosisDetail: 'Mid-portion', side: 'left', weeksAgo: 10 },
  { diagnosis: 'mtss', diagnosisDetail: '', side: 'both', weeksAgo: 6 },
  { diagnosis: 'calf_strain', diagnosisDetail: 'Medial gastrocnemius', side: 'right', weeksAgo: 3 },
  { diagnosis: 'acl_reconstruction', diagnosisDetail: 'Hamstring graft', side: 'left', weeksAgo: 14 },
  { diagnosis: 'bone_stress_injury', diagnosisDetail: 'Second metatarsal', side: 'right', weeksAgo: 8 },
  { diagnosis: 'patellofemoral_pain', diagnosisDetail: '', side: 'both', weeksAgo: 12 },
  {
    diagnosis: 'plantar_heel_pain',
    diagnosisDetail: 'Settled; returning after a long break',
    side: 'left',
    weeksAgo: 20,
  },
];

/** A built-in exercise at its default dosage, or with the dosage and note given. */
function ex(exerciseId: string, dosage?: Dosage, note = ''): PrescriptionItemInput {
  const exercise = findExercise(exerciseId);
  if (!exercise) throw new Error(`The demo clinic names an exercise the library lacks: ${exerciseId}`);
  return { exerciseId, dosage: dosage ?? exercise.dosage, note };
}

const reps = (sets: number, n: number, daysPerWeek: number, extra: Partial<Dosage> = {}): Dosage => ({
  sets,
  amount: { kind: 'reps', reps: n },
  perSide: true,
  daysPerWeek,
  ...extra,
});

const HAMSTRING_EARLY = [
  ex('hip-flexor-stretch-half-kneeling'),
  ex('deadlift-staggered-stance', reps(2, 8, 3), 'Short range only: stop before you feel a pull.'),
  ex('plank-side-knees'),
  ex('ankle-knee-to-wall'),
  ex('cross-training-cycling'),
];

/**
 * Home exercise programmes for some demo episodes, by record number: each entry is one saved
 * version, oldest first (Zoë's has two, so the history has something to show).
 */
const DEMO_PROGRAMMES: Readonly<Record<string, readonly (readonly PrescriptionItemInput[])[]>> = {
  'DEMO-001': [
    HAMSTRING_EARLY,
    [
      ex('hip-flexor-stretch-half-kneeling'),
      ex('deadlift-single-leg', reps(3, 8, 3), 'Hold a chair with one hand for the first week.'),
      ex('plank-side'),
      ex('thoracic-open-book'),
      ex('ankle-knee-to-wall'),
      ex('cross-training-elliptical'),
    ],
  ],
  'DEMO-002': [
    [
      ex(
        'calf-raise-single-leg-weighted',
        undefined,
        'Pain up to 3 out of 10 is fine if it settles by the next morning.',
      ),
      ex('calf-raise-bent-knee-single-leg'),
      ex('ankle-knee-to-wall'),
      ex('cross-training-swimming'),
    ],
  ],
  'DEMO-004': [
    [
      ex('calf-raise-both-legs', reps(3, 12, 5, { perSide: false })),
      ex('calf-raise-seated-weighted'),
      ex('ankle-half-kneeling-rock'),
      ex('cross-training-cycling'),
    ],
  ],
  'DEMO-007': [
    [
      ex('hip-flexor-stretch-standing'),
      ex('plank-side-knees'),
      ex('copenhagen-short-lever'),
      ex('deadlift-staggered-stance'),
    ],
  ],
};

function onsetBefore(clock: Clock, weeks: number): string {
  const d = new Date(`${clock.today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - weeks * 7);
  return d.toISOString().slice(0, 10);
}

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
          emergencyNumber: '999',
          units: 'km',
          paperSize: 'A4',
          dateFormat: 'DD/MM/YYYY',
          autoLockMinutes: 5,
        },
        { isDemo: true },
      );
      const episodes: EpisodeSummary[] = [];
      DEMO_PATIENTS.forEach((p, i) => {
        const patient = createPatient(db, clock, clinician.id, p);
        const episode = DEMO_EPISODES[i];
        if (episode) {
          const { weeksAgo, ...rest } = episode;
          // Opened two days after the onset, so the demo's programmes and check-ins come after it.
          const created = createEpisode(db, dayClock(clock, weeksAgo * 7 - 2), clinician.id, {
            ...rest,
            patientId: patient.id,
            onsetDate: onsetBefore(clock, weeksAgo),
          });
          let basedOnVersion: number | null = null;
          for (const programme of DEMO_PROGRAMMES[p.recordNumber] ?? []) {
            const saved = savePrescription(db, clock, clinician.id, {
              episodeId: created.id,
              basedOnVersion,
              items: [...programme],
            });
            basedOnVersion = saved.version;
          }
          episodes.push(created);
        }
      });
      seedDemoRunning(
        db,
        clock,
        clinician.id,
        episodes.map((e) => e.id),
      );
      saveTemplate(db, clock, clinician.id, {
        name: 'Hamstring strain: early',
        items: HAMSTRING_EARLY,
        replace: false,
      });
      saveTemplate(db, clock, clinician.id, {
        name: 'Achilles tendinopathy: loading start',
        items: [ex('calf-raise-both-legs'), ex('calf-raise-bent-knee'), ex('ankle-knee-to-wall')],
        replace: false,
      });
      seedDemoIntakes(db, clock, clinician, episodes);
      return clinician;
    })
    .immediate();
}
