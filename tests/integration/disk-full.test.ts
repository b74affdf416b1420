/**
 * A full disk must not lock clinicians out: sign-in (and its audit entry) still works, records can
 * be read, and anything new is refused with one plain sentence until space is freed. Runs on a
 * small tmpfs mounted as the data folder (needs root and mount(8); skipped with a reason otherwise).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESERVE_BYTES, RESERVE_FILE } from '../../main/files/disk-reserve';
import { CLINIC_SETUP, must, openTestBackend, patientInput, TEST_PASSWORD } from '../helpers/backend';

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

function canMount(): string | null {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root';
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return null;
  } catch {
    return 'mount(8) is not permitted here (a container without CAP_SYS_ADMIN)';
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

const whyNot = canMount();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-disk-full-'));
let mounted = false;

/** Fills the disk with a filler file until a write fails for space. */
function fill(file: string): void {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  // The last bytes too, so not even a page is left.
  try {
    for (;;) fs.writeSync(fd, chunk, 0, 512);
  } catch {
    // full
  }
  fs.closeSync(fd);
}

beforeAll(() => {
  if (whyNot) return;
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', root]);
  mounted = true;
});

afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', root]);
  fs.rmSync(root, { recursive: true, force: true });
});

describe.skipIf(whyNot !== null)(`a full disk${whyNot ? ` (skipped: ${whyNot})` : ''}`, () => {
  it('still lets a clinician sign in and read records, refuses new writes in one sentence, and recovers when space is freed', async () => {
    const dataDir = path.join(root, 'clinic');
    const filler = path.join(root, 'filler');
    let backend = openTestBackend({ dataDir, diskReserveBytes: RESERVE_BYTES });
    await must(backend, 'app.setup', CLINIC_SETUP);
    const zoe = await must(backend, 'patients.create', patientInput());
    await must(backend, 'session.signOut', {});
    backend.close();
    expect(fs.statSync(path.join(dataDir, RESERVE_FILE)).size).toBe(RESERVE_BYTES);

    // Another program fills the disk while the app is closed.
    fill(filler);
    backend = openTestBackend({ dataDir, diskReserveBytes: RESERVE_BYTES });
    try {
      const signedIn = await backend.invoke('session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
      if (!signedIn.ok) throw new Error(`sign-in refused on a full disk: ${signedIn.error.message}`);
      expect(signedIn.value.state).toBe('ready');
      expect(signedIn.value.diskFull).toMatch(/^The disk is full: you can read records, but nothing new can be saved/);
      expect(signedIn.value.diskFull).toContain(dataDir);

      // The daily snapshot would eat the space kept back: it waits for a day with space.
      await backend.settled();
      expect((await must(backend, 'backups.list', {})).backups).toEqual([]);

      // Reading works, and the sign-in is in the audit trail.
      expect((await must(backend, 'patients.get', { id: zoe.id })).familyName).toBe('Łukasiewicz-Ørsted');
      const trail = await must(backend, 'audit.list', ALL);
      // Newest first: this reading, then this sign-in.
      expect(trail.items.slice(0, 2).map((i) => [i.action, i.summary])).toEqual([
        ['view', 'Opened the record of Zoë Łukasiewicz-Ørsted'],
        ['sign_in', 'Priya Shah signed in'],
      ]);

      // A new record is refused, in the same sentence, and nothing half-made is left.
      const refused = await backend.invoke(
        'patients.create',
        patientInput({ givenName: 'An', familyName: 'Nguyễn Văn', recordNumber: 'RR-0002' }),
      );
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('io_error');
        expect(refused.error.message).toBe(signedIn.value.diskFull);
      }
      const found = await must(backend, 'patients.search', { query: '', includeArchived: true, offset: 0, limit: 50 });
      expect(found.items.map((p) => p.familyName)).toEqual(['Łukasiewicz-Ørsted']);
      expect((await must(backend, 'audit.verify', {})).ok).toBe(true);

      // Space is freed: writes work again, the notice clears and the reserve is back.
      fs.rmSync(filler);
      const an = await must(
        backend,
        'patients.create',
        patientInput({ givenName: 'An', familyName: 'Nguyễn Văn', recordNumber: 'RR-0002' }),
      );
      expect(an.familyName).toBe('Nguyễn Văn');
      expect((await must(backend, 'app.status', {})).diskFull).toBeNull();
      expect(fs.statSync(path.join(dataDir, RESERVE_FILE)).size).toBe(RESERVE_BYTES);
    } finally {
      backend.close();
    }
  });
});
