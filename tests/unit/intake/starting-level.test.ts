import { describe, expect, it } from 'vitest';
import { DELAWARE_TREADMILL, TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import { evaluateReadiness } from '../../../shared/clinical/intake/readiness';
import { startingLevel } from '../../../shared/clinical/intake/starting-level';
import { copy, readyKneeIntake, TODAY } from './fixtures';

describe('starting level in a programme', () => {
  it('starts the walking stage at the first walking level, and running at the first level with running', () => {
    expect(startingLevel('walking_stage', TIME_WALK_RUN)).toEqual({
      kind: 'level',
      levelNumber: 1,
      levelTitle: 'Walking',
    });
    expect(startingLevel('running_level_1', TIME_WALK_RUN)).toMatchObject({ kind: 'level', levelNumber: 3 });
  });

  it('follows the readiness result of an intake', () => {
    const ready = evaluateReadiness(readyKneeIntake(), undefined, TODAY);
    expect(startingLevel(ready.recommendation, TIME_WALK_RUN)).toMatchObject({ levelNumber: 3 });
    const intake = copy(readyKneeIntake());
    intake.symptoms!.painWalking = 3;
    expect(startingLevel(evaluateReadiness(intake).recommendation, TIME_WALK_RUN)).toMatchObject({ levelNumber: 1 });
  });

  it('gives no level while a red flag is positive', () => {
    expect(startingLevel('not_ready_refer', TIME_WALK_RUN)).toEqual({
      kind: 'none',
      reason: 'A red flag is positive: assess further or refer before any programme level.',
    });
  });

  it('says so when a programme has no walking stage', () => {
    expect(startingLevel('walking_stage', DELAWARE_TREADMILL)).toEqual({
      kind: 'none',
      reason: 'This programme has no walking stage: walk (comfortable, then brisk) before its first level.',
    });
    expect(startingLevel('running_level_1', DELAWARE_TREADMILL)).toMatchObject({ kind: 'level', levelNumber: 1 });
  });
});
