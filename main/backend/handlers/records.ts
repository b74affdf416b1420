/** Backups, restores, exports and progress: keeping the clinic's records safe and portable. */
import path from 'node:path';
import { patientDisplayName } from '../../../shared/domain/patient';
import type { ExportOutcome } from '../../../shared/domain/records';
import { countOf } from '../../../shared/domain/records';
import { appendAudit } from '../../audit/audit-log';
import { megabytes } from '../../backup/auto-snapshot';
import { backupSteps } from '../../backup/backup';
import { runSteps } from '../../backup/container';
import { checkLocalBackupFile } from '../../backup/local-source';
import { checkSaveDestination } from '../../files/save-destination';
import { inspectBackupFile } from '../../backup/restore';
import { deleteSafetySnapshot, requireAdministrator } from '../../backup/delete-snapshot';
import { writeBackupKeep } from '../../backup/settings';
import { backupByName, pruneSnapshots, SAFETY_KEEP_DAYS, snapshotPath } from '../../backup/snapshots';
import type { ExportMeta } from '../../export/export';
import {
  clinicCsvSteps,
  clinicJsonSteps,
  FileSink,
  MemorySink,
  openSnapshot,
  patientJson,
  safeFileName,
} from '../../export/export';
import { requireSettings } from '../../records/clinic';
import { sha256 } from '../../records/handouts';
import { signerOf } from '../../records/notes';
import { getPatient } from '../../records/patients';
import { collectPatientRecord } from '../../records/record-data';
import { renderRecord } from '../../pdf/render-record';
import { patientFileName } from '../../../shared/handout/file-name';
import { AppError, errorCodeOf, messageOf } from '../../util/errors';
import type { ClinicContext, HandlersFor, PublicContext } from '../handler-types';
import type { RestoreSource } from '../../../shared/domain/records';

