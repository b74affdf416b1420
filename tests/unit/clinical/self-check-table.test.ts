/**
 * The paper is the product: the self-check printed on the handout must lead a patient who reads
 * it literally to exactly what the engine decides (issue "The handout a patient follows").
 *
 * For every shipped rule set, every shipped programme template, each kind of level (walking, the
 * last level before an entry check, a middle level, the last level), with and without a muscle
 * strain, and progress before and after some clean runs or a recent advance, this test takes every
 * combination of the answers a patient gives at home and compares two renderings of one truth:
 * the engine's decision, and what the printed rows say when read as the patient reads them (the
 * rows that fit, combined as the printed precedence says). The reader below knows nothing of the
 * engine: it matches answers to rows by the rows' own situations and follows their fields, the
 * same fields the printed words are made from (checked at the end).
 */
import { describe, expect, it } from 'vitest';
import type { DecisionContext } from '../../../shared/clinical/engine';
import { CALL_CLINIC_PAIN_DURING, decide } from '../../../shared/clinical/engine';
import type { Programme } from '../../../shared/clinical/programme';
import { levelKind } from '../../../shared/clinical/programme';
import { PROGRAMME_TEMPLATES } from '../../../shared/clinical/programme-templates';
import type { Progress } from '../../../shared/clinical/progress';
import { startProgress } from '../../../shared/clinical/progress';
import { SHIPPED_RULE_SETS } from '../../../shared/clinical/rule-sets';
import type { SelfCheck, SelfCheckRow, SelfCheckSituation } from '../../../shared/clinical/self-check';
import { PRECEDENCE, selfCheckFor } from '../../../shared/clinical/self-check';
import type { SorenessReport } from '../../../shared/clinical/soreness-report';
import { addDays } from '../../../shared/time/dates';
import { CLEAN_ANSWERS } from '../../helpers/reports';

type Answers = Omit<SorenessReport, 'runDate' | 'levelRun'>;

/** Every combination of what a patient can tick in the log (answers at home are never "not known"). */
function everyAnswer(): Answers[] {
  const all: Answers[] = [];
  for (const completed of ['as_written', 'stopped_early'] as const)
    for (const warm of ['none', 'went_away', 'came_back', 'continued'] as const)
      for (const painStartedInRun of [false, true])
        for (const limp of [false, true])
          for (const nextDay of ['none', 'muscular', 'injury_site', 'not_muscular'] as const)
            for (const swelling of [false, true])
              for (const painDuring of [0, 2, 3, 5])
                for (const painAfter of [0, 3])
                  all.push({
                    ...CLEAN_ANSWERS,
                    completed,
                    warmUp: warm === 'came_back' ? 'went_away' : warm,
                    cameBackDuringRun: warm === 'came_back' ? true : warm === 'went_away' ? false : null,
                    painStartedInRun,
                    limp,
                    nextDay,
                    swelling,
                    painDuring,
                    painAfter,
                  });
  return all;
}
const ANSWERS = everyAnswer();

/** What the patient notices, as the rows name it: the reader's own reading of the answers. */
function noticed(a: Answers, check: SelfCheck, muscleStrain: boolean): Set<SelfCheckSituation> {
  const seen = new Set<SelfCheckSituation>();
  const cameBack = a.warmUp === 'went_away' && a.cameBackDuringRun === true;
  const nextDayPain = a.nextDay === 'not_muscular' || a.nextDay === 'injury_site';
  const num = (p: Answers['painDuring']) => (typeof p === 'number' ? p : 0);
  if (a.warmUp === 'continued') seen.add('warm_up_continued');
  if (a.warmUp === 'went_away' && !cameBack) seen.add('warm_up_went_away');
  if (cameBack) seen.add('warm_up_came_back');
  if (a.painStartedInRun === true) seen.add('pain_started_in_run');
  if (a.limp === true) seen.add('limp');
  if ((a.painStartedInRun === true || cameBack) && nextDayPain) seen.add('run_pain_next_day');
  if (a.nextDay === 'not_muscular' || (a.nextDay === 'injury_site' && !muscleStrain)) seen.add('next_day_not_muscular');
  if (a.nextDay === 'injury_site' && muscleStrain) seen.add('next_day_injury_site');
  if (a.swelling === true) seen.add('swelling');
  if (num(a.painDuring) > CALL_CLINIC_PAIN_DURING) seen.add('pain_over_call');
  const limit = check.painLimit;
  if (limit !== null && (num(a.painDuring) > limit || num(a.painAfter) > limit)) seen.add('pain_over_limit');
  if (a.completed === 'stopped_early') seen.add('stopped_early');
  return seen;
}

