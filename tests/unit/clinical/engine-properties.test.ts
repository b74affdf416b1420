/** Properties of the engine over generated reports, progress, rule sets and programmes (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decision } from '../../../shared/clinical/decision';
import type { DecisionContext } from '../../../shared/clinical/engine';
import { decide, triggersOf } from '../../../shared/clinical/engine';
import type { Programme, RunLevel } from '../../../shared/clinical/programme';
import { PROGRAMME_TEMPLATES } from '../../../shared/clinical/programme-templates';
import type { Progress } from '../../../shared/clinical/progress';
import { progressAfter, startProgress } from '../../../shared/clinical/progress';
import type { RuleSet, SorenessRule } from '../../../shared/clinical/rule-set';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET } from '../../../shared/clinical/rule-sets';
import type { SorenessReport } from '../../../shared/clinical/soreness-report';
import { addDays, daysBetween } from '../../../shared/time/dates';
import { readingStats, splitSentences, wordsOf } from '../../../shared/text/readability';

const RUNS = { numRuns: 400 };

/** A shipped set, or a clinic's tuning of one that the RuleSet schema would accept. */
const ruleSetArb: fc.Arbitrary<RuleSet> = fc.oneof(
  fc.constantFrom(SEED_RULE_SET, DELAWARE_PUBLISHED_RULE_SET),
  fc
    .record({
      daysOff: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 7, maxLength: 7 }),
      drops: fc.array(fc.constantFrom(-2, -1, 0), { minLength: 7, maxLength: 7 }),
      calls: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      strainSite: fc.constantFrom('warm_up_went_away' as const, 'next_day_not_muscular' as const),
      advances: fc.boolean(),
      cap: fc.option(fc.integer({ min: 1, max: 3 })),
      painLimit: fc.option(fc.integer({ min: 0, max: 10 })),
    })
    .map(({ daysOff, drops, calls, strainSite, advances, cap, painLimit }) => ({
      ...SEED_RULE_SET,
      id: 'tuned',
      strainSiteSorenessCountsAs: strainSite,
      rules: SEED_RULE_SET.rules.map((r, i): SorenessRule => ({
        ...r,
        action: {
          ...r.action,
          daysOff: daysOff[i] ?? 0,
          callClinic: calls[i] ?? false,
          levelChange: r.trigger === 'no_soreness' ? (advances ? 1 : 0) : (drops[i] ?? 0),
        },
      })),
      maxAdvancesPer7Days: cap,
      painLimit,
    })),
);

/** A shipped template, possibly with its limits changed. */
const programmeArb: fc.Arbitrary<Programme> = fc
  .record({
    template: fc.constantFrom(...PROGRAMME_TEMPLATES),
    cap: fc.option(fc.integer({ min: 1, max: 3 })),
    painLimit: fc.option(fc.integer({ min: 0, max: 10 })),
    keepLimits: fc.boolean(),
  })
  .map(({ template, cap, painLimit, keepLimits }) =>
    keepLimits ? template : { ...template, maxAdvancesPer7Days: cap, painLimit },
  );

const dateArb = fc.integer({ min: 0, max: 1500 }).map((n) => addDays('2026-01-01', n));

type Answers = Omit<SorenessReport, 'runDate' | 'levelRun'>;

function orUnknown<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | 'unknown'> {
  return fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.constant('unknown' as const) });
}

/** The patient's answers to one report, consistent with the report schema ("not known" sometimes). */
const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    completed: fc.constantFrom(
      'as_written' as const,
      'as_written' as const,
      'stopped_early' as const,
      'unknown' as const,
    ),
    warmUp: orUnknown(fc.constantFrom('none' as const, 'went_away' as const, 'continued' as const)),
    cameBack: orUnknown(fc.boolean()),
    painStartedInRun: orUnknown(fc.boolean()),
    limp: orUnknown(fc.boolean()),
    nextDay: orUnknown(
      fc.constantFrom('none' as const, 'muscular' as const, 'injury_site' as const, 'not_muscular' as const),
    ),
    painDuring: orUnknown(fc.integer({ min: 0, max: 10 })),
    painAfter: orUnknown(fc.integer({ min: 0, max: 10 })),
    swelling: orUnknown(fc.boolean()),
  })
  .map(({ cameBack, ...a }) => ({ ...a, cameBackDuringRun: a.warmUp === 'went_away' ? cameBack : null }));

