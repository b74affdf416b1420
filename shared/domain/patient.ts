/** Patients: who the clinic treats. Shapes shared by the backend, the IPC contract and the UI. */
import { z } from 'zod';
import {
  freeText,
  isoDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  RecordId,
  requiredText,
  Timestamp,
} from '../text/fields';

export const SEXES = ['female', 'male', 'intersex', 'not_stated'] as const;
export const SEX_LABELS: Readonly<Record<(typeof SEXES)[number], string>> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  not_stated: 'Not stated',
};

export const RECORD_NUMBER_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u;

export const PatientInput = z.strictObject({
  givenName: requiredText('Given name', 100),
  familyName: requiredText('Family name', 100),
  dateOfBirth: isoDate('Date of birth'),
  sex: z.enum(SEXES, { error: 'Choose a sex from the list, or "Not stated".' }),
  phone: optionalPhone('Phone'),
  email: optionalEmail('Email'),
  recordNumber: requiredText('Record number', 32).refine((v) => RECORD_NUMBER_PATTERN.test(v), {
    error: 'Record number may hold letters, digits, spaces, "-", "/" and "." only.',
  }),
  notes: optionalText('Notes', 10_000, 'multi'),
});
export type PatientInput = z.infer<typeof PatientInput>;

export const Patient = PatientInput.extend({
  id: RecordId,
  archived: z.boolean(),
  archivedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Bumped on every change; an edit names the version it started from. */
  version: z.number().int().positive(),
});
export type Patient = z.infer<typeof Patient>;

export const PatientSummary = Patient.pick({
  id: true,
  givenName: true,
  familyName: true,
  dateOfBirth: true,
  recordNumber: true,
  archived: true,
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientSearch = z.strictObject({
  query: freeText('Search text', 200, { trim: false }),
  includeArchived: z.boolean(),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(500),
});
export type PatientSearch = z.infer<typeof PatientSearch>;

export const PatientSearchPage = z.strictObject({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  items: z.array(PatientSummary),
  /** How the query was understood, shown under the search box ("Date of birth 12/04/1988"). */
  interpretedAs: z.enum(['all', 'name_or_record', 'date_of_birth']),
});
export type PatientSearchPage = z.infer<typeof PatientSearchPage>;

export const PatientUpdate = z.strictObject({
  id: RecordId,
  expectedVersion: z.number().int().positive(),
  changes: PatientInput,
});
export type PatientUpdate = z.infer<typeof PatientUpdate>;

export const PatientArchive = z.strictObject({
  id: RecordId,
  expectedVersion: z.number().int().positive(),
  archived: z.boolean(),
  reason: optionalText('Reason', 500, 'multi'),
});
export type PatientArchive = z.infer<typeof PatientArchive>;

export function patientDisplayName(p: { givenName: string; familyName: string }): string {
  return `${p.givenName} ${p.familyName}`;
}

/** "Łukasiewicz-Ørsted, Zoë": the form used in lists sorted by family name. */
export function patientListName(p: { givenName: string; familyName: string }): string {
  return `${p.familyName}, ${p.givenName}`;
}
