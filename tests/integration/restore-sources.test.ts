/** Restore's "inspect" (and "prepare") read only a regular file on this computer's own disk. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyBackend, removeTempDirs, TEST_PASSWORD, tempDir } from '../helpers/backend';

let backend: Awaited<ReturnType<typeof readyBackend>>;
beforeAll(async () => {
  backend = await readyBackend();
});
afterAll(() => {
  backend.close();
  removeTempDirs();
});

async function refusedMessage(file: string): Promise<string> {
  const inspected = await backend.invoke('restore.inspect', { source: { kind: 'file', path: file } });
  const prepared = await backend.invoke('restore.prepare', {
    source: { kind: 'file', path: file },
    clinicianId: 1,
    password: TEST_PASSWORD,
  });
  expect(inspected.ok).toBe(false);
  expect(prepared.ok).toBe(false);
  return inspected.ok ? '' : inspected.error.message;
}

describe('choosing a backup file to restore', () => {
  it.each([
    '\\\\clinic-server\\backups\\Riverside backup.stridebackup',
    '//clinic-server/backups/Riverside backup.stridebackup',
    '\\\\?\\UNC\\clinic-server\\backups\\Riverside backup.stridebackup',
  ])('refuses a network share path without touching it: %s', async (file) => {
    expect(await refusedMessage(file)).toBe(
      'That backup is on a network share. Copy it to this computer first (for example into Documents), then choose the copy. Nothing was changed.',
    );
  });

  it('refuses a folder, a device and a named pipe (which would never end), saying it is not a backup file', async () => {
    const folder = path.join(tempDir(), 'looks like a backup.stridebackup');
    fs.mkdirSync(folder);
    const pipe = path.join(tempDir(), 'pipe.stridebackup');
    execFileSync('mkfifo', [pipe]);
    for (const file of [folder, '/dev/zero', pipe]) {
      expect(await refusedMessage(file)).toMatch(
        /is not a backup file \(it is a folder, a device or another special file\)/,
      );
    }
  });
});
