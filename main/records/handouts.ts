/**
 * Handouts given to patients: issue one (make the PDF from the records and record it as given),
 * list them, and make a given handout again from its stored data.
 *
 * A handout is "given" when it is made: printing, saving and opening it are separate steps that
 * can fail (no printer, full disk) without changing that record; they are audited on their own.
 * The row keeps the data the PDF was made from and the PDF's SHA-256, never the PDF: a reprint
 * makes the file again and the hash shows whether it is byte for byte the one given. Uploaded
 * pictures are referred to by SHA-256 and read back from exercise_images.
 */
import { createHash } from 'node:crypto';
import { levelBreakdown } from '../../shared/clinical/describe-level';
import type { HandoutPdf, HandoutRecord } from '../../shared/domain/handout';
import { handoutFileName } from '../../shared/handout/file-name';
import type { HandoutData, HandoutImage } from '../../shared/handout/handout-data';
import { HANDOUT_DATA_FORMAT, HandoutSnapshot, snapshotOf } from '../../shared/handout/handout-data';
import { levelName } from '../../shared/handout/wording';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { HANDOUT_LAYOUT_VERSION, renderHandout } from '../pdf/render-handout';
import type { Clock } from '../util/clock';
import { AppError, notFound } from '../util/errors';
import { collectHandoutData } from './handout-data';
import { JsonNames, readJsonColumn } from '../db/json-column';

interface HandoutRow {
  id: number;
  patient_id: number;
  episode_id: number;
  issued_on: string;
  issued_at: string;
  clinician_name: string;
  level_summary: string;
  exercise_names_json: string;
  page_count: number;
  paper_size: 'A4' | 'Letter';
  pdf_sha256: string;
  given_name: string;
  family_name: string;
}

const SELECT = `SELECT h.id, h.patient_id, h.episode_id, h.issued_on, h.issued_at, c.name AS clinician_name,
  h.level_summary, h.exercise_names_json, h.page_count, h.paper_size, h.pdf_sha256, p.given_name, p.family_name
  FROM handouts h JOIN clinicians c ON c.id = h.clinician_id JOIN patients p ON p.id = h.patient_id`;

