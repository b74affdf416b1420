/**
 * The JSON export's envelope as a zod schema: what export.ts writes around the tables, for the
 * clinic (scope "clinic") and for one patient (scope "patient"). The writer's header is typed by
 * it, a test parses real exports with it, and docs/export-format.md's field table is generated
 * from it (`npm run docs:export-format`), so the three cannot drift apart. The tables' own columns
 * are described in format-docs.ts and read from the records (tables.ts).
 */
import { z } from 'zod';

export const EXPORT_FORMAT = 'stride-clinic-export';
export const EXPORT_FORMAT_VERSION = 1;

const ExportedColumn = z.strictObject({
  name: z.string().meta({ description: 'The column name, as in the records.' }),
  type: z.string().meta({ description: 'Its SQLite type: INTEGER, TEXT, REAL or BLOB.' }),
  required: z.boolean().meta({ description: 'true when the column never holds null (a key is always required).' }),
  primaryKey: z.boolean().meta({ description: 'true for the column, or each column, of the primary key.' }),
  references: z.string().nullable().meta({ description: 'The column it refers to, as "table.column", or null.' }),
  description: z.string().meta({ description: 'What the column holds, in words.' }),
});

const ExportedTable = z.strictObject({
  description: z.string().meta({ description: 'What one row of the table is.' }),
  columns: z.array(ExportedColumn).meta({ description: 'Every exported column, in the table’s order.' }),
  rows: z.array(z.record(z.string(), z.unknown())).meta({
    description:
      'The rows, in primary key order: { column: value }, values as stored (text, numbers, null; binary as base64 text).',
  }),
});

export const ExportDocument = z.strictObject({
  format: z.literal(EXPORT_FORMAT).meta({ description: 'Always "stride-clinic-export".' }),
  formatVersion: z
    .literal(EXPORT_FORMAT_VERSION)
    .meta({ description: 'Version of this format; a change that breaks readers raises it.' }),
  scope: z.enum(['clinic', 'patient']).meta({ description: 'The whole clinic, or one patient’s record.' }),
  patient: z
    .strictObject({
      id: z.number().int().meta({ description: 'patients.id' }),
      name: z.string().meta({ description: 'Given and family name.' }),
      recordNumber: z.string().meta({ description: 'The clinic’s record number.' }),
    })
    .optional()
    .meta({ description: 'Patient scope only: whose record this is.' }),
  clinic: z.string().meta({ description: 'The clinic’s name.' }),
  exportedAt: z.iso.datetime().meta({ description: 'When the export was made, ISO 8601 UTC timestamp.' }),
  exportedBy: z
    .strictObject({
      id: z.number().int().meta({ description: 'clinicians.id' }),
      name: z.string().meta({ description: 'Their name.' }),
    })
    .meta({ description: 'The clinician who made the export.' }),
  appVersion: z.string().meta({ description: 'The version of Stride Clinic that wrote the file.' }),
  schemaVersion: z.number().int().meta({ description: 'The records’ schema version (PRAGMA user_version).' }),
  encrypted: z.literal(false).meta({ description: 'Always false: an export is not encrypted.' }),
  notice: z.string().meta({ description: 'A sentence saying the file is not encrypted and holds health records.' }),
  tables: z.record(z.string(), ExportedTable).meta({
    description:
      'Table name to table, parents before the tables that refer to them, the audit trail last. A patient export holds the clinic’s row and the clinicians named first, then the patient’s rows.',
  }),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

/** Everything of the envelope except the tables: what the writer puts first. */
export type ExportHeader = Omit<ExportDocument, 'tables'>;
