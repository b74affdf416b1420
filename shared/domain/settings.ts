/** Clinic settings and the clinicians who work there. */
import { z } from 'zod';
import { UNITS, type DistanceUnit } from '../clinical/units';
import { DATE_FORMATS } from '../time/dates';
import { optionalEmail, optionalPhone, optionalText, RecordId, requiredText } from '../text/fields';
import { MAX_PASSWORD_LENGTH, PasswordField } from './password';

// The unit is the clinical engine's (shared/clinical/units.ts); settings name it for the screens.
export { UNITS, type DistanceUnit };
export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/**
 * The number to call for an ambulance, printed in the handout's urgent box ("Call an ambulance
 * (999)"): 999 in the UK, 911 in North America, 112 across Europe and on most mobile networks.
 * A new clinic starts on 112 and is asked to check it; existing clinics got one by migration 10.
 */
export const DEFAULT_EMERGENCY_NUMBER = '112';
export const EmergencyNumber = z
  .string({ error: 'Enter the emergency number, like 999, 911 or 112.' })
  .trim()
  .regex(/^[0-9]{2,6}$/, { error: 'Enter the emergency number as 2 to 6 digits, like 999, 911 or 112.' });

export const ClinicSettings = z.strictObject({
  clinicName: requiredText('Clinic name', 120),
  address: optionalText('Address', 400, 'multi'),
  phone: optionalPhone('Clinic phone'),
  email: optionalEmail('Clinic email'),
  /** Optional in requests from before the setting existed; then the default. */
  emergencyNumber: EmergencyNumber.default(DEFAULT_EMERGENCY_NUMBER),
  units: z.enum(UNITS, { error: 'Choose kilometres or miles.' }),
  paperSize: z.enum(PAPER_SIZES, { error: 'Choose A4 or Letter paper.' }),
  dateFormat: z.enum(DATE_FORMATS, { error: 'Choose a date format from the list.' }),
  /** Minutes without activity before the app locks itself. */
  autoLockMinutes: z
    .number({ error: 'Auto-lock must be a number of minutes.' })
    .int({ error: 'Auto-lock must be a whole number of minutes.' })
    .min(1, { error: 'Auto-lock must be at least 1 minute.' })
    .max(60, { error: 'Auto-lock must be 60 minutes or less: an open screen is a risk to patient privacy.' }),
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

/**
 * Who may manage clinicians: the clinic owner (its first clinician) and administrators add,
 * deactivate, reactivate, give passwords to and grant administrator to clinicians; a clinician
 * changes only their own password and details.
 */
export const CLINICIAN_ROLES = ['owner', 'administrator', 'clinician'] as const;
export type ClinicianRole = (typeof CLINICIAN_ROLES)[number];
/** The roles an administrator can give (there is one owner, the clinic's first clinician). */
export const GRANTABLE_ROLES = ['administrator', 'clinician'] as const;

/** A clinician as the settings page lists them: their role, and can they sign in (a password)? */
export const ClinicianWithAccess = Clinician.extend({
  hasPassword: z.boolean(),
  role: z.enum(CLINICIAN_ROLES),
});
export type ClinicianWithAccess = z.infer<typeof ClinicianWithAccess>;

/**
 * The acting clinician's own password, asked again for every administrative act and checked in
 * the main process (never trusted from the page). Bounded like any password, not rated.
 */
export const YourPassword = z
  .string({ error: 'Enter your own password to confirm.' })
  .min(1, { error: 'Enter your own password to confirm.' })
  .max(MAX_PASSWORD_LENGTH, { error: `Use at most ${MAX_PASSWORD_LENGTH} characters.` });

/** Changing a clinician's details; your password is needed when they are not your own. */
export const ClinicianUpdate = z.strictObject({
  id: RecordId,
  changes: ClinicianInput,
  yourPassword: YourPassword.optional(),
});

export const ClinicianCreate = z.strictObject({
  clinician: ClinicianInput,
  /** Their first password (rated like every new password). */
  password: PasswordField,
  yourPassword: YourPassword,
});

export const ClinicianSetPassword = z.strictObject({
  clinicianId: RecordId,
  password: PasswordField,
  yourPassword: YourPassword,
});

export const ClinicianSetRole = z.strictObject({
  clinicianId: RecordId,
  role: z.enum(GRANTABLE_ROLES, { error: 'Choose administrator or clinician.' }),
  yourPassword: YourPassword,
});

export const ClinicianSetActive = z.strictObject({
  clinicianId: RecordId,
  active: z.boolean(),
  yourPassword: YourPassword,
});
