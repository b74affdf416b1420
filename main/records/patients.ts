/**
 * Patient records: create, read, edit, archive (never delete), and search.
 *
 * Search is accent-, case- and punctuation-insensitive: names and record numbers are folded
 * (shared/text/fold.ts) into `search_text`, indexed by an FTS5 table with prefix indexes, and
 * lists are ordered by a folded "family given" key with its own index.
 */
import type {
  Patient,
  PatientArchive,
  PatientInput,
  PatientSearch,
  PatientSearchPage,
  PatientSummary,
  PatientUpdate,
} from '../../shared/domain/patient';
import { patientDisplayName } from '../../shared/domain/patient';
import { foldText, foldWords } from '../../shared/text/fold';
import type { DateFormat } from '../../shared/time/dates';
import { parseTypedDate } from '../../shared/time/dates';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { AppError, notFound, stale } from '../util/errors';

interface PatientRow {
  id: number;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  sex: Patient['sex'];
  phone: string;
  email: string;
  record_number: string;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const PATIENT_COLUMNS =
  'id, given_name, family_name, date_of_birth, sex, phone, email, record_number, notes, archived_at, created_at, updated_at, version';
const SUMMARY_COLUMNS = 'p.id, p.given_name, p.family_name, p.date_of_birth, p.record_number, p.archived_at';

function toPatient(r: PatientRow): Patient {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    phone: r.phone,
    email: r.email,
    recordNumber: r.record_number,
    notes: r.notes,
    archived: r.archived_at !== null,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

type SummaryRow = Pick<
  PatientRow,
  'id' | 'given_name' | 'family_name' | 'date_of_birth' | 'record_number' | 'archived_at'
>;

function toSummary(r: SummaryRow): PatientSummary {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    recordNumber: r.record_number,
    archived: r.archived_at !== null,
  };
}

/** Record numbers are unique regardless of case and spacing ("sc 001" clashes with "SC  001"). */
export function recordNumberKey(recordNumber: string): string {
  return recordNumber.normalize('NFKC').trim().replace(/\s+/g, ' ').toUpperCase();
}

export function sortKeyOf(p: Pick<PatientInput, 'givenName' | 'familyName'>): string {
  return `${foldText(p.familyName)}\u0001${foldText(p.givenName)}`;
}

export function searchTextOf(p: Pick<PatientInput, 'givenName' | 'familyName' | 'recordNumber'>): string {
  const record = foldText(p.recordNumber);
  const compact = record.replace(/ /g, '');
  return [foldText(p.givenName), foldText(p.familyName), record, compact === record ? '' : compact]
    .filter((s) => s !== '')
    .join(' ');
}

/** Checks what a schema cannot: dates against today. Throws AppError naming the field. */
function checkAgainstToday(input: PatientInput, today: string): void {
  if (input.dateOfBirth > today) {
    throw new AppError('invalid_request', 'Date of birth is in the future.', {
      dateOfBirth: 'Date of birth cannot be after today.',
    });
  }
  if (input.dateOfBirth < '1900-01-01') {
    throw new AppError('invalid_request', 'Date of birth is before 1900.', {
      dateOfBirth: 'Date of birth must be 1900 or later: check the year.',
    });
  }
}

function assertRecordNumberFree(db: Db, recordNumber: string, exceptId: number | null): void {
  const clash = db
    .prepare('SELECT id, given_name, family_name FROM patients WHERE record_number_key = ? AND id IS NOT ?')
    .get(recordNumberKey(recordNumber), exceptId) as Pick<PatientRow, 'id' | 'given_name' | 'family_name'> | undefined;
  if (clash) {
    const message = `Record number ${recordNumber} is already used by ${clash.given_name} ${clash.family_name}. Each patient needs their own record number.`;
    throw new AppError('conflict', message, { recordNumber: message });
  }
}

export function getPatient(db: Db, id: number): Patient {
  const row = db.prepare(`SELECT ${PATIENT_COLUMNS} FROM patients WHERE id = ?`).get(id) as PatientRow | undefined;
  if (!row) throw notFound('This patient');
  return toPatient(row);
}

export function createPatient(db: Db, clock: Clock, clinicianId: number | null, input: PatientInput): Patient {
  checkAgainstToday(input, clock.today());
  return db
    .transaction(() => {
      assertRecordNumberFree(db, input.recordNumber, null);
      const now = clock.now().toISOString();
      const info = db
        .prepare(
          `INSERT INTO patients (given_name, family_name, date_of_birth, sex, phone, email, record_number, record_number_key,
           notes, sort_key, search_text, created_at, created_by, updated_at, updated_by)
         VALUES (@givenName, @familyName, @dateOfBirth, @sex, @phone, @email, @recordNumber, @recordNumberKey,
           @notes, @sortKey, @searchText, @now, @clinicianId, @now, @clinicianId)`,
        )
        .run({
          ...input,
          recordNumberKey: recordNumberKey(input.recordNumber),
          sortKey: sortKeyOf(input),
          searchText: searchTextOf(input),
          now,
          clinicianId,
        });
      const patient = getPatient(db, Number(info.lastInsertRowid));
      appendAudit(db, clock, {
        clinicianId,
        action: 'create',
        entity: 'patient',
        entityId: patient.id,
        patientId: patient.id,
        summary: `Created patient ${patientDisplayName(patient)} (${patient.recordNumber})`,
        after: input,
      });
      return patient;
    })
    .immediate();
}

/** The fields that differ, as { field: [before, after] }, for the audit trail. */
function changedFields(before: PatientInput, after: PatientInput): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof PatientInput)[]) {
    if (before[key] !== after[key]) out[key] = [before[key], after[key]];
  }
  return out;
}