/** Answers of a run with no soreness and little pain, so that generated courses move up. */
const cleanAnswersArb: fc.Arbitrary<Answers> = fc.record({
  completed: fc.constant('as_written' as const),
  warmUp: fc.constant('none' as const),
  cameBackDuringRun: fc.constant(null),
  painStartedInRun: fc.constant(false),
  limp: fc.constant(false),
  nextDay: fc.constantFrom('none' as const, 'muscular' as const),
  painDuring: fc.integer({ min: 0, max: 2 }),
  painAfter: fc.integer({ min: 0, max: 2 }),
  swelling: fc.constant(false),
});

interface Case {
  report: SorenessReport;
  progress: Progress;
  ruleSet: RuleSet;
  programme: Programme;
  context: DecisionContext;
}

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(ruleSetArb, programmeArb, dateArb)
  .chain(([ruleSet, programme, runDate]) => {
    const n = programme.levels.length;
    const level = fc.integer({ min: 1, max: n });
    return fc
      .record({
        currentLevel: level,
        // Mostly the planned level, sometimes another one.
        ranOther: fc.option(level, { freq: 4 }),
        cleanSessionsAtLevel: fc.integer({ min: 0, max: 3 }),
        advanceAges: fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 4 }),
        lastRunAge: fc.option(fc.integer({ min: 1, max: 6 })),
        muscleStrain: fc.boolean(),
        earliestAge: fc.option(fc.integer({ min: -3, max: 3 })),
        clearedLevels: fc.uniqueArray(level, { maxLength: 3 }),
      })
      .chain((p) =>
        answersArb.map((answers): Case => ({
          report: { runDate, levelRun: p.ranOther ?? p.currentLevel, ...answers },
          ruleSet,
          programme,
          context: { muscleStrain: p.muscleStrain },
          progress: {
            currentLevel: p.currentLevel,
            cleanSessionsAtLevel: p.cleanSessionsAtLevel,
            advanceDates: p.advanceAges.map((age) => addDays(runDate, -age)).sort(),
            lastRunDate: p.lastRunAge === null ? null : addDays(runDate, -p.lastRunAge),
            recentRunDates: p.lastRunAge === null ? [] : [addDays(runDate, -p.lastRunAge)],
            earliestNextRun: p.earliestAge === null ? null : addDays(runDate, p.earliestAge),
            clearedLevels: p.clearedLevels,
          },
        })),
      );
  });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const run = (c: Case) => decide(c.report, c.progress, c.ruleSet, c.programme, c.context);

