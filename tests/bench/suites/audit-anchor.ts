/**
 * The audit trail's anchor (issue 16): what it costs an audited write. A patient edit through
 * the backend (request checks, the update and its audit row in one transaction, FULL sync) is
 * timed as answered; the anchor is written after the answer (setImmediate), so it is timed on its
 * own, and "edit, then its anchor" end to end against the edit with the anchor's write skipped
 * (the anchor file made unreadable to the app, so advanceAnchor stops at its checks).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ANCHOR_FILE, advanceAnchor, anchorKey } from '../../../main/audit/anchor';
import { appendAudit } from '../../../main/audit/audit-log';
import { createBackend } from '../../../main/backend/backend';
import { openDatabase } from '../../../main/db/open';
import { systemClock } from '../../../main/util/clock';
import type { Figure } from '../stats';
import { ms, percentile } from '../stats';
import type { SyntheticClinic } from '../synthetic-clinic';
import { BENCH_PASSWORD } from '../synthetic-clinic';

const QUIET = { info: () => {}, error: (m: string) => console.error(m) };
const ROUNDS = 60;

function afterAnswer(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function editLoop(clinic: SyntheticClinic): Promise<{ answered: number[]; withAnchor: number[] }> {
  const backend = createBackend({ dataDir: clinic.dataDir, logger: QUIET });
  const signedIn = await backend.invoke('session.signIn', { clinicianId: 1, password: BENCH_PASSWORD });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const got = await backend.invoke('patients.get', { id: 1 });
  if (!got.ok) throw new Error(got.error.message);
  let version = got.value.version;
  const p = got.value;
  const answered: number[] = [];
  const withAnchor: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    const r = await backend.invoke('patients.update', {
      id: 1,
      expectedVersion: version,
      changes: {
        givenName: p.givenName,
        familyName: p.familyName,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        phone: `+44 7700 9${String(i).padStart(5, '0')}`,
        email: p.email,
        recordNumber: p.recordNumber,
        notes: p.notes,
      },
    });
    const t1 = performance.now();
    await afterAnswer();
    await afterAnswer();
    const t2 = performance.now();
    if (!r.ok) throw new Error(r.error.message);
    version = r.value.version;
    if (i >= 5) {
      answered.push(t1 - t0);
      withAnchor.push(t2 - t0);
    }
  }
  backend.close();
  return { answered, withAnchor };
}

export async function benchAuditAnchor(clinic: SyntheticClinic): Promise<Figure[]> {
  const anchorPath = path.join(clinic.dataDir, ANCHOR_FILE);
  const withFile = await editLoop(clinic);

  // The same edits with the anchor's write skipped: a damaged anchor file stops advanceAnchor at its checks.
  const saved = fs.readFileSync(anchorPath);
  fs.writeFileSync(anchorPath, '{}');
  const without = await editLoop(clinic);
  fs.writeFileSync(anchorPath, saved);

  // The anchor's own write and its check when nothing was appended, straight on the records.
  const db = openDatabase(path.join(clinic.dataDir, 'clinic.sqlite'), { create: false, key: clinic.key! });
  const key = anchorKey(clinic.key!);
  advanceAnchor(db, clinic.dataDir, key, new Date());
  const writes: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    appendAudit(db, systemClock, {
      clinicianId: 1,
      action: 'view',
      entity: 'patient',
      entityId: 1,
      patientId: 1,
      summary: 'bench',
    });
    let t0 = performance.now();
    advanceAnchor(db, clinic.dataDir, key, new Date());
    writes.push(performance.now() - t0);
    t0 = performance.now();
    advanceAnchor(db, clinic.dataDir, key, new Date());
    checks.push(performance.now() - t0);
  }
  db.close();

  const p = (xs: number[]) => `p50 ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))}`;
  return [
    { name: 'Patient edit, answered (anchor after the answer)', value: p(withFile.answered) },
    { name: 'Patient edit, answered, anchor write skipped', value: p(without.answered) },
    { name: 'Patient edit and its anchor write, end to end', value: p(withFile.withAnchor) },
    { name: 'Patient edit end to end, anchor write skipped', value: p(without.withAnchor) },
    { name: 'Anchor write alone (HMAC, temp file, 2 fsyncs, rename)', value: p(writes) },
    { name: 'Anchor check when nothing was appended', value: p(checks) },
  ];
}
