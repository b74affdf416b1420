/** Search box and region / type filters over the exercise library. */
import { useId } from 'react';
import type { BodyRegion, ExerciseType } from '../../../shared/clinical/exercises/exercise';
import {
  BODY_REGION_LABELS,
  BODY_REGIONS,
  EXERCISE_TYPE_LABELS,
  EXERCISE_TYPES,
} from '../../../shared/clinical/exercises/exercise';
import type { LibraryFilter } from './library';

export function LibraryFilters({
  filter,
  onChange,
  showSource = false,
  searchLabel = 'Find an exercise',
  autoFocus = false,
}: {
  filter: LibraryFilter;
  onChange(filter: LibraryFilter): void;
  showSource?: boolean;
  searchLabel?: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="library-filters" role="search">
      <div className="field library-filters__search">
        <label className="field__label" htmlFor={`${id}-text`}>
          {searchLabel}
        </label>
        <input
          id={`${id}-text`}
          className="field__input"
          type="search"
          value={filter.text}
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
        <p id={`${id}-hint`} className="field__hint">
          Name, purpose or body part, like “calf” or “hip stretch”
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-region`}>
          Body region
        </label>
        <select
          id={`${id}-region`}
          className="field__input field__select"
          value={filter.region}
          onChange={(e) => onChange({ ...filter, region: e.target.value as BodyRegion | '' })}
        >
          <option value="">All regions</option>
          {BODY_REGIONS.map((r) => (
            <option key={r} value={r}>
              {BODY_REGION_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-type`}>
          Type
        </label>
        <select
          id={`${id}-type`}
          className="field__input field__select"
          value={filter.type}
          onChange={(e) => onChange({ ...filter, type: e.target.value as ExerciseType | '' })}
        >
          <option value="">All types</option>
          {EXERCISE_TYPES.map((t) => (
            <option key={t} value={t}>
              {EXERCISE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      {showSource ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-source`}>
            Source
          </label>
          <select
            id={`${id}-source`}
            className="field__input field__select"
            value={filter.source}
            onChange={(e) => onChange({ ...filter, source: e.target.value as LibraryFilter['source'] })}
          >
            <option value="">All sources</option>
            <option value="built-in">Built-in only</option>
            <option value="clinic">Clinic’s own only</option>
          </select>
        </div>
      ) : null}
    </div>
  );
}
