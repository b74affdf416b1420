/**
 * The patient's soreness self-check, rendered from the engine's own decisions.
 *
 * The handout is what a runner follows at home, so every row it prints is what `decide` returns
 * for a run with just that symptom, at this patient's level, with this patient's progress, rule
 * set and programme: the days off (routine rest included), the level to do next (a drop at
 * Level 1 stays at Level 1), stop the run or keep going, and whether to call the clinic. The
 * "no pain" row carries what the engine needs before moving up: the clinic's entry check, the
 * clean runs in a row still needed, the date the weekly limit frees, or the end of the programme.
 * Several rows at once combine the way the engine combines rules (`PRECEDENCE`): the most days
 * off, the lowest level, call if any row says call. The table test (tests/unit/clinical/
 * self-check-table.test.ts) reads these rows as a literal patient would, for every answer, and
 * checks they lead to the engine's decision.
 *
 * Pure: no clock. Built once when the handout is made and stored with it.
 */
import { z } from 'zod';
import { isoDate } from '../text/fields';
import type { IsoDate } from '../time/dates';
import { addDays } from '../time/dates';
import type { Decision } from './decision';
import type { DecisionContext } from './engine';
import { CALL_CLINIC_PAIN_DURING, decide } from './engine';
import type { Programme } from './programme';
import { DEFAULT_WARM_UP, levelKind } from './programme';
import type { Progress } from './progress';
import type { RuleSet } from './rule-set';
import { ruleFor } from './rule-set';
import type { SorenessReport } from './soreness-report';
import type { DayMonthOrder } from './wording';
import { capitalize, dayCount, longDate } from './wording';

/** What a patient can notice at home, one self-check row each. */
export const SELF_CHECK_SITUATIONS = [
  'warm_up_continued',
  'warm_up_went_away',
  'warm_up_came_back',
  'pain_started_in_run',
  'limp',
  'run_pain_next_day',
  'next_day_not_muscular',
  'next_day_injury_site',
  'swelling',
  'pain_over_call',
  'pain_over_limit',
  'stopped_early',
  'no_pain',
] as const;
export type SelfCheckSituation = (typeof SELF_CHECK_SITUATIONS)[number];

/** How the "no pain" row moves the patient on. */
export const MoveUp = z.discriminatedUnion('kind', [
  /** The rule set does not move up on its own. */
  z.strictObject({ kind: z.literal('stay') }),
  /** The next level needs the clinic's check first. */
  z.strictObject({ kind: z.literal('entry_check'), nextLevel: z.number().int().min(1), startsRunning: z.boolean() }),
  /** Move up (or, at the last level, finish) after enough clean runs in a row, not before a date. */
  z.strictObject({
    kind: z.enum(['move_up', 'finish']),
    toLevel: z.number().int().min(1),
    cleanNeeded: z.number().int().min(1),
    cleanSoFar: z.number().int().min(0),
    /** The first run date on which the weekly limit allows it; null when it does not hold now. */
    notBefore: isoDate('Not before').nullable(),
  }),
]);
export type MoveUp = z.infer<typeof MoveUp>;

export const SelfCheckRow = z.strictObject({
  situation: z.enum(SELF_CHECK_SITUATIONS),
  /** What the patient notices, in plain words. */
  notice: z.string(),
  /** Stop the run now (null: noticed after the run, nothing to stop). */
  stopRun: z.boolean().nullable(),
  /** Full days without running after the run day (the routine rest included). */
  daysOff: z.number().int().min(0),
  /** The level of the next run; for the "no pain" row, the level when it does not move up. */
  levelAfter: z.number().int().min(1),
  callClinic: z.boolean(),
  /** Only on the "no pain" row. */
  moveUp: MoveUp.nullable(),
  /** What to do, in plain words, rendered from the fields above. */
  action: z.string(),
});
export type SelfCheckRow = z.infer<typeof SelfCheckRow>;

export const SelfCheck = z.strictObject({
  /** The level these rows are for. */
  level: z.number().int().min(1),
  /** Walking level: the words say walk, not run. */
  walking: z.boolean(),
  /** Pain up to this (0-10) still counts as no pain; null: no limit. */
  painLimit: z.number().int().min(0).max(10).nullable(),
  rows: z.array(SelfCheckRow).min(1).max(SELF_CHECK_SITUATIONS.length),
});
export type SelfCheck = z.infer<typeof SelfCheck>;

