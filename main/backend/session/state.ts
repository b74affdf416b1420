/**
 * The session's state, shared by its modules: which clinic is open (real or demo), what phase its
 * records are in, and what the renderer is told about it (AppStatus). The other modules of this
 * folder read and change this one object; only index.ts creates it.
 */
import path from 'node:path';
import type { AppStatus } from '../../../shared/domain/session';
import { appendAudit } from '../../audit/audit-log';
import type { AuditEntry } from '../../audit/audit-log';
import type { AnchorKeeper } from '../../audit/anchor-keeper';
import { createAnchorKeeper } from '../../audit/anchor-keeper';
import { getClinician, readSettings } from '../../records/clinic';
import type { KeyFile, PasswordKdfParams } from '../../security/key-file';
import { KEY_FILE, signInChoices } from '../../security/key-file';
import type { Clock } from '../../util/clock';
import { AppError } from '../../util/errors';
import type { Logger } from '../../util/logger';
import type { ClinicKind, ClinicStore, OpenStoreOptions } from '../store';
import { isAdministratorRole, roleOf } from '../../records/clinician-roles';
import { rotationAdvised } from './key-rotation';
import type { Problem } from './problems';
import type { Counter, FailedAttempt, Throttle } from './throttle';
import { createThrottle } from './throttle';

export interface SessionOptions extends OpenStoreOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  startInDemo: boolean;
  /** Key derivation for new password slots. Tests lower its cost; the app uses DEFAULT_PASSWORD_KDF. */
  passwordKdf: PasswordKdfParams;
  /** Called whenever the records close (lock, sign-out, restore, demo), to drop what came from them. */
  onRecordsClosed?: () => void;
  /** While the disk is full, the sentence the status carries (main/files/disk-reserve.ts). */
  diskFull?: () => string | null;
}

/** Records open for a clinician; `key` and `keys` are null in the demo clinic (not encrypted). */
export interface OpenPhase {
  kind: 'open';
  store: ClinicStore;
  clinicianId: number;
  key: Buffer | null;
  keys: KeyFile | null;
  /** The clinic's idle time before the automatic lock (auto-lock.ts); null in the demo clinic. */
  autoLockMinutes: number | null;
  /** When the clinician last did something (clock milliseconds). */
  lastActivity: number;
  /**
   * Whether changing the records key is advisable (key-rotation.ts): worked out once per opening
   * (null until then), and again after a clinician is deactivated.
   */
  keyRotationAdvised: boolean | null;
}

export type EncryptedOpen = OpenPhase & { key: Buffer; keys: KeyFile };

export type Phase =
  | { kind: 'problem'; problem: Problem; restorable: boolean }
  | { kind: 'new' }
  | { kind: 'plaintext' }
  | { kind: 'closed'; keys: KeyFile; lockedBy: number | null }
  | OpenPhase;

export interface SessionState {
  readonly options: SessionOptions;
  readonly dataDir: string;
  /** keys.json in the data folder. */
  readonly keyFile: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The native driver to open records files with (tests pass their own build). */
  readonly driver: { nativeBinding?: string };
  /** Wrong passwords at every prompt, counted on disk beside the key file (survives a restart). */
  readonly throttle: Throttle;
  /** Seals the audit trail's head while the records are open (audit/anchor-keeper.ts). */
  readonly anchors: AnchorKeeper;
  kind: ClinicKind;
  phase: Phase;
}

export function createSessionState(options: SessionOptions): SessionState {
  const { dataDir, clock, logger } = options;
  return {
    options,
    dataDir,
    keyFile: path.join(dataDir, KEY_FILE),
    clock,
    logger,
    driver: options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    throttle: createThrottle({ dataDir, clock, logger }),
    anchors: createAnchorKeeper({ dataDir, clock, logger }),
    kind: options.startInDemo ? 'demo' : 'real',
    phase: { kind: 'new' },
  };
}

