/**
 * The soreness-rules engine: one pure function, `decide(report, progress, ruleSet, programme,
 * context)`, from what the patient reports about a run to what happens next. No clock and no I/O:
 * every date comes in with the report. Same input, same decision.
 *
 * How it decides (the points docs/clinical-sources.md#soreness-rules asks to settle explicitly):
 *
 * 1. Which rules fire. The warm-up answer gives at most one rule: soreness that continued (rule 1
 *    in the shipped sets), went away and stayed away (rule 2), or went away and came back during
 *    the run (rule 3 only: that is rule 2's situation gone wrong, not rule 2 as well). Pain that
 *    started during the run fires rule 6; a limp or changed stride, or pain that started or came
 *    back during the run and is still there the next day (at the injury, or not muscular), fires
 *    rule 7. The day-after answer "not muscular" fires rule 4, and so does soreness at the injury
 *    site (see point 10 for a muscle strain); general muscle soreness (DOMS) away from the injury
 *    fires nothing. The no-soreness rule (rule 5) fires only when no other rule did.
 * 2. Several rules at once: the most conservative wins. The rules' days off are the most of any rule
 *    that fired, the level change the lowest, and the patient calls the clinic if any rule says so.
 *    The governing rule, named in the reason, is the one with the lowest level change, then the
 *    most days off, then the lowest number. The handout's self-check prints this precedence.
 * 3. Days off are full days without running after the run day: a run on day D with 2 days off
 *    means no running on D+1 and D+2, and the earliest next run is D+3 (D + days off + 1). The days
 *    off are the level's routine rest (its minimum rest days) plus the rule's days off: a rule's
 *    rest comes on top of the routine rest, so rule 4's day off moves the next run a day later
 *    than a clean session would. The next run also waits while the level's sessions a week are
 *    used up by the runs of the last 7 days (next-run.ts, the one date function).
 * 4. The level never goes below the first or above the last. No soreness at the last level, with
 *    the limits below met, completes the programme (the level stays the last one): completing is
 *    treated as one more advance, so it waits for the same limits.
 * 5. Swelling reported is treated like non-muscular soreness the day after (rule 4: no advance,
 *    1 day off in the shipped sets). The references agree swelling means "do not move up" (the
 *    Delaware table moves up only "without more swelling or pain"; the military table: swelling,
 *    stiffness or more pain, "do not progress"), and docs/clinical-sources.md#stop-and-call lists swelling among the
 *    stop-and-call signs, so the patient is also told to call the clinic and the clinician alerted.
 * 6. Pain scores never choose a soreness rule on their own: the report must answer the soreness
 *    questions. A pain score is a limit on rule 5: pain during or after the run above the pain limit
 *    (the lower of the rule set's and the programme's) means the run was not clean, so the patient
 *    stays at the level and the clean-session count restarts. Pain above 3/10 during the run is a
 *    stop-and-call sign (docs/clinical-sources.md#stop-and-call): the patient is told to call and the clinician
 *    alerted.
 * 7. Limits on moving up (data, not code), checked only for a clean session under rule 5: clean
 *    sessions in a row needed at the level (this run counts), at most N advances in any 7 days (the
 *    lower of the rule set's and the programme's limit; advances on the run date and the 6 days
 *    before count), and the next level's entry check signed off by the clinician. Any of them
 *    holds the patient at the level; the reason names every limit that held them.
 * 8. The level run differs from the planned level: soreness is judged on the load actually run,
 *    but never to the patient's gain. Soreness rules count from the lower of the level run and the
 *    planned level. A run at another level is not a clean session for the plan: no advance, and
 *    the clean-session count is left as it was. The clinician is alerted.
 * 9. Missing answers never mean "no symptoms" (the brief: where the rules say nothing, hold, ask
 *    or call, never advance). Every answer is required, and "not known" is an explicit answer. The
 *    rules fire on what is known; if nothing fired, a report with any answer not known, or a
 *    session stopped early (or not known to be completed), is not a clean session: rule 5 is held
 *    by that limit, the clean-session count restarts, and the clinician is told which answers to
 *    ask for.
 * 10. Soreness at the injury site the day after a muscle strain (hamstring, calf: context
 *    `muscleStrain`) is the warning sign that general muscle soreness is not (docs/clinical-sources.md#readiness,
 *    Heiderscheit 2010): it counts as the rule the rule set names (`strainSiteSorenessCountsAs`:
 *    rule 2, hold, or rule 4, a day off and no advance), and the reason says so. For any other
 *    injury, soreness at the injury site is tendon, bone or joint soreness: rule 4.
 *
 * Inputs are expected to be parsed already; `problemsWith` lists what does not fit (in the
 * clinician's words) and `decide` throws a DecisionInputError carrying that list.
 */
