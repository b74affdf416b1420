/** New patient and edit patient pages. */
import { useApp } from '../app/context';
import { navigate } from '../app/router';
import { call } from '../api/client';
import { ErrorNotice, Loading } from '../ui/feedback';
import { emptyPatientForm, formValuesOf, PatientForm } from './PatientForm';
import { usePatient } from './usePatient';

export function PatientNewPage() {
  return (
    <div className="page page--narrow">
      <div className="page__header">
        <h1>New patient</h1>
      </div>
      <PatientForm
        initial={emptyPatientForm}
        submitLabel="Save patient"
        busyLabel="Saving…"
        draftLabel="the new patient form"
        onCancel={() => navigate({ name: 'patients' })}
        onSubmit={async (input) => {
          const r = await call('patients.create', input);
          if (!r.ok) return r.error;
          navigate({ name: 'patient', id: r.value.id });
          return null;
        }}
      />
    </div>
  );
}

export function PatientEditPage({ id }: { id: number }) {
  const { settings } = useApp();
  const { patient, error } = usePatient(id);
  if (error) return <ErrorNotice error={error} />;
  if (!patient) return <Loading label="Loading the patient…" />;
  return (
    <div className="page page--narrow">
      <div className="page__header">
        <h1>
          Edit {patient.givenName} {patient.familyName}
        </h1>
      </div>
      <PatientForm
        initial={formValuesOf(patient, settings.dateFormat)}
        submitLabel="Save changes"
        busyLabel="Saving…"
        draftLabel="the changes to a patient’s details"
        onCancel={() => navigate({ name: 'patient', id })}
        onSubmit={async (input) => {
          const r = await call('patients.update', { id, expectedVersion: patient.version, changes: input });
          if (!r.ok) return r.error;
          navigate({ name: 'patient', id });
          return null;
        }}
      />
    </div>
  );
}
