/**
 * An episode's running programme and its check-in visits.
 *
 * - Giving a programme stores the patient's own copy of it, a starting level and a rule set.
 * - A check-in stores the patient's report, the engine's decision exactly as made, and the
 *   clinician's confirmation or override beside it, in one append-only row. A correction is a new
 *   row whose corrects_id points at the corrected one.
 * - The patient's progress (current level, clean sessions, advances, next run date) is derived by
 *   replaying the programme's standing entries in run order (shared/clinical/check-in.ts explains
 *   why it is derived rather than stored). The replay reads only the decision's numbers, kept in
 *   columns that CHECK constraints tie to the stored decision.
 */
import type { CourseStep, Override } from '../../shared/clinical/check-in';
import { applyOutcome, overrideProblems, progressForDecision, replayCourse } from '../../shared/clinical/check-in';
import { Decision } from '../../shared/clinical/decision';
import { decide, DecisionInputError } from '../../shared/clinical/engine';
import { readStoredProgramme, type Programme } from '../../shared/clinical/programme';
import type { Progress } from '../../shared/clinical/progress';
import type { RuleSet } from '../../shared/clinical/rule-set';
import { decisionContextOf } from '../../shared/clinical/injury';
import { recordedReport } from '../../shared/clinical/soreness-report';
import type {
  Assignment,
  CheckInCreate,
  CheckInEntry,
  CheckInPage,
  CheckInPreview,
  CheckInPreviewResult,
  CourseState,
  EpisodeRunning,
  ProgrammeAssign,
  RunningSummary,
} from '../../shared/domain/running';
import { HISTORY_PAGE, shownDecision } from '../../shared/domain/running';
import type { IsoDate } from '../../shared/time/dates';
import { formatDate } from '../../shared/time/dates';
import { appendAudit } from '../audit/audit-log';
import { canonicalJson } from '../../shared/text/canonical-json';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { AppError, notFound, stale } from '../util/errors';
import { requireSettings } from './clinic';
import { getEpisode } from './episodes';
import { getPatient } from './patients';
import {
  currentProgramme,
  currentRuleSet,
  defaultRuleSetId,
  keepShippedRuleSet,
  ruleSetVersion,
} from './running-library';
import { onlyRow } from '../db/rows';
import { readJsonColumn } from '../db/json-column';

// --- Programmes given to an episode --------------------------------------------------------------

interface AssignmentRow {
  id: number;
  episode_id: number;
  programme_json: string;
  start_level: number;
  rule_set_id: string;
  assigned_on: string;
  reason: string;
  assigned_by: string;
}

const ASSIGNMENT_COLUMNS = `a.id, a.episode_id, a.programme_json, a.start_level, a.rule_set_id, a.assigned_on, a.reason,
  c.name AS assigned_by`;

function assignmentsOf(db: Db, episodeId: number): AssignmentRow[] {
  return db
    .prepare<unknown[], AssignmentRow>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM programme_assignments a JOIN clinicians c ON c.id = a.created_by
       WHERE a.episode_id = ? ORDER BY a.id DESC`,
    )
    .all(episodeId);
}

function currentAssignmentRow(db: Db, episodeId: number): AssignmentRow | undefined {
  return db
    .prepare<unknown[], AssignmentRow>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM programme_assignments a JOIN clinicians c ON c.id = a.created_by
       WHERE a.episode_id = ? ORDER BY a.id DESC LIMIT 1`,
    )
    .get(episodeId);
}

function ruleSetName(db: Db, id: string): string {
  try {
    return currentRuleSet(db, id).name;
  } catch {
    return id;
  }
}

function toAssignment(db: Db, row: AssignmentRow): Assignment {
  return {
    id: row.id,
    episodeId: row.episode_id,
    programme: readStoredProgramme(row.programme_json),
    startLevel: row.start_level,
    ruleSetId: row.rule_set_id,
    ruleSetName: ruleSetName(db, row.rule_set_id),
    assignedOn: row.assigned_on,
    assignedBy: row.assigned_by,
    reason: row.reason,
  };
}

