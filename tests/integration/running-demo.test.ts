/** The demo clinic's running programmes: made by the real engine, readable on the patient pages. */
import { afterEach, describe, expect, it } from 'vitest';
import { must, openTestBackend, removeTempDirs } from '../helpers/backend';

afterEach(removeTempDirs);

describe('the demo clinic', () => {
  it('has runners part-way through a programme, with a changed decision and a correction', async () => {
    const backend = openTestBackend();
    const status = await must(backend, 'app.openDemo', {});
    expect(status.state).toBe('ready');
    const page = await must(backend, 'patients.search', { query: '', includeArchived: false, offset: 0, limit: 100 });
    const byRecord = new Map(page.items.map((p) => [p.recordNumber, p.id]));
    const summary = async (record: string) => {
      const [s] = await must(backend, 'running.summaries', { patientId: byRecord.get(record)! });
      return s;
    };

    // Zoë: today is 27 November; her last run was on the 24th, at level 8, pain 1/10.
    expect(await summary('DEMO-001')).toMatchObject({
      programmeName: 'Walk, then walk/run by time (5 weeks)',
      currentLevel: { number: 9 },
      lastRunDate: '2026-11-24',
      nextRunDate: '2026-11-26',
      checkIns: 8,
    });
    // An: held at level 3 by the published set's one advance a week.
    expect(await summary('DEMO-002')).toMatchObject({ currentLevel: { number: 3 }, checkIns: 5 });
    expect(await summary('DEMO-003')).toMatchObject({ currentLevel: { number: 4 }, checkIns: 4 });
    expect(await summary('DEMO-004')).toMatchObject({ currentLevel: { number: 1 }, checkIns: 0, nextRunDate: null });
    expect(await must(backend, 'running.summaries', { patientId: byRecord.get('DEMO-005')! })).toEqual([]);

    const zoe = await must(backend, 'episodes.list', { patientId: byRecord.get('DEMO-001')! });
    const zoeRunning = await must(backend, 'running.episode', { episodeId: zoe[0]!.id });
    expect(zoeRunning.history.items.filter((e) => e.override !== null)).toHaveLength(1);
    const an = await must(backend, 'episodes.list', { patientId: byRecord.get('DEMO-002')! });
    const anRunning = await must(backend, 'running.episode', { episodeId: an[0]!.id });
    expect(anRunning.history.items[0]?.decision.blockedBy.map((b) => b.limit)).toEqual(['advances_per_7_days']);
    const siobhan = await must(backend, 'episodes.list', { patientId: byRecord.get('DEMO-003')! });
    const siobhanRunning = await must(backend, 'running.episode', { episodeId: siobhan[0]!.id });
    expect(siobhanRunning.history.items.filter((e) => e.correctsId !== null)).toHaveLength(1);
    backend.close();
  });
});
