/** The audit trail viewer, and the proof that no request can edit or delete the trail. */
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { openDatabase } from '../../main/db/open';
import type { Channel } from '../../shared/ipc/contract';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Backend } from '../../main/backend/backend';
import { must, patientInput, readyBackend, removeTempDirs, TEST_PASSWORD } from '../helpers/backend';
import { clinicKey } from '../helpers/db';
import { CHANNEL_EXAMPLES } from '../helpers/channel-examples';

afterEach(removeTempDirs);

const ALL = {
  clinicianId: null,
  patientId: null,
  action: null,
  from: null,
  to: null,
  text: '',
  asOf: null,
  offset: 0,
  limit: 50,
};

async function clinicWithHistory() {
  const backend = await readyBackend();
  const zoe = await must(backend, 'patients.create', patientInput());
  const an = await must(
    backend,
    'patients.create',
    patientInput({ givenName: 'An', familyName: 'Nguyễn Văn', recordNumber: 'RR-0002' }),
  );
  const tomas = await must(backend, 'clinicians.create', {
    clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
    password: 'blue kettle on the hill',
    yourPassword: TEST_PASSWORD,
  });
  await must(backend, 'session.signOut', {});
  backend.clock.advance(2 * 24 * 3_600_000); // two days later
  await must(backend, 'session.signIn', { clinicianId: tomas.id, password: 'blue kettle on the hill' });
  await backend.settled();
  await must(backend, 'patients.update', {
    id: an.id,
    expectedVersion: 1,
    changes: patientInput({ givenName: 'An', familyName: 'Nguyễn Văn', recordNumber: 'RR-0002', phone: '+44 113 000' }),
  });
  await must(backend, 'patients.archive', { id: zoe.id, expectedVersion: 1, archived: true, reason: 'Moved to Oslo' });
  return { backend, zoe, an, tomas };
}

