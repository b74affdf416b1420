/** Clinic settings and the clinicians who work there. */
import { z } from 'zod';
import { DATE_FORMATS } from '../time/dates';
import { optionalEmail, optionalPhone, optionalText, RecordId, requiredText } from './fields';

export const UNITS = ['km', 'mi'] as const;
export type DistanceUnit = (typeof UNITS)[number];
export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const ClinicSettings = z.strictObject({
  clinicName: requiredText('Clinic name', 120),
  address: optionalText('Address', 400),
  phone: optionalPhone('Clinic phone'),
  email: optionalEmail('Clinic email'),
  units: z.enum(UNITS, { error: 'Choose kilometres or miles.' }),
  paperSize: z.enum(PAPER_SIZES, { error: 'Choose A4 or Letter paper.' }),
  dateFormat: z.enum(DATE_FORMATS, { error: 'Choose a date format from the list.' }),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;

export const PROFESSIONS = [
  'Physiotherapist',
  'Physical therapist',
  'Sports therapist',
  'Athletic trainer',
  'Physician',
  'Student physiotherapist',
  'Other',
] as const;

export const ClinicianInput = z.strictObject({
  name: requiredText('Name', 120),
  profession: requiredText('Profession', 80),
  registrationNumber: optionalText('Registration number', 60),
});
export type ClinicianInput = z.infer<typeof ClinicianInput>;

export const Clinician = ClinicianInput.extend({
  id: RecordId,
  active: z.boolean(),
});
export type Clinician = z.infer<typeof Clinician>;

export const ClinicianUpdate = z.strictObject({
  id: RecordId,
  changes: ClinicianInput,
  active: z.boolean(),
});
