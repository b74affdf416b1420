/** Reading an episode's running: its check-in history page by page, and the summaries the patient page shows. */
import type { Override } from '../../shared/clinical/check-in';
import { Decision } from '../../shared/clinical/decision';
import { readStoredProgramme } from '../../shared/clinical/programme';
import type { RuleSet } from '../../shared/clinical/rule-set';
import { recordedReport } from '../../shared/clinical/soreness-report';
import type { CheckInEntry, CheckInPage, EpisodeRunning, RunningSummary } from '../../shared/domain/running';
import { HISTORY_PAGE } from '../../shared/domain/running';
import { readJsonColumn } from '../db/json-column';
import type { Db } from '../db/open';
import { onlyRow } from '../db/rows';
import type { Clock } from '../util/clock';
import { getEpisode } from './episodes';
import { getPatient } from './patients';
import { currentRuleSet, ruleSetVersion } from './running-library';
import { assignmentsOf, toAssignment } from './running-assignments';
import { courseStateOf } from './running-course';

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

export function governingCondition(set: RuleSet, decision: Decision): string {
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