import type { IsoDate } from '../time/dates';
import { addDays, daysBetween } from '../time/dates';
import type { BlockedAdvance, Decision } from './decision';
import type { Programme, RunLevel } from './programme';
import { levelKind, Programme as ProgrammeSchema } from './programme';
import type { Progress } from './progress';
import { Progress as ProgressSchema } from './progress';
import type { RuleSet, SorenessRule, Trigger } from './rule-set';
import { RuleSet as RuleSetSchema } from './rule-set';
import { nextRunDate } from './next-run';
import type { SorenessReport } from './soreness-report';
import { painValue, SorenessReport as SorenessReportSchema } from './soreness-report';
import { dayCount, longDate, lowerFirst, withoutFinalStop } from './wording';

/** Pain during a run above this is a stop-and-call sign (docs/clinical-sources.md#stop-and-call). */
export const CALL_CLINIC_PAIN_DURING = 3;

export class DecisionInputError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join(' '));
    this.name = 'DecisionInputError';
    this.problems = problems;
  }
}

/** What the engine knows about the episode beyond the report. */
export interface DecisionContext {
  /** The injury is a muscle strain (hamstring, calf): soreness at the injury site is a warning (point 10). */
  muscleStrain: boolean;
}

export const NO_CONTEXT: DecisionContext = { muscleStrain: false };

/** Whether the day-after answer is soreness that is a warning sign (not general muscle soreness). */
function nextDayWarning(report: SorenessReport): boolean {
  return report.nextDay === 'not_muscular' || report.nextDay === 'injury_site';
}

/** The triggers a report's answers meet (points 1, 5 and 10 above). */
export function triggersOf(report: SorenessReport, ruleSet: RuleSet, context: DecisionContext = NO_CONTEXT): Trigger[] {
  const triggers = new Set<Trigger>();
  if (report.warmUp === 'continued') triggers.add('warm_up_continued');
  if (report.warmUp === 'went_away') {
    triggers.add(report.cameBackDuringRun === true ? 'warm_up_came_back' : 'warm_up_went_away');
  }
  if (report.painStartedInRun === true) triggers.add('pain_started_in_run');
  const runPain = report.painStartedInRun === true || report.cameBackDuringRun === true;
  if (report.limp === true || (runPain && nextDayWarning(report))) triggers.add('limp_or_lasting');
  if (report.nextDay === 'not_muscular' || report.swelling === true) triggers.add('next_day_not_muscular');
  if (report.nextDay === 'injury_site') {
    triggers.add(context.muscleStrain ? ruleSet.strainSiteSorenessCountsAs : 'next_day_not_muscular');
  }
  if (triggers.size === 0) triggers.add('no_soreness');
  return [...triggers];
}

/** The answers the decision depends on that are not known, in the clinician's words (point 9). */
export function missingAnswers(report: SorenessReport): string[] {
  const missing: string[] = [];
  if (report.warmUp === 'unknown') missing.push('the warm-up');
  if (report.cameBackDuringRun === 'unknown') missing.push('whether the warm-up soreness came back');
  if (report.painStartedInRun === 'unknown') missing.push('whether pain started during the run');
  if (report.limp === 'unknown') missing.push('a limp or changed stride');
  if (report.nextDay === 'unknown') missing.push('the day after');
  if (report.painDuring === 'unknown') missing.push('pain during the run');
  if (report.painAfter === 'unknown') missing.push('pain after the run');
  if (report.swelling === 'unknown') missing.push('swelling');
  return missing;
}

/** Lowest level change, then most days off, then lowest rule number. */
function mostConservative(rules: readonly SorenessRule[]): SorenessRule {
  const sorted = [...rules].sort(
    (a, b) => a.action.levelChange - b.action.levelChange || b.action.daysOff - a.action.daysOff || a.number - b.number,
  );
  const first = sorted[0];
  if (!first) throw new Error('No rule fired: the rule set is missing a rule (parse it with RuleSet first).');
  return first;
}

