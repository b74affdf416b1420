/**
 * What a crash leaves in the data folder is cleared at the next start: hidden `.partial` backup
 * files whose writer is gone, and the plain copy taken before encrypting older records. (The kill
 * -9 trials in crash-safety.test.ts prove the same on real crashes.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../main/security/key-file';
import { openTestBackend, readyBackend, removeTempDirs } from '../helpers/backend';

afterEach(removeTempDirs);

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
}

describe('the next start after a crash', () => {
  it('removes a hidden .partial backup file whose writer is gone, and keeps one still being written', async () => {
    const backend = await readyBackend();
    backend.close();
    const backups = path.join(backend.dataDir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const stale = `.2026-12-07T01-00-00Z daily.stridebackup.${deadPid()}-mih3k2x1.partial`;
    const live = `.2026-12-07T01-00-00Z backup.stridebackup.${process.ppid}-mih3k2x2.partial`;
    const unrelated = 'notes.partial';
    for (const name of [stale, live, unrelated]) fs.writeFileSync(path.join(backups, name), Buffer.alloc(100_000));

    openTestBackend({ dataDir: backend.dataDir }).close();
    expect(fs.readdirSync(backups).sort()).toEqual([live, unrelated].sort());
  });

  it('overwrites and removes the plain copy taken before encryption, unless it may be the only way in', async () => {
    const backend = await readyBackend();
    backend.close();
    const backups = path.join(backend.dataDir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const plain = path.join(backups, 'before-encryption-2026-12-07T01-00-00.plain.sqlite');
    fs.writeFileSync(plain, 'SQLite format 3\0 patient names in clear');

    // The key file is missing: the encrypted records cannot be opened, the plain copy is kept.
    const keys = path.join(backend.dataDir, KEY_FILE);
    fs.renameSync(keys, `${keys}.away`);
    openTestBackend({ dataDir: backend.dataDir }).close();
    expect(fs.existsSync(plain)).toBe(true);

    // Records and key file in place: the plain copy goes.
    fs.renameSync(`${keys}.away`, keys);
    openTestBackend({ dataDir: backend.dataDir }).close();
    expect(fs.existsSync(plain)).toBe(false);
  });
});
