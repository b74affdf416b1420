/** Section 2, running history: years, weekly distance before the injury, longest run, surface, goal. */
import { memo } from 'react';
import { USUAL_SURFACE_LABELS, USUAL_SURFACES } from '../../../shared/clinical/intake/running-history';
import { UNITS } from '../../../shared/domain/settings';
import { formatDate } from '../../../shared/time/dates';
import { useApp } from '../app/context';
import { IntakeSelect, IntakeText, useIntakeForm, useValue } from './controls';
import { fieldId } from './form-model';
import { IntakeSection, SECTION_IDS } from './Section';

const UNIT_LABELS = { km: 'km', mi: 'mi' } as const;

/** A distance: the number, then its unit (the clinic's unit unless the clinician switches). */
function DistanceField({ path, label, hint }: { path: string; label: string; hint?: string }) {
  const form = useIntakeForm();
  const valuePath = `${path}.value`;
  const value = useValue(valuePath);
  const unit = useValue(`${path}.unit`);
  const id = fieldId(valuePath);
  const error = form.errors[valuePath];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="distance-field">
        <input
          id={id}
          className="field__input"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => form.set(valuePath, e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <select
          id={fieldId(`${path}.unit`)}
          className="field__input field__select distance-field__unit"
          aria-label={`Unit of ${label.toLowerCase()}`}
          value={unit === '' ? 'km' : unit}
          onChange={(e) => form.set(`${path}.unit`, e.target.value)}
        >
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {UNIT_LABELS[u]}
            </option>
          ))}
        </select>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const HistorySection = memo(function HistorySection() {
  const { settings } = useApp();
  return (
    <IntakeSection id={SECTION_IDS.history} title="2. Running history">
      <div className="form-grid">
        <IntakeText
          path="runningHistory.yearsRunning"
          label="Years running"
          hint="0.5 for six months"
          inputMode="decimal"
          required
        />
        <DistanceField path="runningHistory.weeklyDistanceBeforeInjury" label="Weekly distance before injury" />
        <DistanceField path="runningHistory.longestRecentRun" label="Longest recent run" />
        <IntakeSelect
          path="runningHistory.usualSurface"
          label="Usual surface"
          options={USUAL_SURFACES.map((s) => ({ value: s, label: USUAL_SURFACE_LABELS[s] }))}
          placeholder="Choose a surface…"
        />
        <IntakeText path="runningHistory.goal.description" label="Goal" hint="An event, a distance, a habit." />
        <IntakeText
          path="runningHistory.goal.eventDate"
          label="Goal event date"
          hint={`Like ${formatDate('2027-05-16', settings.dateFormat)}`}
          inputMode="numeric"
        />
        <DistanceField path="runningHistory.goal.eventDistance" label="Goal event distance" />
      </div>
    </IntakeSection>
  );
});
