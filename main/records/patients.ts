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
import { onlyRow } from '../db/rows';
import { ownKeys } from '../util/keys';

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
    .prepare<unknown[], Pick<PatientRow, 'id' | 'given_name' | 'family_name'>>(
      'SELECT id, given_name, family_name FROM patients WHERE record_number_key = ? AND id IS NOT ?',
    )
    .get(recordNumberKey(recordNumber), exceptId);
  if (clash) {
    const message = `Record number ${recordNumber} is already used by ${clash.given_name} ${clash.family_name}. Each patient needs their own record number.`;
    throw new AppError('conflict', message, { recordNumber: message });
  }
}

export function getPatient(db: Db, id: number): Patient {
  const row = db.prepare<unknown[], PatientRow>(`SELECT ${PATIENT_COLUMNS} FROM patients WHERE id = ?`).get(id);
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
  for (const key of ownKeys(after)) {
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

/**
 * A word search can run two ways, which give the same rows in the same order (a test checks):
 * - "index": collect every FTS5 match, then sort by name. Cost grows with the number of matches.
 * - "walk": walk the name index in order, testing each entry, and stop after the page. Cost grows
 *   with (rows up to the page's end) x (patients / matches): cheap when matches are dense.
 * Measured on this machine, an index entry tested costs about a fifth of a match fetched and
 * sorted, so the walk wins once matches^2 > 0.2 x (offset + limit) x patients. This keeps a
 * one-letter search as fast as a full name.
 */
function prefersWalk(matches: number, page: Page, patientCount: number): boolean {
  return matches * matches > 0.2 * (page.offset + page.limit) * patientCount;
}

type Page = { limit: number; offset: number };

/** Summary rows for ids chosen by `idsSql` (which must select id and sort_key), in name order. */
function summariesFor(db: Db, idsSql: string, params: Record<string, unknown>): SummaryRow[] {
  return db
    .prepare<unknown[], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM (${idsSql}) AS page JOIN patients p ON p.id = page.id ORDER BY page.sort_key, page.id`,
    )
    .all(params);
}

/** SQL and parameters testing that every word starts some word of search_text (as FTS5 prefix queries do). */
function wordTests(column: string, words: readonly string[]): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const sql = words
    .map((w, i) => {
      params[`w${i}`] = `% ${w}%`;
      return `(' ' || ${column}) LIKE @w${i}`;
    })
    .join(' AND ');
  return { sql, params };
}

function listAll(db: Db, page: Page, includeArchived: boolean): PatientSearchPage {
  const filter = includeArchived ? '' : 'WHERE archived_at IS NULL';
  const total = onlyRow(
    db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM patients INDEXED BY patients_by_name ${filter}`),
  ).n;
  const rows = summariesFor(
    db,
    `SELECT id, sort_key FROM patients INDEXED BY patients_by_name ${filter} ORDER BY sort_key, id LIMIT @limit OFFSET @offset`,
    page,
  );
  return { total, offset: page.offset, items: rows.map(toSummary), interpretedAs: 'all' };
}

function byDateOfBirth(db: Db, page: Page, dob: string, includeArchived: boolean): PatientSearchPage {
  const filter = includeArchived ? '' : 'AND archived_at IS NULL';
  const total = onlyRow(
    db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM patients WHERE date_of_birth = ? ${filter}`),
    dob,
  ).n;
  const rows = summariesFor(
    db,
    `SELECT id, sort_key FROM patients INDEXED BY patients_by_date_of_birth WHERE date_of_birth = @dob ${filter}
     ORDER BY sort_key, id LIMIT @limit OFFSET @offset`,
    { ...page, dob },
  );
  return { total, offset: page.offset, items: rows.map(toSummary), interpretedAs: 'date_of_birth' };
}

/** Name or record number words: FTS5 for selective queries, an ordered index walk for broad ones. */
function byWords(
  db: Db,
  page: Page,
  words: readonly string[],
  includeArchived: boolean,
  strategy?: 'index' | 'walk',
): PatientSearchPage {
  // Folded words hold only letters and digits, so quoting them makes a safe FTS5 prefix query.
  const match = words.map((w) => `"${w}"*`).join(' ');
  const matches = onlyRow(
    db.prepare<unknown[], { n: number }>('SELECT count(*) AS n FROM patients_search WHERE patients_search MATCH ?'),
    match,
  ).n;
  const archivedFilter = includeArchived ? '' : 'AND archived_at IS NULL';
  const patientCount = onlyRow(db.prepare<unknown[], { n: number | null }>('SELECT max(id) AS n FROM patients')).n ?? 0;
  const walk = strategy ? strategy === 'walk' : prefersWalk(matches, page, patientCount);

  let total: number;
  let rows: SummaryRow[];
  if (!walk) {
    total = includeArchived
      ? matches
      : onlyRow(
          db.prepare<unknown[], { n: number }>(
            `SELECT count(*) AS n FROM patients_search s JOIN patients p ON p.id = s.rowid
               WHERE patients_search MATCH ? AND p.archived_at IS NULL`,
          ),
          match,
        ).n;
    rows = summariesFor(
      db,
      `SELECT p.id, p.sort_key FROM patients_search s JOIN patients p ON p.id = s.rowid
       WHERE patients_search MATCH @match ${archivedFilter.replace('archived_at', 'p.archived_at')}
       ORDER BY p.sort_key, p.id LIMIT @limit OFFSET @offset`,
      { ...page, match },
    );
  } else {
    const tests = wordTests('search_text', words);
    const archivedMatches = includeArchived
      ? 0
      : onlyRow(
          db.prepare<unknown[], { n: number }>(
            `SELECT count(*) AS n FROM patients INDEXED BY patients_archived WHERE archived_at IS NOT NULL AND ${tests.sql}`,
          ),
          tests.params,
        ).n;
    total = matches - archivedMatches;
    rows = summariesFor(
      db,
      `SELECT id, sort_key FROM patients INDEXED BY patients_by_name WHERE ${tests.sql} ${archivedFilter}
       ORDER BY sort_key, id LIMIT @limit OFFSET @offset`,
      { ...page, ...tests.params },
    );
  }
  return { total, offset: page.offset, items: rows.map(toSummary), interpretedAs: 'name_or_record' };
}

/**
 * Search by name, record number or date of birth, one page at a time, in family-name order.
 * `strategy` forces one of the two word-search paths (tests compare them); the app leaves it out.
 */
export function searchPatients(
  db: Db,
  req: PatientSearch,
  dateFormat: DateFormat,
  strategy?: 'index' | 'walk',
): PatientSearchPage {
  const query = req.query.trim();
  const page = { limit: req.limit, offset: req.offset };
  if (query === '') return listAll(db, page, req.includeArchived);
  const dob = parseTypedDate(query, dateFormat);
  if (dob) return byDateOfBirth(db, page, dob, req.includeArchived);
  const words = foldWords(query).slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return { total: 0, offset: req.offset, items: [], interpretedAs: 'name_or_record' };
  return byWords(db, page, words, req.includeArchived, strategy);
}