function toRecord(r: HandoutRow): HandoutRecord {
  return {
    id: r.id,
    patientId: r.patient_id,
    episodeId: r.episode_id,
    issuedOn: r.issued_on,
    issuedAt: r.issued_at,
    clinicianName: r.clinician_name,
    levelSummary: r.level_summary,
    exerciseNames: readJsonColumn(
      JsonNames,
      r.exercise_names_json,
      `The exercise list of the handout issued on ${r.issued_on}`,
    ),
    pageCount: r.page_count,
    paperSize: r.paper_size,
    sha256: r.pdf_sha256,
    fileName: handoutFileName(r.issued_on, { givenName: r.given_name, familyName: r.family_name }),
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Pages in a PDF written by pdfkit (its page tree's count, in the uncompressed object text). */
export function pdfPageCount(pdf: Buffer): number {
  const m = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'));
  if (!m) throw new Error('The handout PDF has no page count.');
  return Number(m[1]);
}

/** "Level 6 of 15 (week 2)" for the history list, or empty without a running plan. */
export function levelSummaryOf(data: HandoutData): string {
  return data.running ? levelName(levelBreakdown(data.running.currentLevel, data.units), data.running.levelCount) : '';
}

/** What the handout leaves out, for the clinician to see before giving it. */
export function handoutNotes(data: HandoutData): string[] {
  const notes: string[] = [];
  if (!data.running) notes.push('No running plan yet: the handout says running is not in the plan yet.');
  if (data.exercises.length === 0) {
    notes.push('No home exercises in the current programme: the handout has no exercise pages.');
  }
  if (data.nextVisit === null) {
    notes.push(
      'No next visit is booked: the plan covers two weeks and tells the patient to call before it ends to book one.',
    );
  }
  if (data.clinic.phone.trim() === '') {
    notes.push('The clinic has no phone number in Settings, so "Stop and call us" names the clinic without one.');
  }
  return notes;
}

export function getHandout(db: Db, id: number): HandoutRecord {
  const row = db.prepare<unknown[], HandoutRow>(`${SELECT} WHERE h.id = ?`).get(id);
  if (!row) throw notFound('This handout');
  return toRecord(row);
}

export function listHandoutsOfEpisode(db: Db, episodeId: number): HandoutRecord[] {
  const rows = db.prepare<unknown[], HandoutRow>(`${SELECT} WHERE h.episode_id = ? ORDER BY h.id DESC`).all(episodeId);
  return rows.map(toRecord);
}

export function listHandoutsOfPatient(db: Db, patientId: number): HandoutRecord[] {
  const rows = db.prepare<unknown[], HandoutRow>(`${SELECT} WHERE h.patient_id = ? ORDER BY h.id DESC`).all(patientId);
  return rows.map(toRecord);
}

/**
 * Uploaded pictures are kept in exercise_images (never changed or deleted), which is where a
 * reprint finds them again: a handout may only use pictures stored there, byte for byte.
 */
function checkImagesStored(db: Db, images: readonly HandoutImage[]): void {
  for (const image of images) {
    const bytes = Buffer.from(image.base64, 'base64');
    const stored = db.prepare('SELECT 1 FROM exercise_images WHERE sha256 = ?').get(image.id);
    if (sha256(bytes) !== image.id || !stored) {
      throw new AppError('invalid_request', 'An exercise picture is not in the records. Upload the picture again.');
    }
  }
}

/** Makes the episode's handout from the records as they are on the clock's today, and records it as given. */
export async function issueHandout(db: Db, clock: Clock, clinicianId: number, episodeId: number): Promise<HandoutPdf> {
  const archived = db
    .prepare<unknown[], { archived_at: string | null }>(
      'SELECT p.archived_at FROM episodes e JOIN patients p ON p.id = e.patient_id WHERE e.id = ?',
    )
    .get(episodeId);
  if (archived?.archived_at) {
    throw new AppError(
      'conflict',
      'This patient is archived. Bring them back from the archive before giving a handout.',
    );
  }
  return recordHandout(
    db,
    clock,
    clinicianId,
    episodeId,
    collectHandoutData(db, episodeId, clinicianId, clock.today()),
  );
}

/** Makes the PDF from `data` and records it as given for the episode (with its pictures), in one transaction. */
export async function recordHandout(
  db: Db,
  clock: Clock,
  clinicianId: number,
  episodeId: number,
  data: HandoutData,
): Promise<HandoutPdf> {
  const pdf = await renderHandout(data);
  const hash = sha256(pdf);
  const pages = pdfPageCount(pdf);
  const episode = db
    .prepare<unknown[], { patient_id: number }>('SELECT patient_id FROM episodes WHERE id = ?')
    .get(episodeId);
  if (!episode) throw notFound('This episode of care');
  const exerciseNames = data.exercises.map((e) => e.name);
  const levelSummary = levelSummaryOf(data);
  const record = db
    .transaction(() => {
      checkImagesStored(db, data.images);
      const info = db
        .prepare(
          `INSERT INTO handouts (patient_id, episode_id, clinician_id, issued_on, issued_at, data_json, data_format, layout_version,
             pdf_sha256, pdf_bytes, page_count, paper_size, level_summary, exercise_names_json)
           VALUES (@patientId, @episodeId, @clinicianId, @issuedOn, @issuedAt, @dataJson, @format, @layout,
             @hash, @bytes, @pages, @paperSize, @levelSummary, @exerciseNames)`,
        )
        .run({
          patientId: episode.patient_id,
          episodeId,
          clinicianId,
          issuedOn: data.issuedOn,
          issuedAt: clock.now().toISOString(),
          dataJson: JSON.stringify(snapshotOf(data)),
          format: HANDOUT_DATA_FORMAT,
          layout: HANDOUT_LAYOUT_VERSION,
          hash,
          bytes: pdf.length,
          pages,
          paperSize: data.paperSize,
          levelSummary,
          exerciseNames: JSON.stringify(exerciseNames),
        });
      const issued = getHandout(db, Number(info.lastInsertRowid));
      appendAudit(db, clock, {
        clinicianId,
        action: 'issue',
        entity: 'handout',
        entityId: issued.id,
        patientId: issued.patientId,
        summary: `Gave a handout (${pages} ${pages === 1 ? 'page' : 'pages'}${levelSummary ? `, ${levelSummary}` : ''}, ${exerciseNames.length} ${exerciseNames.length === 1 ? 'exercise' : 'exercises'})`,
        after: { episodeId, issuedOn: data.issuedOn, sha256: hash, pages, levelSummary, exerciseNames },
      });
      return issued;
    })
    .immediate();
  return { handout: record, pdfBase64: pdf.toString('base64'), identical: true, notes: handoutNotes(data) };
}

/** The data a given handout was made from, pictures included, as stored. */
export function storedHandoutData(db: Db, id: number): HandoutData {
  const row = db.prepare<unknown[], { data_json: string }>('SELECT data_json FROM handouts WHERE id = ?').get(id);
  if (!row) throw notFound('This handout');
  const parsed = HandoutSnapshot.safeParse(JSON.parse(row.data_json));
  if (!parsed.success) {
    throw new AppError(
      'internal',
      'This handout was stored in a form this version of the app cannot read, so it cannot be made again.',
    );
  }
  const snapshot = parsed.data;
  const ids = [
    ...new Set(snapshot.exercises.flatMap((e) => (e.illustration.kind === 'image' ? [e.illustration.imageId] : []))),
  ];
  const images = ids.map((imageId): HandoutImage => {
    const image = db
      .prepare<unknown[], { media_type: HandoutImage['mediaType']; data: Buffer }>(
        'SELECT media_type, data FROM exercise_images WHERE sha256 = ?',
      )
      .get(imageId);
    if (!image) throw new AppError('internal', 'A picture this handout used is missing from the records.');
    return { id: imageId, mediaType: image.media_type, base64: image.data.toString('base64') };
  });
  return { ...snapshot, images };
}

/** A given handout made again from its stored data; `identical` says whether the bytes match the original. */
export async function remakeHandout(
  db: Db,
  id: number,
): Promise<{ record: HandoutRecord; pdf: Buffer; identical: boolean }> {
  const record = getHandout(db, id);
  const pdf = await renderHandout(storedHandoutData(db, id));
  return { record, pdf, identical: sha256(pdf) === record.sha256 };
}

/** Reprint: the same handout again, audited. */
export async function reprintHandout(db: Db, clock: Clock, clinicianId: number, id: number): Promise<HandoutPdf> {
  const { record, pdf, identical } = await remakeHandout(db, id);
  db.transaction(() => {
    appendAudit(db, clock, {
      clinicianId,
      action: 'reprint',
      entity: 'handout',
      entityId: record.id,
      patientId: record.patientId,
      summary: identical
        ? `Reprinted the handout of ${record.issuedOn}`
        : `Reprinted the handout of ${record.issuedOn} (made again from its data; not byte for byte the original)`,
      after: { sha256: sha256(pdf), identical },
    });
  }).immediate();
  const notes = identical
    ? []
    : [
        'This copy is made from the same plan, but the app has changed since the handout was given: its layout may differ from the original.',
      ];
  return { handout: record, pdfBase64: pdf.toString('base64'), identical, notes };
}

/** Records what happened to a given handout's file: saved, printed, opened, or a failure of one of these. */
export function auditHandoutAction(
  db: Db,
  clock: Clock,
  clinicianId: number,
  record: HandoutRecord,
  action: 'save' | 'save_failed' | 'print' | 'print_failed' | 'open' | 'open_failed',
  detail: Record<string, string>,
): void {
  const what: Record<typeof action, string> = {
    save: 'Saved the handout',
    save_failed: 'Could not save the handout',
    print: 'Sent the handout to the print dialog',
    print_failed: 'Could not print the handout',
    open: 'Opened the handout in the PDF viewer',
    open_failed: 'Could not open the handout in the PDF viewer',
  };
  db.transaction(() => {
    appendAudit(db, clock, {
      clinicianId,
      action,
      entity: 'handout',
      entityId: record.id,
      patientId: record.patientId,
      summary: `${what[action]} of ${record.issuedOn}`,
      after: detail,
    });
  }).immediate();
}
