/**
 * Section 4, the LEFS as a compact grid: one row per item, 0-4. Typing a digit answers the item
 * and moves to the next, so the paper form is typed in one stroke per item. The item wording is
 * not reproduced (licensing, see the README): each item shows its number and a neutral topic.
 */
import { memo } from 'react';
import {
  compareLefs,
  LEFS_ITEM_COUNT,
  LEFS_ITEM_TOPICS,
  LEFS_MAX,
  LEFS_MEANINGFUL_CHANGE,
  LEFS_SCALE_ENDS,
  type LefsScore,
} from '../../../shared/clinical/intake/measures/lefs';
import type { ScoreIncomplete } from '../../../shared/clinical/intake/measures/score';
import type { PreviousLefs } from '../../../shared/domain/intake';
import { formatDate } from '../../../shared/time/dates';
import { useApp } from '../app/context';
import { QuickChoiceRow, useIntakeForm } from './controls';
import { lefsPath } from './form-model';
import { IntakeSection, SECTION_IDS } from './Section';

const SCORES = [0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: String(n) }));
const KEYS = Object.fromEntries(SCORES.map((s) => [s.value, s.value]));

export const LefsSection = memo(function LefsSection({
  score,
  previous,
}: {
  score: LefsScore | ScoreIncomplete | undefined;
  previous: PreviousLefs | null;
}) {
  const { settings } = useApp();
  const form = useIntakeForm();
  const total = score?.computable ? score.total : undefined;
  const change = total !== undefined && previous ? compareLefs(previous.total, total) : undefined;
  return (
    <IntakeSection
      id={SECTION_IDS.lefs}
      title="4. Lower Extremity Functional Scale (LEFS)"
      aside={
        <span className="score-badge" aria-live="polite">
          {total !== undefined ? (
            <>
              LEFS <strong>{total}</strong>/{LEFS_MAX}
            </>
          ) : score && !score.computable && score.started ? (
            `${score.answered} of ${LEFS_ITEM_COUNT} answered`
          ) : (
            'Not recorded'
          )}
        </span>
      }
      intro={
        <p className="field__hint">
          Type each item’s score from the patient’s form: a digit answers it and moves to the next item. 0 ={' '}
          {LEFS_SCALE_ENDS[0].toLowerCase()}, 4 = {LEFS_SCALE_ENDS[4].toLowerCase()}. Delete clears an item.
        </p>
      }
    >
      <div className="lefs-grid">
        {LEFS_ITEM_TOPICS.map((topic, i) => (
          <QuickChoiceRow
            key={topic}
            group="lefs"
            path={lefsPath(i)}
            label={
              <>
                <span className="visually-hidden">LEFS item </span>
                <span className="lefs-grid__number">{i + 1}</span>
                <span className="visually-hidden">:</span> {topic}
              </>
            }
            options={SCORES}
            keys={KEYS}
            className="lefs-grid__row"
          />
        ))}
      </div>
      <div className="measure-footer">
        {score && !score.computable && score.started ? <p className="muted">{score.message}</p> : null}
        {previous ? (
          <p>
            Last LEFS {previous.total}/{LEFS_MAX} on {formatDate(previous.date, settings.dateFormat)} (an earlier
            episode)
            {change
              ? `: ${change.change > 0 ? '+' : ''}${change.change} points, ${change.meaningful ? `a clinically meaningful change (${LEFS_MEANINGFUL_CHANGE} or more)` : `within measurement error (under ${LEFS_MEANINGFUL_CHANGE})`}.`
              : '.'}
          </p>
        ) : null}
        {score && (score.computable || score.started) ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              form.setMany(Object.fromEntries(Array.from({ length: LEFS_ITEM_COUNT }, (_, i) => [lefsPath(i), ''])))
            }
          >
            Clear the LEFS
          </button>
        ) : null}
      </div>
    </IntakeSection>
  );
});
