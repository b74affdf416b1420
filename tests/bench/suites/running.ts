/**
 * Loading the pages of a patient with 1,000 check-ins: an episode on a running programme for years,
 * with soreness of every kind, overrides and corrections, in the synthetic clinic. Every check-in
 * is decided by the real engine through the same record functions the app uses. Measured through
 * backend.invoke, with every channel each page calls.
 */
import path from 'node:path';
import { createBackend } from '../../../main/backend/backend';
import { openDatabase } from '../../../main/db/open';
import { createEpisode } from '../../../main/records/episodes';
import { recordCheckIn } from '../../../main/records/running';
import { assignProgramme } from '../../../main/records/running-assign';
import type { Clock } from '../../../main/util/clock';
import { TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import type { SorenessReport } from '../../../shared/clinical/soreness-report';
import type { EpisodeRunning } from '../../../shared/domain/running';
import { addDays } from '../../../shared/time/dates';
import type { Figure } from '../stats';
import { ms, percentile, time } from '../stats';
import type { SyntheticClinic } from '../synthetic-clinic';
import { BENCH_PASSWORD, random } from '../synthetic-clinic';

export const CHECK_INS = 1000;
const PATIENT_ID = 1;
const CLINICIAN_ID = 1;

function clockOn(date: string): Clock {
  return { today: () => date, now: () => new Date(`${date}T10:00:00.000Z`) };
}

type Answers = Omit<SorenessReport, 'runDate' | 'levelRun'>;

function answers(r: number): Answers {
  const clean: Answers = {
    warmUp: 'none',
    cameBackDuringRun: null,
    nextDay: 'none',
    painDuring: 0,
    painAfter: 0,
    completed: 'as_written',
    painStartedInRun: false,
    limp: false,
    swelling: false,
  };
  if (r < 0.62) return clean;
  if (r < 0.7) return { ...clean, nextDay: 'muscular' };
  if (r < 0.8) return { ...clean, warmUp: 'went_away', cameBackDuringRun: false };
  if (r < 0.87) return { ...clean, warmUp: 'went_away', cameBackDuringRun: true };
  if (r < 0.92) return { ...clean, warmUp: 'continued' };
  if (r < 0.97) return { ...clean, nextDay: 'not_muscular' };
  return { ...clean, painDuring: 4 };
}

/** An episode for patient 1 with CHECK_INS check-ins (about 2% corrections, 5% overrides). */
function buildCourse(clinic: SyntheticClinic): number {
  const db = openDatabase(path.join(clinic.dataDir, 'clinic.sqlite'), {
    create: false,
    ...(clinic.key ? { key: clinic.key } : {}),
  });
  const rand = random(3);
  const start = '2016-01-04';
  const episodeId = db.transaction(() => {
    const episode = createEpisode(db, clockOn(start), CLINICIAN_ID, {
      patientId: PATIENT_ID,
      diagnosis: 'hamstring_strain',
      diagnosisDetail: 'Benchmark: years of check-ins',
      side: 'right',
      onsetDate: '2015-12-20',
    });
    let running: EpisodeRunning = assignProgramme(db, clockOn(start), CLINICIAN_ID, {
      episodeId: episode.id,
      programmeId: TIME_WALK_RUN.id,
      startLevel: 1,
      ruleSetId: null,
      reason: '',
      expectedAssignmentId: null,
    });
    let runDate = addDays(start, 1);
    let made = 0;
    while (made < CHECK_INS) {
      const assignmentId = running.assignment!.id;
      const progress = running.state!.progress;
      const next = TIME_WALK_RUN.levels[progress.currentLevel];
      const entryCheckLevel =
        next && next.entryCheck !== '' && !progress.clearedLevels.includes(next.number) ? next.number : null;
      const report: SorenessReport = { runDate, levelRun: progress.currentLevel, ...answers(rand()) };
      const override = rand() < 0.05;
      const latest = running.history.items[0]?.id ?? null;
      const visit = clockOn(addDays(runDate, 1));
      running = recordCheckIn(db, visit, CLINICIAN_ID, {
        episodeId: episode.id,
        assignmentId,
        report,
        entryCheckLevel,
        outcome: override
          ? {
              kind: 'override',
              // Never the engine's own choice: its days off are 0 to 2.
              levelAfter: Math.min(progress.currentLevel + 1, TIME_WALK_RUN.levels.length),
              daysOff: 3,
              reason: 'Benchmark override',
            }
          : { kind: 'confirm' },
        correction: null,
        expectedLatestId: latest,
        shown: null,
      });
      made += 1;
      const entry = running.history.items[0]!;
      if (made < CHECK_INS && rand() < 0.02) {
        running = recordCheckIn(db, visit, CLINICIAN_ID, {
          episodeId: episode.id,
          assignmentId,
          report: { ...report, ...answers(rand()) },
          entryCheckLevel,
          outcome: { kind: 'confirm' },
          correction: { correctsId: entry.id, reason: 'Benchmark correction' },
          expectedLatestId: entry.id,
          shown: null,
        });
        made += 1;
      }
      runDate = addDays(running.state!.progress.earliestNextRun!, Math.floor(rand() * 2));
    }
    return episode.id;
  })();
  db.pragma('optimize');
  db.close();
  return episodeId;
}

export async function benchRunning(clinic: SyntheticClinic): Promise<Figure[]> {
  const t0 = performance.now();
  const episodeId = buildCourse(clinic);
  const built = performance.now() - t0;

  const quiet = { info: () => {}, error: (m: string) => console.error(m) };
  const backend = createBackend({ dataDir: clinic.dataDir, logger: quiet });
  const signIn = await backend.invoke('session.signIn', { clinicianId: CLINICIAN_ID, password: BENCH_PASSWORD });
  if (!signIn.ok) throw new Error(signIn.error.message);
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  const check = must(await backend.invoke('running.episode', { episodeId }));
  if (check.history.total !== CHECK_INS)
    throw new Error(`expected ${CHECK_INS} check-ins, found ${check.history.total}`);

  const patientPage: number[] = [];
  const episodePage: number[] = [];
  const olderPage: number[] = [];
  const preview: number[] = [];
  const middle = check.history.items[check.history.items.length - 1]!.id - Math.floor(CHECK_INS / 2);
  const last = check.history.items[0]!;
  for (let round = 0; round < 60; round++) {
    // The patient page: the patient, the episode list, the running line of each open episode.
    const [, tp] = await time(async () => {
      must(await backend.invoke('patients.get', { id: PATIENT_ID }));
      must(await backend.invoke('episodes.list', { patientId: PATIENT_ID }));
      must(await backend.invoke('running.summaries', { patientId: PATIENT_ID }));
    });
    // The episode page: the patient, the episode, and its programme, progress and latest check-ins.
    const [, te] = await time(async () => {
      must(await backend.invoke('patients.get', { id: PATIENT_ID }));
      must(await backend.invoke('episodes.get', { id: episodeId }));
      must(await backend.invoke('running.episode', { episodeId }));
    });
    const [, to] = await time(async () =>
      must(await backend.invoke('checkIns.list', { episodeId, beforeId: middle, limit: 20 })),
    );
    // The decision as the clinician answers: replays the whole course each time.
    const [, tv] = await time(async () =>
      must(
        await backend.invoke('checkIns.preview', {
          episodeId,
          assignmentId: check.assignment!.id,
          report: {
            runDate: last.nextRunDate,
            levelRun: check.state!.progress.currentLevel,
            completed: 'as_written',
            warmUp: 'went_away',
            cameBackDuringRun: true,
            painStartedInRun: false,
            limp: false,
            nextDay: 'none',
            painDuring: 2,
            painAfter: 1,
            swelling: false,
          },
          entryCheckLevel: null,
          correctsId: null,
        }),
      ),
    );
    if (round >= 10) {
      patientPage.push(tp);
      episodePage.push(te);
      olderPage.push(to);
      preview.push(tv);
    }
  }
  backend.close();

  const p95 = (s: number[]) => percentile(s, 95);
  return [
    { name: `course of ${CHECK_INS} check-ins built (engine + records)`, value: `${(built / 1000).toFixed(1)} s` },
    { name: 'patient page p50 (3 channels)', value: ms(percentile(patientPage, 50)) },
    {
      name: 'patient page p95',
      value: ms(p95(patientPage)),
      budget: '< 50 ms',
      withinBudget: p95(patientPage) < 50,
    },
    { name: 'episode page p50 (3 channels)', value: ms(percentile(episodePage, 50)) },
    {
      name: 'episode page p95',
      value: ms(p95(episodePage)),
      budget: '< 50 ms',
      withinBudget: p95(episodePage) < 50,
    },
    { name: 'older check-ins, page of 20, p95', value: ms(p95(olderPage)) },
    { name: 'live decision (checkIns.preview) p95', value: ms(p95(preview)) },
  ];
}
