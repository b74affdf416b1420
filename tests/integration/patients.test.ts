import { afterEach, describe, expect, it } from 'vitest';
import { must, openTestBackend, patientInput, readyBackend, removeTempDirs, TEST_PASSWORD } from '../helpers/backend';

afterEach(removeTempDirs);

describe('patient records on a real database file', () => {
  it('creates a patient, finds them without accents, edits, and keeps the edit after a restart', async () => {
    const backend = await readyBackend();
    const created = await must(backend, 'patients.create', patientInput());
    expect(created.version).toBe(1);

    const found = await must(backend, 'patients.search', {
      query: 'zoe lukas',
      includeArchived: false,
      offset: 0,
      limit: 20,
    });
    expect(found.items.map((p) => p.id)).toEqual([created.id]);

    const edited = await must(backend, 'patients.update', {
      id: created.id,
      expectedVersion: 1,
      changes: { ...patientInput(), phone: '+44 7700 900999' },
    });
    expect(edited.version).toBe(2);
    const dataDir = backend.dataDir;
    backend.close();

    const reopened = openTestBackend({ dataDir });
    const status = await must(reopened, 'app.status', {});
    expect(status.state).toBe('signed_out');
    expect(status.signInChoices).toEqual([{ clinicianId: 1, name: 'Priya Shah' }]);
    await must(reopened, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    const again = await must(reopened, 'patients.get', { id: created.id });
    expect(again.phone).toBe('+44 7700 900999');
    expect(again.givenName).toBe('Zoë');
    reopened.close();
  });

  it('refuses a duplicate record number with a clear message and saves nothing', async () => {
    const backend = await readyBackend();
    await must(backend, 'patients.create', patientInput());
    const r = await backend.invoke(
      'patients.create',
      patientInput({ givenName: 'An', familyName: 'Nguyễn Văn', recordNumber: 'rr-0001' }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('conflict');
    expect(r.error.message).toContain('Record number rr-0001 is already used');
    expect(r.error.fields?.recordNumber).toContain('already used by Zoë Łukasiewicz-Ørsted');
    const all = await must(backend, 'patients.search', { query: '', includeArchived: true, offset: 0, limit: 50 });
    expect(all.total).toBe(1);
    backend.close();
  });
});
