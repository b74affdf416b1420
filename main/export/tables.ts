/**
 * Which tables and columns an export holds, read from the records themselves so that tables
 * added by later features are exported without changes here: every ordinary table except the
 * app's bookkeeping, search indexes (FTS and its shadow tables) and derived search columns,
 * ordered so that each table comes after the tables it refers to (an importer can load the files
 * in order with its foreign keys on), and the audit trail last.
 *
 * For a single patient's export, the rows that belong to the patient are found by following
 * foreign keys to `patients`: a table with a patient_id, or with a key to a table that has one
 * (an episode's check-ins...). A row is included only if every link it has leads to this patient.
 * Tables with no such link hold no patient's data and are left out, except the clinic's own row
 * and the clinicians named in the record.
 */
import type { Db } from '../db/open';
import { CLINIC_TABLE, CLINICIANS_TABLE, NOT_EXPORTED, TABLE_DOCS } from './format-docs';

export interface ExportColumn {
  name: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
  references: { table: string; column: string } | null;
  description: string;
}

export interface ExportTable {
  name: string;
  description: string;
  columns: ExportColumn[];
}

interface ForeignKey {
  from: string;
  table: string;
  to: string | null;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export { quote as quoteIdentifier };

function foreignKeys(db: Db, table: string): ForeignKey[] {
  return db
    .prepare<unknown[], { from: string; table: string; to: string | null }>(`PRAGMA foreign_key_list(${quote(table)})`)
    .all()
    .map((f) => ({ from: f.from, table: f.table, to: f.to }));
}

/** Ordinary tables, without the app's bookkeeping and search-index tables. */
function tableNames(db: Db): string[] {
  return db
    .prepare<unknown[], { schema: string; name: string; type: string }>('PRAGMA table_list')
    .all()
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .filter((n) => !NOT_EXPORTED.includes(n))
    .sort();
}

export function exportTables(db: Db): ExportTable[] {
  const names = tableNames(db);
  const tables = new Map<string, ExportTable>();
  for (const name of names) {
    const doc = TABLE_DOCS[name];
    const fks = foreignKeys(db, name);
    const columns = db
      .prepare<unknown[], { name: string; type: string; notnull: number; pk: number; hidden: number }>(
        `PRAGMA table_xinfo(${quote(name)})`,
      )
      .all()
      .filter((c) => c.hidden === 0 && !(doc?.internal ?? []).includes(c.name))
      .map((c): ExportColumn => {
        const fk = fks.find((f) => f.from === c.name);
        return {
          name: c.name,
          type: c.type || 'ANY',
          notNull: c.notnull === 1 || c.pk === 1,
          primaryKey: c.pk > 0,
          references: fk ? { table: fk.table, column: fk.to ?? 'id' } : null,
          description: doc?.columns[c.name] ?? '',
        };
      });
    tables.set(name, { name, description: doc?.about ?? '', columns });
  }
  // Parents first: a table comes after every table its foreign keys point to.
  const ordered: ExportTable[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    const table = tables.get(name);
    if (!table) return;
    path.add(name);
    for (const c of table.columns) if (c.references && c.references.table !== name) visit(c.references.table, path);
    path.delete(name);
    placed.add(name);
    ordered.push(table);
  };
  for (const name of names) visit(name, new Set());
  // The audit trail speaks of every other table: it comes last.
  return [...ordered.filter((t) => t.name !== 'audit_log'), ...ordered.filter((t) => t.name === 'audit_log')];
}

/**
 * SQL conditions (with the parameter @patientId) that select a table's rows belonging to one
 * patient, or null when the table has no link to patients.
 */
export function patientConditions(tables: readonly ExportTable[]): Map<string, string | null> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const memo = new Map<string, string | null>();
  const pkOf = (table: string) => byName.get(table)?.columns.find((c) => c.primaryKey)?.name ?? 'rowid';

  const conditionFor = (table: string, path: Set<string>): string | null => {
    if (memo.has(table)) return memo.get(table)!;
    if (table === 'patients') return `${quote(pkOf('patients'))} = @patientId`;
    if (path.has(table)) return null;
    path.add(table);
    const t = byName.get(table);
    const links: { column: string; test: string }[] = [];
    for (const c of t?.columns ?? []) {
      if (c.references) {
        if (c.references.table === 'patients') {
          links.push({ column: c.name, test: `${quote(c.name)} = @patientId` });
        } else if (c.references.table !== table) {
          const parent = conditionFor(c.references.table, path);
          if (parent !== null) {
            links.push({
              column: c.name,
              test: `${quote(c.name)} IN (SELECT ${quote(c.references.column)} FROM ${quote(c.references.table)} WHERE ${parent})`,
            });
          }
        }
      } else if (c.name === 'patient_id') {
        // A patient link without a foreign key (the audit trail keeps entries of any record).
        links.push({ column: c.name, test: `${quote(c.name)} = @patientId` });
      }
    }
    path.delete(table);
    const condition =
      links.length === 0
        ? null
        : `(${links.map((l) => l.test).join(' OR ')})${links.map((l) => ` AND (${quote(l.column)} IS NULL OR ${l.test})`).join('')}`;
    memo.set(table, condition);
    return condition;
  };

  const out = new Map<string, string | null>();
  for (const t of tables) out.set(t.name, conditionFor(t.name, new Set()));
  return out;
}

/** Columns that name a clinician: foreign keys to clinicians, and the audit trail's clinician_id. */
export function clinicianColumns(table: ExportTable): string[] {
  return table.columns
    .filter((c) => c.references?.table === CLINICIANS_TABLE || (c.references === null && c.name === 'clinician_id'))
    .map((c) => c.name);
}

export { CLINIC_TABLE, CLINICIANS_TABLE };
