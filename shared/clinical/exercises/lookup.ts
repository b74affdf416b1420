/**
 * Finding exercises, following their variants, checking a library's cross-references, and
 * drawing an exercise's illustration.
 */
import type { Drawing } from '../../drawing/drawing';
import { drawingToSvg } from '../../drawing/svg';
import { renderScene } from '../pose/scene';
import type { Exercise } from './exercise';
import { BUILT_IN_EXERCISES } from './library/index';

export function findExercise(id: string, exercises: readonly Exercise[] = BUILT_IN_EXERCISES): Exercise | undefined {
  return exercises.find((e) => e.id === id);
}

/** The exercises one step easier (or harder) than `exercise`, skipping ids the library lacks. */
export function variantsOf(
  exercise: Pick<Exercise, 'easier' | 'harder'>,
  direction: 'easier' | 'harder',
  exercises: readonly Exercise[] = BUILT_IN_EXERCISES,
): Exercise[] {
  return exercise[direction].flatMap((id) => {
    const found = findExercise(id, exercises);
    return found ? [found] : [];
  });
}

export interface LibraryProblem {
  readonly exerciseId: string;
  /**
   * duplicate-id: two exercises share an id. unknown-variant: a variant id names no exercise.
   * one-way-variant: A lists B as harder but B does not list A as easier (or the reverse).
   */
  readonly kind: 'duplicate-id' | 'unknown-variant' | 'one-way-variant';
  readonly message: string;
}

/** Cross-reference checks a single exercise's schema cannot make. Empty when all is well. */
export function libraryProblems(exercises: readonly Exercise[]): LibraryProblem[] {
  const problems: LibraryProblem[] = [];
  const byId = new Map<string, Exercise>();
  for (const e of exercises) {
    if (byId.has(e.id)) {
      problems.push({
        exerciseId: e.id,
        kind: 'duplicate-id',
        message: `Two exercises use the id "${e.id}": give one a new id.`,
      });
    }
    byId.set(e.id, e);
  }
  for (const e of exercises) {
    for (const [direction, back] of [
      ['easier', 'harder'],
      ['harder', 'easier'],
    ] as const) {
      for (const id of e[direction]) {
        const other = byId.get(id);
        if (!other) {
          problems.push({
            exerciseId: e.id,
            kind: 'unknown-variant',
            message: `"${e.name}" lists "${id}" as ${direction}, but no exercise has that id.`,
          });
        } else if (!other[back].includes(e.id)) {
          problems.push({
            exerciseId: e.id,
            kind: 'one-way-variant',
            message: `"${e.name}" lists "${other.name}" as ${direction}, but "${other.name}" does not list it as ${back}.`,
          });
        }
      }
    }
  }
  return problems;
}

/**
 * The exercise's picture as a Drawing, titled with its name and described by its text
 * alternative. Null for an uploaded photo: the caller shows the stored image instead.
 */
export function illustrationDrawing(exercise: Pick<Exercise, 'name' | 'illustration'>): Drawing | null {
  const illustration = exercise.illustration;
  if (illustration.kind !== 'pose') return null;
  return renderScene(illustration.scene, { title: exercise.name, description: illustration.description });
}

/** The exercise's picture as a standalone SVG document, or null for an uploaded photo. */
export function illustrationSvg(
  exercise: Pick<Exercise, 'id' | 'name' | 'illustration'>,
  width?: string,
): string | null {
  const drawing = illustrationDrawing(exercise);
  return drawing ? drawingToSvg(drawing, { idPrefix: exercise.id, ...(width ? { width } : {}) }) : null;
}
