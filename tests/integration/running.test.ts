/**
 * Running programmes, rule sets and check-ins on a real database: the migration on real rows, the
 * append-only tables, what the backend refuses (in the clinician's words), clinic copies of rule
 * sets and programmes, and a patient's copy of a programme that later edits never change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration0006 } from '../../main/db/migrations/0006-running';
import type { Db } from '../../main/db/open';
import { DEFAULT_WARM_UP } from '../../shared/clinical/programme';
import { MTSS_MOEN, TIME_WALK_RUN } from '../../shared/clinical/programme-templates';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET } from '../../shared/clinical/rule-sets';
import type { SorenessReport } from '../../shared/clinical/soreness-report';
import type { EpisodeRunning } from '../../shared/domain/running';
import { shownDecision } from '../../shared/domain/running';
import type { RequestOf } from '../../shared/ipc/contract';
import { must, patientInput, readyBackend, removeTempDirs, TEST_PASSWORD } from '../helpers/backend';
import { count, databaseAt, openClinicDb } from '../helpers/db';
import { CLEAN_ANSWERS } from '../helpers/reports';

afterEach(removeTempDirs);

const REPORT: SorenessReport = {
  ...CLEAN_ANSWERS,
  runDate: '2026-11-26',
  levelRun: 4,
  warmUp: 'went_away',
  cameBackDuringRun: true,
  nextDay: 'none',
};

function decisionJson(over: Record<string, unknown> = {}) {
  return JSON.stringify({
    ruleSet: { id: 'seed-soreness-rules', version: 1 },
    runDate: '2026-11-26',
    levelBefore: 4,
    levelAfter: 3,
    daysOff: 2,
    cleanSessionsAtLevel: 0,
    programmeComplete: false,
    ...over,
  });
}

/** A check-in row as the app writes it; `over` changes columns. */
function insertCheckIn(db: Db, over: Record<string, unknown> = {}) {
  return db
    .prepare(
      `INSERT INTO check_ins (episode_id, assignment_id, corrects_id, correction_reason, recorded_on, run_date, report_json,
         rule_set_id, rule_set_version, decision_json, level_before, engine_level_after, engine_days_off,
         clean_sessions_after, engine_complete, entry_check_level, override_level, override_days_off, override_reason,
         level_after, days_off, next_run_date, complete, patient_instruction, created_at, created_by)
       VALUES (@episode_id, @assignment_id, @corrects_id, @correction_reason, '2026-11-27', '2026-11-26', @report_json,
         'seed-soreness-rules', 1, @decision_json, 4, 3, 2, 0, 0, NULL, @override_level, @override_days_off,
         @override_reason, @level_after, @days_off, '2026-11-29', 0, 'Take 2 days off.', 'x', 1)`,
    )
    .run({
      episode_id: 1,
      assignment_id: 1,
      corrects_id: null,
      correction_reason: '',
      report_json: JSON.stringify(REPORT),
      decision_json: decisionJson(),
      override_level: null,
      override_days_off: null,
      override_reason: null,
      level_after: 3,
      days_off: 2,
      ...over,
    });
}

