/** What the app is showing: which clinic is open, who is signed in, or why nothing can open. */
import { z } from 'zod';
import { ClinicSettings, Clinician, ClinicianInput } from './settings';

export const CLINIC_KINDS = ['real', 'demo'] as const;

export const AppStatus = z.strictObject({
  /**
   * needs_setup: a new data folder, the first screen creates the clinic and first clinician.
   * signed_out: the clinic exists, nobody is signed in.
   * ready: a clinician is signed in.
   * database_error: the records cannot be opened; `problem` says why and what to do.
   */
  state: z.enum(['needs_setup', 'signed_out', 'ready', 'database_error']),
  clinicKind: z.enum(CLINIC_KINDS),
  clinicName: z.string(),
  clinician: Clinician.nullable(),
  problem: z
    .strictObject({
      title: z.string(),
      detail: z.string(),
      whatToDo: z.string(),
    })
    .nullable(),
  dataFolder: z.string(),
  appVersion: z.string(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const SetupInput = z.strictObject({
  clinic: ClinicSettings,
  clinician: ClinicianInput,
});
export type SetupInput = z.infer<typeof SetupInput>;

export const Empty = z.strictObject({});
