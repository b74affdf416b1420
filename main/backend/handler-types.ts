/** The shape of the backend's handlers: one function per channel of the shared contract. */
import type { Channel, Contract, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Clinician } from '../../shared/domain/settings';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { ClinicStore } from './store';
import type { SessionControl } from './session';
import type { ApprovedPaths, Platform } from './platform';
import type { ProgressBoard } from './progress';
import type { Downloads } from './downloads';

/** What backups, restores and exports share: progress reports, downloads (preview), the app's version. */
export interface RecordsServices {
  readonly progress: ProgressBoard;
  readonly downloads: Downloads;
  readonly appVersion: string;
  readonly dataDir: string;
  readonly nativeBinding?: string;
}
import type { PrivateTempFiles } from '../files/private-temp-files';

export type PublicChannel = {
  [C in Channel]: Contract[C] extends { public: true } ? C : never;
}[Channel];
export type ClinicalChannel = Exclude<Channel, PublicChannel>;

/** What a handler that needs a signed-in clinician receives. */
export interface ClinicContext {
  readonly store: ClinicStore;
  readonly db: ClinicStore['db'];
  readonly clock: Clock;
  readonly clinician: Clinician;
  readonly logger: Logger;
  readonly dataDir: string;
  readonly session: SessionControl;
  /** Native dialogs, viewer, printing (desktop only; null in the browser preview). */
  readonly platform: Platform | null;
  /** Paths the clinician chose in a save dialog; writing elsewhere is refused. */
  readonly approvedPaths: ApprovedPaths;
  readonly records: RecordsServices;
  /** Private temporary files handed to other programs (the PDF viewer), removed afterwards. */
  readonly tempFiles: PrivateTempFiles;
}

/** What the sign-in and first-start handlers receive. */
export interface PublicContext {
  readonly session: SessionControl;
  readonly clock: Clock;
  readonly platform: Platform | null;
  readonly approvedPaths: ApprovedPaths;
  readonly records: RecordsServices;
}

type Reply<C extends Channel> = ResponseOf<C> | Promise<ResponseOf<C>>;

export type Handlers = {
  [C in PublicChannel]: (req: ParsedRequestOf<C>, ctx: PublicContext) => Reply<C>;
} & {
  [C in ClinicalChannel]: (req: ParsedRequestOf<C>, ctx: ClinicContext) => Reply<C>;
};

/** A feature's share of the handlers, so each feature keeps its handlers in its own file. */
export type HandlersFor<C extends Channel> = Pick<Handlers, C>;
