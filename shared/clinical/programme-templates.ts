/**
 * The running programmes the app ships, each from a published table (docs/clinical-sources.md#programmes).
 *
 * Where a table is silent on something a level needs (the effort cue of the time-based protocol,
 * how many sessions a week the military table allows, the total of Delaware level 8), the level
 * says so in its notes and the value is the clinic's default, meant to be edited.
 * A clinic duplicates a template (duplicateProgramme) rather than editing it.
 */
import { DEFAULT_WARM_UP, type EffortCue, type Programme, type RunLevel } from './programme';
import { miles, mph } from './units';

type LevelFields = Omit<RunLevel, 'number' | 'title' | 'entryCheck' | 'notes' | 'untilTotal' | 'repetitions'> &
  Partial<Pick<RunLevel, 'title' | 'entryCheck' | 'notes' | 'untilTotal' | 'repetitions'>>;

/** Levels numbered in order, with empty optional text and one repetition unless given. */
function levels(list: readonly LevelFields[]): RunLevel[] {
  return list.map((l, i) => ({
    number: i + 1,
    title: l.title ?? '',
    measure: l.measure,
    bouts: l.bouts,
    repetitions: l.untilTotal ? null : (l.repetitions ?? 1),
    untilTotal: l.untilTotal ?? null,
    effort: l.effort,
    surface: l.surface,
    sessionsPerWeek: l.sessionsPerWeek,
    minRestDays: l.minRestDays,
    cleanSessionsToAdvance: l.cleanSessionsToAdvance,
    entryCheck: l.entryCheck ?? '',
    notes: l.notes ?? '',
  }));
}

const words = (text: string): EffortCue => ({ kind: 'words', text });

// --- Time-based walk/run, 5 weeks, with the seed's walking stages first -----------------------

const timeRun = { measure: 'time', surface: 'level_ground', sessionsPerWeek: 3, minRestDays: 1 } as const;
const EASY = words('easy pace');
const walkRun = (walk: number, run: number, repetitions: number, title = ''): LevelFields => ({
  ...timeRun,
  title,
  bouts: [
    { activity: 'walk', amount: walk },
    { activity: 'run', amount: run },
  ],
  repetitions,
  effort: EASY,
  cleanSessionsToAdvance: 1,
});

export const TIME_WALK_RUN: Programme = {
  id: 'time-walk-run-5-weeks',
  name: 'Walk, then walk/run by time (5 weeks)',
  version: 1,
  source:
    'Run levels: time-based walk/run return-to-running protocol (HSS-affiliated), weeks 1 to 5, 3 runs a week ' +
    'with a rest day between. Walking stages: clinic article "Return to Running" (L. Kennell, The ACADEMY): ' +
    'comfortable, then brisk walking before running. Entry check for running: UW Health (30 min brisk walk ' +
    'without pain) and MGH / SEMC (1 mile walk with no limp, pain or swelling).',
  basedOn: null,
  summary:
    'Two walking stages, then 15 timed walk/run sessions over 5 weeks (3 a week, a rest day between; the ' +
    'week 5 session is done 3 times). ' +
    'The protocol steps back a level when pain or swelling lasts over 24 hours.',
  // The protocol gives no warm-up: the app's default brisk walk (programme.ts, DEFAULT_WARM_UP).
  warmUp: DEFAULT_WARM_UP,
  maxAdvancesPer7Days: null,
  painLimit: null,
  levels: levels([
    {
      measure: 'time',
      title: 'Walking',
      bouts: [{ activity: 'walk', amount: 30 }],
      effort: words('comfortable pace'),
      surface: 'level_ground',
      sessionsPerWeek: 5,
      minRestDays: 0,
      cleanSessionsToAdvance: 2,
      notes:
        'The article gives no dose for the walking stages: 30 minutes, twice without soreness, is the clinic default.',
    },
    {
      measure: 'time',
      title: 'Walking',
      bouts: [{ activity: 'walk', amount: 30 }],
      effort: words('brisk pace'),
      surface: 'level_ground',
      sessionsPerWeek: 5,
      minRestDays: 0,
      cleanSessionsToAdvance: 2,
      notes: 'A pain-free 30 minute brisk walk is the usual entry check for running.',
    },
    {
      ...walkRun(4, 1, 3, 'Week 1'),
      entryCheck: 'Brisk walk for 30 minutes without pain, or 1 mile with no limp, pain or swelling; pain below 2/10.',
      notes: 'The protocol gives no effort cue: "easy pace" is the clinic default.',
    },
    walkRun(3, 2, 3, 'Week 1'),
    walkRun(2, 3, 3, 'Week 1'),
    walkRun(1, 4, 4, 'Week 2'),
    walkRun(1, 5, 3, 'Week 2'),
    walkRun(1, 6, 3, 'Week 2'),
    walkRun(1, 7, 3, 'Week 3'),
    walkRun(1, 8, 2, 'Week 3'),
    walkRun(1, 10, 2, 'Week 3'),
    walkRun(3, 12, 1, 'Week 4'),
    walkRun(3, 15, 1, 'Week 4'),
    walkRun(3, 18, 1, 'Week 4'),
    {
      // Week 5 of the protocol is 3 walk + 20 min run at each of its 3 sessions: one level done 3
      // times (3 clean sessions finish the programme), like the 3 sessions of every other week.
      ...walkRun(3, 20, 1, 'Week 5'),
      cleanSessionsToAdvance: 3,
      notes: 'The protocol repeats this session 3 times in week 5: 3 clean sessions finish the programme.',
    },
  ]),
};