describe('the running migration (programmes and check-ins) on real rows', () => {
  it('keeps the episodes, links programmes and check-ins to them, and refuses what does not fit', () => {
    const db = databaseAt(migration0006.version - 1);
    db.prepare(
      `INSERT INTO clinicians (name, profession, created_at, updated_at) VALUES ('Priya Shah', 'Physiotherapist', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO patients (given_name, family_name, date_of_birth, sex, record_number, record_number_key, sort_key, search_text, created_at, updated_at)
       VALUES ('An', 'Nguyễn Văn', '1986-09-02', 'male', 'R-2', 'R-2', 'nguyen van\u0001an', 'an nguyen van r 2', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO episodes (patient_id, diagnosis, region, side, status, opened_on, created_at, updated_at)
       VALUES (1, 'achilles_tendinopathy', 'achilles', 'left', 'open', '2026-11-20', 'x', 'x'),
              (1, 'calf_strain', 'lower_leg', 'left', 'open', '2026-11-21', 'x', 'x')`,
    ).run();

    migrate(db, MIGRATIONS, { target: migration0006.version });
    expect(db.prepare('SELECT id, diagnosis FROM episodes ORDER BY id').all()).toEqual([
      { id: 1, diagnosis: 'achilles_tendinopathy' },
      { id: 2, diagnosis: 'calf_strain' },
    ]);

    db.prepare(
      `INSERT INTO rule_set_versions (rule_set_id, version, origin, name, data_json, created_at)
       VALUES ('seed-soreness-rules', 1, 'shipped', ?, ?, 'x')`,
    ).run(SEED_RULE_SET.name, JSON.stringify({ ...SEED_RULE_SET, version: 1 }));
    const assign = db.prepare(
      `INSERT INTO programme_assignments (episode_id, programme_id, programme_version, programme_json, level_count,
         start_level, rule_set_id, assigned_on, created_at, created_by)
       VALUES (?, ?, 1, ?, ?, ?, 'seed-soreness-rules', '2026-11-20', 'x', 1)`,
    );
    const programmeJson = JSON.stringify(TIME_WALK_RUN);
    assign.run(1, TIME_WALK_RUN.id, programmeJson, 15, 4);
    assign.run(2, TIME_WALK_RUN.id, programmeJson, 15, 1);
    // A start level outside the programme, and a level count that is not the copy's.
    expect(() => assign.run(1, TIME_WALK_RUN.id, programmeJson, 15, 16)).toThrow(/CHECK/);
    expect(() => assign.run(1, TIME_WALK_RUN.id, programmeJson, 14, 1)).toThrow(/CHECK/);
    expect(() => assign.run(9, TIME_WALK_RUN.id, programmeJson, 15, 1)).toThrow(/FOREIGN KEY/);

    insertCheckIn(db);
    // The override: level, days off and a reason together, or none.
    insertCheckIn(db, { override_level: 4, override_days_off: 2, override_reason: 'Pain 1/10 only', level_after: 4 });
    expect(() => insertCheckIn(db, { override_level: 4, override_days_off: 2, level_after: 4 })).toThrow(/CHECK/);
    expect(() =>
      insertCheckIn(db, { override_level: 4, override_days_off: 2, override_reason: '   ', level_after: 4 }),
    ).toThrow(/CHECK/);
    // What applied must be the override, or else the engine's decision.
    expect(() => insertCheckIn(db, { level_after: 4 })).toThrow(/CHECK/);
    // The columns the replay reads must be the stored decision's own numbers.
    expect(() => insertCheckIn(db, { decision_json: decisionJson({ levelAfter: 5 }) })).toThrow(/CHECK/);
    // A decision names a rule set version the database holds.
    expect(() =>
      insertCheckIn(db, { decision_json: decisionJson({ ruleSet: { id: 'seed-soreness-rules', version: 2 } }) }),
    ).toThrow(/CHECK/);
    // A check-in belongs to its programme's episode; a correction to its entry's programme.
    expect(() => insertCheckIn(db, { episode_id: 2 })).toThrow(/episode of its programme/);
    insertCheckIn(db, { corrects_id: 1, correction_reason: 'Wrong answer' });
    expect(() =>
      insertCheckIn(db, { episode_id: 2, assignment_id: 2, corrects_id: 2, correction_reason: 'Wrong' }),
    ).toThrow(/programme of the check-in it corrects/);
    // An entry is corrected once; a correction needs its reason.
    expect(() => insertCheckIn(db, { corrects_id: 1, correction_reason: 'Again' })).toThrow(/UNIQUE/);
    expect(() => insertCheckIn(db, { corrects_id: 2 })).toThrow(/CHECK/);
    expect(count(db, 'check_ins')).toBe(3);

    // Append-only: stored history cannot be changed or removed, not even by another program.
    expect(() => db.prepare('UPDATE check_ins SET level_after = 5').run()).toThrow(/record a correction/);
    expect(() => db.prepare('DELETE FROM check_ins').run()).toThrow(/cannot be deleted/);
    expect(() => db.prepare('UPDATE programme_assignments SET start_level = 2').run()).toThrow(/kept as given/);
    expect(() => db.prepare('DELETE FROM programme_assignments').run()).toThrow(/kept as given/);
    expect(() => db.prepare("UPDATE rule_set_versions SET name = 'x'").run()).toThrow(/kept as written/);
    expect(() => db.prepare('DELETE FROM rule_set_versions').run()).toThrow(/kept as written/);

    // Clinic versions run 1, 2, 3...
    const version = db.prepare(
      `INSERT INTO programme_versions (programme_id, version, name, data_json, created_at) VALUES ('clinic-x', ?, 'X', ?, 'x')`,
    );
    version.run(1, JSON.stringify({ id: 'clinic-x', version: 1, name: 'X' }));
    expect(() => version.run(3, JSON.stringify({ id: 'clinic-x', version: 3, name: 'X' }))).toThrow(
      /follow the latest/,
    );
    expect(() => db.prepare('DELETE FROM programme_versions').run()).toThrow(/kept as written/);

    // The patient-page queries use their indexes.
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT id FROM check_ins WHERE episode_id = 1 AND id < 99 ORDER BY id DESC LIMIT 21')).toMatch(
      /check_ins_by_episode/,
    );
    // The replay reads the index alone, in run order.
    expect(
      plan(
        `SELECT id, corrects_id, run_date, level_before, engine_level_after, engine_days_off, clean_sessions_after,
           engine_complete, entry_check_level, override_level, override_days_off
         FROM check_ins WHERE assignment_id = 1 ORDER BY run_date, id`,
      ),
    ).toMatch(/^(?!.*TEMP B-TREE).*COVERING INDEX check_ins_by_assignment/);
    expect(plan('SELECT id FROM programme_assignments WHERE episode_id = 1 ORDER BY id DESC LIMIT 1')).toMatch(
      /programme_assignments_by_episode/,
    );
    db.close();
  });
});

