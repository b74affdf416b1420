/**
 * On the episode page: the intake (start it, continue it, or open it signed, with the starting
 * point) and the episode's notes, signed and draft, with a way to write a note for a later visit.
 */
import { useCallback, useEffect, useState } from 'react';
import { describeStartingPoint } from '../../../shared/clinical/intake/starting-point';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import type { IntakeRecord } from '../../../shared/domain/intake';
import { NOTE_KIND_LABELS, type ClinicalNote } from '../../../shared/domain/notes';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { formatDate } from '../../../shared/time/dates';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { hrefOf, navigate } from '../app/router';
import { ErrorNotice, Loading } from '../ui/feedback';
import { formatTimestamp, todayIso } from '../ui/format';

export function EpisodeRecords({ episode }: { episode: EpisodeSummary }) {
  const { settings } = useApp();
  const [intake, setIntake] = useState<IntakeRecord | null | undefined>(undefined);
  const [notes, setNotes] = useState<ClinicalNote[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const patientId = episode.patientId;
  const episodeId = episode.id;

  const load = useCallback(async () => {
    const [i, n] = await Promise.all([call('intake.get', { episodeId }), call('notes.list', { episodeId })]);
    if (!i.ok) return setError(i.error);
    if (!n.ok) return setError(n.error);
    setIntake(i.value);
    setNotes(n.value);
  }, [episodeId]);

  useEffect(() => {
    void load();
  }, [load, episode.version]);

  async function startIntake() {
    setBusy(true);
    const r = await call('intake.start', { episodeId });
    setBusy(false);
    if (r.ok) navigate({ name: 'intake', patientId, episodeId });
    else setError(r.error);
  }

  async function newVisitNote() {
    setBusy(true);
    const r = await call('notes.create', { episodeId, visitDate: todayIso() });
    setBusy(false);
    if (r.ok) navigate({ name: 'note', patientId, episodeId, noteId: r.value.id });
    else setError(r.error);
  }

  const open = episode.status === 'open';
  return (
    <>
      <section className="panel" aria-labelledby="intake-panel-title">
        <div className="panel__header">
          <h2 id="intake-panel-title" className="panel__title">
            Intake
          </h2>
          {intake === null && open ? (
            <button type="button" className="button button--primary" onClick={() => void startIntake()} disabled={busy}>
              Start the intake
            </button>
          ) : null}
          {intake ? (
            <a
              className={`button ${intake.status === 'draft' ? 'button--primary' : 'button--secondary'}`}
              href={hrefOf({ name: 'intake', patientId, episodeId })}
            >
              {intake.status === 'draft' ? 'Continue the intake' : 'Open the intake'}
            </a>
          ) : null}
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        {intake === undefined && !error ? <Loading label="Loading the intake…" /> : null}
        {intake === null ? (
          <p className="muted">
            {open
              ? 'Not started. The intake records the injury, running history, symptoms, outcome measures and tests, and ends with readiness to run.'
              : 'No intake was recorded for this episode.'}
          </p>
        ) : null}
        {intake ? (
          <p>
            {intake.status === 'signed' && intake.signedAt && intake.signedBy
              ? `Signed by ${intake.signedBy.name} on ${formatTimestamp(intake.signedAt, settings.dateFormat)}.`
              : `Draft, last saved ${formatTimestamp(intake.updatedAt, settings.dateFormat)}.`}{' '}
            Starting point:{' '}
            {intake.decision ? (
              <strong>{describeStartingPoint(intake.decision.choice)}</strong>
            ) : (
              <span className="muted">not recorded yet</span>
            )}
            .
          </p>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="notes-panel-title">
        <div className="panel__header">
          <h2 id="notes-panel-title" className="panel__title">
            Notes
          </h2>
          {open ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void newVisitNote()}
              disabled={busy}
            >
              New visit note
            </button>
          ) : null}
        </div>
        {notes === null && !error ? <Loading label="Loading notes…" /> : null}
        {notes && notes.length === 0 ? <p className="muted">No notes yet: the intake writes the first one.</p> : null}
        {notes && notes.length > 0 ? (
          <ul className="note-list">
            {notes.map((n) => (
              <li key={n.id} className="note-list__item">
                <a href={hrefOf({ name: 'note', patientId, episodeId, noteId: n.id })} className="note-list__link">
                  {NOTE_KIND_LABELS[n.kind]} note, {formatDate(n.visitDate, settings.dateFormat)}
                </a>
                <span className={`badge ${n.status === 'signed' ? 'badge--success' : 'badge--warning'}`}>
                  {n.status === 'signed' ? 'Signed' : 'Draft'}
                </span>
                <span className="note-list__meta">
                  {n.signedBy && n.signedAt
                    ? `${n.signedBy.name}, ${formatTimestamp(n.signedAt, settings.dateFormat)}`
                    : 'Not signed yet'}
                  {n.addenda.length > 0 ? ` · ${n.addenda.length} addend${n.addenda.length === 1 ? 'um' : 'a'}` : ''}
                </span>
                {n.alerts.length > 0 ? <span className="badge badge--danger">Red flag</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