// --- University of Delaware treadmill progression (distance) -------------------------------------

const treadmill = {
  measure: 'distance',
  surface: 'treadmill',
  sessionsPerWeek: 4,
  minRestDays: 1,
  cleanSessionsToAdvance: 1,
} as const;
const JOG = words('easy jog');
const TWO_MILES = { measure: 'distance', amount: miles(2) } as const;
const walkJog = (jog: number): RunLevel['bouts'] => [
  { activity: 'walk', amount: miles(0.1) },
  { activity: 'jog', amount: miles(jog) },
];

export const DELAWARE_TREADMILL: Programme = {
  id: 'delaware-treadmill',
  name: 'University of Delaware treadmill progression (distance)',
  version: 1,
  source: 'University of Delaware running progression, as reproduced in Ann Jt Surg 2018;3:40, Table 4.',
  basedOn: null,
  summary:
    'Move up when the level is done without more swelling or pain. At most 4 sessions a week, never on ' +
    'consecutive days, and at most 2 levels in 7 days.',
  // Table 4 gives no warm-up: the app's default brisk walk (5 minutes), on the treadmill.
  warmUp: { description: 'Walk at a brisk pace on the treadmill for 5 minutes.', minutes: 5 },
  maxAdvancesPer7Days: 2,
  painLimit: null,
  levels: levels([
    { ...treadmill, bouts: walkJog(0.1), repetitions: 10, effort: JOG },
    { ...treadmill, bouts: walkJog(0.2), untilTotal: TWO_MILES, effort: JOG },
    { ...treadmill, bouts: walkJog(0.3), untilTotal: TWO_MILES, effort: JOG },
    { ...treadmill, bouts: walkJog(0.4), untilTotal: TWO_MILES, effort: JOG },
    { ...treadmill, bouts: [{ activity: 'jog', amount: miles(2) }], effort: JOG },
    { ...treadmill, bouts: [{ activity: 'jog', amount: miles(2.5) }], effort: JOG },
    { ...treadmill, bouts: [{ activity: 'jog', amount: miles(3) }], effort: JOG },
    {
      ...treadmill,
      bouts: [
        { activity: 'run', amount: miles(0.25) },
        { activity: 'jog', amount: miles(0.25) },
      ],
      untilTotal: { measure: 'distance', amount: miles(3) },
      effort: words('faster run, easy jog'),
      notes: 'The table gives no total for this level: 3 miles keeps the distance of level 7.',
    },
  ]),
};

// --- US military standard return-to-run (Trials 2023, Table 1) -----------------------------------

const military = {
  measure: 'time',
  surface: 'level_ground',
  sessionsPerWeek: 3,
  minRestDays: 1,
  cleanSessionsToAdvance: 2,
} as const;
const rpe = (value: number, label: string): EffortCue => ({ kind: 'rpe', rpe: value, words: label });
const phase = (walk: number, run: number, totalMiles: number, effort: EffortCue): LevelFields => ({
  ...military,
  title: '',
  bouts: [
    { activity: 'walk', amount: walk },
    { activity: 'run', amount: run },
  ],
  untilTotal: { measure: 'distance', amount: miles(totalMiles) },
  effort,
});

