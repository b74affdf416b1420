/**
 * A child process for the crash-safety trials of backups and restores, with the app's own code.
 * Like records-writer.ts it prints "loaded", waits for a line on its standard input, then prints
 * each step only once it has returned:
 *
 *   ready
 *   T                  a patient is about to be created
 *   P <record number>  that patient was committed
 *   mode "backup" (the open records, as the app makes "Back up now" and its snapshots):
 *   W                  the backup file (under its temporary name) is being written
 *   B <file name>      a backup was written, renamed into backups/ and read back
 *   mode "restore" (the session's restore, which the Settings page's requests call; the whole
 *   backend, with its PDF code, takes seconds longer to load):
 *   C                  a restore of the backup `source` was prepared and is being confirmed
 *   W                  the snapshot before it is writing its backup file
 *   X                  the snapshot is taken and the records are being replaced
 *   R                  the restore finished (snapshot taken, records replaced, reopened)
 *   mode "rekey" (the session's "Change the records key", as the keys.rotate request calls it):
 *   K                  the safety snapshot is taken; the pending key file, PRAGMA rekey and the
 *                      key file's promotion follow
 *   S                  PRAGMA rekey committed; the audit anchor and key file follow
 *   D                  the records key was changed (and the key file says so)
 *
 * Configured by STRIDE_WRITER (JSON): { dataDir, keyHex, tag, mode, password, source }.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openClinicStore } from '../../main/backend/store';
import { backupSteps } from '../../main/backup/backup';
import { backupsFolder, snapshotPath } from '../../main/backup/snapshots';
import { createPatient } from '../../main/records/patients';
import { KEY_FILE, readKeyFile } from '../../main/security/key-file';
import { systemClock } from '../../main/util/clock';
import type { Logger } from '../../main/util/logger';

interface Config {
  dataDir: string;
  keyHex: string;
  tag: string;
  mode: 'backup' | 'restore' | 'rekey';
  password: string;
  /** restore: the name of the backup in backups/ to restore, again and again. */
  source: string;
}

function say(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

function patient(config: Config, n: number) {
  return {
    givenName: `Runner${n}`,
    familyName: `Backup-${config.tag}`,
    dateOfBirth: '1990-05-17',
    sex: 'not_stated' as const,
    phone: '',
    email: '',
    recordNumber: `B-${config.tag}-${process.pid}-${n}`,
    notes: 'Written by the backup crash trials.',
  };
}

const quiet: Logger = { info: () => {}, error: () => {} };

function backups(config: Config): void {
  const key = Buffer.from(config.keyHex, 'hex');
  const store = openClinicStore(config.dataDir, 'real', { key, appVersion: 'writer', create: false });
  const keys = readKeyFile(path.join(config.dataDir, KEY_FILE));
  say('ready');
  for (let n = 1; ; n++) {
    const input = patient(config, n);
    say('T');
    createPatient(store.db, systemClock, 1, input);
    say(`P ${input.recordNumber}`);
    const now = new Date();
    const dest = snapshotPath(config.dataDir, now, 'manual');
    const steps = backupSteps({
      db: store.db,
      key,
      keys,
      dataDir: config.dataDir,
      dest,
      kind: 'manual',
      appVersion: 'writer',
      now,
    });
    let writing = false;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      if (step.value.step === 5 && !writing) {
        writing = true;
        say('W');
      }
    }
    say(`B ${path.basename(dest)}`);
  }
}

async function signedInSession(config: Config) {
  // Loaded only here, so the backup trials' children start faster.
  const { createSession } = await import('../../main/backend/session');
  const session = createSession({
    dataDir: config.dataDir,
    clock: systemClock,
    logger: quiet,
    appVersion: 'writer',
    startInDemo: false,
    passwordKdf: { name: 'argon2id', m: 1024, t: 1, p: 1 },
  });
  await session.signIn(1, config.password);
  return session;
}

async function restores(config: Config): Promise<void> {
  const session = await signedInSession(config);
  say('ready');
  let writing = false;
  const report = (p: { label: string }) => {
    if (!writing && p.label.endsWith('writing the backup file')) {
      writing = true;
      say('W');
    }
    if (p.label === 'Replacing the records') say('X');
  };
  for (let n = 1; ; n++) {
    const input = patient(config, n);
    say('T');
    createPatient(session.requireClinic().store.db, systemClock, 1, input);
    say(`P ${input.recordNumber}`);
    const file = path.join(backupsFolder(config.dataDir), config.source);
    const preview = await session.prepareRestore(file, 1, config.password, report);
    say('C');
    writing = false;
    await session.confirmRestore(preview.restoreId, report);
    say('R');
  }
}

async function rekeys(config: Config): Promise<void> {
  const session = await signedInSession(config);
  say('ready');
  for (let n = 1; ; n++) {
    const input = patient(config, n);
    say('T');
    createPatient(session.requireClinic().store.db, systemClock, 1, input);
    say(`P ${input.recordNumber}`);
    await session.rotateKey((p) => {
      if (p.label === 'Changing the records key') say('K');
      if (p.label.startsWith('Sealing the new key')) say('S');
    });
    say('D');
  }
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.STRIDE_WRITER ?? '{}') as Config;
  say('loaded');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
  if (config.mode === 'restore') await restores(config);
  else if (config.mode === 'rekey') await rekeys(config);
  else backups(config);
}

main().catch((err: unknown) => {
  fs.writeSync(2, `backup writer failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