describe('engine properties', () => {
  it('keeps the level within the programme and the level change consistent', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = run(c);
        const last = c.programme.levels.length;
        expect(d.levelAfter).toBeGreaterThanOrEqual(1);
        expect(d.levelAfter).toBeLessThanOrEqual(last);
        expect(d.levelChange).toBe(d.levelAfter - c.progress.currentLevel);
        expect(d.levelChange).toBeLessThanOrEqual(1);
        expect(d.levelChange).toBeGreaterThanOrEqual(
          -2 - (c.progress.currentLevel - Math.min(c.report.levelRun, c.progress.currentLevel)),
        );
        if (d.programmeComplete) expect([c.progress.currentLevel, d.levelAfter]).toEqual([last, last]);
      }),
      RUNS,
    );
  });

  it("gives the routine rest plus the rules' days off, and the next run after them within the weekly count", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = run(c);
        const minRest = (c.programme.levels[c.report.levelRun - 1] as RunLevel).minRestDays;
        const ruleDays = Math.max(
          ...c.ruleSet.rules.filter((r) => d.firedRules.includes(r.number)).map((r) => r.action.daysOff),
        );
        expect(d.daysOff).toBe(minRest + ruleDays);
        expect(d.earliestNextRun >= addDays(c.report.runDate, d.daysOff + 1)).toBe(true);
        // Later only while the level's sessions a week are used up: at most 6 days later.
        expect(daysBetween(c.report.runDate, d.earliestNextRun)).toBeLessThanOrEqual(d.daysOff + 7);
      }),
      RUNS,
    );
  });

  it('never advances when an answer is not known or the session was not completed as written', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = run(c);
        const partial = c.report.completed !== 'as_written' || Object.values(c.report).includes('unknown');
        if (partial) {
          expect(d.levelChange).toBeLessThanOrEqual(0);
          expect(d.programmeComplete).toBe(false);
          expect(d.cleanSession).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('gives the same decision for the same input, without changing the input', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const copy = JSON.parse(JSON.stringify(c)) as Case;
        const first = run(deepFreeze(c));
        expect(run(copy)).toEqual(first);
        expect(run(c)).toEqual(first);
      }),
      RUNS,
    );
  });

  it('never advances or completes when any soreness rule other than the no-soreness rule fired', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = run(c);
        const sore = triggersOf(c.report, c.ruleSet, c.context).some((t) => t !== 'no_soreness');
        const noSorenessRule = c.ruleSet.rules.find((r) => r.trigger === 'no_soreness');
        expect(d.firedRules.includes(noSorenessRule?.number ?? -1)).toBe(!sore);
        if (sore) {
          expect(d.levelChange).toBeLessThanOrEqual(0);
          expect(d.programmeComplete).toBe(false);
          expect(d.cleanSession).toBe(false);
        }
        if (d.levelChange > 0 || d.programmeComplete) {
          expect(d.cleanSession && d.blockedBy.length === 0).toBe(true);
          expect(c.report.levelRun).toBe(c.progress.currentLevel);
        }
      }),
      RUNS,
    );
  });

  it('produces a decision the Decision schema accepts, with one-sentence reasons and plain patient words', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = run(c);
        expect(Decision.safeParse(d).success).toBe(true);
        expect(splitSentences(d.reason)).toHaveLength(1);
        expect(d.reason).toMatch(new RegExp(`^Rule ${d.governingRule} \\(`));
        for (const sentence of splitSentences(d.patientInstruction)) {
          expect(wordsOf(sentence).length, sentence).toBeLessThan(15);
        }
        expect(readingStats(d.patientInstruction).grade, d.patientInstruction).toBeLessThanOrEqual(6);
      }),
      RUNS,
    );
  });

  it('over a whole course of runs, respects the advances-in-7-days and clean-session limits', () => {
    const courseArb = fc.tuple(
      ruleSetArb,
      programmeArb,
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 3 }),
          fc.oneof({ weight: 3, arbitrary: cleanAnswersArb }, { weight: 1, arbitrary: answersArb }),
        ),
        { minLength: 1, maxLength: 40 },
      ),
    );
    const seen = { advances: 0, heldByWeeklyLimit: 0 };
    fc.assert(
      fc.property(courseArb, ([ruleSet, programme, steps]) => {
        let progress: Progress = { ...startProgress(), clearedLevels: programme.levels.map((l) => l.number) };
        let date = '2026-03-02';
        const caps = [ruleSet.maxAdvancesPer7Days, programme.maxAdvancesPer7Days].filter((x) => x !== null);
        const cap = caps.length > 0 ? Math.min(...caps) : Infinity;
        let cleanInARow = 0;
        for (const [extraDays, answers] of steps) {
          const report: SorenessReport = { runDate: date, levelRun: progress.currentLevel, ...answers };
          const d = decide(report, progress, ruleSet, programme);
          cleanInARow = d.cleanSession ? cleanInARow + 1 : 0;
          if (d.levelChange > 0) seen.advances += 1;
          if (d.blockedBy.some((b) => b.limit === 'advances_per_7_days')) seen.heldByWeeklyLimit += 1;
          if (d.levelChange > 0) {
            const needed = (programme.levels[progress.currentLevel - 1] as RunLevel).cleanSessionsToAdvance;
            expect(cleanInARow).toBeGreaterThanOrEqual(needed);
            cleanInARow = 0;
          }
          progress = progressAfter(progress, d);
          const advances = progress.advanceDates;
          for (const a of advances) {
            const inWindow = advances.filter((b) => daysBetween(a, b) >= 0 && daysBetween(a, b) < 7).length;
            expect(inWindow).toBeLessThanOrEqual(cap);
          }
          date = addDays(d.earliestNextRun, extraDays);
        }
      }),
      { numRuns: 150 },
    );
    // The courses really did move patients up, and the weekly limit really did hold some.
    expect(seen.advances).toBeGreaterThan(50);
    expect(seen.heldByWeeklyLimit).toBeGreaterThan(5);
  });
});