interface Outcome {
  levelAfter: number;
  daysOff: number;
  callClinic: boolean;
  programmeComplete: boolean;
}

/** The printed rows, read literally: the rows that fit, combined as PRECEDENCE says. */
function readPaper(check: SelfCheck, a: Answers, runDate: string, muscleStrain: boolean): Outcome {
  const seen = noticed(a, check, muscleStrain);
  const byRow = new Map(check.rows.map((r) => [r.situation, r]));
  let fit: SelfCheckRow[] = [...seen].map((s) => {
    const row = byRow.get(s);
    if (!row) throw new Error(`The paper has no row for "${s}"`);
    return row;
  });
  // "No pain ... sore muscles are fine" is the row when nothing else fits.
  if (fit.length === 0) fit = [byRow.get('no_pain')!];
  const levels = fit.map((row): { level: number; complete: boolean } => {
    const m = row.moveUp;
    if (!m || m.kind === 'stay' || m.kind === 'entry_check') return { level: row.levelAfter, complete: false };
    const enough = m.cleanSoFar + 1 >= m.cleanNeeded;
    const allowed = m.notBefore === null || runDate >= m.notBefore;
    if (!enough || !allowed) return { level: row.levelAfter, complete: false };
    return m.kind === 'finish' ? { level: row.levelAfter, complete: true } : { level: m.toLevel, complete: false };
  });
  const lowest = Math.min(...levels.map((l) => l.level));
  return {
    levelAfter: lowest,
    daysOff: Math.max(...fit.map((r) => r.daysOff)),
    callClinic: fit.some((r) => r.callClinic),
    programmeComplete: levels.length === 1 && levels[0]!.complete,
  };
}

/** Levels of each kind in a programme: walking, the last one before an entry check, a middle one, the last. */
function levelsToTry(p: Programme): { kind: string; level: number }[] {
  const n = p.levels.length;
  const out: { kind: string; level: number }[] = [];
  const walk = p.levels.find((l) => levelKind(l) === 'walk');
  if (walk) out.push({ kind: 'walking', level: walk.number });
  const beforeCheck = p.levels.find((_, i) => p.levels[i + 1]?.entryCheck);
  if (beforeCheck) out.push({ kind: 'before the entry check to running', level: beforeCheck.number });
  out.push({ kind: 'middle', level: Math.ceil(n / 2) });
  out.push({ kind: 'last', level: n });
  return out;
}

const RUN_DATE = '2026-12-01';

/** Progress at a level: fresh, or one clean run short of moving up with an advance 3 days ago. */
function progresses(level: number, p: Programme): [string, Progress][] {
  const needed = p.levels[level - 1]!.cleanSessionsToAdvance;
  const base = { ...startProgress(level), lastRunDate: addDays(RUN_DATE, -2), recentRunDates: [addDays(RUN_DATE, -2)] };
  return [
    ['fresh at the level', base],
    [
      'one clean run short, advanced 3 days ago',
      { ...base, cleanSessionsAtLevel: needed - 1, advanceDates: [addDays(RUN_DATE, -3)] },
    ],
  ];
}

const CONTEXTS: [string, DecisionContext][] = [
  ['no muscle strain', { muscleStrain: false }],
  ['after a muscle strain', { muscleStrain: true }],
];

describe('the printed self-check leads a literal reader to the engine decision', () => {
  for (const ruleSet of SHIPPED_RULE_SETS) {
    for (const programme of PROGRAMME_TEMPLATES) {
      describe(`${ruleSet.name} on ${programme.name}`, () => {
        for (const { kind, level } of levelsToTry(programme)) {
          for (const [state, progress] of progresses(level, programme)) {
            it(`at Level ${level} (${kind}), ${state}, every answer, with and without a muscle strain`, () => {
              for (const [, context] of CONTEXTS) {
                const check = selfCheckFor(ruleSet, programme, progress, context, RUN_DATE);
                // A run on the handout's first day and one a week later (the weekly limit frees).
                for (const runDate of [RUN_DATE, addDays(RUN_DATE, 7)]) {
                  for (const a of ANSWERS) {
                    const d = decide({ runDate, levelRun: level, ...a }, progress, ruleSet, programme, context);
                    const paper = readPaper(check, a, runDate, context.muscleStrain);
                    const engine = {
                      levelAfter: d.levelAfter,
                      daysOff: d.daysOff,
                      callClinic: d.callClinic,
                      programmeComplete: d.programmeComplete,
                    };
                    if (JSON.stringify(paper) !== JSON.stringify(engine)) {
                      expect({ answers: a, runDate, context, paper }).toEqual({
                        answers: a,
                        runDate,
                        context,
                        paper: engine,
                      });
                    }
                  }
                }
              }
            });
          }
        }
      });
    }
  }
});

