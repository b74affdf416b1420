/**
 * Section 6, the VISA-A, shown for Achilles tendinopathy episodes (and whenever it holds answers).
 * Items carry a number and a neutral topic: the questionnaire's wording is not reproduced.
 */
import { memo } from 'react';
import type { ScoreIncomplete } from '../../../shared/clinical/intake/measures/score';
import {
  VISA_A_ACTIVITY_LABELS,
  VISA_A_ACTIVITY_LEVELS,
  VISA_A_DURATION_LABELS,
  VISA_A_DURATIONS,
  VISA_A_ITEM_TOPICS,
  VISA_A_MAX,
  VISA_A_PART_LABELS,
  VISA_A_PARTS,
  type VisaAScore,
} from '../../../shared/clinical/intake/measures/visa-a';
import { VISA_A_REFERENCE } from '../../../shared/clinical/intake/soap';
import { IntakeRadio, IntakeSelect, IntakeText } from './controls';
import { IntakeSection, SECTION_IDS } from './Section';

export const VisaASection = memo(function VisaASection({
  score,
  forAchilles,
}: {
  score: VisaAScore | ScoreIncomplete | undefined;
  forAchilles: boolean;
}) {
  return (
    <IntakeSection
      id={SECTION_IDS.visaA}
      title="6. VISA-A (Achilles)"
      aside={
        <span className="score-badge" aria-live="polite">
          {score?.computable ? (
            <>
              VISA-A <strong>{score.total}</strong>/{VISA_A_MAX}
              <span className="score-badge__note"> ({VISA_A_REFERENCE})</span>
            </>
          ) : (
            'Not recorded'
          )}
        </span>
      }
      intro={
        <p className="field__hint">
          {forAchilles
            ? 'Type the scores from the patient’s form. Items 1-6 score 0 (worst) to 10 (best).'
            : 'The VISA-A is made for Achilles tendinopathy; this episode has another diagnosis. Clear it if it was filled by mistake.'}
        </p>
      }
    >
      <div className="form-grid form-grid--narrow">
        {VISA_A_ITEM_TOPICS.slice(0, 6).map((topic, i) => (
          <IntakeText
            key={topic}
            path={`measures.visaA.item${i + 1}`}
            label={`${i + 1}. ${topic}`}
            inputMode="numeric"
          />
        ))}
      </div>
      <div className="form-grid">
        <IntakeSelect
          path="measures.visaA.item7"
          label={`7. ${VISA_A_ITEM_TOPICS[6]}`}
          options={VISA_A_ACTIVITY_LEVELS.map((l) => ({ value: l, label: VISA_A_ACTIVITY_LABELS[l] }))}
          placeholder="Choose the level…"
        />
      </div>
      <IntakeRadio
        path="measures.visaA.item8.part"
        legend={`8. ${VISA_A_ITEM_TOPICS[7]}: which part applies`}
        options={VISA_A_PARTS.map((p) => ({ value: p, label: VISA_A_PART_LABELS[p] }))}
      />
      <div className="form-grid">
        <IntakeSelect
          path="measures.visaA.item8.duration"
          label="8. Time the patient can train"
          options={VISA_A_DURATIONS.map((d) => ({ value: d, label: VISA_A_DURATION_LABELS[d] }))}
          placeholder="Choose the time…"
        />
      </div>
      {score && !score.computable && score.started ? <p className="muted">{score.message}</p> : null}
    </IntakeSection>
  );
});
