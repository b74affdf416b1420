/**
 * The history of check-ins, newest first: what the patient said, the rules' decision, the
 * clinician's change beside it, what the patient was told. A corrected entry stays, marked as
 * corrected; its correction says what it corrects and why.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Assignment, CheckInEntry, CheckInPage, EpisodeRunning } from '../../../shared/domain/running';
import { HISTORY_PAGE } from '../../../shared/domain/running';
import type { DistanceUnit } from '../../../shared/domain/settings';
import type { AppErrorShape } from '../../../shared/ipc/result';
import type { DateFormat } from '../../../shared/time/dates';
import { formatDate } from '../../../shared/time/dates';
import { BackendError, fetchRead, records } from '../data';
import { useApp } from '../app/context';
import { ErrorNotice } from '../ui/feedback';
import { answersText, daysOffText, levelChangeShort, longDateWithYear, nextRunText } from './words';

function programmeOf(data: EpisodeRunning, assignmentId: number): Assignment | undefined {
  if (data.assignment?.id === assignmentId) return data.assignment;
  return data.earlierAssignments.find((a) => a.id === assignmentId);
}

export function CheckInHistory(props: {
  data: EpisodeRunning;
  /** Offered on standing entries of the current programme while the episode is open. */
  onCorrect?: ((entry: CheckInEntry) => void) | undefined;
}) {
  const { settings } = useApp();
  const { data } = props;
  const [older, setOlder] = useState<CheckInPage | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useQueryClient();

  // A new entry reloads the first page; older pages loaded before no longer follow on from it.
  useEffect(() => setOlder(null), [data.history]);

  const items = [...data.history.items, ...(older?.items ?? [])];
  const hasMore = older ? older.hasMore : data.history.hasMore;

  async function loadOlder() {
    const last = items[items.length - 1];
    if (!last) return;
    setBusy(true);
    try {
      const page = await fetchRead(client, records.episode(data.episodeId), 'checkIns.list', {
        episodeId: data.episodeId,
        beforeId: last.id,
        limit: HISTORY_PAGE,
      });
      setOlder((o) => ({ items: [...(o?.items ?? []), ...page.items], total: page.total, hasMore: page.hasMore }));
    } catch (e) {
      if (!(e instanceof BackendError)) throw e;
      setError(e.shape);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="checkins-title">
      <div className="panel__header">
        <h2 id="checkins-title" className="panel__title">
          Check-ins
        </h2>
        {data.history.total > 0 ? (
          <span className="muted">
            {data.history.total} {data.history.total === 1 ? 'entry' : 'entries'}
          </span>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="muted">
          No check-ins yet. At each visit, record how the last run felt: the soreness rules then set the days off and
          the next level.
        </p>
      ) : (
        <ol className="checkin-list">
          {items.map((entry) => (
            <HistoryEntry
              key={entry.id}
              entry={entry}
              assignment={programmeOf(data, entry.assignmentId)}
              current={entry.assignmentId === data.assignment?.id}
              units={settings.units}
              dateFormat={settings.dateFormat}
              onCorrect={
                props.onCorrect && entry.correctedById === null && entry.assignmentId === data.assignment?.id
                  ? props.onCorrect
                  : undefined
              }
            />
          ))}
        </ol>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {hasMore ? (
        <button type="button" className="button button--secondary" onClick={() => void loadOlder()} disabled={busy}>
          {busy ? 'Loading…' : 'Show older check-ins'}
        </button>
      ) : null}
    </section>
  );
}

function HistoryEntry(props: {
  entry: CheckInEntry;
  assignment: Assignment | undefined;
  current: boolean;
  units: DistanceUnit;
  dateFormat: DateFormat;
  onCorrect: ((entry: CheckInEntry) => void) | undefined;
}) {
  const { entry } = props;
  const d = entry.decision;
  const programme = props.assignment?.programme;
  const nextLevel = programme?.levels[entry.levelAfter - 1];
  const corrected = entry.correctedById !== null;
  const title = `Run of ${longDateWithYear(entry.report.runDate)}`;
  return (
    <li className={`checkin${corrected ? ' checkin--corrected' : ''}`} aria-label={title}>
      <div className="checkin__head">
        <h3 className="checkin__title">{title}</h3>
        <span className="checkin__meta">
          Level {entry.report.levelRun} run · recorded {formatDate(entry.recordedOn, props.dateFormat)} by{' '}
          {entry.recordedBy}
        </span>
        {corrected ? <span className="badge badge--muted">Corrected by a later entry</span> : null}
        {entry.correctsId !== null ? <span className="badge badge--warning">Correction</span> : null}
        {entry.override ? <span className="badge badge--warning">Decision changed</span> : null}
        {props.onCorrect ? (
          <button
            type="button"
            className="button button--link checkin__correct"
            onClick={() => props.onCorrect?.(entry)}
          >
            Correct this entry
            <span className="visually-hidden"> for the run of {longDateWithYear(entry.report.runDate)}</span>
          </button>
        ) : null}
      </div>
      {entry.correctsId !== null ? (
        <p className="checkin__line">
          Corrects the entry for the run of{' '}
          {entry.correctsRunDate ? formatDate(entry.correctsRunDate, props.dateFormat) : 'an earlier run'}:{' '}
          <q>{entry.correctionReason}</q>
        </p>
      ) : null}
      {!props.current && programme ? <p className="checkin__line muted">Programme: {programme.name}</p> : null}
      <p className="checkin__line">{answersText(entry.report)}</p>
      {entry.report.notes ? <p className="checkin__line checkin__notes">{entry.report.notes}</p> : null}
      <p className="checkin__line">
        <span className="checkin__label">Rules:</span> Rule {d.governingRule} <q>{entry.governingCondition}</q>:{' '}
        {d.programmeComplete
          ? `${daysOffText(d.daysOff).toLowerCase()}, programme complete`
          : `${daysOffText(d.daysOff).toLowerCase()}, ${levelChangeShort(d.levelBefore, d.levelAfter)}`}
        {entry.entryCheckLevel !== null ? ` (entry check for level ${entry.entryCheckLevel} signed off)` : ''}
      </p>
      {entry.override ? (
        <p className="checkin__line checkin__override">
          <span className="checkin__label">Changed to:</span> {daysOffText(entry.override.daysOff).toLowerCase()},{' '}
          {levelChangeShort(d.levelBefore, entry.override.levelAfter)}. Reason: <q>{entry.override.reason}</q>
        </p>
      ) : null}
      <p className="checkin__line">
        <span className="checkin__label">{nextRunText(entry.nextRunDate, nextLevel)}</span> · Told:{' '}
        <q>{entry.patientInstruction}</q>
      </p>
      {d.alerts.length > 0 ? (
        <ul className="checkin__alerts">
          {d.alerts.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
