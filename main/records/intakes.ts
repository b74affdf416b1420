/**
 * The intake of an episode: the draft the form autosaves (validated by the intake core's schema
 * with the clinic's date), the clinician's own words for the note, the starting point decision,
 * and signing.
 *
 * - Each save is versioned (stale edits refused), audited with a compact diff, keeps the episode's
 *   own columns in step with the episode section, and rewrites the draft note from the data.
 * - Choosing the starting point is its own audited act: accepting the recommendation, or another
 *   point with a reason (an override).
 * - Signing checks the intake is complete (checkIntakeForSigning), that the starting point answers
 *   the current recommendation, then signs the note as the signed-in clinician and stores the
 *   readiness result with the thresholds it used, in one transaction. A signed intake is locked.
 */
import { IntakeDraft, parseIntakeDraft } from '../../shared/clinical/intake/intake';
import { problemsToFields, type FieldProblem } from '../../shared/clinical/intake/fields';
import { scoreLefs } from '../../shared/clinical/intake/measures/lefs';
import { composeIntakeNote, type StartingDecisionText } from '../../shared/clinical/intake/note-text';
import { evaluateReadiness, RECOMMENDATION_LABELS, type Recommendation } from '../../shared/clinical/intake/readiness';
import { checkIntakeForSigning } from '../../shared/clinical/intake/signing';
import { SoapNote } from '../../shared/clinical/intake/soap';
import {
  checkStartingChoice,
  describeStartingPoint,
  recommendedStartingPoint,
  sameStartingPoint,
  type StartingPoint,
  type StartingStage,
} from '../../shared/clinical/intake/starting-point';
import type {
  IntakeChooseStart,
  IntakeRecord,
  IntakeSave,
  IntakeSign,
  StartingDecision,
  StartingPointRecord,
} from '../../shared/domain/intake';
import { StoredReadiness } from '../../shared/domain/intake';
import type { Clinician } from '../../shared/domain/settings';
import { appendAudit } from '../audit/audit-log';
import { canonicalJson } from '../../shared/text/canonical-json';
import { auditDiff, jsonChanges } from '../audit/json-diff';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import type { IsoDate } from '../../shared/time/dates';
import { AppError, stale } from '../util/errors';
import { getEpisode, updateEpisodeDetails } from './episodes';
import { getNote, insertDraftNote, signDraftNote, signerOf, writeDraftNote } from './notes';
import { getPatient } from './patients';
import { clinicThresholds } from './readiness-thresholds';
import { readJsonColumn } from '../db/json-column';

