/** A patient's episodes of care, on the patient page, with a short form to open a new one. */
import { useState } from 'react';
import { DIAGNOSES, SIDE_LABELS, SIDES } from '../../../shared/clinical/intake/episode';
import { EpisodeCreate } from '../../../shared/domain/episode';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { formatDate, parseTypedDate } from '../../../shared/time/dates';
import { combine, Loaded, records, useRead, useWrite } from '../data';
import { useApp } from '../app/context';
import { hrefOf, navigate } from '../app/router';
import { ErrorNotice } from '../ui/feedback';
import { RadioGroup, SelectField, TextField } from '../ui/fields';
import { EpisodeNotesLine, usePatientNotes } from '../intake/PatientHistory';
import { ProgrammeLine } from '../exercises/ProgrammeLine';
import { RunningSummaryLine, useRunningSummaries } from '../running/RunningSummaryLine';
import { EpisodeHandoutLine, useHandoutsByEpisode } from '../handouts/EpisodeHandoutLine';

export function EpisodesPanel({ patientId, archived }: { patientId: number; archived: boolean }) {
  const { settings } = useApp();
  const lists = combine(
    useRead(records.patient(patientId), 'episodes.list', { patientId }),
    useRead(records.patient(patientId), 'prescriptions.forPatient', { patientId }),
  );
  const [episodes, programmes] = lists.data ?? [null, []];
  const [adding, setAdding] = useState(false);
  const running = useRunningSummaries(patientId);
  const notes = usePatientNotes(patientId);
  const handouts = useHandoutsByEpisode(patientId);

  return (
    <section className="panel" aria-labelledby="episodes-title">
      <div className="panel__header">
        <h2 id="episodes-title" className="panel__title">
          Episodes of care
        </h2>
        {!adding && !archived ? (
          <button type="button" className="button button--primary button--small" onClick={() => setAdding(true)}>
            New episode
          </button>
        ) : null}
      </div>
      {adding ? <NewEpisodeForm patientId={patientId} onCancel={() => setAdding(false)} /> : null}
      <Loaded query={lists} loading="Loading episodes…" />
      {episodes && episodes.length === 0 && !adding ? (
        <p className="muted">No episodes yet. Open one for the injury you are seeing the patient for.</p>
      ) : null}
      {episodes && episodes.length > 0 ? (
        <ul className="episode-list">
          {episodes.map((e) => (
            <li key={e.id} className="episode-list__item">
              <div className="episode-list__row">
                <a className="episode-list__link" href={hrefOf({ name: 'episode', patientId, episodeId: e.id })}>
                  {e.title}
                </a>
                <a
                  className="episode-list__history"
                  href={hrefOf({ name: 'episode', patientId, episodeId: e.id, history: true })}
                >
                  Timeline and charts
                </a>
                <span className="episode-list__meta">
                  {e.onsetDate ? `Onset ${formatDate(e.onsetDate, settings.dateFormat)} · ` : ''}
                  Opened {formatDate(e.openedOn, settings.dateFormat)}
                </span>
                <span className={`badge ${e.status === 'open' ? 'badge--success' : 'badge--muted'}`}>
                  {e.status === 'open'
                    ? 'Open'
                    : `Discharged ${formatDate(e.closedOn ?? e.openedOn, settings.dateFormat)}`}
                </span>
              </div>
              <RunningSummaryLine
                summary={running.get(e.id)}
                patientId={patientId}
                episodeId={e.id}
                canRecord={!archived}
              />
              <EpisodeNotesLine notes={notes.get(e.id)} />
              {e.status === 'open' ? (
                <ProgrammeLine programme={programmes.find((p) => p.episodeId === e.id) ?? null} />
              ) : null}
              <EpisodeHandoutLine handouts={handouts.get(e.id)} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function NewEpisodeForm({ patientId, onCancel }: { patientId: number; onCancel(): void }) {
  const { settings } = useApp();
  const [diagnosis, setDiagnosis] = useState<string>('');
  const [detail, setDetail] = useState('');
  const [side, setSide] = useState<string>('');
  const [onset, setOnset] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const create = useWrite('episodes.create', (r) => [records.patient(r.patientId)]);

  async function save() {
    const onsetDate = onset.trim() === '' ? null : parseTypedDate(onset, settings.dateFormat);
    const request = { patientId, diagnosis, diagnosisDetail: detail, side, onsetDate };
    const parsed = EpisodeCreate.safeParse(request);
    const local = parsed.success ? {} : fieldErrors(parsed.error);
    if (onset.trim() !== '' && onsetDate === null) {
      local.onsetDate = `Date of onset is not a real date: enter it like ${formatDate('2026-10-03', settings.dateFormat)}.`;
    }
    if (!parsed.success || Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    const r = await create(parsed.data);
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      setErrors(r.error.fields ?? {});
      return;
    }
    navigate({ name: 'episode', patientId, episodeId: r.value.id });
  }

  return (
    <form
      className="subform"
      aria-label="New episode of care"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {failure ? <ErrorNotice error={failure} /> : null}
      <div className="form-grid">
        <SelectField
          label="Diagnosis"
          value={diagnosis}
          options={DIAGNOSES.map((d) => ({ value: d.code, label: d.label }))}
          onChange={setDiagnosis}
          error={errors.diagnosis}
          placeholder="Choose a diagnosis…"
          required
        />
        <TextField
          label="Diagnosis detail"
          value={detail}
          onChange={setDetail}
          error={errors.diagnosisDetail}
          hint={diagnosis === 'other' ? 'Describe the diagnosis.' : 'Optional: anything the pick list does not say.'}
          required={diagnosis === 'other'}
        />
        <TextField
          label="Date of onset"
          value={onset}
          onChange={setOnset}
          error={errors.onsetDate}
          hint={`If known, like ${formatDate('2026-10-03', settings.dateFormat)}`}
          inputMode="numeric"
        />
      </div>
      <RadioGroup
        legend="Side"
        name="side"
        value={side}
        options={SIDES.map((s) => ({ value: s, label: SIDE_LABELS[s] }))}
        onChange={setSide}
        error={errors.side}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Opening…' : 'Open episode'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
