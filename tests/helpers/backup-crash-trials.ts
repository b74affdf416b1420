/**
 * Kill -9 trials of backups and restores (tests/integration/crash-safety.test.ts runs them).
 *
 * Each lane is one clinic. Its child process (backup-writer.ts) either makes backups one after
 * another, creating a patient before each, or restores the same backup again and again, creating
 * a patient before each restore. The test kills it at a random moment, notes what the crash left
 * in the data folder (hidden `.partial` backup files, staged restore files), then starts the app
 * on the folder (a backend, as at the next start) and checks:
 *
 * - nothing is left behind: no `.partial` file, no staged restore file, an empty scratch folder;
 * - the records open with the key, pass integrity_check and foreign_key_check, and their audit
 *   trail's hash chain verifies;
 * - nothing reported is lost: every patient reported committed is in the records, or (a restore
 *   was past its commit point when killed) the records are the restored backup's and the patient is
 *   in the snapshot taken before it; every backup reported written is there and verifies; every
 *   finished restore left its snapshot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { WORK_FOLDER } from '../../main/backup/backup';
import { extractSteps, openBackup, runSync, verifySteps } from '../../main/backup/container';
import { STAGED_KEYS, STAGED_RECORDS } from '../../main/backup/restore';
import { backupsFolder, listBackups } from '../../main/backup/snapshots';
import { openDatabase } from '../../main/db/open';
import { KEY_FILE, readKeyFile } from '../../main/security/key-file';
import { REKEY_PENDING_FILE } from '../../main/security/rekey';
import { random } from '../bench/synthetic-clinic';
import { must, openTestBackend, patientInput, readyBackend, TEST_PASSWORD, tempDir } from './backend';
import type { RunningWriter } from './build-writer';
import { startWriter } from './build-writer';
import { clinicKey } from './db';

export interface CrashLaneResult {
  trials: number;
  /** Kills that left a hidden `.partial` backup file, removed at the next start. */
  partialsLeft: number;
  /** Kills that left a staged restore file or the scratch folder's copies, cleared at the next start. */
  otherLeft: number;
  /** restore: kills that landed while a restore was being prepared or confirmed. */
  killedInRestore: number;
  /** restore: kills that landed after the commit point, before the restore reported back. */
  committedUnreported: number;
  patients: number;
  backups: number;
  restores: number;
}

/** Children loading ahead of the one being killed: Node's start-up is the slow part. */
const PRELOADED = 3;

/**
 * Some kills land at a random moment; others just after the backup file (the snapshot's, in a
 * restore) starts being written, where a crash leaves a hidden `.partial` file, or (restores)
 * just as the records are being replaced, around the commit point.
 */