/** How rows combine, as printed under the table (and as the engine combines rules). */
export const PRECEDENCE =
  'If more than one row fits, do all of them. Take the most days off of those rows. Go to the lowest level of those rows. If one of them says to call us, call us.';

/** A report of a run at `level` with nothing to report, as the basis of each row's report. */
function cleanReport(runDate: IsoDate, level: number): SorenessReport {
  return {
    runDate,
    levelRun: level,
    completed: 'as_written',
    warmUp: 'none',
    cameBackDuringRun: null,
    painStartedInRun: false,
    limp: false,
    nextDay: 'none',
    painDuring: 0,
    painAfter: 0,
    swelling: false,
  };
}

/** The report that has just this situation (and nothing else to report). */
export function reportFor(
  situation: SelfCheckSituation,
  base: SorenessReport,
  painLimit: number | null,
): SorenessReport {
  const overLimit = Math.min(10, (painLimit ?? CALL_CLINIC_PAIN_DURING) + 1);
  switch (situation) {
    case 'warm_up_continued':
      return { ...base, warmUp: 'continued' };
    case 'warm_up_went_away':
      return { ...base, warmUp: 'went_away', cameBackDuringRun: false };
    case 'warm_up_came_back':
      return { ...base, warmUp: 'went_away', cameBackDuringRun: true };
    case 'pain_started_in_run':
      return { ...base, painStartedInRun: true };
    case 'limp':
      return { ...base, limp: true };
    case 'run_pain_next_day':
      return { ...base, painStartedInRun: true, nextDay: 'not_muscular' };
    case 'next_day_not_muscular':
      return { ...base, nextDay: 'not_muscular' };
    case 'next_day_injury_site':
      return { ...base, nextDay: 'injury_site' };
    case 'swelling':
      return { ...base, swelling: true };
    case 'pain_over_call':
      return { ...base, painDuring: CALL_CLINIC_PAIN_DURING + 1 };
    case 'pain_over_limit':
      return { ...base, painDuring: Math.min(overLimit, CALL_CLINIC_PAIN_DURING), painAfter: overLimit };
    case 'stopped_early':
      return { ...base, completed: 'stopped_early' };
    case 'no_pain':
      return base;
  }
}

/** Rows only some patients need: injury-site soreness is its own row after a muscle strain. */
function situationsFor(context: DecisionContext, painLimit: number | null): SelfCheckSituation[] {
  return SELF_CHECK_SITUATIONS.filter((s) => {
    if (s === 'next_day_injury_site') return context.muscleStrain;
    // Without a pain limit, or with one at or above the call level, pain has its one row.
    if (s === 'pain_over_limit') return painLimit !== null && painLimit < CALL_CLINIC_PAIN_DURING;
    return true;
  });
}

function noticeWords(s: SelfCheckSituation, walking: boolean, painLimit: number | null, muscleStrain: boolean): string {
  const outing = walking ? 'walk' : 'run';
  switch (s) {
    case 'warm_up_continued':
      return 'Pain in the warm-up that does not go away';
    case 'warm_up_went_away':
      return 'Pain in the warm-up that goes away and stays away';
    case 'warm_up_came_back':
      return `Pain in the warm-up that goes away, then comes back in the ${outing}`;
    case 'pain_started_in_run':
      return `Pain that starts during the ${outing}, after the warm-up`;
    case 'limp':
      return `You limp, or you change the way you ${outing}`;
    case 'run_pain_next_day':
      return `Pain that started or came back in the ${outing} is still there the next day`;
    case 'next_day_not_muscular':
      return muscleStrain
        ? 'Pain the next day in a joint, a tendon or a bone'
        : 'Pain the next day at your injury, or in a joint, a tendon or a bone';
    case 'next_day_injury_site':
      return 'Sore the next day at the spot of your injury';
    case 'swelling':
      return 'Swelling';
    case 'pain_over_call':
      return `Pain more than ${CALL_CLINIC_PAIN_DURING} out of 10 during the ${outing}`;
    case 'pain_over_limit':
      return `Pain more than ${painLimit ?? CALL_CLINIC_PAIN_DURING} out of 10, during or after the ${outing}`;
    case 'stopped_early':
      return `You stop the ${outing} early`;
    case 'no_pain': {
      const pain =
        painLimit === null || painLimit === 0 ? 'No pain' : `No pain, or pain of ${painLimit} out of 10 or less`;
      return muscleStrain
        ? `${pain}. Sore muscles away from your injury are fine`
        : `${pain}. Sore muscles the next day are fine`;
    }
  }
}

