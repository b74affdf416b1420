/**
 * The patient's notes in one line per episode, for the episode list on the patient page: the
 * intake's state and the visit notes, so a signed note shows in the patient's history.
 */
import { useMemo } from 'react';
import { type NoteHeader } from '../../../shared/domain/notes';
import { formatDate } from '../../../shared/time/dates';
import { records, useRead } from '../data';
import { useApp } from '../app/context';

/** Every note of the patient, by episode; empty until loaded (a failure leaves the lines out). */
export function usePatientNotes(patientId: number): ReadonlyMap<number, NoteHeader[]> {
  const { data } = useRead(records.patient(patientId), 'notes.history', { patientId });
  return useMemo(() => {
    const map = new Map<number, NoteHeader[]>();
    for (const n of data ?? []) map.set(n.episodeId, [...(map.get(n.episodeId) ?? []), n]);
    return map;
  }, [data]);
}

/** The clinic's calendar day of an instant. */
function localDateOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function EpisodeNotesLine({ notes }: { notes: readonly NoteHeader[] | undefined }) {
  const { settings } = useApp();
  if (!notes || notes.length === 0) return null;
  const intake = notes.find((n) => n.kind === 'intake');
  const visits = notes.filter((n) => n.kind === 'visit');
  const visitDrafts = visits.filter((n) => n.status === 'draft').length;
  const parts: string[] = [];
  if (intake) {
    parts.push(
      intake.status === 'signed' && intake.signedAt
        ? `Intake note signed ${formatDate(localDateOf(intake.signedAt), settings.dateFormat)}${intake.signerName ? ` by ${intake.signerName}` : ''}`
        : 'Intake note in draft',
    );
  }
  if (visits.length > 0) {
    parts.push(
      `${visits.length} visit ${visits.length === 1 ? 'note' : 'notes'}${visitDrafts > 0 ? ` (${visitDrafts} draft)` : ''}`,
    );
  }
  const addenda = notes.reduce((sum, n) => sum + n.addendumCount, 0);
  if (addenda > 0) parts.push(`${addenda} ${addenda === 1 ? 'addendum' : 'addenda'}`);
  return (
    <p className="episode-list__notes">
      <span className="episode-list__notes-label">Notes: </span>
      {parts.join(' · ')}
    </p>
  );
}
