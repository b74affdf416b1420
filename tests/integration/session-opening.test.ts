/**
 * Looking at the data folder at start (main/backend/session/opening.ts): the first screen a
 * folder leads to, never a silent new clinic over records that went missing, and closing the
 * records wipes what came from them. A real session on a real data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MARKER_FILE, recordsFile } from '../../main/backend/store';
import { KEY_FILE } from '../../main/security/key-file';
import { TEST_PASSWORD } from '../helpers/backend';
import { auditOf, closeTestSessions, openTestSession, setUpSession } from '../helpers/session';

afterEach(closeTestSessions);

describe('opening the records', () => {
  it('starts a set-up clinic signed out, with its records closed until a password opens them', async () => {
    const { dataDir, session: first } = await setUpSession();
    first.close();
    const { session } = openTestSession({ dataDir });
    expect(session.status().state).toBe('signed_out');
    expect(await session.signIn(1, TEST_PASSWORD)).toMatchObject({ state: 'ready' });
  });

  it('is a clear error, never a new clinic, when the records file went missing from a used folder', async () => {
    const { dataDir, session: first } = await setUpSession();
    first.close();
    fs.rmSync(recordsFile(dataDir));
    expect(fs.existsSync(path.join(dataDir, MARKER_FILE))).toBe(true);
    const { session } = openTestSession({ dataDir });
    expect(session.status()).toMatchObject({
      state: 'database_error',
      problem: { title: 'The records file is missing' },
    });
    expect(session.backupList().restore).toEqual({ allowed: true, reason: null });
  });

  it('refuses a plain records file in a clinic whose key file says they are encrypted', async () => {
    const { dataDir, session: first } = await setUpSession();
    first.close();
    // The demo clinic's records (plain SQLite) put in place of the encrypted ones.
    openTestSession({ dataDir, startInDemo: true }).session.close();
    fs.copyFileSync(recordsFile(dataDir, 'demo'), recordsFile(dataDir));
    const { session } = openTestSession({ dataDir });
    expect(session.status()).toMatchObject({
      state: 'database_error',
      problem: { title: 'The records file is not encrypted, but this clinic uses encryption' },
    });
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(true);
  });

  it('wipes what came from the records and audits the lock when they close', async () => {
    let closed = 0;
    const { dataDir, session } = await setUpSession({ onRecordsClosed: () => closed++ });
    const { store } = session.requireClinic();
    session.lock();
    expect(store.db.open).toBe(false);
    expect(closed).toBeGreaterThan(0);
    expect(await auditOf(dataDir, 'lock')).toEqual([{ action: 'lock', summary: 'Locked the session' }]);
  });
});
