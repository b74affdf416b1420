/**
 * Text the records cannot hold is refused with a message on the field, through the real backend
 * on a real SQLite file; text in any script, with emoji and line breaks where a field has several
 * lines, is saved and read back exactly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CLINIC_SETUP, must, openTestBackend, patientInput, readyBackend, removeTempDirs } from '../helpers/backend';

afterAll(() => removeTempDirs());

describe('a clinic name with a NUL character', () => {
  it('is refused at setup with a message on the clinic name, not "internal", and the clinic is then set up', async () => {
    const backend = openTestBackend();
    try {
      const r = await backend.invoke('app.setup', {
        ...CLINIC_SETUP,
        clinic: { ...CLINIC_SETUP.clinic, clinicName: 'Riverside\u0000Running Clinic' },
      });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('invalid_request');
      expect(r.error.fields?.['clinic.clinicName']).toBe(
        'Clinic name holds an invisible control character (often from a copy and paste): retype the text instead of pasting it.',
      );
      expect((await must(backend, 'app.status', {})).state).toBe('needs_setup');
      await must(backend, 'app.setup', CLINIC_SETUP);
      expect((await must(backend, 'app.status', {})).state).toBe('ready');
    } finally {
      backend.close();
    }
  });

  it('is refused in the settings with a message on the field, and the stored name is unchanged', async () => {
    const backend = await readyBackend();
    try {
      const r = await backend.invoke('settings.update', { ...CLINIC_SETUP.clinic, clinicName: 'Riverside\u0000' });
      expect(r.ok ? null : r.error.fields?.clinicName).toMatch(/^Clinic name holds an invisible control character/);
      expect((await must(backend, 'settings.get', {})).clinicName).toBe(CLINIC_SETUP.clinic.clinicName);
    } finally {
      backend.close();
    }
  });
});

describe('addresses, diagnosis details and notes', () => {
  it('refuse a right-to-left override, a lone surrogate and a tab on one line, each on its field', async () => {
    const backend = await readyBackend();
    try {
      const address = await backend.invoke('settings.update', {
        ...CLINIC_SETUP.clinic,
        address: '12 River Street\u202E sdeeL',
      });
      expect(address.ok ? null : address.error.fields?.address).toMatch(
        /^Address holds an invisible mark that reverses/,
      );

      const patient = await must(backend, 'patients.create', patientInput());
      const episode = await backend.invoke('episodes.create', {
        patientId: patient.id,
        diagnosis: 'other',
        diagnosisDetail: 'Stress reaction \uD83D',
        side: 'left',
        onsetDate: null,
      });
      expect(episode.ok ? null : episode.error.fields?.diagnosisDetail).toMatch(
        /^Diagnosis detail holds a broken character/,
      );
      const tabbed = await backend.invoke('episodes.create', {
        patientId: patient.id,
        diagnosis: 'other',
        diagnosisDetail: 'Stress\treaction',
        side: 'left',
        onsetDate: null,
      });
      expect(tabbed.ok ? null : tabbed.error.fields?.diagnosisDetail).toBe(
        'Diagnosis detail must be on one line: remove the tab or line break.',
      );
      expect(await must(backend, 'episodes.list', { patientId: patient.id })).toEqual([]);

      const notes = await backend.invoke('patients.create', patientInput({ recordNumber: 'RR-2', notes: 'a\u0000b' }));
      expect(notes.ok ? null : notes.error.fields?.notes).toMatch(/^Notes holds an invisible control character/);
    } finally {
      backend.close();
    }
  });

  it('keep accents, emoji, CJK, Arabic and line breaks exactly as typed', async () => {
    const backend = await readyBackend();
    try {
      const address = 'Flat 2, 東京都渋谷区 1-2-3\nZoë’s Running Clinic 🏃‍♀️\r\n\tLeeds';
      const settings = await must(backend, 'settings.update', {
        ...CLINIC_SETUP.clinic,
        clinicName: 'Łukasiewicz Physio 🏃 東京',
        address,
      });
      expect(settings.address).toBe(address);
      expect((await must(backend, 'settings.get', {})).clinicName).toBe('Łukasiewicz Physio 🏃 東京');

      const notes = 'Prefers morning visits.\nعيادة الجري\u200F — ランナー 🏃‍♂️\n\tNguyễn Văn An';
      const patient = await must(
        backend,
        'patients.create',
        patientInput({ givenName: 'Nguyễn 阮', familyName: 'Văn An 🙂', notes }),
      );
      const read = await must(backend, 'patients.get', { id: patient.id });
      expect(read.notes).toBe(notes);
      expect(read.givenName).toBe('Nguyễn 阮');
      expect(read.familyName).toBe('Văn An 🙂');
    } finally {
      backend.close();
    }
  });
});
