/**
 * Backups, restores, exports, long-running progress and the audit trail viewer: the shapes the
 * backend and the page exchange about the clinic's records as a whole.
 */
import { z } from 'zod';
import { PasswordField } from './password';
import { freeText, isoDate, RecordId, textProblem, Timestamp } from '../text/fields';

/** Chosen by the page for an operation it wants to follow; the backend reports progress under it. */
export const ProgressId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'A progress id is 8 to 64 letters, digits, "-" or "_".' });

/**
 * Where a long operation stands. `percent` is the share of the current step that is done, or
 * null while a step runs that cannot say how far it has got (SQLite copying or checking a file).
 */
export const Progress = z.strictObject({
  label: z.string(),
  step: z.number().int().min(1),
  steps: z.number().int().min(1),
  percent: z.number().min(0).max(100).nullable(),
});
export type Progress = z.infer<typeof Progress>;

export const BACKUP_KIND_LABELS = {
  manual: 'Made by a clinician',
  daily: 'Daily snapshot',
  before_migration: 'Before an update',
  before_restore: 'Before a restore',
} as const;
export type BackupKindName = keyof typeof BACKUP_KIND_LABELS;
export const BackupKindSchema = z.enum(['manual', 'daily', 'before_migration', 'before_restore']);

/** A backup file's name in the data folder's backups/ (no folders, our extension). */
export const BackupName = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*\.stridebackup$/, { error: 'That is not the name of a backup in the list.' });

/** A typed path to a backup file on this computer. */
export const BackupPath = z
  .string()
  .trim()
  .min(1, { error: 'Type the full path of the backup file.' })
  .max(4096, { error: 'That path is too long.' })
  .refine((v) => textProblem('The path', v, 'single') === null, {
    error: (issue) => textProblem('The path', String(issue.input), 'single') ?? 'That path cannot be used.',
  });

/** What a backup file says about itself before it is unlocked (nothing about patients). */
export const BackupFacts = z.strictObject({
  fileName: z.string(),
  bytes: z.number().int().min(0),
  createdAt: Timestamp,
  kind: BackupKindSchema,
  appVersion: z.string(),
  schemaVersion: z.number().int().positive(),
  clinicName: z.string(),
  /** Clinicians whose password (as it was when the backup was made) unlocks it. */
  canUnlock: z.array(z.strictObject({ clinicianId: RecordId, name: z.string() })),
});
export type BackupFacts = z.infer<typeof BackupFacts>;

export const SnapshotEntry = z.strictObject({
  name: z.string(),
  bytes: z.number().int().min(0),
  /** Null when the file's description cannot be read (it is listed so it is not forgotten). */
  facts: BackupFacts.nullable(),
  problem: z.string().nullable(),
});
export type SnapshotEntry = z.infer<typeof SnapshotEntry>;

export const BackupList = z.strictObject({
  folder: z.string(),
  /** How many automatic snapshots are kept; null while the records are closed. */
  keep: z.number().int().nullable(),
  backups: z.array(SnapshotEntry),
  /** Why the last automatic snapshot failed, until one succeeds. */
  automaticProblem: z.string().nullable(),
  /** Whether a restore can start now, and if not, why. */
  restore: z.strictObject({ allowed: z.boolean(), reason: z.string().nullable() }),
});
export type BackupList = z.infer<typeof BackupList>;

export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 365;
export const BackupKeep = z
  .number({ error: 'Enter how many snapshots to keep, as a number.' })
  .int({ error: 'Enter a whole number of snapshots.' })
  .min(BACKUP_KEEP_MIN, { error: 'Keep at least 1 snapshot.' })
  .max(BACKUP_KEEP_MAX, { error: 'Keep at most 365 snapshots.' });

export const BackupOutcome = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({
    saved: z.literal(true),
    /** Full path of the backup file written. */
    file: z.string(),
    /** True when it went to the data folder's backups/ (browser preview). */
    inDataFolder: z.boolean(),
    name: z.string(),
    bytes: z.number().int().positive(),
    createdAt: Timestamp,
    patients: z.number().int().min(0),
    seconds: z.number().min(0),
  }),
]);
export type BackupOutcome = z.infer<typeof BackupOutcome>;

export const RestoreSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('snapshot'), name: BackupName }),
  z.strictObject({ kind: z.literal('file'), path: BackupPath }),
]);
export type RestoreSource = z.infer<typeof RestoreSource>;

export const RestoreId = z.string().regex(/^[a-f0-9]{32}$/);

export const RestorePrepare = z.strictObject({
  source: RestoreSource,
  clinicianId: RecordId,
  password: PasswordField,
  progressId: ProgressId.optional(),
});

