/** Clinic settings and the clinicians who work here. */
import { useState } from 'react';
import { ClinicSettings } from '../../../shared/domain/settings';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, SuccessNotice } from '../ui/feedback';
import { SecuritySection } from './SecuritySection';
import { KeyRotationSection } from './KeyRotationSection';
import { CliniciansSection } from './CliniciansSection';
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
      <KeyRotationSection />
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