/** Check-ins and programmes are recorded for open episodes of patients on the active list only. */
function requireWritableEpisode(db: Db, episodeId: number) {
  const episode = getEpisode(db, episodeId);
  if (episode.status !== 'open') {
    throw new AppError('conflict', 'This episode is discharged. Reopen it to change its running programme.');
  }
  if (getPatient(db, episode.patientId).archived) {
    throw new AppError('conflict', 'This patient is archived. Bring them back from the archive first.');
  }
  return episode;
}

/**
 * Gives an episode a running programme: a copy of a template or clinic programme as it stands
 * today, a starting level, and the rule set its decisions use (the clinic default unless chosen).
 * The intake's readiness result maps to the starting level with `startingLevel` (shared).
 */
export function assignProgramme(db: Db, clock: Clock, clinicianId: number, req: ProgrammeAssign): EpisodeRunning {
  return db
    .transaction(() => {
      const episode = requireWritableEpisode(db, req.episodeId);
      const current = currentAssignmentRow(db, req.episodeId);
      if ((current?.id ?? null) !== req.expectedAssignmentId) throw stale('The running programme of this episode');
      const { programme } = currentProgramme(db, req.programmeId);
      const last = programme.levels.length;
      const fields: Record<string, string> = {};
      if (req.startLevel > last) fields.startLevel = `"${programme.name}" has levels 1 to ${last}: choose one of them.`;
      if (current && req.reason.trim() === '') {
        fields.reason = 'Say why the programme changes: the reason is kept with the history.';
      }
      const ruleSetId = req.ruleSetId ?? defaultRuleSetId(db);
      let ruleSet: RuleSet | null = null;
      try {
        ruleSet = currentRuleSet(db, ruleSetId);
      } catch {
        fields.ruleSetId = 'Choose a soreness rule set from the list.';
      }
      if (Object.keys(fields).length > 0 || !ruleSet) throw fieldsError(fields);
      keepShippedRuleSet(db, clock, ruleSet);
      const info = db
        .prepare(
          `INSERT INTO programme_assignments (episode_id, programme_id, programme_version, programme_json, level_count,
             start_level, rule_set_id, assigned_on, reason, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          req.episodeId,
          programme.id,
          programme.version,
          JSON.stringify(programme),
          last,
          req.startLevel,
          ruleSet.id,
          clock.today(),
          req.reason.trim(),
          clock.now().toISOString(),
          clinicianId,
        );
      const previous = current ? readStoredProgramme(current.programme_json) : null;
      appendAudit(db, clock, {
        clinicianId,
        action: 'assign',
        entity: 'running_programme',
        entityId: Number(info.lastInsertRowid),
        patientId: episode.patientId,
        summary:
          (previous
            ? `Changed the running programme of ${episode.title} from "${previous.name}" to "${programme.name}"`
            : `Gave ${episode.title} the running programme "${programme.name}"`) +
          `, starting at Level ${req.startLevel}, with the rule set "${ruleSet.name}"`,
        ...(current ? { before: { assignmentId: current.id, programmeId: previous?.id } } : {}),
        after: {
          programmeId: programme.id,
          programmeVersion: programme.version,
          startLevel: req.startLevel,
          ruleSetId: ruleSet.id,
          reason: req.reason.trim(),
        },
      });
      return readEpisodeRunning(db, clock, req.episodeId);
    })
    .immediate();
}

// --- The course: replaying standing entries -----------------------------------------------------

/** A step row as an array (better-sqlite3 raw mode: no object per row), in the SELECT's order. */
type StepRow = [
  id: number,
  correctsId: number | null,
  runDate: string,
  levelBefore: number,
  engineLevelAfter: number,
  engineDaysOff: number,
  cleanSessionsAfter: number,
  engineComplete: number,
  entryCheckLevel: number | null,
  overrideLevel: number | null,
  overrideDaysOff: number | null,
];

/**
 * The entries of a programme that stand (not corrected), in run order, as course steps. One scan of
 * the covering index; the few corrected entries are left out here rather than by a NOT EXISTS per
 * row, which cost more than the rest of the page with a thousand entries.
 */
function standingSteps(db: Db, assignmentId: number): (CourseStep & { id: number })[] {
  const rows = db
    .prepare<unknown[], StepRow>(
      `SELECT id, corrects_id, run_date, level_before, engine_level_after, engine_days_off, clean_sessions_after,
         engine_complete, entry_check_level, override_level, override_days_off
       FROM check_ins
       WHERE assignment_id = ?
       ORDER BY run_date, id`,
    )
    .raw(true)
    .all(assignmentId);
  const corrected = new Set<number>();
  for (const r of rows) if (r[1] !== null) corrected.add(r[1]);
  const steps: (CourseStep & { id: number })[] = [];
  for (const [id, , runDate, levelBefore, levelAfter, daysOff, clean, complete, entryCheck, oLevel, oDays] of rows) {
    if (corrected.has(id)) continue;
    steps.push({
      id,
      runDate,
      levelBefore,
      levelAfter,
      daysOff,
      cleanSessionsAtLevel: clean,
      programmeComplete: complete === 1,
      entryCheckLevel: entryCheck,
      override: oLevel !== null && oDays !== null ? { levelAfter: oLevel, daysOff: oDays } : null,
    });
  }
  return steps;
}

function courseStateOf(db: Db, assignment: { id: number; start_level: number }): CourseState {
  return courseOf(db, assignment).state;
}

function courseOf(
  db: Db,
  assignment: { id: number; start_level: number },
): { state: CourseState; lastStep: CourseStep | null } {
  const steps = standingSteps(db, assignment.id);
  const { progress, complete, lastStep } = replayCourse(assignment.start_level, steps);
  return { state: { progress, complete, checkIns: steps.length }, lastStep };
}

// --- Reading the history ------------------------------------------------------------------------

interface CheckInRow {
  id: number;
  episode_id: number;
  assignment_id: number;
  corrects_id: number | null;
  correction_reason: string;
  recorded_on: string;
  report_json: string;
  rule_set_id: string;
  rule_set_version: number;
  decision_json: string;
  entry_check_level: number | null;
  override_level: number | null;
  override_days_off: number | null;
  override_reason: string | null;
  level_after: number;
  days_off: number;
  next_run_date: string;
  complete: number;
  patient_instruction: string;
  created_at: string;
  recorded_by: string;
  corrected_by_id: number | null;
  corrects_run_date: string | null;
}

type RuleSetCache = Map<string, RuleSet>;

function cachedRuleSet(db: Db, cache: RuleSetCache, id: string, version: number): RuleSet {
  const key = `${id}@${version}`;
  let set = cache.get(key);
  if (!set) {
    set = ruleSetVersion(db, id, version);
    cache.set(key, set);
  }
  return set;
}

function governingCondition(set: RuleSet, decision: Decision): string {
  return set.rules.find((r) => r.number === decision.governingRule)?.condition ?? '';
}

function toEntry(db: Db, cache: RuleSetCache, r: CheckInRow): CheckInEntry {
  const decision = readJsonColumn(Decision, r.decision_json, `The check-in recorded on ${r.recorded_on}`);
  const set = cachedRuleSet(db, cache, r.rule_set_id, r.rule_set_version);
  const override: Override | null =
    r.override_level !== null && r.override_days_off !== null && r.override_reason !== null
      ? { levelAfter: r.override_level, daysOff: r.override_days_off, reason: r.override_reason }
      : null;
  return {
    id: r.id,
    episodeId: r.episode_id,
    assignmentId: r.assignment_id,
    recordedOn: r.recorded_on,
    recordedAt: r.created_at,
    recordedBy: r.recorded_by,
    report: recordedReport(JSON.parse(r.report_json)),
    decision,
    ruleSetName: set.name,
    governingCondition: governingCondition(set, decision),
    entryCheckLevel: r.entry_check_level,
    override,
    levelAfter: r.level_after,
    daysOff: r.days_off,
    nextRunDate: r.next_run_date,
    programmeComplete: r.complete === 1,
    patientInstruction: r.patient_instruction,
    correctsId: r.corrects_id,
    correctsRunDate: r.corrects_run_date,
    correctionReason: r.correction_reason,
    correctedById: r.corrected_by_id,
  };
}

/** A page of an episode's check-ins, newest first (corrections and corrected entries included). */
export function checkInPage(db: Db, episodeId: number, beforeId: number | null, limit: number): CheckInPage {
  const rows = db
    .prepare<unknown[], CheckInRow>(
      `SELECT c.id, c.episode_id, c.assignment_id, c.corrects_id, c.correction_reason, c.recorded_on, c.report_json,
         c.rule_set_id, c.rule_set_version, c.decision_json, c.entry_check_level, c.override_level,
         c.override_days_off, c.override_reason, c.level_after, c.days_off, c.next_run_date, c.complete,
         c.patient_instruction, c.created_at, u.name AS recorded_by, k.id AS corrected_by_id,
         p.run_date AS corrects_run_date
       FROM check_ins c
       JOIN clinicians u ON u.id = c.created_by
       LEFT JOIN check_ins k ON k.corrects_id = c.id
       LEFT JOIN check_ins p ON p.id = c.corrects_id
       WHERE c.episode_id = ? AND c.id < ?
       ORDER BY c.id DESC
       LIMIT ?`,
    )
    .all(episodeId, beforeId ?? Number.MAX_SAFE_INTEGER, limit + 1);
  const total = onlyRow(
    db.prepare<unknown[], { n: number }>('SELECT count(*) AS n FROM check_ins WHERE episode_id = ?'),
    episodeId,
  ).n;
  const cache: RuleSetCache = new Map();
  return {
    items: rows.slice(0, limit).map((r) => toEntry(db, cache, r)),
    total,
    hasMore: rows.length > limit,
  };
}

export function listCheckIns(db: Db, episodeId: number, beforeId: number | null, limit: number): CheckInPage {
  getEpisode(db, episodeId);
  return checkInPage(db, episodeId, beforeId, limit);
}

/** Everything the episode page shows about running. */
export function readEpisodeRunning(db: Db, clock: Clock, episodeId: number): EpisodeRunning {
  const episode = getEpisode(db, episodeId);
  const [current, ...earlier] = assignmentsOf(db, episodeId);
  return {
    episodeId,
    episodeOpen: episode.status === 'open',
    assignment: current ? toAssignment(db, current) : null,
    earlierAssignments: earlier.map((row) => toAssignment(db, row)),
    ruleSet: current ? currentRuleSet(db, current.rule_set_id) : null,
    state: current ? courseStateOf(db, current) : null,
    today: clock.today(),
    history: checkInPage(db, episodeId, null, HISTORY_PAGE),
  };
}

/** One line per open episode with a programme, for the patient page. */
export function runningSummaries(db: Db, patientId: number): RunningSummary[] {
  getPatient(db, patientId);
  const rows = db
    .prepare<unknown[], { id: number; episode_id: number; programme_json: string; start_level: number }>(
      `SELECT a.id, a.episode_id, a.programme_json, a.start_level
       FROM episodes e
       JOIN programme_assignments a ON a.id = (SELECT max(id) FROM programme_assignments WHERE episode_id = e.id)
       WHERE e.patient_id = ? AND e.status = 'open'
       ORDER BY e.opened_on DESC, e.id DESC`,
    )
    .all(patientId);
  return rows.map((row) => {
    const programme = readStoredProgramme(row.programme_json);
    const state = courseStateOf(db, row);
    const level = programme.levels[state.progress.currentLevel - 1];
    if (!level) throw new Error(`Assignment ${row.id}: level ${state.progress.currentLevel} is not in its programme.`);
    return {
      episodeId: row.episode_id,
      programmeName: programme.name,
      levelCount: programme.levels.length,
      currentLevel: level,
      complete: state.complete,
      nextRunDate: state.progress.earliestNextRun,
      lastRunDate: state.progress.lastRunDate,
      checkIns: state.checkIns,
    };
  });
}

// --- Deciding and recording a check-in ----------------------------------------------------------

function fieldsError(fields: Record<string, string>): AppError {
  const messages = Object.values(fields);
  const message =
    messages.length === 1
      ? (messages[0] ?? '')
      : `${messages.length} entries need attention: ${messages.slice(0, 3).join(' ')}`;
  return new AppError('invalid_request', message, fields);
}

interface DecisionContext {
  episode: ReturnType<typeof getEpisode>;
  assignmentId: number;
  programme: Programme;
  ruleSet: RuleSet;
  progress: Progress;
  decision: Decision;
}

/**
 * The engine's decision for a report, from the progress as it stood before the run: after every
 * standing entry for a new check-in, or after the entries before the corrected one for a
 * correction (which is decided with the rule set version the corrected entry used: a correction
 * fixes the answers, not the rules).
 */
function decisionFor(db: Db, clock: Clock, req: CheckInPreview): DecisionContext {
  const episode = requireWritableEpisode(db, req.episodeId);
  const assignment = currentAssignmentRow(db, req.episodeId);
  if (!assignment) {
    throw new AppError('conflict', 'Give this episode a running programme before recording a check-in.');
  }
  if (assignment.id !== req.assignmentId) throw stale('The running programme of this episode');
  const programme = readStoredProgramme(assignment.programme_json);
  const { dateFormat } = requireSettings(db);
  const date = (d: IsoDate) => formatDate(d, dateFormat);
  const report = req.report;
  const fields: Record<string, string> = {};

  let steps = standingSteps(db, assignment.id);
  let ruleSet: RuleSet;
  if (req.correctsId !== null) {
    const target = db
      .prepare<
        unknown[],
        { assignment_id: number; rule_set_id: string; rule_set_version: number; corrected_by_id: number | null }
      >(
        `SELECT c.assignment_id, c.rule_set_id, c.rule_set_version, k.id AS corrected_by_id
         FROM check_ins c LEFT JOIN check_ins k ON k.corrects_id = c.id WHERE c.id = ? AND c.episode_id = ?`,
      )
      .get(req.correctsId, req.episodeId);
    if (!target) throw notFound('The check-in to correct');
    if (target.corrected_by_id !== null) {
      throw new AppError('conflict', 'This check-in has already been corrected: correct the newer entry instead.');
    }
    if (target.assignment_id !== assignment.id) {
      throw new AppError(
        'conflict',
        'This check-in belongs to an earlier programme of the episode, so it can no longer be corrected.',
      );
    }
    const at = steps.findIndex((s) => s.id === req.correctsId);
    const next = steps[at + 1];
    if (next && report.runDate >= next.runDate) {
      fields['report.runDate'] =
        `The run date must be before the run of the next check-in (${date(next.runDate)}): check the date.`;
    }
    steps = steps.slice(0, Math.max(0, at));
    ruleSet = ruleSetVersion(db, target.rule_set_id, target.rule_set_version);
  } else {
    ruleSet = currentRuleSet(db, assignment.rule_set_id);
  }

  const { progress: before } = replayCourse(assignment.start_level, steps);
  if (report.runDate > clock.today()) {
    fields['report.runDate'] = 'The run date is after today: enter the day the patient ran.';
  } else if (before.lastRunDate !== null && report.runDate <= before.lastRunDate) {
    fields['report.runDate'] =
      `The run date must be after the last run on record (${date(before.lastRunDate)}): check the date.`;
  }
  const last = programme.levels.length;
  if (report.levelRun > last) {
    fields['report.levelRun'] = `"${programme.name}" has levels 1 to ${last}: choose the level the patient ran.`;
  }
  if (req.entryCheckLevel !== null) {
    const nextLevel = programme.levels[before.currentLevel];
    if (!nextLevel || nextLevel.number !== req.entryCheckLevel || nextLevel.entryCheck === '') {
      fields.entryCheckLevel = nextLevel?.entryCheck
        ? `Only the entry check of the next level (Level ${nextLevel.number}) can be signed off at this check-in.`
        : 'The next level has no entry check to sign off.';
    }
  }
  if (Object.keys(fields).length > 0) throw fieldsError(fields);

  const progress = progressForDecision(before, req.entryCheckLevel);
  try {
    const decision = decide(report, progress, ruleSet, programme, decisionContextOf(episode.diagnosis));
    return { episode, assignmentId: assignment.id, programme, ruleSet, progress, decision };
  } catch (err) {
    if (err instanceof DecisionInputError) throw new AppError('invalid_request', err.problems.join(' '));
    throw err;
  }
}

/** The decision the engine would make, without recording anything: the form shows it live. */
export function previewCheckIn(db: Db, clock: Clock, req: CheckInPreview): CheckInPreviewResult {
  const { decision, ruleSet, progress } = decisionFor(db, clock, req);
  return {
    decision,
    ruleSetName: ruleSet.name,
    governingCondition: governingCondition(ruleSet, decision),
    progressBefore: progress,
  };
}

function levelWords(before: number, after: number): string {
  if (after > before) return `up to Level ${after}`;
  if (after < before) return `down to Level ${after}`;
  return `stay at Level ${after}`;
}

/**
 * Records a check-in: the engine's decision and the clinician's confirmation or override, in one
 * transaction with its audit rows. `expectedLatestId` is the newest entry the clinician saw, so two
 * clinicians recording at once cannot base a decision on a history that has moved on.
 */
export function recordCheckIn(db: Db, clock: Clock, clinicianId: number, req: CheckInCreate): EpisodeRunning {
  return db
    .transaction(() => {
      const latest = onlyRow(
        db.prepare<
          unknown[],
          {
            id: number | null;
          }
        >('SELECT max(id) AS id FROM check_ins WHERE episode_id = ?'),
        req.episodeId,
      );
      if (latest.id !== req.expectedLatestId) throw stale('The check-ins of this episode');
      const ctx = decisionFor(db, clock, {
        episodeId: req.episodeId,
        assignmentId: req.assignmentId,
        report: req.report,
        entryCheckLevel: req.entryCheckLevel,
        correctsId: req.correction?.correctsId ?? null,
      });
      const { decision, programme, ruleSet, episode } = ctx;
      if (req.shown !== null && canonicalJson(req.shown) !== canonicalJson(shownDecision(decision))) {
        throw new AppError(
          'stale',
          'The decision changed since it was shown (the rule set or the history changed meanwhile). Check the new decision, then save again.',
        );
      }
      const override =
        req.outcome.kind === 'override'
          ? { levelAfter: req.outcome.levelAfter, daysOff: req.outcome.daysOff, reason: req.outcome.reason.trim() }
          : null;
      if (override) {
        const problems = overrideProblems(decision, override, programme);
        if (Object.keys(problems).length > 0) {
          throw fieldsError(Object.fromEntries(Object.entries(problems).map(([k, v]) => [`outcome.${k}`, v])));
        }
      }
      const applied = applyOutcome(decision, override, programme);
      keepShippedRuleSet(db, clock, ruleSet);
      const info = db
        .prepare(
          `INSERT INTO check_ins (episode_id, assignment_id, corrects_id, correction_reason, recorded_on, run_date,
             report_json, rule_set_id, rule_set_version, decision_json, level_before, engine_level_after,
             engine_days_off, clean_sessions_after, engine_complete, entry_check_level, override_level,
             override_days_off, override_reason, level_after, days_off, next_run_date, complete, patient_instruction,
             created_at, created_by)
           VALUES (@episodeId, @assignmentId, @correctsId, @correctionReason, @recordedOn, @runDate, @reportJson,
             @ruleSetId, @ruleSetVersion, @decisionJson, @levelBefore, @engineLevelAfter, @engineDaysOff,
             @cleanSessionsAfter, @engineComplete, @entryCheckLevel, @overrideLevel, @overrideDaysOff,
             @overrideReason, @levelAfter, @daysOff, @nextRunDate, @complete, @patientInstruction, @createdAt,
             @createdBy)`,
        )
        .run({
          episodeId: req.episodeId,
          assignmentId: ctx.assignmentId,
          correctsId: req.correction?.correctsId ?? null,
          correctionReason: req.correction?.reason.trim() ?? '',
          recordedOn: clock.today(),
          runDate: decision.runDate,
          reportJson: JSON.stringify(req.report),
          ruleSetId: decision.ruleSet.id,
          ruleSetVersion: decision.ruleSet.version,
          decisionJson: JSON.stringify(decision),
          levelBefore: decision.levelBefore,
          engineLevelAfter: decision.levelAfter,
          engineDaysOff: decision.daysOff,
          cleanSessionsAfter: decision.cleanSessionsAtLevel,
          engineComplete: decision.programmeComplete ? 1 : 0,
          entryCheckLevel: req.entryCheckLevel,
          overrideLevel: override?.levelAfter ?? null,
          overrideDaysOff: override?.daysOff ?? null,
          overrideReason: override?.reason ?? null,
          levelAfter: applied.levelAfter,
          daysOff: applied.daysOff,
          nextRunDate: applied.nextRunDate,
          complete: applied.programmeComplete ? 1 : 0,
          patientInstruction: applied.patientInstruction,
          createdAt: clock.now().toISOString(),
          createdBy: clinicianId,
        });
      const id = Number(info.lastInsertRowid);
      const ruleWords = `rule ${decision.governingRule} of "${ruleSet.name}" (version ${ruleSet.version})`;
      const engineWords = `${decision.daysOff} days off, ${levelWords(decision.levelBefore, decision.levelAfter)}`;
      appendAudit(db, clock, {
        clinicianId,
        action: req.correction ? 'correct' : 'create',
        entity: 'check_in',
        entityId: id,
        patientId: episode.patientId,
        summary: req.correction
          ? `Corrected the check-in #${req.correction.correctsId} (${episode.title}): ${ruleWords}, ${engineWords}`
          : `Recorded a check-in for the run of ${decision.runDate} (${episode.title}): ${ruleWords}, ${engineWords}`,
        after: {
          report: req.report,
          decision,
          entryCheckLevel: req.entryCheckLevel,
          ...(req.correction ? { correction: req.correction } : {}),
        },
      });
      if (override) {
        appendAudit(db, clock, {
          clinicianId,
          action: 'override',
          entity: 'check_in',
          entityId: id,
          patientId: episode.patientId,
          summary:
            `Changed the decision for the run of ${decision.runDate} (${episode.title}) to ` +
            `${override.daysOff} days off, ${levelWords(decision.levelBefore, override.levelAfter)}: ${override.reason}`,
          before: { levelAfter: decision.levelAfter, daysOff: decision.daysOff, nextRunDate: decision.earliestNextRun },
          after: { ...override, nextRunDate: applied.nextRunDate },
        });
      }
      return readEpisodeRunning(db, clock, req.episodeId);
    })
    .immediate();
}

/**
 * Where the episode's running stands, for the handout: its programme (the episode's own copy),
 * the rule set its decisions use, and the progress replayed from the standing check-ins.
 * Null before a programme is given.
 */
export function currentCourse(
  db: Db,
  episodeId: number,
): { programme: Programme; ruleSet: RuleSet; state: CourseState; lastStep: CourseStep | null } | null {
  const row = currentAssignmentRow(db, episodeId);
  if (!row) return null;
  return {
    programme: readStoredProgramme(row.programme_json),
    ruleSet: currentRuleSet(db, row.rule_set_id),
    ...courseOf(db, row),
  };
}