/** What a backup holds, read from its records after the password unlocked them. */
export const RecordsSummary = z.strictObject({
  clinicName: z.string(),
  patients: z.number().int().min(0),
  archivedPatients: z.number().int().min(0),
  episodes: z.number().int().min(0),
  clinicians: z.number().int().min(0),
  auditEntries: z.number().int().min(0),
  /** The time of the latest entry in the audit trail: the last change to the records. */
  lastChange: Timestamp.nullable(),
});
export type RecordsSummary = z.infer<typeof RecordsSummary>;

export const RestorePreview = z.strictObject({
  restoreId: RestoreId,
  facts: BackupFacts,
  backup: RecordsSummary,
  /** The records it would replace; null when there are none that can be read. */
  current: RecordsSummary.nullable(),
  /** Who will be signed in after the restore (the clinician who unlocked the backup). */
  clinicianName: z.string(),
  /** Sentences to read before confirming (older version to be updated, fewer patients...). */
  warnings: z.array(z.string()),
});
export type RestorePreview = z.infer<typeof RestorePreview>;

export const RestoreConfirm = z.strictObject({ restoreId: RestoreId, progressId: ProgressId.optional() });

export const EXPORT_FORMATS = ['json', 'csv'] as const;
/** One patient's record: a readable PDF (referrals, the patient's own request) or JSON (for another system). */
export const PATIENT_EXPORT_FORMATS = ['pdf', 'json'] as const;
export type PatientExportFormat = (typeof PATIENT_EXPORT_FORMATS)[number];

export const ExportOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cancelled') }),
  z.strictObject({ kind: z.literal('saved'), file: z.string(), bytes: z.number().int().min(0) }),
  z.strictObject({
    kind: z.literal('download'),
    downloadId: z.string(),
    fileName: z.string(),
    mimeType: z.string(),
    bytes: z.number().int().min(0),
  }),
]);
export type ExportOutcome = z.infer<typeof ExportOutcome>;

export const DownloadChunk = z.strictObject({
  /** Base64 of the bytes from `offset`. */
  data: z.string(),
  offset: z.number().int().min(0),
  total: z.number().int().min(0),
  done: z.boolean(),
});
export type DownloadChunk = z.infer<typeof DownloadChunk>;

/** The audit trail viewer's filters. Dates are the clinic's local days, both included. */
export const AuditQuery = z
  .strictObject({
    clinicianId: RecordId.nullable(),
    patientId: RecordId.nullable(),
    action: z
      .string()
      .regex(/^[a-z][a-z0-9_.-]{0,39}$/, { error: 'Choose an action from the list.' })
      .nullable(),
    from: isoDate('From date').nullable(),
    to: isoDate('To date').nullable(),
    text: freeText('Search text', 200, { trim: false }),
    /** Pages after the first pass the first page's `asOf`, so entries written meanwhile do not shift them. */
    asOf: z.number().int().min(0).nullable(),
    offset: z.number().int().min(0).max(100_000_000),
    limit: z.number().int().min(1).max(200),
  })
  .refine((q) => q.from === null || q.to === null || q.from <= q.to, {
    error: 'The “from” date is after the “to” date.',
    path: ['to'],
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditItem = z.strictObject({
  id: z.number().int().positive(),
  at: Timestamp,
  clinicianId: z.number().int().nullable(),
  clinicianName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  patientId: z.number().int().nullable(),
  patientName: z.string().nullable(),
  summary: z.string(),
  /** The record before and after the change (JSON text, keys sorted), where the entry has them. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditItem = z.infer<typeof AuditItem>;

export const AuditPage = z.strictObject({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  /** The newest entry this search covers: pass it back for the next pages. */
  asOf: z.number().int().min(0),
  items: z.array(AuditItem),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditFilterChoices = z.strictObject({
  actions: z.array(z.string()),
  clinicians: z.array(z.strictObject({ id: RecordId, name: z.string() })),
});
export type AuditFilterChoices = z.infer<typeof AuditFilterChoices>;

/** Words for the actions the audit trail records, for the viewer's filter and rows. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  create: 'Created',
  update: 'Edited',
  view: 'Viewed',
  archive: 'Archived',
  restore: 'Brought back from archive',
  sign: 'Signed',
  addendum: 'Addendum',
  override: 'Override',
  discharge: 'Discharged',
  reopen: 'Reopened',
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  sign_in_failed: 'Wrong password',
  lock: 'Locked',
  unlock: 'Unlocked',
  recovery_failed: 'Wrong recovery key',
  password_reset: 'Password reset',
  password_change: 'Password changed',
  password_set: 'Password set',
  encrypt_records: 'Records encrypted',
  backup: 'Backup',
  snapshot: 'Automatic snapshot',
  restore_backup: 'Restore from backup',
  export: 'Export',
  backup_download: 'Backup downloaded',
  snapshot_delete: 'Safety snapshot deleted',
  audit_view: 'Audit trail viewed',
  audit_anchor: 'Audit trail anchored',
};

/** "1 patient", "2 patients". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action.replace(/_/g, ' ');
}
