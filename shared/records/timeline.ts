/**
 * An episode's history from its stored facts: the timeline of events (newest first, the order a
 * clinician reads a record in: what happened last is what matters at the next visit) and the
 * chart series (oldest first, time running left to right).
 *
 * Pure: the main process gathers the facts (main/records/timeline.ts) with dates already on the
 * clinic's calendar, and this turns them into words and numbers. No clock, no database.
 */
import type { EpisodeTimeline } from '../domain/timeline';
import type { DateFormat } from '../time/dates';
import type { TimelineFacts } from './timeline-facts';
import { chronological, eventsOf } from './timeline-events';
import { seriesOf } from './timeline-series';

/** The timeline (newest first) and chart series (oldest first) of one episode. */
export function buildTimeline(facts: TimelineFacts, dateFormat: DateFormat): EpisodeTimeline {
  const events = eventsOf(facts, dateFormat).sort(chronological).reverse();
  return { episodeId: facts.episode.id, patientId: facts.episode.patientId, events, series: seriesOf(facts) };
}
