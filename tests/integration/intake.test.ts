import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration0005 } from '../../main/db/migrations/0005-intake';
import { signedNoteHashes } from '../../main/records/notes';
import type { Backend } from '../../main/backend/backend';
import { must, patientInput, readyBackend, removeTempDirs } from '../helpers/backend';
import { clinicKey, count, databaseAt, openClinicDb, rawKeyedConnection } from '../helpers/db';
import { hamstringIntake, TYPED_NOTE } from '../helpers/intake';

afterEach(removeTempDirs);

function readOnly(backend: Backend) {
  return openClinicDb(backend.dataDir, { readonly: true });
}

/** Every row the intake feature and the audit trail hold, to show a refused change changed nothing. */
async function snapshot(backend: Backend) {
  const db = await readOnly(backend);
  const rows = {
    intakes: db.prepare('SELECT * FROM intakes ORDER BY id').all(),
    notes: db.prepare('SELECT * FROM clinical_notes ORDER BY id').all(),
    addenda: db.prepare('SELECT * FROM note_addenda ORDER BY id').all(),
    episodes: db.prepare('SELECT * FROM episodes ORDER BY id').all(),
    audit: count(db, 'audit_log'),
  };
  db.close();
  return rows;
}

async function auditActions(backend: Backend, entity: string): Promise<string[]> {
  const db = await readOnly(backend);
  const rows = db.prepare('SELECT action FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as {
    action: string;
  }[];
  db.close();
  return rows.map((r) => r.action);
}

async function withEpisode() {
  const backend = await readyBackend();
  const patient = await must(backend, 'patients.create', patientInput());
  const episode = await must(backend, 'episodes.create', {
    patientId: patient.id,
    diagnosis: 'hamstring_strain',
    diagnosisDetail: '',
    side: 'right',
    onsetDate: null,
  });
  return { backend, patient, episode };
}

/** An intake saved complete, with the recommended starting point accepted. */
async function readyToSign() {
  const setup = await withEpisode();
  const { backend, episode } = setup;
  const started = await must(backend, 'intake.start', { episodeId: episode.id });
  const saved = await must(backend, 'intake.saveDraft', {
    episodeId: episode.id,
    expectedVersion: started.version,
    draft: hamstringIntake(),
    typed: TYPED_NOTE,
  });
  const chosen = await must(backend, 'intake.chooseStart', {
    episodeId: episode.id,
    expectedVersion: saved.version,
    choice: { stage: 'walking' },
    reason: '',
  });
  return { ...setup, intake: chosen };
}

