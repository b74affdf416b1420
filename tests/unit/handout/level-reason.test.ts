/**
 * The handout says in one sentence why the patient is at the printed level, from the last check-in
 * that stands: a patient who went back a level, or is held, is not left to wonder why.
 */
import { describe, expect, it } from 'vitest';
import type { CourseStep } from '../../../shared/clinical/check-in';
import { NO_CONTEXT } from '../../../shared/clinical/engine';
import { PROGRAMME_TEMPLATES, TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import { startProgress } from '../../../shared/clinical/progress';
import { SEED_RULE_SET } from '../../../shared/clinical/rule-sets';
import { handoutContent } from '../../../shared/handout/content';
import { levelReason, runningPart } from '../../../shared/handout/parts';
import { fixtureHandout } from '../../helpers/handout';

function step(levelBefore: number, levelAfter: number, more: Partial<CourseStep> = {}): CourseStep {
  return {
    runDate: '2026-12-01',
    levelBefore,
    levelAfter,
    daysOff: 1,
    cleanSessionsAtLevel: 0,
    programmeComplete: false,
    entryCheckLevel: null,
    override: null,
    ...more,
  };
}

describe('why the patient is at this level', () => {
  it('before any check-in: the level is where the plan starts', () => {
    expect(levelReason(TIME_WALK_RUN, startProgress(4), null, 'dmy')).toBe('Level 4 is where your plan starts.');
  });

  it('after moving up, going back, or the physio choosing, with the date of that run in the clinic’s order', () => {
    expect(levelReason(TIME_WALK_RUN, startProgress(5), step(4, 5), 'dmy')).toBe(
      'You moved up from Level 4 to Level 5 after your run on Tuesday 1 December.',
    );
    expect(levelReason(TIME_WALK_RUN, startProgress(3), step(4, 3), 'mdy')).toBe(
      'You went back from Level 4 to Level 3 after your run on Tuesday, December 1, because of how it felt.',
    );
    expect(
      levelReason(TIME_WALK_RUN, startProgress(2), step(4, 4, { override: { levelAfter: 2, daysOff: 2 } }), 'dmy'),
    ).toBe('Your physio chose Level 2 for you after your run on Tuesday 1 December.');
  });

  it('held after a good run on a level that needs more than one: the count so far', () => {
    const twice = PROGRAMME_TEMPLATES.find((p) => p.levels.some((l) => l.cleanSessionsToAdvance === 2))!;
    const level = twice.levels.find((l) => l.cleanSessionsToAdvance === 2)!;
    const outing = level.bouts.every((b) => b.activity === 'walk') ? 'walk' : 'run';
    expect(
      levelReason(
        twice,
        { ...startProgress(level.number), cleanSessionsAtLevel: 1 },
        step(level.number, level.number),
        'dmy',
      ),
    ).toBe(
      `You stay at Level ${level.number} for now. Your ${outing} on Tuesday 1 December went well, and this level needs 2 in a row: you have done 1.`,
    );
    expect(levelReason(TIME_WALK_RUN, startProgress(4), step(4, 4), 'dmy')).toBe(
      'You stay at Level 4 after your run on Tuesday 1 December.',
    );
  });

  it('is printed under the level on the handout', () => {
    const running = runningPart(TIME_WALK_RUN, startProgress(3), SEED_RULE_SET, NO_CONTEXT, '2026-12-02', null, {
      lastStep: step(4, 3),
    });
    const section = handoutContent(fixtureHandout({ running })).sections.find((s) => s.id === 'running')!;
    const text = JSON.stringify(section.blocks);
    expect(text).toContain('You went back from Level 4 to Level 3 after your run on Tuesday 1 December');
    expect(text.indexOf('You went back')).toBeLessThan(text.indexOf('Each time you go out'));
  });
});
