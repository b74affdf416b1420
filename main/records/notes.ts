/**
 * Clinical notes (SOAP, one per visit) and their addenda.
 *
 * A note is a draft until a clinician signs it; signing records who (the signed-in clinician,
 * named as on the day) and when, and a SHA-256 of the signed content. A signed note never changes:
 * this module refuses with 'locked', and the database's triggers abort any UPDATE or DELETE of a
 * signed note anyway. Corrections and additions are addenda, each signed when written, append-only.
 *
 * The intake's note is written from the intake (records/intakes.ts) and signed with it; the
 * channels for visit notes refuse to change or sign it on their own.
 */
import { createHash } from 'node:crypto';
import { positiveRedFlags } from '../../shared/clinical/intake/note-text';
import { IntakeDraft } from '../../shared/clinical/intake/intake';
import type { SoapNote } from '../../shared/clinical/intake/soap';
import type {
  AddendumInput,
  ClinicalNote,
  NoteAddendum,
  NoteCreate,
  NoteHeader,
  NoteKind,
  NoteSign,
  NoteStatus,
  NoteUpdate,
  Signer,
} from '../../shared/domain/notes';
import { hasContent } from '../../shared/domain/notes';
import type { Clinician } from '../../shared/domain/settings';
import { formatDate } from '../../shared/time/dates';
import { appendAudit } from '../audit/audit-log';
import { canonicalJson } from '../../shared/text/canonical-json';
import { auditDiff, jsonChanges } from '../audit/json-diff';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { AppError, notFound, stale } from '../util/errors';
import { readSettings } from './clinic';
import { getEpisode } from './episodes';
import { readJsonColumn } from '../db/json-column';

