/**
 * "Change the records key", for an administrator (docs/key-rotation.md): a safety snapshot, then
 * main/security/rekey.ts's steps (pending key file, PRAGMA rekey, audit anchor resealed, key file
 * promoted), then the session holds the new key. Also finishes or undoes a change cut short by a
 * crash, at the next moment a key is in hand (sign-in, unlock, recovery), and says whether a
 * change is advisable (a clinician was deactivated, or a backup restored, since the last one).
 */
import { resealAnchor } from '../../audit/anchor';
import { appendAudit } from '../../audit/audit-log';
import path from 'node:path';
import { megabytes } from '../../backup/auto-snapshot';
import { backupSteps } from '../../backup/backup';
import { snapshotPath } from '../../backup/snapshots';
import { runSteps } from '../../backup/container';
import type { Db } from '../../db/open';
import { openDatabase } from '../../db/open';
import { formatRecoveryKey, keyCheck, newDatabaseKey, newRecoveryKey } from '../../security/crypto';
import type { KeyFile } from '../../security/key-file';
import { readKeyFile, recoveryWrap } from '../../security/key-file';
import {
  promoteRekey,
  rekeyDatabase,
  rekeyedKeyFile,
  rekeyReadiness,
  settleInterruptedRekey,
  writePendingRekey,
} from '../../security/rekey';
import type { Progress } from '../../../shared/domain/records';
import type { Clock } from '../../util/clock';
import { AppError } from '../../util/errors';
import type { Logger } from '../../util/logger';
import { recordsFile } from '../store';

export interface KeyRotationContext {
  dataDir: string;
  keyFile: string;
  clock: Clock;
  logger: Logger;
  appVersion: string;
  nativeBinding?: string;
  /** Wipes nothing: stops background work holding the key and seals the audit anchor now. */
  quiesce(): void;
  /** The session now holds `key` (its own buffer) and `keys`; the old key is wiped by the caller. */
  adopt(key: Buffer, keys: KeyFile): void;
}

export interface RotationResult {
  /** A new recovery key, when the old recovery slot could not be resealed (shown once). */
  recoveryKey: string | null;
  snapshot: string;
}

/** Actions after which a new records key is advisable, and the one that settles it. */
const ADVISING = ['deactivate', 'restore_backup'] as const;
export const REKEY_ACTION = 'rekey';

/** Whether a clinician was deactivated or a backup restored since the records key last changed. */
export function rotationAdvised(db: Db): boolean {
  const last = db
    .prepare(`SELECT action FROM audit_log WHERE action IN ('${ADVISING.join("','")}', ?) ORDER BY id DESC LIMIT 1`)
    .pluck()
    .get(REKEY_ACTION) as string | undefined; // pluck(): the one TEXT NOT NULL column, or no row
  return last !== undefined && last !== REKEY_ACTION;
}

