/** Test helpers: the session (main/backend/session/) alone, on a real data folder, without the backend. */
import { createSession } from '../../main/backend/session';
import type { SessionControl, SessionOptions } from '../../main/backend/session';
import { fixedClock } from '../../main/util/clock';
import { memoryLogger } from '../../main/util/logger';
import { CLINIC_SETUP, removeTempDirs, TEST_KDF, TEST_TODAY, tempDir } from './backend';
import { openClinicDb } from './db';

const open: SessionControl[] = [];

export function openTestSession(options: Partial<SessionOptions> = {}) {
  const clock = fixedClock(TEST_TODAY);
  const logger = memoryLogger();
  const dataDir = options.dataDir ?? tempDir();
  const session = createSession({
    dataDir,
    clock,
    logger,
    appVersion: '0.1.0-test',
    startInDemo: false,
    passwordKdf: TEST_KDF,
    ...options,
  });
  open.push(session);
  return { session, clock, logger, dataDir };
}

/** A session with the clinic set up (CLINIC_SETUP) and its owner, clinician 1, signed in. */
export async function setUpSession(options: Partial<SessionOptions> = {}) {
  const t = openTestSession(options);
  const { recoveryKey } = await t.session.setup(CLINIC_SETUP);
  return { ...t, recoveryKey };
}

/** For afterEach: closes every session a test opened (stopping their timers), then removes their folders. */
export function closeTestSessions(): void {
  for (const session of open.splice(0)) session.close();
  removeTempDirs();
}

/** The audit trail's entries for these actions, read from the records file as another program would. */
export async function auditOf(dataDir: string, ...actions: string[]): Promise<{ action: string; summary: string }[]> {
  const db = await openClinicDb(dataDir, { readonly: true });
  try {
    const rows = db.prepare('SELECT action, summary FROM audit_log ORDER BY id').all() as {
      action: string;
      summary: string;
    }[];
    return rows.filter((r) => actions.includes(r.action));
  } finally {
    db.close();
  }
}
