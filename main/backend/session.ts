/**
 * Which clinic is open (real or demo), whether it can be opened at all, and who is signed in.
 * Owned by the backend; the renderer only ever sees the resulting AppStatus.
 */
import type { AppStatus, SetupInput } from '../../shared/domain/session';
import type { Clinician } from '../../shared/domain/settings';
import { DatabaseOpenError } from '../db/open';
import { createClinician, getClinician, listClinicians, readSettings, writeSettings } from '../records/clinic';
import type { Clock } from '../util/clock';
import { AppError } from '../util/errors';
import type { Logger } from '../util/logger';
import { appendAudit } from '../audit/audit-log';
import { seedDemoClinic } from '../demo/demo-clinic';
import type { ClinicKind, ClinicStore, OpenStoreOptions } from './store';
import { openClinicStore } from './store';

export interface SessionControl {
  status(): AppStatus;
  setup(input: SetupInput): AppStatus;
  clinicians(): Clinician[];
  signIn(clinicianId: number): AppStatus;
  signOut(): AppStatus;
  openDemo(): AppStatus;
  leaveDemo(): AppStatus;
  /** The open store and the signed-in clinician, or an AppError saying why there is none. */
  requireClinic(): { store: ClinicStore; clinician: Clinician };
  close(): void;
}

interface Problem {
  title: string;
  detail: string;
  whatToDo: string;
}

/** Turns a failure to open the records into words for the clinic. */
export function describeOpenProblem(err: DatabaseOpenError): Problem {
  const restore =
    'Restore the most recent backup, or ask the person who looks after this computer for help. Nothing has been changed or replaced.';
  switch (err.problem) {
    case 'corrupt':
      return { title: 'The records file is damaged', detail: err.message, whatToDo: restore };
    case 'not_a_database':
    case 'not_ours':
      return { title: 'This is not a Stride Clinic records file', detail: err.message, whatToDo: restore };
    case 'locked':
      return {
        title: 'The records are in use by another program',
        detail: err.message,
        whatToDo:
          'Close other copies of Stride Clinic (or any program that opened the records file), then start the app again.',
      };
    case 'newer_version':
      return {
        title: 'The records need a newer version of Stride Clinic',
        detail: err.message,
        whatToDo: 'Install the latest version of Stride Clinic. The records have not been changed.',
      };
    case 'network_folder':
      return {
        title: 'The data folder is on a network drive',
        detail: err.message,
        whatToDo: "Move the data folder to this computer's own disk and start the app again.",
      };
    case 'missing':
      return { title: 'The records file is missing', detail: err.message, whatToDo: restore };
    case 'migration_mismatch':
    case 'unreadable':
      return { title: 'The records file cannot be opened', detail: err.message, whatToDo: restore };
  }
}

export interface SessionOptions extends OpenStoreOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  startInDemo: boolean;
}

export function createSession(options: SessionOptions): SessionControl {
  let kind: ClinicKind = options.startInDemo ? 'demo' : 'real';
  let store: ClinicStore | null = null;
  let problem: Problem | null = null;
  let clinicianId: number | null = null;

  function open(next: ClinicKind): void {
    store?.close();
    store = null;
    problem = null;
    clinicianId = null;
    kind = next;
    try {
      store = openClinicStore(options.dataDir, next, options);
      if (next === 'demo') {
        const demoClinician = seedDemoClinic(store.db, options.clock);
        clinicianId = demoClinician.id;
      }
    } catch (err) {
      if (err instanceof DatabaseOpenError) {
        options.logger.error(`records could not be opened: ${err.problem}`, err);
        problem = describeOpenProblem(err);
        store?.close();
        store = null;
      } else {
        throw err;
      }
    }
  }

  open(kind);

  function status(): AppStatus {
    const base = {
      clinicKind: kind,
      dataFolder: options.dataDir,
      appVersion: options.appVersion,
    };
    if (!store) {
      return { ...base, state: 'database_error', clinicName: '', clinician: null, problem };
    }
    const settings = readSettings(store.db);
    if (!settings) {
      return { ...base, state: 'needs_setup', clinicName: '', clinician: null, problem: null };
    }
    const clinician = clinicianId === null ? null : getClinician(store.db, clinicianId);
    return {
      ...base,
      state: clinician ? 'ready' : 'signed_out',
      clinicName: settings.clinicName,
      clinician,
      problem: null,
    };
  }

  function requireStore(): ClinicStore {
    if (!store) {
      throw new AppError(
        'database_unavailable',
        problem ? `${problem.title}. ${problem.whatToDo}` : 'The records are not open.',
      );
    }
    return store;
  }

  return {
    status,
    setup(input) {
      const s = requireStore();
      if (readSettings(s.db)) {
        throw new AppError('conflict', 'This clinic is already set up. Sign in instead.');
      }
      const clinician = s.db
        .transaction(() => {
          const c = createClinician(s.db, options.clock, null, input.clinician);
          writeSettings(s.db, options.clock, c.id, input.clinic);
          return c;
        })
        .immediate();
      clinicianId = clinician.id;
      return status();
    },
    clinicians() {
      return listClinicians(requireStore().db, { activeOnly: true });
    },
    signIn(id) {
      const s = requireStore();
      const c = listClinicians(s.db, { activeOnly: true }).find((x) => x.id === id);
      if (!c) throw new AppError('not_found', 'That clinician is not on the list of active clinicians.');
      clinicianId = c.id;
      appendAudit(s.db, options.clock, {
        clinicianId: c.id,
        action: 'sign_in',
        entity: 'session',
        entityId: null,
        patientId: null,
        summary: `${c.name} signed in`,
      });
      return status();
    },
    signOut() {
      if (store && clinicianId !== null) {
        appendAudit(store.db, options.clock, {
          clinicianId,
          action: 'sign_out',
          entity: 'session',
          entityId: null,
          patientId: null,
          summary: 'Signed out',
        });
      }
      clinicianId = null;
      return status();
    },
    openDemo() {
      open('demo');
      return status();
    },
    leaveDemo() {
      open('real');
      return status();
    },
    requireClinic() {
      const s = requireStore();
      if (clinicianId === null) throw new AppError('unauthenticated', 'Sign in to see or change records.');
      return { store: s, clinician: getClinician(s.db, clinicianId) };
    },
    close() {
      store?.close();
      store = null;
    },
  };
}
