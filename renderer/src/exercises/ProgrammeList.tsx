/** A saved home exercise programme, read-only: in order, with picture, dosage in words and note. */
import { describeDosage } from '../../../shared/clinical/exercises/dosage';
import type { PrescribedExercise } from '../../../shared/domain/prescription';
import { sameDosage } from '../../../shared/domain/prescription';
import { hrefOf } from '../app/router';
import { ExercisePicture } from './ExercisePicture';

export function ProgrammeList({ items, label }: { items: readonly PrescribedExercise[]; label: string }) {
  return (
    <ol className="programme-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.position} className="programme-list__item">
          <span className="programme-list__number" aria-hidden="true">
            {item.position}
          </span>
          <ExercisePicture exercise={item.exercise} size="thumb" decorative />
          <div className="programme-list__body">
            <a className="programme-list__name" href={hrefOf({ name: 'exercise', id: item.exerciseId })}>
              {item.exercise.name}
            </a>
            <p className="programme-list__dosage">
              {describeDosage(item.dosage)}
              {sameDosage(item.dosage, item.exercise.dosage) ? null : (
                <span className="tag tag--custom">Custom dosage</span>
              )}
            </p>
            {item.note ? <p className="programme-list__note">Note: {item.note}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
