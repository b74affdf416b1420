/**
 * The demo clinic's running programmes: a few fictional runners part-way through a programme,
 * with check-ins (one decision changed by the clinician, one entry corrected), so a newcomer sees
 * the feature at work. Dates are relative to the day the demo is opened; every decision is made
 * by the real engine through the same record functions the app uses.
 */
import type { CheckInOutcome } from '../../shared/clinical/check-in';
import { DELAWARE_TREADMILL, MTSS_MOEN, TIME_WALK_RUN } from '../../shared/clinical/programme-templates';
import { DELAWARE_PUBLISHED_RULE_SET } from '../../shared/clinical/rule-sets';
import type { SorenessReport } from '../../shared/clinical/soreness-report';
import type { EpisodeRunning } from '../../shared/domain/running';
import { addDays } from '../../shared/time/dates';
import type { Db } from '../db/open';
import { recordCheckIn } from '../records/running';
import { assignProgramme } from '../records/running-assign';
import type { Clock } from '../util/clock';

type Answers = Omit<SorenessReport, 'runDate' | 'levelRun'>;
const CLEAN: Answers = {
  completed: 'as_written',
  warmUp: 'none',
  cameBackDuringRun: null,
  painStartedInRun: false,
  limp: false,
  nextDay: 'none',
  painDuring: 0,
  painAfter: 0,
  swelling: false,
};

interface DemoRun {
  /** Days before the demo's today. */
  daysAgo: number;
  level: number;
  answers?: Partial<Answers>;
  override?: Omit<Extract<CheckInOutcome, { kind: 'override' }>, 'kind'>;
  /** Corrected at the next day's visit with these answers. */
  correctedTo?: { answers: Partial<Answers>; reason: string };
}

interface DemoCourse {
  /** Index in DEMO_PATIENTS. */
  patient: number;
  programmeId: string;
  ruleSetId: string | null;
  startLevel: number;
  givenDaysAgo: number;
  runs: DemoRun[];
}

const COURSES: readonly DemoCourse[] = [
  {
    // Zoë, hamstring strain: the time-based walk/run, from the first running level.
    patient: 0,
    programmeId: TIME_WALK_RUN.id,
    ruleSetId: null,
    startLevel: 3,
    givenDaysAgo: 24,
    runs: [
      { daysAgo: 23, level: 3 },
      { daysAgo: 21, level: 4 },
      {
        daysAgo: 18,
        level: 5,
        answers: { warmUp: 'went_away', cameBackDuringRun: true, painDuring: 2 },
        override: {
          levelAfter: 5,
          daysOff: 2,
          reason: 'Soreness came back for the last minute only; hamstring strength and slump test normal today.',
        },
      },
      { daysAgo: 15, level: 5 },
      { daysAgo: 12, level: 6, answers: { nextDay: 'muscular' } },
      { daysAgo: 9, level: 7, answers: { warmUp: 'went_away', cameBackDuringRun: false } },
      { daysAgo: 6, level: 7 },
      { daysAgo: 3, level: 8, answers: { painDuring: 1 } },
    ],
  },
  {
    // An, Achilles tendinopathy: the Delaware treadmill table with the published rules.
    patient: 1,
    programmeId: DELAWARE_TREADMILL.id,
    ruleSetId: DELAWARE_PUBLISHED_RULE_SET.id,
    startLevel: 1,
    givenDaysAgo: 16,
    runs: [
      { daysAgo: 15, level: 1 },
      { daysAgo: 13, level: 2 },
      { daysAgo: 10, level: 2, answers: { nextDay: 'not_muscular' } },
      { daysAgo: 7, level: 2 },
      { daysAgo: 4, level: 3 },
    ],
  },
  {
    // Siobhán, shin splints: the MTSS programme; one entry corrected the next day.
    patient: 2,
    programmeId: MTSS_MOEN.id,
    ruleSetId: null,
    startLevel: 1,
    givenDaysAgo: 12,
    runs: [
      { daysAgo: 11, level: 1 },
      {
        daysAgo: 8,
        level: 2,
        answers: { warmUp: 'continued' },
        correctedTo: {
          answers: { warmUp: 'went_away', cameBackDuringRun: false },
          reason: 'On the phone the next day: the shin soreness went away after the first few minutes.',
        },
      },
      { daysAgo: 5, level: 2 },
      { daysAgo: 2, level: 3, answers: { painDuring: 2, painAfter: 1 } },
    ],
  },
  {
    // Mateus, calf strain: given the programme yesterday, no run reported yet.
    patient: 3,
    programmeId: TIME_WALK_RUN.id,
    ruleSetId: null,
    startLevel: 1,
    givenDaysAgo: 1,
    runs: [],
  },
];

/** The demo clock moved back to a day before today. */
export function dayClock(clock: Clock, daysAgo: number): Clock {
  const today = addDays(clock.today(), -daysAgo);
  return { today: () => today, now: () => new Date(clock.now().getTime() - daysAgo * 86_400_000) };
}

/** Gives the demo episodes their programmes and check-ins. `episodeIds` follow DEMO_PATIENTS. */
export function seedDemoRunning(db: Db, clock: Clock, clinicianId: number, episodeIds: readonly number[]): void {
  for (const course of COURSES) {
    const episodeId = episodeIds[course.patient];
    if (episodeId === undefined) continue;
    let running: EpisodeRunning = assignProgramme(db, dayClock(clock, course.givenDaysAgo), clinicianId, {
      episodeId,
      programmeId: course.programmeId,
      startLevel: course.startLevel,
      ruleSetId: course.ruleSetId,
      reason: '',
      expectedAssignmentId: null,
    });
    for (const run of course.runs) {
      const assignmentId = running.assignment?.id;
      if (assignmentId === undefined) throw new Error('demo: the programme was not given');
      const runDate = addDays(clock.today(), -run.daysAgo);
      const report: SorenessReport = { runDate, levelRun: run.level, ...CLEAN, ...run.answers };
      // The visit is the day after the run.
      running = recordCheckIn(db, dayClock(clock, run.daysAgo - 1), clinicianId, {
        episodeId,
        assignmentId,
        report,
        entryCheckLevel: null,
        outcome: run.override ? { kind: 'override', ...run.override } : { kind: 'confirm' },
        correction: null,
        expectedLatestId: running.history.items[0]?.id ?? null,
        shown: null,
      });
      const entry = running.history.items[0];
      if (run.correctedTo && entry) {
        running = recordCheckIn(db, dayClock(clock, run.daysAgo - 2), clinicianId, {
          episodeId,
          assignmentId,
          report: { runDate, levelRun: run.level, ...CLEAN, ...run.correctedTo.answers },
          entryCheckLevel: null,
          outcome: { kind: 'confirm' },
          correction: { correctsId: entry.id, reason: run.correctedTo.reason },
          expectedLatestId: entry.id,
          shown: null,
        });
      }
    }
  }
}
