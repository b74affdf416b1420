/** Section 3, symptoms: pain 0-10, what eases and aggravates it, and the red-flag screen (clinical.md §5). */
import { memo } from 'react';
import { hadSurgery } from '../../../shared/clinical/intake/episode';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import { applicableRedFlags, RED_FLAGS } from '../../../shared/clinical/intake/red-flags';
import { IntakeText, IntakeTextArea, QuickChoiceRow } from './controls';
import { IntakeSection, SECTION_IDS } from './Section';

const ANSWERS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not_asked', label: 'Not asked' },
] as const;
const KEYS = { y: 'yes', n: 'no', a: 'not_asked' } as const;

/** The positive red flags, on top of the page and of the section: never only in a list. */
export function RedFlagAlert({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return null;
  return (
    <div className="red-flag-alert" role="alert">
      <span className="red-flag-alert__icon" aria-hidden="true">
        !
      </span>
      <div>
        <p className="red-flag-alert__title">
          Red flag{flags.length === 1 ? '' : 's'} positive: assess further or refer before any running.
        </p>
        <ul className="red-flag-alert__list">
          {flags.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export const SymptomsSection = memo(function SymptomsSection({
  draft,
  positive,
}: {
  draft: IntakeDraft;
  positive: readonly string[];
}) {
  const answers = draft.symptoms?.redFlags;
  const surgery = hadSurgery(draft.episode);
  const asked = applicableRedFlags(surgery);
  // A "yes" to an item that no longer applies (surgery changed to no) stays on show: a yes is never hidden.
  const shown = RED_FLAGS.filter((f) => asked.includes(f) || answers?.[f.id] === 'yes');
  return (
    <IntakeSection id={SECTION_IDS.symptoms} title="3. Symptoms and red flags">
      <div className="form-grid form-grid--narrow">
        <IntakeText path="symptoms.painAtRest" label="Pain at rest (0-10)" inputMode="numeric" required />
        <IntakeText path="symptoms.painWalking" label="Pain walking (0-10)" inputMode="numeric" required />
        <IntakeText
          path="symptoms.painHopping"
          label="Pain hopping (0-10)"
          inputMode="numeric"
          hint="Empty if not tried."
        />
      </div>
      <div className="form-grid">
        <IntakeTextArea path="symptoms.eases" label="What eases it" rows={2} maxLength={1000} />
        <IntakeTextArea path="symptoms.aggravates" label="What aggravates it" rows={2} maxLength={1000} />
      </div>
      <h3 className="intake-subtitle" id="red-flags-title">
        Red-flag screen
      </h3>
      <p className="field__hint">
        Keys: <kbd>Y</kbd> yes, <kbd>N</kbd> no, <kbd>A</kbd> not asked; the next question follows.
        {surgery === false ? ' Post-surgery questions are left out: no surgery.' : ''}
        {surgery === undefined ? ' Post-surgery questions are included until surgery is answered.' : ''}
      </p>
      <RedFlagAlert flags={positive} />
      <div className="red-flags" role="group" aria-labelledby="red-flags-title">
        {shown.map((flag) => {
          const path = `symptoms.redFlags.${flag.id}`;
          const yes = answers?.[flag.id] === 'yes';
          return (
            <QuickChoiceRow
              key={flag.id}
              group="red-flags"
              path={path}
              label={
                <>
                  {yes ? <strong className="red-flags__marker">Red flag: </strong> : null}
                  {flag.clinician}
                  {flag.afterSurgeryOnly ? <span className="red-flags__tag"> (after surgery)</span> : null}
                </>
              }
              hint={'formHint' in flag ? flag.formHint : undefined}
              options={ANSWERS}
              keys={KEYS}
              tone={yes ? 'alert' : undefined}
            />
          );
        })}
      </div>
    </IntakeSection>
  );
});
