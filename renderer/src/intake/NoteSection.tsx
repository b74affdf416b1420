/**
 * Section 9, the SOAP note: each part shows what is written from the recorded data, and a box for
 * the clinician's own words under it. The signed note is the two together.
 */
import { memo } from 'react';
import type { SoapNote } from '../../../shared/clinical/intake/soap';
import { IntakeTextArea } from './controls';
import { IntakeSection, SECTION_IDS } from './Section';

const PARTS = [
  {
    key: 'subjective',
    title: 'Subjective',
    label: 'Subjective: your notes',
    hint: 'Anything else the patient told you.',
  },
  {
    key: 'objective',
    title: 'Objective',
    label: 'Objective: other findings',
    hint: 'Findings beyond the tests above: palpation, range of motion, gait…',
  },
  { key: 'assessment', title: 'Assessment', label: 'Assessment', hint: 'Your clinical impression.' },
  { key: 'plan', title: 'Plan', label: 'Plan: your notes', hint: 'Treatment, exercises, advice, next review.' },
] as const;

export const NoteSection = memo(function NoteSection({ generated }: { generated: SoapNote }) {
  return (
    <IntakeSection
      id={SECTION_IDS.note}
      title="9. Intake note (SOAP)"
      intro={
        <p className="field__hint">
          The grey text is written from what you recorded above and updates as you type; add your own words under each
          part.
        </p>
      }
    >
      {PARTS.map((part) => (
        <div className="note-part" key={part.key}>
          {part.key === 'assessment' ? null : <h3 className="intake-subtitle">{part.title}</h3>}
          {generated[part.key] !== '' ? (
            <pre className="note-generated" aria-label={`${part.title} written from the recorded data`} tabIndex={0}>
              {generated[part.key]}
            </pre>
          ) : null}
          <IntakeTextArea
            path={`typed.${part.key}`}
            label={part.label}
            hint={part.hint}
            rows={part.key === 'assessment' || part.key === 'plan' ? 3 : 2}
            maxLength={20_000}
          />
        </div>
      ))}
    </IntakeSection>
  );
});
