/**
 * Records kept by an earlier version of the app, before encryption: a clinician chooses a
 * password and the records are encrypted in place (a snapshot is taken first; nothing is lost).
 */
import { useEffect, useState } from 'react';
import type { AppStatus, WithRecoveryKey } from '../../../shared/domain/session';
import type { Clinician } from '../../../shared/domain/settings';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { ErrorNotice, Loading } from '../ui/feedback';
import { RadioGroup } from '../ui/fields';
import type { NewPassword } from '../ui/PasswordFields';
import { emptyNewPassword, newPasswordErrors, PasswordFields } from '../ui/PasswordFields';

export function EncryptScreen({ status, onEncrypted }: { status: AppStatus; onEncrypted(r: WithRecoveryKey): void }) {
  const [clinicians, setClinicians] = useState<Clinician[] | null>(null);
  const [clinicianId, setClinicianId] = useState('');
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('session.clinicians', {}).then((r) => {
      if (r.ok) {
        setClinicians(r.value);
        if (r.value.length === 1) setClinicianId(String(r.value[0]!.id));
      } else setFailure(r.error);
    });
  }, []);

  const name = clinicians?.find((c) => String(c.id) === clinicianId)?.name ?? '';

  async function encrypt() {
    const local = await newPasswordErrors(pw, { clinicianName: name });
    if (clinicianId === '') local.clinician = 'Choose your name.';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const r = await call('app.encrypt', { clinicianId: Number(clinicianId), password: pw.password });
    setBusy(false);
    if (r.ok) return onEncrypted(r.value);
    setFailure(r.error);
    setErrors(r.error.fields ?? {});
  }

  return (
    <main className="centered-screen">
      <div className="card card--narrow">
        <h1>Protect the clinic’s records</h1>
        <p>
          This version of Stride Clinic encrypts the records on this computer, so nobody can read them without a
          clinician’s password. Choose your name and a password to encrypt them now. A copy is kept first; nothing is
          lost.
        </p>
        <p className="muted">
          Colleagues get their own password afterwards, in Settings. Data folder:{' '}
          <code className="path">{status.dataFolder}</code>
        </p>
        {failure ? <ErrorNotice error={failure} /> : null}
        {clinicians === null && !failure ? <Loading label="Loading clinicians…" /> : null}
        {clinicians ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void encrypt();
            }}
          >
            <RadioGroup
              legend="Who are you?"
              name="encrypt-clinician"
              value={clinicianId}
              options={clinicians.map((c) => ({ value: String(c.id), label: c.name }))}
              onChange={setClinicianId}
              error={errors.clinician}
            />
            <PasswordFields
              value={pw}
              onChange={setPw}
              errors={errors}
              label="Your password"
              context={{ clinicianName: name }}
            />
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? 'Encrypting the records…' : 'Encrypt the records'}
              </button>
            </div>
          </form>
        ) : null}
      </div>
    </main>
  );
}