const DURING: ReadonlySet<SelfCheckSituation> = new Set([
  'warm_up_continued',
  'warm_up_went_away',
  'warm_up_came_back',
  'pain_started_in_run',
  'limp',
  'pain_over_call',
]);

function restWords(daysOff: number, routine: number): string {
  if (daysOff === 0) return 'You do not need a rest day.';
  if (daysOff === routine) return `Rest ${dayCount(daysOff)}, as usual.`;
  return `Take ${dayCount(daysOff)} off.`;
}

function levelWords(levelAfter: number, level: number, walking: boolean, first: boolean): string {
  if (levelAfter < level) return `Then go back to Level ${levelAfter}.`;
  const outing = walking ? 'walk' : 'run';
  if (first) return `Then do Level ${level} again. It is the first level.`;
  return `Then do Level ${level} again on your next ${outing}.`;
}

function moveUpWords(m: MoveUp, level: number, walking: boolean, order: DayMonthOrder): string {
  const outing = walking ? 'walk' : 'run';
  switch (m.kind) {
    case 'stay':
      return `Stay at Level ${level}.`;
    case 'entry_check':
      return m.startsRunning
        ? `Do Level ${level} again. Ask the clinic to check you before you start running.`
        : `Do Level ${level} again. Ask the clinic to check you before you start Level ${m.nextLevel}.`;
    case 'move_up':
    case 'finish': {
      const goal =
        m.kind === 'finish'
          ? 'you have finished your plan. Call us to plan what comes next'
          : `move up to Level ${m.toLevel}`;
      const sentences: string[] = [];
      if (m.cleanNeeded - m.cleanSoFar <= 1) sentences.push(`${capitalize(goal)}.`);
      else {
        const left = m.cleanNeeded - m.cleanSoFar;
        sentences.push(
          `When you have done ${m.cleanNeeded} ${outing}s in a row like this at Level ${level}, ${goal}.`,
          m.cleanSoFar === 0 ? `You have done none yet.` : `You have done ${m.cleanSoFar}, so ${left} to go.`,
          `Until then, do Level ${level} again.`,
        );
      }
      if (m.notBefore !== null) {
        sentences.push(
          `But not from a ${outing} before ${longDate(m.notBefore, order)}: before that, do Level ${level} again.`,
        );
      }
      return sentences.join(' ');
    }
  }
}

/** The row's action in words, from its fields. */
function actionWords(
  row: Omit<SelfCheckRow, 'action'>,
  level: number,
  routine: number,
  walking: boolean,
  heldAtFirst: boolean,
  order: DayMonthOrder,
): string {
  const parts: string[] = [];
  const outing = walking ? 'walking' : 'running';
  if (row.stopRun === true) parts.push(`Stop ${outing}.`);
  if (row.stopRun === false) parts.push('Keep going.');
  // A row that sends the patient to the clinic does not tell them they need no rest: the call comes first.
  if (!(row.callClinic && row.daysOff === 0)) parts.push(restWords(row.daysOff, routine));
  if (row.moveUp) parts.push(moveUpWords(row.moveUp, level, walking, order));
  else parts.push(levelWords(row.levelAfter, level, walking, heldAtFirst));
  if (row.callClinic) parts.push(`Call us before you ${walking ? 'walk' : 'run'} again.`);
  return parts.join(' ');
}

/** The move-up conditions of a clean run, from the engine's limits on this run and on one a week later. */
function moveUpOf(
  ruleSet: RuleSet,
  programme: Programme,
  progress: Progress,
  decision: Decision,
  later: Decision,
): MoveUp {
  const level = progress.currentLevel;
  const current = programme.levels[level - 1]!;
  if (ruleFor(ruleSet, 'no_soreness').action.levelChange !== 1) return { kind: 'stay' };
  const next = programme.levels[level];
  if (next && later.blockedBy.some((b) => b.limit === 'entry_check')) {
    return {
      kind: 'entry_check',
      nextLevel: next.number,
      startsRunning: levelKind(current) === 'walk' && levelKind(next) !== 'walk',
    };
  }
  const cap = decision.blockedBy.find((b) => b.limit === 'advances_per_7_days');
  return {
    kind: next ? 'move_up' : 'finish',
    toLevel: next ? next.number : level,
    cleanNeeded: current.cleanSessionsToAdvance,
    cleanSoFar: Math.min(progress.cleanSessionsAtLevel, current.cleanSessionsToAdvance - 1),
    notBefore: cap?.until ?? null,
  };
}

