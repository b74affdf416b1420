/**
 * Builders for the parts of HandoutData that come from other features' records, as pure
 * functions of those records' shared types: the running part from a programme and the patient's
 * progress in it, and an exercise from a prescribed exercise. The collector in main/records uses
 * them once the programme and prescription records exist; tests use them to build fixtures.
 */
import type { Dosage } from '../clinical/exercises/dosage';
import type { Exercise } from '../clinical/exercises/exercise';
import type { DecisionContext } from '../clinical/engine';
import { findExercise } from '../clinical/exercises/lookup';
import type { Programme } from '../clinical/programme';
import { levelAt, levelKind } from '../clinical/programme';
import type { Progress } from '../clinical/progress';
import type { RuleSet } from '../clinical/rule-set';
import type { CourseStep } from '../clinical/check-in';
import { selfCheckFor } from '../clinical/self-check';
import { longDate } from '../clinical/wording';
import type { IsoDate } from '../time/dates';
import type { DateOrder, HandoutExercise, HandoutRunning } from './handout-data';
import { MAX_NEXT_LEVELS } from './handout-data';
import { planEnd, plannedRunDates } from './plan';

/** Coming levels the handout shows: enough to see the way ahead, few enough to stay short. */
export const NEXT_LEVELS_SHOWN = 3;

/**
 * The running part for a patient at `progress.currentLevel` of `programme`, given on `today`:
 * the next run is the earliest the last decision allows (never before today), the runs are
 * planned from it until the next visit (or two weeks), counting the runs of the last week, and
 * the self-check is rendered from the engine's decisions for this patient (self-check.ts).
 */
export function runningPart(
  programme: Programme,
  progress: Progress,
  ruleSet: RuleSet,
  context: DecisionContext,
  today: IsoDate,
  nextVisit: IsoDate | null,
  more: { dateOrder?: DateOrder; lastStep?: CourseStep | null } = {},
): HandoutRunning {
  const current = levelAt(programme, progress.currentLevel);
  if (!current) {
    throw new Error(`Level ${progress.currentLevel} is not in the programme "${programme.name}".`);
  }
  const dateOrder = more.dateOrder ?? 'dmy';
  const nextRun =
    progress.earliestNextRun !== null && progress.earliestNextRun > today ? progress.earliestNextRun : today;
  const nextLevels = programme.levels.slice(
    current.number,
    current.number + Math.min(NEXT_LEVELS_SHOWN, MAX_NEXT_LEVELS),
  );
  const until = planEnd(today, nextVisit);
  const planned = plannedRunDates(nextRun, current, until, progress.recentRunDates);
  return {
    programmeName: programme.name,
    programmeSource: programme.source,
    levelCount: programme.levels.length,
    currentLevel: current,
    nextLevels,
    nextRunDate: planned[0] ?? null,
    plannedRunDates: planned,
    selfCheck: selfCheckFor(ruleSet, programme, progress, context, nextRun, dateOrder),
    warmUp: programme.warmUp,
    levelReason: levelReason(programme, progress, more.lastStep ?? null, dateOrder),
  };
}

/**
 * One sentence on why the patient is at this level, from the last check-in that stands: moved up,
 * went back, set by the physio, or held (with the clean runs still needed). The self-check says
 * what to do next; this says how the patient got here, so the level on paper is no surprise.
 */
export function levelReason(
  programme: Programme,
  progress: Progress,
  step: CourseStep | null,
  order: DateOrder,
): string {
  const level = progress.currentLevel;
  if (step === null) return `Level ${level} is where your plan starts.`;
  const before = levelAt(programme, step.levelBefore);
  const outing = before && levelKind(before) === 'walk' ? 'walk' : 'run';
  const after = `after your ${outing} on ${longDate(step.runDate, order)}`;
  if (step.override !== null && step.override.levelAfter !== step.levelAfter) {
    return `Your physio chose Level ${level} for you ${after}.`;
  }
  if (level > step.levelBefore) return `You moved up from Level ${step.levelBefore} to Level ${level} ${after}.`;
  if (level < step.levelBefore) {
    return `You went back from Level ${step.levelBefore} to Level ${level} ${after}, because of how it felt.`;
  }
  const needed = levelAt(programme, level)?.cleanSessionsToAdvance ?? 1;
  if (progress.cleanSessionsAtLevel > 0 && progress.cleanSessionsAtLevel < needed) {
    return (
      `You stay at Level ${level} for now. Your ${outing} on ${longDate(step.runDate, order)} went well, ` +
      `and this level needs ${needed} in a row: you have done ${progress.cleanSessionsAtLevel}.`
    );
  }
  return `You stay at Level ${level} ${after}.`;
}

/** The name of a library exercise by id, or null when the library has none (a deleted variant). */
export type ExerciseNameOf = (id: string) => string | null;

const builtInName: ExerciseNameOf = (id) => findExercise(id)?.name ?? null;

/**
 * One prescribed exercise for the handout: the exercise's patient text and picture, its common
 * mistakes and the names of its easier and harder versions (looked up in `nameOf`, the built-in
 * library by default; ids it does not know are left out), this patient's dose and note.
 */
export function exercisePart(
  exercise: Exercise,
  dosage: Dosage,
  note: string,
  nameOf: ExerciseNameOf = builtInName,
): HandoutExercise {
  const names = (ids: readonly string[]) => ids.flatMap((id) => nameOf(id) ?? []);
  return {
    id: exercise.id,
    name: exercise.name,
    purpose: exercise.purpose,
    startingPosition: exercise.startingPosition,
    steps: exercise.steps,
    cues: exercise.cues,
    illustration: exercise.illustration,
    dosage,
    note,
    mistakes: exercise.mistakes,
    easier: names(exercise.easier),
    harder: names(exercise.harder),
  };
}
