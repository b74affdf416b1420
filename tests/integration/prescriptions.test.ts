import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration0004 as migrationExercises } from '../../main/db/migrations/0004-exercises-prescriptions';
import { must, openTestBackend, patientInput, readyBackend, removeTempDirs } from '../helpers/backend';
import { clinicKey, databaseAt, openClinicDb, rawKeyedConnection } from '../helpers/db';
import { builtIn, clinicExerciseInput, item, like, SIX } from '../helpers/exercises';

afterEach(removeTempDirs);

async function patientWithEpisode() {
  const backend = await readyBackend();
  const patient = await must(backend, 'patients.create', patientInput());
  const episode = await must(backend, 'episodes.create', {
    patientId: patient.id,
    diagnosis: 'hamstring_strain',
    diagnosisDetail: '',
    side: 'right',
    onsetDate: '2026-11-02',
  });
  return { backend, patient, episode };
}

async function auditRows(dataDir: string, entity: string) {
  const db = await openClinicDb(dataDir, { readonly: true });
  const rows = db
    .prepare(
      'SELECT action, entity_id, patient_id, summary, before_json, after_json FROM audit_log WHERE entity = ? ORDER BY id',
    )
    .all(entity) as { action: string; entity_id: number; patient_id: number | null; summary: string }[];
  const chain = verifyAuditChain(db);
  db.close();
  return { rows, chain };
}

