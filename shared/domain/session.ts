/** What the app is showing: which clinic is open, who is signed in, or why nothing can open. */
import { z } from 'zod';
import { RecordId } from '../text/fields';
import { PasswordField, RecoveryKeyField } from './password';
import { ClinicSettings, Clinician, ClinicianInput } from './settings';

export const CLINIC_KINDS = ['real', 'demo'] as const;

export const AppStatus = z.strictObject({
  /**
   * needs_setup: a new data folder, the first screen creates the clinic and first clinician.
   * needs_encryption: records from before encryption; a clinician chooses a password to encrypt them.
   * signed_out: the clinic exists, nobody is signed in (the records are closed and encrypted).
   * locked: a clinician's session is locked; their password unlocks it (the records are closed).
   * ready: a clinician is signed in.
   * database_error: the records cannot be opened; `problem` says why and what to do.
   */
  state: z.enum(['needs_setup', 'needs_encryption', 'signed_out', 'locked', 'ready', 'database_error']),
  clinicKind: z.enum(CLINIC_KINDS),
  clinicName: z.string(),
  clinician: Clinician.nullable(),
  /** Who can sign in here (names only; shown on the sign-in screen while the records are closed). */
  signInChoices: z.array(z.strictObject({ clinicianId: RecordId, name: z.string() })),
  /** The clinician whose session is locked. */
  lockedBy: z.strictObject({ clinicianId: RecordId, name: z.string() }).nullable(),
  /** Minutes without activity before the app locks itself; null where it never does (demo). */
  autoLockMinutes: z.number().int().positive().nullable(),
  problem: z
    .strictObject({
      title: z.string(),
      detail: z.string(),
      whatToDo: z.string(),
    })
    .nullable(),
  dataFolder: z.string(),
  appVersion: z.string(),
  /** While the disk is full: one sentence saying so and what is refused until space is freed. */
  diskFull: z.string().nullable(),
  /**
   * For an administrator: a clinician was deactivated or a backup restored since the records key
   * last changed, so Settings suggests "Change the records key" (docs/key-rotation.md).
   */
  keyRotationAdvised: z.boolean().optional(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const SetupInput = z.strictObject({
  clinic: ClinicSettings,
  clinician: ClinicianInput,
  password: PasswordField,
});
export type SetupInput = z.infer<typeof SetupInput>;

/** After setup or encryption: the recovery key, shown once, never stored in clear. */
export const WithRecoveryKey = z.strictObject({ status: AppStatus, recoveryKey: z.string() });
export type WithRecoveryKey = z.infer<typeof WithRecoveryKey>;

export const SignInInput = z.strictObject({ clinicianId: RecordId, password: PasswordField });
export const UnlockInput = z.strictObject({ password: PasswordField });
export const EncryptInput = z.strictObject({ clinicianId: RecordId, password: PasswordField });
export const RecoverInput = z.strictObject({
  recoveryKey: RecoveryKeyField,
  clinicianId: RecordId,
  newPassword: PasswordField,
});
export const ChangePasswordInput = z.strictObject({ currentPassword: PasswordField, newPassword: PasswordField });
export const SetPasswordInput = z.strictObject({ clinicianId: RecordId, password: PasswordField });

export const Empty = z.strictObject({});
