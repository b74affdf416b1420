/**
 * The patient details form, for a new patient and for an edit. Checks the values with the same
 * schema the backend uses before sending, shows the backend's answer next to the field it is
 * about, and keeps everything typed when a save is refused.
 */
import { useState } from 'react';
import type { PatientInput } from '../../../shared/domain/patient';
import { PatientInput as PatientInputSchema, SEX_LABELS, SEXES } from '../../../shared/domain/patient';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import type { DateFormat } from '../../../shared/time/dates';
import { formatDate, parseTypedDate } from '../../../shared/time/dates';
import { useApp } from '../app/context';
import { useUnsavedWork } from '../app/unsaved-work';
import { ErrorNotice } from '../ui/feedback';
import { SelectField, TextAreaField, TextField } from '../ui/fields';

export interface PatientFormValues {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: PatientInput['sex'];
  phone: string;
  email: string;
  recordNumber: string;
  notes: string;
}

export const emptyPatientForm: PatientFormValues = {
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  sex: 'not_stated',
  phone: '',
  email: '',
  recordNumber: '',
  notes: '',
};

export function formValuesOf(p: PatientInput, format: DateFormat): PatientFormValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: formatDate(p.dateOfBirth, format),
    sex: p.sex,
    phone: p.phone,
    email: p.email,
    recordNumber: p.recordNumber,
    notes: p.notes,
  };
}

const FIELD_NAMES = new Set<string>(Object.keys(emptyPatientForm));

/** Errors that belong to no field of this form still have to be seen. */
function otherErrors(errors: Record<string, string>): string[] {
  return Object.entries(errors)
    .filter(([key]) => !FIELD_NAMES.has(key))
    .map(([, message]) => message);
}

interface Props {
  initial: PatientFormValues;
  submitLabel: string;
  busyLabel: string;
  /** The kind of form, for the lock screen when it is dropped unsaved (never the patient's name). */
  draftLabel: string;
  /** Returns null when saved, or the backend's refusal. */
  onSubmit(input: PatientInput): Promise<AppErrorShape | null>;
  onCancel(): void;
}

export function PatientForm({ initial, submitLabel, busyLabel, draftLabel, onSubmit, onCancel }: Props) {
  const { settings } = useApp();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  // Not autosaved: a lock drops it (and says so).
  useUnsavedWork({
    label: draftLabel,
    unsaved: () =>
      !saved && (Object.keys(initial) as (keyof PatientFormValues)[]).some((k) => values[k] !== initial[k]),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof PatientFormValues>(key: K) =>
    (v: PatientFormValues[K]) =>
      setValues((prev) => ({ ...prev, [key]: v }));

  async function submit() {
    const dob = parseTypedDate(values.dateOfBirth, settings.dateFormat);
    const candidate = { ...values, dateOfBirth: dob ?? '' };
    const parsed = PatientInputSchema.safeParse(candidate);
    const localErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!dob) {
      localErrors.dateOfBirth =
        values.dateOfBirth.trim() === ''
          ? 'Enter the date of birth.'
          : `Date of birth is not a real date: enter it like ${formatDate('1988-04-12', settings.dateFormat)}.`;
    }
    if (!parsed.success || !dob) {
      setErrors(localErrors);
      setFailure(null);
      return;
    }
    setBusy(true);
    const refusal = await onSubmit(parsed.data);
    setBusy(false);
    setSaved(refusal === null);
    if (refusal) {
      setFailure(refusal);
      setErrors(refusal.fields ?? {});
    }
  }

  return (
    <form
      className="patient-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {failure ? <ErrorNotice error={failure} /> : null}
      {!failure && otherErrors(errors).length > 0 ? <ErrorNotice error={otherErrors(errors).join(' ')} /> : null}
      <div className="form-grid">
        <TextField
          label="Given name"
          value={values.givenName}
          onChange={set('givenName')}
          error={errors.givenName}
          required
          autoFocus
        />
        <TextField
          label="Family name"
          value={values.familyName}
          onChange={set('familyName')}
          error={errors.familyName}
          required
        />
        <TextField
          label="Date of birth"
          value={values.dateOfBirth}
          onChange={set('dateOfBirth')}
          error={errors.dateOfBirth}
          hint={`Like ${formatDate('1988-04-12', settings.dateFormat)}`}
          required
          inputMode="numeric"
        />
        <SelectField
          label="Sex"
          value={values.sex}
          options={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))}
          onChange={set('sex')}
          error={errors.sex}
        />
        <TextField
          label="Record number"
          value={values.recordNumber}
          onChange={set('recordNumber')}
          error={errors.recordNumber}
          hint="The clinic's own number for this patient. Each patient has their own."
          required
        />
        <TextField label="Phone" type="tel" value={values.phone} onChange={set('phone')} error={errors.phone} />
        <TextField label="Email" type="email" value={values.email} onChange={set('email')} error={errors.email} />
        <TextAreaField
          label="Notes"
          value={values.notes}
          onChange={set('notes')}
          error={errors.notes}
          rows={3}
          className="form-grid__wide"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
