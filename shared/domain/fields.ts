/**
 * Reusable field schemas with messages written for the clinician who typed the value.
 * Each message says what to fix, not what went wrong inside the program.
 */
import { z } from 'zod';
import { isIsoDate } from '../time/dates';

/** Trimmed text with a label used in its messages. Empty text is refused. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is missing.` })
    .trim()
    .min(1, { error: `Enter the ${label.toLowerCase()}.` })
    .max(max, { error: `${label} is too long: keep it under ${max} characters.` });
}

/** Trimmed optional text: an empty string is stored as empty. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} is too long: keep it under ${max} characters.` });
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