async function killSomewhere(
  run: RunningWriter,
  rand: () => number,
  maxDelayMs: number,
  markers: string[],
): Promise<void> {
  const pick = Math.floor(rand() * (markers.length + 1));
  const marker = markers[pick - 1];
  if (marker === undefined) {
    await sleep(Math.floor(rand() * maxDelayMs));
  } else {
    await Promise.race([run.waitFor(marker).catch(() => {}), sleep(10 * maxDelayMs)]);
    await sleep(Math.floor(rand() * 5));
  }
  await run.kill('SIGKILL');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whole lines only: a line cut by the kill was not reported. */
function lines(text: string): [string, string][] {
  const all = text.split('\n');
  all.pop();
  return all.map((l) => {
    const space = l.indexOf(' ');
    return space < 0 ? [l, ''] : [l.slice(0, space), l.slice(space + 1)];
  });
}

function recordNumbers(file: string, key: Buffer): Set<string> {
  const db = openDatabase(file, { create: false, readonly: true, key });
  try {
    return new Set(db.prepare('SELECT record_number FROM patients').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

/** The records inside a backup file, copied out to a scratch file and read. */
function backupRecordNumbers(file: string, key: Buffer): Set<string> {
  const out = path.join(tempDir('stride-crash-extract-'), 'records.sqlite');
  runSync(extractSteps(openBackup(file), out));
  return recordNumbers(out, key);
}

/** Everything the crash left that the next start must clear (the data folder's own files). */
function leftovers(dataDir: string): { partials: string[]; other: string[] } {
  const backups = backupsFolder(dataDir);
  const partials = fs.existsSync(backups) ? fs.readdirSync(backups).filter((n) => n.endsWith('.partial')) : [];
  const other = [STAGED_RECORDS, STAGED_KEYS].filter((n) => fs.existsSync(path.join(dataDir, n)));
  const work = path.join(dataDir, WORK_FOLDER);
  if (fs.existsSync(work)) other.push(...fs.readdirSync(work).map((n) => `${WORK_FOLDER}/${n}`));
  return { partials, other };
}

/** The records, opened as the app opens them, checked whole. */
function checkRecords(file: string, key: Buffer, where: string): void {
  const db = openDatabase(file, { create: false, key });
  try {
    expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
    expect(db.pragma('foreign_key_check'), where).toEqual([]);
    expect(verifyAuditChain(db).ok, `${where}: audit chain`).toBe(true);
  } finally {
    db.close();
  }
}

/** A clinic with enough records that a backup takes a while to write. */
async function seededClinic(patients: number) {
  const backend = await readyBackend();
  for (let i = 0; i < patients; i++) {
    await must(
      backend,
      'patients.create',
      patientInput({ recordNumber: `SEED-${i}`, notes: `Seed patient ${i}. ${'Long history. '.repeat(300)}` }),
    );
  }
  return backend;
}

function emptyLaneResult(trials: number): CrashLaneResult {
  return {
    trials,
    partialsLeft: 0,
    otherLeft: 0,
    killedInRestore: 0,
    committedUnreported: 0,
    patients: 0,
    backups: 0,
    restores: 0,
  };
}

/** Takes the next preloaded writer, lets it go, kills it with `kill`, and preloads the one after; returns the killed run. */
async function killNextRun<R extends RunningWriter>(
  queue: R[],
  start: (trial: number) => R,
  trial: number,
  trials: number,
  kill: (run: R) => Promise<void>,
): Promise<R> {
  const run = queue.shift()!;
  await run.loaded;
  run.go();
  await run.ready;
  await kill(run);
  if (trial + PRELOADED < trials) queue.push(start(trial + PRELOADED));
  return run;
}

/**
 * After a kill: counts what the killed run left behind, starts the app once, and checks that the
 * start left no file behind and the records are whole. Returns the record numbers present.
 */
function checkNextStart(
  dataDir: string,
  file: string,
  key: Buffer,
  where: string,
  result: CrashLaneResult,
): Set<string> {
  const left = leftovers(dataDir);
  if (left.partials.length > 0) result.partialsLeft += 1;
  if (left.other.length > 0) result.otherLeft += 1;
  openTestBackend({ dataDir }).close();
  expect(leftovers(dataDir), `${where}: files left behind after the next start`).toEqual({ partials: [], other: [] });
  checkRecords(file, key, where);
  return recordNumbers(file, key);
}

export async function backupCrashLane(script: string, lane: number, trials: number, maxDelayMs: number) {
  const seed = await seededClinic(80);
  const dataDir = seed.dataDir;
  seed.close();
  const key = await clinicKey(dataDir);
  const file = path.join(dataDir, 'clinic.sqlite');
  const rand = random(20261207 + lane);
  const committed = new Set<string>();
  const result = emptyLaneResult(trials);
  const start = (trial: number) =>
    startWriter(script, { dataDir, keyHex: key.toString('hex'), tag: `b${lane}t${trial}`, mode: 'backup' });
  const queue = Array.from({ length: Math.min(PRELOADED, trials) }, (_, i) => start(i));
  for (let trial = 0; trial < trials; trial++) {
    const where = `backup lane ${lane}, trial ${trial}`;
    const run = await killNextRun(queue, start, trial, trials, (run) => killSomewhere(run, rand, maxDelayMs, ['W']));
    const reportedBackups: string[] = [];
    for (const [kind, arg] of lines(run.output())) {
      if (kind === 'P') committed.add(arg);
      if (kind === 'B') reportedBackups.push(arg);
    }
    const present = checkNextStart(dataDir, file, key, where, result);
    expect(
      [...committed].filter((r) => !present.has(r)),
      `${where}: patients reported committed but missing`,
    ).toEqual([]);
    for (const name of reportedBackups) {
      const backup = path.join(backupsFolder(dataDir), name);
      expect(fs.existsSync(backup), `${where}: backup ${name} reported written`).toBe(true);
      runSync(verifySteps(openBackup(backup)));
      fs.rmSync(backup); // checked: keep the folder small
    }
    result.backups += reportedBackups.length;
  }
  result.patients = committed.size;
  return result;
}

export async function restoreCrashLane(script: string, lane: number, trials: number, maxDelayMs: number) {
  const seed = await seededClinic(40);
  const dataDir = seed.dataDir;
  await must(seed, 'backups.create', {});
  const source = listBackups(dataDir)[0]!.name;
  seed.close();
  const key = await clinicKey(dataDir);
  const file = path.join(dataDir, 'clinic.sqlite');
  const inSource = backupRecordNumbers(path.join(backupsFolder(dataDir), source), key);
  const rand = random(20261208 + lane);
  const result = emptyLaneResult(trials);
  const beforeRestore = () =>
    listBackups(dataDir)
      .filter((b) => b.facts?.kind === 'before_restore')
      .map((b) => b.name);
  const start = (trial: number) =>
    startWriter(script, {
      dataDir,
      keyHex: key.toString('hex'),
      tag: `r${lane}t${trial}`,
      mode: 'restore',
      password: TEST_PASSWORD,
      source,
    });
  const queue = Array.from({ length: Math.min(PRELOADED, trials) }, (_, i) => start(i));
  for (let trial = 0; trial < trials; trial++) {
    const where = `restore lane ${lane}, trial ${trial}`;
    const run = await killNextRun(queue, start, trial, trials, (run) =>
      killSomewhere(run, rand, maxDelayMs, ['W', 'X']),
    );
    // Patients reported since the last finished restore must still be somewhere.
    let pending: string[] = [];
    let restores = 0;
    let inRestore = false;
    for (const [kind, arg] of lines(run.output())) {
      if (kind === 'P') {
        pending.push(arg);
        result.patients += 1;
        inRestore = true; // preparing, then confirming, until "R"
      }
      if (kind === 'R') {
        pending = [];
        restores += 1;
        inRestore = false;
      }
    }
    if (inRestore) result.killedInRestore += 1;
    result.restores += restores;
    const present = checkNextStart(dataDir, file, key, where, result);
    const snapshots = beforeRestore();
    expect(snapshots.length, `${where}: a snapshot for every finished restore`).toBeGreaterThanOrEqual(restores);
    const missing = pending.filter((r) => !present.has(r));
    if (missing.length > 0) {
      // Killed past the commit point: the records are the backup's, and what they replaced is in
      // the snapshot taken just before.
      result.committedUnreported += 1;
      expect(present, `${where}: records neither the current ones nor the backup's`).toEqual(inSource);
      const newest = listBackups(dataDir).find((b) => b.facts?.kind === 'before_restore');
      expect(newest, `${where}: the snapshot before the restore`).toBeDefined();
      const kept = backupRecordNumbers(path.join(backupsFolder(dataDir), newest!.name), key);
      expect(
        missing.filter((r) => !kept.has(r)),
        `${where}: patients neither in the records nor in the snapshot`,
      ).toEqual([]);
    }
    for (const name of snapshots) fs.rmSync(path.join(backupsFolder(dataDir), name)); // checked
  }
  return result;
}

export interface RekeyLaneResult {
  trials: number;
  /** Kills after which the records were in the new key (the change was finished at the next sign-in or had completed). */
  rotated: number;
  /** Kills that left the pending key file (finished or undone at the next sign-in). */
  pendingLeft: number;
  /** Kills that landed between the pending key file and the change's end. */
  killedInRekey: number;
  patients: number;
  /** Key changes reported finished. */
  rekeys: number;
}

/**
 * Kill -9 during "Change the records key": after every kill the next start and sign-in open the
 * records (with the old key or the new one, never neither), the key file matches them, no pending
 * file or scratch file is left, the records are whole, their audit trail and its anchor verify,
 * and no patient reported committed is lost.
 */
export async function rekeyCrashLane(script: string, lane: number, trials: number, maxDelayMs: number) {
  const seed = await seededClinic(40);
  const dataDir = seed.dataDir;
  seed.close();
  const file = path.join(dataDir, 'clinic.sqlite');
  const keysFile = path.join(dataDir, KEY_FILE);
  const pendingFile = path.join(dataDir, REKEY_PENDING_FILE);
  const rand = random(20261209 + lane);
  const committed = new Set<string>();
  const result: RekeyLaneResult = { trials, rotated: 0, pendingLeft: 0, killedInRekey: 0, patients: 0, rekeys: 0 };
  const start = (trial: number) =>
    startWriter(script, {
      dataDir,
      keyHex: '',
      tag: `k${lane}t${trial}`,
      mode: 'rekey',
      password: TEST_PASSWORD,
    });
  const queue = Array.from({ length: Math.min(PRELOADED, trials) }, (_, i) => start(i));
  for (let trial = 0; trial < trials; trial++) {
    const where = `rekey lane ${lane}, trial ${trial}`;
    const before = readKeyFile(keysFile).keyCheck;
    const run = queue.shift()!;
    await run.loaded;
    run.go();
    await run.ready;
    await killSomewhere(run, rand, maxDelayMs, ['K', 'S']);
    if (trial + PRELOADED < trials) queue.push(start(trial + PRELOADED));
    let inRekey = false;
    for (const [kind, arg] of lines(run.output())) {
      if (kind === 'P') committed.add(arg);
      if (kind === 'K') inRekey = true;
      if (kind === 'D') {
        inRekey = false;
        result.rekeys += 1;
      }
    }
    if (inRekey) result.killedInRekey += 1;
    if (fs.existsSync(pendingFile)) result.pendingLeft += 1;

    // The next start, and a sign-in: the records must open with one key or the other.
    const next = openTestBackend({ dataDir });
    try {
      await must(next, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
      expect(await must(next, 'audit.verify', {}), `${where}: audit trail and anchor`).toMatchObject({ ok: true });
    } finally {
      next.close();
    }
    expect(fs.existsSync(pendingFile), `${where}: the pending key file is settled at sign-in`).toBe(false);
    expect(leftovers(dataDir), `${where}: files left behind after the next start`).toEqual({ partials: [], other: [] });
    const key = await clinicKey(dataDir); // from keys.json: it matches the records, or checkRecords fails
    checkRecords(file, key, where);
    const present = recordNumbers(file, key);
    expect(
      [...committed].filter((r) => !present.has(r)),
      `${where}: patients reported committed but missing`,
    ).toEqual([]);
    if (readKeyFile(keysFile).keyCheck !== before) result.rotated += 1;
    // The safety snapshots (under older keys) are checked by the backup trials: keep the folder small.
    for (const b of listBackups(dataDir)) fs.rmSync(path.join(backupsFolder(dataDir), b.name));
  }
  result.patients = committed.size;
  return result;
}
