/**
 * Key administration (main/backend/session/key-admin.ts): passwords and clinicians' access
 * change keys.json as it is on disk now, the check before an administrative act is throttled
 * and audited, and a key file that is not the open records' own is never adopted. A real session
 * on a real data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionControl } from '../../main/backend/session';
import { createClinician } from '../../main/records/clinic';
import type { Clock } from '../../main/util/clock';
import { KEY_FILE, readKeyFile } from '../../main/security/key-file';
import { TEST_PASSWORD } from '../helpers/backend';
import { auditOf, closeTestSessions, openTestSession, setUpSession } from '../helpers/session';

afterEach(closeTestSessions);

/** A second clinician, Tom Okafor, added by the owner (no password yet). */
function addColleague(session: SessionControl, clock: Clock) {
  const { store } = session.requireClinic();
  return createClinician(store.db, clock, 1, {
    name: 'Tom Okafor',
    profession: 'Physiotherapist',
    registrationNumber: 'PH654321',
  });
}

const COLLEAGUE_PASSWORD = 'copper kettle hums on a winter stove';

describe('key administration', () => {
  it('gives a colleague a password: a key slot they sign in with, audited as set by the owner', async () => {
    const { session, clock, dataDir } = await setUpSession();
    const colleague = addColleague(session, clock);
    expect(session.withAccess([colleague])[0]?.hasPassword).toBe(false);
    await session.setClinicianPassword(colleague.id, COLLEAGUE_PASSWORD);
    expect(session.withAccess([colleague])[0]?.hasPassword).toBe(true);
    expect(await auditOf(dataDir, 'password_set')).toEqual([
      { action: 'password_set', summary: 'Priya Shah set a password for Tom Okafor' },
    ]);
    session.signOut();
    expect(await session.signIn(colleague.id, COLLEAGUE_PASSWORD)).toMatchObject({
      clinician: { name: 'Tom Okafor' },
    });
  });

  it('takes a removed clinician off the sign-in list', async () => {
    const { session, clock, dataDir } = await setUpSession();
    const colleague = addColleague(session, clock);
    await session.setClinicianPassword(colleague.id, COLLEAGUE_PASSWORD);
    session.removeClinicianAccess(colleague.id);
    const keys = readKeyFile(path.join(dataDir, KEY_FILE));
    expect(keys.wraps.filter((w) => w.kind === 'password').map((w) => w.clinicianId)).toEqual([1]);
  });

  it('checks the own password again before an administrative act, on the field yourPassword', async () => {
    const { session, dataDir } = await setUpSession();
    await expect(session.reauthenticate('not my password at all')).rejects.toMatchObject({
      code: 'unauthenticated',
      fields: { yourPassword: expect.stringContaining('That is not your password') as string },
    });
    await expect(session.reauthenticate(TEST_PASSWORD)).resolves.toBeUndefined();
    expect((await auditOf(dataDir, 'reauthentication_failed')).length).toBe(1);
  });

  it('changes one’s own password only with the current one', async () => {
    const { session } = await setUpSession();
    await expect(session.changePassword('wrong current password', COLLEAGUE_PASSWORD)).rejects.toMatchObject({
      fields: { currentPassword: 'Your current password is not right.' },
    });
    await session.changePassword(TEST_PASSWORD, COLLEAGUE_PASSWORD);
    session.signOut();
    expect(await session.signIn(1, COLLEAGUE_PASSWORD)).toMatchObject({ state: 'ready' });
  });

  it('never adopts a key file copied in from other records, and changes nothing', async () => {
    const { session, dataDir } = await setUpSession();
    const other = await setUpSession();
    const ours = fs.readFileSync(path.join(dataDir, KEY_FILE));
    fs.copyFileSync(path.join(other.dataDir, KEY_FILE), path.join(dataDir, KEY_FILE));
    await expect(session.reauthenticate(TEST_PASSWORD)).rejects.toMatchObject({ code: 'conflict' });
    expect(() => session.recordsAccess()).toThrow(expect.objectContaining({ code: 'conflict' }));
    fs.writeFileSync(path.join(dataDir, KEY_FILE), ours);
    const access = session.recordsAccess();
    expect(access.keys.keyCheck).toBe(readKeyFile(path.join(dataDir, KEY_FILE)).keyCheck);
    access.key.fill(0);
  });

  it('has no keys in the demo clinic: no backups, no passwords', () => {
    const { session } = openTestSession({ startInDemo: true });
    expect(() => session.recordsAccess()).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => session.requireKeys()).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
