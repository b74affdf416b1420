import { describe, expect, it } from 'vitest';
import { HandoutData, HandoutSnapshot, snapshotOf } from '../../../shared/handout/handout-data';
import { fixtureHandout } from '../../helpers/handout';

function problems(data: unknown): string[] {
  const r = HandoutData.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('HandoutData', () => {
  it('accepts the fixture, and its snapshot (without picture bytes) as a snapshot', () => {
    expect(problems(fixtureHandout())).toEqual([]);
    const snapshot = snapshotOf(fixtureHandout());
    expect(snapshot).not.toHaveProperty('images');
    expect(HandoutSnapshot.safeParse(JSON.parse(JSON.stringify(snapshot))).success).toBe(true);
  });

  it('refuses planned runs out of order, before the handout or on the visit', () => {
    const running = fixtureHandout().running!;
    expect(
      problems(fixtureHandout({ running: { ...running, plannedRunDates: ['2026-11-30', '2026-11-28'] } })),
    ).toContain('Planned runs go in date order, once each.');
    expect(problems(fixtureHandout({ running: { ...running, plannedRunDates: ['2026-11-20'] } }))).toContain(
      'Planned runs fall between the handout date and the next visit.',
    );
    expect(problems(fixtureHandout({ running: { ...running, plannedRunDates: ['2026-12-11'] } }))).toContain(
      'Planned runs fall between the handout date and the next visit.',
    );
  });

  it('refuses coming levels that do not follow the current one, and a visit before the handout', () => {
    const running = fixtureHandout().running!;
    expect(problems(fixtureHandout({ running: { ...running, nextLevels: [running.nextLevels[1]!] } }))).toContain(
      'The coming levels follow the current level in order.',
    );
    expect(problems(fixtureHandout({ nextVisit: '2026-11-01', running: null }))).toContain(
      'The next visit is before the handout date.',
    );
  });

  it('refuses an exercise twice, an unknown key, and a picture with no bytes', () => {
    const e = fixtureHandout().exercises[0]!;
    expect(problems(fixtureHandout({ exercises: [e, e] }))).toContain('An exercise is in the handout twice.');
    expect(problems({ ...fixtureHandout(), extra: 1 }).length).toBeGreaterThan(0);
    expect(
      problems(
        fixtureHandout({
          exercises: [
            {
              ...e,
              illustration: { kind: 'image', description: 'x', imageId: 'f'.repeat(64), mediaType: 'image/png' },
            },
          ],
        }),
      ),
    ).toContain(`The picture of "${e.name}" is missing from the handout data.`);
  });
});
