/** New patient and edit patient pages. */
import { useApp } from '../app/context';
import { navigate } from '../app/router';
import { Loaded, records, useWrite } from '../data';
import { emptyPatientForm, formValuesOf, PatientForm } from './PatientForm';
import { usePatient } from './usePatient';

export function PatientNewPage() {
  const create = useWrite('patients.create', () => [records.clinic('patients')]);
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
          const r = await create(input);
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
  const query = usePatient(id);
  const update = useWrite('patients.update', () => [records.patient(id), records.clinic('patients')]);
  const patient = query.data;
  if (!patient || query.error) return <Loaded query={query} loading="Loading the patient…" />;
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
          const r = await update({ id, expectedVersion: patient.version, changes: input });
          if (!r.ok) return r.error;
          navigate({ name: 'patient', id });
          return null;
        }}
      />
    </div>
  );
}
