/**
 * The facts of one episode's history, read with one indexed query per kind of record (never one
 * per event), for `buildTimeline` (shared/records/timeline.ts) to put in order and in words.
 *
 * Every query is keyed on the episode id (or, for the outcome measures of earlier episodes, on
 * the patient of this episode), through the tables' episode indexes. Timestamps are turned into
 * the clinic's calendar days here, where the computer's time zone is known.
 */
import type { DiagnosisCode, Side } from '../../shared/clinical/intake/episode';
import { IntakeDraft } from '../../shared/clinical/intake/intake';
import { scoreLefs } from '../../shared/clinical/intake/measures/lefs';
import { scorePsfs } from '../../shared/clinical/intake/measures/psfs';
import { scoreVisaA } from '../../shared/clinical/intake/measures/visa-a';
import { describeStartingPoint } from '../../shared/clinical/intake/starting-point';
import type { RuleSet } from '../../shared/clinical/rule-set';
import type { NextDayAnswer, WarmUpAnswer } from '../../shared/clinical/soreness-report';
import { episodeTitle } from '../../shared/domain/episode';
import type { EpisodeTimeline } from '../../shared/domain/timeline';
import type {
  AddendumFact,
  AssignmentFact,
  CheckInFact,
  HandoutFact,
  MeasureFact,
  NoteFact,
  PrescriptionFact,
  StatusChangeFact,
  TimelineFacts,
} from '../../shared/records/timeline-facts';
import { buildTimeline } from '../../shared/records/timeline';
import type { Db } from '../db/open';
import { localIsoDate } from '../util/clock';
import { requireSettings } from './clinic';
import { getEpisode } from './episodes';
import { ruleSetVersion } from './running-library';
import { JsonNames, readJsonColumn } from '../db/json-column';

/** The clinic's day of a stored instant. */
function dayOf(at: string): string {
  return localIsoDate(new Date(at));
}

function episodeFact(db: Db, episodeId: number) {
  const episode = getEpisode(db, episodeId);
  const row = db
    .prepare<unknown[], { name: string | null }>(
      'SELECT c.name FROM episodes e LEFT JOIN clinicians c ON c.id = e.created_by WHERE e.id = ?',
    )
    .get(episodeId);
  return {
    episode,
    fact: {
      id: episode.id,
      patientId: episode.patientId,
      title: episode.title,
      openedOn: episode.openedOn,
      createdAt: episode.createdAt,
      createdBy: row?.name ?? null,
    },
  };
}

function statusChanges(db: Db, episodeId: number): StatusChangeFact[] {
  const rows = db
    .prepare<unknown[], { id: number; action: 'discharge' | 'reopen'; at: string; name: string | null }>(
      `SELECT a.id, a.action, a.at, c.name FROM audit_log a LEFT JOIN clinicians c ON c.id = a.clinician_id
       WHERE a.entity = 'episode' AND a.entity_id = ? AND a.action IN ('discharge', 'reopen') ORDER BY a.id`,
    )
    .all(episodeId);
  return rows.map((r) => ({ id: r.id, action: r.action, date: dayOf(r.at), at: r.at, by: r.name }));
}

interface IntakeRow {
  id: number;
  note_id: number;
  status: 'draft' | 'signed';
  start_stage: 'hold' | 'walking' | 'running' | null;
  start_level: number | null;
  signed_at: string | null;
  created_at: string;
  started_by: string | null;
  signer_name: string | null;
  visit_date: string;
}

function intakeFact(db: Db, episodeId: number): TimelineFacts['intake'] {
  const r = db
    .prepare<unknown[], IntakeRow>(
      `SELECT i.id, i.note_id, i.status, i.start_stage, i.start_level, i.signed_at, i.created_at,
         c.name AS started_by, n.signer_name, n.visit_date
       FROM intakes i JOIN clinical_notes n ON n.id = i.note_id LEFT JOIN clinicians c ON c.id = i.created_by
       WHERE i.episode_id = ?`,
    )
    .get(episodeId);
  if (!r) return null;
  const start =
    r.start_stage === null
      ? null
      : describeStartingPoint(
          r.start_stage === 'running' ? { stage: 'running', level: r.start_level ?? 1 } : { stage: r.start_stage },
        );
  return {
    id: r.id,
    noteId: r.note_id,
    visitDate: r.visit_date,
    startedOn: dayOf(r.created_at),
    startedAt: r.created_at,
    startedBy: r.started_by,
    status: r.status,
    signedOn: r.signed_at ? dayOf(r.signed_at) : null,
    signedAt: r.signed_at,
    signedBy: r.signer_name,
    startingPoint: start,
  };
}

