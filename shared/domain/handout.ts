/**
 * Handouts given to patients, as the IPC contract carries them: the issued record for the history
 * list, and the PDF (base64) for the in-app preview, the download and the print.
 */
import { z } from 'zod';
import { PAPER_SIZES } from './settings';
import { RecordId, Timestamp } from '../text/fields';

/** A PDF of up to 30 MB (eight uploaded photos at their 2 MB limit and the rest), as base64. */
export const MAX_PDF_BASE64 = 40 * 1024 * 1024;

export const HandoutRecord = z.strictObject({
  id: RecordId,
  patientId: RecordId,
  episodeId: RecordId,
  issuedOn: z.string(),
  issuedAt: Timestamp,
  clinicianName: z.string(),
  /** "Level 6 of 15 (week 2)", or empty when the handout has no running plan. */
  levelSummary: z.string(),
  exerciseNames: z.array(z.string()).max(50),
  pageCount: z.number().int().min(1),
  paperSize: z.enum(PAPER_SIZES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** "2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf": for the save dialog and the download. */
  fileName: z.string(),
});
export type HandoutRecord = z.infer<typeof HandoutRecord>;

export const HandoutPdf = z.strictObject({
  handout: HandoutRecord,
  pdfBase64: z.string().max(MAX_PDF_BASE64),
  /**
   * False when a reprint made today differs from the file given then (the app's layout changed
   * since): the content comes from the same stored data, but the bytes are not the same.
   */
  identical: z.boolean(),
  /** What the handout leaves out, for the clinician to know before giving it ("no running plan yet"). */
  notes: z.array(z.string()).max(10),
});
export type HandoutPdf = z.infer<typeof HandoutPdf>;

export const HandoutIssue = z.strictObject({ episodeId: RecordId });
export const HandoutById = z.strictObject({ id: RecordId });
export const HandoutsOfEpisode = z.strictObject({ episodeId: RecordId });
export const HandoutsOfPatient = z.strictObject({ patientId: RecordId });

export const HandoutSaveResult = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('saved'), path: z.string() }),
  z.strictObject({ outcome: z.literal('cancelled') }),
]);
export type HandoutSaveResult = z.infer<typeof HandoutSaveResult>;
