import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration0002 } from '../../main/db/migrations/0002-episodes';
import { must, patientInput, readyBackend, removeTempDirs } from '../helpers/backend';
import { databaseAt } from '../helpers/db';

afterEach(removeTempDirs);

describe('migration 2 (episodes of care) on real rows', () => {
  it('keeps every patient and links new episodes to them', () => {
    const db = databaseAt(migration0002.version - 1);
    db.prepare(
      `INSERT INTO patients (given_name, family_name, date_of_birth, sex, record_number, record_number_key, sort_key, search_text, created_at, updated_at)
       VALUES ('An', 'Nguyễn Văn', '1986-09-02', 'male', 'R-2', 'R-2', 'nguyen van\u0001an', 'an nguyen van r 2', 'x', 'x')`,
    ).run();
    migrate(db, MIGRATIONS, { target: migration0002.version });
    expect(db.prepare('SELECT given_name, family_name FROM patients').all()).toEqual([
      { given_name: 'An', family_name: 'Nguyễn Văn' },
    ]);
    db.prepare(
      `INSERT INTO episodes (patient_id, diagnosis, region, side, status, opened_on, created_at, updated_at)
       VALUES (1, 'achilles_tendinopathy', 'achilles', 'left', 'open', '2026-11-27', 'x', 'x')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO episodes (patient_id, diagnosis, region, side, status, opened_on, created_at, updated_at)
           VALUES (99, 'calf_strain', 'lower_leg', 'left', 'open', '2026-11-27', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE episodes SET status = 'closed'`).run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('episodes of care', () => {
  it('opens, lists, discharges and reopens an episode, each step audited', async () => {
    const backend = await readyBackend();
    const p = await must(backend, 'patients.create', patientInput());
    const e = await must(backend, 'episodes.create', {
      patientId: p.id,
      diagnosis: 'hamstring_strain',
      diagnosisDetail: '',
      side: 'right',
      onsetDate: '2026-11-02',
    });
    expect(e).toMatchObject({
      title: 'Hamstring strain, right',
      region: 'thigh',
      status: 'open',
      openedOn: '2026-11-27',
    });
    const closed = await must(backend, 'episodes.close', { id: e.id, expectedVersion: 1, closed: true });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-27' });
    const second = await must(backend, 'episodes.create', {
      patientId: p.id,
      diagnosis: 'other',
      diagnosisDetail: 'Peroneal tendinopathy',
      side: 'left',
      onsetDate: null,
    });
    const list = await must(backend, 'episodes.list', { patientId: p.id });
    expect(list.map((x) => x.title)).toEqual(['Peroneal tendinopathy, left', 'Hamstring strain, right']);
    const reopened = await must(backend, 'episodes.close', { id: e.id, expectedVersion: 2, closed: false });
    expect(reopened.closedOn).toBeNull();
    expect(second.region).toBe('other');
    backend.close();
  });

  it('refuses an onset in the future, an undescribed "Other", and an unknown patient', async () => {
    const backend = await readyBackend();
    const p = await must(backend, 'patients.create', patientInput());
    const base = {
      patientId: p.id,
      diagnosis: 'calf_strain' as const,
      diagnosisDetail: '',
      side: 'left' as const,
      onsetDate: null,
    };
    expect(await backend.invoke('episodes.create', { ...base, onsetDate: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { fields: { onsetDate: 'Date of onset cannot be after today: enter the day the symptoms started.' } },
    });
    expect(await backend.invoke('episodes.create', { ...base, diagnosis: 'other' })).toMatchObject({
      ok: false,
      error: { fields: { diagnosisDetail: 'Describe the diagnosis: you chose "Other".' } },
    });
    expect(await backend.invoke('episodes.create', { ...base, patientId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await must(backend, 'episodes.list', { patientId: p.id })).toEqual([]);
    backend.close();
  });
});
