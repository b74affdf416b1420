/** The check-in layer over the engine: overrides, the progress replay, and what the patient is told. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyOutcome,
  CheckInOutcome,
  courseStep,
  instructionAfterOverride,
  overrideProblems,
  progressAfterCheckIn,
  replayCourse,
} from '../../../shared/clinical/check-in';
import { decide } from '../../../shared/clinical/engine';
import type { Programme } from '../../../shared/clinical/programme';
import { TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import type { Progress } from '../../../shared/clinical/progress';
import { progressAfter, startProgress, withLevel } from '../../../shared/clinical/progress';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET } from '../../../shared/clinical/rule-sets';
import type { SorenessReport } from '../../../shared/clinical/soreness-report';
import { NEXT_DAY_ANSWERS } from '../../../shared/clinical/soreness-report';
import { readingStats, splitSentences, wordsOf } from '../../../shared/text/readability';
import { addDays } from '../../../shared/time/dates';
import { CLEAN_ANSWERS } from '../../helpers/reports';

const CLEAN = CLEAN_ANSWERS;

function at(level: number, changes: Partial<Progress> = {}): Progress {
  return { ...startProgress(level), lastRunDate: '2026-11-29', earliestNextRun: '2026-12-01', ...changes };
}

function report(changes: Partial<SorenessReport> = {}): SorenessReport {
  return { runDate: '2026-12-01', levelRun: 5, ...CLEAN, ...changes };
}

describe('progress after a check-in', () => {
  it('does not count an advance the clinician refused (folding then withLevel would)', () => {
    const before = at(5);
    const moveUp = decide(report(), before, SEED_RULE_SET, TIME_WALK_RUN);
    expect(moveUp.levelAfter).toBe(6);
    const stay = { levelAfter: 5, daysOff: 1 };
    const after = progressAfterCheckIn(before, courseStep(moveUp, null, stay));
    expect(after).toMatchObject({ currentLevel: 5, cleanSessionsAtLevel: 0, advanceDates: [] });
    // The naive recipe leaves the engine's advance in the weekly count.
    expect(withLevel(progressAfter(before, moveUp), 5, moveUp.runDate).advanceDates).toEqual(['2026-12-01']);
    // With the published set (1 advance a week), the next clean run may still move up.
    const next = decide(report({ runDate: '2026-12-03' }), after, DELAWARE_PUBLISHED_RULE_SET, TIME_WALK_RUN);
    expect(next.levelAfter).toBe(6);
  });

  it('counts a clinician move up as an advance, and applies the days off the clinician set', () => {
    const sore = decide(report({ warmUp: 'went_away', cameBackDuringRun: false }), at(5), SEED_RULE_SET, TIME_WALK_RUN);
    expect([sore.levelAfter, sore.daysOff]).toEqual([5, 1]);
    const after = progressAfterCheckIn(at(5), courseStep(sore, null, { levelAfter: 6, daysOff: 3 }));
    expect(after).toMatchObject({
      currentLevel: 6,
      cleanSessionsAtLevel: 0,
      advanceDates: ['2026-12-01'],
      lastRunDate: '2026-12-01',
      earliestNextRun: '2026-12-05',
    });
  });

  it('keeps the engine clean-session count when the clinician only changes the days off', () => {
    const walking = at(1, { lastRunDate: null, earliestNextRun: null });
    const d = decide(report({ levelRun: 1 }), walking, SEED_RULE_SET, TIME_WALK_RUN);
    expect([d.levelAfter, d.cleanSessionsAtLevel]).toEqual([1, 1]);
    const after = progressAfterCheckIn(walking, courseStep(d, null, { levelAfter: 1, daysOff: 2 }));
    expect([after.cleanSessionsAtLevel, after.earliestNextRun]).toEqual([1, '2026-12-04']);
  });

  it('signs off the entry check before the decision, and keeps it signed off', () => {
    const walking = at(2, { cleanSessionsAtLevel: 1 });
    const held = decide(report({ levelRun: 2 }), walking, SEED_RULE_SET, TIME_WALK_RUN);
    expect(held.blockedBy.map((b) => b.limit)).toEqual(['entry_check']);
    const cleared = decide(report({ levelRun: 2 }), { ...walking, clearedLevels: [3] }, SEED_RULE_SET, TIME_WALK_RUN);
    const after = progressAfterCheckIn(walking, courseStep(cleared, 3, null));
    expect(after).toMatchObject({ currentLevel: 3, clearedLevels: [3] });
  });

  it('is exactly progressAfter when the decision is confirmed (any course, both rule sets)', () => {
    const answers = fc.record({
      warmUp: fc.constantFrom('none', 'went_away', 'continued'),
      cameBack: fc.boolean(),
      nextDay: fc.constantFrom(...NEXT_DAY_ANSWERS),
      painDuring: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(SEED_RULE_SET, DELAWARE_PUBLISHED_RULE_SET),
        fc.integer({ min: 1, max: 15 }),
        fc.array(fc.tuple(answers, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 30 }),
        (ruleSet, start, steps) => {
          let engine = { ...startProgress(start), clearedLevels: [3] };
          let ours = engine;
          let date = '2026-03-02';
          for (const [a, gap] of steps) {
            const r: SorenessReport = {
              ...CLEAN,
              runDate: date,
              levelRun: engine.currentLevel,
              warmUp: a.warmUp,
              cameBackDuringRun: a.warmUp === 'went_away' ? a.cameBack : null,
              nextDay: a.nextDay,
              painDuring: a.painDuring ?? 'unknown',
            };
            const d = decide(r, engine, ruleSet, TIME_WALK_RUN);
            engine = progressAfter(engine, d);
            ours = progressAfterCheckIn(ours, courseStep(d, null, null));
            expect(ours).toEqual(engine);
            date = addDays(d.earliestNextRun, gap);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('replaying a course', () => {
  it('starts at the start level and follows each step, overrides included', () => {
    expect(replayCourse(4, [])).toEqual({ progress: startProgress(4), complete: false, lastStep: null });
    const first = decide(
      report({ levelRun: 4, runDate: '2026-11-02' }),
      startProgress(4),
      SEED_RULE_SET,
      TIME_WALK_RUN,
    );
    const p1 = progressAfter(startProgress(4), first);
    const second = decide(
      report({ levelRun: 5, runDate: '2026-11-04', warmUp: 'continued' }),
      p1,
      SEED_RULE_SET,
      TIME_WALK_RUN,
    );
    const state = replayCourse(4, [
      courseStep(first, null, null),
      courseStep(second, null, { levelAfter: 4, daysOff: 3 }),
    ]);
    expect(state.progress).toMatchObject({
      currentLevel: 4,
      lastRunDate: '2026-11-04',
      earliestNextRun: '2026-11-08',
      advanceDates: ['2026-11-02'],
    });
  });

  it('finishes the programme only when the clinician keeps the last level', () => {
    const last = TIME_WALK_RUN.levels.length;
    // The last level (week 5) is done 3 times: this is its third clean session.
    const done = decide(
      report({ levelRun: last }),
      at(last, { cleanSessionsAtLevel: 2 }),
      SEED_RULE_SET,
      TIME_WALK_RUN,
    );
    expect(done.programmeComplete).toBe(true);
    expect(replayCourse(last, [courseStep(done, null, null)]).complete).toBe(true);
    expect(replayCourse(last, [courseStep(done, null, { levelAfter: last, daysOff: 4 })]).complete).toBe(true);
    expect(replayCourse(last, [courseStep(done, null, { levelAfter: last - 1, daysOff: 1 })]).complete).toBe(false);
  });
});

describe('an override', () => {
  const programme: Programme = TIME_WALK_RUN;
  const cameBack = decide(report({ warmUp: 'went_away', cameBackDuringRun: true }), at(5), SEED_RULE_SET, programme);

  it('must change something and stay within the programme', () => {
    expect(cameBack).toMatchObject({ daysOff: 3, levelAfter: 4 });
    expect(overrideProblems(cameBack, { levelAfter: 4, daysOff: 3 }, programme)).toEqual({
      levelAfter:
        'This is the same as the decision: change the level or the days off, or confirm the decision instead.',
    });
    expect(overrideProblems(cameBack, { levelAfter: 16, daysOff: 2 }, programme)).toEqual({
      levelAfter: `"${programme.name}" has levels 1 to 15: choose one of them.`,
    });
    expect(overrideProblems(cameBack, { levelAfter: 5, daysOff: 2 }, programme)).toEqual({});
    expect(overrideProblems(cameBack, { levelAfter: 4, daysOff: 2 }, programme)).toEqual({});
  });

  it('needs a reason, and days off in range', () => {
    const parse = (o: unknown) => CheckInOutcome.safeParse(o);
    expect(parse({ kind: 'confirm' }).success).toBe(true);
    expect(parse({ kind: 'override', levelAfter: 5, daysOff: 2, reason: 'Felt fine after' }).success).toBe(true);
    expect(parse({ kind: 'override', levelAfter: 5, daysOff: 2, reason: '  ' }).error?.issues[0]?.message).toBe(
      'Enter the reason for the change.',
    );
    expect(parse({ kind: 'override', levelAfter: 5, daysOff: 15, reason: 'x' }).error?.issues[0]?.message).toMatch(
      /More than 14 days off/,
    );
    expect(parse({ kind: 'confirm', reason: 'x' }).success).toBe(false);
  });

  it('changes what applies and what the patient is told, and keeps the engine decision as it was', () => {
    const before = JSON.stringify(cameBack);
    const applied = applyOutcome(cameBack, { levelAfter: 5, daysOff: 2 }, programme);
    expect(applied).toEqual({
      levelAfter: 5,
      daysOff: 2,
      nextRunDate: '2026-12-04',
      programmeComplete: false,
      patientInstruction: 'Take 2 days off. Your next run can be on Friday 4 December. Stay at Level 5.',
    });
    expect(JSON.stringify(cameBack)).toBe(before);
    expect(applyOutcome(cameBack, null, programme)).toMatchObject({
      levelAfter: 4,
      nextRunDate: '2026-12-05',
      patientInstruction: cameBack.patientInstruction,
    });
  });

  it('tells the patient to walk at a walking level, and to call the clinic when the engine said so', () => {
    const swollen = decide(report({ swelling: true }), at(5), SEED_RULE_SET, programme);
    expect(instructionAfterOverride(swollen, { levelAfter: 2, daysOff: 0 }, programme)).toBe(
      'Your next walk can be on Wednesday 2 December. Go back to Level 2. Call the clinic before you run again.',
    );
    expect(instructionAfterOverride(cameBack, { levelAfter: 6, daysOff: 1 }, programme)).toBe(
      'Take 1 day off. Your next run can be on Thursday 3 December. Move up to Level 6.',
    );
  });

  it('reads at grade 6 or lower, every sentence under 15 words', () => {
    for (const level of [1, 5, 6, 15]) {
      for (const daysOff of [0, 1, 2, 7]) {
        const text = instructionAfterOverride(cameBack, { levelAfter: level, daysOff }, programme);
        expect(readingStats(text).grade, text).toBeLessThanOrEqual(6);
        for (const s of splitSentences(text)) expect(wordsOf(s).length, s).toBeLessThan(15);
      }
    }
  });
});
