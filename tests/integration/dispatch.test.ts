import { afterEach, describe, expect, it } from 'vitest';
import { must, openTestBackend, patientInput, readyBackend, removeTempDirs, TEST_PASSWORD } from '../helpers/backend';
import { count, openClinicDb } from '../helpers/db';

afterEach(removeTempDirs);

async function rowCounts(dataDir: string) {
  const db = await openClinicDb(dataDir, { readonly: true });
  const counts = {
    patients: count(db, 'patients'),
    audit: count(db, 'audit_log'),
    clinicians: count(db, 'clinicians'),
  };
  db.close();
  return counts;
}

describe('the request gate', () => {
  it('refuses an unknown channel', async () => {
    const backend = await readyBackend();
    const r = await backend.dispatch('patients.delete', { id: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    backend.close();
  });

  it.each([
    ['nothing at all', undefined],
    ['a string', 'Zoë'],
    ['an array', [1, 2]],
    ['a missing family name', { ...patientInput(), familyName: undefined }],
    ['an extra key', { ...patientInput(), isAdmin: true }],
    ['a number for a name', { ...patientInput(), givenName: 42 }],
    ['an impossible date', { ...patientInput(), dateOfBirth: '1991-02-30' }],
    ['a sex not on the list', { ...patientInput(), sex: 'unknown' }],
    ['a name of 10,000 characters', { ...patientInput(), givenName: 'x'.repeat(10_000) }],
    ['a prototype trick', JSON.parse('{"__proto__": {"polluted": true}}')],
  ])('refuses %s with a typed error and changes nothing', async (_label, payload) => {
    const backend = await readyBackend();
    const before = await rowCounts(backend.dataDir);
    const r = await backend.dispatch('patients.create', payload);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_request');
      expect(r.error.message.length).toBeGreaterThan(5);
    }
    expect(await rowCounts(backend.dataDir)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    backend.close();
  });

  it('names the field to fix', async () => {
    const backend = await readyBackend();
    const r = await backend.dispatch('patients.create', {
      ...patientInput(),
      givenName: '   ',
      email: 'zoe-at-example',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.fields).toEqual({
        givenName: 'Enter the given name.',
        email: 'Email does not look like an email address: it needs a name, an @ and a domain.',
      });
    }
    backend.close();
  });

  it('refuses a date of birth in the future', async () => {
    const backend = await readyBackend();
    const r = await backend.invoke('patients.create', patientInput({ dateOfBirth: '2026-11-28' }));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fields: { dateOfBirth: 'Date of birth cannot be after today.' } },
    });
    backend.close();
  });

  it('answers clinical requests only when a clinician is signed in', async () => {
    const backend = await readyBackend();
    await must(backend, 'session.signOut', {});
    const r = await backend.invoke('patients.search', { query: '', includeArchived: false, offset: 0, limit: 10 });
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    backend.close();
  });

  it('a first start offers setup; a set-up clinic refuses a second setup', async () => {
    const backend = openTestBackend();
    expect((await must(backend, 'app.status', {})).state).toBe('needs_setup');
    await must(backend, 'app.setup', {
      clinic: {
        clinicName: 'A',
        autoLockMinutes: 10,
        address: '',
        phone: '',
        email: '',
        units: 'mi',
        paperSize: 'Letter',
        dateFormat: 'MM/DD/YYYY',
      },
      clinician: { name: 'B', profession: 'Physical therapist', registrationNumber: '' },
      password: TEST_PASSWORD,
    });
    const again = await backend.invoke('app.setup', {
      clinic: {
        clinicName: 'C',
        autoLockMinutes: 5,
        address: '',
        phone: '',
        email: '',
        units: 'km',
        paperSize: 'A4',
        dateFormat: 'DD/MM/YYYY',
      },
      clinician: { name: 'D', profession: 'Physiotherapist', registrationNumber: '' },
      password: TEST_PASSWORD,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await must(backend, 'settings.get', {})).clinicName).toBe('A');
    backend.close();
  });

  it('refuses an edit made from an out-of-date copy', async () => {
    const backend = await readyBackend();
    const p = await must(backend, 'patients.create', patientInput());
    await must(backend, 'patients.update', { id: p.id, expectedVersion: 1, changes: patientInput({ phone: '+44 1' }) });
    const r = await backend.invoke('patients.update', {
      id: p.id,
      expectedVersion: 1,
      changes: patientInput({ phone: '+44 2' }),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect((await must(backend, 'patients.get', { id: p.id })).phone).toBe('+44 1');
    backend.close();
  });

  it('archives without deleting, and brings back', async () => {
    const backend = await readyBackend();
    const p = await must(backend, 'patients.create', patientInput());
    const archived = await must(backend, 'patients.archive', {
      id: p.id,
      expectedVersion: 1,
      archived: true,
      reason: 'Moved away',
    });
    expect(archived.archived).toBe(true);
    const hidden = await must(backend, 'patients.search', {
      query: 'zoe',
      includeArchived: false,
      offset: 0,
      limit: 10,
    });
    expect(hidden.total).toBe(0);
    const shown = await must(backend, 'patients.search', { query: 'zoe', includeArchived: true, offset: 0, limit: 10 });
    expect(shown.items[0]?.archived).toBe(true);
    const back = await must(backend, 'patients.archive', { id: p.id, expectedVersion: 2, archived: false, reason: '' });
    expect(back.archived).toBe(false);
    backend.close();
  });

  it('does not let a clinician deactivate themselves', async () => {
    const backend = await readyBackend();
    const [me] = await must(backend, 'clinicians.list', {});
    const r = await backend.invoke('clinicians.setActive', {
      clinicianId: me!.id,
      active: false,
      yourPassword: TEST_PASSWORD,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    backend.close();
  });
});
