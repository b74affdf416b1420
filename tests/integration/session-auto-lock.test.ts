/**
 * The automatic lock (main/backend/session/auto-lock.ts): open records lock after the clinic's
 * idle time, activity postpones it, and activity after the idle time does not. A real session on
 * a real data folder, with a clock the test moves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { idleTooLong } from '../../main/backend/session/auto-lock';
import { auditOf, closeTestSessions, openTestSession, setUpSession } from '../helpers/session';

afterEach(closeTestSessions);

const MINUTE = 60_000;

describe('the automatic lock', () => {
  it('locks at the next request after the idle time, and says why in the audit trail', async () => {
    const { session, clock, dataDir } = await setUpSession();
    clock.advance(5 * MINUTE + 1);
    expect(() => session.requireClinic()).toThrow(expect.objectContaining({ code: 'session_locked' }));
    expect(session.status()).toMatchObject({ state: 'locked', lockedBy: { clinicianId: 1 } });
    expect(await auditOf(dataDir, 'lock')).toEqual([
      { action: 'lock', summary: 'Locked after 5 minutes without activity' },
    ]);
  });

  it('stays open while the clinician works: each request and each touch starts the idle time again', async () => {
    const { session, clock } = await setUpSession();
    clock.advance(4 * MINUTE);
    session.requireClinic();
    clock.advance(4 * MINUTE);
    session.touch();
    clock.advance(4 * MINUTE);
    expect(session.requireClinic().clinician.id).toBe(1);
  });

  it('is not put off by a touch that comes after the idle time has run out', async () => {
    const { session, clock } = await setUpSession();
    clock.advance(6 * MINUTE);
    session.touch();
    expect(() => session.requireClinic()).toThrow(expect.objectContaining({ code: 'session_locked' }));
  });

  it('never locks the demo clinic, which has no idle time', () => {
    const { session, clock } = openTestSession({ startInDemo: true });
    clock.advance(600 * MINUTE);
    expect(session.requireClinic().store.kind).toBe('demo');
  });

  it('counts idle time from the last activity, in whole milliseconds past the limit', () => {
    const open = { autoLockMinutes: 5, lastActivity: 0 };
    expect(idleTooLong(open, new Date(5 * MINUTE))).toBe(false);
    expect(idleTooLong(open, new Date(5 * MINUTE + 1))).toBe(true);
    expect(idleTooLong({ ...open, autoLockMinutes: null }, new Date(10_000 * MINUTE))).toBe(false);
  });
});
