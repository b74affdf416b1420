/**
 * Reading what SQL guarantees is there. Row shapes are declared on the statement
 * (`db.prepare<unknown[], Row>(sql)`): the columns are typed by the STRICT tables, so no parsing is
 * needed, and JSON held in a column is parsed with its schema (`json-column.ts`). These helpers
 * cover the rows SQL always answers (an aggregate without GROUP BY answers exactly one row) and
 * pragmas, checking at run time what a cast would only assume.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open';

/** The one row a statement always answers (count, max... without GROUP BY). */
export function onlyRow<Row>(statement: Database.Statement<unknown[], Row>, ...params: unknown[]): Row {
  const row = statement.get(...params);
  if (row === undefined) throw new Error(`The query answered no row: ${statement.source}`);
  return row;
}

/** A pragma whose value is a number (user_version, application_id...). */
export function pragmaNumber(db: Db, name: string): number {
  const value: unknown = db.pragma(name, { simple: true });
  if (typeof value !== 'number') throw new Error(`PRAGMA ${name} did not answer a number.`);
  return value;
}
