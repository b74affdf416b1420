/**
 * The starting point the clinician settles on after the readiness checklist: no running yet
 * (hold: assess further or refer), the walking stage, or running level N of the programme.
 *
 * The checklist recommends one (`recommendedStartingPoint`); the clinician accepts it, or picks
 * another and says why (`checkStartingChoice`). It is stored on the episode's intake record, and
 * the running programme starts from it (`programmeLevelFor`). Stage codes are stored: never
 * rename them.
 */
import { z } from 'zod';
import { optionalText } from '../../text/fields';
import { levelKind, type RunLevel } from '../programme';
import { wholeNumber, type FieldProblem } from './fields';
import type { Recommendation } from './readiness';
import { startingLevel, type StartingLevel } from './starting-level';

export const STARTING_STAGES = ['hold', 'walking', 'running'] as const;
export type StartingStage = (typeof STARTING_STAGES)[number];

/** Beyond this a running level is a typing slip: the longest published table has 8 levels. */
export const MAX_RUNNING_LEVEL = 30;

const STAGE_MESSAGE = 'Choose a starting point: not ready to run, walking stage, or a running level.';

export const StartingPoint = z.discriminatedUnion(
  'stage',
  [
    z.strictObject({ stage: z.literal('hold') }),
    z.strictObject({ stage: z.literal('walking') }),
    z.strictObject({
      stage: z.literal('running'),
      level: wholeNumber('Running level', 1, MAX_RUNNING_LEVEL),
    }),
  ],
  { error: (iss) => (iss.code === 'invalid_union' || iss.code === 'invalid_type' ? STAGE_MESSAGE : undefined) },
);
export type StartingPoint = z.infer<typeof StartingPoint>;

/** Why the clinician chose another starting point than the recommended one. */
export const StartingReason = optionalText('Reason for another starting point', 1000, 'multi');

/** The starting point the readiness checklist recommends. */
export function recommendedStartingPoint(recommendation: Recommendation): StartingPoint {
  switch (recommendation) {
    case 'not_ready_refer':
      return { stage: 'hold' };
    case 'walking_stage':
      return { stage: 'walking' };
    case 'running_level_1':
      return { stage: 'running', level: 1 };
  }
}

export function sameStartingPoint(a: StartingPoint, b: StartingPoint): boolean {
  if (a.stage !== b.stage) return false;
  return a.stage !== 'running' || b.stage !== 'running' || a.level === b.level;
}

/** "Walking stage", "Running level 2", "Not ready to run (assess further or refer)". */
export function describeStartingPoint(point: StartingPoint): string {
  switch (point.stage) {
    case 'hold':
      return 'Not ready to run (assess further or refer)';
    case 'walking':
      return 'Walking stage';
    case 'running':
      return `Running level ${point.level}`;
  }
}

/**
 * What blocks recording a choice: another point than the recommended one needs a reason, so the
 * note says why the checklist was not followed.
 */
export function checkStartingChoice(
  recommendation: Recommendation,
  choice: StartingPoint,
  reason: string,
): FieldProblem[] {
  const recommended = recommendedStartingPoint(recommendation);
  if (sameStartingPoint(recommended, choice) || reason.trim() !== '') return [];
  return [
    {
      path: 'reason',
      message: `Say why you chose ${describeStartingPoint(choice).toLowerCase()} instead of the recommended ${describeStartingPoint(recommended).toLowerCase()}.`,
    },
  ];
}

/** One line for the plan of the note: what was chosen, and how it relates to the checklist. */
export function startingPointLine(recommendation: Recommendation, choice: StartingPoint, reason: string): string {
  const recommended = recommendedStartingPoint(recommendation);
  if (sameStartingPoint(recommended, choice)) {
    return `Starting point: ${describeStartingPoint(choice).toLowerCase()}, as the readiness checklist recommends.`;
  }
  return (
    `Starting point: ${describeStartingPoint(choice).toLowerCase()}, chosen by the clinician instead of the ` +
    `recommended ${describeStartingPoint(recommended).toLowerCase()}. Reason: ${reason.trim()}`
  );
}

/**
 * The programme level to start at:
 * - hold            -> no level;
 * - walking         -> the programme's first walking-only level (as `startingLevel`);
 * - running level N -> the N-th level that includes running (level 1 is the first level with
 *                      running, whatever number the programme gives it).
 */
export function programmeLevelFor(
  point: StartingPoint,
  programme: { levels: readonly Pick<RunLevel, 'number' | 'title' | 'bouts'>[] },
): StartingLevel {
  if (point.stage === 'hold') return startingLevel('not_ready_refer', programme);
  if (point.stage === 'walking') return startingLevel('walking_stage', programme);
  const running = programme.levels.filter((l) => levelKind(l) !== 'walk');
  const level = running[point.level - 1];
  if (level !== undefined) return { kind: 'level', levelNumber: level.number, levelTitle: level.title };
  return {
    kind: 'none',
    reason:
      running.length === 0
        ? 'This programme has no level with running.'
        : `This programme has ${running.length} running ${running.length === 1 ? 'level' : 'levels'}: choose level ${running.length} or lower.`,
  };
}
