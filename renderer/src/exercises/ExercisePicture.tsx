/** An exercise's picture (pose drawing or uploaded photo) in a 4:3 frame, with its text alternative. */
import type { Exercise } from '../../../shared/clinical/exercises/exercise';
import { usePictureUrl } from './pictures';

export type PictureSize = 'thumb' | 'card' | 'large';

export function ExercisePicture({
  exercise,
  size,
  decorative = false,
}: {
  exercise: Pick<Exercise, 'id' | 'name' | 'illustration'>;
  size: PictureSize;
  /** True where the name is right beside it and the description would only repeat it aloud. */
  decorative?: boolean;
}) {
  const state = usePictureUrl(exercise);
  const alt = decorative ? '' : exercise.illustration.description;
  return (
    <div className={`exercise-picture exercise-picture--${size}`}>
      {state && 'url' in state ? (
        <img className="exercise-picture__img" src={state.url} alt={alt} />
      ) : state && 'error' in state ? (
        <span className="exercise-picture__missing">Picture could not be loaded</span>
      ) : (
        <span
          className="exercise-picture__loading"
          role={decorative ? undefined : 'img'}
          aria-label={alt || undefined}
        />
      )}
    </div>
  );
}
