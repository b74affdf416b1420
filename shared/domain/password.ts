/**
 * The password fields of the contract, and their length limits. Following NIST SP 800-63B: length
 * matters, composition rules do not; passwords that are common or built from the clinician's or the
 * clinic's name are refused by the strength estimate in password-strength.ts.
 */
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export interface PasswordContext {
  clinicianName?: string;
  clinicName?: string;
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