function notes(db: Db, episodeId: number): NoteFact[] {
  const rows = db
    .prepare<
      unknown[],
      {
        id: number;
        kind: 'intake' | 'visit';
        visit_date: string;
        status: 'draft' | 'signed';
        created_at: string;
        signed_at: string | null;
        signer_name: string | null;
        created_by: string | null;
      }
    >(
      `SELECT n.id, n.kind, n.visit_date, n.status, n.created_at, n.signed_at, n.signer_name, c.name AS created_by
       FROM clinical_notes n LEFT JOIN clinicians c ON c.id = n.created_by
       WHERE n.episode_id = ? ORDER BY n.visit_date, n.id`,
    )
    .all(episodeId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    visitDate: r.visit_date,
    status: r.status,
    createdAt: r.created_at,
    createdBy: r.created_by,
    signedOn: r.signed_at ? dayOf(r.signed_at) : null,
    signedAt: r.signed_at,
    signerName: r.signer_name,
  }));
}

function addenda(db: Db, episodeId: number): AddendumFact[] {
  const rows = db
    .prepare<
      unknown[],
      {
        id: number;
        note_id: number;
        signed_at: string;
        signer_name: string;
        kind: 'intake' | 'visit';
        visit_date: string;
      }
    >(
      `SELECT a.id, a.note_id, a.signed_at, a.signer_name, n.kind, n.visit_date
       FROM clinical_notes n JOIN note_addenda a ON a.note_id = n.id
       WHERE n.episode_id = ? ORDER BY a.id`,
    )
    .all(episodeId);
  return rows.map((r) => ({
    id: r.id,
    noteId: r.note_id,
    noteKind: r.kind,
    noteVisitDate: r.visit_date,
    signedOn: dayOf(r.signed_at),
    signedAt: r.signed_at,
    signerName: r.signer_name,
  }));
}

function assignments(db: Db, episodeId: number): AssignmentFact[] {
  const rows = db
    .prepare<
      unknown[],
      {
        id: number;
        name: string | null;
        level_count: number;
        start_level: number;
        assigned_on: string;
        created_at: string;
        reason: string;
        assigned_by: string | null;
      }
    >(
      `SELECT a.id, json_extract(a.programme_json, '$.name') AS name, a.level_count, a.start_level, a.assigned_on,
         a.created_at, a.reason, c.name AS assigned_by
       FROM programme_assignments a LEFT JOIN clinicians c ON c.id = a.created_by
       WHERE a.episode_id = ? ORDER BY a.id`,
    )
    .all(episodeId);
  return rows.map((r) => ({
    id: r.id,
    programmeName: r.name ?? 'Running programme',
    levelCount: r.level_count,
    startLevel: r.start_level,
    assignedOn: r.assigned_on,
    createdAt: r.created_at,
    assignedBy: r.assigned_by,
    reason: r.reason,
  }));
}

interface CheckInRow {
  id: number;
  assignment_id: number;
  recorded_on: string;
  created_at: string;
  recorded_by: string | null;
  run_date: string;
  warm_up: WarmUpAnswer;
  came_back: number | string | null;
  next_day: NextDayAnswer;
  pain_during: number | string | null;
  pain_after: number | string | null;
  swelling: number | string | null;
  level_before: number;
  governing_rule: number;
  rule_set_id: string;
  rule_set_version: number;
  engine_level_after: number;
  engine_days_off: number;
  override_level: number | null;
  override_days_off: number | null;
  override_reason: string | null;
  level_after: number;
  days_off: number;
  next_run_date: string;
  complete: number;
  corrects_id: number | null;
  corrects_run_date: string | null;
  correction_reason: string;
  corrected_by_id: number | null;
}

/** A yes / no / not known answer as json_extract returns it (1, 0 or 'unknown'). */
function yesNoUnknown(value: number | string | null): boolean | 'unknown' {
  return value === 'unknown' ? 'unknown' : value === 1;
}

