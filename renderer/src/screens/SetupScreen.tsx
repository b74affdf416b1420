/** First start: create the clinic and its first clinician, or look around the demo clinic first. */
import { useState } from 'react';
import type { AppStatus, WithRecoveryKey } from '../../../shared/domain/session';
import { SetupInput } from '../../../shared/domain/session';
import { PROFESSIONS } from '../../../shared/domain/settings';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { DEFAULT_RULE_SET, SHIPPED_RULE_SETS } from '../../../shared/clinical/rule-sets';
import { call } from '../api/client';
import { ErrorNotice } from '../ui/feedback';
import { SelectField, TextField } from '../ui/fields';
import { ClinicSettingsFields, defaultClinicForm, type ClinicForm } from '../settings/ClinicSettingsFields';
import type { NewPassword } from '../ui/PasswordFields';
import { emptyNewPassword, newPasswordErrors, PasswordFields } from '../ui/PasswordFields';
import { RestorePanel } from '../records/RestorePanel';
import { RuleSetComparisonTable } from '../running/RuleSetComparison';

interface Props {
  status: AppStatus;
  onStatus(s: AppStatus): void;
  onSetUp(r: WithRecoveryKey): void;
}

export function SetupScreen({ status, onStatus, onSetUp }: Props) {
  const [clinic, setClinic] = useState<ClinicForm>(defaultClinicForm);
  const [name, setName] = useState('');
  const [profession, setProfession] = useState<string>('Physiotherapist');
  const [registration, setRegistration] = useState('');
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);

  async function submit() {
    const request = {
      clinic,
      clinician: { name, profession, registrationNumber: registration },
      password: pw.password,
    };
    const parsed = SetupInput.safeParse(request);
    const local = {
      ...(parsed.success ? {} : fieldErrors(parsed.error)),
      ...(await newPasswordErrors(pw, { clinicianName: name, clinicName: clinic.clinicName })),
    };
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFailure(null);
      return;
    }
    setBusy(true);
    const r = await call('app.setup', request);
    setBusy(false);
    if (r.ok) onSetUp(r.value);
    else {
      setFailure(r.error);
      setErrors(r.error.fields ?? {});
    }
  }

  async function openDemo() {
    setBusy(true);
    const r = await call('app.openDemo', {});
    setBusy(false);
    if (r.ok) onStatus(r.value);
    else setFailure(r.error);
  }

  return (
    <main className="centered-screen">
      <div className="card card--wide">
        <h1 className="setup__title">Welcome to Stride Clinic</h1>
        <p className="lead">
          Set up your clinic to start keeping records. Everything is stored on this computer only, in{' '}
          <code className="path">{status.dataFolder}</code>.
        </p>
        <div className={`setup__demo${restoring ? ' setup__demo--restoring' : ''}`}>
          <p>Moving to a new computer? Restore the clinic from a backup file instead of setting it up again.</p>
          {restoring ? (
            <RestorePanel headingLevel={2} onCancel={() => setRestoring(false)} />
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setRestoring(true)}>
              Restore from a backup…
            </button>
          )}
        </div>
        <div className="setup__demo">
          <p>
            Just looking? The demo clinic has fictional runners you can explore. It is kept apart from real records.
          </p>
          <button type="button" className="button button--secondary" onClick={() => void openDemo()} disabled={busy}>
            Explore the demo clinic
          </button>
        </div>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {failure ? <ErrorNotice error={failure} /> : null}
          <h2 className="section-title">Your clinic</h2>
          <ClinicSettingsFields value={clinic} onChange={setClinic} errors={errors} prefix="clinic." autoFocus />
          <h2 className="section-title">You, the first clinician</h2>
          <div className="form-grid">
            <TextField label="Your name" value={name} onChange={setName} error={errors['clinician.name']} required />
            <SelectField
              label="Profession"
              value={profession}
              options={PROFESSIONS.map((p) => ({ value: p, label: p }))}
              onChange={setProfession}
              error={errors['clinician.profession']}
              required
            />
            <TextField
              label="Registration number"
              value={registration}
              onChange={setRegistration}
              error={errors['clinician.registrationNumber']}
              hint="Your professional registration, printed on notes and handouts."
            />
          </div>
          <h3 className="subsection-title">Your password</h3>
          <p className="muted">
            The records are encrypted on this computer. Your password unlocks them; nobody else can read them without a
            clinician’s password. Next you get a recovery key, for the day a password is forgotten.
          </p>
          <PasswordFields
            value={pw}
            onChange={setPw}
            errors={errors}
            context={{ clinicianName: name, clinicName: clinic.clinicName }}
          />
          <h2 className="section-title">Soreness rules</h2>
          <p className="muted">
            At each check-in the app applies soreness rules to the patient’s running. New programmes use the clinic
            article’s rules. The table shows how the other built-in sets differ; you can choose the default, or tune a
            copy, in Settings at any time.
          </p>
          <RuleSetComparisonTable sets={SHIPPED_RULE_SETS} defaultId={DEFAULT_RULE_SET.id} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Setting up…' : 'Create the clinic'}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