function lowerLimit(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Inputs that do not fit together, in the clinician's words; empty when `decide` can run. */
export function problemsWith(
  report: SorenessReport,
  progress: Progress,
  ruleSet: RuleSet,
  programme: Programme,
): string[] {
  const problems: string[] = [];
  const checks = [
    ['Report', SorenessReportSchema.safeParse(report)],
    ['Progress', ProgressSchema.safeParse(progress)],
    [`Rule set "${ruleSet.name}"`, RuleSetSchema.safeParse(ruleSet)],
    [`Programme "${programme.name}"`, ProgrammeSchema.safeParse(programme)],
  ] as const;
  for (const [what, result] of checks) {
    if (!result.success) problems.push(...result.error.issues.map((issue) => `${what}: ${issue.message}`));
  }
  if (problems.length > 0) return problems;
  const last = programme.levels.length;
  if (report.levelRun > last) {
    problems.push(
      `The report says Level ${report.levelRun}, but "${programme.name}" has levels 1 to ${last}: correct the level run.`,
    );
  }
  if (progress.currentLevel > last) {
    problems.push(
      `The patient's level (${progress.currentLevel}) is not in "${programme.name}" (levels 1 to ${last}): set the patient's level first.`,
    );
  }
  if (progress.lastRunDate !== null && report.runDate <= progress.lastRunDate) {
    problems.push(
      `The run date ${report.runDate} is not after the last reported run (${progress.lastRunDate}): check the date.`,
    );
  }
  return problems;
}

function levelOf(programme: Programme, number: number): RunLevel {
  const level = programme.levels[number - 1];
  if (!level) throw new DecisionInputError([`"${programme.name}" has no Level ${number}.`]);
  return level;
}

function painBlock(report: SorenessReport, ruleSet: RuleSet, programme: Programme): BlockedAdvance | null {
  const limit = lowerLimit(ruleSet.painLimit, programme.painLimit);
  if (limit === null) return null;
  const over: string[] = [];
  const during = painValue(report.painDuring);
  const after = painValue(report.painAfter);
  if (during !== null && during > limit) over.push(`${during}/10 during the run`);
  if (after !== null && after > limit) {
    over.push(over.length > 0 ? `${after}/10 after it` : `${after}/10 after the run`);
  }
  if (over.length === 0) return null;
  return { limit: 'pain', detail: `pain ${over.join(' and ')} is above the ${limit}/10 limit for a clean session` };
}

/** The limits that hold a clean session at the planned level (point 7). */
function advanceLimits(
  report: SorenessReport,
  progress: Progress,
  ruleSet: RuleSet,
  programme: Programme,
  cleanSessions: number,
): BlockedAdvance[] {
  const blocked: BlockedAdvance[] = [];
  const planned = levelOf(programme, progress.currentLevel);
  if (cleanSessions < planned.cleanSessionsToAdvance) {
    blocked.push({
      limit: 'clean_sessions',
      detail: `only ${cleanSessions} of ${planned.cleanSessionsToAdvance} clean sessions at this level yet`,
    });
  }
  const cap = lowerLimit(ruleSet.maxAdvancesPer7Days, programme.maxAdvancesPer7Days);
  if (cap !== null) {
    const recent = progress.advanceDates
      .filter((date) => {
        const age = daysBetween(date, report.runDate);
        return age >= 0 && age < 7;
      })
      .sort();
    if (recent.length >= cap) {
      const whose = cap === ruleSet.maxAdvancesPer7Days ? 'the rule set' : 'the programme';
      // The window frees up 7 days after the advance that must drop out of it.
      const oldestThatMustLeave = recent[recent.length - cap] as IsoDate;
      const freeFrom = addDays(oldestThatMustLeave, 7);
      blocked.push({
        limit: 'advances_per_7_days',
        until: freeFrom,
        detail:
          `${recent.length} advance${recent.length === 1 ? '' : 's'} already in the last 7 days ` +
          `(${whose} allows ${cap}), so the next can come from ${longDate(freeFrom)}`,
      });
    }
  }
  const next = programme.levels[planned.number];
  if (next && next.entryCheck !== '' && !progress.clearedLevels.includes(next.number)) {
    blocked.push({
      limit: 'entry_check',
      detail: `Level ${next.number} needs your entry check first (${lowerFirst(withoutFinalStop(next.entryCheck))})`,
    });
  }
  return blocked;
}

function joinClauses(clauses: readonly string[]): string {
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join(', ')} and ${clauses[clauses.length - 1] ?? ''}`;
}

interface Outcome {
  levelAfter: number;
  cleanSession: boolean;
  cleanSessionsAtLevel: number;
  programmeComplete: boolean;
  blockedBy: BlockedAdvance[];
}

/** The decision for one run. Throws DecisionInputError when `problemsWith` finds anything. */
export function decide(
  report: SorenessReport,
  progress: Progress,
  ruleSet: RuleSet,
  programme: Programme,
  context: DecisionContext = NO_CONTEXT,
): Decision {
  const problems = problemsWith(report, progress, ruleSet, programme);
  if (problems.length > 0) throw new DecisionInputError(problems);

  const last = programme.levels.length;
  const planned = progress.currentLevel;
  const levelRun = levelOf(programme, report.levelRun);
  const offPlan = report.levelRun !== planned;

  const triggers = triggersOf(report, ruleSet, context);
  const fired = ruleSet.rules.filter((r) => triggers.includes(r.trigger)).sort((a, b) => a.number - b.number);
  const governing = mostConservative(fired);
  const soreness = fired.filter((r) => r.trigger !== 'no_soreness');

  let outcome: Outcome;
  if (soreness.length > 0) {
    const from = Math.min(report.levelRun, planned);
    const change = Math.min(...soreness.map((r) => r.action.levelChange));
    outcome = {
      levelAfter: clamp(from + change, 1, last),
      cleanSession: false,
      cleanSessionsAtLevel: 0,
      programmeComplete: false,
      blockedBy: [],
    };
  } else {
    const blockedBy: BlockedAdvance[] = [];
    const missing = missingAnswers(report);
    if (missing.length > 0) {
      blockedBy.push({
        limit: 'answers_missing',
        detail: `${joinClauses(missing)} ${missing.length === 1 ? 'is' : 'are'} not known`,
      });
    }
    if (report.completed !== 'as_written') {
      blockedBy.push({
        limit: 'not_completed',
        detail:
          report.completed === 'stopped_early'
            ? 'the session was stopped early'
            : 'whether the session was completed is not known',
      });
    }
    const pain = painBlock(report, ruleSet, programme);
    if (pain) blockedBy.push(pain);
    if (offPlan) {
      blockedBy.push({
        limit: 'level_run_differs',
        detail: `Level ${report.levelRun} was run instead of the planned Level ${planned}`,
      });
    }
    const cleanSession = blockedBy.length === 0;
    // A clean run at another level says nothing about the planned one: its count is kept. Any
    // other run that is not clean (pain, answers not known, stopped early) restarts it: "in a row".
    let cleanSessions = cleanSession ? progress.cleanSessionsAtLevel + 1 : 0;
    if (!cleanSession && blockedBy.every((b) => b.limit === 'level_run_differs')) {
      cleanSessions = progress.cleanSessionsAtLevel;
    }
    const wantsUp = governing.action.levelChange === 1;
    if (cleanSession && wantsUp) blockedBy.push(...advanceLimits(report, progress, ruleSet, programme, cleanSessions));
    const advance = cleanSession && wantsUp && blockedBy.length === 0;
    outcome = {
      levelAfter: advance && planned < last ? planned + 1 : planned,
      cleanSession,
      cleanSessionsAtLevel: advance && planned < last ? 0 : cleanSessions,
      programmeComplete: advance && planned === last,
      blockedBy,
    };
  }

  const ruleDaysOff = Math.max(...fired.map((r) => r.action.daysOff));
  const daysOff = levelRun.minRestDays + ruleDaysOff;
  const levelNext = levelOf(programme, outcome.levelAfter);
  const earliestNextRun = nextRunDate(report.runDate, daysOff, levelNext, progress.recentRunDates);

  const painDuring = painValue(report.painDuring);
  const callClinic =
    fired.some((r) => r.action.callClinic) ||
    report.swelling === true ||
    (painDuring !== null && painDuring > CALL_CLINIC_PAIN_DURING);
  const decisionCore = {
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    programme: { id: programme.id, version: programme.version },
    runDate: report.runDate,
    levelRun: report.levelRun,
    levelBefore: planned,
    firedRules: fired.map((r) => r.number),
    governingRule: governing.number,
    daysOff,
    earliestNextRun,
    levelChange: outcome.levelAfter - planned,
    ...outcome,
    alerts: alertsFor(report, progress, ruleSet, planned, fired, context),
    callClinic,
  };
  return {
    ...decisionCore,
    reason: reasonFor(decisionCore, fired, governing, levelRun, last, report, context, ruleSet),
    patientInstruction: patientInstructionFor(decisionCore, report, ruleSet, programme),
  };
}

type DecisionCore = Omit<Decision, 'reason' | 'patientInstruction'>;

function alertsFor(
  report: SorenessReport,
  progress: Progress,
  ruleSet: RuleSet,
  planned: number,
  fired: readonly SorenessRule[],
  context: DecisionContext,
): string[] {
  const alerts: string[] = [];
  for (const rule of fired) {
    if (rule.action.callClinic) {
      alerts.push(
        `Rule ${rule.number} (${lowerFirst(withoutFinalStop(rule.condition))}) tells the patient to call: review before the next run.`,
      );
    }
  }
  if (report.swelling === true) {
    const rule = ruleSet.rules.find((r) => r.trigger === 'next_day_not_muscular');
    alerts.push(
      `Swelling reported: counted as rule ${rule?.number ?? '?'} (non-muscular soreness); check for effusion before the next run.`,
    );
  }
  const painDuring = painValue(report.painDuring);
  if (painDuring !== null && painDuring > CALL_CLINIC_PAIN_DURING) {
    alerts.push(
      `Pain ${painDuring}/10 during the run is above ${CALL_CLINIC_PAIN_DURING}/10, a stop-and-call sign: review before the next run.`,
    );
  }
  if (report.nextDay === 'injury_site' && context.muscleStrain) {
    const rule = ruleSet.rules.find((r) => r.trigger === ruleSet.strainSiteSorenessCountsAs);
    alerts.push(
      `Soreness at the injury site the day after a muscle strain is a warning sign, not ordinary muscle soreness: counted as rule ${rule?.number ?? '?'}.`,
    );
  }
  const missing = missingAnswers(report);
  if (missing.length > 0) {
    alerts.push(`Ask the patient about ${joinClauses(missing)}: the decision holds the level until it is known.`);
  }
  if (report.levelRun !== planned) {
    const how = report.levelRun > planned ? 'ahead of' : 'below';
    alerts.push(
      `Level ${report.levelRun} was run ${how} the planned Level ${planned}: check the plan with the patient.`,
    );
  }
  if (progress.earliestNextRun !== null && report.runDate < progress.earliestNextRun) {
    alerts.push(
      `This run came before the earliest date set last time (${longDate(progress.earliestNextRun)}): the rest was cut short.`,
    );
  }
  return alerts;
}

function daysOffClause(d: DecisionCore, fired: readonly SorenessRule[], run: RunLevel): string {
  const base = `${dayCount(d.daysOff)} off`;
  const ruleDays = d.daysOff - run.minRestDays;
  if (run.minRestDays === 0 || d.daysOff === 0) return base;
  if (ruleDays === 0) return `${base} (the level's minimum rest)`;
  const from = fired.find((r) => r.action.daysOff === ruleDays);
  return `${base} (the level's minimum rest of ${dayCount(run.minRestDays)} and ${dayCount(ruleDays)} for rule ${from?.number ?? '?'})`;
}

/** One sentence for the clinician that names the governing rule and, where it applies, the limit. */
function reasonFor(
  d: DecisionCore,
  fired: readonly SorenessRule[],
  governing: SorenessRule,
  run: RunLevel,
  last: number,
  report: SorenessReport,
  context: DecisionContext,
  ruleSet: RuleSet,
): string {
  const strainSite =
    report.nextDay === 'injury_site' && context.muscleStrain && governing.trigger === ruleSet.strainSiteSorenessCountsAs
      ? ', for soreness at the injury site the day after a muscle strain'
      : '';
  const rule = `Rule ${governing.number} (${lowerFirst(withoutFinalStop(governing.condition))}${strainSite})`;
  const others = fired.filter((r) => r !== governing).map((r) => r.number);
  const head =
    others.length === 0
      ? rule
      : `${rule} governs, with rule${others.length === 1 ? '' : 's'} ${joinClauses(others.map(String))} also met`;
  const days = daysOffClause(d, fired, run);
  const before = d.levelBefore;

  if (governing.trigger !== 'no_soreness') {
    const from = Math.min(d.levelRun, before);
    let level: string;
    if (d.levelAfter < before) level = `down from Level ${before} to Level ${d.levelAfter}`;
    else if (governing.action.levelChange < 0 && d.levelAfter === 1) level = `stay at Level 1, the first level`;
    else level = `stay at Level ${d.levelAfter}`;
    if (from !== before && d.levelAfter < before) level += `, counted from Level ${from} that was run`;
    return `${head}: ${days} and ${level}.`;
  }
  if (d.programmeComplete) return `${head} at the last level (Level ${last}): programme complete, ${days}.`;
  if (d.levelChange > 0) return `${head}: move up from Level ${before} to Level ${d.levelAfter}, ${days}.`;
  if (d.blockedBy.length > 0) {
    return `${head} applies, but ${joinClauses(d.blockedBy.map((b) => b.detail))}: stay at Level ${before}, ${days}.`;
  }
  return `${head}: stay at Level ${before} (this rule set does not move up on its own), ${days}.`;
}

/** Plain words for the patient: what to do, until when, at which level. */
function patientInstructionFor(
  d: DecisionCore,
  report: SorenessReport,
  ruleSet: RuleSet,
  programme: Programme,
): string {
  const next = levelOf(programme, d.levelAfter);
  const activity = levelKind(next) === 'walk' ? 'walk' : 'run';
  const sentences: string[] = [];
  if (d.programmeComplete) sentences.push('Well done: you have finished this programme.');
  else if (d.levelChange > 0) sentences.push('Well done.');
  if (d.daysOff > 0) sentences.push(`Take ${dayCount(d.daysOff)} off.`);
  if (d.programmeComplete) {
    sentences.push(`You can run again on ${longDate(d.earliestNextRun)}.`, 'Ask the clinic what to do next.');
  } else {
    sentences.push(`Your next ${activity} can be on ${longDate(d.earliestNextRun)}.`);
    if (d.levelChange > 0) sentences.push(`Move up to Level ${d.levelAfter}.`);
    else if (d.levelChange < 0) sentences.push(`Go back to Level ${d.levelAfter}.`);
    else if (d.blockedBy.length > 0) sentences.push(`Do Level ${d.levelAfter} again.`);
    else sentences.push(`Stay at Level ${d.levelAfter}.`);
    for (const b of d.blockedBy) sentences.push(patientWhy(b, d, report, ruleSet, programme, activity));
  }
  if (report.swelling === true) sentences.push('You had swelling.');
  else if (report.limp === true) sentences.push('You had a limp.');
  else if (d.callClinic && !d.blockedBy.some((b) => b.limit === 'pain')) sentences.push('Your pain was high.');
  if (d.callClinic) sentences.push('Call the clinic before you run again.');
  return sentences.join(' ');
}

function patientWhy(
  b: BlockedAdvance,
  d: DecisionCore,
  report: SorenessReport,
  ruleSet: RuleSet,
  programme: Programme,
  activity: string,
): string {
  switch (b.limit) {
    case 'pain':
      return `Your pain was more than ${lowerLimit(ruleSet.painLimit, programme.painLimit) ?? 10} out of 10.`;
    case 'level_run_differs':
      return `You did Level ${report.levelRun}, not Level ${d.levelBefore}.`;
    case 'clean_sessions': {
      const needed = levelOf(programme, d.levelBefore).cleanSessionsToAdvance;
      return `You need ${needed} pain-free ${activity}s in a row at this level.`;
    }
    case 'advances_per_7_days': {
      const cap = lowerLimit(ruleSet.maxAdvancesPer7Days, programme.maxAdvancesPer7Days) ?? 1;
      return `You can move up only ${cap === 1 ? 'once' : `${cap} times`} in 7 days.`;
    }
    case 'entry_check':
      return 'The clinic needs to check you before the next level.';
    case 'answers_missing':
      return 'Some answers are missing. Tell the clinic how it felt.';
    case 'not_completed':
      return report.completed === 'stopped_early'
        ? `You stopped early, so do the whole ${activity} again first.`
        : `Tell the clinic if you did the whole ${activity}.`;
  }
}