/** What the renderer is told: the first screen to show, and who is signed in. */
export function statusOf(s: SessionState): AppStatus {
  const { phase } = s;
  const base = {
    clinicKind: s.kind,
    dataFolder: s.dataDir,
    appVersion: s.options.appVersion,
    diskFull: s.options.diskFull?.() ?? null,
    problem: null,
    clinician: null,
    signInChoices: [],
    lockedBy: null,
    autoLockMinutes: null,
    clinicName: '',
  };
  switch (phase.kind) {
    case 'problem':
      return { ...base, state: 'database_error', problem: phase.problem };
    case 'new':
      return { ...base, state: 'needs_setup' };
    case 'plaintext':
      return { ...base, state: 'needs_encryption' };
    case 'closed': {
      const choices = signInChoices(phase.keys);
      const lockedBy = phase.lockedBy;
      const locked = lockedBy === null ? undefined : choices.find((c) => c.clinicianId === lockedBy);
      return {
        ...base,
        state: locked ? 'locked' : 'signed_out',
        clinicName: phase.keys.clinicName,
        signInChoices: choices,
        lockedBy: locked ?? null,
      };
    }
    case 'open': {
      const settings = readSettings(phase.store.db);
      const clinician = getClinician(phase.store.db, phase.clinicianId);
      return {
        ...base,
        ...(phase.key && isAdministratorRole(roleOf(phase.store.db, phase.clinicianId))
          ? { keyRotationAdvised: (phase.keyRotationAdvised ??= rotationAdvised(phase.store.db)) }
          : {}),
        state: 'ready',
        clinicName: settings?.clinicName ?? '',
        clinician,
        autoLockMinutes: phase.autoLockMinutes,
      };
    }
  }
}

/** The open records, or an AppError saying why there are none (locked, signed out, a problem). */
export function requireOpen(s: SessionState): OpenPhase {
  const { phase } = s;
  if (phase.kind === 'open') return phase;
  if (phase.kind === 'closed' && phase.lockedBy !== null) {
    throw new AppError('session_locked', 'The app is locked. Enter your password to continue.');
  }
  if (phase.kind === 'problem')
    throw new AppError('database_unavailable', `${phase.problem.title}. ${phase.problem.whatToDo}`);
  throw new AppError('unauthenticated', 'Sign in to see or change records.');
}

function isEncrypted(open: OpenPhase): open is EncryptedOpen {
  return open.key !== null && open.keys !== null;
}

/** The open encrypted records (the demo clinic has no key and no passwords). */
export function requireEncryptedOpen(s: SessionState): EncryptedOpen {
  const open = requireOpen(s);
  if (!isEncrypted(open)) throw new AppError('forbidden', 'The demo clinic has no passwords.');
  return open;
}

/** Records that cannot be opened; `restorable` says whether restoring a backup over them is safe. */
export function setProblem(s: SessionState, problem: Problem, restorable = true): void {
  s.phase = { kind: 'problem', problem, restorable };
}

/** Keeps the session's copy of the key file in step with what was read or written. */
export function keepKeys(s: SessionState, keys: KeyFile): void {
  const { phase } = s;
  if (phase.kind === 'closed' || (phase.kind === 'open' && phase.keys)) phase.keys = keys;
}

/** A session event in the open records' audit trail (nothing is written while they are closed). */
export function audit(
  s: SessionState,
  entry: Omit<AuditEntry, 'entity' | 'entityId' | 'patientId'> & Partial<AuditEntry>,
): void {
  if (s.phase.kind !== 'open') return;
  appendAudit(s.phase.store.db, s.clock, { entity: 'session', entityId: null, patientId: null, ...entry });
}

/** Wrong passwords kept while the records were closed (or just now) go to the audit trail. */
export function auditFailedAttempts(s: SessionState): void {
  if (s.phase.kind !== 'open' || s.phase.store.kind !== 'real') return;
  const db = s.phase.store.db;
  db.transaction(() => {
    for (const entry of s.throttle.takeUnaudited()) appendAudit(db, s.clock, entry);
  }).immediate();
}

/** A wrong password at any prompt: counted for the delay, and audited (now if the records are open). */
export function failAttempt(s: SessionState, counter: Counter, attempt: FailedAttempt): void {
  s.throttle.fail(counter, attempt);
  auditFailedAttempts(s);
}
