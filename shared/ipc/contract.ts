/**
 * The one typed contract between the renderer and the backend.
 *
 * Every channel names the schema of its request and of its response. The backend parses each
 * request with its schema (unknown keys are refused, sizes are bounded) before any handler
 * runs; the preload exposes one named function per channel; the preview server serves the same
 * channels over HTTP. Adding a feature means adding channels here first.
 */
import { z } from 'zod';
import {
  Patient,
  PatientArchive,
  PatientInput,
  PatientSearch,
  PatientSearchPage,
  PatientUpdate,
} from '../domain/patient';
import {
  AppStatus,
  ChangePasswordInput,
  Empty,
  EncryptInput,
  RecoverInput,
  SetupInput,
  SignInInput,
  UnlockInput,
  WithRecoveryKey,
} from '../domain/session';
import { EpisodeClose, EpisodeCreate, EpisodeSummary } from '../domain/episode';
import { EpisodeTimeline } from '../domain/timeline';
import {
  IntakeChooseStart,
  IntakeRecord,
  IntakeSave,
  IntakeSign,
  ReadinessSettings,
  ReadinessSettingsUpdate,
  StartingPointRecord,
} from '../domain/intake';
import { AddendumInput, ClinicalNote, NoteCreate, NoteHeader, NoteSign, NoteUpdate } from '../domain/notes';
import {
  HandoutById,
  HandoutIssue,
  HandoutPdf,
  HandoutRecord,
  HandoutSaveResult,
  HandoutsOfEpisode,
  HandoutsOfPatient,
} from '../domain/handout';
import {
  ClinicSettings,
  Clinician,
  ClinicianCreate,
  ClinicianSetActive,
  ClinicianSetPassword,
  ClinicianSetRole,
  ClinicianUpdate,
  ClinicianWithAccess,
  YourPassword,
} from '../domain/settings';
import { RecordId } from '../text/fields';
import {
  AuditFilterChoices,
  AuditPage,
  AuditQuery,
  BackupFacts,
  BackupKeep,
  BackupList,
  BackupName,
  BackupOutcome,
  DownloadChunk,
  EXPORT_FORMATS,
  PATIENT_EXPORT_FORMATS,
  ExportOutcome,
  Progress,
  ProgressId,
  RestoreConfirm,
  RestoreId,
  RestorePrepare,
  RestorePreview,
  RestoreSource,
} from '../domain/records';
import {
  ClinicExercise,
  ClinicExerciseCreate,
  ClinicExerciseGet,
  ClinicExerciseList,
  ClinicExerciseRetire,
  ClinicExerciseUpdate,
  ImageData,
  ImageRequest,
} from '../domain/clinic-exercise';
import {
  EpisodeProgramme,
  EpisodeRef,
  Prescription,
  PrescriptionGet,
  PrescriptionSave,
  PrescriptionTemplate,
  PrescriptionTemplateRemove,
  PrescriptionTemplateSave,
  PrescriptionVersionSummary,
} from '../domain/prescription';
import {
  CheckInCreate,
  CheckInList,
  CheckInPage,
  CheckInPreview,
  CheckInPreviewResult,
  DefaultRuleSet,
  EpisodeRunning,
  ProgrammeAssign,
  ProgrammeDuplicate,
  ProgrammeEntry,
  ProgrammeSave,
  RuleSetCopy,
  RuleSetEntry,
  RuleSetSave,
  RunningLibrary,
  RunningSummary,
} from '../domain/running';
import type { ChannelName } from './channels';
import { CHANNEL_NAMES } from './channels';

interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
  /** Channels that work before anyone signs in (the first screen and the sign-in screen). */
  public?: true;
}

/** A channel that needs a signed-in clinician. */
function channel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): { request: Req; response: Res } {
  return { request, response };
}

/** A channel that works before sign-in: first start, sign-in, the demo clinic. */
function publicChannel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): { request: Req; response: Res; public: true } {
  return { request, response, public: true };
}

const ById = z.strictObject({ id: RecordId });
const ByEpisode = z.strictObject({ episodeId: RecordId });

