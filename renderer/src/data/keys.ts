/**
 * Query keys: every answer is filed under the record it shows, then the channel and request.
 * A write names the records it changed and every view of them is loaded again.
 *
 *   patient   the patient and what the patient page lists (episodes, notes, handouts, summaries)
 *   episode   one episode and its sections (running programme, check-ins, timeline, intake,
 *             notes, home exercises, handouts)
 *   clinic    clinic-wide lists, by area (settings, running library, exercises, clinicians...)
 */
import type { Channel, RequestOf } from '../../../shared/ipc/contract';

export type ClinicArea =
  'app' | 'audit' | 'backups' | 'clinicians' | 'exercises' | 'patients' | 'readiness' | 'running' | 'templates';

export type RecordKey =
  | readonly ['patient']
  | readonly ['patient', number]
  | readonly ['episode', number]
  | readonly ['note', number]
  | readonly ['clinic', ClinicArea];

export const records = {
  patient: (id: number): RecordKey => ['patient', id],
  episode: (id: number): RecordKey => ['episode', id],
  note: (id: number): RecordKey => ['note', id],
  clinic: (area: ClinicArea): RecordKey => ['clinic', area],
  /** Every patient's views: the patient page lists what happens in its episodes. */
  everyPatient: (): RecordKey => ['patient'],
  /** What a change to an episode changes: the episode's views and the patient page listing it. */
  ofEpisode: (id: number): readonly RecordKey[] => [['episode', id], ['patient']],
};

/** The key of one answer: its record, then what was asked. */
export function queryKeyOf<C extends Channel>(record: RecordKey, channel: C, request: RequestOf<C> | null) {
  return [...record, channel, request] as const;
}
