/**
 * A patient's six-week course on a real database: a programme given at the brisk-walking stage,
 * thirteen check-ins (one with the running entry check signed off, one overridden, one corrected),
 * stored, read back through the backend and again after the app is reopened, every decision
 * intact.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { createBackend } from '../../main/backend/backend';
import type { Clock } from '../../main/util/clock';
import { memoryLogger } from '../../main/util/logger';
import { TIME_WALK_RUN } from '../../shared/clinical/programme-templates';
import { SEED_RULE_SET } from '../../shared/clinical/rule-sets';
import type { SorenessReport } from '../../shared/clinical/soreness-report';
import type { CheckInEntry, CheckInPage } from '../../shared/domain/running';
import { shownDecision } from '../../shared/domain/running';
import { addDays } from '../../shared/time/dates';
import type { RequestOf } from '../../shared/ipc/contract';
import { CLINIC_SETUP, must, patientInput, removeTempDirs, tempDir, TEST_PASSWORD, TEST_KDF } from '../helpers/backend';
import { openClinicDb } from '../helpers/db';
import { CLEAN_ANSWERS } from '../helpers/reports';

afterEach(removeTempDirs);

/** A clock the test moves to each visit day. */
function visitClock(first: string): Clock & { on(date: string): void } {
  let t = new Date(`${first}T09:00:00.000Z`).getTime();
  return {
    now: () => new Date(t),
    today: () => new Date(t).toISOString().slice(0, 10),
    on(date: string) {
      t = new Date(`${date}T09:00:00.000Z`).getTime() + 1000;
    },
  };
}

type Answers = Omit<SorenessReport, 'runDate' | 'levelRun'>;
const CLEAN: Answers = CLEAN_ANSWERS;

interface Visit {
  runDate: string;
  levelRun: number;
  answers: Answers;
  entryCheckLevel?: number;
  /** The engine's decision. */
  expect: { rule: number; daysOff: number; levelAfter: number; next: string };
  override?: { levelAfter: number; daysOff: number; reason: string; next: string };
}

// The seed's rule set on "Walk, then walk/run by time": walking levels 1-2 need 2 clean sessions
// and no rest day; running levels need 1 clean session and a rest day; Level 3 has an entry check.
const COURSE: Visit[] = [
  {
    runDate: '2026-10-17',
    levelRun: 2,
    answers: CLEAN,
    expect: { rule: 5, daysOff: 0, levelAfter: 2, next: '2026-10-18' },
  },
  {
    runDate: '2026-10-19',
    levelRun: 2,
    answers: CLEAN,
    entryCheckLevel: 3,
    expect: { rule: 5, daysOff: 0, levelAfter: 3, next: '2026-10-20' },
  },
  {
    runDate: '2026-10-21',
    levelRun: 3,
    answers: CLEAN,
    // The 4th run in 7 days would be too many at 3 a week: the next waits a day (next-run.ts).
    expect: { rule: 5, daysOff: 1, levelAfter: 4, next: '2026-10-24' },
  },
  {
    runDate: '2026-10-24',
    levelRun: 4,
    answers: { ...CLEAN, warmUp: 'went_away', cameBackDuringRun: false },
    expect: { rule: 2, daysOff: 1, levelAfter: 4, next: '2026-10-26' },
  },
  {
    runDate: '2026-10-27',
    levelRun: 4,
    answers: CLEAN,
    expect: { rule: 5, daysOff: 1, levelAfter: 5, next: '2026-10-29' },
  },
  {
    runDate: '2026-10-30',
    levelRun: 5,
    answers: { ...CLEAN, warmUp: 'went_away', cameBackDuringRun: true },
    expect: { rule: 3, daysOff: 3, levelAfter: 4, next: '2026-11-03' },
    override: {
      levelAfter: 5,
      daysOff: 2,
      reason: 'Soreness came back only in the last minute at 1/10; stays at Level 5 after 2 days off.',
      next: '2026-11-02',
    },
  },
  {
    runDate: '2026-11-02',
    levelRun: 5,
    answers: CLEAN,
    expect: { rule: 5, daysOff: 1, levelAfter: 6, next: '2026-11-04' },
  },
  {
    runDate: '2026-11-05',
    levelRun: 6,
    answers: { ...CLEAN, nextDay: 'not_muscular' },
    expect: { rule: 4, daysOff: 2, levelAfter: 6, next: '2026-11-08' },
  },
  {
    runDate: '2026-11-09',
    levelRun: 7,
    answers: CLEAN,
    expect: { rule: 5, daysOff: 1, levelAfter: 8, next: '2026-11-11' },
  },
  {
    runDate: '2026-11-12',
    levelRun: 8,
    answers: { ...CLEAN, warmUp: 'continued' },
    expect: { rule: 1, daysOff: 3, levelAfter: 8, next: '2026-11-16' },
  },
  {
    runDate: '2026-11-16',
    levelRun: 8,
    answers: CLEAN,
    expect: { rule: 5, daysOff: 1, levelAfter: 9, next: '2026-11-18' },
  },
  {
    runDate: '2026-11-19',
    levelRun: 9,
    answers: { ...CLEAN, painDuring: 3 },
    expect: { rule: 5, daysOff: 1, levelAfter: 9, next: '2026-11-21' },
  },
  {
    runDate: '2026-11-23',
    levelRun: 9,
    answers: CLEAN,
    expect: { rule: 5, daysOff: 1, levelAfter: 10, next: '2026-11-25' },
  },
];

