/**
 * The daily snapshot (main/backend/session/daily-snapshot.ts): made once a day after a sign-in,
 * audited, not made on a full disk, and dropped when the records close before it starts. A real
 * session on a real data folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../main/backup/snapshots';
import { TEST_PASSWORD } from '../helpers/backend';
import { auditOf, closeTestSessions, setUpSession } from '../helpers/session';

afterEach(closeTestSessions);

describe('the daily snapshot', () => {
  it('is made after the first sign-in of the day, once, and audited', async () => {
    const { session, dataDir } = await setUpSession();
    session.signOut();
    await session.signIn(1, TEST_PASSWORD);
    await session.settled();
    session.signOut();
    await session.signIn(1, TEST_PASSWORD);
    await session.settled();
    expect(listBackups(dataDir).map((b) => b.facts?.kind)).toEqual(['daily']);
    expect((await auditOf(dataDir, 'snapshot')).map((e) => e.summary)).toEqual([
      expect.stringMatching(/^Automatic daily snapshot .+ \(.+, 0 patients\)$/),
    ]);
    expect(session.backupList().automaticProblem).toBeNull();
  });

  it('is not made at setup, nor when the records are locked before it starts', async () => {
    const { session, dataDir } = await setUpSession();
    await session.settled();
    session.signOut();
    await session.signIn(1, TEST_PASSWORD);
    session.lock();
    await session.settled();
    expect(listBackups(dataDir)).toEqual([]);
  });

  it('is not made while the disk is full', async () => {
    const { session, dataDir, logger } = await setUpSession({ diskFull: () => 'The disk is full.' });
    session.signOut();
    await session.signIn(1, TEST_PASSWORD);
    await session.settled();
    expect(listBackups(dataDir)).toEqual([]);
    expect(logger.lines).toContain('info no daily snapshot today: the disk is full');
  });
});
