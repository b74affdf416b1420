/**
 * An episode's history with 500 events: 300 check-ins (decided by the real engine; both
 * programmes completed), 78 signed visit notes, 60 addenda, 40 home exercise versions, 17
 * handouts, two programmes and the opening, in the synthetic clinic. Measures `episodes.timeline` through backend.invoke (the
 * facts' queries, the builder, the response schema check and the audit row of the read).
 */
import path from 'node:path';
import { createBackend } from '../../../main/backend/backend';
import { openDatabase } from '../../../main/db/open';
import { getClinician } from '../../../main/records/clinic';
import { createEpisode } from '../../../main/records/episodes';
import { issueHandout } from '../../../main/records/handouts';
import { addAddendum, createVisitNote, signVisitNote, updateVisitNote } from '../../../main/records/notes';
import { savePrescription } from '../../../main/records/prescriptions';
import { episodeTimeline } from '../../../main/records/timeline';
import { recordCheckIn } from '../../../main/records/running';
import { assignProgramme } from '../../../main/records/running-assign';
import type { Clock } from '../../../main/util/clock';
import { BUILT_IN_EXERCISES } from '../../../shared/clinical/exercises';
import { MTSS_MOEN, TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import type { SorenessReport } from '../../../shared/clinical/soreness-report';
import type { EpisodeRunning } from '../../../shared/domain/running';
import { addDays } from '../../../shared/time/dates';
import type { Figure } from '../stats';
import { ms, percentile, time } from '../stats';
import type { SyntheticClinic } from '../synthetic-clinic';
import { BENCH_PASSWORD, random } from '../synthetic-clinic';

export const TIMELINE_EVENTS = 500;
const CHECK_INS = 300;
const NOTES = 78;
const ADDENDA = 60;
const PRESCRIPTIONS = 40;
const HANDOUTS = 17;
const PATIENT_ID = 2;
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
    painDuring: 1,
    painAfter: 0,
    completed: 'as_written',
    painStartedInRun: false,
    limp: false,
    swelling: false,
  };
  if (r < 0.65) return clean;
  if (r < 0.75) return { ...clean, nextDay: 'muscular', painAfter: 2 };
  if (r < 0.85) return { ...clean, warmUp: 'went_away', cameBackDuringRun: false, painDuring: 3 };
  if (r < 0.92) return { ...clean, warmUp: 'went_away', cameBackDuringRun: true, painDuring: 4, painAfter: 3 };
  if (r < 0.96) return { ...clean, warmUp: 'continued', painDuring: 5 };
  return { ...clean, nextDay: 'not_muscular', painAfter: 4 };
}