describe(`migration ${migrationExercises.version} (exercise library and prescriptions) on real rows`, () => {
  function seeded() {
    const db = databaseAt(migrationExercises.version - 1);
    db.prepare(
      `INSERT INTO clinicians (name, profession, created_at, updated_at) VALUES ('Priya Shah', 'Physiotherapist', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO patients (given_name, family_name, date_of_birth, sex, record_number, record_number_key, sort_key, search_text, created_at, updated_at)
       VALUES ('An', 'Nguyễn Văn', '1986-09-02', 'male', 'R-2', 'R-2', 'nguyen van\u0001an', 'an nguyen van r 2', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO episodes (patient_id, diagnosis, region, side, status, opened_on, created_at, updated_at)
       VALUES (1, 'achilles_tendinopathy', 'achilles', 'left', 'open', '2026-11-27', 'x', 'x')`,
    ).run();
    migrate(db, MIGRATIONS, { target: migrationExercises.version });
    return db;
  }

  const dosage = JSON.stringify(builtIn('calf-raise-both-legs').dosage);
  const snapshot = JSON.stringify(builtIn('calf-raise-both-legs'));

  it('keeps the patients and episodes, and takes a prescription for an existing episode', () => {
    const db = seeded();
    expect(db.prepare('SELECT given_name, family_name FROM patients').all()).toEqual([
      { given_name: 'An', family_name: 'Nguyễn Văn' },
    ]);
    expect(db.prepare('SELECT diagnosis, status FROM episodes').all()).toEqual([
      { diagnosis: 'achilles_tendinopathy', status: 'open' },
    ]);
    db.prepare(
      `INSERT INTO prescriptions (episode_id, version, item_count, created_at, created_by) VALUES (1, 1, 1, 'x', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO prescription_items (prescription_id, position, exercise_id, dosage_json, note, exercise_json)
       VALUES (1, 1, 'calf-raise-both-legs', ?, '', ?)`,
    ).run(dosage, snapshot);
    expect(() =>
      db
        .prepare(`INSERT INTO prescriptions (episode_id, version, item_count, created_at) VALUES (99, 1, 0, 'x')`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses to change, delete, extend or skip a version of a saved prescription', () => {
    const db = seeded();
    db.prepare(`INSERT INTO prescriptions (episode_id, version, item_count, created_at) VALUES (1, 1, 1, 'x')`).run();
    db.prepare(
      `INSERT INTO prescription_items (prescription_id, position, exercise_id, dosage_json, note, exercise_json)
       VALUES (1, 1, 'calf-raise-both-legs', ?, '', ?)`,
    ).run(dosage, snapshot);
    expect(() => db.prepare(`UPDATE prescription_items SET note = 'changed'`).run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM prescription_items').run()).toThrow(/cannot be deleted/);
    expect(() => db.prepare('UPDATE prescriptions SET item_count = 2').run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM prescriptions').run()).toThrow(/cannot be deleted/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO prescription_items (prescription_id, position, exercise_id, dosage_json, note, exercise_json)
           VALUES (1, 2, 'plank-front', ?, '', ?)`,
        )
        .run(dosage, snapshot),
    ).toThrow(/cannot take more exercises/);
    expect(() =>
      db.prepare(`INSERT INTO prescriptions (episode_id, version, item_count, created_at) VALUES (1, 3, 0, 'x')`).run(),
    ).toThrow(/must follow the latest version/);
    // A built-in row must not pose as a clinic exercise (or the reverse).
    db.prepare(`INSERT INTO prescriptions (episode_id, version, item_count, created_at) VALUES (1, 2, 1, 'x')`).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO prescription_items (prescription_id, position, exercise_id, dosage_json, note, exercise_json)
           VALUES (2, 1, 'clinic-5', ?, '', ?)`,
        )
        .run(dosage, snapshot),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT note FROM prescription_items WHERE prescription_id = 1').all()).toEqual([{ note: '' }]);
    db.close();
  });

  it('keeps stored pictures and saved exercise versions unchangeable', () => {
    const db = seeded();
    db.prepare(
      `INSERT INTO exercise_images (sha256, media_type, byte_size, width, height, data, created_at)
       VALUES (?, 'image/png', 3, 200, 200, x'010203', 'x')`,
    ).run('a'.repeat(64));
    expect(() => db.prepare(`UPDATE exercise_images SET width = 10`).run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM exercise_images').run()).toThrow(/cannot be deleted/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO exercise_images (sha256, media_type, byte_size, width, height, data, created_at)
           VALUES (?, 'image/gif', 3, 200, 200, x'010203', 'x')`,
        )
        .run('b'.repeat(64)),
    ).toThrow(/CHECK/);
    // A clinic exercise whose current version does not exist is refused at commit.
    expect(() =>
      db.transaction(() => {
        db.prepare(`INSERT INTO clinic_exercises (current_version, created_at, updated_at) VALUES (1, 'x', 'x')`).run();
      })(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('home exercise prescriptions', () => {
  it('prescribe, change a dosage, reorder, save: the earlier version is intact', async () => {
    const { backend, patient, episode } = await patientWithEpisode();
    expect(await must(backend, 'prescriptions.current', { episodeId: episode.id })).toBeNull();

    const first = await must(backend, 'prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: null,
      items: SIX.map((id) => item(id)),
    });
    expect(first).toMatchObject({ version: 1, patientId: patient.id, savedBy: 'Priya Shah' });
    expect(first.items.map((i) => [i.position, i.exerciseId, i.source])).toEqual(
      SIX.map((id, n) => [n + 1, id, 'built-in']),
    );
    expect(first.items[3]!.exercise).toEqual(builtIn('deadlift-staggered-stance'));

    const custom = { sets: 4, amount: { kind: 'reps' as const, reps: 6 }, perSide: true, daysPerWeek: 3 };
    const reordered = [SIX[5], SIX[0], SIX[1], SIX[2], SIX[3], SIX[4]];
    const second = await must(backend, 'prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: 1,
      items: reordered.map((id) =>
        id === 'calf-raise-both-legs' ? item(id, custom, 'Slow: 3 s up, 3 s down.') : item(id),
      ),
    });
    expect(second.version).toBe(2);
    expect(second.items[0]).toMatchObject({
      position: 1,
      exerciseId: 'calf-raise-both-legs',
      dosage: custom,
      note: 'Slow: 3 s up, 3 s down.',
    });

    expect(await must(backend, 'prescriptions.get', { episodeId: episode.id, version: 1 })).toEqual(first);
    expect(await must(backend, 'prescriptions.current', { episodeId: episode.id })).toEqual(second);
    const history = await must(backend, 'prescriptions.history', { episodeId: episode.id });
    expect(history.map((h) => [h.version, h.exerciseNames[0]])).toEqual([
      [2, 'Calf raise on both legs'],
      [1, builtIn('ankle-knee-to-wall').name],
    ]);

    const { rows, chain } = await auditRows(backend.dataDir, 'prescription');
    expect(chain.ok).toBe(true);
    expect(rows.map((r) => [r.action, r.entity_id, r.patient_id])).toEqual([
      ['prescribe', first.id, patient.id],
      ['prescribe', second.id, patient.id],
    ]);
    expect(rows[1]!.summary).toBe('Saved home exercises for Hamstring strain, right (version 2, 6 exercises)');
    backend.close();
  });

  it('refuses a save made from an out-of-date programme, and changes nothing', async () => {
    const { backend, episode } = await patientWithEpisode();
    await must(backend, 'prescriptions.save', { episodeId: episode.id, basedOnVersion: null, items: [item(SIX[0])] });
    const clash = await backend.invoke('prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: null,
      items: [item(SIX[1])],
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'stale', message: like(/version 1/) } });
    expect((await must(backend, 'prescriptions.history', { episodeId: episode.id })).length).toBe(1);
    backend.close();
  });

  it('refuses unknown exercises, a discharged episode, and an unknown episode', async () => {
    const { backend, episode } = await patientWithEpisode();
    const unknown = await backend.invoke('prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: null,
      items: [item(SIX[0]), item('moon-walk', builtIn(SIX[0]).dosage)],
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        fields: { 'items.1.exerciseId': 'Exercise 2 ("moon-walk") is not in the exercise library: remove it.' },
      },
    });
    await must(backend, 'episodes.close', { id: episode.id, expectedVersion: episode.version, closed: true });
    expect(
      await backend.invoke('prescriptions.save', {
        episodeId: episode.id,
        basedOnVersion: null,
        items: [item(SIX[0])],
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: like(/Reopen it/) } });
    expect(await backend.invoke('prescriptions.current', { episodeId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    backend.close();
  });

  it('keeps the clinic exercise as it was prescribed when the clinic edits it later', async () => {
    const { backend, episode } = await patientWithEpisode();
    const own = await must(backend, 'exercises.createClinic', { copiedFrom: null, exercise: clinicExerciseInput() });
    const ownId = own.exercise.id;
    const v1 = await must(backend, 'prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: null,
      items: [item(ownId, own.exercise.dosage, 'Use the bottom stair.')],
    });
    expect(v1.items[0]).toMatchObject({ source: 'clinic', clinicExerciseVersion: 1 });

    await must(backend, 'exercises.updateClinic', {
      id: own.id,
      expectedVersion: 1,
      exercise: clinicExerciseInput({
        name: 'Step-down, slow',
        steps: ['Lower for 3 seconds.'],
        picture: { kind: 'keep', description: 'A person steps down.' },
      }),
    });
    const again = await must(backend, 'prescriptions.get', { episodeId: episode.id, version: 1 });
    expect(again).toEqual(v1);
    expect(again.items[0]!.exercise.name).toBe('Step-down from a low step');

    const v2 = await must(backend, 'prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: 1,
      items: [item(ownId, own.exercise.dosage)],
    });
    expect(v2.items[0]).toMatchObject({ clinicExerciseVersion: 2, exercise: { name: 'Step-down, slow' } });

    await must(backend, 'exercises.retireClinic', { id: own.id, expectedVersion: 2, retired: true });
    const retired = await backend.invoke('prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: 2,
      items: [item(ownId, own.exercise.dosage)],
    });
    expect(retired).toMatchObject({
      ok: false,
      error: { fields: { 'items.0.exerciseId': like(/"Step-down, slow" was retired/) } },
    });
    expect(
      (await must(backend, 'prescriptions.get', { episodeId: episode.id, version: 2 })).items[0]!.exercise.name,
    ).toBe('Step-down, slow');
    backend.close();
  });

  it("shows each open episode's current programme for the patient page", async () => {
    const { backend, patient, episode } = await patientWithEpisode();
    const other = await must(backend, 'episodes.create', {
      patientId: patient.id,
      diagnosis: 'calf_strain',
      diagnosisDetail: '',
      side: 'left',
      onsetDate: null,
    });
    await must(backend, 'prescriptions.save', { episodeId: episode.id, basedOnVersion: null, items: [item(SIX[0])] });
    await must(backend, 'prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: 1,
      items: [item(SIX[1]), item(SIX[2])],
    });
    await must(backend, 'prescriptions.save', { episodeId: other.id, basedOnVersion: null, items: [item(SIX[5])] });
    const lines = await must(backend, 'prescriptions.forPatient', { patientId: patient.id });
    expect(lines.map((l) => [l.episodeId, l.version, l.items.map((i) => i.exerciseId)])).toEqual([
      [other.id, 1, [SIX[5]]],
      [episode.id, 2, [SIX[1], SIX[2]]],
    ]);
    await must(backend, 'episodes.close', { id: other.id, expectedVersion: other.version, closed: true });
    expect(
      (await must(backend, 'prescriptions.forPatient', { patientId: patient.id })).map((l) => l.episodeId),
    ).toEqual([episode.id]);
    backend.close();
  });

  it('reads every version exactly as stored even if someone edits the file outside the app', async () => {
    const { backend, episode } = await patientWithEpisode();
    await must(backend, 'prescriptions.save', { episodeId: episode.id, basedOnVersion: null, items: [item(SIX[0])] });
    const raw = rawKeyedConnection(path.join(backend.dataDir, 'clinic.sqlite'), await clinicKey(backend.dataDir));
    expect(() => raw.prepare(`UPDATE prescription_items SET dosage_json = '{}'`).run()).toThrow(/cannot be changed/);
    raw.close();
    backend.close();
  });
});

describe('prescription templates', () => {
  it('saves, lists, refuses a second of the same name, replaces and removes', async () => {
    const { backend } = await patientWithEpisode();
    const early = await must(backend, 'prescriptionTemplates.save', {
      name: 'Hamstring strain: early',
      items: [item(SIX[0]), item(SIX[3], undefined, 'Short range only.')],
      replace: false,
    });
    expect(early.items.map((i) => [i.exerciseId, i.name, i.available])).toEqual([
      [SIX[0], builtIn(SIX[0]).name, true],
      [SIX[3], builtIn(SIX[3]).name, true],
    ]);
    const clash = await backend.invoke('prescriptionTemplates.save', {
      name: 'hamstring STRAIN early',
      items: [item(SIX[1])],
      replace: false,
    });
    expect(clash).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { name: like(/already exists/) } },
    });
    const replaced = await must(backend, 'prescriptionTemplates.save', {
      name: 'Hamstring strain: early',
      items: [item(SIX[1])],
      replace: true,
    });
    expect(replaced).toMatchObject({ id: early.id, version: 2 });
    expect((await must(backend, 'prescriptionTemplates.list', {})).map((t) => t.items.length)).toEqual([1]);
    await must(backend, 'prescriptionTemplates.remove', { id: early.id, expectedVersion: 2 });
    expect(await must(backend, 'prescriptionTemplates.list', {})).toEqual([]);
    const { rows, chain } = await auditRows(backend.dataDir, 'prescription_template');
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'remove']);
    expect(chain.ok).toBe(true);
    backend.close();
  });

  it('marks a retired clinic exercise in a template as unavailable', async () => {
    const { backend } = await patientWithEpisode();
    const own = await must(backend, 'exercises.createClinic', { copiedFrom: null, exercise: clinicExerciseInput() });
    await must(backend, 'prescriptionTemplates.save', {
      name: 'Knee: step-downs',
      items: [item(own.exercise.id, own.exercise.dosage), item(SIX[4])],
      replace: false,
    });
    await must(backend, 'exercises.retireClinic', { id: own.id, expectedVersion: 1, retired: true });
    const [template] = await must(backend, 'prescriptionTemplates.list', {});
    expect(template!.items.map((i) => [i.name, i.available])).toEqual([
      ['Step-down from a low step', false],
      [builtIn(SIX[4]).name, true],
    ]);
    backend.close();
  });
});

describe('the demo clinic', () => {
  it('comes with home exercise programmes (one with a history) and two templates', async () => {
    const backend = openTestBackend();
    await must(backend, 'app.openDemo', {});
    const page = await must(backend, 'patients.search', {
      query: 'DEMO-001',
      includeArchived: false,
      offset: 0,
      limit: 5,
    });
    const zoe = page.items[0]!;
    const [programme] = await must(backend, 'prescriptions.forPatient', { patientId: zoe.id });
    expect(programme).toMatchObject({ version: 2 });
    expect(programme!.items.map((i) => i.exerciseId)).toContain('deadlift-single-leg');
    expect(
      (await must(backend, 'prescriptions.history', { episodeId: programme!.episodeId })).map((h) => h.version),
    ).toEqual([2, 1]);
    expect((await must(backend, 'prescriptionTemplates.list', {})).map((t) => t.name)).toEqual([
      'Achilles tendinopathy: loading start',
      'Hamstring strain: early',
    ]);
    backend.close();
  });
});