export function keyRotation(ctx: KeyRotationContext) {
  const driver = ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {};

  /** Whether the records open with `key` (read-write: a rekey cut short is rolled back). */
  function opens(key: Buffer): boolean {
    try {
      const db = openDatabase(recordsFile(ctx.dataDir), { create: false, key, ...driver });
      db.close();
      return true;
    } catch {
      return false;
    }
  }

  return {
    /**
     * Before opening the records with `key` (unwrapped from `keys`): finishes or undoes a key
     * change a crash cut short. Returns the key and key file to open with (`key` itself, or the
     * new key; the old one is then wiped).
     */
    settle(keys: KeyFile, key: Buffer): { key: Buffer; keys: KeyFile } {
      const settled = settleInterruptedRekey(ctx.dataDir, ctx.keyFile, key, opens);
      if (settled.outcome !== 'finished') {
        if (settled.outcome === 'rolled_back')
          ctx.logger.info('an interrupted change of the records key never took effect: undone');
        return { key, keys };
      }
      ctx.logger.info('an interrupted change of the records key was finished');
      resealAnchor(ctx.dataDir, key, settled.key);
      for (const id of settled.dropped) ctx.logger.error(`the key slot ${id} could not be resealed and was dropped`);
      key.fill(0);
      return { key: settled.key, keys: settled.keys };
    },

    /** The change itself; the caller checked the administrator and their password. */
    async rotate(
      open: { db: Db; key: Buffer; clinicianId: number; clinicianName: string },
      report: (p: Progress) => void,
    ): Promise<RotationResult> {
      const oldKey = Buffer.from(open.key);
      const newKey = newDatabaseKey();
      try {
        const keys = readKeyFile(ctx.keyFile);
        if (keys.keyCheck !== keyCheck(oldKey)) {
          throw new AppError(
            'conflict',
            'The key file in the data folder is not the one for these records. Nothing was changed.',
          );
        }
        const ready = rekeyReadiness(keys, oldKey);
        if (ready.altered.length > 0) {
          throw new AppError(
            'conflict',
            `The key file has been altered (the slot of ${ready.altered.join(', ')} is not one these records made), so the records key was not changed. Reset that clinician's password in Settings, Clinicians, then try again.`,
          );
        }
        if (ready.notReady.length > 0) {
          const names = ready.notReady.map((c) => c.name).join(', ');
          throw new AppError(
            'conflict',
            `${names} must sign in once first (their password slot is still in the older format, which only their password can convert), or an administrator gives them a new password in Settings, Clinicians. Nothing was changed.`,
          );
        }
        ctx.quiesce();
        const steps = 7;
        // A manual backup: never pruned automatically (it is the only copy under the old key).
        const now = ctx.clock.now();
        const dest = snapshotPath(ctx.dataDir, now, 'manual');
        const snap = await runSteps(
          backupSteps({
            db: open.db,
            key: oldKey,
            keys,
            dataDir: ctx.dataDir,
            dest,
            kind: 'manual',
            appVersion: ctx.appVersion,
            now,
          }),
          (p) => report({ ...p, label: `Safety snapshot: ${p.label.toLowerCase()}`, steps }),
          () => (open.db.open ? null : 'the records were closed before the key was changed'),
        );
        let recoveryKey: string | null = null;
        const renewed: KeyFile = { ...keys, wraps: [...keys.wraps] };
        if (ready.recovery === 'renew') {
          recoveryKey = newRecoveryKey();
          renewed.wraps = keys.wraps.map((w) =>
            w.kind === 'recovery' ? recoveryWrap(newKey, recoveryKey!, ctx.clock.now()) : w,
          );
        }
        const next = rekeyedKeyFile(keys, oldKey, newKey, renewed).keys;
        report({ label: 'Changing the records key', step: 6, steps, percent: null });
        try {
          writePendingRekey(ctx.dataDir, ctx.keyFile, oldKey, newKey, next);
        } catch (err) {
          throw new AppError(
            'conflict',
            `The records key could not be changed (${err instanceof Error ? err.message : String(err)}). Nothing was changed.`,
          );
        }
        rekeyDatabase(open.db, newKey);
        report({
          label: 'Sealing the new key for every clinician and the recovery key',
          step: 6,
          steps,
          percent: null,
        });
        resealAnchor(ctx.dataDir, oldKey, newKey);
        const promoted = promoteRekey(ctx.dataDir, ctx.keyFile, oldKey, newKey);
        for (const id of promoted.dropped) ctx.logger.error(`the key slot ${id} could not be resealed and was dropped`);
        ctx.adopt(Buffer.from(newKey), promoted.keys);
        report({ label: 'The records key was changed', step: 7, steps, percent: null });
        appendAudit(open.db, ctx.clock, {
          clinicianId: open.clinicianId,
          action: REKEY_ACTION,
          entity: 'records',
          entityId: null,
          patientId: null,
          summary: `${open.clinicianName} changed the records key; every password slot${recoveryKey ? ' was resealed and a new recovery key was made' : ' and the recovery key were resealed'}; the safety snapshot ${path.basename(dest)} (${megabytes(snap.bytes)}) keeps the records under the old key`,
        });
        return { recoveryKey: recoveryKey ? formatRecoveryKey(recoveryKey) : null, snapshot: path.basename(dest) };
      } finally {
        oldKey.fill(0);
        newKey.fill(0);
      }
    },
  };
}

export type KeyRotation = ReturnType<typeof keyRotation>;