export const MILITARY_RETURN_TO_RUN: Programme = {
  id: 'military-return-to-run',
  name: 'US military standard return-to-run (6 phases)',
  version: 1,
  source:
    'Standard return-to-run program, Table 1 in: The effectiveness of telehealth gait retraining in addition to ' +
    'standard physical therapy treatment for overuse knee injuries in soldiers: a protocol for a randomized ' +
    'clinical trial. Trials 2023. doi:10.1186/s13063-023-07502-x',
  basedOn: null,
  summary:
    'Warm up and stretch for 10 to 15 minutes first. At least one rest day between runs; each phase at least ' +
    'twice; swelling, stiffness or more pain during or after running: do not move up. Level ground, no hills.',
  // Trials 2023, Table 1: "warm up and stretch" for 10 to 15 minutes before each run; 10 is the
  // shorter end, the minutes the patient must at least do.
  warmUp: { description: 'Warm up and stretch for 10 to 15 minutes before you run.', minutes: 10 },
  maxAdvancesPer7Days: null,
  painLimit: null,
  levels: levels([
    {
      ...phase(2, 3, 1, rpe(3, 'easy')),
      notes: 'The table gives no sessions per week: 3 is the clinic default (at least a rest day between runs).',
    },
    phase(2, 3, 1.5, rpe(3, 'easy')),
    phase(2, 4, 1.5, rpe(4, 'somewhat easy')),
    phase(2, 4, 2, rpe(4, 'somewhat easy')),
    phase(1, 4, 2, rpe(5, 'somewhat hard')),
    {
      ...military,
      measure: 'distance',
      bouts: [{ activity: 'run', amount: miles(2) }],
      effort: rpe(5, 'somewhat hard'),
    },
  ]),
};

// --- Shin splints (medial tibial stress syndrome), after Moen 2012 -------------------------------

const moen = { measure: 'time', sessionsPerWeek: 3, minRestDays: 1, cleanSessionsToAdvance: 1 } as const;
const runWalk = (run: number, walk: number): RunLevel['bouts'] => [
  { activity: 'run', amount: run },
  { activity: 'walk', amount: walk },
];
const INTENSITY_1_2 = words('intensity 1-2: light jogging to jogging and talking');
const INTENSITY_2_3 = words('intensity 2-3: jogging and talking to jogging with hard talking');

export const MTSS_MOEN: Programme = {
  id: 'mtss-moen-2012',
  name: 'Shin splints (MTSS) graded running, after Moen 2012',
  version: 1,
  source:
    'Graded running programme of Moen MH, Holtslag L, Bakker E, et al. The treatment of medial tibial stress ' +
    'syndrome in athletes; a randomized clinical trial. Sports Med Arthrosc Rehabil Ther Technol 2012;4:12.',
  basedOn: null,
  summary:
    'Treadmill run/walk, then run/walk over ground, then continuous running; 3 times a week, every other day. ' +
    'Move on when the phase is done with pain of 4/10 or less. Walking between runs is at 3.5 mph (5.6 km/h).',
  // Moen 2012 gives no warm-up: the app's default brisk walk (programme.ts, DEFAULT_WARM_UP).
  warmUp: DEFAULT_WARM_UP,
  maxAdvancesPer7Days: null,
  painLimit: 4,
  levels: levels([
    {
      ...moen,
      surface: 'treadmill',
      bouts: runWalk(2, 2),
      repetitions: 4,
      effort: { kind: 'speed', runKmh: mph(6), walkKmh: mph(3.5) },
    },
    {
      ...moen,
      surface: 'treadmill',
      bouts: runWalk(2, 2),
      repetitions: 4,
      effort: { kind: 'speed', runKmh: mph(7.5), walkKmh: mph(3.5) },
    },
    { ...moen, surface: 'level_ground', bouts: runWalk(3, 2), repetitions: 4, effort: INTENSITY_1_2 },
    { ...moen, surface: 'level_ground', bouts: runWalk(3, 2), repetitions: 4, effort: INTENSITY_2_3 },
    { ...moen, surface: 'level_ground', bouts: [{ activity: 'run', amount: 16 }], effort: INTENSITY_1_2 },
    { ...moen, surface: 'level_ground', bouts: [{ activity: 'run', amount: 18 }], effort: INTENSITY_2_3 },
  ]),
};

// --- Hamstring strain: speed-based running, after Heiderscheit 2010 -------------------------------

