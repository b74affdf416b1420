/**
 * A fixture handout: a runner with a non-Latin name, part way through the time-based walk/run
 * programme, with the seed soreness rules and a home programme of six (or eight) exercises.
 */
import type { Exercise } from '../../shared/clinical/exercises/exercise';
import { findExercise } from '../../shared/clinical/exercises/lookup';
import type { Dosage } from '../../shared/clinical/exercises/dosage';
import { DELAWARE_TREADMILL, MILITARY_RETURN_TO_RUN, TIME_WALK_RUN } from '../../shared/clinical/programme-templates';
import { startProgress } from '../../shared/clinical/progress';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET } from '../../shared/clinical/rule-sets';
import type { HandoutData, HandoutExercise } from '../../shared/handout/handout-data';
import { HANDOUT_DATA_FORMAT } from '../../shared/handout/handout-data';
import { runningPart } from '../../shared/handout/parts';
import { plannedRunDates } from '../../shared/handout/plan';
import { NO_CONTEXT } from '../../shared/clinical/engine';
import type { RuleSet } from '../../shared/clinical/rule-set';
import { selfCheckFor } from '../../shared/clinical/self-check';

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
      selfCheck: selfCheckFor(SEED_RULE_SET, TIME_WALK_RUN, startProgress(6), NO_CONTEXT, '2026-11-28'),
    },
    ruleSet: SEED_RULE_SET,
    exercises: [...SIX_EXERCISES],
    images: [],
    afterSurgery: false,
    nextVisit: FIXTURE_NEXT_VISIT,
    ...overrides,
  };
}

/** The fixture's running part with another rule set: the self-check printed from that set's decisions. */
export function fixtureWithRuleSet(ruleSet: RuleSet, overrides: Partial<HandoutData> = {}): HandoutData {
  const data = fixtureHandout(overrides);
  return {
    ...data,
    ruleSet,
    running: data.running && {
      ...data.running,
      selfCheck: selfCheckFor(ruleSet, TIME_WALK_RUN, startProgress(6), NO_CONTEXT, '2026-11-28'),
    },
  };
}

/** The benchmark's handout: eight illustrated exercises. */
export function eightExerciseHandout(overrides: Partial<HandoutData> = {}): HandoutData {
  return fixtureHandout({ exercises: [...SIX_EXERCISES, ...TWO_MORE_EXERCISES], ...overrides });
}

/**
 * The four handouts the reading-level test and the look script read, one per kind of patient:
 * a bone stress injury still walking, an ACL reconstruction at 14 weeks on the Delaware rules,
 * an Achilles tendinopathy with exercises only, and a long name with 13 exercises in miles on
 * Letter paper for a US clinic.
 */
export function boneStressWalkFirst(): HandoutData {
  const programme = TIME_WALK_RUN;
  return fixtureHandout({
    patient: { givenName: 'Amara', familyName: 'Okonkwo' },
    running: runningPart(programme, startProgress(1), SEED_RULE_SET, NO_CONTEXT, FIXTURE_ISSUED_ON, FIXTURE_NEXT_VISIT),
    exercises: [
      handoutExercise('calf-raise-both-legs'),
      handoutExercise('hip-flexor-stretch-standing'),
      handoutExercise('cross-training-swimming'),
    ],
  });
}

export function aclFourteenWeeksDelaware(): HandoutData {
  const programme = DELAWARE_TREADMILL;
  return fixtureHandout({
    patient: { givenName: 'Siobhán', familyName: 'Ní Bhraonáin' },
    afterSurgery: true,
    ruleSet: DELAWARE_PUBLISHED_RULE_SET,
    units: 'mi',
    running: runningPart(
      programme,
      startProgress(1),
      DELAWARE_PUBLISHED_RULE_SET,
      NO_CONTEXT,
      FIXTURE_ISSUED_ON,
      FIXTURE_NEXT_VISIT,
    ),
    exercises: [
      handoutExercise('deadlift-single-leg'),
      handoutExercise('copenhagen-short-lever'),
      handoutExercise('plank-side'),
      handoutExercise('calf-raise-single-leg'),
      handoutExercise('cross-training-cycling'),
    ],
  });
}

export function achillesExercisesOnly(): HandoutData {
  return fixtureHandout({
    patient: { givenName: 'Tomás', familyName: 'Herrera' },
    running: null,
    nextVisit: '2026-12-18',
    exercises: [
      handoutExercise('calf-raise-bent-knee'),
      handoutExercise('calf-raise-single-leg'),
      handoutExercise('calf-raise-seated-weighted'),
      handoutExercise('ankle-knee-to-wall'),
    ],
  });
}

export const LONG_NAME = {
  givenName: 'Maximiliana Alexandra Konstantina',
  familyName: 'Wolfeschlegelsteinhausen-Bergerdorff-Papadopoulou',
} as const;

export function longNameThirteenExercisesUs(): HandoutData {
  const ids = [
    'calf-raise-bent-knee',
    'calf-raise-single-leg',
    'ankle-knee-to-wall',
    'hip-flexor-stretch-half-kneeling',
    'hip-leg-swings',
    'deadlift-single-leg',
    'plank-front',
    'plank-side',
    'copenhagen-long-lever',
    'thoracic-open-book',
    'thoracic-foam-roller-extension',
    'cross-training-elliptical',
    'hip-knee-drive',
  ];
  return fixtureHandout({
    patient: { ...LONG_NAME },
    clinic: {
      name: 'Lakeside Sports Physical Therapy and Running Rehabilitation Center of Greater Minneapolis',
      phone: '+1 612 555 0143',
      address: '400 Lake Street, Minneapolis, MN 55401',
      email: 'front.desk@lakeside-sports-physical-therapy.example',
      emergencyNumber: '911',
    },
    clinician: { name: 'Jordan Reyes', profession: 'Physical therapist', registrationNumber: 'PT-MN-20931' },
    units: 'mi',
    paperSize: 'Letter',
    weekStartsOn: 'sunday',
    dateOrder: 'mdy',
    running: runningPart(
      MILITARY_RETURN_TO_RUN,
      startProgress(2),
      SEED_RULE_SET,
      NO_CONTEXT,
      FIXTURE_ISSUED_ON,
      FIXTURE_NEXT_VISIT,
    ),
    exercises: ids.map((id) => handoutExercise(id)),
  });
}

/** The four, by name. */
export const READING_FIXTURES: readonly { name: string; data: () => HandoutData }[] = [
  { name: 'bone stress, walking first', data: boneStressWalkFirst },
  { name: 'ACL at 14 weeks, Delaware rules', data: aclFourteenWeeksDelaware },
  { name: 'Achilles, exercises only', data: achillesExercisesOnly },
  { name: 'long name, 13 exercises, miles, Letter', data: longNameThirteenExercisesUs },
];
