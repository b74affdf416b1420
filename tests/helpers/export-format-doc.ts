/**
 * Writes the generated parts of docs/export-format.md: the JSON envelope's fields, walked from the
 * zod schema the writer is typed by (main/export/format-schema.ts, through z.toJSONSchema), and
 * every exported table and column, read from freshly migrated records with the descriptions the
 * exports carry (main/export/tables.ts, format-docs.ts). Each part sits between its markers; the
 * prose around them is written by hand. `npm run docs:export-format` rewrites the file, and
 * tests/integration/export-format-doc.test.ts fails when the committed file differs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open';
import { ExportDocument } from '../../main/export/format-schema';
import type { ExportTable } from '../../main/export/tables';
import { exportTables } from '../../main/export/tables';

export const EXPORT_FORMAT_DOC = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'docs',
  'export-format.md',
);

interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
}

/** A field's type in words a reader of the file understands. */
function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' or ');
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? 'any']).map((t) =>
    t === 'string' && s.format === 'date-time' ? 'text (ISO 8601 UTC)' : t === 'string' ? 'text' : t,
  );
  if (types.includes('array')) return `array of ${s.items ? typeOf(s.items) : 'values'}`;
  if (types.includes('object') && typeof s.additionalProperties === 'object') return 'object: name to';
  return types.join(' or ');
}

/** One row per field, nested objects flattened (`patient.id`, `tables.<name>.columns[].name`). */
function fieldRows(s: JsonSchema, prefix: string, optional: boolean): string[] {
  const rows: string[] = [];
  const required = new Set(s.required ?? []);
  for (const [name, field] of Object.entries(s.properties ?? {})) {
    const at = `${prefix}${name}`;
    const fieldOptional = optional || !required.has(name);
    const type = typeOf(field);
    const values = typeof field.additionalProperties === 'object' ? field.additionalProperties : null;
    const items = field.items?.properties ? field.items : null;
    const shown = type === 'object: name to' ? 'object' : type.startsWith('array of object') ? 'array' : type;
    rows.push(`| \`${at}\` | ${shown} | ${fieldOptional ? 'no' : 'yes'} | ${field.description ?? ''} |`);
    if (field.properties) rows.push(...fieldRows(field, `${at}.`, fieldOptional));
    if (values?.properties) rows.push(...fieldRows(values, `${at}.<name>.`, fieldOptional));
    if (items) rows.push(...fieldRows(items, `${at}[].`, fieldOptional));
  }
  return rows;
}

function envelopeSection(): string {
  const schema = z.toJSONSchema(ExportDocument) as JsonSchema;
  return ['| field | type | always there | meaning |', '|---|---|---|---|', ...fieldRows(schema, '', false)].join('\n');
}

function nullOrKey(c: ExportTable['columns'][number]): string {
  if (c.primaryKey) return 'key';
  const ref = c.references ? `→ ${c.references.table}.${c.references.column}` : '';
  const nullability = c.notNull ? (ref ? '' : 'never null') : 'may be null';
  return [ref, nullability].filter(Boolean).join(', ');
}

function tablesSection(tables: readonly ExportTable[]): string {
  return tables
    .map((t) =>
      [
        `**${t.name}** — ${t.description}`,
        '',
        '| column | type | null / key | meaning |',
        '|---|---|---|---|',
        ...t.columns.map((c) => `| \`${c.name}\` | ${c.type} | ${nullOrKey(c)} | ${c.description} |`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** The exported tables of records migrated to the newest version, in export order. */
function currentTables(): ExportTable[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-export-doc-'));
  try {
    const db = openDatabase(path.join(dir, 'clinic.sqlite'), { create: true });
    try {
      migrate(db, MIGRATIONS);
      return exportTables(db);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function replaceBetween(doc: string, name: string, body: string): string {
  const start = `<!-- generated:${name} (npm run docs:export-format) -->`;
  const end = `<!-- end generated:${name} -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/export-format.md has lost its markers for "${name}": ${start}`);
  return `${doc.slice(0, from + start.length)}\n\n${body}\n\n${doc.slice(to)}`;
}

/** The document as `npm run docs:export-format` writes it, from the document as it is. */
export function generatedExportFormatDoc(current: string): string {
  return replaceBetween(
    replaceBetween(current, 'envelope', envelopeSection()),
    'tables',
    tablesSection(currentTables()),
  );
}

/**
 * Rewrites docs/export-format.md in place; returns whether it changed. Called by
 * scripts/docs-export-format.mjs through Vite's module runner, which static analysis cannot see.
 * @public
 */
export function writeExportFormatDoc(): boolean {
  const current = fs.readFileSync(EXPORT_FORMAT_DOC, 'utf8');
  const next = generatedExportFormatDoc(current);
  if (next !== current) fs.writeFileSync(EXPORT_FORMAT_DOC, next);
  return next !== current;
}
