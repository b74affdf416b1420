/**
 * Signing in, unlocking and the recovery key (main/backend/session/sign-in.ts): each checks the
 * key file as it is on disk now, counts and audits a wrong answer, and leaves the records closed
 * when it refuses. A real session on a real data folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RecoveryKeyField } from '../../shared/domain/password';
import { TEST_PASSWORD } from '../helpers/backend';
import { auditOf, closeTestSessions, setUpSession } from '../helpers/session';

afterEach(closeTestSessions);

/** The recovery key as the contract hands it to the session (capitals, no dashes). */
const typed = (shown: string) => RecoveryKeyField.parse(shown);

const NEW_PASSWORD = 'amber heron waits beside the quiet weir';

describe('signing in', () => {
  it('refuses a wrong password on the password field, and audits it once the records open', async () => {
    const { session, dataDir } = await setUpSession();
    session.signOut();
    await expect(session.signIn(1, 'not my password at all')).rejects.toMatchObject({
      code: 'unauthenticated',
      fields: { password: 'Wrong password. Check Caps Lock and try again.' },
    });
    expect(session.status().state).toBe('signed_out');
    await session.signIn(1, TEST_PASSWORD);
    expect((await auditOf(dataDir, 'sign_in_failed')).map((e) => e.summary)).toEqual([
      expect.stringContaining('Wrong password for Priya Shah (sign-in)'),
    ]);
  });

  it('says "unlocked" when the clinician who locked comes back, "signed in" otherwise', async () => {
    const { session, dataDir } = await setUpSession();
    session.lock();
    await session.unlock(TEST_PASSWORD);
    session.signOut();
    await session.signIn(1, TEST_PASSWORD);
    const entries = await auditOf(dataDir, 'unlock', 'sign_in');
    expect(entries.map((e) => e.summary)).toEqual([
      'Priya Shah set up the clinic and signed in',
      'Priya Shah unlocked the session',
      'Priya Shah signed in',
    ]);
  });

  it('refuses a second sign-in while someone is signed in, and unlocking a session that is not locked', async () => {
    const { session } = await setUpSession();
    await expect(session.signIn(1, TEST_PASSWORD)).rejects.toMatchObject({ code: 'conflict' });
    session.signOut();
    await expect(session.unlock(TEST_PASSWORD)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('opens the records with the recovery key and a new password, which then signs in', async () => {
    const { session, recoveryKey } = await setUpSession();
    session.signOut();
    expect(await session.recover(typed(recoveryKey), 1, NEW_PASSWORD)).toMatchObject({ state: 'ready' });
    session.signOut();
    await expect(session.signIn(1, TEST_PASSWORD)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await session.signIn(1, NEW_PASSWORD)).toMatchObject({ state: 'ready' });
    const { store } = session.requireClinic();
    const actions = store.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'password%'").pluck().all();
    expect(actions).toEqual(['password_reset']);
  });

  it('leaves the records closed when the new password given with the recovery key is too weak', async () => {
    const { session, recoveryKey } = await setUpSession();
    session.signOut();
    await expect(session.recover(typed(recoveryKey), 1, 'password')).rejects.toMatchObject({ code: 'invalid_request' });
    expect(session.status()).toMatchObject({ state: 'signed_out', clinician: null });
    expect(await session.signIn(1, TEST_PASSWORD)).toMatchObject({ state: 'ready' });
  });
});
