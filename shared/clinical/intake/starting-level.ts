/**
 * Where in a running programme (shared/clinical/programme.ts) the patient starts, from the
 * readiness recommendation. Programmes list their walking stages first; the readiness checklist is
 * the entry check of the first level with running in it ("once cleared", docs/clinical-sources.md#programmes).
 */
import { levelKind, type RunLevel } from '../programme';
import type { Recommendation } from './readiness';

export type StartingLevel =
  | { kind: 'level'; levelNumber: number; levelTitle: string }
  /** No level to start: a red flag to assess, or a programme without the stage asked for. */
  | { kind: 'none'; reason: string };

/**
 * - walking stage   -> the programme's first walking-only level (comfortable walking first);
 * - running level 1 -> its first level that includes running;
 * - not ready       -> no level.
 */
export function startingLevel(
  recommendation: Recommendation,
  programme: { levels: readonly Pick<RunLevel, 'number' | 'title' | 'bouts'>[] },
): StartingLevel {
  if (recommendation === 'not_ready_refer') {
    return { kind: 'none', reason: 'A red flag is positive: assess further or refer before any programme level.' };
  }
  const wantWalking = recommendation === 'walking_stage';
  const level = programme.levels.find((l) => (levelKind(l) === 'walk') === wantWalking);
  if (level !== undefined) return { kind: 'level', levelNumber: level.number, levelTitle: level.title };
  return {
    kind: 'none',
    reason: wantWalking
      ? 'This programme has no walking stage: walk (comfortable, then brisk) before its first level.'
      : 'This programme has no level with running.',
  };
}
