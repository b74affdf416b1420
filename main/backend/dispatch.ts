/**
 * The one gate every request passes, whichever door it came through (Electron IPC, the preview
 * server's HTTP, or a test): find the channel, parse the request with its schema, check that a
 * clinician is signed in, run the handler, check the answer against its schema, and return a
 * Result. Nothing throws out of here.
 */
import type { z } from 'zod';
import type { Channel } from '../../shared/ipc/contract';
import { contract, isChannel } from '../../shared/ipc/contract';
import { fieldErrors } from '../../shared/ipc/field-errors';
import type { Result } from '../../shared/ipc/result';
import { fail, ok } from '../../shared/ipc/result';
import { DatabaseOpenError } from '../db/open';
import { AppError, errorCodeOf } from '../util/errors';
import type { Logger } from '../util/logger';
import type { ClinicContext, Handlers, PublicContext } from './handler-types';

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

interface DispatchDeps {
  handlers: Handlers;
  publicContext: () => PublicContext;
  clinicContext: () => ClinicContext;
  logger: Logger;
}

function invalidRequest(error: z.ZodError): Result<never> {
  const fields = fieldErrors(error);
  const messages = Object.values(fields);
  const message =
    messages.length === 1
      ? messages[0]!
      : `${messages.length} entries need attention: ${messages.slice(0, 3).join(' ')}`;
  return fail('invalid_request', message, fields);
}

/** SQLite failures that reach a handler, in the clinic's words. */
function fromSqliteError(err: { code: string }): Result<never> | null {
  if (err.code.startsWith('SQLITE_BUSY') || err.code.startsWith('SQLITE_LOCKED')) {
    return fail(
      'database_unavailable',
      'The records are busy in another window or program. Wait a moment and try again.',
    );
  }
  if (err.code === 'SQLITE_FULL') {
    return fail('io_error', 'The disk is full, so nothing was saved. Free some space on this computer and try again.');
  }
  if (err.code.startsWith('SQLITE_READONLY') || err.code.startsWith('SQLITE_IOERR') || err.code === 'SQLITE_CANTOPEN') {
    return fail(
      'io_error',
      'The records file could not be written, so nothing was saved. Check the disk and try again.',
    );
  }
  if (err.code.startsWith('SQLITE_CORRUPT')) {
    return fail(
      'database_unavailable',
      'The records file is damaged. Nothing was saved. Restore the most recent backup.',
    );
  }
  return null;
}

export function createDispatch(deps: DispatchDeps): Dispatch {
  return async (channelName, payload) => {
    if (typeof channelName !== 'string' || !isChannel(channelName)) {
      return fail('unknown_channel', `There is no request called "${String(channelName).slice(0, 60)}".`);
    }
    const channel: Channel = channelName;
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);

    let value: unknown;
    try {
      // Safe: the handler map is typed channel by channel (the compiler checks each handler), and
      // `parsed.data` was just parsed with this channel's request schema; one call site serves all.
      const handler = deps.handlers[channel] as (req: unknown, ctx: unknown) => unknown;
      const ctx = 'public' in spec && spec.public ? deps.publicContext() : deps.clinicContext();
      value = await handler(parsed.data, ctx);
    } catch (err) {
      if (err instanceof AppError) {
        return fail(err.code, err.message, err.fields);
      }
      if (err instanceof DatabaseOpenError) {
        return fail('database_unavailable', err.message);
      }
      const code = errorCodeOf(err);
      if (code?.startsWith('SQLITE_')) {
        deps.logger.error(`${channel}: ${code}`, err);
        const mapped = fromSqliteError({ code });
        if (mapped) return mapped;
      } else {
        deps.logger.error(`${channel}: unexpected failure`, err);
      }
      return fail(
        'internal',
        'Something went wrong and nothing was changed. If it happens again, note what you were doing and contact support.',
      );
    }

    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      deps.logger.error(`${channel}: answer does not match the contract: ${checked.error.message}`);
      return fail(
        'internal',
        'The app produced an answer it could not check. Nothing was shown; please contact support.',
      );
    }
    return ok(checked.data);
  };
}