describe('the audit trail viewer', () => {
  it('filters by clinician, patient, action, days and text, newest first, one page at a time', async () => {
    const { backend, zoe, an, tomas } = await clinicWithHistory();
    const all = await must(backend, 'audit.list', ALL);
    expect(all.items[0]).toMatchObject({
      action: 'archive',
      clinicianName: 'Tomás Herrera',
      patientName: 'Zoë Łukasiewicz-Ørsted',
    });
    expect(all.items.map((i) => i.id)).toEqual([...all.items.map((i) => i.id)].sort((a, b) => b - a));

    const byTomas = await must(backend, 'audit.list', { ...ALL, clinicianId: tomas.id });
    expect(new Set(byTomas.items.map((i) => i.clinicianName))).toEqual(new Set(['Tomás Herrera']));
    expect(byTomas.items.map((i) => i.action)).toEqual(expect.arrayContaining(['sign_in', 'update', 'archive']));

    const aboutAn = await must(backend, 'audit.list', { ...ALL, patientId: an.id });
    expect(aboutAn.items.map((i) => i.action)).toEqual(['update', 'create']);
    expect(JSON.parse(aboutAn.items[0]!.before!)).toEqual({ phone: '+44 7700 900123' });
    expect(JSON.parse(aboutAn.items[0]!.after!)).toEqual({ phone: '+44 113 000' });

    const creates = await must(backend, 'audit.list', { ...ALL, action: 'create' });
    expect(creates.items.map((i) => i.entity).sort()).toEqual([
      'clinician',
      'clinician',
      'patient',
      'patient',
      'settings',
    ]);

    const firstDay = await must(backend, 'audit.list', {
      ...ALL,
      from: '2026-11-27',
      to: '2026-11-27',
      action: 'create',
    });
    expect(firstDay.total).toBe(5);
    const laterDays = await must(backend, 'audit.list', { ...ALL, from: '2026-11-28' });
    expect(laterDays.items.every((i) => i.at >= '2026-11-28')).toBe(true);
    expect(laterDays.items.map((i) => i.action)).toContain('archive');

    const oslo = await must(backend, 'audit.list', { ...ALL, text: 'oslo' });
    expect(oslo.items.map((i) => i.patientId)).toEqual([zoe.id]);
    const percent = await must(backend, 'audit.list', { ...ALL, text: '100%_' });
    expect(percent.total).toBe(0);

    // Pages of one search stay put while entries are added (the search itself is one of them).
    const page1 = await must(backend, 'audit.list', { ...ALL, limit: 3 });
    await must(backend, 'patients.get', { id: zoe.id });
    const page2 = await must(backend, 'audit.list', { ...ALL, limit: 3, offset: 3, asOf: page1.asOf });
    expect(page2.total).toBe(page1.total);
    expect(page2.items[0]!.id).toBe(page1.items[2]!.id - 1);
    const fresh = await must(backend, 'audit.list', { ...ALL, limit: 3 });
    expect(fresh.total).toBe(page1.total + 2); // the first search's own entry, and the view

    const bad = await backend.invoke('audit.list', { ...ALL, from: '2026-12-01', to: '2026-11-01' });
    expect(bad).toMatchObject({ ok: false, error: { fields: { to: 'The “from” date is after the “to” date.' } } });

    const filters = await must(backend, 'audit.filters', {});
    expect(filters.actions).toEqual(expect.arrayContaining(['archive', 'create', 'sign_in', 'audit_view']));
    expect(filters.clinicians.map((c) => c.name)).toEqual(['Priya Shah', 'Tomás Herrera']);
    backend.close();
  });

  it('records each new search, with its filters, in the trail itself', async () => {
    const { backend, an } = await clinicWithHistory();
    await must(backend, 'audit.list', { ...ALL, patientId: an.id, text: 'phone' });
    await must(backend, 'audit.list', { ...ALL, patientId: an.id, text: 'phone', offset: 50, asOf: 1000 });
    const views = await must(backend, 'audit.list', { ...ALL, action: 'audit_view' });
    expect(views.items.map((i) => i.summary)).toEqual([
      'Tomás Herrera viewed the audit trail (patient An Nguyễn Văn, text "phone"; 2 entries)',
    ]);
    expect(views.items[0]!.patientId).toBe(an.id);
    const again = await must(backend, 'audit.list', { ...ALL, action: 'audit_view' });
    expect(again.items[0]!.summary).toBe('Tomás Herrera viewed the audit trail (action audit_view; 1 entry)');
    backend.close();
  });
});

/** The shared valid request per channel (tests/helpers/channel-examples.ts), with this clinic's recovery key. */
function examples(recoveryKey: string): Partial<Record<Channel, unknown>> {
  return {
    ...CHANNEL_EXAMPLES,
    'session.recover': { recoveryKey, clinicianId: 1, newPassword: TEST_PASSWORD },
    'session.changePassword': { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
  };
}

/** Requests that are the example, the example with one part changed, or anything at all. */
function fuzzed(example: unknown): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.integer({ min: -2, max: 6 }),
    fc.string({ maxLength: 30 }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('__proto__', 'constructor', "'; DELETE FROM audit_log; --", 'UPDATE audit_log SET summary = 1'),
  );
  const mutate = (value: unknown): fc.Arbitrary<unknown> => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) return fc.constantFrom({}, { extra: 1 });
      return fc
        .integer({ min: 0, max: entries.length })
        .chain((i) =>
          i === entries.length
            ? fc.record({ ...Object.fromEntries(entries.map(([k, v]) => [k, fc.constant(v)])), injected: leaf })
            : mutate(entries[i]![1]).map((v) => ({ ...(value as Record<string, unknown>), [entries[i]![0]]: v })),
        );
    }
    return leaf;
  };
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(example) },
    { weight: 4, arbitrary: mutate(example) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}

