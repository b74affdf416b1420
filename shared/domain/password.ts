/**
 * The password rule for clinicians, checked the same way in the form and in the backend.
 * Following NIST SP 800-63B: length matters, composition rules do not; refuse passwords that are
 * common or built from the clinician's or the clinic's name.
 */
import { z } from 'zod';
import { foldText } from '../text/fold';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** A short list of the passwords people reach for first, folded (lower case, no accents). */
const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'qwerty123',
  'qwerty1234',
  '1234567890',
  '0987654321',
  '123456789',
  '1234567891',
  '12345678910',
  '1111111111',
  '0000000000',
  'iloveyou',
  'letmein',
  'letmein123',
  'welcome',
  'welcome1',
  'welcome123',
  'changeme',
  'changeme123',
  'administrator',
  'admin12345',
  'abc1234567',
  'abcdefghij',
  'asdfghjkl',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'trustno1',
  'physiotherapy',
  'physiotherapist',
  'physio1234',
  'physio12345',
  'runner1234',
  'running123',
  'marathon',
  'marathon123',
  'clinic1234',
  'clinic12345',
  'stride1234',
  'strideclinic',
  'hamstring',
  'achilles123',
]);

export interface PasswordContext {
  clinicianName?: string;
  clinicName?: string;
}

/** Null when the password is acceptable, otherwise what to change, in plain words. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember and hard to guess.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const folded = foldText(password).replace(/ /g, '');
  if (new Set(folded).size < 4)
    return 'This password repeats too few different characters: choose something less predictable.';
  if (COMMON.has(folded) || COMMON.has(folded.replace(/\d+$/, ''))) {
    return 'This password is too common: choose one that nobody else would guess.';
  }
  for (const name of [context.clinicianName, context.clinicName]) {
    if (!name) continue;
    const parts = foldText(name)
      .split(' ')
      .filter((p) => p.length >= 4);
    const whole = foldText(name).replace(/ /g, '');
    if (whole.length >= 4 && folded.includes(whole))
      return 'Do not build the password from your name or the clinic’s name.';
    const rest = parts.reduce((left, part) => left.replace(part, ''), folded);
    if (parts.length > 0 && rest.length < 4) return 'Do not build the password from your name or the clinic’s name.';
  }
  return null;
}

/** A password field as the schema sees it: present and bounded; the rule above runs separately. */
export const PasswordField = z
  .string({ error: 'Enter the password.' })
  .min(1, { error: 'Enter the password.' })
  .max(MAX_PASSWORD_LENGTH, { error: `Use at most ${MAX_PASSWORD_LENGTH} characters.` });

/**
 * The recovery key printed at setup: 32 letters and digits in groups of four, from a
 * 32-character alphabet without look-alikes (no 0/O, no 1/I: L stays, as neither 1 nor I is
 * there to mistake it for), so each character carries 5 bits and the key its full 160 random
 * bits (an earlier 31-character alphabet gave 158.5; keys printed from it are still valid).
 * Typed with or without the dashes, in either case.
 */
export const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RecoveryKeyField = z
  .string({ error: 'Enter the recovery key.' })
  .max(80, { error: 'The recovery key is 32 letters and digits: check what you typed.' })
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
  .refine((v) => v.length === 32 && [...v].every((c) => RECOVERY_ALPHABET.includes(c)), {
    error: 'The recovery key is 32 letters and digits, like ABCD-EFGH-…: check what you typed.',
  });
