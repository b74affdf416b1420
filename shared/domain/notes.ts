/**
 * Clinical notes: one SOAP note per visit (the intake and each later visit). A note is a draft
 * until a clinician signs it; a signed note never changes, and corrections or additions are
 * addenda, each signed, shown under it in the order they were written.
 */
import { z } from 'zod';
import { SoapNote } from '../clinical/intake/soap';
import { isoDate, RecordId, requiredText, Timestamp } from '../text/fields';

export const NOTE_KINDS = ['intake', 'visit'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_KIND_LABELS: Readonly<Record<NoteKind, string>> = { intake: 'Intake', visit: 'Visit' };

export const NOTE_STATUSES = ['draft', 'signed'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** Who signed, as they were named on the day: a later change of name does not rewrite the note. */
export const Signer = z.strictObject({
  clinicianId: RecordId,
  name: z.string(),
  profession: z.string(),
  registrationNumber: z.string(),
});
export type Signer = z.infer<typeof Signer>;

export const NoteAddendum = z.strictObject({
  id: RecordId,
  noteId: RecordId,
  text: z.string(),
  signedAt: Timestamp,
  signedBy: Signer,
});
export type NoteAddendum = z.infer<typeof NoteAddendum>;

export const ClinicalNote = z.strictObject({
  id: RecordId,
  episodeId: RecordId,
  patientId: RecordId,
  kind: z.enum(NOTE_KINDS),
  visitDate: z.string(),
  status: z.enum(NOTE_STATUSES),
  subjective: z.string(),
  objective: z.string(),
  assessment: z.string(),
  plan: z.string(),
  signedAt: Timestamp.nullable(),
  signedBy: Signer.nullable(),
  /** Positive red flags of the intake behind this note, shown above it on every screen. */
  alerts: z.array(z.string()),
  /** Oldest first. */
  addenda: z.array(NoteAddendum),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int().positive(),
});
export type ClinicalNote = z.infer<typeof ClinicalNote>;

/** One line of a patient's history: which note, for which episode, in which state. */
export const NoteHeader = z.strictObject({
  id: RecordId,
  episodeId: RecordId,
  kind: z.enum(NOTE_KINDS),
  visitDate: z.string(),
  status: z.enum(NOTE_STATUSES),
  signedAt: Timestamp.nullable(),
  signerName: z.string().nullable(),
  addendumCount: z.number().int().min(0),
});
export type NoteHeader = z.infer<typeof NoteHeader>;

export const NoteCreate = z.strictObject({
  episodeId: RecordId,
  visitDate: isoDate('Visit date'),
});
export type NoteCreate = z.infer<typeof NoteCreate>;

export const NoteUpdate = z.strictObject({
  id: RecordId,
  expectedVersion: z.number().int().positive(),
  visitDate: isoDate('Visit date'),
  content: SoapNote,
});
export type NoteUpdate = z.infer<typeof NoteUpdate>;

export const NoteSign = z.strictObject({
  id: RecordId,
  expectedVersion: z.number().int().positive(),
});
export type NoteSign = z.infer<typeof NoteSign>;

export const ADDENDUM_MAX = 10_000;

export const AddendumInput = z.strictObject({
  noteId: RecordId,
  text: requiredText('Addendum', ADDENDUM_MAX, 'multi'),
});
export type AddendumInput = z.infer<typeof AddendumInput>;

export function hasContent(note: SoapNote): boolean {
  return [note.subjective, note.objective, note.assessment, note.plan].some((t) => t.trim() !== '');
}