describe('the printed words say what the row fields say', () => {
  const programme = PROGRAMME_TEMPLATES[0]!;
  const check = (level: number, changes: Partial<Progress> = {}) =>
    selfCheckFor(
      SHIPPED_RULE_SETS[1]!,
      programme,
      { ...startProgress(level), ...changes },
      { muscleStrain: false },
      RUN_DATE,
    );

  it('every row names its days off, its level and the call in words', () => {
    for (const level of [1, 5, programme.levels.length]) {
      for (const row of check(level).rows) {
        if (row.daysOff > 0) expect(row.action).toMatch(new RegExp(`(Take|Rest) ${row.daysOff} days?`));
        else if (row.callClinic) expect(row.action).not.toMatch(/rest day|days? off/);
        else expect(row.action).toMatch(/You do not need a rest day\./);
        if (!row.moveUp) expect(row.action).toContain(`Level ${row.levelAfter}`);
        expect(row.action.includes('Call us before')).toBe(row.callClinic);
      }
    }
  });

  it('a step back at Level 1 says to do Level 1 again, never "go down"', () => {
    const first = check(1).rows;
    for (const row of first) expect(row.action).not.toMatch(/go back|go down/i);
    expect(first.find((r) => r.situation === 'warm_up_came_back')?.action).toMatch(
      /Then do Level 1 again\. It is the first level\./,
    );
  });

  it('the walk-first patient is told to ask the clinic before starting to run, not to move up', () => {
    const lastWalk = programme.levels.find((_, i) => programme.levels[i + 1]?.entryCheck)!;
    const noPain = check(lastWalk.number).rows.find((r) => r.situation === 'no_pain')!;
    expect(noPain.action).toMatch(/Ask the clinic to check you before you start running\./);
    expect(noPain.action).not.toMatch(/Move up/);
  });

  it('counts the clean runs still needed, and names the date the weekly limit frees', () => {
    const twice = PROGRAMME_TEMPLATES.find((p) => p.levels.some((l) => l.cleanSessionsToAdvance === 2))!;
    const level = twice.levels.find((l) => l.cleanSessionsToAdvance === 2 && !twice.levels[l.number]?.entryCheck)!;
    const fresh = selfCheckFor(
      SHIPPED_RULE_SETS[1]!,
      twice,
      startProgress(level.number),
      { muscleStrain: false },
      RUN_DATE,
    );
    expect(fresh.rows.find((r) => r.situation === 'no_pain')!.action).toMatch(
      new RegExp(
        `When you have done 2 (run|walk)s in a row like this at Level ${level.number}, move up to Level ${level.number + 1}\\. You have done none yet\\.`,
      ),
    );
    const capped = selfCheckFor(
      SHIPPED_RULE_SETS[1]!,
      twice,
      { ...startProgress(level.number), cleanSessionsAtLevel: 1, advanceDates: ['2026-11-27'] },
      { muscleStrain: false },
      RUN_DATE,
    );
    expect(capped.rows.find((r) => r.situation === 'no_pain')!.action).toMatch(
      /But not from a (run|walk) before Friday 4 December: before that, do Level \d+ again\./,
    );
    const us = selfCheckFor(
      SHIPPED_RULE_SETS[1]!,
      twice,
      { ...startProgress(level.number), cleanSessionsAtLevel: 1, advanceDates: ['2026-11-27'] },
      { muscleStrain: false },
      RUN_DATE,
      'mdy',
    );
    expect(us.rows.find((r) => r.situation === 'no_pain')!.action).toContain('before Friday, December 4:');
  });

  it('at the last level, the patient is told the plan is finished, not to move up', () => {
    const last = programme.levels.length;
    const noPain = check(last, {
      cleanSessionsAtLevel: programme.levels[last - 1]!.cleanSessionsToAdvance - 1,
    }).rows.find((r) => r.situation === 'no_pain')!;
    expect(noPain.action).toMatch(/You have finished your plan\. Call us to plan what comes next\./);
  });

  it("the swelling row carries the call, and the precedence is the engine's", () => {
    expect(check(5).rows.find((r) => r.situation === 'swelling')?.action).toMatch(/Call us before you run again\./);
    expect(PRECEDENCE).toMatch(/most days off.*lowest level.*call us/s);
  });

  it('one wording for the pain limit, with its number', () => {
    const texts = check(5)
      .rows.map((r) => r.notice)
      .join(' ');
    expect(texts).toContain('pain of 2 out of 10 or less');
    expect(texts).toContain('Pain more than 2 out of 10');
    expect(texts).not.toMatch(/\bNo pain\.|only move up if/i);
  });
});
