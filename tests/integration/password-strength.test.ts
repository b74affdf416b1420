/**
 * New passwords are checked for how easily they would be guessed (zxcvbn), in the backend, on
 * every door that sets one: first start, adding a clinician, changing one's own, and resetting
 * with the recovery key. A refusal says why and what to do; nothing is changed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkPasswordStrength, MIN_PASSWORD_SCORE } from '../../shared/domain/password-strength';
import { CLINIC_SETUP, must, openTestBackend, readyBackend, removeTempDirs, TEST_PASSWORD } from '../helpers/backend';

afterAll(() => removeTempDirs());

const STRONG = 'violet otter climbs slowly at dusk';

describe('the strength estimate', () => {
  it.each([
    ['password1234', {}, /^This password is too easy to guess\. It is very like a commonly used password\. /],
    [
      'Stride Clinic 2026',
      { clinicName: 'Stride Clinic', clinicianName: 'Priya Shah' },
      /It is built from your name, the clinic’s name or the app’s name\./,
    ],
    ['correcthorsebatterystaple', {}, /It is a well-known example password, one of the first that anyone tries\./],
    ['correct horse battery staple', {}, /It is a well-known example password/],
    ['PriyaShah2026', { clinicianName: 'Priya Shah' }, /It is built from your name/],
    ['Riverside Running Clinic 1', { clinicName: 'Riverside Running Clinic' }, /the clinic’s name/],
    ['short', {}, /^Use at least 10 characters\./],
  ])('refuses %j and says why and what to do', async (password, context, why) => {
    const verdict = await checkPasswordStrength(password, context);
    expect(verdict.problem).toMatch(why);
    if (verdict.score !== null) expect(verdict.score).toBeLessThan(MIN_PASSWORD_SCORE);
    // Every refusal ends with what to do.
    expect(verdict.problem).toMatch(/(Add another word|Use four or more words|Use at least)/);
  });

  it('accepts a long passphrase of unrelated words, and the e2e tests’ passwords', async () => {
    for (const password of [
      STRONG,
      'river bend morning run',
      'a fresh start on the track',
      'blue kettle on the hill',
    ]) {
      const verdict = await checkPasswordStrength(password, {
        clinicianName: 'Priya Shah',
        clinicName: 'Riverside Running Clinic',
      });
      expect(verdict, password).toEqual({ score: expect.any(Number) as number, problem: null });
      expect(verdict.score).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
    }
  });
});

describe('the backend refuses a guessable new password on every door, and changes nothing', () => {
  it('at first start, naming the clinic’s own name as the reason', async () => {
    const backend = openTestBackend();
    const r = await backend.invoke('app.setup', {
      ...CLINIC_SETUP,
      clinic: { ...CLINIC_SETUP.clinic, clinicName: 'Stride Clinic' },
      password: 'Stride Clinic 2026',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_request');
      expect(r.error.fields?.password).toMatch(/too easy to guess\. It is built from your name, the clinic’s name/);
    }
    expect((await must(backend, 'app.status', {})).state).toBe('needs_setup');
    const famous = await backend.invoke('app.setup', { ...CLINIC_SETUP, password: 'correcthorsebatterystaple' });
    expect(famous.ok ? null : famous.error.fields?.password).toMatch(/well-known example password/);
    await must(backend, 'app.setup', { ...CLINIC_SETUP, password: STRONG });
    backend.close();
  });

  it('when adding a clinician, changing one’s own password, and resetting with the recovery key', async () => {
    const backend = await readyBackend();
    const added = await backend.invoke('clinicians.create', {
      clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: '' },
      password: 'password1234',
      yourPassword: TEST_PASSWORD,
    });
    expect(added.ok ? null : added.error.fields?.password).toMatch(/commonly used password/);
    expect((await must(backend, 'clinicians.list', {})).map((c) => c.name)).toEqual(['Priya Shah']);

    const changed = await backend.invoke('session.changePassword', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'correcthorsebatterystaple',
    });
    expect(changed.ok ? null : changed.error.fields?.newPassword).toMatch(/well-known example password/);

    await must(backend, 'session.signOut', {});
    const reset = await backend.invoke('session.recover', {
      recoveryKey: backend.recoveryKey,
      clinicianId: 1,
      newPassword: 'PriyaShah2026',
    });
    expect(reset.ok ? null : reset.error.fields?.newPassword).toMatch(/It is built from your name/);
    // The old password still works: nothing was changed.
    await must(backend, 'session.signIn', { clinicianId: 1, password: TEST_PASSWORD });
    backend.close();
  });
});
