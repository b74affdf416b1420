/** Sign in: choose your name, type your password. Or, with the recovery key, set a new password. */
import { useState } from 'react';
import type { AppStatus } from '../../../shared/domain/session';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { ErrorNotice } from '../ui/feedback';
import { RadioGroup, TextField } from '../ui/fields';
import type { NewPassword } from '../ui/PasswordFields';
import { emptyNewPassword, newPasswordErrors, PasswordFields } from '../ui/PasswordFields';

export function SignInScreen({ status, onStatus }: { status: AppStatus; onStatus(s: AppStatus): void }) {
  const choices = status.signInChoices;
  const [clinicianId, setClinicianId] = useState<string>(choices.length === 1 ? String(choices[0]!.clinicianId) : '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const name = choices.find((c) => String(c.clinicianId) === clinicianId)?.name ?? '';

  async function signIn() {
    if (clinicianId === '') return setErrors({ clinician: 'Choose your name.' });
    if (password === '') return setErrors({ password: 'Enter your password.' });
    setBusy(true);
    const r = await call('session.signIn', { clinicianId: Number(clinicianId), password });
    setBusy(false);
    if (r.ok) return onStatus(r.value);
    setPassword('');
    setFailure(r.error.fields?.password ? null : r.error);
    setErrors(r.error.fields ?? {});
  }

  if (recovering) {
    return <RecoverForm status={status} onStatus={onStatus} onCancel={() => setRecovering(false)} />;
  }

  return (
    <main className="centered-screen">
      <div className="card card--narrow">
        <p className="eyebrow">{status.clinicName}</p>
        <h1>Sign in</h1>
        {failure ? <ErrorNotice error={failure} /> : null}
        {choices.length === 0 ? (
          <ErrorNotice error="No clinician can sign in: no passwords are set. Use the recovery key to set one." />
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void signIn();
            }}
          >
            <RadioGroup
              legend="Who is working?"
              name="clinician"
              value={clinicianId}
              options={choices.map((c) => ({ value: String(c.clinicianId), label: c.name }))}
              onChange={(v) => {
                setClinicianId(v);
                setErrors({});
              }}
              error={errors.clinician}
              className="signin__who"
            />
            <TextField
              label={name ? `Password for ${name}` : 'Password'}
              type="password"
              value={password}
              onChange={setPassword}
              error={errors.password}
              autoComplete="current-password"
              autoFocus={choices.length === 1}
            />
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? 'Unlocking the records…' : 'Sign in'}
              </button>
            </div>
          </form>
        )}
        <p className="signin__forgot">
          <button type="button" className="button--link" onClick={() => setRecovering(true)}>
            Forgot your password? Use the recovery key
          </button>
        </p>
      </div>
    </main>
  );
}

function RecoverForm({
  status,
  onStatus,
  onCancel,
}: {
  status: AppStatus;
  onStatus(s: AppStatus): void;
  onCancel(): void;
}) {
  const choices = status.signInChoices;
  const [recoveryKey, setRecoveryKey] = useState('');
  const [clinicianId, setClinicianId] = useState<string>(choices.length === 1 ? String(choices[0]!.clinicianId) : '');
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const name = choices.find((c) => String(c.clinicianId) === clinicianId)?.name ?? '';

  async function recover() {
    const local = await newPasswordErrors(pw, { clinicianName: name, clinicName: status.clinicName });
    if (recoveryKey.trim() === '') local.recoveryKey = 'Enter the recovery key printed when the clinic was set up.';
    if (clinicianId === '') local.clinician = 'Choose whose password to set.';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const r = await call('session.recover', {
      recoveryKey,
      clinicianId: Number(clinicianId),
      newPassword: pw.password,
    });
    setBusy(false);
    if (r.ok) return onStatus(r.value);
    setFailure(r.error);
    setErrors(
      r.error.fields
        ? { ...r.error.fields, password: r.error.fields.newPassword ?? r.error.fields.password ?? '' }
        : {},
    );
  }

  return (
    <main className="centered-screen">
      <div className="card card--narrow">
        <p className="eyebrow">{status.clinicName}</p>
        <h1>Set a new password with the recovery key</h1>
        <p>The recovery key was printed when the clinic was set up. It has 32 letters and digits in groups of four.</p>
        {failure ? <ErrorNotice error={failure} /> : null}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void recover();
          }}
        >
          <TextField
            label="Recovery key"
            value={recoveryKey}
            onChange={setRecoveryKey}
            error={errors.recoveryKey}
            autoFocus
          />
          <RadioGroup
            legend="Whose password?"
            name="recover-clinician"
            value={clinicianId}
            options={choices.map((c) => ({ value: String(c.clinicianId), label: c.name }))}
            onChange={setClinicianId}
            error={errors.clinician}
          />
          <PasswordFields
            value={pw}
            onChange={setPw}
            errors={errors}
            label="New password"
            context={{ clinicianName: name, clinicName: status.clinicName }}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Unlocking the records…' : 'Set the new password and sign in'}
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
              Back to sign in
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
