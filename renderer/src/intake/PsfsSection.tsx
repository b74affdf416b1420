/** Section 5, the PSFS: up to five activities in the patient's words, each scored 0-10. */
import { memo } from 'react';
import { PSFS_MAX, PSFS_MAX_ACTIVITIES, type PsfsScore } from '../../../shared/clinical/intake/measures/psfs';
import type { ScoreIncomplete } from '../../../shared/clinical/intake/measures/score';
import { formatOneDecimal } from '../../../shared/clinical/intake/format';
import { IntakeText, useIntakeForm, useValue } from './controls';
import { fieldId, psfsPath, psfsRowCount, PSFS_ROWS } from './form-model';
import { IntakeSection, SECTION_IDS } from './Section';

export const PsfsSection = memo(function PsfsSection({ score }: { score: PsfsScore | ScoreIncomplete | undefined }) {
  const form = useIntakeForm();
  const rows = psfsRowCount({ [PSFS_ROWS]: useValue(PSFS_ROWS) });

  function removeRow(index: number) {
    const changes: Record<string, string> = { [PSFS_ROWS]: String(rows - 1) };
    for (let i = index; i < rows; i++) {
      changes[psfsPath(i, 'activity')] = form.store.get(psfsPath(i + 1, 'activity'));
      changes[psfsPath(i, 'score')] = form.store.get(psfsPath(i + 1, 'score'));
    }
    form.setMany(changes);
  }

  function addRow() {
    form.set(PSFS_ROWS, String(rows + 1));
    requestAnimationFrame(() => document.getElementById(fieldId(psfsPath(rows, 'activity')))?.focus());
  }

  return (
    <IntakeSection
      id={SECTION_IDS.psfs}
      title="5. Patient-Specific Functional Scale (PSFS)"
      aside={
        <span className="score-badge" aria-live="polite">
          {score?.computable ? (
            <>
              PSFS <strong>{formatOneDecimal(score.average)}</strong>/{PSFS_MAX}
            </>
          ) : (
            'Not recorded'
          )}
        </span>
      }
      intro={
        <p className="field__hint">
          Activities the patient finds hard because of the injury, in their words; 0 = unable, 10 = as before the
          injury.
        </p>
      }
    >
      {Array.from({ length: rows }, (_, i) => (
        <div className="psfs-row" key={i}>
          <IntakeText path={psfsPath(i, 'activity')} label={`Activity ${i + 1}`} maxLength={120} />
          <IntakeText path={psfsPath(i, 'score')} label={`Score ${i + 1} (0-10)`} inputMode="numeric" />
          <button
            type="button"
            className="button button--secondary button--small psfs-row__remove"
            onClick={() => removeRow(i)}
          >
            Remove<span className="visually-hidden"> activity {i + 1}</span>
          </button>
        </div>
      ))}
      <div className="measure-footer">
        {score && !score.computable && score.started ? <p className="muted">{score.message}</p> : null}
        {rows < PSFS_MAX_ACTIVITIES ? (
          <button type="button" className="button button--secondary button--small" onClick={addRow}>
            Add an activity
          </button>
        ) : (
          <p className="muted">Five activities: the most the PSFS takes.</p>
        )}
      </div>
    </IntakeSection>
  );
});
