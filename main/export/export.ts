/**
 * Exports: the whole clinic as one JSON file or as a ZIP of CSV files (one per table, with a
 * README.txt), and one patient's full record as JSON. Formats are described in
 * docs/export-format.md (generated from format-schema.ts and format-docs.ts) and travel with
 * every export (column descriptions from format-docs.ts).
 *
 * The clinic export reads one consistent snapshot on its own read-only connection (a read
 * transaction held for the whole export), in steps with pauses, so the app keeps working and the
 * page can show progress. Exported files are outside the encrypted database: the page warns
 * before saving, and the browser preview keeps them in memory only, never on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Progress } from '../../shared/domain/records';
import type { Db } from '../db/open';
import { openDatabase } from '../db/open';
import { temporaryBeside } from '../files/durable-write';
import { fsyncFolder } from '../security/key-file';
import { notFound } from '../util/errors';
import type { CellValue } from './csv';
import { csvRecord, UTF8_BOM } from './csv';
import type { ExportHeader } from './format-schema';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from './format-schema';
import type { ExportTable } from './tables';
import {
  CLINIC_TABLE,
  CLINICIANS_TABLE,
  clinicianColumns,
  exportTables,
  patientConditions,
  quoteIdentifier as q,
} from './tables';
import { ZipWriter } from './zip';
import { onlyRow, pragmaNumber } from '../db/rows';

export interface ExportMeta {
  exportedAt: Date;
  exportedBy: { id: number; name: string };
  appVersion: string;
}

/** Where export bytes go: memory (browser downloads) or a file written atomically (desktop). */
export interface ExportSink {
  write(bytes: Buffer | string): void;
  readonly bytes: number;
}

export class MemorySink implements ExportSink {
  private readonly parts: Buffer[] = [];
  bytes = 0;
  write(bytes: Buffer | string): void {
    const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    this.parts.push(b);
    this.bytes += b.length;
  }
  result(): Buffer {
    const all = Buffer.concat(this.parts);
    for (const p of this.parts) p.fill(0);
    this.parts.length = 0;
    return all;
  }
}

/** Writes beside `dest` under a temporary name; `commit` flushes and renames, `abort` removes it. */
export class FileSink implements ExportSink {
  private readonly tmp: string;
  private fd: number | null;
  bytes = 0;
  constructor(private readonly dest: string) {
    this.tmp = temporaryBeside(dest);
    this.fd = fs.openSync(this.tmp, 'wx', 0o600);
  }
  write(bytes: Buffer | string): void {
    const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let off = 0;
    while (off < b.length) off += fs.writeSync(this.fd!, b, off, b.length - off);
    this.bytes += b.length;
  }
  commit(): void {
    fs.fsyncSync(this.fd!);
    fs.closeSync(this.fd!);
    this.fd = null;
    fs.renameSync(this.tmp, this.dest);
    fsyncFolder(path.dirname(this.dest));
  }
  abort(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    fs.rmSync(this.tmp, { force: true });
  }
}

