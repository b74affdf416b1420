/**
 * Section 3, symptoms: pain 0-10, what eases and aggravates it, and the red-flag screen (docs/clinical-sources.md
 * §5 and §8). A yes shows its grade: urgent care now, refer to a doctor, or the clinician's
 * judgement; a "note" yes opens a box for the reason to go on, required before the readiness
 * result can go past "not ready".
 */
import { memo } from 'react';
import { hadSurgery, isBoneStressEpisode } from '../../../shared/clinical/intake/episode';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import {
  applicableRedFlags,
  RED_FLAG_GRADE_LABELS,
  RED_FLAGS,
  type RedFlagScreen,
} from '../../../shared/clinical/intake/red-flags';
import { IntakeReasonBox, IntakeText, IntakeTextArea, QuickChoiceRow, useValue } from './controls';
import { IntakeSection, SECTION_IDS } from './Section';

const ANSWERS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not_asked', label: 'Not asked' },
] as const;
const KEYS = { y: 'yes', n: 'no', a: 'not_asked' } as const;

export const reasonPath = (id: string) => `symptoms.redFlagReasons.${id}`;

/** "Fever of 38 °C" -> "fever of 38 °C", inside a sentence. */
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A saved note's red flags, as words: the note already says each one's grade and advice. */
export function RecordedRedFlagAlert({ flags }: { flags: readonly string[] }) {
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

/**
 * The positive red flags by grade, on top of the page and of the section: never only in a list.
 * Urgent signs first (urgent care now), then referrals (a doctor before running), then the
 * clinician's judgement: the reason typed to go on, or that it is still needed.
 */
export function RedFlagAlert({ screen }: { screen: RedFlagScreen }) {
  if (screen.positive.length === 0) return null;
  const holding = screen.emergency.length + screen.refer.length + screen.needReason.length > 0;
  const count = screen.positive.length;
  return (
    <div className={`red-flag-alert${holding ? '' : ' red-flag-alert--noted'}`} role="alert">
      <span className="red-flag-alert__icon" aria-hidden="true">
        !
      </span>
      <div>
        <p className="red-flag-alert__title">
          {holding
            ? `Red flag${count === 1 ? '' : 's'} positive: no running until ${count === 1 ? 'it is' : 'they are'} dealt with.`
            : `Red flag${count === 1 ? '' : 's'} positive, noted with your reason to go on.`}
        </p>
        {screen.emergency.length > 0 ? (
          <div className="red-flag-alert__grade red-flag-alert__grade--emergency">
            <p className="red-flag-alert__grade-title">
              Urgent: stop, and send the patient for urgent medical care now (emergency department; an ambulance for
              chest pain).
            </p>
            <ul className="red-flag-alert__list">
              {screen.emergency.map((f) => (
                <li key={f.id}>{f.clinician}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {screen.refer.length > 0 ? (
          <div className="red-flag-alert__grade">
            <p className="red-flag-alert__grade-title">Refer to a doctor before any running.</p>
            <ul className="red-flag-alert__list">
              {screen.refer.map((f) => (
                <li key={f.id}>{f.clinician}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {screen.needReason.length > 0 ? (
          <div className="red-flag-alert__grade">
            <p className="red-flag-alert__grade-title">
              Your judgement: type your reason to go on under the question (section 3), or refer.
            </p>
            <ul className="red-flag-alert__list">
              {screen.needReason.map((f) => (
                <li key={f.id}>{f.clinician}: no reason typed yet.</li>
              ))}
            </ul>
          </div>
        ) : null}
        {screen.noted.length > 0 ? (
          <div className="red-flag-alert__grade">
            <p className="red-flag-alert__grade-title">Noted, going on for your reason:</p>
            <ul className="red-flag-alert__list">
              {screen.noted.map(({ flag, reason }) => (
                <li key={flag.id}>
                  {flag.clinician}: “{reason}”
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** A red flag answered yes, with its grade; a "note" yes gets the reason box under it. */
function RedFlagRow({ flag }: { flag: (typeof RED_FLAGS)[number] }) {
  const path = `symptoms.redFlags.${flag.id}`;
  const typedAnswer = useValue(path);
  const reason = useValue(reasonPath(flag.id));
  const yes = typedAnswer === 'yes';
  const isNote = flag.grade === 'note';
  // The box stays while it holds text, so a reason left after the answer changed can be cleared.
  const showReason = isNote && (yes || reason !== '');
  return (
    <>
      <QuickChoiceRow
        group="red-flags"
        path={path}
        label={
          <>
            {yes ? <strong className="red-flags__marker">Red flag: </strong> : null}
            {flag.clinician}
            {flag.afterSurgeryOnly ? <span className="red-flags__tag"> (after surgery)</span> : null}
            {yes ? (
              <span className={`red-flags__grade red-flags__grade--${flag.grade}`}>
                {RED_FLAG_GRADE_LABELS[flag.grade]}
              </span>
            ) : null}
          </>
        }
        hint={'formHint' in flag ? flag.formHint : undefined}
        options={ANSWERS}
        keys={KEYS}
        tone={yes ? 'alert' : undefined}
        focusAfter={isNote ? (value) => (value === 'yes' ? reasonPath(flag.id) : undefined) : undefined}
      />
      {showReason ? (
        <IntakeReasonBox
          path={reasonPath(flag.id)}
          label={`Your reason to go on: ${lower(flag.clinician)}`}
          hint={
            yes
              ? 'Until a reason is typed, the readiness result stays “not ready”. If you do not go on, refer.'
              : 'The answer is no longer yes: clear this reason if it no longer applies.'
          }
          className="red-flags__reason"
        />
      ) : null}
    </>
  );
}

export const SymptomsSection = memo(function SymptomsSection({
  draft,
  screen,
}: {
  draft: IntakeDraft;
  screen: RedFlagScreen;
}) {
  const answers = draft.symptoms?.redFlags;
  const surgery = hadSurgery(draft.episode);
  const asked = applicableRedFlags(surgery, isBoneStressEpisode(draft.episode));
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
        Keys: <kbd>Y</kbd> yes, <kbd>N</kbd> no, <kbd>A</kbd> not asked; the next question follows. A yes shows its
        grade: urgent care now, refer to a doctor, or your judgement with a reason to go on.
        {surgery === false ? ' Post-surgery questions are left out: no surgery.' : ''}
        {surgery === undefined ? ' Post-surgery questions are included until surgery is answered.' : ''}
      </p>
      <RedFlagAlert screen={screen} />
      <div className="red-flags" role="group" aria-labelledby="red-flags-title">
        {shown.map((flag) => (
          <RedFlagRow key={flag.id} flag={flag} />
        ))}
      </div>
    </IntakeSection>
  );
});
