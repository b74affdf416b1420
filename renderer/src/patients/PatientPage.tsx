/** One patient's page: who they are, and what the clinic can do next for them. */
import { useState } from 'react';
import { SEX_LABELS } from '../../../shared/domain/patient';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { formatDate } from '../../../shared/time/dates';
import { useApp } from '../app/context';
import { hrefOf } from '../app/router';
import { ConfirmDialog } from '../ui/Dialog';
import { Loaded, records, useAction, useWrite } from '../data';
import { ErrorNotice } from '../ui/feedback';
import { dateWithAge, formatTimestamp } from '../ui/format';
import { usePatient } from './usePatient';
import { EpisodesPanel } from '../episodes/EpisodesPanel';
import type { ExportFormatOption } from '../records/ExportDialog';
import { ExportDialog } from '../records/ExportDialog';
import type { PatientExportFormat } from '../../../shared/domain/records';

const PATIENT_EXPORT_CHOICES: readonly ExportFormatOption<PatientExportFormat>[] = [
  {
    value: 'pdf',
    label: 'PDF (readable)',
    hint: 'Details, episodes, intake, notes and addenda, check-ins, exercises and handouts, to read or print.',
  },
  {
    value: 'json',
    label: 'JSON (for another system)',
    hint: 'Every stored row of the record and its audit trail, for software to read.',
  },
];

export function PatientPage({ id }: { id: number }) {
  const { settings } = useApp();
  const query = usePatient(id);
  const patient = query.data;
  const archive = useWrite('patients.archive', () => [records.patient(id), records.clinic('patients')]);
  const exportPatient = useAction('export.patient');
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState(false);

  if (!patient || query.error) {
    return (
      <div className="page">
        <Loaded
          query={query}
          loading="Loading the patient…"
          errorAction={<a href={hrefOf({ name: 'patients' })}>Back to the patient list</a>}
        />
      </div>
    );
  }

  async function toggleArchive() {
    if (!patient) return;
    setBusy(true);
    const r = await archive({
      id: patient.id,
      expectedVersion: patient.version,
      archived: !patient.archived,
      reason: '',
    });
    setBusy(false);
    setConfirming(false);
    setActionError(r.ok ? null : r.error);
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ name: 'patients' })}>Patients</a> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">
          {patient.givenName} {patient.familyName}
        </span>
      </nav>
      <section className="patient-header" aria-labelledby="patient-name">
        <div>
          <h1 id="patient-name" className="patient-header__name">
            {patient.givenName} {patient.familyName}
            {patient.archived ? <span className="badge badge--muted">Archived</span> : null}
          </h1>
          <p className="patient-header__facts">
            <span>Born {dateWithAge(patient.dateOfBirth, settings.dateFormat)}</span>
            <span>{patient.sex === 'not_stated' ? 'Sex not stated' : SEX_LABELS[patient.sex]}</span>
            <span>Record {patient.recordNumber}</span>
          </p>
        </div>
        <div className="patient-header__actions">
          <a className="button button--secondary" href={hrefOf({ name: 'patient-edit', id: patient.id })}>
            Edit details
          </a>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {patient.archived ? 'Bring back from archive' : 'Archive'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setExporting(true)}>
            Export record…
          </button>
          <a className="button button--secondary" href={hrefOf({ name: 'audit', patientId: patient.id })}>
            Audit trail
          </a>
        </div>
      </section>
      {actionError ? <ErrorNotice error={actionError} /> : null}
      {patient.archived && patient.archivedAt ? (
        <p className="muted">
          Archived on {formatTimestamp(patient.archivedAt, settings.dateFormat)}. The record is kept and can be brought
          back at any time.
        </p>
      ) : null}
      <EpisodesPanel patientId={patient.id} archived={patient.archived} />
      <section className="panel" aria-labelledby="contact-title">
        <h2 id="contact-title" className="panel__title">
          Details
        </h2>
        <dl className="facts">
          <div>
            <dt>Phone</dt>
            <dd>{patient.phone || <span className="muted">Not recorded</span>}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{patient.email || <span className="muted">Not recorded</span>}</dd>
          </div>
          <div>
            <dt>Date of birth</dt>
            <dd>{formatDate(patient.dateOfBirth, settings.dateFormat)}</dd>
          </div>
          <div className="facts__wide">
            <dt>Notes</dt>
            <dd className="prewrap">{patient.notes || <span className="muted">No notes</span>}</dd>
          </div>
          <div>
            <dt>Last changed</dt>
            <dd>{formatTimestamp(patient.updatedAt, settings.dateFormat)}</dd>
          </div>
        </dl>
      </section>
      <ExportDialog
        open={exporting}
        title={`Export the record of ${patient.givenName} ${patient.familyName}`}
        what={`Everything recorded about ${patient.givenName} ${patient.familyName} in one file, for a referral or the patient’s own request. It holds no other patient’s data.`}
        formats={PATIENT_EXPORT_CHOICES}
        onClose={() => setExporting(false)}
        start={(_progressId, format) => exportPatient({ patientId: patient.id, format: format ?? 'pdf' })}
      />
      <ConfirmDialog
        open={confirming}
        title={patient.archived ? 'Bring this patient back?' : 'Archive this patient?'}
        confirmLabel={patient.archived ? 'Bring back' : 'Archive'}
        onConfirm={() => void toggleArchive()}
        onCancel={() => setConfirming(false)}
        busy={busy}
      >
        {patient.archived ? (
          <p>
            {patient.givenName} {patient.familyName} will show in the patient list again.
          </p>
        ) : (
          <p>
            {patient.givenName} {patient.familyName} will be hidden from the patient list. Nothing is deleted: the full
            record is kept and you can bring it back at any time.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
