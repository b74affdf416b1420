/** Clinic settings and the clinicians who work here. */
import { useCallback, useEffect, useState } from 'react';
import type { ClinicianInput, ClinicianWithAccess } from '../../../shared/domain/settings';
import { ClinicianInput as ClinicianInputSchema, ClinicSettings, PROFESSIONS } from '../../../shared/domain/settings';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, Loading, SuccessNotice } from '../ui/feedback';
import { SelectField, TextField } from '../ui/fields';
import type { NewPassword } from '../ui/PasswordFields';
import { emptyNewPassword, newPasswordErrors, PasswordFields } from '../ui/PasswordFields';
import { SecuritySection } from './SecuritySection';
import { RecordsSection } from '../records/RecordsSection';
import type { ClinicForm } from './ClinicSettingsFields';
import { ClinicSettingsFields } from './ClinicSettingsFields';
import { ReadinessSettingsSection } from '../intake/ReadinessSettingsSection';
import { RunningSettings } from '../running/RunningSettings';

export function SettingsPage() {
  return (
    <div className="page page--narrow">
      <div className="page__header">
        <h1>Settings</h1>
      </div>
      <ClinicSettingsSection />
      <CliniciansSection />
      <ReadinessSettingsSection />
      <SecuritySection />
      <RecordsSection />
      <RunningSettings />
    </div>
  );
}

function ClinicSettingsSection() {
  const { settings, reloadSettings, status, setStatus } = useApp();
  const [form, setForm] = useState<ClinicForm>(settings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save() {
    setSaved(false);
    const parsed = ClinicSettings.safeParse(form);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setBusy(true);
    const r = await call('settings.update', parsed.data);
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      setErrors(r.error.fields ?? {});
      return;
    }
    setErrors({});
    setFailure(null);
    setSaved(true);
    setStatus({ ...status, clinicName: r.value.clinicName });
    await reloadSettings();
  }

  return (
    <section className="panel" aria-labelledby="clinic-title">
      <h2 id="clinic-title" className="panel__title">
        Clinic
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {failure ? <ErrorNotice error={failure} /> : null}
        {saved ? <SuccessNotice>Clinic settings saved.</SuccessNotice> : null}
        <ClinicSettingsFields value={form} onChange={setForm} errors={errors} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save clinic settings'}
          </button>
        </div>
      </form>
    </section>
  );
}

const emptyClinician: ClinicianInput = { name: '', profession: 'Physiotherapist', registrationNumber: '' };

