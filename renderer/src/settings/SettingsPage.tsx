/** Clinic settings and the clinicians who work here. */
import { useCallback, useEffect, useState } from 'react';
import type { Clinician, ClinicianInput } from '../../../shared/domain/settings';
import { ClinicianInput as ClinicianInputSchema, ClinicSettings, PROFESSIONS } from '../../../shared/domain/settings';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, Loading, SuccessNotice } from '../ui/feedback';
import { SelectField, TextField } from '../ui/fields';
import type { ClinicForm } from './ClinicSettingsFields';
import { ClinicSettingsFields } from './ClinicSettingsFields';
import { RunningSettings } from '../running/RunningSettings';

export function SettingsPage() {
  return (
    <div className="page page--narrow">
      <div className="page__header">
        <h1>Settings</h1>
      </div>
      <ClinicSettingsSection />
      <CliniciansSection />
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
  const [clinicians, setClinicians] = useState<Clinician[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [editing, setEditing] = useState<Clinician | 'new' | null>(null);

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
  clinician: Clinician | null;
  isSelf: boolean;
  onDone(): void;
}) {
  const [values, setValues] = useState<ClinicianInput>(clinician ?? emptyClinician);
  const [active, setActive] = useState(clinician?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const set = (key: keyof ClinicianInput) => (v: string) => setValues((p) => ({ ...p, [key]: v }));

  async function save() {
    const parsed = ClinicianInputSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    const r = clinician
      ? await call('clinicians.update', { id: clinician.id, changes: parsed.data, active })
      : await call('clinicians.create', parsed.data);
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