function inputOf(p: Patient): PatientInput {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    phone: p.phone,
    email: p.email,
    recordNumber: p.recordNumber,
    notes: p.notes,
  };
}

export function updatePatient(db: Db, clock: Clock, clinicianId: number | null, req: PatientUpdate): Patient {
  checkAgainstToday(req.changes, clock.today());
  return db
    .transaction(() => {
      const before = getPatient(db, req.id);
      if (before.version !== req.expectedVersion) throw stale('This patient');
      const diff = changedFields(inputOf(before), req.changes);
      if (Object.keys(diff).length === 0) return before;
      assertRecordNumberFree(db, req.changes.recordNumber, req.id);
      db.prepare(
        `UPDATE patients SET given_name = @givenName, family_name = @familyName, date_of_birth = @dateOfBirth, sex = @sex,
         phone = @phone, email = @email, record_number = @recordNumber, record_number_key = @recordNumberKey, notes = @notes,
         sort_key = @sortKey, search_text = @searchText, updated_at = @now, updated_by = @clinicianId, version = version + 1
       WHERE id = @id`,
      ).run({
        ...req.changes,
        id: req.id,
        recordNumberKey: recordNumberKey(req.changes.recordNumber),
        sortKey: sortKeyOf(req.changes),
        searchText: searchTextOf(req.changes),
        now: clock.now().toISOString(),
        clinicianId,
      });
      const after = getPatient(db, req.id);
      appendAudit(db, clock, {
        clinicianId,
        action: 'update',
        entity: 'patient',
        entityId: req.id,
        patientId: req.id,
        summary: `Edited ${Object.keys(diff).join(', ')} of ${patientDisplayName(after)}`,
        before: Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v[0]])),
        after: Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v[1]])),
      });
      return after;
    })
    .immediate();
}

export function setPatientArchived(db: Db, clock: Clock, clinicianId: number | null, req: PatientArchive): Patient {
  return db
    .transaction(() => {
      const before = getPatient(db, req.id);
      if (before.version !== req.expectedVersion) throw stale('This patient');
      if (before.archived === req.archived) return before;
      const now = clock.now().toISOString();
      db.prepare(
        'UPDATE patients SET archived_at = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
      ).run(req.archived ? now : null, now, clinicianId, req.id);
      const after = getPatient(db, req.id);
      appendAudit(db, clock, {
        clinicianId,
        action: req.archived ? 'archive' : 'restore',
        entity: 'patient',
        entityId: req.id,
        patientId: req.id,
        summary: `${req.archived ? 'Archived' : 'Brought back from the archive'} ${patientDisplayName(after)}${req.reason ? `: ${req.reason}` : ''}`,
        before: { archivedAt: before.archivedAt },
        after: { archivedAt: after.archivedAt, reason: req.reason },
      });
      return after;
    })
    .immediate();
}

const MAX_SEARCH_WORDS = 6;

/** Search by name, record number or date of birth, one page at a time, in family-name order. */
export function searchPatients(db: Db, req: PatientSearch, dateFormat: DateFormat): PatientSearchPage {
  const archivedFilter = req.includeArchived ? '' : 'AND p.archived_at IS NULL';
  const query = req.query.trim();
  const page = { limit: req.limit, offset: req.offset };

  if (query === '') {
    const total = (db.prepare(`SELECT count(*) AS n FROM patients p WHERE 1 ${archivedFilter}`).get() as { n: number })
      .n;
    const rows = db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE 1 ${archivedFilter} ORDER BY p.sort_key, p.id LIMIT @limit OFFSET @offset`,
      )
      .all(page) as SummaryRow[];
    return { total, offset: req.offset, items: rows.map(toSummary), interpretedAs: 'all' };
  }

  const dob = parseTypedDate(query, dateFormat);
  if (dob) {
    const total = (
      db.prepare(`SELECT count(*) AS n FROM patients p WHERE p.date_of_birth = ? ${archivedFilter}`).get(dob) as {
        n: number;
      }
    ).n;
    const rows = db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.date_of_birth = @dob ${archivedFilter}
         ORDER BY p.sort_key, p.id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...page, dob }) as SummaryRow[];
    return { total, offset: req.offset, items: rows.map(toSummary), interpretedAs: 'date_of_birth' };
  }

  const words = foldWords(query).slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) {
    return { total: 0, offset: req.offset, items: [], interpretedAs: 'name_or_record' };
  }
  // Folded words hold only letters and digits, so quoting them makes a safe FTS5 prefix query.
  const match = words.map((w) => `"${w}"*`).join(' ');
  const total = (
    db
      .prepare(
        `SELECT count(*) AS n FROM patients_search s JOIN patients p ON p.id = s.rowid
         WHERE patients_search MATCH ? ${archivedFilter}`,
      )
      .get(match) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM patients_search s JOIN patients p ON p.id = s.rowid
       WHERE patients_search MATCH @match ${archivedFilter}
       ORDER BY p.sort_key, p.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...page, match }) as SummaryRow[];
  return { total, offset: req.offset, items: rows.map(toSummary), interpretedAs: 'name_or_record' };
}