/** The episode: everything but the handouts in one transaction; the handouts (PDFs) after. */
async function buildEpisode(clinic: SyntheticClinic): Promise<number> {
  const db = openDatabase(path.join(clinic.dataDir, 'clinic.sqlite'), {
    create: false,
    ...(clinic.key ? { key: clinic.key } : {}),
  });
  const rand = random(11);
  const start = '2023-01-02';
  const clinician = getClinician(db, CLINICIAN_ID);
  const exercises = BUILT_IN_EXERCISES.slice(0, 12);
  const visitDays: string[] = [];
  const episodeId = db.transaction(() => {
    const episode = createEpisode(db, clockOn(start), CLINICIAN_ID, {
      patientId: PATIENT_ID,
      diagnosis: 'mtss',
      diagnosisDetail: 'Benchmark: a long history',
      side: 'both',
      onsetDate: '2022-12-01',
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
    for (let made = 0; made < CHECK_INS; made++) {
      if (made === CHECK_INS / 2) {
        // Half way, another programme: a new course with its own levels.
        running = assignProgramme(db, clockOn(runDate), CLINICIAN_ID, {
          episodeId: episode.id,
          programmeId: MTSS_MOEN.id,
          startLevel: 1,
          ruleSetId: null,
          reason: 'Shin pain: change to the MTSS programme',
          expectedAssignmentId: running.assignment!.id,
        });
      }
      const progress = running.state!.progress;
      const programme = running.assignment!.programme;
      const next = programme.levels[progress.currentLevel];
      const entryCheckLevel =
        next && next.entryCheck !== '' && !progress.clearedLevels.includes(next.number) ? next.number : null;
      const override = rand() < 0.05;
      running = recordCheckIn(db, clockOn(addDays(runDate, 1)), CLINICIAN_ID, {
        episodeId: episode.id,
        assignmentId: running.assignment!.id,
        report: { runDate, levelRun: progress.currentLevel, ...answers(rand()) },
        entryCheckLevel,
        outcome: override
          ? {
              kind: 'override',
              levelAfter: Math.min(progress.currentLevel + 1, programme.levels.length),
              daysOff: 3,
              reason: 'Benchmark override',
            }
          : { kind: 'confirm' },
        correction: null,
        expectedLatestId: running.history.items[0]?.id ?? null,
        shown: null,
      });
      visitDays.push(addDays(runDate, 1));
      runDate = addDays(running.state!.progress.earliestNextRun!, Math.floor(rand() * 2));
    }
    for (let i = 0; i < NOTES; i++) {
      const day = visitDays[Math.floor((i * CHECK_INS) / NOTES)]!;
      const clock = clockOn(day);
      const note = createVisitNote(db, clock, clinician, { episodeId: episode.id, visitDate: day });
      const written = updateVisitNote(db, clock, clinician, {
        id: note.id,
        expectedVersion: note.version,
        visitDate: day,
        content: { subjective: `Visit ${i + 1}.`, objective: 'Benchmark.', assessment: '', plan: 'Continue.' },
      });
      signVisitNote(db, clock, clinician, { id: note.id, expectedVersion: written.version });
      if (i < ADDENDA) addAddendum(db, clock, clinician, { noteId: note.id, text: `Addendum ${i + 1}.` });
    }
    let version: number | null = null;
    for (let i = 0; i < PRESCRIPTIONS; i++) {
      const day = visitDays[Math.floor((i * CHECK_INS) / PRESCRIPTIONS)]!;
      const items = [0, 1, 2, 3].map((k) => exercises[(i + k) % exercises.length]!);
      const saved = savePrescription(db, clockOn(day), CLINICIAN_ID, {
        episodeId: episode.id,
        basedOnVersion: version,
        items: items.map((e) => ({ exerciseId: e.id, dosage: e.dosage, note: '' })),
      });
      version = saved.version;
    }
    return episode.id;
  })();
  for (let i = 0; i < HANDOUTS; i++) {
    await issueHandout(db, clockOn(visitDays[Math.floor((i * CHECK_INS) / HANDOUTS)]!), CLINICIAN_ID, episodeId);
  }
  db.pragma('optimize');
  db.close();
  return episodeId;
}

export async function benchTimeline(clinic: SyntheticClinic): Promise<Figure[]> {
  const t0 = performance.now();
  const episodeId = await buildEpisode(clinic);
  const built = performance.now() - t0;

  const quiet = { info: () => {}, error: (m: string) => console.error(m) };
  const backend = createBackend({ dataDir: clinic.dataDir, logger: quiet });
  const signIn = await backend.invoke('session.signIn', { clinicianId: CLINICIAN_ID, password: BENCH_PASSWORD });
  if (!signIn.ok) throw new Error(signIn.error.message);

  const samples: number[] = [];
  let events = 0;
  let points = 0;
  for (let round = 0; round < 110; round++) {
    const [r, t] = await time(() => backend.invoke('episodes.timeline', { episodeId }));
    if (!r.ok) throw new Error(r.error.message);
    events = r.value.events.length;
    points = r.value.series.pain.length;
    if (round >= 10) samples.push(t);
  }
  backend.close();

  // The same read without the channel around it (no audit row, no response check): the queries
  // and the builder alone.
  const db = openDatabase(path.join(clinic.dataDir, 'clinic.sqlite'), {
    create: false,
    readonly: true,
    ...(clinic.key ? { key: clinic.key } : {}),
  });
  const direct: number[] = [];
  for (let round = 0; round < 60; round++) {
    const [, t] = await time(() => episodeTimeline(db, episodeId));
    if (round >= 10) direct.push(t);
  }
  db.close();
  if (events !== TIMELINE_EVENTS) throw new Error(`expected ${TIMELINE_EVENTS} timeline events, found ${events}`);

  const p95 = percentile(samples, 95);
  return [
    {
      name: `episode of ${events} events built (${CHECK_INS} check-ins, ${NOTES} notes, ${ADDENDA} addenda, ${PRESCRIPTIONS} prescriptions, ${HANDOUTS} handouts)`,
      value: `${(built / 1000).toFixed(1)} s`,
    },
    { name: `episodes.timeline p50 (${events} events, ${points} chart points)`, value: ms(percentile(samples, 50)) },
    { name: 'episodes.timeline p95', value: ms(p95), budget: '< 50 ms', withinBudget: p95 < 50 },
    { name: 'of which queries and builder alone, p50', value: ms(percentile(direct, 50)) },
  ];
}
