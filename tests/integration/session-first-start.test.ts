/**
 * The first start (main/backend/session/first-start.ts): setting up a clinic writes its key file
 * before its records, never over an existing key file, and refuses a weak password before
 * anything is written. A real session on a real data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordsFile } from '../../main/backend/store';
import { KEY_FILE, readKeyFile } from '../../main/security/key-file';
import { CLINIC_SETUP } from '../helpers/backend';
import { closeTestSessions, openTestSession, setUpSession } from '../helpers/session';

afterEach(closeTestSessions);

describe('setting up a clinic', () => {
  it('writes a key file with the owner’s password slot and a recovery slot, and a recovery key to keep', async () => {
    const { dataDir, recoveryKey } = await setUpSession();
    const keys = readKeyFile(path.join(dataDir, KEY_FILE));
    expect(keys.clinicName).toBe(CLINIC_SETUP.clinic.clinicName);
    expect(keys.wraps.map((w) => w.kind).sort()).toEqual(['password', 'recovery']);
    expect(recoveryKey).toMatch(/^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$/);
  });

  it('is refused once the clinic is set up', async () => {
    const { session } = await setUpSession();
    await expect(session.setup(CLINIC_SETUP)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a weak password before writing anything', async () => {
    const { session, dataDir } = openTestSession();
    await expect(session.setup({ ...CLINIC_SETUP, password: 'password' })).rejects.toMatchObject({
      code: 'invalid_request',
      fields: { password: expect.any(String) as string },
    });
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    expect(fs.existsSync(recordsFile(dataDir))).toBe(false);
  });

  it('never writes over a key file that appeared meanwhile (another window), and keeps it', async () => {
    const { session, dataDir } = openTestSession();
    const other = await setUpSession();
    const theirs = fs.readFileSync(path.join(other.dataDir, KEY_FILE));
    fs.writeFileSync(path.join(dataDir, KEY_FILE), theirs);
    await expect(session.setup(CLINIC_SETUP)).rejects.toMatchObject({ code: 'conflict' });
    expect(fs.readFileSync(path.join(dataDir, KEY_FILE))).toEqual(theirs);
  });

  it('lists no clinicians to encrypt for, unless records from before encryption are there', async () => {
    const { session } = await setUpSession();
    expect(session.clinicians()).toEqual([]);
    await expect(session.encryptExisting(1, 'amber heron waits beside the quiet weir')).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
