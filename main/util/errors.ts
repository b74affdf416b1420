/**
 * Errors the backend raises on purpose. Each carries a code from the IPC contract and a
 * sentence a clinician can act on; the dispatcher turns it into `{ ok: false, error }`.
 */
import type { ErrorCode } from '../../shared/ipc/result';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found. It may have been removed by a restore.`);
}

export function stale(what: string): AppError {
  return new AppError(
    'stale',
    `${what} was changed somewhere else since you opened it. Reload to see the latest version, then make your change again.`,
  );
}

/** The code a failed system or SQLite call carries ("ENOENT", "SQLITE_FULL"), if any. */
export function errorCodeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

/** The message of whatever was thrown. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
