/**
 * An episode's history (`episodes.timeline`) on a real database through the backend: every kind
 * of event is there, in order, with who did it; nothing from another patient or another episode;
 * the charts' series match the check-ins; reading it is audited; it reads a handful of queries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LEFS_MEANINGFUL_CHANGE, scoreLefs } from '../../shared/clinical/intake/measures/lefs';
import type { Backend } from '../../main/backend/backend';
import { must, patientInput, readyBackend, removeTempDirs } from '../helpers/backend';
import { openClinicDb } from '../helpers/db';
import { hamstringIntake } from '../helpers/intake';
import { OVERRIDE_REASON, seedEpisodeHistory, SEEDED_RUNS } from '../helpers/timeline';
import type { Call } from '../helpers/timeline';

afterEach(removeTempDirs);

const TODAY = '2026-11-27';

function caller(backend: Backend): Call {
  return (channel, request) => must(backend, channel, request);
}

async function twoPatients() {
  const backend = await readyBackend();
  const call = caller(backend);
  const zoe = await must(backend, 'patients.create', patientInput());
  const other = await must(
    backend,
    'patients.create',
    patientInput({ givenName: 'Kofi', familyName: 'Mensah', recordNumber: 'RR-0002' }),
  );
  const mine = await seedEpisodeHistory(call, zoe.id, TODAY);
  const theirs = await seedEpisodeHistory(call, other.id, TODAY);
  // A second episode of the same patient, with a note of its own.
  const second = await must(backend, 'episodes.create', {
    patientId: zoe.id,
    diagnosis: 'calf_strain',
    diagnosisDetail: '',
    side: 'left',
    onsetDate: '2026-11-20',
  });
  await must(backend, 'notes.create', { episodeId: second.id, visitDate: TODAY });
  return { backend, zoe, other, mine, theirs, second };
}

describe('episodes.timeline', () => {
  it('holds every kind of event of the episode, newest first, with who did it', async () => {
    const { backend, mine } = await twoPatients();
    const episode = await must(backend, 'episodes.get', { id: mine.episodeId });
    await must(backend, 'episodes.close', { id: mine.episodeId, expectedVersion: episode.version, closed: true });
    const t = await must(backend, 'episodes.timeline', { episodeId: mine.episodeId });
    const kinds = new Set(t.events.map((e) => e.kind));
    for (const kind of [
      'episode_opened',
      'intake_started',
      'intake_signed',
      'programme_assigned',
      'check_in',
      'note',
      'addendum',
      'prescription',
      'handout',
      'episode_discharged',
    ] as const) {
      expect(kinds, kind).toContain(kind);
    }
    expect(t.events.filter((e) => e.kind === 'check_in')).toHaveLength(SEEDED_RUNS.length);
    expect(t.events[0]?.kind).toBe('episode_discharged');
    expect(t.events.at(-1)?.kind).toBe('episode_opened');
    const keys = t.events.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of t.events) expect(e.by, e.key).toBe('Priya Shah');

    const override = t.events.find((e) => e.badges.some((b) => b.label === 'Decision changed'));
    expect(override?.details.join(' ')).toContain(`Reason: “${OVERRIDE_REASON}”`);
    const stepBack = t.events.find((e) => e.badges.some((b) => b.label === 'Step back'));
    expect(stepBack?.title).toMatch(/^Check-in: stepped back to level \d+$/);
    expect(t.events.find((e) => e.kind === 'addendum')).toMatchObject({
      link: { to: 'note', noteId: mine.noteId },
      title: 'Addendum to the visit note',
    });
    expect(t.events.find((e) => e.kind === 'prescription')?.details[0]).toBe(
      '2 exercises: Side plank on knees, Knee-to-wall ankle stretch.',
    );
    backend.close();
  });

  it('draws the check-ins and the intake scores in the series', async () => {
    const { backend, mine } = await twoPatients();
    const t = await must(backend, 'episodes.timeline', { episodeId: mine.episodeId });
    expect(t.series.pain.map((p) => [p.painDuring, p.painAfter, p.warmUp, p.nextDay])).toEqual(
      SEEDED_RUNS.map((r) => [r.answers.painDuring, r.answers.painAfter, r.answers.warmUp, r.answers.nextDay]),
    );
    expect(t.series.level.points[0]).toMatchObject({ level: 5, change: 'start' });
    expect(t.series.level.stepBacks).toHaveLength(1);
    // A rest day after the clean run (the programme's rest between runs), three after the
    // step-back (the routine day and rule 3's two), none after the override.
    expect(t.series.level.rests.map((r) => r.days)).toEqual([1, 3]);
    expect(t.series.level.levelCount).toBe(15);
    const lefs = scoreLefs(hamstringIntake().measures!.lefs!);
    if (!lefs.computable) throw new Error('LEFS');
    expect(t.series.outcomes.lefs).toEqual([
      { date: TODAY, value: lefs.total, label: 'Intake, this episode', thisEpisode: true },
    ]);
    expect(t.series.outcomes.lefsBand).toMatchObject({
      baseline: lefs.total,
      upper: Math.min(80, lefs.total + LEFS_MEANINGFUL_CHANGE),
    });
    expect(t.series.outcomes.psfs.map((p) => p.value)).toEqual([2]);
    backend.close();
  });

  it('never holds another patient’s or another episode’s events', async () => {
    const { backend, mine, theirs, second } = await twoPatients();
    const t = await must(backend, 'episodes.timeline', { episodeId: mine.episodeId });
    const db = await openClinicDb(backend.dataDir);
    const idsOf = (sql: string, episodeId: number) =>
      new Set((db.prepare(sql).all(episodeId) as { id: number }[]).map((r) => r.id));
    const myCheckIns = idsOf('SELECT id FROM check_ins WHERE episode_id = ?', mine.episodeId);
    const myNotes = idsOf('SELECT id FROM clinical_notes WHERE episode_id = ?', mine.episodeId);
    const myHandouts = idsOf('SELECT id FROM handouts WHERE episode_id = ?', mine.episodeId);
    const myPrescriptions = idsOf('SELECT id FROM prescriptions WHERE episode_id = ?', mine.episodeId);
    db.close();
    for (const e of t.events) {
      const id = Number(e.key.slice(e.key.lastIndexOf('-') + 1));
      if (e.kind === 'check_in') expect(myCheckIns.has(id), e.key).toBe(true);
      if (e.kind === 'note') expect(myNotes.has(id), e.key).toBe(true);
      if (e.kind === 'handout') expect(myHandouts.has(id), e.key).toBe(true);
      if (e.kind === 'prescription') expect(myPrescriptions.has(id), e.key).toBe(true);
      if (e.kind === 'episode_opened') expect(id).toBe(mine.episodeId);
    }
    expect(t.patientId).toBe(mine.patientId);
    expect(JSON.stringify(t)).not.toContain('Kofi');
    expect(t.series.pain.every((p) => myCheckIns.has(p.checkInId))).toBe(true);

    const other = await must(backend, 'episodes.timeline', { episodeId: theirs.episodeId });
    expect(other.events.map((e) => e.key).filter((k) => t.events.some((e) => e.key === k))).toEqual([]);
    const quiet = await must(backend, 'episodes.timeline', { episodeId: second.id });
    expect(quiet.events.map((e) => e.kind).sort()).toEqual(['episode_opened', 'note']);
    expect(quiet.series.pain).toEqual([]);
    // The earlier episode's signed intake is where its LEFS chart starts, labelled as such; the
    // other patient's never.
    expect(quiet.series.outcomes.lefs.map((p) => p.label)).toEqual([
      'Intake, earlier episode: Hamstring strain, right',
    ]);
    expect(t.series.outcomes.lefs.every((p) => p.thisEpisode)).toBe(true);
    backend.close();
  });

  it('records who read the history, and answers not_found for an episode that does not exist', async () => {
    const { backend, mine } = await twoPatients();
    await must(backend, 'episodes.timeline', { episodeId: mine.episodeId });
    const db = await openClinicDb(backend.dataDir);
    const row = db
      .prepare(`SELECT action, entity, entity_id, patient_id FROM audit_log ORDER BY id DESC LIMIT 1`)
      .get() as Record<string, unknown>;
    db.close();
    expect(row).toEqual({ action: 'view', entity: 'episode', entity_id: mine.episodeId, patient_id: mine.patientId });
    const missing = await backend.invoke('episodes.timeline', { episodeId: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    backend.close();
  });

  it('reads its facts through the episode indexes', async () => {
    const { backend } = await twoPatients();
    const db = await openClinicDb(backend.dataDir);
    const plans = [
      'SELECT id FROM check_ins WHERE episode_id = 1 ORDER BY id',
      'SELECT id FROM clinical_notes WHERE episode_id = 1',
      'SELECT id FROM handouts WHERE episode_id = 1 ORDER BY id',
      'SELECT id FROM programme_assignments WHERE episode_id = 1 ORDER BY id',
      "SELECT id FROM audit_log WHERE entity = 'episode' AND entity_id = 1 ORDER BY id",
    ].map((sql) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' '),
    );
    db.close();
    for (const plan of plans) expect(plan).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/);
    backend.close();
  });
});
