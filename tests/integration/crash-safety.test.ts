/**
 * Crash safety, proven by killing: a writer process (the app's own store and repositories, on an
 * encrypted clinic) writes transactions and prints each one after its commit returns; the test
 * kills it with SIGKILL at a random moment, TRIALS times, and after every kill opens the records
 * with the key and checks that they open, integrity_check is "ok", foreign_key_check finds
 * nothing, the audit trail's hash chain is whole, and every transaction the writer reported
 * committed is there (patients, their episodes, and their edits at the reported version).
 *
 * What it proves: an application crash (kill -9) at any point never loses an acknowledged write
 * and never damages the file. What it does not: power loss or a lying disk (see the README).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { openDatabase } from '../../main/db/open';
import { must, patientInput, readyBackend, removeTempDirs } from '../helpers/backend';
import { buildWriter, parseWriterOutput, startWriter } from '../helpers/build-writer';
import { clinicKey } from '../helpers/db';
import { random } from '../bench/synthetic-clinic';
import type { CrashLaneResult, RekeyLaneResult } from '../helpers/backup-crash-trials';
import { backupCrashLane, rekeyCrashLane, restoreCrashLane } from '../helpers/backup-crash-trials';

/** How many times a writer is killed, in total. */
const TRIALS = 200;
/** Independent clinics killed side by side, so the trials fit in reasonable time on a busy machine. */
const LANES = 2;
/** Kills land up to this many milliseconds after the writer starts writing. */
const MAX_DELAY_MS = 60;

let writer: Awaited<ReturnType<typeof buildWriter>>;

beforeAll(async () => {
  writer = await buildWriter();
}, 120_000);

afterAll(() => {
  writer?.remove();
  removeTempDirs();
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface LaneResult {
  trials: number;
  killedInTransaction: number;
  killedWhileOpening: number;
  patients: number;
  episodes: number;
  edits: number;
}

/** One clinic: kill its writer `trials` times, checking the records after every kill. */
async function lane(lane: number, trials: number): Promise<LaneResult> {
  const backend = await readyBackend();
  await must(backend, 'patients.create', patientInput());
  const dataDir = backend.dataDir;
  backend.close();
  const key = await clinicKey(dataDir);
  const file = path.join(dataDir, 'clinic.sqlite');
  const rand = random(20261127 + lane);
  const committed = {
    patients: new Set<number>(),
    episodes: new Map<number, number>(),
    versions: new Map<number, number>(),
  };
  const result: LaneResult = {
    trials,
    killedInTransaction: 0,
    killedWhileOpening: 0,
    patients: 0,
    episodes: 0,
    edits: 0,
  };

  const start = (trial: number) =>
    startWriter(writer.script, { dataDir, keyHex: key.toString('hex'), tag: `l${lane}t${trial}`, pauseMs: 0 });
  // The next writer starts loading while the last one is checked; it opens the records on "go".
  let next = start(0);
  for (let trial = 0; trial < trials; trial++) {
    const where = `lane ${lane}, trial ${trial}`;
    const run = next;
    await run.loaded;
    run.go();
    // Most kills land while transactions are being written; some while the records are still
    // opening (recovering the write-ahead log the previous kill left).
    const early = rand() < 0.1;
    if (!early) await run.ready;
    await sleep(Math.floor(rand() * MAX_DELAY_MS));
    await run.kill('SIGKILL');
    if (trial + 1 < trials) next = start(trial + 1);
    const log = parseWriterOutput(run.output());
    if (!log.ready) result.killedWhileOpening += 1;
    if (log.inTransaction) result.killedInTransaction += 1;
    for (const id of log.patients) committed.patients.add(id);
    for (const [id, p] of log.episodes) committed.episodes.set(id, p);
    for (const [id, v] of log.versions) committed.versions.set(id, Math.max(v, committed.versions.get(id) ?? 0));

    const db = openDatabase(file, { create: false, key });
    try {
      expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
      expect(db.pragma('foreign_key_check'), where).toEqual([]);
      const patients = new Set(db.prepare('SELECT id FROM patients').pluck().all() as number[]);
      const missing = [...committed.patients].filter((id) => !patients.has(id));
      expect(missing, `${where}: patients reported committed but missing`).toEqual([]);
      const episodes = new Map(
        (db.prepare('SELECT id, patient_id FROM episodes').all() as { id: number; patient_id: number }[]).map((r) => [
          r.id,
          r.patient_id,
        ]),
      );
      for (const [id, patientId] of committed.episodes)
        expect(episodes.get(id), `${where}: episode ${id}`).toBe(patientId);
      const version = db.prepare('SELECT version FROM patients WHERE id = ?').pluck();
      for (const [id, v] of committed.versions) {
        expect(version.get(id) as number, `${where}: version of patient ${id}`).toBeGreaterThanOrEqual(v);
      }
      // Each patient row committed together with its audit entry, and the chain is whole.
      const audited = db
        .prepare("SELECT count(*) FROM audit_log WHERE entity = 'patient' AND action = 'create'")
        .pluck()
        .get() as number;
      expect(audited, where).toBe(patients.size);
      expect(verifyAuditChain(db).ok, `${where}: audit chain`).toBe(true);
    } finally {
      db.close();
    }
  }
  result.patients = committed.patients.size;
  result.episodes = committed.episodes.size;
  result.edits = committed.versions.size;
  return result;
}

describe('crash safety on the encrypted records', () => {
  it(`loses no reported commit and never damages the file across ${TRIALS} kill -9`, { timeout: 600_000 }, async () => {
    const started = performance.now();
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, TRIALS / LANES)));
    const seconds = (performance.now() - started) / 1000;
    const sum = (k: keyof LaneResult) => lanes.reduce((s, l) => s + l[k], 0);
    console.log(
      `crash safety: ${sum('trials')} kill -9 in ${seconds.toFixed(1)} s (${LANES} clinics side by side); ${sum('killedInTransaction')} landed inside a transaction, ${sum('killedWhileOpening')} while the records were opening; ${sum('patients')} patients, ${sum('episodes')} episodes and ${sum('edits')} edits reported committed, all present; integrity_check ok and foreign_key_check empty after every kill`,
    );
    expect(sum('trials')).toBe(TRIALS);
    // The kills must really have landed among the writes, or the test proves little.
    expect(sum('killedInTransaction')).toBeGreaterThan(TRIALS / 2);
    expect(sum('patients')).toBeGreaterThan(TRIALS);
  });
});