function checkIns(db: Db, episodeId: number): CheckInFact[] {
  // The report's and decision's few fields are read in SQL: parsing every whole decision is
  // what makes a long history slow.
  const rows = db
    .prepare<unknown[], CheckInRow>(
      `SELECT c.id, c.assignment_id, c.recorded_on, c.created_at, u.name AS recorded_by, c.run_date,
         json_extract(c.report_json, '$.warmUp') AS warm_up,
         json_extract(c.report_json, '$.cameBackDuringRun') AS came_back,
         json_extract(c.report_json, '$.nextDay') AS next_day,
         json_extract(c.report_json, '$.painDuring') AS pain_during,
         json_extract(c.report_json, '$.painAfter') AS pain_after,
         json_extract(c.report_json, '$.swelling') AS swelling,
         c.level_before, json_extract(c.decision_json, '$.governingRule') AS governing_rule,
         c.rule_set_id, c.rule_set_version, c.engine_level_after, c.engine_days_off,
         c.override_level, c.override_days_off, c.override_reason, c.level_after, c.days_off, c.next_run_date,
         c.complete, c.corrects_id, p.run_date AS corrects_run_date, c.correction_reason, k.id AS corrected_by_id
       FROM check_ins c
       LEFT JOIN clinicians u ON u.id = c.created_by
       LEFT JOIN check_ins k ON k.corrects_id = c.id
       LEFT JOIN check_ins p ON p.id = c.corrects_id
       WHERE c.episode_id = ? ORDER BY c.id`,
    )
    .all(episodeId);
  const sets = new Map<string, RuleSet | null>();
  const setOf = (id: string, version: number): RuleSet | null => {
    const key = `${id}@${version}`;
    if (!sets.has(key)) {
      try {
        sets.set(key, ruleSetVersion(db, id, version));
      } catch {
        sets.set(key, null);
      }
    }
    return sets.get(key) ?? null;
  };
  return rows.map((r) => {
    const set = setOf(r.rule_set_id, r.rule_set_version);
    return {
      id: r.id,
      assignmentId: r.assignment_id,
      recordedOn: r.recorded_on,
      createdAt: r.created_at,
      recordedBy: r.recorded_by,
      runDate: r.run_date,
      warmUp: r.warm_up,
      cameBack: yesNoUnknown(r.came_back),
      nextDay: r.next_day,
      // "Not known" and "did not run" are not scores: the chart shows them as not recorded.
      painDuring: typeof r.pain_during === 'number' ? r.pain_during : null,
      painAfter: typeof r.pain_after === 'number' ? r.pain_after : null,
      // Reports of the first format may have no swelling answer: not known, never "no".
      swelling: r.swelling === null ? 'unknown' : yesNoUnknown(r.swelling),
      levelBefore: r.level_before,
      governingRule: r.governing_rule,
      ruleCondition: set?.rules.find((rule) => rule.number === r.governing_rule)?.condition ?? '',
      ruleSetName: set?.name ?? r.rule_set_id,
      engineLevelAfter: r.engine_level_after,
      engineDaysOff: r.engine_days_off,
      override:
        r.override_level !== null && r.override_days_off !== null && r.override_reason !== null
          ? { level: r.override_level, daysOff: r.override_days_off, reason: r.override_reason }
          : null,
      levelAfter: r.level_after,
      daysOff: r.days_off,
      nextRunDate: r.next_run_date,
      complete: r.complete === 1,
      correctsId: r.corrects_id,
      correctsRunDate: r.corrects_run_date,
      correctionReason: r.correction_reason,
      correctedById: r.corrected_by_id,
    };
  });
}

function prescriptions(db: Db, episodeId: number): PrescriptionFact[] {
  const rows = db
    .prepare<unknown[], { id: number; version: number; created_at: string; saved_by: string | null; names: string }>(
      `SELECT p.id, p.version, p.created_at, c.name AS saved_by,
         (SELECT json_group_array(json_extract(i.exercise_json, '$.name') ORDER BY i.position)
            FROM prescription_items i WHERE i.prescription_id = p.id) AS names
       FROM prescriptions p LEFT JOIN clinicians c ON c.id = p.created_by
       WHERE p.episode_id = ? ORDER BY p.version`,
    )
    .all(episodeId);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    savedOn: dayOf(r.created_at),
    savedAt: r.created_at,
    savedBy: r.saved_by,
    exerciseNames: readJsonColumn(JsonNames, r.names, `Version ${r.version} of the home exercises`),
  }));
}

