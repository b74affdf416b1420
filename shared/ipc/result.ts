/**
 * The envelope every backend answer travels in, across IPC and HTTP alike.
 *
 * Errors are returned, never thrown across the process boundary: Electron drops the
 * properties of thrown errors on the way to the renderer (electron#24427).
 */
import { z } from 'zod';

export const ERROR_CODES = [
  /** The request did not match the channel's schema (a bug, or a form value out of range). */
  'invalid_request',
  /** The channel does not exist. */
  'unknown_channel',
  /** The record asked for does not exist. */
  'not_found',
  /** The change clashes with what is stored (a duplicate record number, say). */
  'conflict',
  /** The record was changed elsewhere since it was read; reload and try again. */
  'stale',
  /** The record is locked (a signed note) and cannot be changed. */
  'locked',
  /** No clinician is signed in, or the password was wrong. */
  'unauthenticated',
  /** The session is locked (after inactivity or on demand): the clinician's password unlocks it. */
  'session_locked',
  /** The signed-in clinician may not do this. */
  'forbidden',
  /** The database cannot be opened or used (corrupt, locked by another program, unreadable). */
  'database_unavailable',
  /** A file could not be read or written (disk full, folder not writable). */
  'io_error',
  /** This needs the desktop app (a native dialog, the printer): the browser preview cannot do it. */
  'not_available',
  /** Anything else: a bug. The details go to the log, the clinician gets a calm sentence. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const AppErrorShape = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Form field paths (e.g. "dateOfBirth") to the sentence that says what to fix. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
