import { describe, expect, it } from 'vitest';
import { DELAWARE_TREADMILL, TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import {
  checkStartingChoice,
  describeStartingPoint,
  programmeLevelFor,
  recommendedStartingPoint,
  sameStartingPoint,
  StartingPoint,
  startingPointLine,
} from '../../../shared/clinical/intake/starting-point';

describe('the starting point after the readiness checklist', () => {
  it.each([
    ['not_ready_refer', { stage: 'hold' }, 'Not ready to run (assess further or refer)'],
    ['walking_stage', { stage: 'walking' }, 'Walking stage'],
    ['running_level_1', { stage: 'running', level: 1 }, 'Running level 1'],
  ] as const)('recommends for %s', (recommendation, point, text) => {
    expect(recommendedStartingPoint(recommendation)).toEqual(point);
    expect(describeStartingPoint(point)).toBe(text);
  });

  it('compares running levels by number', () => {
    expect(sameStartingPoint({ stage: 'running', level: 2 }, { stage: 'running', level: 2 })).toBe(true);
    expect(sameStartingPoint({ stage: 'running', level: 1 }, { stage: 'running', level: 2 })).toBe(false);
    expect(sameStartingPoint({ stage: 'walking' }, { stage: 'hold' })).toBe(false);
  });

  it('needs a reason only when the choice is not the recommendation', () => {
    expect(checkStartingChoice('walking_stage', { stage: 'walking' }, '')).toEqual([]);
    expect(checkStartingChoice('walking_stage', { stage: 'running', level: 1 }, ' ')).toEqual([
      { path: 'reason', message: 'Say why you chose running level 1 instead of the recommended walking stage.' },
    ]);
    expect(
      checkStartingChoice('walking_stage', { stage: 'running', level: 1 }, 'Pain is from the other ankle'),
    ).toEqual([]);
    expect(checkStartingChoice('not_ready_refer', { stage: 'walking' }, '')).toHaveLength(1);
  });

  it('writes the plan line, naming an override and its reason', () => {
    expect(startingPointLine('walking_stage', { stage: 'walking' }, '')).toBe(
      'Starting point: walking stage, as the readiness checklist recommends.',
    );
    expect(startingPointLine('walking_stage', { stage: 'running', level: 1 }, ' Old ankle sprain. ')).toBe(
      'Starting point: running level 1, chosen by the clinician instead of the recommended walking stage. Reason: Old ankle sprain.',
    );
  });

  it('refuses a running level out of range or without a stage, with a message', () => {
    expect(StartingPoint.safeParse({ stage: 'running', level: 0 }).error?.issues[0]?.message).toBe(
      'Running level must be a whole number from 1 to 30.',
    );
    expect(StartingPoint.safeParse({ stage: 'jogging' }).error?.issues[0]?.message).toBe(
      'Choose a starting point: not ready to run, walking stage, or a running level.',
    );
    expect(StartingPoint.safeParse({ stage: 'walking', level: 2 }).success).toBe(false);
  });

  it('maps to a programme level: walking stage first, running level N as the N-th level with running', () => {
    expect(programmeLevelFor({ stage: 'walking' }, TIME_WALK_RUN)).toMatchObject({ kind: 'level', levelNumber: 1 });
    expect(programmeLevelFor({ stage: 'running', level: 1 }, TIME_WALK_RUN)).toMatchObject({ levelNumber: 3 });
    expect(programmeLevelFor({ stage: 'running', level: 2 }, TIME_WALK_RUN)).toMatchObject({ levelNumber: 4 });
    expect(programmeLevelFor({ stage: 'running', level: 2 }, DELAWARE_TREADMILL)).toMatchObject({ levelNumber: 2 });
    expect(programmeLevelFor({ stage: 'hold' }, TIME_WALK_RUN)).toMatchObject({ kind: 'none' });
    const running = DELAWARE_TREADMILL.levels.length;
    expect(programmeLevelFor({ stage: 'running', level: running + 1 }, DELAWARE_TREADMILL)).toEqual({
      kind: 'none',
      reason: `This programme has ${running} running levels: choose level ${running} or lower.`,
    });
  });
});
