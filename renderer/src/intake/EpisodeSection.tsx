/** Section 1, the episode of care: diagnosis, side, onset, how it happened, surgery, referral. */
import { memo } from 'react';
import {
  BONE_STRESS_SITE_LABELS,
  BONE_STRESS_SITES,
  DIAGNOSES,
  diagnosisEntry,
  type DiagnosisCode,
  ONSET_TYPE_LABELS,
  ONSET_TYPES,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_SOURCES,
  REGION_LABELS,
  REGIONS,
  SIDE_LABELS,
  SIDES,
} from '../../../shared/clinical/intake/episode';
import { formatDate } from '../../../shared/time/dates';
import { useApp } from '../app/context';
import { IntakeRadio, IntakeSelect, IntakeText, IntakeTextArea, useIntakeForm, useValue } from './controls';
import { IntakeSection, SECTION_IDS } from './Section';

const options = <T extends string>(codes: readonly T[], labels: Readonly<Record<T, string>>) =>
  codes.map((c) => ({ value: c, label: labels[c] }));

export const EpisodeSection = memo(function EpisodeSection() {
  const { settings } = useApp();
  const form = useIntakeForm();
  const diagnosis = useValue('episode.diagnosis');
  const boneStressSite = useValue('episode.boneStressSite');
  const surgeryPerformed = useValue('episode.surgery.performed');
  const surgeryType = useValue('episode.surgery.type');
  const surgeryDate = useValue('episode.surgery.date');
  const example = formatDate('2026-10-03', settings.dateFormat);

  /** A new diagnosis brings its usual region, unless the clinician chose another region. */
  function chooseDiagnosis(code: string) {
    const previous = diagnosis === '' ? undefined : diagnosisEntry(diagnosis as DiagnosisCode).region;
    const region = form.store.get('episode.region');
    const changes: Record<string, string> = { 'episode.diagnosis': code };
    if (region === '' || region === previous) changes['episode.region'] = diagnosisEntry(code as DiagnosisCode).region;
    // ACL reconstruction and meniscus surgery are operations: pre-answer "surgery: yes" if not answered.
    if (
      code !== '' &&
      diagnosisEntry(code as DiagnosisCode).surgical &&
      form.store.get('episode.surgery.performed') === ''
    ) {
      changes['episode.surgery.performed'] = 'yes';
    }
    form.setMany(changes);
  }

  // Type and date stay on show while they hold text, so a "no" with a date left in can be put right.
  const showSurgery = surgeryPerformed === 'yes' || surgeryType !== '' || surgeryDate !== '';
  return (
    <IntakeSection id={SECTION_IDS.episode} title="1. Episode of care">
      <div className="form-grid">
        <IntakeSelect
          path="episode.diagnosis"
          label="Diagnosis"
          options={DIAGNOSES.map((d) => ({ value: d.code, label: d.label }))}
          onChosen={chooseDiagnosis}
          placeholder="Choose a diagnosis…"
          required
        />
        <IntakeText
          path="episode.diagnosisDetail"
          label="Diagnosis detail"
          hint={
            diagnosis === 'other' ? 'Describe the diagnosis.' : 'Optional: grade, site, anything the list does not say.'
          }
          required={diagnosis === 'other'}
        />
        {diagnosis === 'bone_stress_injury' || boneStressSite !== '' ? (
          <IntakeSelect
            path="episode.boneStressSite"
            label="Bone stress site"
            options={options(BONE_STRESS_SITES, BONE_STRESS_SITE_LABELS)}
            placeholder="Choose the site…"
            required
          />
        ) : null}
        <IntakeSelect
          path="episode.region"
          label="Injured region"
          options={options(REGIONS, REGION_LABELS)}
          placeholder="Choose the region…"
          required
        />
      </div>
      <IntakeRadio path="episode.side" legend="Injured side" options={options(SIDES, SIDE_LABELS)} />
      <div className="form-grid form-grid--onset">
        <IntakeText
          path="episode.onsetDate"
          label="Date of onset"
          hint={`Like ${example}`}
          inputMode="numeric"
          required
        />
        <IntakeRadio
          path="episode.onsetType"
          legend="How it started"
          options={options(ONSET_TYPES, ONSET_TYPE_LABELS)}
        />
      </div>
      <IntakeTextArea path="episode.mechanism" label="How it happened" rows={2} maxLength={2000} />
      <IntakeRadio
        path="episode.surgery.performed"
        legend="Surgery for this injury"
        options={[
          { value: 'no', label: 'No' },
          { value: 'yes', label: 'Yes' },
        ]}
      />
      {showSurgery ? (
        <div className="form-grid">
          <IntakeText path="episode.surgery.type" label="Type of surgery" required />
          <IntakeText
            path="episode.surgery.date"
            label="Date of surgery"
            hint={`Like ${example}`}
            inputMode="numeric"
            required
          />
        </div>
      ) : null}
      <div className="form-grid">
        <IntakeSelect
          path="episode.referralSource"
          label="Referred by"
          options={options(REFERRAL_SOURCES, REFERRAL_SOURCE_LABELS)}
          placeholder="Choose who referred…"
        />
        <IntakeText path="episode.referralDetail" label="Referral detail" hint="Optional: name or clinic." />
      </div>
    </IntakeSection>
  );
});