/**
 * Kill -9 trials of backups and restores, in total, and how many run side by side. Measured on
 * a 2-core machine shared with other work (load average 20): 200 backup trials in 420 s; the
 * restore trials take about twice as long. CPU time for both: under 3 minutes.
 */
const BACKUP_TRIALS = Number(process.env.STRIDE_BACKUP_CRASH_TRIALS ?? 200);
const BACKUP_LANES = 2;

describe('crash safety of backups and restores', () => {
  it(
    `a backup killed ${BACKUP_TRIALS} times loses nothing, and the next start leaves no hidden file behind`,
    { timeout: 1_500_000 },
    async () => {
      const started = performance.now();
      const lanes = await Promise.all(
        Array.from({ length: BACKUP_LANES }, (_, i) =>
          backupCrashLane(writer.backupScript, i, BACKUP_TRIALS / BACKUP_LANES, 500),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const sum = (k: keyof CrashLaneResult) => lanes.reduce((s, l) => s + l[k], 0);
      console.log(
        `backup crash safety: ${sum('trials')} kill -9 in ${seconds.toFixed(1)} s; ${sum('partialsLeft')} left a hidden .partial backup file and ${sum('otherLeft')} scratch files, all removed at the next start; ${sum('patients')} patients and ${sum('backups')} backups reported, all present and verified`,
      );
      expect(sum('trials')).toBe(BACKUP_TRIALS);
      // The kills must really land while backup files are being written, or the test proves little.
      expect(sum('partialsLeft')).toBeGreaterThan(0);
      expect(sum('backups')).toBeGreaterThan(0);
    },
  );

  it(
    `a restore killed ${BACKUP_TRIALS} times loses nothing, and the next start leaves no hidden file behind`,
    { timeout: 1_500_000 },
    async () => {
      const started = performance.now();
      const lanes = await Promise.all(
        Array.from({ length: BACKUP_LANES }, (_, i) =>
          restoreCrashLane(writer.backupScript, i, BACKUP_TRIALS / BACKUP_LANES, 1000),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const sum = (k: keyof CrashLaneResult) => lanes.reduce((s, l) => s + l[k], 0);
      console.log(
        `restore crash safety: ${sum('trials')} kill -9 in ${seconds.toFixed(1)} s; ${sum('killedInRestore')} landed inside a restore (${sum('committedUnreported')} past its commit point), ${sum('partialsLeft')} left a hidden .partial snapshot and ${sum('otherLeft')} staged or scratch files, all removed at the next start; ${sum('patients')} patients and ${sum('restores')} restores reported, nothing lost`,
      );
      expect(sum('trials')).toBe(BACKUP_TRIALS);
      expect(sum('killedInRestore')).toBeGreaterThan(BACKUP_TRIALS / 4);
      expect(sum('partialsLeft')).toBeGreaterThan(0);
      // Some kills landed past the commit point (the restored records must then be whole).
      expect(sum('committedUnreported') + sum('restores')).toBeGreaterThan(0);
    },
  );
});

/** Kill -9 trials of "Change the records key", in total. */
const REKEY_TRIALS = Number(process.env.STRIDE_REKEY_CRASH_TRIALS ?? 200);

describe('crash safety of changing the records key', () => {
  it(
    `a key change killed ${REKEY_TRIALS} times leaves records that open with the old key or the new one, never neither, and a key file that matches`,
    { timeout: 1_500_000 },
    async () => {
      const started = performance.now();
      const lanes = await Promise.all(
        Array.from({ length: BACKUP_LANES }, (_, i) =>
          rekeyCrashLane(writer.backupScript, i, REKEY_TRIALS / BACKUP_LANES, 3000),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const sum = (k: keyof RekeyLaneResult) => lanes.reduce((s, l) => s + l[k], 0);
      console.log(
        `rekey crash safety: ${sum('trials')} kill -9 in ${seconds.toFixed(1)} s; ${sum('killedInRekey')} landed between the pending key file and the change's end, ${sum('pendingLeft')} left the pending key file (settled at the next sign-in); ${sum('rotated')} ended in the new key, ${sum('trials') - sum('rotated')} in the old; ${sum('rekeys')} changes reported finished; ${sum('patients')} patients reported, all present`,
      );
      expect(sum('trials')).toBe(REKEY_TRIALS);
      // The kills must land inside the change, and both outcomes must occur, or the test proves little.
      expect(sum('killedInRekey')).toBeGreaterThan(0);
      expect(sum('pendingLeft')).toBeGreaterThan(0);
      expect(sum('rotated')).toBeGreaterThan(0);
      expect(sum('rotated')).toBeLessThan(REKEY_TRIALS);
    },
  );
});