export const contract = {
  'app.status': publicChannel(Empty, AppStatus),
  /** Desktop (native dialogs, viewer, printing) or browser preview (downloads and typed paths). */
  'app.platform': publicChannel(Empty, z.strictObject({ kind: z.enum(['desktop', 'browser']) })),
  'app.setup': publicChannel(SetupInput, WithRecoveryKey),
  'app.encrypt': publicChannel(EncryptInput, WithRecoveryKey),
  'app.openDemo': publicChannel(Empty, AppStatus),
  'app.leaveDemo': publicChannel(Empty, AppStatus),
  /** Clinicians of records kept from before encryption, to choose who encrypts them. */
  'session.clinicians': publicChannel(Empty, z.array(Clinician)),
  'session.signIn': publicChannel(SignInInput, AppStatus),
  'session.unlock': publicChannel(UnlockInput, AppStatus),
  'session.recover': publicChannel(RecoverInput, AppStatus),
  'session.lock': publicChannel(Empty, AppStatus),
  'session.signOut': publicChannel(Empty, AppStatus),
  /** The clinician is active in the window (typing a long note): postpones the automatic lock. */
  'session.touch': channel(Empty, Empty),
  'session.changePassword': channel(ChangePasswordInput, Empty),

  'patients.search': channel(PatientSearch, PatientSearchPage),
  'patients.get': channel(ById, Patient),
  'patients.create': channel(PatientInput, Patient),
  'patients.update': channel(PatientUpdate, Patient),
  'patients.archive': channel(PatientArchive, Patient),

  'episodes.list': channel(z.strictObject({ patientId: RecordId }), z.array(EpisodeSummary)),
  'episodes.get': channel(ById, EpisodeSummary),
  'episodes.create': channel(EpisodeCreate, EpisodeSummary),
  'episodes.close': channel(EpisodeClose, EpisodeSummary),
  /** The episode's history: its events newest first and the charts' series (viewing is audited). */
  'episodes.timeline': channel(ByEpisode, EpisodeTimeline),

  /** The episode's intake, or null before it is started. */
  'intake.get': channel(ByEpisode, IntakeRecord.nullable()),
  /** Starts the intake (a draft seeded from the episode); answers the existing one if started. */
  'intake.start': channel(ByEpisode, IntakeRecord),
  'intake.saveDraft': channel(IntakeSave, IntakeRecord),
  'intake.chooseStart': channel(IntakeChooseStart, IntakeRecord),
  'intake.sign': channel(IntakeSign, IntakeRecord),
  /** The accepted starting point, for the running programme; null until one is chosen. */
  'intake.startingPoint': channel(ByEpisode, StartingPointRecord.nullable()),
  'readiness.settings': channel(Empty, ReadinessSettings),
  'readiness.updateSettings': channel(ReadinessSettingsUpdate, ReadinessSettings),

  'notes.list': channel(ByEpisode, z.array(ClinicalNote)),
  /** Every note of a patient, one line each, for the patient page. */
  'notes.history': channel(z.strictObject({ patientId: RecordId }), z.array(NoteHeader)),
  'notes.get': channel(ById, ClinicalNote),
  'notes.create': channel(NoteCreate, ClinicalNote),
  'notes.update': channel(NoteUpdate, ClinicalNote),
  'notes.sign': channel(NoteSign, ClinicalNote),
  'notes.addAddendum': channel(AddendumInput, ClinicalNote),

  'exercises.listClinic': channel(ClinicExerciseList, z.array(ClinicExercise)),
  'exercises.getClinic': channel(ClinicExerciseGet, ClinicExercise),
  'exercises.createClinic': channel(ClinicExerciseCreate, ClinicExercise),
  'exercises.updateClinic': channel(ClinicExerciseUpdate, ClinicExercise),
  'exercises.retireClinic': channel(ClinicExerciseRetire, ClinicExercise),
  'exercises.image': channel(ImageRequest, ImageData),

  'prescriptions.current': channel(EpisodeRef, Prescription.nullable()),
  'prescriptions.history': channel(EpisodeRef, z.array(PrescriptionVersionSummary)),
  'prescriptions.get': channel(PrescriptionGet, Prescription),
  'prescriptions.save': channel(PrescriptionSave, Prescription),
  'prescriptions.forPatient': channel(z.strictObject({ patientId: RecordId }), z.array(EpisodeProgramme)),
  'prescriptionTemplates.list': channel(Empty, z.array(PrescriptionTemplate)),
  'prescriptionTemplates.save': channel(PrescriptionTemplateSave, PrescriptionTemplate),
  'prescriptionTemplates.remove': channel(PrescriptionTemplateRemove, PrescriptionTemplate),
  'running.library': channel(Empty, RunningLibrary),
  'running.episode': channel(z.strictObject({ episodeId: RecordId }), EpisodeRunning),
  'running.assign': channel(ProgrammeAssign, EpisodeRunning),
  'running.summaries': channel(z.strictObject({ patientId: RecordId }), z.array(RunningSummary).max(500)),
  'ruleSets.copy': channel(RuleSetCopy, RuleSetEntry),
  'ruleSets.save': channel(RuleSetSave, RuleSetEntry),
  'ruleSets.setDefault': channel(DefaultRuleSet, RunningLibrary),
  'programmes.duplicate': channel(ProgrammeDuplicate, ProgrammeEntry),
  'programmes.save': channel(ProgrammeSave, ProgrammeEntry),
  'checkIns.preview': channel(CheckInPreview, CheckInPreviewResult),
  'checkIns.create': channel(CheckInCreate, EpisodeRunning),
  'checkIns.list': channel(CheckInList, CheckInPage),

  /** Makes the episode's handout from today's records, records it as given, returns the PDF. */
  'handouts.issue': channel(HandoutIssue, HandoutPdf),
  /** Handouts given for an episode (newest first), or for all of a patient's episodes. */
  'handouts.listForEpisode': channel(HandoutsOfEpisode, z.array(HandoutRecord).max(1000)),
  'handouts.listForPatient': channel(HandoutsOfPatient, z.array(HandoutRecord).max(5000)),
  /** The same file again, made from the stored data; says whether it matches the original's hash. */
  'handouts.reprint': channel(HandoutById, HandoutPdf),
  /** Desktop only: the system's save dialog, then a durable write. */
  'handouts.saveAs': channel(HandoutById, HandoutSaveResult),
  /** Desktop only: the system's print dialog. */
  'handouts.print': channel(HandoutById, Empty),
  /** Desktop only: opens the PDF in the system's viewer (from a private temporary file). */
  'handouts.openInViewer': channel(HandoutById, Empty),

  'settings.get': channel(Empty, ClinicSettings),
  'settings.update': channel(ClinicSettings, ClinicSettings),
  'clinicians.list': channel(Empty, z.array(ClinicianWithAccess)),
  /*
   * Managing clinicians: the owner and administrators only, each act with the acting
   * clinician's own password (checked in main) and audited; never removes the last administrator.
   */
  'clinicians.create': channel(ClinicianCreate, ClinicianWithAccess),
  /** Details (name, profession, registration): your own, or anyone's for an administrator. */
  'clinicians.update': channel(ClinicianUpdate, ClinicianWithAccess),
  /** A new password for another clinician (a new colleague, or one who forgot theirs). */
  'clinicians.setPassword': channel(ClinicianSetPassword, Empty),
  /** Grants or removes administrator. */
  'clinicians.setRole': channel(ClinicianSetRole, ClinicianWithAccess),
  /** Deactivates (removes their key slot, signs them out) or reactivates a clinician. */
  'clinicians.setActive': channel(ClinicianSetActive, ClinicianWithAccess),

  /**
   * "Change the records key": an administrator's act, with their own password (throttled like
   * sign-in), audited; a safety snapshot first. A new recovery key only when the old recovery
   * slot could not be resealed (docs/key-rotation.md).
   */
  'keys.rotate': channel(
    z.strictObject({ yourPassword: YourPassword, progressId: ProgressId.optional() }),
    z.strictObject({ recoveryKey: z.string().nullable(), snapshot: z.string() }),
  ),

  'audit.verify': channel(
    Empty,
    z.strictObject({
      ok: z.boolean(),
      entries: z.number().int().min(0),
      firstBrokenId: z.number().int().nullable(),
      reason: z.string().nullable(),
      /** What shows tampering, one sentence each (the chain, the append-only triggers, the anchor). */
      findings: z.array(z.string()),
      /** The anchor kept outside the audit table: in step, never made yet, not kept (demo), or not matching. */
      anchor: z.enum(['anchored', 'not_anchored_yet', 'not_kept', 'broken']),
      anchoredEntries: z.number().int().min(0).nullable(),
      anchoredAt: z.string().nullable(),
    }),
  ),
  /** The audit trail, filtered and paged, newest first. Viewing it is itself recorded. */
  'audit.list': channel(AuditQuery, AuditPage),
  /** The actions and clinicians the viewer's filters offer. */
  'audit.filters': channel(Empty, AuditFilterChoices),

  /** Where a long operation started with this progress id stands (null once it has ended). */
  'progress.get': publicChannel(z.strictObject({ id: ProgressId }), Progress.nullable()),
  /** The data folder's backups and automatic snapshots; public so a restore can start on a new computer or after damage. */
  'backups.list': publicChannel(Empty, BackupList),
  /** Back up now: desktop asks where to save; the browser preview writes to the data folder's backups/. */
  'backups.create': channel(z.strictObject({ progressId: ProgressId.optional() }), BackupOutcome),
  'backups.setKeep': channel(z.strictObject({ keep: BackupKeep }), z.strictObject({ keep: z.number().int() })),
  /** Deletes a safety snapshot (before a restore or an update): an administrator's act, audited. */
  'backups.delete': channel(
    z.strictObject({ name: BackupName, yourPassword: YourPassword }),
    z.strictObject({ name: BackupName }),
  ),
  /** A backup from the data folder, handed to the page as a download (browser preview). */
  'backups.download': channel(
    z.strictObject({ name: BackupName }),
    z.strictObject({ downloadId: z.string(), fileName: z.string(), bytes: z.number().int().min(0) }),
  ),
  'downloads.read': channel(
    z.strictObject({
      id: z.string().regex(/^[a-f0-9]{32}$/),
      offset: z
        .number()
        .int()
        .min(0)
        .max(2 ** 40),
    }),
    DownloadChunk,
  ),
  /** Desktop: the native "Open" dialog for a backup file. */
  'restore.chooseFile': publicChannel(Empty, z.strictObject({ path: z.string().nullable() })),
  /** What a backup file says about itself (before any password); refuses files that are not usable backups. */
  'restore.inspect': publicChannel(z.strictObject({ source: RestoreSource }), BackupFacts),
  /** Unlocks and checks a backup with a clinician's password (from the backup's own key file); replaces nothing. */
  'restore.prepare': publicChannel(RestorePrepare, RestorePreview),
  /** Replaces the records with the prepared backup (after a snapshot) and signs the clinician in. */
  'restore.confirm': publicChannel(RestoreConfirm, AppStatus),
  'restore.cancel': publicChannel(z.strictObject({ restoreId: RestoreId }), Empty),
  /**
   * One patient's full record, as a readable PDF or as JSON (when no format is given), not
   * encrypted: the page warns first.
   */
  'export.patient': channel(
    z.strictObject({ patientId: RecordId, format: z.enum(PATIENT_EXPORT_FORMATS).default('json') }),
    ExportOutcome,
  ),
  /** The whole clinic as JSON, or as a ZIP of CSV files (not encrypted: the page warns first). */
  'export.clinic': channel(
    z.strictObject({ format: z.enum(EXPORT_FORMATS), progressId: ProgressId.optional() }),
    ExportOutcome,
  ),
} as const satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

/** What the caller sends (before defaults are applied). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What the handler receives, after parsing. */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The largest request body the preview server accepts (bytes). Big enough for an image upload. */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