/** Every audit entry as (id, hash), read on a separate connection, as another program would. */
function auditRows(backend: Backend, key: Buffer): string[] {
  const db = openDatabase(path.join(backend.dataDir, 'clinic.sqlite'), { create: false, readonly: true, key });
  try {
    expect(verifyAuditChain(db).ok).toBe(true);
    return (db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all() as { id: number; hash: string }[]).map(
      (r) => `${r.id}:${r.hash}`,
    );
  } finally {
    db.close();
  }
}

/** Back to "signed in as clinician 1 with TEST_PASSWORD", whatever the last request did. */
async function signedInAgain(backend: Backend, recoveryKey: string): Promise<void> {
  let status = await must(backend, 'app.status', {});
  if (status.clinicKind === 'demo') status = await must(backend, 'app.leaveDemo', {});
  if (status.state === 'ready' && status.clinician?.id === 1) return;
  if (status.state === 'ready') status = await must(backend, 'session.signOut', {});
  if (status.state === 'locked') await must(backend, 'session.signOut', {});
  const r = await backend.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
  if (!r.ok) await must(backend, 'session.recover', { recoveryKey, clinicianId: 1, newPassword: TEST_PASSWORD });
}

/*
 * Every channel gets its example request, mutations of it, and random values; after each call
 * the trail read by another connection must start with exactly the entries it had before and
 * its hash chain must verify. restore.confirm can only act on a restore prepared in the same
 * session (a random 128-bit id the fuzzer never holds), so here it is refused; a real restore
 * does replace the trail with the backup's (which it keeps unchanged), after keeping the
 * replaced records, trail included, in a snapshot: see backup.test.ts.
 */
describe('the audit trail cannot be edited or deleted through the app', () => {
  it(
    'stays append-only across every channel, given valid, mutated and random requests',
    { timeout: 300_000 },
    async () => {
      const backend = await readyBackend();
      await must(backend, 'patients.create', patientInput());
      await must(backend, 'patients.create', patientInput({ givenName: 'An', recordNumber: 'RR-0002' }));
      await must(backend, 'episodes.create', {
        patientId: 1,
        diagnosis: 'calf_strain',
        diagnosisDetail: '',
        side: 'left',
        onsetDate: null,
      });
      await must(backend, 'clinicians.create', {
        clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
        password: 'blue kettle on the hill',
        yourPassword: TEST_PASSWORD,
      });
      const seeds = examples(backend.recoveryKey);
      const missing = CHANNELS.filter((c) => !(c in seeds));
      expect(missing, 'add an example request for these channels in tests/helpers/channel-examples.ts').toEqual([]);

      const key = await clinicKey(backend.dataDir);
      let before = auditRows(backend, key);
      const initial = before.length;
      const unreached: string[] = [];
      for (const channel of CHANNELS) {
        // The example itself first, so every channel's handler is reached at least once.
        const requests = [
          seeds[channel],
          ...fc.sample(fuzzed(seeds[channel]), { numRuns: 11, seed: 20261127 + channel.length }),
        ];
        let reached = false;
        for (const request of requests) {
          const r = await backend.dispatch(channel, request);
          if (r.ok || r.error.code !== 'invalid_request') reached = true;
          // The raw SQL the app offers nobody: rows are only ever added.
          const after = auditRows(backend, key);
          expect(after.slice(0, before.length), `${channel} ${JSON.stringify(request)?.slice(0, 200)}`).toEqual(before);
          await signedInAgain(backend, backend.recoveryKey);
          const again = auditRows(backend, key);
          expect(again.slice(0, after.length)).toEqual(after);
          before = again;
        }
        if (!reached) unreached.push(channel);
      }
      await backend.settled();
      // The fuzzer must have reached every handler, not only the schema check.
      expect(unreached, 'these channels refused even their example request').toEqual([]);
      expect(before.length).toBeGreaterThan(initial + 40);
      backend.close();
    },
  );
});