interface NoteRow {
  id: number;
  episode_id: number;
  patient_id: number;
  kind: NoteKind;
  visit_date: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  status: NoteStatus;
  signed_at: string | null;
  signed_by: number | null;
  signer_name: string | null;
  signer_profession: string | null;
  signer_registration: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

interface AddendumRow {
  id: number;
  note_id: number;
  text: string;
  signed_at: string;
  signed_by: number;
  signer_name: string;
  signer_profession: string;
  signer_registration: string;
}

const NOTE_COLUMNS = `n.id, n.episode_id, e.patient_id, n.kind, n.visit_date, n.subjective, n.objective, n.assessment,
  n.plan, n.status, n.signed_at, n.signed_by, n.signer_name, n.signer_profession, n.signer_registration,
  n.created_at, n.updated_at, n.version`;

export function signerOf(clinician: Clinician): Signer {
  return {
    clinicianId: clinician.id,
    name: clinician.name,
    profession: clinician.profession,
    registrationNumber: clinician.registrationNumber,
  };
}

function addendaOf(db: Db, noteIds: readonly number[]): Map<number, NoteAddendum[]> {
  const byNote = new Map<number, NoteAddendum[]>();
  if (noteIds.length === 0) return byNote;
  const rows = db
    .prepare<unknown[], AddendumRow>(
      `SELECT id, note_id, text, signed_at, signed_by, signer_name, signer_profession, signer_registration
       FROM note_addenda WHERE note_id IN (SELECT value FROM json_each(?)) ORDER BY note_id, id`,
    )
    .all(JSON.stringify(noteIds));
  for (const r of rows) {
    const list = byNote.get(r.note_id) ?? [];
    list.push({
      id: r.id,
      noteId: r.note_id,
      text: r.text,
      signedAt: r.signed_at,
      signedBy: {
        clinicianId: r.signed_by,
        name: r.signer_name,
        profession: r.signer_profession,
        registrationNumber: r.signer_registration,
      },
    });
    byNote.set(r.note_id, list);
  }
  return byNote;
}

/** Positive red flags of the intake behind an intake note: shown above the note everywhere. */
function alertsOf(db: Db, row: NoteRow): string[] {
  if (row.kind !== 'intake') return [];
  const intake = db
    .prepare<unknown[], { draft_json: string }>('SELECT draft_json FROM intakes WHERE note_id = ?')
    .get(row.id);
  return intake ? positiveRedFlags(readJsonColumn(IntakeDraft, intake.draft_json, 'The intake behind this note')) : [];
}

function toNote(db: Db, row: NoteRow, addenda: NoteAddendum[]): ClinicalNote {
  const signedBy: Signer | null =
    row.signed_by === null
      ? null
      : {
          clinicianId: row.signed_by,
          name: row.signer_name ?? '',
          profession: row.signer_profession ?? '',
          registrationNumber: row.signer_registration ?? '',
        };
  return {
    id: row.id,
    episodeId: row.episode_id,
    patientId: row.patient_id,
    kind: row.kind,
    visitDate: row.visit_date,
    status: row.status,
    subjective: row.subjective,
    objective: row.objective,
    assessment: row.assessment,
    plan: row.plan,
    signedAt: row.signed_at,
    signedBy,
    alerts: alertsOf(db, row),
    addenda,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function getNote(db: Db, id: number): ClinicalNote {
  const row = db
    .prepare<unknown[], NoteRow>(
      `SELECT ${NOTE_COLUMNS} FROM clinical_notes n JOIN episodes e ON e.id = n.episode_id WHERE n.id = ?`,
    )
    .get(id);
  if (!row) throw notFound('This note');
  return toNote(db, row, addendaOf(db, [row.id]).get(row.id) ?? []);
}

/** An episode's notes, oldest visit first, each with its addenda. */
export function listNotes(db: Db, episodeId: number): ClinicalNote[] {
  getEpisode(db, episodeId);
  const rows = db
    .prepare<unknown[], NoteRow>(
      `SELECT ${NOTE_COLUMNS} FROM clinical_notes n JOIN episodes e ON e.id = n.episode_id
       WHERE n.episode_id = ? ORDER BY n.visit_date, n.id`,
    )
    .all(episodeId);
  const addenda = addendaOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toNote(db, r, addenda.get(r.id) ?? []));
}

/** Every note of a patient, one line each, newest visit first. */
export function noteHistory(db: Db, patientId: number): NoteHeader[] {
  const rows = db
    .prepare<
      unknown[],
      {
        id: number;
        episode_id: number;
        kind: NoteKind;
        visit_date: string;
        status: NoteStatus;
        signed_at: string | null;
        signer_name: string | null;
        addendum_count: number;
      }
    >(
      `SELECT n.id, n.episode_id, n.kind, n.visit_date, n.status, n.signed_at, n.signer_name,
              (SELECT count(*) FROM note_addenda a WHERE a.note_id = n.id) AS addendum_count
       FROM clinical_notes n JOIN episodes e ON e.id = n.episode_id
       WHERE e.patient_id = ? ORDER BY n.visit_date DESC, n.id DESC`,
    )
    .all(patientId);
  return rows.map((r) => ({
    id: r.id,
    episodeId: r.episode_id,
    kind: r.kind,
    visitDate: r.visit_date,
    status: r.status,
    signedAt: r.signed_at,
    signerName: r.signer_name,
    addendumCount: r.addendum_count,
  }));
}

/** "2026-11-27 10:42" in the clinic's date format, for messages. */
function when(db: Db, iso: string): string {
  const d = new Date(iso);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const format = readSettings(db)?.dateFormat;
  return `${format ? formatDate(date, format) : date} at ${time}`;
}

/** The error for any change to a signed note. */
export function noteLocked(db: Db, note: Pick<ClinicalNote, 'signedAt' | 'signedBy'>): AppError {
  const by = note.signedBy ? ` by ${note.signedBy.name}` : '';
  const at = note.signedAt ? ` on ${when(db, note.signedAt)}` : '';
  return new AppError(
    'locked',
    `This note was signed${by}${at} and cannot be changed. Add an addendum to correct it or add to it.`,
  );
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** Inserts a draft note; used for visit notes and by the intake. The caller audits. */
export function insertDraftNote(
  db: Db,
  clock: Clock,
  clinicianId: number,
  episodeId: number,
  kind: NoteKind,
  visitDate: string,
  content: SoapNote,
): number {
  const now = clock.now().toISOString();
  const info = db
    .prepare(
      `INSERT INTO clinical_notes (episode_id, kind, visit_date, subjective, objective, assessment, plan, status,
         created_at, created_by, updated_at, updated_by)
       VALUES (@episodeId, @kind, @visitDate, @subjective, @objective, @assessment, @plan, 'draft', @now, @clinicianId, @now, @clinicianId)`,
    )
    .run({ episodeId, kind, visitDate, ...content, now, clinicianId });
  return Number(info.lastInsertRowid);
}

/**
 * Rewrites a draft note's content (and visit date). Refuses a signed note. Returns false when
 * nothing differs, so an unchanged autosave leaves no trace. The caller checks versions and audits.
 */
export function writeDraftNote(
  db: Db,
  clock: Clock,
  clinicianId: number,
  id: number,
  content: SoapNote,
  visitDate?: string,
): boolean {
  const before = getNote(db, id);
  if (before.status === 'signed') throw noteLocked(db, before);
  const date = visitDate ?? before.visitDate;
  const same =
    date === before.visitDate &&
    content.subjective === before.subjective &&
    content.objective === before.objective &&
    content.assessment === before.assessment &&
    content.plan === before.plan;
  if (same) return false;
  db.prepare(
    `UPDATE clinical_notes SET visit_date = @date, subjective = @subjective, objective = @objective,
       assessment = @assessment, plan = @plan, updated_at = @now, updated_by = @clinicianId, version = version + 1
     WHERE id = @id AND status = 'draft'`,
  ).run({ ...content, date, now: clock.now().toISOString(), clinicianId, id });
  return true;
}

/**
 * Signs a draft note with `content` as its final text: who (the signed-in clinician, as named
 * today), when, and the SHA-256 of what was signed. Audited. Runs in the caller's transaction.
 */
export function signDraftNote(db: Db, clock: Clock, clinician: Clinician, id: number, content: SoapNote): ClinicalNote {
  const before = getNote(db, id);
  if (before.status === 'signed') throw noteLocked(db, before);
  const signedAt = clock.now().toISOString();
  const signer = signerOf(clinician);
  const contentHash = hashOf({
    noteId: id,
    episodeId: before.episodeId,
    kind: before.kind,
    visitDate: before.visitDate,
    ...content,
    signedAt,
    signedBy: signer,
  });
  db.prepare(
    `UPDATE clinical_notes SET subjective = @subjective, objective = @objective, assessment = @assessment, plan = @plan,
       status = 'signed', signed_at = @signedAt, signed_by = @clinicianId, signer_name = @name,
       signer_profession = @profession, signer_registration = @registrationNumber, content_hash = @contentHash,
       updated_at = @signedAt, updated_by = @clinicianId, version = version + 1
     WHERE id = @id AND status = 'draft'`,
  ).run({ ...content, signedAt, ...signer, contentHash, id });
  const after = getNote(db, id);
  appendAudit(db, clock, {
    clinicianId: clinician.id,
    action: 'sign',
    entity: 'note',
    entityId: id,
    patientId: after.patientId,
    summary: `Signed the ${after.kind} note of ${after.visitDate}`,
    after: { contentHash, signedAt, signedBy: signer },
  });
  return after;
}

/** The SHA-256 stored when the note was signed, and the one its content gives now. */
export function signedNoteHashes(db: Db, id: number): { stored: string; computed: string } | null {
  const row = db
    .prepare<unknown[], { content_hash: string | null }>('SELECT content_hash FROM clinical_notes WHERE id = ?')
    .get(id);
  const note = getNote(db, id);
  if (!row?.content_hash || note.status !== 'signed' || !note.signedAt || !note.signedBy) return null;
  const computed = hashOf({
    noteId: id,
    episodeId: note.episodeId,
    kind: note.kind,
    visitDate: note.visitDate,
    subjective: note.subjective,
    objective: note.objective,
    assessment: note.assessment,
    plan: note.plan,
    signedAt: note.signedAt,
    signedBy: note.signedBy,
  });
  return { stored: row.content_hash, computed };
}

function checkVisitDate(clock: Clock, visitDate: string): void {
  if (visitDate > clock.today()) {
    const message = `Visit date ${visitDate} is after today: enter the day of the visit.`;
    throw new AppError('invalid_request', message, { visitDate: message });
  }
}

const EMPTY_NOTE: SoapNote = { subjective: '', objective: '', assessment: '', plan: '' };

export function createVisitNote(db: Db, clock: Clock, clinician: Clinician, req: NoteCreate): ClinicalNote {
  checkVisitDate(clock, req.visitDate);
  return db
    .transaction(() => {
      const episode = getEpisode(db, req.episodeId);
      if (episode.status === 'closed') {
        throw new AppError('conflict', 'This episode is discharged: reopen it before writing a new visit note.');
      }
      const id = insertDraftNote(db, clock, clinician.id, episode.id, 'visit', req.visitDate, EMPTY_NOTE);
      appendAudit(db, clock, {
        clinicianId: clinician.id,
        action: 'create',
        entity: 'note',
        entityId: id,
        patientId: episode.patientId,
        summary: `Started a visit note for ${req.visitDate} (${episode.title})`,
        after: { episodeId: episode.id, kind: 'visit', visitDate: req.visitDate },
      });
      return getNote(db, id);
    })
    .immediate();
}

function requireVisitNote(db: Db, id: number, action: string): ClinicalNote {
  const note = getNote(db, id);
  if (note.status === 'signed') throw noteLocked(db, note);
  if (note.kind === 'intake') {
    throw new AppError(
      'conflict',
      `This is the intake's note: ${action} it on the intake page, where it is written from the recorded data.`,
    );
  }
  return note;
}

export function updateVisitNote(db: Db, clock: Clock, clinician: Clinician, req: NoteUpdate): ClinicalNote {
  checkVisitDate(clock, req.visitDate);
  return db
    .transaction(() => {
      const before = requireVisitNote(db, req.id, 'change');
      if (before.version !== req.expectedVersion) throw stale('This note');
      const beforeContent = { visitDate: before.visitDate, ...pickContent(before) };
      if (!writeDraftNote(db, clock, clinician.id, req.id, req.content, req.visitDate)) return before;
      const after = getNote(db, req.id);
      const diff = auditDiff(jsonChanges(beforeContent, { visitDate: after.visitDate, ...pickContent(after) }));
      appendAudit(db, clock, {
        clinicianId: clinician.id,
        action: 'update',
        entity: 'note',
        entityId: req.id,
        patientId: after.patientId,
        summary: `Changed the draft visit note of ${after.visitDate}: ${Object.keys(diff.after).join(', ')}`,
        ...diff,
      });
      return after;
    })
    .immediate();
}

export function pickContent(note: SoapNote): SoapNote {
  return { subjective: note.subjective, objective: note.objective, assessment: note.assessment, plan: note.plan };
}

export function signVisitNote(db: Db, clock: Clock, clinician: Clinician, req: NoteSign): ClinicalNote {
  return db
    .transaction(() => {
      const before = requireVisitNote(db, req.id, 'sign');
      if (before.version !== req.expectedVersion) throw stale('This note');
      if (!hasContent(before)) {
        const message = 'The note is empty: write at least one section before signing.';
        throw new AppError('invalid_request', message, { content: message });
      }
      return signDraftNote(db, clock, clinician, req.id, pickContent(before));
    })
    .immediate();
}

export function addAddendum(db: Db, clock: Clock, clinician: Clinician, req: AddendumInput): ClinicalNote {
  return db
    .transaction(() => {
      const note = getNote(db, req.noteId);
      if (note.status !== 'signed') {
        throw new AppError(
          'conflict',
          'This note is still a draft: change it directly. Addenda are for notes that are already signed.',
        );
      }
      const signedAt = clock.now().toISOString();
      const signer = signerOf(clinician);
      const contentHash = hashOf({ noteId: note.id, text: req.text, signedAt, signedBy: signer });
      const info = db
        .prepare(
          `INSERT INTO note_addenda (note_id, text, signed_at, signed_by, signer_name, signer_profession,
             signer_registration, content_hash)
           VALUES (@noteId, @text, @signedAt, @clinicianId, @name, @profession, @registrationNumber, @contentHash)`,
        )
        .run({ noteId: note.id, text: req.text, signedAt, ...signer, contentHash });
      appendAudit(db, clock, {
        clinicianId: clinician.id,
        action: 'addendum',
        entity: 'note',
        entityId: note.id,
        patientId: note.patientId,
        summary: `Added a signed addendum to the ${note.kind} note of ${note.visitDate}`,
        after: { addendumId: Number(info.lastInsertRowid), text: req.text, contentHash },
      });
      return getNote(db, note.id);
    })
    .immediate();
}
