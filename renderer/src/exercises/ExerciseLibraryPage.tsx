/** The exercise library: browse, search and filter the built-in exercises and the clinic's own. */
import { useId, useMemo, useState } from 'react';
import { describeDosage } from '../../../shared/clinical/exercises/dosage';
import { BODY_REGION_LABELS, EXERCISE_TYPE_LABELS } from '../../../shared/clinical/exercises/exercise';
import { hrefOf } from '../app/router';
import { EmptyState, ErrorNotice, Loading } from '../ui/feedback';
import { ExercisePicture } from './ExercisePicture';
import type { LibraryEntry, LibraryFilter } from './library';
import { filterLibrary, NO_FILTER, useLibrary } from './library';
import { LibraryFilters } from './LibraryFilters';

export function ExerciseLibraryPage() {
  const [showRetired, setShowRetired] = useState(false);
  const library = useLibrary(showRetired);
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const shown = useMemo(
    () => (library.entries ? filterLibrary(library.entries, filter) : null),
    [library.entries, filter],
  );

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>Exercise library</h1>
          <p className="muted page__subtitle">
            Built-in exercises for runners, and your clinic’s own. Open one to read it in full, copy it to make your
            version, or prescribe it from a patient’s episode.
          </p>
        </div>
        <a className="button button--primary" href={hrefOf({ name: 'exercise-new' })}>
          New exercise
        </a>
      </div>
      <LibraryFilters filter={filter} onChange={setFilter} showSource />
      <label className="checkbox library-retired">
        <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
        Show retired clinic exercises
      </label>
      {library.error ? <ErrorNotice error={library.error} /> : null}
      {shown === null && !library.error ? <Loading label="Loading the exercise library…" /> : null}
      {shown ? (
        <>
          <p className="result-count" role="status" aria-live="polite">
            {shown.length === library.entries?.length
              ? `${shown.length} exercises`
              : `${shown.length} of ${library.entries?.length ?? 0} exercises match`}
          </p>
          {shown.length === 0 ? (
            <EmptyState
              title="No exercise matches"
              action={
                <button type="button" className="button button--secondary" onClick={() => setFilter(NO_FILTER)}>
                  Clear the search and filters
                </button>
              }
            >
              <p>Try fewer words, or another body region or type.</p>
            </EmptyState>
          ) : (
            <ul className="exercise-grid" aria-label="Exercises">
              {shown.map((entry) => (
                <ExerciseCard key={entry.exercise.id} entry={entry} />
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}

function ExerciseCard({ entry }: { entry: LibraryEntry }) {
  const { exercise } = entry;
  const id = useId();
  return (
    <li className={`exercise-card${entry.clinic?.retired ? ' exercise-card--retired' : ''}`}>
      <a
        className="exercise-card__link"
        href={hrefOf({ name: 'exercise', id: exercise.id })}
        aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-purpose ${id}-dosage`}
      >
        <ExercisePicture exercise={exercise} size="card" decorative />
        <span className="exercise-card__body">
          <span id={`${id}-name`} className="exercise-card__name">
            {exercise.name}
            {entry.source === 'clinic' ? <span className="visually-hidden"> (clinic’s own)</span> : null}
            {entry.clinic?.retired ? <span className="visually-hidden"> (retired)</span> : null}
          </span>
          <span id={`${id}-purpose`} className="exercise-card__purpose">
            {exercise.purpose}
          </span>
          <span className="exercise-card__tags">
            <span className={`tag tag--${exercise.tags.type}`}>{EXERCISE_TYPE_LABELS[exercise.tags.type]}</span>
            {exercise.tags.regions.map((r) => (
              <span key={r} className="tag">
                {BODY_REGION_LABELS[r]}
              </span>
            ))}
          </span>
          <span id={`${id}-dosage`} className="exercise-card__dosage">
            {describeDosage(exercise.dosage)}
          </span>
          {entry.source === 'clinic' ? (
            <span className="exercise-card__badges">
              <span className="badge badge--info">Clinic’s own</span>
              {entry.clinic?.retired ? <span className="badge badge--muted">Retired</span> : null}
            </span>
          ) : null}
        </span>
      </a>
    </li>
  );
}
