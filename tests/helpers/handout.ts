/**
 * A fixture handout: a runner with a non-Latin name, part way through the time-based walk/run
 * programme, with the seed soreness rules and a home programme of six (or eight) exercises.
 */
import type { Exercise } from '../../shared/clinical/exercises/exercise';
import { findExercise } from '../../shared/clinical/exercises/lookup';
import type { Dosage } from '../../shared/clinical/exercises/dosage';
import { TIME_WALK_RUN } from '../../shared/clinical/programme-templates';
import { SEED_RULE_SET } from '../../shared/clinical/rule-sets';
import type { HandoutData, HandoutExercise } from '../../shared/handout/handout-data';
import { HANDOUT_DATA_FORMAT } from '../../shared/handout/handout-data';
import { plannedRunDates } from '../../shared/handout/plan';

export function builtIn(id: string): Exercise {
  const e = findExercise(id);
  if (!e) throw new Error(`no built-in exercise ${id}`);
  return e;
}

export function handoutExercise(id: string, dosage?: Dosage, note = ''): HandoutExercise {
  const e = builtIn(id);
  return {
    id: e.id,
    name: e.name,
    purpose: e.purpose,
    startingPosition: e.startingPosition,
    steps: e.steps,
    cues: e.cues,
    illustration: e.illustration,
    dosage: dosage ?? e.dosage,
    note,
    mistakes: e.mistakes,
    easier: e.easier.flatMap((v) => findExercise(v)?.name ?? []),
    harder: e.harder.flatMap((v) => findExercise(v)?.name ?? []),
  };
}

/** Six exercises, two with a changed dosage and two with a note from the clinician. */
export const SIX_EXERCISES: readonly HandoutExercise[] = [
  handoutExercise(
    'calf-raise-bent-knee',
    {
      sets: 3,
      amount: { kind: 'reps', reps: 12 },
      perSide: true,
      daysPerWeek: 3,
      tempo: { upSeconds: 3, downSeconds: 3 },
    },
    'Hold the wall lightly. Go slowly on the way down.',
  ),
  handoutExercise('ankle-knee-to-wall'),
  handoutExercise('hip-flexor-stretch-half-kneeling', {
    sets: 3,
    amount: { kind: 'hold', seconds: 30 },
    perSide: true,
    daysPerWeek: 7,
  }),
  handoutExercise('deadlift-staggered-stance', undefined, 'Use a chair for balance at first.'),
  handoutExercise('plank-side-knees'),
  handoutExercise('thoracic-open-book'),
];

export const TWO_MORE_EXERCISES: readonly HandoutExercise[] = [
  handoutExercise('copenhagen-short-lever'),
  handoutExercise('cross-training-cycling'),
];

const level = (n: number) => TIME_WALK_RUN.levels[n - 1]!;

export const FIXTURE_ISSUED_ON = '2026-11-27';
export const FIXTURE_NEXT_VISIT = '2026-12-11';

/** The fixture: Zoë, level 6 of the time-based walk/run programme, six exercises, A4. */
export function fixtureHandout(overrides: Partial<HandoutData> = {}): HandoutData {
  const current = level(6);
  return {
    format: HANDOUT_DATA_FORMAT,
    issuedOn: FIXTURE_ISSUED_ON,
    clinic: {
      name: 'Riverside Running Clinic',
      phone: '+44 113 496 0000',
      address: '12 River Street, Leeds LS1 4AB',
      email: 'desk@riverside.example',
      emergencyNumber: '999',
    },
    patient: { givenName: 'Zoë', familyName: 'Łukasiewicz-Ørsted' },
    clinician: { name: 'Priya Shah', profession: 'Physiotherapist', registrationNumber: 'PH123456' },
    units: 'km',
    paperSize: 'A4',
    weekStartsOn: 'monday',
    dateOrder: 'dmy',
    running: {
      programmeName: TIME_WALK_RUN.name,
      programmeSource: TIME_WALK_RUN.source,
      levelCount: TIME_WALK_RUN.levels.length,
      currentLevel: current,
      nextLevels: [level(7), level(8), level(9)],
      nextRunDate: '2026-11-28',
      plannedRunDates: plannedRunDates('2026-11-28', current, FIXTURE_NEXT_VISIT),
    },
    ruleSet: SEED_RULE_SET,
    exercises: [...SIX_EXERCISES],
    images: [],
    afterSurgery: false,
    nextVisit: FIXTURE_NEXT_VISIT,
    ...overrides,
  };
}

/** The benchmark's handout: eight illustrated exercises. */
export function eightExerciseHandout(overrides: Partial<HandoutData> = {}): HandoutData {
  return fixtureHandout({ exercises: [...SIX_EXERCISES, ...TWO_MORE_EXERCISES], ...overrides });
}
