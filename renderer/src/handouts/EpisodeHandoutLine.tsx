/** On the patient page: one quiet line per episode saying which handouts were given. */
import { useMemo } from 'react';
import type { HandoutRecord } from '../../../shared/domain/handout';
import { formatDate } from '../../../shared/time/dates';
import { records, useRead } from '../data';
import { useApp } from '../app/context';

/** The patient's handouts grouped by episode (newest first); empty until loaded or on error. */
export function useHandoutsByEpisode(patientId: number): Map<number, HandoutRecord[]> {
  const { data } = useRead(records.patient(patientId), 'handouts.listForPatient', { patientId });
  return useMemo(() => {
    const grouped = new Map<number, HandoutRecord[]>();
    for (const h of data ?? []) grouped.set(h.episodeId, [...(grouped.get(h.episodeId) ?? []), h]);
    return grouped;
  }, [data]);
}

export function EpisodeHandoutLine({ handouts }: { handouts: HandoutRecord[] | undefined }) {
  const { settings } = useApp();
  const latest = handouts?.[0];
  if (!handouts || !latest) return null;
  const more = handouts.length - 1;
  return (
    <span className="episode-handouts">
      Handout given {formatDate(latest.issuedOn, settings.dateFormat)}
      {more > 0 ? ` (and ${more} before)` : ''}
    </span>
  );
}