function handouts(db: Db, episodeId: number): HandoutFact[] {
  const rows = db
    .prepare<
      unknown[],
      {
        id: number;
        issued_on: string;
        issued_at: string;
        issued_by: string | null;
        level_summary: string;
        exercise_names_json: string;
        page_count: number;
      }
    >(
      `SELECT h.id, h.issued_on, h.issued_at, c.name AS issued_by, h.level_summary, h.exercise_names_json, h.page_count
       FROM handouts h LEFT JOIN clinicians c ON c.id = h.clinician_id
       WHERE h.episode_id = ? ORDER BY h.id`,
    )
    .all(episodeId);
  return rows.map((r) => ({
    id: r.id,
    issuedOn: r.issued_on,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    levelSummary: r.level_summary,
    exerciseNames: readJsonColumn(
      JsonNames,
      r.exercise_names_json,
      `The exercise list of the handout issued on ${r.issued_on}`,
    ),
    pageCount: r.page_count,
  }));
}

/**
 * Outcome measure totals: this episode's intake (signed or draft) and the signed intakes of the
 * patient's episodes opened before it, so the chart shows where this episode started from.
 */
function measures(db: Db, episodeId: number, patientId: number, openedOn: string): MeasureFact[] {
  const rows = db
    .prepare<
      unknown[],
      {
        episode_id: number;
        diagnosis: DiagnosisCode;
        diagnosis_detail: string;
        side: Side;
        status: 'draft' | 'signed';
        draft_json: string;
        visit_date: string;
      }
    >(
      `SELECT e.id AS episode_id, e.diagnosis, e.diagnosis_detail, e.side, i.status, i.draft_json, n.visit_date
       FROM episodes e JOIN intakes i ON i.episode_id = e.id JOIN clinical_notes n ON n.id = i.note_id
       WHERE e.patient_id = ?
         AND (e.id = ? OR (i.status = 'signed' AND (e.opened_on < ? OR (e.opened_on = ? AND e.id < ?))))`,
    )
    .all(patientId, episodeId, openedOn, openedOn, episodeId);
  const facts: MeasureFact[] = [];
  for (const r of rows) {
    const m = readJsonColumn(IntakeDraft, r.draft_json, `The intake of ${r.visit_date}`).measures ?? {};
    const lefs = m.lefs ? scoreLefs(m.lefs) : null;
    const visaA = m.visaA ? scoreVisaA(m.visaA) : null;
    const psfs = m.psfs ? scorePsfs(m.psfs) : null;
    const fact: MeasureFact = {
      episodeId: r.episode_id,
      episodeTitle: episodeTitle({ diagnosis: r.diagnosis, diagnosisDetail: r.diagnosis_detail, side: r.side }),
      date: r.visit_date,
      signed: r.status === 'signed',
      lefs: lefs?.computable ? lefs.total : null,
      visaA: visaA?.computable ? visaA.total : null,
      psfs: psfs?.computable ? psfs.average : null,
    };
    if (fact.lefs !== null || fact.visaA !== null || fact.psfs !== null) facts.push(fact);
  }
  return facts;
}

/** Everything one episode's history is built from, read in a dozen queries whatever its length. */
export function timelineFacts(db: Db, episodeId: number): TimelineFacts {
  const { episode, fact } = episodeFact(db, episodeId);
  return {
    episode: fact,
    statusChanges: statusChanges(db, episodeId),
    intake: intakeFact(db, episodeId),
    notes: notes(db, episodeId),
    addenda: addenda(db, episodeId),
    assignments: assignments(db, episodeId),
    checkIns: checkIns(db, episodeId),
    prescriptions: prescriptions(db, episodeId),
    handouts: handouts(db, episodeId),
    measures: measures(db, episodeId, episode.patientId, episode.openedOn),
  };
}

/** One episode's timeline and chart series, read in one snapshot. */
export function episodeTimeline(db: Db, episodeId: number): EpisodeTimeline {
  return db.transaction(() => buildTimeline(timelineFacts(db, episodeId), requireSettings(db).dateFormat))();
}
