/**
 * One date for the next run (issue "Clinical safety", item 6): the engine's earliest next run and
 * the handout's first planned run come from one function (shared/clinical/next-run.ts), so for any
 * history of runs they agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseStep, progressAfterCheckIn } from '../../../shared/clinical/check-in';
import { decide, NO_CONTEXT } from '../../../shared/clinical/engine';
import { PROGRAMME_TEMPLATES } from '../../../shared/clinical/programme-templates';
import type { Progress } from '../../../shared/clinical/progress';
import { startProgress } from '../../../shared/clinical/progress';
import { SHIPPED_RULE_SETS } from '../../../shared/clinical/rule-sets';
import type { SorenessReport } from '../../../shared/clinical/soreness-report';
import { runningPart } from '../../../shared/handout/parts';
import { addDays } from '../../../shared/time/dates';
import { CLEAN_ANSWERS } from '../../helpers/reports';

type Answers = Omit<SorenessReport, 'runDate' | 'levelRun'>;

const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    warmUp: fc.constantFrom('none' as const, 'none' as const, 'went_away' as const, 'continued' as const),
    cameBack: fc.boolean(),
    nextDay: fc.constantFrom('none' as const, 'muscular' as const, 'not_muscular' as const),
    swelling: fc.boolean(),
  })
  .map(({ cameBack, swelling, ...a }) => ({
    ...CLEAN_ANSWERS,
    ...a,
    swelling: swelling && a.nextDay !== 'none',
    cameBackDuringRun: a.warmUp === 'went_away' ? cameBack : null,
  }));

describe('the next run date', () => {
  it('is the same on the check-in screen (the engine) and on the handout calendar, for any history', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHIPPED_RULE_SETS),
        fc.constantFrom(...PROGRAMME_TEMPLATES),
        fc.array(fc.tuple(answersArb, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 25 }),
        (ruleSet, programme, runs) => {
          let progress: Progress = { ...startProgress(1), clearedLevels: programme.levels.map((l) => l.number) };
          let date = '2026-03-02';
          for (const [answers, late] of runs) {
            const d = decide(
              { runDate: date, levelRun: progress.currentLevel, ...answers },
              progress,
              ruleSet,
              programme,
            );
            progress = progressAfterCheckIn(progress, courseStep(d, null, null));
            // The handout printed the day after the run plans from the same progress.
            const part = runningPart(programme, progress, ruleSet, NO_CONTEXT, addDays(date, 1), null);
            if (part.nextRunDate !== null) expect(part.nextRunDate).toBe(d.earliestNextRun);
            date = addDays(d.earliestNextRun, late);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