/*
 * Heiderscheit BC, Sherry MA, Silder A, Chumanov ES, Thelen DG. Hamstring strain injuries:
 * recommendations for diagnosis, rehabilitation, and injury prevention. JOSPT 2010;40(2):67-81.
 * The paper gives the phases, what must be true to move from one phase to the next (its Table 4),
 * and that running progresses by speed, not distance. It gives no running table: the bouts below
 * (100 m runs, walking back, 3 sessions a week, 2 clean sessions per step) and the percentages of
 * top speed are the clinic's default, stepping 10% at a time up to full speed, to edit.
 */
const HEIDERSCHEIT_PHASE_2_ENTRY =
  'Heiderscheit 2010, phase 1 to 2: a normal walking stride without pain, a very slow jog without pain, and ' +
  'no pain on holding against moderate (50-70%) resistance lying face down, knee bent to 90 degrees.';
const HEIDERSCHEIT_PHASE_3_ENTRY =
  'Heiderscheit 2010, phase 2 to 3: full strength (5/5) without pain on the manual test lying face down with ' +
  'the knee at 90 degrees, and jogging forwards and backwards at moderate speed without pain.';
const speedStep = {
  measure: 'distance',
  surface: 'track',
  sessionsPerWeek: 3,
  minRestDays: 1,
  cleanSessionsToAdvance: 2,
  repetitions: 8,
} as const;
const atTopSpeed = (percent: number, phase: 2 | 3): LevelFields => ({
  ...speedStep,
  title: `Phase ${phase}`,
  bouts: [
    { activity: 'run', amount: 100 },
    { activity: 'walk', amount: 100 },
  ],
  effort: { kind: 'top_speed', percent },
});

export const HAMSTRING_SPEED: Programme = {
  id: 'hamstring-speed-heiderscheit',
  name: 'Hamstring strain: running by speed, after Heiderscheit 2010',
  version: 1,
  source:
    'Phases and the checks between them: Heiderscheit BC, Sherry MA, Silder A, Chumanov ES, Thelen DG. Hamstring ' +
    'strain injuries: recommendations for diagnosis, rehabilitation, and injury prevention. J Orthop Sports ' +
    'Phys Ther 2010;40(2):67-81 (Table 4). Running progresses by speed, not distance (clinical.md section 2). ' +
    'The paper gives no running table: the distances, repetitions and percentages of top speed are the clinic ' +
    'default.',
  basedOn: null,
  summary:
    'For a hamstring strain. 8 runs of 100 m, walking back between them, 3 sessions a week; the speed rises 10% ' +
    'of top speed a step after 2 clean sessions, from 50% to full speed. Each exercise is pain-free. Soreness or ' +
    'tightness at the injury site after running is a warning sign, unlike general muscle soreness.',
  // Heiderscheit 2010, Table 4: every phase starts with 10 minutes on a stationary bike, then side
  // steps (phase 1) or side shuffles (phase 2) and grapevine steps, 3 x 1 minute each, at a
  // pain-free speed and stride: 10 + 3 + 3 = 16 minutes.
  warmUp: {
    description:
      'Ride an exercise bike for 10 minutes. Then step side to side for 1 minute, 3 times. Then do cross-over ' +
      'side steps for 1 minute, 3 times. Go only as fast as you can with no pain.',
    minutes: 16,
  },
  maxAdvancesPer7Days: null,
  // Heiderscheit 2010 doses every exercise at a "pain-free speed and stride": a clean session has no pain.
  painLimit: 0,
  levels: levels([
    { ...atTopSpeed(50, 2), entryCheck: HEIDERSCHEIT_PHASE_2_ENTRY },
    atTopSpeed(60, 2),
    atTopSpeed(70, 2),
    { ...atTopSpeed(80, 3), entryCheck: HEIDERSCHEIT_PHASE_3_ENTRY },
    atTopSpeed(90, 3),
    {
      ...atTopSpeed(100, 3),
      notes:
        'Heiderscheit 2010 returns to sport with full strength without pain, no side-to-side difference in ' +
        'knee bend strength, and sport-specific movements at full speed without pain.',
    },
  ]),
};

/** Every shipped template, in the order the app lists them. */
export const PROGRAMME_TEMPLATES: readonly Programme[] = [
  TIME_WALK_RUN,
  DELAWARE_TREADMILL,
  MILITARY_RETURN_TO_RUN,
  MTSS_MOEN,
  HAMSTRING_SPEED,
];
