/**
 * The patient page's one line per open episode: the programme, the current level in words and
 * the next run date, with "New check-in" one click away.
 */
import { useMemo } from 'react';
import type { RunningSummary } from '../../../shared/domain/running';
import { records, useRead } from '../data';
import { useApp } from '../app/context';
import { hrefOf } from '../app/router';
import { todayIso } from '../ui/format';
import { levelLine, nextRunText } from './words';

/** The running summaries of a patient's open episodes, by episode id (empty while loading or on error). */
export function useRunningSummaries(patientId: number): ReadonlyMap<number, RunningSummary> {
  // The episode list still shows without the running line if this fails.
  const { data } = useRead(records.patient(patientId), 'running.summaries', { patientId });
  return useMemo(() => new Map((data ?? []).map((s) => [s.episodeId, s])), [data]);
}

export function RunningSummaryLine(props: {
  summary: RunningSummary | undefined;
  patientId: number;
  episodeId: number;
  canRecord: boolean;
}) {
  const { settings } = useApp();
  const { summary } = props;
  if (!summary) return null;
  const next = summary.complete
    ? 'Programme complete'
    : summary.nextRunDate
      ? summary.nextRunDate <= todayIso()
        ? `${nextRunText(summary.nextRunDate, summary.currentLevel)} or any day after`
        : nextRunText(summary.nextRunDate, summary.currentLevel)
      : 'No run reported yet';
  return (
    <div className="running-summary">
      <p className="running-summary__text">
        <span className="running-summary__programme">Running programme: {summary.programmeName}</span>
        <span className="running-summary__level">{levelLine(summary.currentLevel, settings.units)}</span>
        <span className="running-summary__next">{next}</span>
      </p>
      {props.canRecord ? (
        <a
          className="button button--small button--primary"
          href={hrefOf({ name: 'episode', patientId: props.patientId, episodeId: props.episodeId, checkIn: true })}
        >
          New check-in
        </a>
      ) : null}
    </div>
  );
}
