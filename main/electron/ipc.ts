/**
 * Binds the backend to Electron IPC. Every channel is registered here, through one wrapper that
 * checks the sender frame and hands the payload to the backend's dispatcher (which parses it
 * against the shared contract). Handlers return Results; nothing is thrown across the bridge.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { fail } from '../../shared/ipc/result';
import type { Dispatch } from '../backend/dispatch';
import type { SenderFrame } from './security';
import { isTrustedSender } from './security';

export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcEventLike {
  readonly senderFrame: SenderFrame | null;
}

/** The wrapper every channel goes through. Exported so tests can drive it with fake events. */
export function guardedHandler(channel: Channel, dispatch: Dispatch) {
  return async (event: IpcEventLike, ...args: unknown[]): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return fail('forbidden', 'This request did not come from the Stride Clinic window and was refused.');
    }
    if (args.length !== 1) {
      return fail('invalid_request', 'A request takes exactly one argument.');
    }
    return dispatch(channel, args[0]);
  };
}

export function bindIpc(ipcMain: IpcRegistrar, dispatch: Dispatch, channels: readonly Channel[]): Channel[] {
  const bound: Channel[] = [];
  for (const channel of channels) {
    ipcMain.handle(channel, guardedHandler(channel, dispatch));
    bound.push(channel);
  }
  return bound;
}
