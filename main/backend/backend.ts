/**
 * The backend factory: one data folder in, the typed handlers out. No Electron here.
 *
 * Three doors lead to it: the Electron shell binds it to IPC (main/electron), the preview server
 * binds it to HTTP (main/preview), and tests call it directly. All three go through `dispatch`,
 * which validates every request against the shared contract.
 */
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { PasswordKdfParams } from '../security/key-file';
import { DEFAULT_PASSWORD_KDF } from '../security/key-file';
import type { Clock } from '../util/clock';
import type { Platform } from './platform';
import { ApprovedPaths } from './platform';
import { systemClock } from '../util/clock';
import type { Logger } from '../util/logger';
import { consoleLogger } from '../util/logger';
import type { Dispatch } from './dispatch';
import { createDispatch } from './dispatch';
import type { Handlers } from './handler-types';
import { appHandlers } from './handlers/app';
import { episodeHandlers } from './handlers/episodes';
import { intakeHandlers } from './handlers/intake';
import { exerciseHandlers } from './handlers/exercises';
import { handoutHandlers } from './handlers/handouts';
import { PrivateTempFiles } from '../files/private-temp-files';
import { createDiskReserve, diskFullMessage, isAllowedWhileFull, RESERVE_BYTES } from '../files/disk-reserve';
import { fail } from '../../shared/ipc/result';
import { patientHandlers } from './handlers/patients';
import { runningHandlers } from './handlers/running';
import { settingsHandlers } from './handlers/settings';
import { auditHandlers } from './handlers/audit';
import { keyHandlers } from './handlers/keys';
import { recordsHandlers } from './handlers/records';
import { Downloads } from './downloads';
import { ProgressBoard } from './progress';
import type { RecordsServices } from './handler-types';
import { createSession } from './session';

export interface BackendOptions {
  /** The folder that holds the clinic's records (Electron: userData). */
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  appVersion?: string;
  /** better-sqlite3 binary for this runtime, when it is not the one in node_modules. */
  nativeBinding?: string;
  /** Open the demo clinic instead of the real one. */
  startInDemo?: boolean;
  /**
   * Key derivation for new password slots; tests lower its cost to stay fast. Default:
   * DEFAULT_PASSWORD_KDF (Argon2id, 64 MiB, 3 passes). Slots at another cost are rewrapped at
   * their clinician's next sign-in.
   */
  passwordKdf?: PasswordKdfParams;
  /** Native dialogs, viewer and printing: the Electron shell's; absent in the browser preview. */
  platform?: Platform;
  /** Where the viewer's temporary copies go (default: the system's temporary folder); tests use their own. */
  viewerTempRoot?: string;
  /**
   * Bytes kept back in the data folder's disk reserve (main/files/disk-reserve.ts); 0 keeps none
   * (the test helper's default, so hundreds of test clinics do not each write megabytes).
   */
  diskReserveBytes?: number;
}

export interface Backend {
  /** Untyped entry for the IPC and HTTP doors: anything may arrive here. */
  readonly dispatch: Dispatch;
  /** Typed entry for tests and in-process callers. */
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  readonly channels: readonly Channel[];
  readonly dataDir: string;
  /** Resolves when background work (the daily snapshot) has finished. */
  settled(): Promise<void>;
  close(): void;
}

export const handlers: Handlers = {
  ...appHandlers,
  ...patientHandlers,
  ...episodeHandlers,
  ...intakeHandlers,
  ...exerciseHandlers,
  ...runningHandlers,
  ...handoutHandlers,
  ...settingsHandlers,
  ...recordsHandlers,
  ...auditHandlers,
  ...keyHandlers,
};

export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;

  const approvedPaths = new ApprovedPaths();
  const downloads = new Downloads(() => clock.now().getTime());
  // Plain PDFs handed to the viewer: gone when the records close, and what a crashed run left, now.
  const tempFiles = new PrivateTempFiles(options.viewerTempRoot);
  tempFiles.sweepLeftovers();
  // A few megabytes kept back, so that a full disk still lets clinicians sign in and read.
  const reserve = createDiskReserve(options.dataDir, logger, options.diskReserveBytes ?? RESERVE_BYTES);
  const session = createSession({
    diskFull: () => reserve.notice(),
    dataDir: options.dataDir,
    clock,
    logger,
    appVersion: options.appVersion ?? '0.0.0-dev',
    startInDemo: options.startInDemo ?? false,
    passwordKdf: options.passwordKdf ?? DEFAULT_PASSWORD_KDF,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    // Exports waiting in memory and the viewer's copies are patient data in clear: gone when the records close.
    onRecordsClosed: () => {
      downloads.clear();
      tempFiles.removeAll();
    },
  });
  const records: RecordsServices = {
    progress: new ProgressBoard(),
    downloads,
    appVersion: options.appVersion ?? '0.0.0-dev',
    dataDir: options.dataDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const answer = createDispatch({
    handlers,
    logger,
    publicContext: () => ({ session, clock, platform: options.platform ?? null, approvedPaths, records }),
    clinicContext: () => {
      const { store, clinician } = session.requireClinic();
      return {
        store,
        db: store.db,
        clock,
        clinician,
        logger,
        dataDir: options.dataDir,
        session,
        platform: options.platform ?? null,
        approvedPaths,
        records,
        tempFiles,
      };
    },
  });

  // After every request, the audit trail's new head is sealed into its anchor (off the answer's path).
  const dispatch: Dispatch = async (channel, payload) => {
    try {
      const full = reserve.check();
      if (full && !isAllowedWhileFull(String(channel))) return fail('io_error', full);
      let result = await answer(channel, payload);
      if (!result.ok && result.error.code === 'io_error' && result.error.message.startsWith('The disk is full')) {
        // A read's audit entry did not fit: release the reserve and try once more (a sign-in is not
        // retried: it may have opened the records already; the check above released the reserve).
        const freed = reserve.writeFailedForSpace();
        if (freed && isAllowedWhileFull(String(channel)) && !String(channel).startsWith('session.'))
          result = await answer(channel, payload);
        if (!result.ok && result.error.message.startsWith('The disk is full'))
          return fail('io_error', diskFullMessage(options.dataDir));
      }
      return result;
    } finally {
      session.keepAuditAnchor();
    }
  };

  return {
    dispatch,
    // Safe: dispatch checks the answer against the channel's response schema before returning it,
    // so it is that channel's response type, which TypeScript cannot follow through the channel map.
    invoke: (channel, request) => dispatch(channel, request) as never,
    channels: CHANNELS,
    dataDir: options.dataDir,
    settled: () => session.settled(),
    close: () => {
      downloads.clear();
      tempFiles.removeAll();
      session.close();
    },
  };
}