function CliniciansSection() {
  const { status } = useApp();
  const [clinicians, setClinicians] = useState<ClinicianWithAccess[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [editing, setEditing] = useState<ClinicianWithAccess | 'new' | null>(null);
  const [settingPassword, setSettingPassword] = useState<ClinicianWithAccess | null>(null);

  const load = useCallback(async () => {
    const r = await call('clinicians.list', {});
    if (r.ok) setClinicians(r.value);
    else setFailure(r.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel" aria-labelledby="clinicians-title">
      <div className="panel__header">
        <h2 id="clinicians-title" className="panel__title">
          Clinicians
        </h2>
        {editing === null ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing('new')}>
            Add a clinician
          </button>
        ) : null}
      </div>
      {failure ? <ErrorNotice error={failure} /> : null}
      {clinicians === null && !failure ? <Loading label="Loading clinicians…" /> : null}
      {settingPassword ? (
        <SetPasswordForm
          clinician={settingPassword}
          onDone={() => {
            setSettingPassword(null);
            void load();
          }}
        />
      ) : null}
      {editing !== null ? (
        <ClinicianForm
          clinician={editing === 'new' ? null : editing}
          isSelf={editing !== 'new' && editing.id === status.clinician?.id}
          onDone={() => {
            setEditing(null);
            void load();
          }}
        />
      ) : null}
      {clinicians ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Profession</th>
              <th scope="col">Registration</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {clinicians.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.profession}</td>
                <td>{c.registrationNumber || <span className="muted">None</span>}</td>
                <td>{c.active ? 'Active' : <span className="muted">No longer active</span>}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setEditing(c)}
                  >
                    Edit<span className="visually-hidden"> {c.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function ClinicianForm({
  clinician,
  isSelf,
  onDone,
}: {
  clinician: ClinicianWithAccess | null;
  isSelf: boolean;
  onDone(): void;
}) {
  const { status } = useApp();
  const [values, setValues] = useState<ClinicianInput>(
    clinician
      ? { name: clinician.name, profession: clinician.profession, registrationNumber: clinician.registrationNumber }
      : emptyClinician,
  );
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const [active, setActive] = useState(clinician?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const set = (key: keyof ClinicianInput) => (v: string) => setValues((p) => ({ ...p, [key]: v }));

  async function save() {
    const parsed = ClinicianInputSchema.safeParse(values);
    const local = {
      ...(parsed.success ? {} : fieldErrors(parsed.error)),
      ...(clinician ? {} : await newPasswordErrors(pw, { clinicianName: values.name, clinicName: status.clinicName })),
    };
    if (!parsed.success || Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const r = clinician
      ? await call('clinicians.update', { id: clinician.id, changes: parsed.data, active })
      : await call('clinicians.create', { clinician: parsed.data, password: pw.password });
    if (!r.ok) {
      setFailure(r.error);
      setErrors(r.error.fields ?? {});
      return;
    }
    onDone();
  }

  return (
    <form
      className="subform"
      noValidate
      aria-label={clinician ? `Edit ${clinician.name}` : 'New clinician'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {failure ? <ErrorNotice error={failure} /> : null}
      <div className="form-grid">
        <TextField label="Name" value={values.name} onChange={set('name')} error={errors.name} required autoFocus />
        <SelectField
          label="Profession"
          value={values.profession}
          options={[...new Set([...PROFESSIONS, values.profession])].map((p) => ({ value: p, label: p }))}
          onChange={set('profession')}
          error={errors.profession}
          required
        />
        <TextField
          label="Registration number"
          value={values.registrationNumber}
          onChange={set('registrationNumber')}
          error={errors.registrationNumber}
        />
        {clinician ? null : (
          <div className="form-grid__wide">
            <p className="muted">
              Their first password. Tell it to them in person; they can change it in Settings after signing in.
            </p>
            <PasswordFields
              value={pw}
              onChange={setPw}
              errors={errors}
              label="First password"
              context={{ clinicianName: values.name, clinicName: status.clinicName }}
            />
          </div>
        )}
        {clinician ? (
          <label className="checkbox">
            <input type="checkbox" checked={active} disabled={isSelf} onChange={(e) => setActive(e.target.checked)} />
            Active (can sign in)
          </label>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {clinician ? 'Save clinician' : 'Add clinician'}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SetPasswordForm({ clinician, onDone }: { clinician: ClinicianWithAccess; onDone(): void }) {
  const { status } = useApp();
  const [pw, setPw] = useState<NewPassword>(emptyNewPassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  async function save() {
    const local = await newPasswordErrors(pw, { clinicianName: clinician.name, clinicName: status.clinicName });
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const r = await call('clinicians.setPassword', { clinicianId: clinician.id, password: pw.password });
    if (!r.ok) {
      setFailure(r.error);
      setErrors(r.error.fields ?? {});
      return;
    }
    onDone();
  }

  return (
    <form
      className="subform"
      noValidate
      aria-label={`Set a password for ${clinician.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>
        A new password for <strong>{clinician.name}</strong>, for a new colleague or one who forgot theirs. Tell it to
        them in person.
      </p>
      {failure ? <ErrorNotice error={failure} /> : null}
      <PasswordFields
        value={pw}
        onChange={setPw}
        errors={errors}
        label="New password"
        context={{ clinicianName: clinician.name, clinicName: status.clinicName }}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Set password
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