/** The check-in of 5 November said "not muscular"; the patient later made clear it was muscle soreness. */
const CORRECTED_RUN = '2026-11-05';
const CORRECTION = {
  answers: { ...CLEAN, nextDay: 'muscular' } as Answers,
  reason: 'The patient meant calf muscle soreness, not the shin.',
  expect: { rule: 5, daysOff: 1, levelAfter: 7, next: '2026-11-07' },
};

async function allCheckIns(backend: ReturnType<typeof createBackend>, episodeId: number): Promise<CheckInEntry[]> {
  const out: CheckInEntry[] = [];
  let beforeId: number | null = null;
  for (;;) {
    const page: CheckInPage = await must(backend, 'checkIns.list', { episodeId, beforeId, limit: 5 });
    out.push(...page.items);
    if (!page.hasMore) return out;
    beforeId = page.items[page.items.length - 1]!.id;
  }
}

describe("a patient's six-week course", () => {
  it('stores a dozen check-ins, an override and a correction, and reads every decision back intact', async () => {
    const dataDir = tempDir();
    const clock = visitClock('2026-10-16');
    const backend = createBackend({ dataDir, clock, logger: memoryLogger(), passwordKdf: TEST_KDF });
    await must(backend, 'app.setup', CLINIC_SETUP);
    const patient = await must(backend, 'patients.create', patientInput());
    const episode = await must(backend, 'episodes.create', {
      patientId: patient.id,
      diagnosis: 'hamstring_strain',
      diagnosisDetail: '',
      side: 'right',
      onsetDate: '2026-10-02',
    });

    let running = await must(backend, 'running.assign', {
      episodeId: episode.id,
      programmeId: TIME_WALK_RUN.id,
      startLevel: 2,
      ruleSetId: null,
      reason: '',
      expectedAssignmentId: null,
    });
    const assignment = running.assignment!;
    expect(assignment).toMatchObject({ startLevel: 2, ruleSetId: SEED_RULE_SET.id, assignedOn: '2026-10-16' });
    expect(assignment.programme).toEqual(TIME_WALK_RUN);

    const saved = new Map<number, CheckInEntry>();
    let correction: CheckInEntry | null = null;
    /** The next visit: days later, so the app locked meanwhile; the clinician unlocks it. */
    const visitOn = async (date: string) => {
      clock.on(date);
      const touched = await backend.invoke('session.touch', {});
      if (!touched.ok && touched.error.code === 'session_locked') {
        await must(backend, 'session.unlock', { password: TEST_PASSWORD });
      }
    };
    for (const visit of COURSE) {
      await visitOn(addDays(visit.runDate, 1));
      const report: SorenessReport = { runDate: visit.runDate, levelRun: visit.levelRun, ...visit.answers };
      const base = {
        episodeId: episode.id,
        assignmentId: assignment.id,
        report,
        entryCheckLevel: visit.entryCheckLevel ?? null,
      };
      const preview = await must(backend, 'checkIns.preview', { ...base, correctsId: null });
      expect(
        [preview.decision.governingRule, preview.decision.daysOff, preview.decision.levelAfter],
        visit.runDate,
      ).toEqual([visit.expect.rule, visit.expect.daysOff, visit.expect.levelAfter]);
      expect(preview.decision.earliestNextRun).toBe(visit.expect.next);
      expect(preview.decision.ruleSet).toEqual({ id: SEED_RULE_SET.id, version: SEED_RULE_SET.version });

      const request: RequestOf<'checkIns.create'> = {
        ...base,
        outcome: visit.override
          ? {
              kind: 'override',
              levelAfter: visit.override.levelAfter,
              daysOff: visit.override.daysOff,
              reason: visit.override.reason,
            }
          : { kind: 'confirm' },
        correction: null,
        expectedLatestId: running.history.items[0]?.id ?? null,
        shown: shownDecision(preview.decision),
      };
      running = await must(backend, 'checkIns.create', request);
      const entry = running.history.items[0]!;
      // What was stored is exactly what the clinician saw.
      expect(entry.decision).toEqual(preview.decision);
      expect(entry.nextRunDate).toBe(visit.override?.next ?? visit.expect.next);
      saved.set(entry.id, entry);
      if (visit.runDate !== CORRECTED_RUN) continue;

      // The correction, by phone three days later: the soreness was in the calf muscle after all.
      await visitOn('2026-11-08');
      const correctionReport: SorenessReport = { runDate: CORRECTED_RUN, levelRun: 6, ...CORRECTION.answers };
      const corrected = await must(backend, 'checkIns.preview', {
        episodeId: episode.id,
        assignmentId: assignment.id,
        report: correctionReport,
        entryCheckLevel: null,
        correctsId: entry.id,
      });
      expect([
        corrected.decision.governingRule,
        corrected.decision.levelAfter,
        corrected.decision.earliestNextRun,
      ]).toEqual([CORRECTION.expect.rule, CORRECTION.expect.levelAfter, CORRECTION.expect.next]);
      running = await must(backend, 'checkIns.create', {
        episodeId: episode.id,
        assignmentId: assignment.id,
        report: correctionReport,
        entryCheckLevel: null,
        outcome: { kind: 'confirm' },
        correction: { correctsId: entry.id, reason: CORRECTION.reason },
        expectedLatestId: entry.id,
        shown: shownDecision(corrected.decision),
      });
      correction = running.history.items[0]!;
      expect(correction).toMatchObject({
        correctsId: entry.id,
        correctsRunDate: CORRECTED_RUN,
        correctionReason: CORRECTION.reason,
        correctedById: null,
      });
      expect(correction.decision).toEqual(corrected.decision);
      expect(running.state?.progress.currentLevel).toBe(7);
    }
    const wrong = [...saved.values()].find((e) => e.report.runDate === CORRECTED_RUN)!;
    if (!correction) throw new Error('the correction was not recorded');

    // Where the course stands: Level 10 after the last clean run, next run two days later.
    expect(running.state).toMatchObject({
      complete: false,
      checkIns: COURSE.length,
      progress: { currentLevel: 10, lastRunDate: '2026-11-23', earliestNextRun: '2026-11-25', clearedLevels: [3] },
    });
    expect(await must(backend, 'running.summaries', { patientId: patient.id })).toEqual([
      {
        episodeId: episode.id,
        programmeName: TIME_WALK_RUN.name,
        levelCount: 15,
        currentLevel: TIME_WALK_RUN.levels[9],
        complete: false,
        nextRunDate: '2026-11-25',
        lastRunDate: '2026-11-23',
        checkIns: COURSE.length,
      },
    ]);

    // Read back, page by page: every entry as saved, the corrected one marked.
    const check = (entries: CheckInEntry[]) => {
      expect(entries).toHaveLength(COURSE.length + 1);
      for (const entry of entries) {
        if (entry.id === correction.id) {
          expect(entry).toEqual(correction);
          continue;
        }
        const original = saved.get(entry.id)!;
        expect(entry).toEqual(entry.id === wrong.id ? { ...original, correctedById: correction.id } : original);
      }
      const overridden = entries.find((e) => e.override !== null)!;
      expect(overridden).toMatchObject({
        report: { runDate: '2026-10-30' },
        decision: { governingRule: 3, daysOff: 3, levelAfter: 4, earliestNextRun: '2026-11-03' },
        override: { levelAfter: 5, daysOff: 2, reason: COURSE[5]!.override!.reason },
        levelAfter: 5,
        nextRunDate: '2026-11-02',
        governingCondition: 'Soreness during the warm-up that goes away but comes back during the session',
        ruleSetName: SEED_RULE_SET.name,
        patientInstruction: 'Take 2 days off. Your next run can be on Monday 2 November. Stay at Level 5.',
      });
      expect(overridden.decision.patientInstruction).toBe(
        'Take 3 days off. Your next run can be on Tuesday 3 November. Go back to Level 4.',
      );
    };
    const before = await allCheckIns(backend, episode.id);
    check(before);
    backend.close();

    // Reopened, the same.
    const reopened = createBackend({ dataDir, clock, logger: memoryLogger(), passwordKdf: TEST_KDF });
    await must(reopened, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const after = await allCheckIns(reopened, episode.id);
    expect(after).toEqual(before);
    check(after);
    const state = await must(reopened, 'running.episode', { episodeId: episode.id });
    expect(state.state).toEqual(running.state);
    reopened.close();

    // Each change left an audit row in the same transaction, and the chain holds.
    const db = await openClinicDb(dataDir, { readonly: true });
    const actions = db
      .prepare(
        `SELECT action, count(*) AS n FROM audit_log WHERE entity IN ('check_in', 'running_programme') GROUP BY action ORDER BY action`,
      )
      .all();
    expect(actions).toEqual([
      { action: 'assign', n: 1 },
      { action: 'correct', n: 1 },
      { action: 'create', n: COURSE.length },
      { action: 'override', n: 1 },
    ]);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });
});
