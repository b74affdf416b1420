/** Your password, and the check that the audit trail has not been altered outside the app. */
import { useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, SuccessNotice } from '../ui/feedback';
import { TextField } from '../ui/fields';
import type { NewPassword } from '../ui/PasswordFields';
import { emptyNewPassword, newPasswordErrors, PasswordFields } from '../ui/PasswordFields';

export function SecuritySection() {
  const { status } = useApp();
  if (status.clinicKind === 'demo') return null;
  return (
    <section className="panel" aria-labelledby="security-title">
      <h2 id="security-title" className="panel__title">
        Security
      </h2>
      <ChangePassword />
      <VerifyAuditTrail />
    </section>
  );
}

function ChangePassword() {
  const { status } = useApp();
  const [current, setCurrent] = useState('');
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState(false);

  async function save() {
    setDone(false);
    const local = await newPasswordErrors(pw, {
      clinicianName: status.clinician?.name ?? '',
      clinicName: status.clinicName,
    });
    if (current === '') local.currentPassword = 'Enter your current password.';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const r = await call('session.changePassword', { currentPassword: current, newPassword: pw.password });
    if (!r.ok) {
      setFailure(r.error.fields ? null : r.error);
      setErrors({
        ...(r.error.fields ?? {}),
        ...(r.error.fields?.newPassword ? { password: r.error.fields.newPassword } : {}),
      });
      return;
    }
    setCurrent('');
    setPw(emptyNewPassword);
    setFailure(null);
    setDone(true);
  }

  return (
    <form
      noValidate
      aria-label="Change my password"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="subsection-title">Change my password</h3>
      {failure ? <ErrorNotice error={failure} /> : null}
      {done ? <SuccessNotice>Your password is changed. Use the new one from now on.</SuccessNotice> : null}
      <div className="form-grid">
        <TextField
          label="Current password"
          type="password"
          value={current}
          onChange={setCurrent}
          error={errors.currentPassword}
          autoComplete="current-password"
        />
      </div>
      <PasswordFields
        value={pw}
        onChange={setPw}
        errors={errors}
        label="New password"
        context={{ clinicianName: status.clinician?.name ?? '', clinicName: status.clinicName }}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Change my password
        </button>
      </div>
    </form>
  );
}

function VerifyAuditTrail() {
  const [result, setResult] = useState<ResponseOf<'audit.verify'> | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    const r = await call('audit.verify', {});
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      setFailure(null);
    } else setFailure(r.error);
  }

  return (
    <div className="verify-audit">
      <h3 className="subsection-title">Audit trail</h3>
      <p className="muted">
        Every change, view, print, sign-in and lock is recorded, each entry sealed to the one before, and the trail’s
        length and last entry are kept sealed outside it. The check below shows whether any entry was changed, removed
        or cut off the end outside the app.
      </p>
      {failure ? <ErrorNotice error={failure} /> : null}
      {result?.ok ? (
        <SuccessNotice>
          The audit trail is intact: all {result.entries.toLocaleString()} entries check out
          {result.anchor === 'anchored' ? ', and none is missing from its end' : ''}.
          {result.anchor === 'not_anchored_yet'
            ? ' It is not anchored yet (it will be at the next sign-in), so entries cut off its end could not be detected until then.'
            : ''}
        </SuccessNotice>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" className="notice notice--error" data-testid="audit-findings">
          <span className="notice__icon" aria-hidden="true">
            !
          </span>
          <div className="notice__body">
            <p className="notice__text">The audit trail was altered outside the app:</p>
            <ul>
              {result.findings.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
            <p className="notice__text">
              Keep this computer as it is and contact the person responsible for data protection.
            </p>
          </div>
        </div>
      ) : null}
      <button type="button" className="button button--secondary" onClick={() => void verify()} disabled={busy}>
        {busy ? 'Checking…' : 'Verify the audit trail'}
      </button>
    </div>
  );
}
