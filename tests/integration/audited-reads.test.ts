/**
 * Who read what: opening a patient's record, a note, an episode's notes and intake, a handout and
 * an export each leave an entry in the audit trail naming the clinician, the patient and what was
 * opened; the same opening asked for again by the next page (or after a save) adds nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { REOPEN_WINDOW_MS } from '../../main/audit/read-audit';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { must, patientInput, readyBackend, removeTempDirs, TEST_PASSWORD } from '../helpers/backend';
import { openClinicDb } from '../helpers/db';

afterAll(() => removeTempDirs());

interface Row {
  id: number;
  clinician_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  patient_id: number | null;
  summary: string;
}

async function trail(dataDir: string): Promise<Row[]> {
  const db = await openClinicDb(dataDir, { readonly: true });
  try {
    expect(verifyAuditChain(db).ok).toBe(true);
    return db
      .prepare('SELECT id, clinician_id, action, entity, entity_id, patient_id, summary FROM audit_log ORDER BY id')
      .all() as Row[];
  } finally {
    db.close();
  }
}

async function clinic() {
  const backend = await readyBackend();
  const me = (await must(backend, 'app.status', {})).clinician!;
  const zoe = await must(backend, 'patients.create', patientInput());
  const episode = await must(backend, 'episodes.create', {
    patientId: zoe.id,
    diagnosis: 'calf_strain',
    diagnosisDetail: '',
    side: 'left',
    onsetDate: '2026-11-02',
  });
  return { backend, me, zoe, episode };
}

describe('audited reads', () => {
  it('opening a patient records who opened whose record, once per opening, and again after the window', async () => {
    const { backend, me, zoe } = await clinic();
    const before = (await trail(backend.dataDir)).length;
    // The patient page, then the episode page and a note page: each asks for the patient again.
    await must(backend, 'patients.get', { id: zoe.id });
    await must(backend, 'patients.get', { id: zoe.id });
    await must(backend, 'patients.get', { id: zoe.id });
    let added = (await trail(backend.dataDir)).slice(before);
    expect(added).toEqual([
      expect.objectContaining({
        clinician_id: me.id,
        action: 'view',
        entity: 'patient',
        entity_id: zoe.id,
        patient_id: zoe.id,
        summary: 'Opened the record of Zoë Łukasiewicz-Ørsted',
      }),
    ]);
    // Later, still at work (the clinician's activity keeps the app from locking itself).
    for (let waited = 0; waited <= REOPEN_WINDOW_MS; waited += 60_000) {
      backend.clock.advance(60_000);
      await must(backend, 'session.touch', {});
    }
    await must(backend, 'patients.get', { id: zoe.id });
    added = (await trail(backend.dataDir)).slice(before);
    expect(added.map((r) => [r.action, r.entity, r.patient_id])).toEqual([
      ['view', 'patient', zoe.id],
      ['view', 'patient', zoe.id],
    ]);
    backend.close();
  });

  it('opening a note, and an episode’s notes and intake, records each with the patient and the clinician', async () => {
    const { backend, me, zoe, episode } = await clinic();
    const note = await must(backend, 'notes.create', { episodeId: episode.id, visitDate: '2026-11-27' });
    await must(backend, 'intake.start', { episodeId: episode.id });
    const before = (await trail(backend.dataDir)).length;

    await must(backend, 'notes.get', { id: note.id });
    await must(backend, 'notes.get', { id: note.id }); // the page reloads after an autosave
    await must(backend, 'notes.list', { episodeId: episode.id });
    await must(backend, 'intake.get', { episodeId: episode.id });
    const added = (await trail(backend.dataDir)).slice(before);
    const who = { clinician_id: me.id, action: 'view', patient_id: zoe.id };
    expect(added.map((r) => [r.clinician_id, r.action, r.entity, r.entity_id, r.patient_id])).toEqual([
      [who.clinician_id, who.action, 'note', note.id, who.patient_id],
      [who.clinician_id, who.action, 'episode_notes', episode.id, who.patient_id],
      [who.clinician_id, who.action, 'intake', episode.id, who.patient_id],
    ]);
    expect(added[0]!.summary).toBe('Opened the visit note of 2026-11-27 (draft)');
    expect(added[1]!.summary).toMatch(/^Opened the notes of the episode “.+” \(2 notes\)$/);
    expect(added[2]!.summary).toMatch(/^Opened the intake of the episode “.+”$/);
    // Nothing of the note's content is copied into the trail.
    expect(added.every((r) => !r.summary.includes('subjective'))).toBe(true);
    backend.close();
  });

  it('an episode with no notes and no intake yet records no read of them (nothing was shown)', async () => {
    const { backend, episode } = await clinic();
    const before = (await trail(backend.dataDir)).length;
    await must(backend, 'notes.list', { episodeId: episode.id });
    expect(await must(backend, 'intake.get', { episodeId: episode.id })).toBeNull();
    expect((await trail(backend.dataDir)).slice(before)).toEqual([]);
    backend.close();
  });

  it('reading a handout again and exporting a record are recorded with the patient and the clinician', async () => {
    const { backend, me, zoe, episode } = await clinic();
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    const before = (await trail(backend.dataDir)).length;
    await must(backend, 'handouts.reprint', { id: issued.handout.id });
    await must(backend, 'export.patient', { patientId: zoe.id, format: 'json' });
    const added = (await trail(backend.dataDir)).slice(before);
    expect(added.map((r) => [r.clinician_id, r.action, r.entity, r.patient_id])).toEqual([
      [me.id, 'reprint', 'handout', zoe.id],
      [me.id, 'export', 'patient', zoe.id],
    ]);
    backend.close();
  });

  it('the first read after the records were locked and unlocked is recorded again', async () => {
    const { backend, zoe } = await clinic();
    await must(backend, 'patients.get', { id: zoe.id });
    const before = (await trail(backend.dataDir)).length;
    await must(backend, 'session.lock', {});
    await must(backend, 'session.unlock', { password: TEST_PASSWORD });
    const afterUnlock = (await trail(backend.dataDir)).length;
    await must(backend, 'patients.get', { id: zoe.id });
    const added = (await trail(backend.dataDir)).slice(afterUnlock);
    expect(afterUnlock).toBeGreaterThanOrEqual(before);
    expect(added.map((r) => [r.action, r.entity, r.patient_id])).toEqual([['view', 'patient', zoe.id]]);
    backend.close();
  });
});