/**
 * The self-check for a patient at `progress.currentLevel` of `programme`, with `ruleSet`, for runs
 * from `from` on (the handout's date, or the earliest next run if later). Dates are written in
 * the clinic's `order`, as everywhere else on the handout.
 */
export function selfCheckFor(
  ruleSet: RuleSet,
  programme: Programme,
  progress: Progress,
  context: DecisionContext,
  from: IsoDate,
  order: DayMonthOrder = 'dmy',
): SelfCheck {
  const level = progress.currentLevel;
  const current = programme.levels[level - 1];
  if (!current) throw new Error(`Level ${level} is not in the programme "${programme.name}".`);
  const walking = levelKind(current) === 'walk';
  const painLimit = lowerLimit(ruleSet.painLimit, programme.painLimit);
  // A run on `from` (the progress's own last run is before it).
  const runDate =
    progress.lastRunDate !== null && progress.lastRunDate >= from ? addDays(progress.lastRunDate, 1) : from;
  const base = cleanReport(runDate, level);
  const rows = situationsFor(context, painLimit).map((situation): SelfCheckRow => {
    const decision = decide(reportFor(situation, base, painLimit), progress, ruleSet, programme, context);
    let moveUp: MoveUp | null = null;
    if (situation === 'no_pain') {
      // A week later no advance of the progress still counts: what holds then is not the weekly limit.
      const later = decide({ ...base, runDate: addDays(runDate, 7) }, progress, ruleSet, programme, context);
      moveUp = moveUpOf(ruleSet, programme, progress, decision, later);
    }
    const fields = {
      situation,
      notice: noticeWords(situation, walking, painLimit, context.muscleStrain),
      stopRun: DURING.has(situation) ? stopsRun(ruleSet, situation, decision) : null,
      daysOff: decision.daysOff,
      levelAfter: situation === 'no_pain' ? level : decision.levelAfter,
      callClinic: decision.callClinic,
      moveUp,
    };
    // At Level 1 a rule that steps back keeps the patient there: say why the level does not drop.
    const stepsBack = ruleSet.rules.some((r) => decision.firedRules.includes(r.number) && r.action.levelChange < 0);
    const heldAtFirst = level === 1 && stepsBack;
    return { ...fields, action: actionWords(fields, level, current.minRestDays, walking, heldAtFirst, order) };
  });
  return { level, walking, painLimit, rows };
}

/** Whether the rules that fire for a during-run situation stop the run (pain above the call level always does). */
function stopsRun(ruleSet: RuleSet, situation: SelfCheckSituation, decision: Decision): boolean {
  if (situation === 'pain_over_call') return true;
  return ruleSet.rules.some((r) => decision.firedRules.includes(r.number) && r.action.stopRun);
}

function lowerLimit(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * A preview of a rule set's self-check for the settings screen: the rows a patient would get at
 * Level 2 of a three-level running programme with a day's rest between runs and one clean run to
 * move up, before any run. The handout prints `selfCheckFor` for the patient's own programme.
 */
export function selfCheckLines(ruleSet: RuleSet): string[] {
  const level = (number: number): Programme['levels'][number] => ({
    number,
    title: '',
    measure: 'time',
    bouts: [
      { activity: 'walk', amount: 1 },
      { activity: 'run', amount: number + 1 },
    ],
    repetitions: 4,
    untilTotal: null,
    effort: { kind: 'words', text: 'easy pace' },
    surface: 'level_ground',
    sessionsPerWeek: 3,
    minRestDays: 1,
    cleanSessionsToAdvance: 1,
    entryCheck: '',
    notes: '',
  });
  const programme: Programme = {
    id: 'preview',
    name: 'Preview',
    version: 1,
    source: 'Preview',
    basedOn: null,
    summary: '',
    warmUp: DEFAULT_WARM_UP,
    levels: [1, 2, 3].map(level),
    maxAdvancesPer7Days: null,
    painLimit: null,
  };
  const progress: Progress = {
    currentLevel: 2,
    cleanSessionsAtLevel: 0,
    advanceDates: [],
    lastRunDate: null,
    recentRunDates: [],
    earliestNextRun: null,
    clearedLevels: [],
  };
  const check = selfCheckFor(ruleSet, programme, progress, { muscleStrain: false }, '2026-01-05');
  return [...check.rows.map((r) => `${r.notice}: ${r.action}`), PRECEDENCE];
}