describe('migration 0005 (intake, notes, thresholds) on real rows', () => {
  it('keeps patients and episodes, and enforces signed-note immutability in SQLite itself', () => {
    const db = databaseAt(migration0005.version - 1);
    db.exec(`
      INSERT INTO clinicians (name, profession, created_at, updated_at) VALUES ('Priya Shah', 'Physiotherapist', 'x', 'x');
      INSERT INTO patients (given_name, family_name, date_of_birth, sex, record_number, record_number_key, sort_key, search_text, created_at, updated_at)
        VALUES ('An', 'Nguyễn Văn', '1986-09-02', 'male', 'R-2', 'R-2', 'nguyen van\u0001an', 'an nguyen van r 2', 'x', 'x');
      INSERT INTO episodes (patient_id, diagnosis, region, side, status, opened_on, created_at, updated_at)
        VALUES (1, 'achilles_tendinopathy', 'achilles', 'left', 'open', '2026-11-27', 'x', 'x');`);
    migrate(db, MIGRATIONS, { target: migration0005.version });
    expect(db.pragma('user_version', { simple: true })).toBe(migration0005.version);
    expect(db.prepare('SELECT diagnosis, side FROM episodes').all()).toEqual([
      { diagnosis: 'achilles_tendinopathy', side: 'left' },
    ]);

    const insertNote = db.prepare(
      `INSERT INTO clinical_notes (episode_id, kind, visit_date, subjective, status, created_at, updated_at)
       VALUES (1, 'intake', '2026-11-27', 'Pain on the first steps', 'draft', 'x', 'x')`,
    );
    insertNote.run();
    db.prepare(
      `INSERT INTO intakes (episode_id, note_id, draft_json, typed_json, status, created_at, updated_at)
       VALUES (1, 1, '{"episode":{"side":"left"}}', '{}', 'draft', 'x', 'x')`,
    ).run();
    const addendum = db.prepare(
      `INSERT INTO note_addenda (note_id, text, signed_at, signed_by, signer_name, signer_profession, signer_registration, content_hash)
       VALUES (1, 'Correction', 'x', 1, 'Priya Shah', 'Physiotherapist', '', 'h')`,
    );
    expect(() => addendum.run()).toThrow(/only be added to a signed note/);
    // A note cannot be signed without who, when and the content hash.
    expect(() => db.prepare(`UPDATE clinical_notes SET status = 'signed'`).run()).toThrow(/CHECK/);
    db.prepare(
      `UPDATE clinical_notes SET status = 'signed', signed_at = 'x', signed_by = 1, signer_name = 'Priya Shah',
         signer_profession = 'Physiotherapist', signer_registration = '', content_hash = 'h'`,
    ).run();
    expect(() => db.prepare(`UPDATE clinical_notes SET subjective = 'changed'`).run()).toThrow(
      /signed note cannot be changed/,
    );
    expect(() => db.prepare(`UPDATE clinical_notes SET status = 'draft'`).run()).toThrow(/signed note/);
    expect(() => db.prepare('DELETE FROM clinical_notes').run()).toThrow(/cannot be deleted/);
    addendum.run();
    expect(() => db.prepare(`UPDATE note_addenda SET text = 'rewritten'`).run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM note_addenda').run()).toThrow(/cannot be deleted/);
    expect(db.prepare('SELECT subjective FROM clinical_notes').get()).toEqual({
      subjective: 'Pain on the first steps',
    });

    // Intakes: one per episode, valid JSON, and locked once signed.
    expect(() =>
      db
        .prepare(
          `INSERT INTO intakes (episode_id, note_id, draft_json, typed_json, status, created_at, updated_at)
           VALUES (1, 1, '{}', '{}', 'draft', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE intakes SET draft_json = '{not json'`).run()).toThrow(/CHECK/);
    // Running without a level, or a level without running, is refused.
    expect(() =>
      db
        .prepare(
          `UPDATE intakes SET start_stage = 'running', start_recommended = 'walking_stage', start_decided_at = 'x',
             start_decided_by = 1, start_decider_name = 'Priya Shah'`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      `UPDATE intakes SET start_stage = 'walking', start_recommended = 'walking_stage', start_decided_at = 'x',
         start_decided_by = 1, start_decider_name = 'Priya Shah'`,
    ).run();
    db.prepare(
      `UPDATE intakes SET status = 'signed', signed_at = 'x', signed_by = 1, readiness_json = '{"recommendation":"walking_stage"}'`,
    ).run();
    expect(() => db.prepare(`UPDATE intakes SET draft_json = '{}'`).run()).toThrow(/signed intake cannot be changed/);
    expect(() => db.prepare('DELETE FROM intakes').run()).toThrow(/signed intake cannot be deleted/);

    expect(() =>
      db
        .prepare(
          `INSERT INTO readiness_thresholds (id, brisk_walk_minutes, walking_pain_below, hopping_pain_below,
             heel_raise_lsi_at_least, hop_lsi_at_least, knee_swelling_at_most, updated_at, version)
           VALUES (1, 5, 2, 2, 75, 75, 'trace', 'x', 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0009 (readiness gate thresholds) on real rows', () => {
  it('keeps a clinic’s changed thresholds and adds the gates’ defaults, with range checks', () => {
    const db = databaseAt(8);
    db.prepare(
      `INSERT INTO readiness_thresholds (id, brisk_walk_minutes, walking_pain_below, hopping_pain_below,
         heel_raise_lsi_at_least, hop_lsi_at_least, knee_swelling_at_most, updated_at, version)
       VALUES (1, 20, 1, 3, 80, 85, 'zero', '2026-01-01T00:00:00.000Z', 4)`,
    ).run();
    migrate(db, MIGRATIONS, { target: 9 });
    expect(db.prepare('SELECT * FROM readiness_thresholds').get()).toMatchObject({
      brisk_walk_minutes: 20,
      walking_pain_below: 1,
      hopping_pain_below: 3,
      heel_raise_lsi_at_least: 80,
      hop_lsi_at_least: 85,
      knee_swelling_at_most: 'zero',
      version: 4,
      acl_weeks_after_surgery: 12,
      knee_rom_percent_at_least: 95,
      knee_strength_lsi_at_least: 70,
      knee_surgery_hop_lsi_at_least: 70,
      bone_stress_walk_phase_weeks: 2,
      postnatal_weeks_at_least: 12,
    });
    expect(() => db.prepare('UPDATE readiness_thresholds SET postnatal_weeks_at_least = 6').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE readiness_thresholds SET bone_stress_walk_phase_weeks = 1').run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('the intake through the backend', () => {
  it('starts from the episode, stores a full intake and reads it back, keeping the episode in step', async () => {
    const { backend, episode } = await withEpisode();
    expect(await must(backend, 'intake.get', { episodeId: episode.id })).toBeNull();
    const started = await must(backend, 'intake.start', { episodeId: episode.id });
    expect(started.draft).toEqual({ episode: { region: 'thigh', side: 'right', diagnosis: 'hamstring_strain' } });
    expect(started).toMatchObject({ status: 'draft', decision: null, readiness: null, note: { kind: 'intake' } });
    // Starting twice answers the same intake.
    expect((await must(backend, 'intake.start', { episodeId: episode.id })).id).toBe(started.id);

    const saved = await must(backend, 'intake.saveDraft', {
      episodeId: episode.id,
      expectedVersion: started.version,
      draft: hamstringIntake(),
      typed: TYPED_NOTE,
    });
    expect(saved.version).toBe(started.version + 1);
    const read = await must(backend, 'intake.get', { episodeId: episode.id });
    expect(read?.draft).toEqual(hamstringIntake());
    expect(read?.typed).toEqual(TYPED_NOTE);
    expect(read?.episode).toMatchObject({
      diagnosisDetail: 'Grade 2, sprint finish',
      onsetDate: '2026-11-02',
      title: 'Hamstring strain, right',
      version: episode.version + 1,
    });
    // The draft note is written from the data: what would be signed now.
    expect(read?.note.status).toBe('draft');
    expect(read?.note.subjective).toContain('Pain (0-10): at rest 0, walking 1, hopping 3.');
    expect(read?.note.subjective).toContain('Keen to race again in the autumn.');
    expect(read?.note.objective).toContain('LEFS: 66/80');
    expect(read?.note.objective).toContain('Single-leg hop for distance: L 150 cm, R 105 cm (LSI 70%)');
    expect(read?.note.objective).toContain('Readiness to run: walking stage');

    // Saving the same again writes nothing.
    const before = await snapshot(backend);
    const again = await must(backend, 'intake.saveDraft', {
      episodeId: episode.id,
      expectedVersion: saved.version,
      draft: hamstringIntake(),
      typed: TYPED_NOTE,
    });
    expect(again.version).toBe(saved.version);
    expect(await snapshot(backend)).toEqual(before);

    // A new section is audited whole; a later change, leaf by leaf.
    const changed = hamstringIntake();
    changed.symptoms!.painHopping = 2;
    await must(backend, 'intake.saveDraft', {
      episodeId: episode.id,
      expectedVersion: saved.version,
      draft: changed,
      typed: { ...TYPED_NOTE, plan: 'Walking programme; review in two weeks.' },
    });
    // Reading it back is recorded too, as one opening (audited reads).
    expect(await auditActions(backend, 'intake')).toEqual(['create', 'update', 'view', 'update']);
    expect(await auditActions(backend, 'episode')).toEqual(['create', 'update']);
    const db = await readOnly(backend);
    const rows = db
      .prepare(
        `SELECT before_json, after_json FROM audit_log WHERE entity = 'intake' AND action = 'update' ORDER BY id`,
      )
      .all() as { before_json: string; after_json: string }[];
    const first = JSON.parse(rows[0]!.after_json) as Record<string, { painHopping?: number }>;
    expect(first['draft.symptoms']?.painHopping).toBe(3);
    expect(JSON.parse(rows[1]!.before_json)).toEqual({
      'draft.symptoms.painHopping': 3,
      'typed.plan': 'Walking programme; review in one week.',
    });
    expect(JSON.parse(rows[1]!.after_json)).toEqual({
      'draft.symptoms.painHopping': 2,
      'typed.plan': 'Walking programme; review in two weeks.',
    });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    db.close();
    backend.close();
  });

  it.each([
    [
      'a LEFS item of 7',
      (d: ReturnType<typeof hamstringIntake>) => (d.measures!.lefs!.items[2] = 7),
      'draft.measures.lefs.items.2',
      'LEFS item 3 must be a whole number from 0 to 4.',
    ],
    [
      'a heel-raise count of -3',
      (d: ReturnType<typeof hamstringIntake>) => (d.physicalTests!.heelRaises!.left = -3),
      'draft.physicalTests.heelRaises.left',
      'Heel raises (left) must be a whole number from 0 to 200.',
    ],
    [
      'a date of onset in the future',
      (d: ReturnType<typeof hamstringIntake>) => (d.episode!.onsetDate = '2026-12-01'),
      'draft.episode.onsetDate',
      'Date of onset (2026-12-01) is after today (2026-11-27): enter the day the symptoms started.',
    ],
    [
      'an empty diagnosis',
      (d: ReturnType<typeof hamstringIntake>) => ((d.episode as Record<string, unknown>).diagnosis = ''),
      'draft.episode.diagnosis',
      'Choose a diagnosis from the list, or choose "Other" and describe it.',
    ],
  ])('refuses %s with a message that says what to fix, and changes nothing', async (_label, spoil, field, message) => {
    const { backend, episode } = await withEpisode();
    const started = await must(backend, 'intake.start', { episodeId: episode.id });
    const draft = hamstringIntake();
    spoil(draft);
    const before = await snapshot(backend);
    const r = await backend.dispatch('intake.saveDraft', {
      episodeId: episode.id,
      expectedVersion: started.version,
      draft,
      typed: TYPED_NOTE,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', fields: { [field]: message } } });
    expect(await snapshot(backend)).toEqual(before);
    backend.close();
  });

  it('refuses a save made from an out-of-date copy', async () => {
    const { backend, episode } = await withEpisode();
    const started = await must(backend, 'intake.start', { episodeId: episode.id });
    const draft = hamstringIntake();
    await must(backend, 'intake.saveDraft', {
      episodeId: episode.id,
      expectedVersion: started.version,
      draft,
      typed: TYPED_NOTE,
    });
    draft.symptoms!.painAtRest = 5;
    const r = await backend.invoke('intake.saveDraft', {
      episodeId: episode.id,
      expectedVersion: started.version,
      draft,
      typed: TYPED_NOTE,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect((await must(backend, 'intake.get', { episodeId: episode.id }))?.draft.symptoms?.painAtRest).toBe(0);
    backend.close();
  });

  it('records the accepted starting point, and an override only with a reason', async () => {
    const { backend, episode, intake } = await readyToSign();
    expect(intake.decision).toMatchObject({
      recommended: 'walking_stage',
      choice: { stage: 'walking' },
      accepted: true,
      decidedBy: { name: 'Priya Shah' },
    });
    expect(intake.note.plan.startsWith('Starting point: walking stage, as the readiness checklist recommends.')).toBe(
      true,
    );
    const noReason = await backend.invoke('intake.chooseStart', {
      episodeId: episode.id,
      expectedVersion: intake.version,
      choice: { stage: 'running', level: 1 },
      reason: '  ',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        fields: { reason: 'Say why you chose running level 1 instead of the recommended walking stage.' },
      },
    });
    const overridden = await must(backend, 'intake.chooseStart', {
      episodeId: episode.id,
      expectedVersion: intake.version,
      choice: { stage: 'running', level: 1 },
      reason: 'Hop pain is from an old ankle sprain, not the hamstring.',
    });
    expect(overridden.decision).toMatchObject({ accepted: false, choice: { stage: 'running', level: 1 } });
    expect(overridden.note.plan).toContain('instead of the recommended walking stage. Reason: Hop pain is from');
    expect(await must(backend, 'intake.startingPoint', { episodeId: episode.id })).toMatchObject({
      choice: { stage: 'running', level: 1 },
      recommended: 'walking_stage',
      accepted: false,
      final: false,
    });
    expect(await auditActions(backend, 'intake')).toEqual([
      'create',
      'update',
      'accept_readiness',
      'override_readiness',
    ]);
    backend.close();
  });

  it('asks for the starting point again when the readiness result changes', async () => {
    const { backend, episode, intake } = await readyToSign();
    const draft = hamstringIntake();
    draft.symptoms!.painHopping = 0;
    draft.physicalTests = {
      heelRaises: { left: 25, right: 22 },
      singleHopCm: { left: 150, right: 140 },
      briskWalk: { minutes: 30, painFree: true },
    };
    const changed = await must(backend, 'intake.saveDraft', {
      episodeId: episode.id,
      expectedVersion: intake.version,
      draft,
      typed: TYPED_NOTE,
    });
    expect(changed.decisionOutdated).toBe(true);
    const r = await backend.invoke('intake.sign', { episodeId: episode.id, expectedVersion: changed.version });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (!r.ok) {
      expect(r.error.fields?.startingPoint).toBe(
        'The readiness result changed since the starting point was chosen: it now recommends running level 1. Choose the starting point again.',
      );
    }
    backend.close();
  });

  it('refuses to sign an incomplete intake, naming each thing to fix', async () => {
    const { backend, episode } = await withEpisode();
    const started = await must(backend, 'intake.start', { episodeId: episode.id });
    const r = await backend.invoke('intake.sign', { episodeId: episode.id, expectedVersion: started.version });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_request');
      expect(r.error.fields).toMatchObject({
        'draft.episode.onsetDate': 'Date of onset is missing.',
        'draft.runningHistory.yearsRunning': 'Years running is missing: enter a number from 0 to 80 years.',
        'draft.symptoms.painAtRest': 'Pain at rest is missing: enter a whole number from 0 to 10.',
        startingPoint: 'Choose the starting point: accept the recommendation or pick another, then sign.',
      });
    }
    expect((await must(backend, 'intake.get', { episodeId: episode.id }))?.status).toBe('draft');
    backend.close();
  });

  it('signs as the signed-in clinician, locks the note, and stores readiness with the thresholds used', async () => {
    const { backend, episode, intake } = await readyToSign();
    // Who signs comes from the session, never from the request.
    const forged = await backend.dispatch('intake.sign', {
      episodeId: episode.id,
      expectedVersion: intake.version,
      signedBy: 99,
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

    backend.clock.advance(60_000);
    const signed = await must(backend, 'intake.sign', { episodeId: episode.id, expectedVersion: intake.version });
    expect(signed).toMatchObject({
      status: 'signed',
      signedAt: '2026-11-27T10:01:00.000Z',
      signedBy: { name: 'Priya Shah', profession: 'Physiotherapist', registrationNumber: 'PH123456' },
      note: { status: 'signed', signedAt: '2026-11-27T10:01:00.000Z' },
      readiness: {
        recommendation: 'walking_stage',
        unmet: ['brisk_walk', 'hopping_pain', 'hop_lsi'],
        thresholds: { briskWalkMinutes: 30, hopLsiAtLeast: 75 },
      },
    });
    expect(signed.note.objective).toContain('- Not met: Brisk walk 20 min is shorter than 30 min.');
    expect(signed.note.objective).toContain('Tender to palpation');
    expect(await must(backend, 'intake.startingPoint', { episodeId: episode.id })).toMatchObject({ final: true });

    // The stored result keeps the thresholds used, whatever the clinic sets later.
    await must(backend, 'readiness.updateSettings', {
      expectedVersion: 0,
      thresholds: {
        briskWalkMinutes: 20,
        walkingPainBelow: 2,
        hoppingPainBelow: 4,
        heelRaiseLsiAtLeast: 75,
        hopLsiAtLeast: 70,
        kneeSwellingAtMost: 'trace',
      },
    });
    const later = await must(backend, 'intake.get', { episodeId: episode.id });
    expect(later?.readiness?.thresholds.briskWalkMinutes).toBe(30);
    expect(later?.thresholds.briskWalkMinutes).toBe(30);

    const db = await readOnly(backend);
    const hashes = signedNoteHashes(db, signed.note.id);
    expect(hashes).not.toBeNull();
    expect(hashes?.computed).toBe(hashes?.stored);
    db.close();
    expect(await auditActions(backend, 'note')).toEqual(['sign']);
    backend.close();
  });

  it('refuses every change to a signed intake or its note through the backend, and changes nothing', async () => {
    const { backend, episode, intake } = await readyToSign();
    const signed = await must(backend, 'intake.sign', { episodeId: episode.id, expectedVersion: intake.version });
    const before = await snapshot(backend);
    const draft = hamstringIntake();
    draft.symptoms!.painHopping = 0;
    const attempts = [
      await backend.invoke('intake.saveDraft', {
        episodeId: episode.id,
        expectedVersion: signed.version,
        draft,
        typed: TYPED_NOTE,
      }),
      await backend.invoke('intake.chooseStart', {
        episodeId: episode.id,
        expectedVersion: signed.version,
        choice: { stage: 'running', level: 1 },
        reason: 'Changed my mind',
      }),
      await backend.invoke('intake.sign', { episodeId: episode.id, expectedVersion: signed.version }),
      await backend.invoke('notes.update', {
        id: signed.note.id,
        expectedVersion: signed.note.version,
        visitDate: signed.note.visitDate,
        content: { subjective: 'Rewritten', objective: '', assessment: '', plan: '' },
      }),
      await backend.invoke('notes.sign', { id: signed.note.id, expectedVersion: signed.note.version }),
    ];
    for (const r of attempts) {
      expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
      if (!r.ok) expect(r.error.message).toMatch(/signed by Priya Shah.*Add an addendum/);
    }
    expect(await snapshot(backend)).toEqual(before);

    // Another program writing to the file directly is stopped by the triggers.
    const raw = rawKeyedConnection(path.join(backend.dataDir, 'clinic.sqlite'), await clinicKey(backend.dataDir));
    expect(() => raw.prepare(`UPDATE clinical_notes SET plan = 'Run 10 km' WHERE id = ?`).run(signed.note.id)).toThrow(
      /signed note cannot be changed/,
    );
    expect(() => raw.prepare(`UPDATE intakes SET draft_json = '{}'`).run()).toThrow(/signed intake/);
    raw.close();
    expect(await snapshot(backend)).toEqual(before);
    backend.close();
  });

  it('adds signed addenda under a signed note, append-only, and lists them in the history', async () => {
    const { backend, patient, episode, intake } = await readyToSign();
    const signed = await must(backend, 'intake.sign', { episodeId: episode.id, expectedVersion: intake.version });
    const draftNote = await must(backend, 'notes.create', { episodeId: episode.id, visitDate: '2026-11-27' });
    const onDraft = await backend.invoke('notes.addAddendum', { noteId: draftNote.id, text: 'Too early' });
    expect(onDraft).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const empty = await backend.invoke('notes.addAddendum', { noteId: signed.note.id, text: '   ' });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fields: { text: 'Enter the addendum.' } },
    });

    // Two minutes later: less than the clinic's idle time, so the session stays unlocked.
    backend.clock.advance(120_000);
    const one = await must(backend, 'notes.addAddendum', {
      noteId: signed.note.id,
      text: 'Correction: the hop test was done on the right first.',
    });
    const two = await must(backend, 'notes.addAddendum', {
      noteId: signed.note.id,
      text: 'Phoned: walking is going well.',
    });
    expect(one.addenda).toHaveLength(1);
    expect(two.addenda.map((a) => a.text)).toEqual([
      'Correction: the hop test was done on the right first.',
      'Phoned: walking is going well.',
    ]);
    expect(two.addenda[0]).toMatchObject({ signedAt: '2026-11-27T10:02:00.000Z', signedBy: { name: 'Priya Shah' } });
    // The note itself is exactly as signed.
    expect({ ...two, addenda: [], updatedAt: '', version: 0 }).toEqual({
      ...signed.note,
      addenda: [],
      updatedAt: '',
      version: 0,
    });

    const history = await must(backend, 'notes.history', { patientId: patient.id });
    expect(history).toEqual([
      expect.objectContaining({ id: draftNote.id, kind: 'visit', status: 'draft', addendumCount: 0 }),
      expect.objectContaining({
        id: signed.note.id,
        kind: 'intake',
        status: 'signed',
        signerName: 'Priya Shah',
        addendumCount: 2,
      }),
    ]);
    expect(await auditActions(backend, 'note')).toEqual(['sign', 'create', 'addendum', 'addendum']);
    backend.close();
  });

  it('writes, signs and locks a visit note', async () => {
    const { backend, episode } = await withEpisode();
    const future = await backend.invoke('notes.create', { episodeId: episode.id, visitDate: '2026-12-02' });
    expect(future).toMatchObject({
      ok: false,
      error: { fields: { visitDate: 'Visit date 2026-12-02 is after today: enter the day of the visit.' } },
    });
    const note = await must(backend, 'notes.create', { episodeId: episode.id, visitDate: '2026-11-27' });
    const empty = await backend.invoke('notes.sign', { id: note.id, expectedVersion: note.version });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const content = {
      subjective: 'Walked 30 min daily, no pain.',
      objective: 'Single-leg hop L 150, R 140 cm.',
      assessment: 'Progressing.',
      plan: 'Start running level 1.',
    };
    const updated = await must(backend, 'notes.update', {
      id: note.id,
      expectedVersion: note.version,
      visitDate: '2026-11-27',
      content,
    });
    const stale = await backend.invoke('notes.update', {
      id: note.id,
      expectedVersion: note.version,
      visitDate: '2026-11-27',
      content: { ...content, plan: 'Other' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale' } });
    const signed = await must(backend, 'notes.sign', { id: note.id, expectedVersion: updated.version });
    expect(signed).toMatchObject({ status: 'signed', ...content, signedBy: { name: 'Priya Shah' } });
    const locked = await backend.invoke('notes.update', {
      id: note.id,
      expectedVersion: signed.version,
      visitDate: '2026-11-27',
      content: { ...content, plan: 'Run 10 km' },
    });
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect((await must(backend, 'notes.get', { id: note.id })).plan).toBe('Start running level 1.');
    expect((await must(backend, 'notes.list', { episodeId: episode.id })).map((n) => n.id)).toEqual([note.id]);
    backend.close();
  });

  it('keeps the clinic thresholds, versioned and audited, and evaluates readiness with them', async () => {
    const { backend, episode, intake } = await readyToSign();
    expect(await must(backend, 'readiness.settings', {})).toMatchObject({ usingDefaults: true, version: 0 });
    const bad = await backend.invoke('readiness.updateSettings', {
      expectedVersion: 0,
      thresholds: {
        briskWalkMinutes: 5,
        walkingPainBelow: 2,
        hoppingPainBelow: 2,
        heelRaiseLsiAtLeast: 75,
        hopLsiAtLeast: 75,
        kneeSwellingAtMost: 'trace',
      },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        fields: {
          'thresholds.briskWalkMinutes':
            'Brisk walk needed to start running must be a whole number from 10 to 90 minutes.',
        },
      },
    });
    const lenient = {
      briskWalkMinutes: 20,
      walkingPainBelow: 2,
      hoppingPainBelow: 4,
      heelRaiseLsiAtLeast: 75,
      hopLsiAtLeast: 70,
      kneeSwellingAtMost: 'trace' as const,
    };
    const saved = await must(backend, 'readiness.updateSettings', { expectedVersion: 0, thresholds: lenient });
    expect(saved).toMatchObject({ usingDefaults: false, version: 1, updatedBy: 'Priya Shah', thresholds: lenient });
    const again = await backend.invoke('readiness.updateSettings', { expectedVersion: 0, thresholds: lenient });
    expect(again).toMatchObject({ ok: false, error: { code: 'stale' } });
    // With the clinic's thresholds every criterion of this runner is met: the accepted walking stage is outdated.
    const read = await must(backend, 'intake.get', { episodeId: episode.id });
    expect(read?.thresholds).toMatchObject(lenient);
    expect(read?.decisionOutdated).toBe(true);
    expect(intake.decisionOutdated).toBe(false);
    expect(await auditActions(backend, 'readiness_thresholds')).toEqual(['update']);

    // The gates' thresholds are changed and audited the same way; an update without them keeps them.
    const raised = await must(backend, 'readiness.updateSettings', {
      expectedVersion: 1,
      thresholds: { ...lenient, kneeStrengthLsiAtLeast: 85, aclWeeksAfterSurgery: 16 },
    });
    expect(raised.thresholds).toMatchObject({ kneeStrengthLsiAtLeast: 85, aclWeeksAfterSurgery: 16 });
    const older = await must(backend, 'readiness.updateSettings', { expectedVersion: 2, thresholds: lenient });
    expect(older.thresholds).toMatchObject({ kneeStrengthLsiAtLeast: 85, aclWeeksAfterSurgery: 16 });
    const db = await readOnly(backend);
    const audit = db
      .prepare(`SELECT before_json, after_json FROM audit_log WHERE entity = 'readiness_thresholds' ORDER BY id`)
      .all() as { before_json: string; after_json: string }[];
    expect(JSON.parse(audit[1]!.before_json)).toMatchObject({ kneeStrengthLsiAtLeast: 70 });
    expect(JSON.parse(audit[1]!.after_json)).toMatchObject({ kneeStrengthLsiAtLeast: 85 });
    db.close();
    backend.close();
  });

  it('refuses intake changes on a discharged episode', async () => {
    const { backend, episode } = await withEpisode();
    const started = await must(backend, 'intake.start', { episodeId: episode.id });
    const current = await must(backend, 'episodes.get', { id: episode.id });
    await must(backend, 'episodes.close', { id: episode.id, expectedVersion: current.version, closed: true });
    const r = await backend.invoke('intake.saveDraft', {
      episodeId: episode.id,
      expectedVersion: started.version,
      draft: hamstringIntake(),
      typed: TYPED_NOTE,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    backend.close();
  });
});

describe('the demo clinic', () => {
  it('shows one signed intake with an addendum and one draft', async () => {
    const backend = await readyBackend();
    await must(backend, 'app.openDemo', {});
    const page = await must(backend, 'patients.search', { query: '', includeArchived: false, offset: 0, limit: 20 });
    const byRecord = new Map(page.items.map((p) => [p.recordNumber, p.id]));
    const [zoe] = await must(backend, 'episodes.list', { patientId: byRecord.get('DEMO-001')! });
    const [an] = await must(backend, 'episodes.list', { patientId: byRecord.get('DEMO-002')! });
    const signed = await must(backend, 'intake.get', { episodeId: zoe!.id });
    expect(signed).toMatchObject({
      status: 'signed',
      readiness: { recommendation: 'walking_stage' },
      decision: { choice: { stage: 'walking' }, accepted: true },
      signedBy: { name: 'Alex Demo' },
    });
    expect(signed?.note.addenda).toHaveLength(1);
    const draft = await must(backend, 'intake.get', { episodeId: an!.id });
    expect(draft).toMatchObject({ status: 'draft', decision: null });
    expect(draft?.note.objective).toContain('VISA-A: 49/100');
    backend.close();
  });
});
