/**
 * The clinic's emergency number: migration 10 on real settings rows (911 where dates are written
 * month first, else 112), the setting through the backend as the app calls it, and the number on
 * a new handout's urgent box.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration0010 } from '../../main/db/migrations/0010-emergency-number';
import { collectHandoutData } from '../../main/records/handout-data';
import { CLINIC_SETUP, must, openTestBackend, patientInput, removeTempDirs } from '../helpers/backend';
import { databaseAt, openClinicDb } from '../helpers/db';

afterEach(removeTempDirs);

function settingsRow(dateFormat: string) {
  const db = databaseAt(migration0010.version - 1);
  db.prepare(
    `INSERT INTO clinic_settings (id, clinic_name, address, phone, email, units, paper_size, date_format, created_at, updated_at)
     VALUES (1, 'Riverside Running Clinic', '12 River Street', '+44 113 496 0000', '', 'km', 'A4', ?, 'x', 'x')`,
  ).run(dateFormat);
  migrate(db, MIGRATIONS, { target: migration0010.version });
  return db;
}

describe('migration 10 (emergency number) on real rows', () => {
  it('gives clinics that write the day first 112, keeping the rest of the row', () => {
    const db = settingsRow('DD/MM/YYYY');
    expect(db.prepare('SELECT clinic_name, phone, emergency_number FROM clinic_settings').get()).toEqual({
      clinic_name: 'Riverside Running Clinic',
      phone: '+44 113 496 0000',
      emergency_number: '112',
    });
    db.close();
  });

  it('gives clinics that write the month first (North America) 911', () => {
    const db = settingsRow('MM/DD/YYYY');
    expect(db.prepare('SELECT emergency_number FROM clinic_settings').pluck().get()).toBe('911');
    db.close();
  });

  it('accepts 2 to 6 digits and refuses anything else', () => {
    const db = settingsRow('YYYY-MM-DD');
    const set = (n: string) => db.prepare('UPDATE clinic_settings SET emergency_number = ?').run(n);
    for (const ok of ['999', '000', '112', '18']) expect(() => set(ok)).not.toThrow();
    for (const bad of ['', '9', '1234567', '9 9 9', '+999', 'abc']) expect(() => set(bad), bad).toThrow(/CHECK/);
    db.close();
  });
});

describe('the emergency number setting', () => {
  it('starts at 112 when the set-up does not give one, is saved, read back, and carried into the handout data', async () => {
    const backend = openTestBackend();
    const { emergencyNumber: _given, ...withoutNumber } = CLINIC_SETUP.clinic;
    await must(backend, 'app.setup', { ...CLINIC_SETUP, clinic: withoutNumber });
    const settings = await must(backend, 'settings.get', {});
    expect(settings.emergencyNumber).toBe('112');

    await must(backend, 'settings.update', { ...settings, emergencyNumber: ' 911 ' });
    expect((await must(backend, 'settings.get', {})).emergencyNumber).toBe('911');
    const refused = await backend.invoke('settings.update', { ...settings, emergencyNumber: '9-1-1' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.fields?.emergencyNumber).toMatch(/2 to 6 digits/);

    const patient = await must(backend, 'patients.create', patientInput());
    const episode = await must(backend, 'episodes.create', {
      patientId: patient.id,
      diagnosis: 'calf_strain',
      diagnosisDetail: '',
      side: 'left',
      onsetDate: '2026-11-02',
    });
    const db = await openClinicDb(backend.dataDir, { readonly: true });
    const data = collectHandoutData(db, episode.id, 1, '2026-11-27');
    db.close();
    expect(data.clinic.emergencyNumber).toBe('911');
    expect(data.dateOrder).toBe('dmy');
    backend.close();
  });
});