/** A read-only connection holding one snapshot of the records for the whole export. */
export function openSnapshot(file: string, key: Buffer | null, nativeBinding?: string): { db: Db; end(): void } {
  const db = openDatabase(file, {
    create: false,
    readonly: true,
    ...(key ? { key } : {}),
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM sqlite_schema').get(); // the snapshot starts at the first read
  return {
    db,
    end() {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}

function jsonValue(v: unknown): unknown {
  return Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? Number(v) : v;
}

function describeTable(t: ExportTable) {
  return {
    description: t.description,
    columns: t.columns.map((c) => ({
      name: c.name,
      type: c.type,
      required: c.notNull,
      primaryKey: c.primaryKey,
      references: c.references ? `${c.references.table}.${c.references.column}` : null,
      description: c.description,
    })),
  };
}

function header(
  db: Db,
  meta: ExportMeta,
  scope: ExportHeader['scope'],
  extra: Pick<ExportHeader, 'patient'> = {},
): ExportHeader {
  const clinic = db
    .prepare<unknown[], { name: string }>('SELECT clinic_name AS name FROM clinic_settings WHERE id = 1')
    .get();
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    scope,
    ...extra,
    clinic: clinic?.name ?? '',
    exportedAt: meta.exportedAt.toISOString(),
    exportedBy: meta.exportedBy,
    appVersion: meta.appVersion,
    schemaVersion: pragmaNumber(db, 'user_version'),
    encrypted: false,
    notice:
      'This file is not encrypted. It holds health records: keep it safe and delete it when it is no longer needed.',
  };
}

function selectSql(t: ExportTable, where: string | null): string {
  const pk = t.columns.find((c) => c.primaryKey)?.name;
  return `SELECT ${t.columns.map((c) => q(c.name)).join(', ')} FROM ${q(t.name)}${where ? ` WHERE ${where}` : ''} ORDER BY ${pk ? q(pk) : 'rowid'}`;
}

const ROWS_PER_STEP = 2000;

function countRows(db: Db, tables: readonly ExportTable[]): number {
  return tables.reduce(
    (sum, t) => sum + onlyRow(db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM ${q(t.name)}`)).n,
    0,
  );
}

export interface ExportResult {
  tables: { name: string; rows: number }[];
  bytes: number;
}

/** The whole clinic as one JSON document: { format, ..., tables: { name: { description, columns, rows } } }. */
export function* clinicJsonSteps(db: Db, sink: ExportSink, meta: ExportMeta): Generator<Progress, ExportResult> {
  const steps = 2;
  yield { label: 'Reading the records', step: 1, steps, percent: null };
  const tables = exportTables(db);
  const total = countRows(db, tables);
  let done = 0;
  const counted: { name: string; rows: number }[] = [];
  const head = JSON.stringify(header(db, meta, 'clinic'), null, 2);
  sink.write(`${head.slice(0, -2)},\n  "tables": {`);
  for (const [ti, t] of tables.entries()) {
    const described = JSON.stringify(describeTable(t), null, 2).replace(/\n/g, '\n    ');
    sink.write(`${ti === 0 ? '' : ','}\n    ${JSON.stringify(t.name)}: ${described.slice(0, -6)},\n      "rows": [`);
    let rows = 0;
    let buffer = '';
    for (const values of db.prepare<unknown[], unknown[]>(selectSql(t, null)).raw(true).iterate()) {
      const row: Record<string, unknown> = {};
      t.columns.forEach((c, i) => (row[c.name] = jsonValue(values[i])));
      buffer += `${rows === 0 ? '' : ','}\n        ${JSON.stringify(row)}`;
      rows += 1;
      done += 1;
      if (rows % ROWS_PER_STEP === 0) {
        sink.write(buffer);
        buffer = '';
        yield {
          label: 'Writing the export',
          step: 2,
          steps,
          percent: total === 0 ? 100 : Math.round((done / total) * 1000) / 10,
        };
      }
    }
    sink.write(`${buffer}${rows === 0 ? '' : '\n      '}]\n    }`);
    counted.push({ name: t.name, rows });
  }
  sink.write('\n  }\n}\n');
  yield { label: 'Writing the export', step: 2, steps, percent: 100 };
  return { tables: counted, bytes: sink.bytes };
}

/** README.txt for the CSV export: what each file and column is. */
export function csvReadme(
  tables: readonly ExportTable[],
  counts: readonly { name: string; rows: number }[],
  meta: ExportMeta,
  clinic: string,
  schemaVersion: number,
): string {
  const lines: string[] = [];
  const rowsOf = (name: string) => counts.find((c) => c.name === name)?.rows ?? 0;
  lines.push(`Stride Clinic export of ${clinic}`);
  lines.push(
    `Made ${meta.exportedAt.toISOString()} by ${meta.exportedBy.name}, Stride Clinic ${meta.appVersion}, records version ${schemaVersion}.`,
  );
  lines.push('');
  lines.push(
    'THIS EXPORT IS NOT ENCRYPTED. It holds health records: keep it safe and delete it when it is no longer needed.',
  );
  lines.push('');
  lines.push('FILES, in an order that loads each table after the tables it refers to:');
  const width = Math.max(...tables.map((t) => t.name.length)) + 4;
  for (const t of tables) {
    const n = rowsOf(t.name);
    lines.push(`  ${`${t.name}.csv`.padEnd(width)} ${n} row${n === 1 ? '' : 's'}`);
  }
  lines.push('');
  lines.push(
    'FORMAT of every file: CSV as in RFC 4180. UTF-8 text starting with a byte order mark, fields separated by',
  );
  lines.push(
    'commas, lines ending in CRLF, the first line holds the column names. Fields holding a comma, a double quote,',
  );
  lines.push(
    'a line break or leading/trailing spaces are in double quotes, with inner quotes doubled. An empty field means',
  );
  lines.push(
    '"no value" (SQL NULL); "" is an empty text. Timestamps are ISO 8601 in UTC (2026-11-27T10:00:00.000Z), dates',
  );
  lines.push('are YYYY-MM-DD, numbers use a dot for decimals. So that a spreadsheet never runs a value as a formula,');
  lines.push(
    "a text that begins with =, +, -, @, a tab, a carriage return or ' has one ' put in front of it (and is in",
  );
  lines.push('double quotes): "\'+44 7700 900123" was stored as +44 7700 900123. To get the value exactly as stored,');
  lines.push("remove the first ' of any text that begins with one. Numbers are never changed: -3 is the number -3.");
  for (const t of tables) {
    lines.push('');
    lines.push(`== ${t.name}.csv ==`);
    if (t.description) lines.push(t.description);
    lines.push('Columns:');
    const cw = Math.max(...t.columns.map((c) => c.name.length)) + 2;
    for (const c of t.columns) {
      const facts = [
        c.type,
        c.primaryKey ? 'primary key' : c.notNull ? 'never null' : 'may be null',
        ...(c.references ? [`refers to ${c.references.table}.${c.references.column}`] : []),
      ].join(', ');
      lines.push(`  ${c.name.padEnd(cw)}${facts}. ${c.description}`.trimEnd());
    }
  }
  lines.push('');
  return lines.join('\r\n');
}

/** The whole clinic as a ZIP of CSV files, one per table, plus README.txt. */
export function* clinicCsvSteps(db: Db, sink: ExportSink, meta: ExportMeta): Generator<Progress, ExportResult> {
  const steps = 2;
  yield { label: 'Reading the records', step: 1, steps, percent: null };
  const tables = exportTables(db);
  const total = countRows(db, tables);
  const zip = new ZipWriter(sink, meta.exportedAt);
  let done = 0;
  const counted: { name: string; rows: number }[] = [];
  for (const t of tables) {
    const parts: string[] = [UTF8_BOM, csvRecord(t.columns.map((c) => c.name))];
    let rows = 0;
    for (const values of db.prepare<unknown[], CellValue[]>(selectSql(t, null)).raw(true).iterate()) {
      parts.push(csvRecord(values));
      rows += 1;
      done += 1;
      if (rows % ROWS_PER_STEP === 0) {
        yield {
          label: 'Writing the export',
          step: 2,
          steps,
          percent: total === 0 ? 100 : Math.round((done / total) * 1000) / 10,
        };
      }
    }
    zip.add(`${t.name}.csv`, Buffer.from(parts.join(''), 'utf8'));
    counted.push({ name: t.name, rows });
  }
  const schemaVersion = pragmaNumber(db, 'user_version');
  const clinic =
    db.prepare<unknown[], { n: string }>('SELECT clinic_name AS n FROM clinic_settings WHERE id = 1').get()?.n ?? '';
  zip.add('README.txt', Buffer.from(csvReadme(tables, counted, meta, clinic, schemaVersion), 'utf8'));
  zip.finish();
  yield { label: 'Writing the export', step: 2, steps, percent: 100 };
  return { tables: counted, bytes: sink.bytes };
}

/**
 * One patient's full record as JSON: the same layout as the clinic export (scope "patient"),
 * holding only rows that belong to this patient, plus the clinic's row and the clinicians named.
 */
export function patientJson(
  db: Db,
  patientId: number,
  meta: ExportMeta,
): { json: string; tables: { name: string; rows: number }[] } {
  const patient = db
    .prepare<unknown[], { id: number; given_name: string; family_name: string; record_number: string }>(
      'SELECT id, given_name, family_name, record_number FROM patients WHERE id = ?',
    )
    .get(patientId);
  if (!patient) throw notFound('This patient');
  const tables = exportTables(db);
  const conditions = patientConditions(tables);
  const out: Record<string, unknown> = {};
  const counted: { name: string; rows: number }[] = [];
  const clinicians = new Set<number>();
  const rowsOf = (t: ExportTable, where: string, params: Record<string, unknown>) =>
    (Object.keys(params).length === 0
      ? db.prepare<unknown[], unknown[]>(selectSql(t, where)).raw(true).all()
      : db.prepare<unknown[], unknown[]>(selectSql(t, where)).raw(true).all(params)
    ).map((values) => {
      const row: Record<string, unknown> = {};
      t.columns.forEach((c, i) => (row[c.name] = jsonValue(values[i])));
      return row;
    });
  for (const t of tables) {
    const condition = conditions.get(t.name) ?? null;
    if (condition === null) continue;
    const rows = rowsOf(t, condition, { patientId });
    for (const column of clinicianColumns(t)) {
      for (const r of rows) if (typeof r[column] === 'number') clinicians.add(r[column]);
    }
    out[t.name] = { ...describeTable(t), rows };
    counted.push({ name: t.name, rows: rows.length });
  }
  const context: Record<string, unknown> = {};
  for (const t of tables) {
    if (t.name === CLINIC_TABLE) {
      context[t.name] = { ...describeTable(t), rows: rowsOf(t, '1 = 1', {}) };
    } else if (t.name === CLINICIANS_TABLE) {
      // Only the clinicians this record names; ids come from the records and are integers.
      const ids = [...clinicians].filter((id) => Number.isSafeInteger(id)).sort((a, b) => a - b);
      context[t.name] = {
        ...describeTable(t),
        rows: ids.length === 0 ? [] : rowsOf(t, `id IN (${ids.join(', ')})`, {}),
      };
    }
  }
  const doc = {
    ...header(db, meta, 'patient', {
      patient: {
        id: patient.id,
        name: `${patient.given_name} ${patient.family_name}`,
        recordNumber: patient.record_number,
      },
    }),
    tables: { ...context, ...out },
  };
  return { json: `${JSON.stringify(doc, null, 2)}\n`, tables: counted };
}

/** A file name without characters that file systems refuse. */
export function safeFileName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- control characters are what is being removed
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'export'
  );
}
