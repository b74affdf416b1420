/** Test helpers: a real backend on a real SQLite file in a fresh temporary folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Backend, BackendOptions } from '../../main/backend/backend';
import { createBackend } from '../../main/backend/backend';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { PatientInput } from '../../shared/domain/patient';
import type { ClinicSettings } from '../../shared/domain/settings';
import type { Result } from '../../shared/ipc/result';
import type { PasswordKdfParams } from '../../main/security/key-file';
import { fixedClock } from '../../main/util/clock';
import { memoryLogger } from '../../main/util/logger';

const made: string[] = [];

export function tempDir(prefix = 'stride-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export const TEST_TODAY = '2026-11-27T10:00:00.000Z';

/**
 * A cheaper Argon2id for tests (the app uses 64 MiB, 3 passes); the key file records the cost per
 * slot, so a test clinic opens in the app too (its slots are rewrapped at full cost on sign-in).
 */
export const TEST_KDF: PasswordKdfParams = { name: 'argon2id', m: 1024, t: 1, p: 1 };

/** Hard enough to guess for the strength estimate (xkcd's "correct horse battery staple" is refused now). */
export const TEST_PASSWORD = 'violet otter climbs slowly at dusk';

export function openTestBackend(
  options: Partial<BackendOptions> = {},
): Backend & { clock: ReturnType<typeof fixedClock>; logger: ReturnType<typeof memoryLogger> } {
  const clock = fixedClock(TEST_TODAY);
  const logger = memoryLogger();
  const backend = createBackend({
    dataDir: options.dataDir ?? tempDir(),
    clock,
    logger,
    passwordKdf: TEST_KDF,
    // No disk reserve unless a test asks for one (tests/integration/disk-full.test.ts does).
    diskReserveBytes: 0,
    ...options,
  });
  return Object.assign(backend, { clock, logger });
}

/** The value of a successful call, or a test failure that shows the error. */
export async function must<C extends Channel>(
  backend: Backend,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const r: Result<ResponseOf<C>> = await backend.invoke(channel, request);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The set-up request, its clinic settings complete (they also serve writeSettings directly). */
export const CLINIC_SETUP: RequestOf<'app.setup'> & { clinic: ClinicSettings } = {
  clinic: {
    clinicName: 'Riverside Running Clinic',
    address: '12 River Street, Leeds',
    phone: '+44 113 496 0000',
    email: 'desk@riverside.example',
    emergencyNumber: '999',
    units: 'km',
    paperSize: 'A4',
    dateFormat: 'DD/MM/YYYY',
    autoLockMinutes: 5,
  },
  clinician: { name: 'Priya Shah', profession: 'Physiotherapist', registrationNumber: 'PH123456' },
  password: TEST_PASSWORD,
};

/** A backend with the clinic set up and its first clinician signed in. */
export async function readyBackend(options: Partial<BackendOptions> = {}) {
  const backend = openTestBackend(options);
  const { recoveryKey } = await must(backend, 'app.setup', CLINIC_SETUP);
  return Object.assign(backend, { recoveryKey });
}

export function patientInput(overrides: Partial<PatientInput> = {}): PatientInput {
  return {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '1991-03-14',
    sex: 'female',
    phone: '+44 7700 900123',
    email: 'zoe@example.org',
    recordNumber: 'RR-0001',
    notes: '',
    ...overrides,
  };
}