interface IntakeRow {
  id: number;
  episode_id: number;
  note_id: number;
  draft_json: string;
  typed_json: string;
  status: 'draft' | 'signed';
  start_stage: StartingStage | null;
  start_level: number | null;
  start_recommended: Recommendation | null;
  start_reason: string;
  start_decided_at: string | null;
  start_decided_by: number | null;
  start_decider_name: string | null;
  start_decider_profession: string | null;
  start_decider_registration: string | null;
  readiness_json: string | null;
  signed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const EMPTY_TYPED: SoapNote = { subjective: '', objective: '', assessment: '', plan: '' };

function rowOf(db: Db, episodeId: number): IntakeRow | undefined {
  return db.prepare<unknown[], IntakeRow>('SELECT * FROM intakes WHERE episode_id = ?').get(episodeId);
}

function requireRow(db: Db, episodeId: number): IntakeRow {
  const row = rowOf(db, episodeId);
  if (!row) throw new AppError('not_found', 'This episode has no intake yet: start the intake first.');
  return row;
}

function choiceOf(row: IntakeRow): StartingPoint | null {
  switch (row.start_stage) {
    case null:
      return null;
    case 'hold':
      return { stage: 'hold' };
    case 'walking':
      return { stage: 'walking' };
    case 'running':
      return { stage: 'running', level: row.start_level ?? 1 };
  }
}

function decisionOf(row: IntakeRow): StartingDecision | null {
  const choice = choiceOf(row);
  if (!choice || !row.start_recommended || !row.start_decided_at || row.start_decided_by === null) return null;
  return {
    recommended: row.start_recommended,
    choice,
    accepted: sameStartingPoint(choice, recommendedStartingPoint(row.start_recommended)),
    reason: row.start_reason,
    decidedAt: row.start_decided_at,
    decidedBy: {
      clinicianId: row.start_decided_by,
      name: row.start_decider_name ?? '',
      profession: row.start_decider_profession ?? '',
      registrationNumber: row.start_decider_registration ?? '',
    },
  };
}

function draftOf(row: IntakeRow): IntakeDraft {
  return readJsonColumn(IntakeDraft, row.draft_json, 'The intake of this episode');
}

function typedOf(row: IntakeRow): SoapNote {
  return readJsonColumn(SoapNote, row.typed_json, 'The intake note of this episode');
}

/** The last LEFS total on a signed intake of another, earlier episode of the same patient. */
function previousLefsOf(db: Db, row: IntakeRow, patientId: number): { total: number; date: string } | null {
  const rows = db
    .prepare<unknown[], { draft_json: string; visit_date: string }>(
      `SELECT i.draft_json, n.visit_date FROM intakes i
       JOIN episodes e ON e.id = i.episode_id JOIN clinical_notes n ON n.id = i.note_id
       WHERE e.patient_id = ? AND i.id < ? AND i.status = 'signed'
       ORDER BY n.visit_date DESC, i.id DESC`,
    )
    .all(patientId, row.id);
  for (const r of rows) {
    const lefs = readJsonColumn(IntakeDraft, r.draft_json, `The intake of ${r.visit_date}`).measures?.lefs;
    if (lefs === undefined) continue;
    const score = scoreLefs(lefs);
    if (score.computable) return { total: score.total, date: r.visit_date };
  }
  return null;
}

function startText(decision: StartingDecision | null): StartingDecisionText | undefined {
  return decision === null
    ? undefined
    : { recommendation: decision.recommended, choice: decision.choice, reason: decision.reason };
}

/** `today` is the clinic's date, for the time-based readiness gates of a draft. */
function toRecord(db: Db, row: IntakeRow, today: IsoDate | undefined): IntakeRecord {
  const episode = getEpisode(db, row.episode_id);
  const note = getNote(db, row.note_id);
  const draft = draftOf(row);
  // Parsed, not cast: a result signed before the diagnosis gates gets their defaults (empty advice).
  const readiness =
    row.readiness_json === null
      ? null
      : readJsonColumn(StoredReadiness, row.readiness_json, 'The starting point of this intake');
  const thresholds = readiness?.thresholds ?? clinicThresholds(db);
  const decision = decisionOf(row);
  const current = readiness?.recommendation ?? evaluateReadiness(draft, thresholds, today).recommendation;
  return {
    id: row.id,
    episodeId: row.episode_id,
    patientId: episode.patientId,
    status: row.status,
    draft,
    typed: typedOf(row),
    note,
    episode,
    thresholds,
    decision,
    decisionOutdated: decision !== null && decision.recommended !== current,
    readiness,
    previousLefs: previousLefsOf(db, row, episode.patientId),
    signedAt: row.signed_at,
    signedBy: row.status === 'signed' ? note.signedBy : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function getIntake(db: Db, episodeId: number, today?: IsoDate): IntakeRecord | null {
  getEpisode(db, episodeId);
  const row = rowOf(db, episodeId);
  return row ? toRecord(db, row, today) : null;
}

/** Rewrites the draft note from the data, so the notes list shows what would be signed now. */
function refreshDraftNote(db: Db, clock: Clock, clinicianId: number, row: IntakeRow): void {
  const decision = decisionOf(row);
  const patientId = getEpisode(db, row.episode_id).patientId;
  const previousLefs = previousLefsOf(db, row, patientId);
  const content = composeIntakeNote({
    draft: draftOf(row),
    typed: typedOf(row),
    thresholds: clinicThresholds(db),
    today: clock.today(),
    ...(previousLefs ? { previousLefs } : {}),
    start: startText(decision),
  });
  writeDraftNote(db, clock, clinicianId, row.note_id, content);
}

/** Refuses any change to an intake that is signed, or whose episode is discharged. */
function assertChangeable(db: Db, row: IntakeRow, expectedVersion: number): void {
  if (row.status === 'signed') {
    const note = getNote(db, row.note_id);
    const by = note.signedBy ? ` by ${note.signedBy.name}` : '';
    throw new AppError(
      'locked',
      `This intake was signed${by} and cannot be changed. Add an addendum to its note to correct it or add to it.`,
    );
  }
  if (row.version !== expectedVersion) throw stale('This intake');
  if (getEpisode(db, row.episode_id).status === 'closed') {
    throw new AppError('conflict', 'This episode is discharged: reopen it before changing its intake.');
  }
}

function invalid(problems: readonly FieldProblem[], prefix: string, lead: string): AppError {
  const fields = problemsToFields(problems.map((p) => ({ path: `${prefix}${p.path}`, message: p.message })));
  const first = problems[0]?.message ?? '';
  const message = problems.length === 1 ? first : `${lead}: ${problems.length} entries need attention. ${first}`;
  return new AppError('invalid_request', message, fields);
}

/** Starts the intake of an episode, seeded from what the episode already records. */
export function startIntake(db: Db, clock: Clock, clinician: Clinician, episodeId: number): IntakeRecord {
  return db
    .transaction(() => {
      const existing = rowOf(db, episodeId);
      if (existing) return toRecord(db, existing, clock.today());
      const episode = getEpisode(db, episodeId);
      if (episode.status === 'closed') {
        throw new AppError('conflict', 'This episode is discharged: reopen it before starting its intake.');
      }
      if (getPatient(db, episode.patientId).archived) {
        throw new AppError('conflict', 'This patient is archived: bring them back from the archive first.');
      }
      const draft: IntakeDraft = {
        episode: {
          region: episode.region,
          side: episode.side,
          diagnosis: episode.diagnosis,
          ...(episode.diagnosisDetail === '' ? {} : { diagnosisDetail: episode.diagnosisDetail }),
          ...(episode.onsetDate === null ? {} : { onsetDate: episode.onsetDate }),
        },
      };
      const noteId = insertDraftNote(db, clock, clinician.id, episodeId, 'intake', clock.today(), EMPTY_TYPED);
      const now = clock.now().toISOString();
      db.prepare(
        `INSERT INTO intakes (episode_id, note_id, draft_json, typed_json, status, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
      ).run(
        episodeId,
        noteId,
        JSON.stringify(draft),
        JSON.stringify(EMPTY_TYPED),
        now,
        clinician.id,
        now,
        clinician.id,
      );
      const row = requireRow(db, episodeId);
      refreshDraftNote(db, clock, clinician.id, row);
      appendAudit(db, clock, {
        clinicianId: clinician.id,
        action: 'create',
        entity: 'intake',
        entityId: row.id,
        patientId: episode.patientId,
        summary: `Started the intake of ${episode.title}`,
        after: { draft, noteId },
      });
      return toRecord(db, row, clock.today());
    })
    .immediate();
}

/** Saves the draft and the clinician's words; an unchanged save writes nothing. */
export function saveIntakeDraft(db: Db, clock: Clock, clinician: Clinician, req: IntakeSave): IntakeRecord {
  const parsed = parseIntakeDraft(req.draft, clock.today());
  if (!parsed.ok) throw invalid(parsed.problems, 'draft.', 'The intake was not saved');
  const draft = parsed.value;
  return db
    .transaction(() => {
      const row = requireRow(db, req.episodeId);
      assertChangeable(db, row, req.expectedVersion);
      const before = { draft: draftOf(row), typed: typedOf(row) };
      const after = { draft, typed: req.typed };
      const changes = jsonChanges(before, after);
      if (changes.length === 0) return toRecord(db, row, clock.today());
      const episode = updateEpisodeDetails(db, clock, clinician.id, row.episode_id, draft.episode ?? {});
      db.prepare(
        `UPDATE intakes SET draft_json = ?, typed_json = ?, updated_at = ?, updated_by = ?, version = version + 1
         WHERE id = ?`,
      ).run(canonicalJson(draft), canonicalJson(req.typed), clock.now().toISOString(), clinician.id, row.id);
      const saved = requireRow(db, req.episodeId);
      refreshDraftNote(db, clock, clinician.id, saved);
      const shown = changes
        .slice(0, 3)
        .map((c) => c.path)
        .join(', ');
      appendAudit(db, clock, {
        clinicianId: clinician.id,
        action: 'update',
        entity: 'intake',
        entityId: row.id,
        patientId: episode.patientId,
        summary: `Saved the intake draft of ${episode.title}: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'} (${shown}${changes.length > 3 ? ', …' : ''})`,
        ...auditDiff(changes),
      });
      return toRecord(db, saved, clock.today());
    })
    .immediate();
}

/** Records the starting point: the recommended one, or another with a reason (an override). */
export function chooseStartingPoint(db: Db, clock: Clock, clinician: Clinician, req: IntakeChooseStart): IntakeRecord {
  return db
    .transaction(() => {
      const row = requireRow(db, req.episodeId);
      assertChangeable(db, row, req.expectedVersion);
      const recommendation = evaluateReadiness(draftOf(row), clinicThresholds(db), clock.today()).recommendation;
      const problems = checkStartingChoice(recommendation, req.choice, req.reason);
      if (problems.length > 0) throw invalid(problems, '', 'The starting point was not recorded');
      const accepted = sameStartingPoint(recommendedStartingPoint(recommendation), req.choice);
      const previous = decisionOf(row);
      const now = clock.now().toISOString();
      const signer = signerOf(clinician);
      db.prepare(
        `UPDATE intakes SET start_stage = @stage, start_level = @level, start_recommended = @recommendation,
           start_reason = @reason, start_decided_at = @now, start_decided_by = @clinicianId,
           start_decider_name = @name, start_decider_profession = @profession,
           start_decider_registration = @registrationNumber,
           updated_at = @now, updated_by = @clinicianId, version = version + 1
         WHERE id = @id`,
      ).run({
        stage: req.choice.stage,
        level: req.choice.stage === 'running' ? req.choice.level : null,
        recommendation,
        reason: req.reason,
        now,
        ...signer,
        id: row.id,
      });
      const saved = requireRow(db, req.episodeId);
      refreshDraftNote(db, clock, clinician.id, saved);
      const episode = getEpisode(db, row.episode_id);
      const chosen = describeStartingPoint(req.choice).toLowerCase();
      appendAudit(db, clock, {
        clinicianId: clinician.id,
        action: accepted ? 'accept_readiness' : 'override_readiness',
        entity: 'intake',
        entityId: row.id,
        patientId: episode.patientId,
        summary: accepted
          ? `Accepted the recommended starting point (${chosen}) for ${episode.title}`
          : `Chose ${chosen} instead of the recommended ${describeStartingPoint(recommendedStartingPoint(recommendation)).toLowerCase()} for ${episode.title}`,
        before:
          previous === null
            ? null
            : { recommended: previous.recommended, choice: previous.choice, reason: previous.reason },
        after: { recommended: recommendation, choice: req.choice, reason: req.reason },
      });
      return toRecord(db, saved, clock.today());
    })
    .immediate();
}

/** Signs the intake and its note as the signed-in clinician; stores the readiness result. */
export function signIntake(db: Db, clock: Clock, clinician: Clinician, req: IntakeSign): IntakeRecord {
  return db
    .transaction(() => {
      const row = requireRow(db, req.episodeId);
      assertChangeable(db, row, req.expectedVersion);
      const draft = draftOf(row);
      const check = checkIntakeForSigning(draft, clock.today());
      const problems: FieldProblem[] = check.problems.map((p) => ({ path: `draft.${p.path}`, message: p.message }));
      const thresholds = clinicThresholds(db);
      const readiness = evaluateReadiness(draft, thresholds, clock.today());
      const decision = decisionOf(row);
      if (decision === null) {
        problems.push({
          path: 'startingPoint',
          message: 'Choose the starting point: accept the recommendation or pick another, then sign.',
        });
      } else if (decision.recommended !== readiness.recommendation) {
        problems.push({
          path: 'startingPoint',
          message: `The readiness result changed since the starting point was chosen: it now recommends ${describeStartingPoint(recommendedStartingPoint(readiness.recommendation)).toLowerCase()}. Choose the starting point again.`,
        });
      }
      if (problems.length > 0) throw invalid(problems, '', 'The intake cannot be signed yet');

      const patientId = getEpisode(db, row.episode_id).patientId;
      const previousLefs = previousLefsOf(db, row, patientId);
      const content = composeIntakeNote({
        draft,
        typed: typedOf(row),
        thresholds,
        today: clock.today(),
        ...(previousLefs ? { previousLefs } : {}),
        start: startText(decision),
      });
      const note = signDraftNote(db, clock, clinician, row.note_id, content);
      const stored: StoredReadiness = { ...readiness, thresholds: { ...readiness.thresholds } };
      db.prepare(
        `UPDATE intakes SET status = 'signed', readiness_json = ?, signed_at = ?, signed_by = ?, updated_at = ?,
           updated_by = ?, version = version + 1 WHERE id = ? AND status = 'draft'`,
      ).run(canonicalJson(stored), note.signedAt, clinician.id, note.signedAt, clinician.id, row.id);
      const episode = getEpisode(db, row.episode_id);
      appendAudit(db, clock, {
        clinicianId: clinician.id,
        action: 'sign',
        entity: 'intake',
        entityId: row.id,
        patientId: episode.patientId,
        summary: `Signed the intake of ${episode.title}: ${RECOMMENDATION_LABELS[readiness.recommendation]}`,
        after: {
          noteId: note.id,
          recommendation: readiness.recommendation,
          unmet: readiness.unmet,
          untested: readiness.untested,
          thresholds: readiness.thresholds,
          startingPoint: decision?.choice ?? null,
        },
      });
      return toRecord(db, requireRow(db, req.episodeId), clock.today());
    })
    .immediate();
}

/**
 * The starting point of an episode for the running programme (see `programmeLevelFor` in
 * shared/clinical/intake/starting-point.ts to map it to a programme's level). `final` is true once
 * the intake is signed; before that the choice may still change.
 */
export function startingPointOf(db: Db, episodeId: number): StartingPointRecord | null {
  getEpisode(db, episodeId);
  const row = rowOf(db, episodeId);
  if (!row) return null;
  const decision = decisionOf(row);
  if (!decision) return null;
  return {
    episodeId,
    intakeId: row.id,
    choice: decision.choice,
    recommended: decision.recommended,
    accepted: decision.accepted,
    reason: decision.reason,
    final: row.status === 'signed',
    decidedAt: decision.decidedAt,
  };
}
