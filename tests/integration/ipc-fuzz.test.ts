/**
 * IPC fuzz: every channel receives arbitrary and near-valid payloads (fast-check). Each one must
 * get a typed error or a valid answer, nothing may throw, and the database must be unchanged by
 * every rejected one (checked with SQLite's data_version from a second connection, which changes
 * whenever another connection commits).
 */
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WAIT_MS } from '../../main/backend/session/throttle';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Channel } from '../../shared/ipc/contract';
import { ERROR_CODES } from '../../shared/ipc/result';
import { must, patientInput, readyBackend, removeTempDirs, TEST_PASSWORD } from '../helpers/backend';
import { CHANNEL_EXAMPLES } from '../helpers/channel-examples';
import { clinicKey, rawKeyedConnection } from '../helpers/db';
import { fuzzRuns } from '../helpers/fuzz-runs';

const RUNS = fuzzRuns(process.env);
/** 10,000 runs a channel (CI) take a while on two busy cores. */
const PER_CHANNEL_TIMEOUT_MS = 300_000;

let backend: Awaited<ReturnType<typeof readyBackend>>;
let watcher: ReturnType<typeof rawKeyedConnection>;

beforeAll(async () => {
  backend = await readyBackend();
  const p = await must(backend, 'patients.create', patientInput());
  await must(backend, 'episodes.create', {
    patientId: p.id,
    diagnosis: 'hamstring_strain',
    diagnosisDetail: '',
    side: 'right',
    onsetDate: null,
  });
  watcher = rawKeyedConnection(path.join(backend.dataDir, 'clinic.sqlite'), await clinicKey(backend.dataDir));
});

afterAll(() => {
  watcher.close();
  backend.close();
  removeTempDirs();
});

function dataVersion(): number {
  return watcher.pragma('data_version', { simple: true }) as number;
}

function lastAuditId(): number {
  return (watcher.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number) ?? 0;
}

/** The actions appended to the audit trail after the entry `afterId`. */
function auditedSince(afterId: number): string[] {
  return watcher.prepare('SELECT action FROM audit_log WHERE id > ? ORDER BY id').pluck().all(afterId) as string[];
}

/** Back to a signed-in clinician on the real clinic, whatever the last payload did. */
async function restoreSession(): Promise<void> {
  const status = await must(backend, 'app.status', {});
  if (status.clinicKind === 'demo') await must(backend, 'app.leaveDemo', {});
  const now = await must(backend, 'app.status', {});
  // Fuzzed wrong passwords may have started a delay (the clock is fixed): let it run out.
  if (now.state === 'locked' || now.state === 'signed_out') backend.clock.advance(MAX_WAIT_MS);
  if (now.state === 'locked') await must(backend, 'session.unlock', { password: TEST_PASSWORD });
  if (now.state === 'signed_out') await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
}

/** Payloads close to a valid one: a key dropped, an unknown key added, one value replaced. */
function nearValid(example: unknown): fc.Arbitrary<unknown> {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return fc.anything();
  const record = example as Record<string, unknown>;
  const keys = Object.keys(record);
  const strange = fc.oneof(
    fc.anything({ maxDepth: 2 }),
    fc.string({ maxLength: 400 }),
    fc.constantFrom(
      -1,
      0,
      1.5,
      Number.MAX_SAFE_INTEGER + 2,
      Number.NaN,
      '',
      ' ',
      'x'.repeat(20_000),
      null,
      [],
      {},
      true,
    ),
  );
  const arbitraries: fc.Arbitrary<unknown>[] = [
    fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'extra').map((k) => ({ ...record, [k]: 1 })),
  ];
  if (keys.length > 0) {
    arbitraries.push(
      fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== k))),
    );
    arbitraries.push(fc.tuple(fc.constantFrom(...keys), strange).map(([k, v]) => ({ ...record, [k]: v })));
  }
  return fc.oneof(...arbitraries);
}

describe('every channel under fuzzed payloads', () => {
  it.each(CHANNELS.map((c) => [c]))(
    '%s answers with a typed error or a valid answer, and a refusal changes nothing',
    async (channel: Channel) => {
      await restoreSession();
      const example = CHANNEL_EXAMPLES[channel];
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything({ maxDepth: 3 }), nearValid(example)), async (payload) => {
          const before = dataVersion();
          const auditBefore = lastAuditId();
          const result = await backend.dispatch(channel, payload);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expect(ERROR_CODES).toContain(result.error.code);
            expect(result.error.message.length).toBeGreaterThan(0);
            if (dataVersion() !== before) {
              // The one write a refusal may make: the audit trail's note of a wrong password.
              expect(result.error.code).toBe('unauthenticated');
              const added = auditedSince(auditBefore);
              expect(added.length).toBeGreaterThan(0);
              for (const action of added) expect(action).toMatch(/_failed$/);
            }
          }
        }),
        { numRuns: RUNS },
      );
      await restoreSession();
    },
    PER_CHANNEL_TIMEOUT_MS,
  );
});
