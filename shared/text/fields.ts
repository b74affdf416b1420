/**
 * Reusable field schemas with messages written for the clinician who typed the value.
 * Each message says what to fix, not what went wrong inside the program.
 */
import { z } from 'zod';
import { isIsoDate } from '../time/dates';

/**
 * Free text: one line (names, titles, short answers) or several (notes, addresses, reasons).
 * Every free-text field of the contract is made here, so text the records cannot hold or show
 * safely never reaches them: control characters (NUL and the like, except line breaks and tabs
 * in multi-line text), halves of a character (unpaired surrogates, which SQLite and the PDF
 * fonts cannot store or draw), and the invisible marks that reverse the direction text is shown
 * in (bidi embeddings, overrides and isolates, as used in "Trojan Source" and in file names that
 * pretend to be something else). Left-to-right and right-to-left marks (U+200E, U+200F) stay
 * allowed: Arabic and Hebrew names need them.
 */
export type TextLines = 'single' | 'multi';

// The character classes below are written with escapes on purpose: the characters themselves are invisible.
/* eslint-disable no-control-regex */
const CONTROL_ANY_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
/* eslint-enable no-control-regex */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Null when the text can be stored as it is, otherwise what to change, naming the field. */
export function textProblem(label: string, value: string, lines: TextLines): string | null {
  if (LONE_SURROGATE.test(value)) {
    return `${label} holds a broken character (half of an emoji or symbol, often from a copy and paste): retype that part.`;
  }
  if (BIDI_CONTROL.test(value)) {
    return `${label} holds an invisible mark that reverses the direction of the text: retype the text instead of pasting it.`;
  }
  if (CONTROL_ANY_LINE.test(value)) {
    return `${label} holds an invisible control character (often from a copy and paste): retype the text instead of pasting it.`;
  }
  if (lines === 'single' && LINE_BREAK_OR_TAB.test(value)) {
    return `${label} must be on one line: remove the tab or line break.`;
  }
  return null;
}

/** The marker the contract's tests look for: every free-text field carries this check. */
export const FREE_TEXT_PARAM = 'freeText';

/**
 * The one schema factory for free text: trimmed, bounded, and refusing what textProblem refuses,
 * with a message that names the field. `required` refuses empty text; `trim: false` keeps the
 * text exactly as typed (search boxes).
 */
export function freeText(
  label: string,
  max: number,
  options: { lines?: TextLines; required?: boolean; trim?: boolean } = {},
) {
  const lines = options.lines ?? 'single';
  const base = z.string({ error: options.required ? `${label} is missing.` : `${label} must be text.` });
  const trimmed = options.trim === false ? base : base.trim();
  const sized = options.required ? trimmed.min(1, { error: `Enter the ${label.toLowerCase()}.` }) : trimmed;
  return sized
    .max(max, { error: `${label} is too long: keep it under ${max} characters.` })
    .refine((v) => textProblem(label, v, lines) === null, {
      params: { [FREE_TEXT_PARAM]: lines },
      error: (issue) => textProblem(label, String(issue.input), lines) ?? `${label} cannot be stored as it is.`,
    });
}

/** Trimmed text with a label used in its messages. Empty text is refused. */
export function requiredText(label: string, max: number, lines: TextLines = 'single') {
  return freeText(label, max, { lines, required: true });
}

/** Trimmed optional text: an empty string is stored as empty. */
export function optionalText(label: string, max: number, lines: TextLines = 'single') {
  return freeText(label, max, { lines });
}

export function isoDate(label: string) {
  return z
    .string({ error: `${label} is missing.` })
    .refine(isIsoDate, { error: `${label} is not a real date: enter it like 1988-04-12.` });
}

export const RecordId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export type RecordId = z.infer<typeof RecordId>;

/** An instant, stored and sent as an ISO 8601 UTC timestamp. */
export const Timestamp = z.string().min(20).max(30);

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE_PATTERN = /^[+()\d\s.\-/]{3,32}$/;

export function optionalEmail(label: string) {
  return optionalText(label, 200).refine((v) => v === '' || EMAIL_PATTERN.test(v), {
    error: `${label} does not look like an email address: it needs a name, an @ and a domain.`,
  });
}

export function optionalPhone(label: string) {
  return optionalText(label, 40).refine((v) => v === '' || PHONE_PATTERN.test(v), {
    error: `${label} may only hold digits, spaces, +, -, ( and ).`,
  });
}
