/**
 * Handouts: give one (make it and record it), list them, reprint, and, on the desktop, save,
 * print or open the PDF through the Platform adapter. In the browser preview there is no
 * Platform: those three answer `not_available` and the page offers a download instead.
 *
 * Save, print and open work on a given handout by id: the backend makes the file again from the
 * stored data, so the page can only ever print or save what was recorded as given.
 */
import type { HandoutRecord } from '../../../shared/domain/handout';
import { FileWriteError, writeFileDurably } from '../../files/durable-write';
import { checkSaveDestination } from '../../files/save-destination';
import {
  auditHandoutAction,
  getHandout,
  issueHandout,
  listHandoutsOfEpisode,
  listHandoutsOfPatient,
  remakeHandout,
  reprintHandout,
  sha256,
} from '../../records/handouts';
import { getEpisode } from '../../records/episodes';
import { getPatient } from '../../records/patients';
import { AppError } from '../../util/errors';
import type { ClinicContext, HandlersFor } from '../handler-types';
import type { Platform } from '../platform';

function desktop(ctx: ClinicContext, what: string): Platform {
  if (!ctx.platform) {
    throw new AppError(
      'not_available',
      `${what} needs the desktop app. In the browser preview, download the handout and ${what.toLowerCase()} it from there.`,
    );
  }
  return ctx.platform;
}

function reason(err: unknown): string {
  return err instanceof Error && err.message.trim() !== '' ? err.message.trim() : 'no reason given';
}

function title(record: HandoutRecord): string {
  return record.fileName.replace(/\.pdf$/, '');
}

export const handoutHandlers: HandlersFor<
  | 'handouts.issue'
  | 'handouts.listForEpisode'
  | 'handouts.listForPatient'
  | 'handouts.reprint'
  | 'handouts.saveAs'
  | 'handouts.print'
  | 'handouts.openInViewer'
> = {
  'handouts.issue': (req, { db, clock, clinician }) => issueHandout(db, clock, clinician.id, req.episodeId),

  'handouts.listForEpisode': (req, { db }) => {
    getEpisode(db, req.episodeId);
    return listHandoutsOfEpisode(db, req.episodeId);
  },

  'handouts.listForPatient': (req, { db }) => {
    getPatient(db, req.patientId);
    return listHandoutsOfPatient(db, req.patientId);
  },

  'handouts.reprint': (req, { db, clock, clinician }) => reprintHandout(db, clock, clinician.id, req.id),

  'handouts.saveAs': async (req, ctx) => {
    const platform = desktop(ctx, 'Save as');
    const { db, clock, clinician } = ctx;
    const record = getHandout(db, req.id);
    const chosen = await platform.chooseSavePath({
      title: 'Save the handout',
      defaultName: record.fileName,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    if (chosen === null) return { outcome: 'cancelled' as const };
    checkSaveDestination(ctx.dataDir, chosen, 'handout');
    ctx.approvedPaths.approve(chosen);
    const { pdf } = await remakeHandout(db, req.id);
    if (!ctx.approvedPaths.consume(chosen)) {
      throw new AppError('forbidden', 'The handout can only be saved where you chose in the save dialog.');
    }
    try {
      writeFileDurably(chosen, pdf);
    } catch (err) {
      const message = err instanceof FileWriteError ? err.message : `The handout could not be saved: ${reason(err)}.`;
      const code = err instanceof FileWriteError ? err.code : 'UNKNOWN';
      auditHandoutAction(db, clock, clinician.id, record, 'save_failed', { path: chosen, error: code });
      throw new AppError('io_error', message);
    }
    auditHandoutAction(db, clock, clinician.id, record, 'save', { path: chosen, sha256: sha256(pdf) });
    return { outcome: 'saved' as const, path: chosen };
  },

  'handouts.print': async (req, ctx) => {
    const platform = desktop(ctx, 'Print');
    const { db, clock, clinician } = ctx;
    const record = getHandout(db, req.id);
    const { pdf } = await remakeHandout(db, req.id);
    try {
      await platform.printPdf(pdf, title(record));
    } catch (err) {
      auditHandoutAction(db, clock, clinician.id, record, 'print_failed', { error: reason(err) });
      throw new AppError(
        'io_error',
        `The handout could not be printed (${reason(err)}). Check that a printer is connected and switched on, then try again, or save the handout and print it later.`,
      );
    }
    auditHandoutAction(db, clock, clinician.id, record, 'print', { sha256: sha256(pdf) });
    return {};
  },

  'handouts.openInViewer': async (req, ctx) => {
    const platform = desktop(ctx, 'Opening in the PDF viewer');
    const { db, clock, clinician } = ctx;
    const record = getHandout(db, req.id);
    const { pdf } = await remakeHandout(db, req.id);
    let file: string | null = null;
    try {
      file = ctx.tempFiles.write(record.fileName, pdf);
      await platform.openPath(file);
    } catch (err) {
      if (file) ctx.tempFiles.removeLater(file, 0);
      auditHandoutAction(db, clock, clinician.id, record, 'open_failed', { error: reason(err) });
      throw new AppError(
        'io_error',
        `The handout could not be opened in the PDF viewer (${reason(err)}). Use "Save as…" and open the saved file instead.`,
      );
    }
    ctx.tempFiles.removeLater(file);
    auditHandoutAction(db, clock, clinician.id, record, 'open', { sha256: sha256(pdf) });
    return {};
  },
};
