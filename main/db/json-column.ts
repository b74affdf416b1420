/**
 * JSON held in a column, read back through the zod schema of what it holds (the schema lives in
 * shared/, beside the type). A value that is not JSON or does not match, a record damaged outside
 * the app or written by a newer version, is an error naming the record and saying what to do,
 * never a wrong value passed on and never a zod dump shown to the clinician.
 */
import { z } from 'zod';
import { AppError } from '../util/errors';

/** JSON.parse, typed as what it gives: a value nobody has checked yet. */
export function jsonValue(text: string): unknown {
  return JSON.parse(text);
}

/** A list of names built by the query itself (json_group_array) or stored as a JSON array. */
export const JsonNames = z.array(z.string());

/**
 * `text` parsed as JSON and checked with `schema`. `record` names what was being read for the
 * clinician ("The intake of this episode"); it starts the sentence of the error.
 */
export function readJsonColumn<S extends z.ZodType>(schema: S, text: string, record: string): z.output<S> {
  let value: unknown;
  try {
    value = jsonValue(text);
  } catch {
    throw damagedRecord(record);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw damagedRecord(record);
  return parsed.data;
}

/** The error for a record that cannot be read back: `record` starts the sentence. */
export function damagedRecord(record: string): AppError {
  return new AppError(
    'database_unavailable',
    `${record} could not be read from the records file: it is damaged, or was written by a newer version of Stride Clinic. Restore the most recent backup.`,
  );
}
