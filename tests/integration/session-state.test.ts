/**
 * What the first screen is told (main/backend/session/state.ts): the status in each phase of the
 * records, and why a request for records is refused when none are open. A real session on a
 * real data folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC_SETUP, TEST_PASSWORD } from '../helpers/backend';
import { closeTestSessions, openTestSession, setUpSession } from '../helpers/session';

afterEach(closeTestSessions);

describe('the session status', () => {
  it('asks a new computer to set up the clinic, with nobody signed in', () => {
    const { session, dataDir } = openTestSession();
    expect(session.status()).toMatchObject({
      state: 'needs_setup',
      clinicKind: 'real',
      dataFolder: dataDir,
      appVersion: '0.1.0-test',
      clinician: null,
      signInChoices: [],
    });
    expect(() => session.requireClinic()).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
  });

  it('is ready after setup, with the clinic, its owner and its idle time', async () => {
    const { session } = await setUpSession();
    expect(session.status()).toMatchObject({
      state: 'ready',
      clinicName: CLINIC_SETUP.clinic.clinicName,
      clinician: { id: 1, name: CLINIC_SETUP.clinician.name },
      autoLockMinutes: CLINIC_SETUP.clinic.autoLockMinutes,
    });
  });

  it('names who locked the session, and refuses records as locked until they unlock', async () => {
    const { session } = await setUpSession();
    expect(session.lock()).toMatchObject({
      state: 'locked',
      lockedBy: { clinicianId: 1, name: CLINIC_SETUP.clinician.name },
      clinician: null,
      autoLockMinutes: null,
    });
    expect(() => session.requireClinic()).toThrow(expect.objectContaining({ code: 'session_locked' }));
    expect(await session.unlock(TEST_PASSWORD)).toMatchObject({ state: 'ready' });
  });

  it('lists who can sign in once signed out, and refuses records as unauthenticated', async () => {
    const { session } = await setUpSession();
    session.lock();
    expect(session.signOut()).toMatchObject({
      state: 'signed_out',
      lockedBy: null,
      clinicName: CLINIC_SETUP.clinic.clinicName,
      signInChoices: [{ clinicianId: 1, name: CLINIC_SETUP.clinician.name }],
    });
    expect(() => session.requireClinic()).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
  });

  it('carries the full-disk sentence whatever the phase', async () => {
    const { session } = await setUpSession({ diskFull: () => 'The disk is full.' });
    expect(session.status().diskFull).toBe('The disk is full.');
    expect(session.lock().diskFull).toBe('The disk is full.');
  });

  it('opens the demo clinic without a password or an idle lock, and the real one again on leaving', async () => {
    const { session } = await setUpSession();
    expect(session.openDemo()).toMatchObject({ state: 'ready', clinicKind: 'demo', autoLockMinutes: null });
    expect(() => session.requireKeys()).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(session.leaveDemo()).toMatchObject({ state: 'signed_out', clinicKind: 'real' });
  });
});
