/**
 * Field schemas and problem reporting for the clinical intake.
 *
 * Every number a clinician types gets one message that says what to fix ("LEFS item 3 must be a
 * whole number from 0 to 4."), whichever way it is wrong: not a number, a fraction, too small or
 * too large. A missing value says it is missing and what to enter.
 */
import { z } from 'zod';

/** One thing to fix, addressed to a form field by its dotted path ("episode.onsetDate"). */
export interface FieldProblem {
  path: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** A label that may depend on where the value sits, e.g. the item number taken from its array index. */
export type Label = string | ((path: readonly PropertyKey[]) => string);

function labelAt(label: Label, path: readonly PropertyKey[] | undefined): string {
  return typeof label === 'string' ? label : label(path ?? []);
}

/**
 * The array index `stepsBack` places from the end of an issue path, counted from 1 for people.
 * Used for "LEFS item 3" and "PSFS activity 2"; undefined when the path holds no index there.
 */
export function positionInPath(path: readonly PropertyKey[], stepsBack: number): number | undefined {
  const key = path[path.length - stepsBack];
  return typeof key === 'number' ? key + 1 : undefined;
}

function rangeText(min: number, max: number, unit: string): string {
  if (unit === '%') return `from ${min}% to ${max}%`;
  return unit === '' ? `from ${min} to ${max}` : `from ${min} to ${max} ${unit}`;
}

/** A whole number from `min` to `max`. `unit` is added to the message ("minutes", "cm"). */
export function wholeNumber(label: Label, min: number, max: number, unit = '') {
  const range = rangeText(min, max, unit);
  const message = (path: readonly PropertyKey[] | undefined, input: unknown) =>
    input === undefined
      ? `${labelAt(label, path)} is missing: enter a whole number ${range}.`
      : `${labelAt(label, path)} must be a whole number ${range}.`;
  return z
    .number({ error: (iss) => message(iss.path, iss.input) })
    .refine((v) => Number.isInteger(v) && v >= min && v <= max, {
      error: (iss) => message(iss.path, iss.input),
    });
}

/** True when a number has at most one decimal (11.5 yes, 11.55 no), allowing for binary fractions. */
export function hasAtMostOneDecimal(value: number): boolean {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

/** A number from `min` to `max` with at most one decimal, e.g. knee-to-wall 11.5 cm. */
export function oneDecimal(label: Label, min: number, max: number, unit = '', example = '11.5') {
  const range = rangeText(min, max, unit);
  const message = (path: readonly PropertyKey[] | undefined, input: unknown) =>
    input === undefined
      ? `${labelAt(label, path)} is missing: enter a number ${range}.`
      : `${labelAt(label, path)} must be a number ${range}, with at most one decimal (e.g. ${example}).`;
  return z
    .number({ error: (iss) => message(iss.path, iss.input) })
    .refine((v) => v >= min && v <= max && hasAtMostOneDecimal(v), {
      error: (iss) => message(iss.path, iss.input),
    });
}

/** A numeric rating scale score, 0 (no pain) to 10 (worst pain imaginable). */
export function painScore(label: Label) {
  return wholeNumber(label, 0, 10);
}

/** A yes/no answer; `question` is the plain question ("Was the brisk walk pain-free?"). */
export function yesNo(question: string) {
  return z.boolean({ error: `${question} Answer yes or no.` });
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((key) => String(key)).join('.');
}

/**
 * Turns a zod error into one problem per field, keeping the first message for each path.
 * Unknown keys are a program error (the form sent a field the intake does not have), said so plainly.
 */
export function problemsOf(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const path = pathText([...prefix, ...issue.path]);
    const message =
      issue.code === 'unrecognized_keys'
        ? `The form sent fields this intake does not have (${issue.keys.join(', ')}): this is a program error.`
        : issue.message;
    const key = issue.code === 'unrecognized_keys' ? `${path}#keys` : path;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  return problems;
}

/** Parses with a schema and returns the value or the problems, never throws. */
export function checkWith<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}

/** Problems as the `fields` map of an AppErrorShape: path to the sentence that says what to fix. */
export function problemsToFields(problems: readonly FieldProblem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.path] ??= p.message;
  return fields;
}
