/**
 * The "Home exercises" section of an episode: the current programme, the editor that saves a new
 * version, and the history of earlier versions, each shown exactly as it was saved.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import type { Patient } from '../../../shared/domain/patient';
import type { Prescription, PrescriptionVersionSummary } from '../../../shared/domain/prescription';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, Loading, SuccessNotice } from '../ui/feedback';
import { formatTimestamp } from '../ui/format';
import { ProgrammeEditor } from './ProgrammeEditor';
import { ProgrammeList } from './ProgrammeList';

export function HomeExercises({ patient, episode }: { patient: Patient; episode: EpisodeSummary }) {
  const { settings } = useApp();
  const [current, setCurrent] = useState<Prescription | null | undefined>(undefined);
  const [history, setHistory] = useState<PrescriptionVersionSummary[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);

  const load = useCallback(async () => {
    const [c, h] = await Promise.all([
      call('prescriptions.current', { episodeId: episode.id }),
      call('prescriptions.history', { episodeId: episode.id }),
    ]);
    if (!c.ok) return setError(c.error);
    if (!h.ok) return setError(h.error);
    setError(null);
    setCurrent(c.value);
    setHistory(h.value);
  }, [episode.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const canEdit = episode.status === 'open' && !patient.archived;
  const earlier = history.filter((h) => h.version !== current?.version);

  return (
    <section className="panel home-exercises" aria-labelledby="home-exercises-title">
      <div className="panel__header">
        <h2 id="home-exercises-title" className="panel__title">
          Home exercises
        </h2>
        {canEdit && !editing && current !== undefined ? (
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            {current ? 'Edit programme' : 'Build a programme'}
          </button>
        ) : null}
      </div>
      {error ? (
        <ErrorNotice
          error={error}
          action={
            <button type="button" className="button button--link" onClick={() => void load()}>
              Try again
            </button>
          }
        />
      ) : null}
      {current === undefined && !error ? <Loading label="Loading the home exercises…" /> : null}
      {saved !== null && !editing ? (
        <SuccessNotice>
          <p>
            Programme saved as version {saved}.
            {saved > 1 ? ' Earlier versions are kept unchanged in the history below.' : ''}
          </p>
        </SuccessNotice>
      ) : null}
      {editing && current !== undefined ? (
        <ProgrammeEditor
          episode={episode}
          patient={patient}
          current={current}
          onCancel={() => setEditing(false)}
          onSaved={(p) => {
            setEditing(false);
            setSaved(p.version);
            void load();
          }}
          onReload={load}
        />
      ) : null}
      {!editing && current === null ? (
        <p className="muted">
          No home exercises yet.
          {canEdit
            ? ' Build a programme from the exercise library: pick the exercises, set each one’s dosage for this patient, and save.'
            : ''}
        </p>
      ) : null}
      {!editing && current ? (
        <>
          <p className="home-exercises__meta">
            Current programme · version {current.version} · saved{' '}
            {formatTimestamp(current.savedAt, settings.dateFormat)} by {current.savedBy}
          </p>
          {current.items.length === 0 ? (
            <p className="muted">The home exercises were stopped: this version has no exercises.</p>
          ) : (
            <ProgrammeList items={current.items} label="Current home exercises" />
          )}
        </>
      ) : null}
      {!editing && earlier.length > 0 ? <History episodeId={episode.id} versions={earlier} /> : null}
      {!canEdit && current !== undefined ? (
        <p className="muted home-exercises__locked">
          {patient.archived
            ? 'This patient is archived: bring them back to change the home exercises.'
            : 'This episode is discharged: reopen it to change the home exercises.'}
        </p>
      ) : null}
    </section>
  );
}

function History({ episodeId, versions }: { episodeId: number; versions: PrescriptionVersionSummary[] }) {
  const { settings } = useApp();
  const [open, setOpen] = useState<number | null>(null);
  const [shown, setShown] = useState<Prescription | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  async function view(version: number) {
    if (open === version) {
      setOpen(null);
      return;
    }
    setOpen(version);
    setShown(null);
    setError(null);
    const r = await call('prescriptions.get', { episodeId, version });
    if (r.ok) setShown(r.value);
    else setError(r.error);
  }

  return (
    <details className="details home-exercises__history">
      <summary>Earlier versions ({versions.length})</summary>
      <p className="muted">Each version is kept exactly as it was saved.</p>
      <ul className="history-list">
        {versions.map((v) => (
          <li key={v.version} className="history-list__item">
            <div className="history-list__row">
              <span>
                <strong>Version {v.version}</strong> · saved {formatTimestamp(v.savedAt, settings.dateFormat)} by{' '}
                {v.savedBy} ·{' '}
                {v.exerciseNames.length === 0
                  ? 'no exercises'
                  : `${v.exerciseNames.length} exercise${v.exerciseNames.length === 1 ? '' : 's'}: ${v.exerciseNames.join(', ')}`}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-expanded={open === v.version}
                onClick={() => void view(v.version)}
              >
                {open === v.version ? `Hide version ${v.version}` : `View version ${v.version}`}
              </button>
            </div>
            {open === v.version ? (
              <div className="history-list__programme">
                {error ? <ErrorNotice error={error} /> : null}
                {!shown && !error ? <Loading label={`Loading version ${v.version}…`} /> : null}
                {shown && shown.version === v.version ? (
                  shown.items.length === 0 ? (
                    <p className="muted">No exercises in this version.</p>
                  ) : (
                    <ProgrammeList items={shown.items} label={`Home exercises, version ${v.version}`} />
                  )
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