async function episodeWithProgramme(programmeId = TIME_WALK_RUN.id, startLevel = 4) {
  const backend = await readyBackend();
  const patient = await must(backend, 'patients.create', patientInput());
  const episode = await must(backend, 'episodes.create', {
    patientId: patient.id,
    diagnosis: 'mtss',
    diagnosisDetail: '',
    side: 'both',
    onsetDate: null,
  });
  const running = await must(backend, 'running.assign', {
    episodeId: episode.id,
    programmeId,
    startLevel,
    ruleSetId: null,
    reason: '',
    expectedAssignmentId: null,
  });
  return { backend, patient, episode, running };
}

function createRequest(
  running: EpisodeRunning,
  changes: Partial<RequestOf<'checkIns.create'>> = {},
): RequestOf<'checkIns.create'> {
  return {
    episodeId: running.episodeId,
    assignmentId: running.assignment!.id,
    report: REPORT,
    entryCheckLevel: null,
    outcome: { kind: 'confirm' },
    correction: null,
    expectedLatestId: running.history.items[0]?.id ?? null,
    shown: null,
    ...changes,
  };
}

describe('a programme stored before programmes had a warm-up', () => {
  it('loads with the default warm-up, and check-ins are decided and recorded on it', async () => {
    const { backend, episode, running } = await episodeWithProgramme();
    // A copy written by an earlier version of the app: the same programme without `warmUp`.
    const { warmUp: _dropped, ...old } = running.assignment!.programme;
    const db = await openClinicDb(backend.dataDir);
    const row = db.prepare('SELECT * FROM programme_assignments WHERE id = ?').get(running.assignment!.id) as Record<
      string,
      unknown
    >;
    const info = db
      .prepare(
        `INSERT INTO programme_assignments (episode_id, programme_id, programme_version, programme_json, level_count,
           start_level, rule_set_id, assigned_on, reason, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.episode_id,
        row.programme_id,
        row.programme_version,
        JSON.stringify(old),
        row.level_count,
        row.start_level,
        row.rule_set_id,
        row.assigned_on,
        'Stored by an earlier version',
        row.created_at,
        row.created_by,
      );
    db.close();
    expect(JSON.stringify(old)).not.toContain('warmUp');

    const reread = await must(backend, 'running.episode', { episodeId: episode.id });
    expect(reread.assignment?.id).toBe(Number(info.lastInsertRowid));
    expect(reread.assignment?.programme.warmUp).toEqual(DEFAULT_WARM_UP);
    expect(reread.assignment?.programme.levels).toEqual(TIME_WALK_RUN.levels);
    const saved = await must(backend, 'checkIns.create', createRequest(reread));
    expect(saved.history.items).toHaveLength(1);
    backend.close();
  });
});

describe('recording check-ins', () => {
  it('refuses, in words the clinician can act on, what cannot be right', async () => {
    const { backend, running } = await episodeWithProgramme();
    const refuse = async (request: RequestOf<'checkIns.create'>) => {
      const r = await backend.invoke('checkIns.create', request);
      if (r.ok) throw new Error('expected a refusal');
      return r.error;
    };
    expect(await refuse(createRequest(running, { report: { ...REPORT, runDate: '2026-11-28' } }))).toMatchObject({
      code: 'invalid_request',
      fields: { 'report.runDate': 'The run date is after today: enter the day the patient ran.' },
    });
    expect(await refuse(createRequest(running, { report: { ...REPORT, levelRun: 16 } }))).toMatchObject({
      fields: { 'report.levelRun': `"${TIME_WALK_RUN.name}" has levels 1 to 15: choose the level the patient ran.` },
    });
    // The report schema asks the question that is missing.
    const noComeBack = await backend.invoke(
      'checkIns.create',
      createRequest(running, { report: { ...REPORT, cameBackDuringRun: null } }),
    );
    expect(noComeBack).toMatchObject({
      ok: false,
      error: {
        fields: {
          'report.cameBackDuringRun':
            'The warm-up soreness went away: say whether it came back during the run (or not known).',
        },
      },
    });
    // An override needs a reason, and must change something.
    const noReason = await backend.invoke(
      'checkIns.create',
      createRequest(running, { outcome: { kind: 'override', levelAfter: 4, daysOff: 2, reason: '  ' } }),
    );
    expect(noReason).toMatchObject({
      ok: false,
      error: { fields: { 'outcome.reason': 'Enter the reason for the change.' } },
    });
    expect(
      await refuse(
        createRequest(running, { outcome: { kind: 'override', levelAfter: 3, daysOff: 3, reason: 'Same' } }),
      ),
    ).toMatchObject({
      fields: {
        'outcome.levelAfter':
          'This is the same as the decision: change the level or the days off, or confirm the decision instead.',
      },
    });
    expect(
      await refuse(createRequest(running, { outcome: { kind: 'override', levelAfter: 20, daysOff: 2, reason: 'x' } })),
    ).toMatchObject({
      fields: { 'outcome.levelAfter': `"${TIME_WALK_RUN.name}" has levels 1 to 15: choose one of them.` },
    });
    // Only the next level's entry check can be signed off.
    expect(await refuse(createRequest(running, { entryCheckLevel: 3 }))).toMatchObject({
      fields: { entryCheckLevel: 'The next level has no entry check to sign off.' },
    });
    const db = await openDb(backend.dataDir);
    expect(count(db, 'check_ins')).toBe(0);
    db.close();

    // Saved once; the same form sent again is stale, and so is a run date not after the last run.
    const saved = await must(backend, 'checkIns.create', createRequest(running));
    expect(await refuse(createRequest(running))).toMatchObject({ code: 'stale' });
    expect(await refuse(createRequest(saved))).toMatchObject({
      fields: { 'report.runDate': 'The run date must be after the last run on record (26/11/2026): check the date.' },
    });

    // A correction of a corrected entry is refused: correct the newer one.
    const first = saved.history.items[0]!;
    const corrected = await must(
      backend,
      'checkIns.create',
      createRequest(saved, {
        report: { ...REPORT, cameBackDuringRun: false },
        correction: { correctsId: first.id, reason: 'It did not come back' },
      }),
    );
    expect(corrected.state?.progress.currentLevel).toBe(4);
    expect(corrected.history.items.map((e) => [e.id, e.correctsId, e.correctedById])).toEqual([
      [2, 1, null],
      [1, null, 2],
    ]);
    expect(
      await refuse(createRequest(corrected, { correction: { correctsId: first.id, reason: 'Again' } })),
    ).toMatchObject({
      code: 'conflict',
      message: 'This check-in has already been corrected: correct the newer entry instead.',
    });

    // A discharged episode takes no check-ins.
    const episode = await must(backend, 'episodes.get', { id: running.episodeId });
    await must(backend, 'episodes.close', { id: episode.id, expectedVersion: episode.version, closed: true });
    backend.clock.advance(86_400_000);
    // A day later the app has locked itself; the clinician unlocks it.
    expect(await backend.invoke('session.touch', {})).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    await must(backend, 'session.unlock', { password: TEST_PASSWORD });
    expect(await refuse(createRequest(corrected, { report: { ...REPORT, runDate: '2026-11-27' } }))).toMatchObject({
      code: 'conflict',
      message: 'This episode is discharged. Reopen it to change its running programme.',
    });
    backend.close();
  });

  it('changes the programme only with a reason, keeps the earlier one, and starts the new course afresh', async () => {
    const { backend, running } = await episodeWithProgramme();
    const withCheckIn = await must(backend, 'checkIns.create', createRequest(running));
    expect(withCheckIn.state?.progress.currentLevel).toBe(3);
    const change: RequestOf<'running.assign'> = {
      episodeId: running.episodeId,
      programmeId: MTSS_MOEN.id,
      startLevel: 2,
      ruleSetId: DELAWARE_PUBLISHED_RULE_SET.id,
      reason: '',
      expectedAssignmentId: running.assignment!.id,
    };
    expect(await backend.invoke('running.assign', change)).toMatchObject({
      ok: false,
      error: { fields: { reason: 'Say why the programme changes: the reason is kept with the history.' } },
    });
    expect(await backend.invoke('running.assign', { ...change, startLevel: 7, reason: 'x' })).toMatchObject({
      ok: false,
      error: { fields: { startLevel: `"${MTSS_MOEN.name}" has levels 1 to 6: choose one of them.` } },
    });
    expect(
      await backend.invoke('running.assign', { ...change, expectedAssignmentId: null, reason: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    const changed = await must(backend, 'running.assign', { ...change, reason: 'Shin pain: treadmill first' });
    expect(changed.assignment).toMatchObject({ startLevel: 2, ruleSetId: DELAWARE_PUBLISHED_RULE_SET.id });
    expect(changed.earlierAssignments.map((a) => a.programme.id)).toEqual([TIME_WALK_RUN.id]);
    expect(changed.state).toMatchObject({ checkIns: 0, progress: { currentLevel: 2, lastRunDate: null } });
    // The history keeps the check-in of the earlier programme.
    expect(changed.history.items.map((e) => e.assignmentId)).toEqual([running.assignment!.id]);
    // An entry of the earlier programme can no longer be corrected.
    const old = changed.history.items[0]!;
    const r = await backend.invoke('checkIns.preview', {
      episodeId: running.episodeId,
      assignmentId: changed.assignment!.id,
      report: REPORT,
      entryCheckLevel: null,
      correctsId: old.id,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    backend.close();
  });
});

function openDb(dataDir: string): Promise<Db> {
  return openClinicDb(dataDir, { readonly: true });
}

describe('the clinic library', () => {
  it('copies and tunes a rule set in versions, makes it the default, and every decision names its version', async () => {
    const { backend, running } = await episodeWithProgramme();
    const library = await must(backend, 'running.library', {});
    expect(library.ruleSets.map((e) => [e.ruleSet.id, e.origin, e.isDefault])).toEqual([
      [SEED_RULE_SET.id, 'shipped', true],
      [DELAWARE_PUBLISHED_RULE_SET.id, 'shipped', false],
    ]);
    expect(library.programmes).toHaveLength(5);

    expect(await backend.invoke('ruleSets.save', { ruleSet: SEED_RULE_SET })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const copy = await must(backend, 'ruleSets.copy', { fromId: SEED_RULE_SET.id, name: 'Riverside rules (3 days)' });
    expect(copy.ruleSet).toMatchObject({
      id: 'clinic-riverside-rules-3-days',
      version: 1,
      basedOn: { id: SEED_RULE_SET.id, version: 2 },
    });
    expect(copy.saved?.by).toBe('Priya Shah');
    expect(
      await backend.invoke('ruleSets.copy', { fromId: SEED_RULE_SET.id, name: 'riverside RULES (3 days)' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        fields: { name: 'There is already a rule set called "riverside RULES (3 days)": choose another name.' },
      },
    });

    // Tune rule 3: 3 days off. A broken edit is refused with what to fix.
    const tuned = {
      ...copy.ruleSet,
      rules: copy.ruleSet.rules.map((r) => (r.number === 3 ? { ...r, action: { ...r.action, daysOff: 3 } } : r)),
    };
    const broken = {
      ...tuned,
      rules: tuned.rules.map((r) => (r.number === 2 ? { ...r, action: { ...r.action, levelChange: 1 as const } } : r)),
    };
    expect(await backend.invoke('ruleSets.save', { ruleSet: broken })).toMatchObject({
      ok: false,
      error: {
        fields: {
          'ruleSet.rules.1.action.levelChange':
            'Rule 2: only the no-soreness rule may move the patient up; set the level change to 0 or -1.',
        },
      },
    });
    const v2 = await must(backend, 'ruleSets.save', { ruleSet: tuned });
    expect(v2.ruleSet.version).toBe(2);
    expect(await backend.invoke('ruleSets.save', { ruleSet: tuned })).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    // Saving without a change keeps the version.
    expect((await must(backend, 'ruleSets.save', { ruleSet: v2.ruleSet })).ruleSet.version).toBe(2);

    const withDefault = await must(backend, 'ruleSets.setDefault', { id: v2.ruleSet.id });
    expect(withDefault.defaultRuleSetId).toBe(v2.ruleSet.id);

    // The episode given a programme before keeps its set; a new programme takes the new default.
    const changed = await must(backend, 'running.assign', {
      episodeId: running.episodeId,
      programmeId: TIME_WALK_RUN.id,
      startLevel: 4,
      ruleSetId: null,
      reason: 'New clinic rules',
      expectedAssignmentId: running.assignment!.id,
    });
    expect(changed.ruleSet).toMatchObject({ id: v2.ruleSet.id, version: 2 });
    // A decision shown before the set was tuned again is not recorded as if it had been seen.
    const shown = await must(backend, 'checkIns.preview', {
      episodeId: changed.episodeId,
      assignmentId: changed.assignment!.id,
      report: REPORT,
      entryCheckLevel: null,
      correctsId: null,
    });
    expect(shown.decision).toMatchObject({ ruleSet: { version: 2 }, daysOff: 4 });
    const saved = await must(
      backend,
      'checkIns.create',
      createRequest(changed, { shown: shownDecision(shown.decision) }),
    );
    const entry = saved.history.items[0]!;
    expect(entry.decision).toMatchObject({ ruleSet: { id: v2.ruleSet.id, version: 2 }, daysOff: 4, levelAfter: 3 });
    expect(entry.ruleSetName).toBe('Riverside rules (3 days)');

    // A form showing a decision under version 2 ...
    const nextRun = { ...REPORT, runDate: '2026-11-27' };
    const shownUnderV2 = await must(backend, 'checkIns.preview', {
      episodeId: changed.episodeId,
      assignmentId: changed.assignment!.id,
      report: nextRun,
      entryCheckLevel: null,
      correctsId: null,
    });

    // Version 3 renames the set; the decision still shows version 2's words.
    const v3 = await must(backend, 'ruleSets.save', {
      ruleSet: {
        ...v2.ruleSet,
        name: 'Riverside rules',
        rules: v2.ruleSet.rules.map((r) => (r.number === 3 ? { ...r, condition: 'Sore again later in the run' } : r)),
      },
    });
    expect(v3.ruleSet.version).toBe(3);
    // ... is not saved as if version 3's decision had been seen.
    const stale = await backend.invoke(
      'checkIns.create',
      createRequest(saved, { report: nextRun, shown: shownDecision(shownUnderV2.decision) }),
    );
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: 'stale',
        message:
          'The decision changed since it was shown (the rule set or the history changed meanwhile). Check the new decision, then save again.',
      },
    });
    const reread = await must(backend, 'running.episode', { episodeId: running.episodeId });
    expect(reread.history.items[0]).toMatchObject({
      ruleSetName: 'Riverside rules (3 days)',
      governingCondition: 'Soreness during the warm-up that goes away but comes back during the session',
    });
    expect(reread.ruleSet).toMatchObject({ version: 3, name: 'Riverside rules' });

    const db = await openDb(backend.dataDir);
    expect(
      db
        .prepare("SELECT action, summary FROM audit_log WHERE entity IN ('rule_set', 'running_settings') ORDER BY id")
        .all(),
    ).toEqual([
      {
        action: 'create',
        summary:
          'Copied the soreness rule set "Soreness rules (clinic article)" (version 2) as "Riverside rules (3 days)"',
      },
      { action: 'update', summary: 'Changed the soreness rule set "Riverside rules (3 days)" (version 1 to 2)' },
      { action: 'update', summary: 'Made "Riverside rules (3 days)" the clinic\'s default soreness rule set' },
      { action: 'update', summary: 'Changed the soreness rule set "Riverside rules" (version 2 to 3)' },
    ]);
    db.close();
    backend.close();
  });

  it('duplicates a template, edits its levels in versions, and never changes a programme already given', async () => {
    const { backend, patient } = await episodeWithProgramme();
    expect(await backend.invoke('programmes.save', { programme: TIME_WALK_RUN })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const copy = await must(backend, 'programmes.duplicate', { fromId: MTSS_MOEN.id, name: 'Shin splints, clinic' });
    expect(copy.programme).toMatchObject({
      id: 'clinic-shin-splints-clinic',
      version: 1,
      basedOn: { id: MTSS_MOEN.id },
    });

    const second = await must(backend, 'episodes.create', {
      patientId: patient.id,
      diagnosis: 'calf_strain',
      diagnosisDetail: '',
      side: 'left',
      onsetDate: null,
    });
    const given = await must(backend, 'running.assign', {
      episodeId: second.id,
      programmeId: copy.programme.id,
      startLevel: 1,
      ruleSetId: null,
      reason: '',
      expectedAssignmentId: null,
    });

    // An edit the schema refuses says which level and what to fix.
    const levels = copy.programme.levels;
    const bad = { ...copy.programme, levels: [levels[0]!, { ...levels[1]!, sessionsPerWeek: 5 }, ...levels.slice(2)] };
    expect(await backend.invoke('programmes.save', { programme: bad })).toMatchObject({
      ok: false,
      error: {
        fields: {
          'programme.levels.1.sessionsPerWeek':
            'Level 2: with 1 rest day between sessions, at most 4 sessions fit in a week; lower the sessions per week or the rest days.',
        },
      },
    });
    const edited = await must(backend, 'programmes.save', {
      programme: { ...copy.programme, levels: levels.slice(0, 5), summary: 'Five levels for this clinic.' },
    });
    expect(edited.programme).toMatchObject({ version: 2, basedOn: { id: MTSS_MOEN.id } });
    expect(edited.programme.levels).toHaveLength(5);

    // The patient's copy is the version given.
    const reread = await must(backend, 'running.episode', { episodeId: second.id });
    expect(reread.assignment?.programme).toEqual(given.assignment?.programme);
    expect(reread.assignment?.programme.levels).toHaveLength(6);
    const library = await must(backend, 'running.library', {});
    expect(library.programmes.map((e) => [e.programme.id, e.programme.version, e.origin])).toEqual([
      ['time-walk-run-5-weeks', 1, 'shipped'],
      ['delaware-treadmill', 1, 'shipped'],
      ['military-return-to-run', 1, 'shipped'],
      ['mtss-moen-2012', 1, 'shipped'],
      ['hamstring-speed-heiderscheit', 1, 'shipped'],
      ['clinic-shin-splints-clinic', 2, 'clinic'],
    ]);
    backend.close();
  });
});