/** A failed backup or export, in words: what happened, that nothing else changed, what to do. */
function fileFailure(what: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = errorCodeOf(err);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new AppError('io_error', `The disk is full, so ${what} was not made. Free some space and try again.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError(
      'io_error',
      `That folder cannot be written to, so ${what} was not made. Choose another folder.`,
    );
  }
  return new AppError(
    'io_error',
    `${what[0]!.toUpperCase()}${what.slice(1)} could not be made (${messageOf(err)}). The records were not changed. Try again.`,
  );
}

/** See checkSaveDestination: backups may go to backups/, nothing else into the data folder. */
function checkDestination(ctx: ClinicContext, file: string, kind: 'backup' | 'export'): void {
  checkSaveDestination(ctx.dataDir, file, kind);
}

function today(ctx: ClinicContext): string {
  return ctx.clock.today();
}

function sourceFile(source: RestoreSource, ctx: PublicContext): string {
  if (source.kind === 'snapshot') {
    const file = backupByName(ctx.records.dataDir, source.name);
    if (!file) throw new AppError('not_found', 'That backup is no longer in the backups folder. Choose another one.');
    return file;
  }
  checkLocalBackupFile(source.path); // before anything else: a network path is never touched
  if (!path.isAbsolute(source.path)) {
    const message =
      'Type the full path of the backup file, starting from the top of the disk (for example /home/… or C:\\…).';
    throw new AppError('invalid_request', message, { path: message });
  }
  return source.path;
}

/** The database key for reading the open records on a second connection (null in the demo clinic). */
function keyFor(ctx: ClinicContext): Buffer | null {
  return ctx.store.kind === 'demo' ? null : ctx.session.recordsAccess().key;
}

function exportMeta(ctx: ClinicContext): ExportMeta {
  return {
    exportedAt: ctx.clock.now(),
    exportedBy: { id: ctx.clinician.id, name: ctx.clinician.name },
    appVersion: ctx.records.appVersion,
  };
}

/**
 * Desktop: a save dialog; the browser preview: a download. Null when the clinician cancels.
 * Files are written only to the path the dialog returned, in the same request: the page never
 * names a path to write to.
 */
async function exportDestination(
  ctx: ClinicContext,
  defaultName: string,
  filter: { name: string; extensions: string[] },
): Promise<{ kind: 'file'; path: string } | { kind: 'download' } | null> {
  if (!ctx.platform) return { kind: 'download' };
  const chosen = await ctx.platform.chooseSavePath({
    title: 'Save the export (it is not encrypted)',
    defaultName,
    filters: [filter],
  });
  if (chosen === null) return null;
  checkDestination(ctx, chosen, 'export');
  return { kind: 'file', path: chosen };
}

export const recordsHandlers: HandlersFor<
  | 'progress.get'
  | 'backups.list'
  | 'backups.create'
  | 'backups.setKeep'
  | 'backups.download'
  | 'backups.delete'
  | 'downloads.read'
  | 'restore.chooseFile'
  | 'restore.inspect'
  | 'restore.prepare'
  | 'restore.confirm'
  | 'restore.cancel'
  | 'export.patient'
  | 'export.clinic'
> = {
  'progress.get': (req, { records }) => records.progress.get(req.id),

  'backups.list': (_req, { session }) => session.backupList(),

  'backups.create': async (req, ctx) => {
    const access = ctx.session.recordsAccess();
    try {
      const clinic = requireSettings(ctx.db).clinicName;
      let dest: string;
      if (ctx.platform) {
        const chosen = await ctx.platform.chooseSavePath({
          title: 'Save a backup of the records',
          defaultName: `${safeFileName(clinic)} backup ${today(ctx)}.stridebackup`,
          filters: [{ name: 'Stride Clinic backup', extensions: ['stridebackup'] }],
        });
        if (chosen === null) return { saved: false };
        checkDestination(ctx, chosen, 'backup');
        dest = chosen;
      } else {
        dest = snapshotPath(ctx.dataDir, ctx.clock.now(), 'manual');
      }
      const started = performance.now();
      let result;
      try {
        result = await ctx.records.progress.follow(req.progressId, (report) =>
          runSteps(
            backupSteps({
              db: access.store.db,
              key: access.key,
              keys: access.keys,
              dataDir: ctx.dataDir,
              dest,
              kind: 'manual',
              appVersion: ctx.records.appVersion,
              now: ctx.clock.now(),
              ...(ctx.records.nativeBinding ? { nativeBinding: ctx.records.nativeBinding } : {}),
            }),
            report,
            () => (access.store.db.open ? null : 'the records were locked before the backup was finished'),
          ),
        );
      } catch (err) {
        ctx.logger.error('backup failed', err);
        throw fileFailure('the backup', err);
      }
      const seconds = (performance.now() - started) / 1000;
      appendAudit(ctx.db, ctx.clock, {
        clinicianId: ctx.clinician.id,
        action: 'backup',
        entity: 'records',
        entityId: null,
        patientId: null,
        summary: `${ctx.clinician.name} backed up the records (${countOf(result.patients, 'patient')}, ${megabytes(result.bytes)}) to ${ctx.platform ? dest : `the data folder as ${path.basename(dest)}`}`,
      });
      return {
        saved: true,
        file: dest,
        inDataFolder: !ctx.platform,
        name: path.basename(dest),
        bytes: result.bytes,
        createdAt: result.createdAt,
        patients: result.patients,
        seconds,
      };
    } finally {
      access.key.fill(0);
    }
  },

  'backups.setKeep': (req, ctx) => {
    const access = ctx.session.recordsAccess();
    access.key.fill(0);
    const keep = writeBackupKeep(ctx.db, ctx.clock, ctx.clinician.id, req.keep);
    const pruned = pruneSnapshots(ctx.dataDir, keep, null, ctx.clock.now());
    if (pruned.length > 0) {
      appendAudit(ctx.db, ctx.clock, {
        clinicianId: ctx.clinician.id,
        action: 'snapshot',
        entity: 'records',
        entityId: null,
        patientId: null,
        summary: `Removed ${pruned.length} automatic snapshot${pruned.length === 1 ? '' : 's'} beyond the newest ${keep} daily ones (and safety snapshots over ${SAFETY_KEEP_DAYS} days old): ${pruned.join(', ')}`,
      });
    }
    return { keep };
  },

  'backups.delete': async (req, ctx) => {
    // An administrator's act: refused before the password is asked, then confirmed with it.
    requireAdministrator(ctx.db, ctx.clinician.id);
    await ctx.session.reauthenticate(req.yourPassword);
    return deleteSafetySnapshot({
      db: ctx.db,
      clock: ctx.clock,
      dataDir: ctx.dataDir,
      clinicianId: ctx.clinician.id,
      name: req.name,
    });
  },

  'backups.download': (req, ctx) => {
    const file = backupByName(ctx.dataDir, req.name);
    if (!file) throw new AppError('not_found', 'That backup is no longer in the backups folder.');
    const { id, total } = ctx.records.downloads.add({ kind: 'file', path: file });
    appendAudit(ctx.db, ctx.clock, {
      clinicianId: ctx.clinician.id,
      action: 'backup_download',
      entity: 'records',
      entityId: null,
      patientId: null,
      summary: `${ctx.clinician.name} downloaded the backup ${req.name} (${megabytes(total)}, encrypted)`,
    });
    return { downloadId: id, fileName: req.name, bytes: total };
  },

  'downloads.read': (req, ctx) => ctx.records.downloads.read(req.id, req.offset),

  'restore.chooseFile': async (_req, ctx) => {
    if (!ctx.platform) {
      throw new AppError('forbidden', 'In the browser preview, type the path of the backup file instead.');
    }
    const chosen = await ctx.platform.chooseOpenPath({
      title: 'Choose a Stride Clinic backup',
      filters: [{ name: 'Stride Clinic backup', extensions: ['stridebackup'] }],
    });
    return { path: chosen };
  },

  'restore.inspect': (req, ctx) => inspectBackupFile(sourceFile(req.source, ctx)).facts,

  'restore.prepare': (req, ctx) =>
    ctx.records.progress.follow(req.progressId, (report) =>
      ctx.session.prepareRestore(sourceFile(req.source, ctx), req.clinicianId, req.password, report),
    ),

  'restore.confirm': (req, ctx) =>
    ctx.records.progress.follow(req.progressId, (report) => ctx.session.confirmRestore(req.restoreId, report)),

  'restore.cancel': (req, ctx) => {
    ctx.session.cancelRestore(req.restoreId);
    return {};
  },

  'export.patient': async (req, ctx): Promise<ExportOutcome> => {
    const patient = getPatient(ctx.db, req.patientId);
    const pdf = req.format === 'pdf';
    const fileName = patientFileName(today(ctx), patient, 'record', pdf ? 'pdf' : 'json');
    const dest = await exportDestination(
      ctx,
      fileName,
      pdf ? { name: 'PDF', extensions: ['pdf'] } : { name: 'JSON', extensions: ['json'] },
    );
    if (dest === null) return { kind: 'cancelled' };
    let bytes: Buffer;
    if (pdf) {
      try {
        const data = collectPatientRecord(
          ctx.db,
          ctx.clock,
          patient.id,
          signerOf(ctx.clinician),
          ctx.records.appVersion,
        );
        bytes = await renderRecord(data);
      } catch (err) {
        ctx.logger.error('record PDF failed', err);
        throw fileFailure('the PDF of the record', err);
      }
    } else {
      bytes = Buffer.from(patientJson(ctx.db, patient.id, exportMeta(ctx)).json, 'utf8');
    }
    const hash = sha256(bytes);
    let outcome: ExportOutcome;
    if (dest.kind === 'download') {
      const { id } = ctx.records.downloads.add({ kind: 'memory', bytes });
      outcome = {
        kind: 'download',
        downloadId: id,
        fileName,
        mimeType: pdf ? 'application/pdf' : 'application/json',
        bytes: bytes.length,
      };
    } else {
      // Opening the file is inside the try: a folder that cannot be written is a plain message.
      let sink: FileSink | null = null;
      try {
        sink = new FileSink(dest.path);
        sink.write(bytes);
        sink.commit();
      } catch (err) {
        sink?.abort();
        throw fileFailure('the export', err);
      }
      outcome = { kind: 'saved', file: dest.path, bytes: bytes.length };
    }
    appendAudit(ctx.db, ctx.clock, {
      clinicianId: ctx.clinician.id,
      action: 'export',
      entity: 'patient',
      entityId: patient.id,
      patientId: patient.id,
      summary: `${ctx.clinician.name} exported the full record of ${patientDisplayName(patient)} as ${pdf ? 'a readable PDF' : 'JSON'} (not encrypted)${dest.kind === 'download' ? ' as a download' : ` to ${dest.path}`}; SHA-256 ${hash}`,
    });
    return outcome;
  },

  'export.clinic': async (req, ctx): Promise<ExportOutcome> => {
    const clinic = requireSettings(ctx.db).clinicName;
    const isCsv = req.format === 'csv';
    const fileName = `${safeFileName(clinic)} export ${today(ctx)}${isCsv ? ' (CSV).zip' : '.json'}`;
    const dest = await exportDestination(
      ctx,
      fileName,
      isCsv ? { name: 'ZIP of CSV files', extensions: ['zip'] } : { name: 'JSON', extensions: ['json'] },
    );
    if (dest === null) return { kind: 'cancelled' };
    const key = keyFor(ctx);
    const memory = dest.kind === 'download' ? new MemorySink() : null;
    let file: FileSink | null = null;
    let result;
    try {
      // Opening the file is inside the try: a folder that cannot be written is a plain message.
      file = dest.kind === 'download' ? null : new FileSink(dest.path);
      const sink = memory ?? file!;
      const snapshot = openSnapshot(ctx.store.file, key, ctx.records.nativeBinding);
      try {
        const meta = exportMeta(ctx);
        result = await ctx.records.progress.follow(req.progressId, (report) =>
          runSteps(
            isCsv ? clinicCsvSteps(snapshot.db, sink, meta) : clinicJsonSteps(snapshot.db, sink, meta),
            report,
            () => (ctx.store.db.open ? null : 'the records were locked before the export was finished'),
          ),
        );
      } finally {
        snapshot.end();
      }
      file?.commit();
    } catch (err) {
      file?.abort();
      memory?.result().fill(0);
      ctx.logger.error('export failed', err);
      throw fileFailure('the export', err);
    } finally {
      key?.fill(0);
    }
    let outcome: ExportOutcome;
    if (memory) {
      const { id, total } = ctx.records.downloads.add({ kind: 'memory', bytes: memory.result() });
      outcome = {
        kind: 'download',
        downloadId: id,
        fileName,
        mimeType: isCsv ? 'application/zip' : 'application/json',
        bytes: total,
      };
    } else {
      outcome = { kind: 'saved', file: dest.kind === 'file' ? dest.path : '', bytes: result.bytes };
    }
    const patients = result.tables.find((t) => t.name === 'patients')?.rows ?? 0;
    appendAudit(ctx.db, ctx.clock, {
      clinicianId: ctx.clinician.id,
      action: 'export',
      entity: 'records',
      entityId: null,
      patientId: null,
      summary: `${ctx.clinician.name} exported the whole clinic (${countOf(patients, 'patient')}, ${countOf(result.tables.length, 'table')}) as ${isCsv ? 'CSV files in a ZIP' : 'JSON'} (not encrypted)${dest.kind === 'download' ? ' as a download' : ` to ${dest.path}`}`,
    });
    return outcome;
  },
};
