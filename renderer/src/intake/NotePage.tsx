/**
 * One note of an episode. A draft visit note is written here (autosaved, signed when done); a
 * signed note is read-only with its addenda and a way to add one. The intake's note is written on
 * the intake page: a draft intake note links there.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import { hasContent, type ClinicalNote } from '../../../shared/domain/notes';
import type { Patient } from '../../../shared/domain/patient';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { formatDate, parseTypedDate } from '../../../shared/time/dates';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { hrefOf } from '../app/router';
import { ConfirmDialog } from '../ui/Dialog';
import { ErrorNotice, Loading } from '../ui/feedback';
import { TextAreaField, TextField } from '../ui/fields';
import { NoteView } from './NoteView';
import { canonicalJson } from '../../../shared/text/canonical-json';
import { saveStateText } from './SummaryPanel';
import { useAutosave } from './useAutosave';

export function NotePage({ patientId, episodeId, noteId }: { patientId: number; episodeId: number; noteId: number }) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [episode, setEpisode] = useState<EpisodeSummary | null>(null);
  const [note, setNote] = useState<ClinicalNote | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const load = useCallback(async () => {
    const [p, e, n] = await Promise.all([
      call('patients.get', { id: patientId }),
      call('episodes.get', { id: episodeId }),
      call('notes.get', { id: noteId }),
    ]);
    if (!p.ok) return setError(p.error);
    if (!e.ok) return setError(e.error);
    if (!n.ok) return setError(n.error);
    if (e.value.patientId !== patientId || n.value.episodeId !== episodeId) {
      return setError({ code: 'not_found', message: 'This note belongs to another episode.' });
    }
    setPatient(p.value);
    setEpisode(e.value);
    setNote(n.value);
  }, [patientId, episodeId, noteId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <div className="page">
        <ErrorNotice
          error={error}
          action={<a href={hrefOf({ name: 'episode', patientId, episodeId })}>Back to the episode</a>}
        />
      </div>
    );
  }
  if (!patient || !episode || !note) return <Loading label="Loading the note…" />;

  return (
    <div className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ name: 'patients' })}>Patients</a> <span aria-hidden="true">›</span>{' '}
        <a href={hrefOf({ name: 'patient', id: patient.id })}>
          {patient.givenName} {patient.familyName}
        </a>{' '}
        <span aria-hidden="true">›</span>{' '}
        <a href={hrefOf({ name: 'episode', patientId, episodeId })}>{episode.title}</a>{' '}
        <span aria-hidden="true">›</span> <span aria-current="page">Note</span>
      </nav>
      {note.status === 'signed' ? (
        <section className="panel">
          <NoteView note={note} onChanged={setNote} headingLevel={2} />
        </section>
      ) : note.kind === 'intake' ? (
        <section className="panel">
          <h1>Intake note (draft)</h1>
          <p>The intake’s note is written from the intake and signed with it.</p>
          <a className="button button--primary" href={hrefOf({ name: 'intake', patientId, episodeId })}>
            Continue the intake
          </a>
        </section>
      ) : (
        <VisitNoteEditor key={note.id} initial={note} onSigned={setNote} />
      )}
    </div>
  );
}

const PARTS = [
  ['subjective', 'Subjective', 'What the patient reports since the last visit.'],
  ['objective', 'Objective', 'What you measured and observed.'],
  ['assessment', 'Assessment', 'Your clinical impression.'],
  ['plan', 'Plan', 'Treatment, running level, exercises, next review.'],
] as const;

type Content = Record<(typeof PARTS)[number][0], string>;

function VisitNoteEditor({ initial, onSigned }: { initial: ClinicalNote; onSigned(note: ClinicalNote): void }) {
  const { settings, status } = useApp();
  const [content, setContent] = useState<Content>({
    subjective: initial.subjective,
    objective: initial.objective,
    assessment: initial.assessment,
    plan: initial.plan,
  });
  const [visitDate, setVisitDate] = useState(formatDate(initial.visitDate, settings.dateFormat));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const version = useRef(initial.version);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const autosave = useAutosave({
    label: 'the visit note',
    initialKey: canonicalJson({ visitDate: initial.visitDate, content: { ...contentOf(initial) } }),
    prepare: () => {
      const iso = parseTypedDate(visitDate, settings.dateFormat);
      if (iso === null) {
        setErrors({
          visitDate: `Visit date is not a real date: enter it like ${formatDate('2026-10-03', settings.dateFormat)}.`,
        });
        return { ok: false, count: 1 };
      }
      setErrors({});
      return { ok: true, payload: { visitDate: iso, content }, key: canonicalJson({ visitDate: iso, content }) };
    },
    send: async (payload) => {
      const r = await call('notes.update', { id: initial.id, expectedVersion: version.current, ...payload });
      if (r.ok) version.current = r.value.version;
      else if (r.error.fields) setErrors(r.error.fields);
      return r;
    },
  });

  const update = (key: keyof Content) => (value: string) => {
    setContent((c) => ({ ...c, [key]: value }));
    autosave.schedule();
  };

  async function askToSign() {
    setFailure(null);
    if (!(await autosave.flush())) return;
    if (!hasContent(content)) {
      setErrors({ content: 'The note is empty: write at least one section before signing.' });
      return;
    }
    setConfirming(true);
  }

  async function sign() {
    setBusy(true);
    const r = await call('notes.sign', { id: initial.id, expectedVersion: version.current });
    setBusy(false);
    setConfirming(false);
    if (r.ok) onSigned(r.value);
    else setFailure(r.error);
  }

  return (
    <section className="panel" aria-labelledby="note-editor-title">
      <div className="panel__header">
        <h1 id="note-editor-title" className="panel__title">
          Visit note <span className="badge badge--warning">Draft</span>
        </h1>
        <span className="save-state" role="status" aria-live="polite">
          {saveStateText(autosave.state, false)}
        </span>
      </div>
      {failure ? <ErrorNotice error={failure} /> : null}
      {autosave.state.kind === 'failed' ? <ErrorNotice error={autosave.state.error} /> : null}
      <form
        noValidate
        aria-label="Visit note"
        onSubmit={(e) => {
          e.preventDefault();
          void autosave.flush();
        }}
      >
        <div className="form-grid">
          <TextField
            label="Visit date"
            value={visitDate}
            onChange={(v) => {
              setVisitDate(v);
              autosave.schedule();
            }}
            error={errors.visitDate}
            inputMode="numeric"
            hint={`Like ${formatDate('2026-10-03', settings.dateFormat)}`}
          />
        </div>
        {PARTS.map(([key, label, hint]) => (
          <TextAreaField
            key={key}
            label={label}
            hint={hint}
            value={content[key]}
            onChange={update(key)}
            error={errors[`content.${key}`]}
            rows={4}
            maxLength={20_000}
          />
        ))}
        {errors.content ? (
          <p className="field__error" role="alert">
            {errors.content}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            Save draft
          </button>
          <button type="button" className="button button--primary" onClick={() => void askToSign()} disabled={busy}>
            Sign the note
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Sign this visit note?"
        confirmLabel="Sign the note"
        onConfirm={() => void sign()}
        onCancel={() => setConfirming(false)}
        busy={busy}
      >
        <p>
          You sign as <strong>{status.clinician?.name}</strong>. The note cannot be changed afterwards: corrections and
          additions are added as signed addenda.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function contentOf(note: ClinicalNote): Content {
  return { subjective: note.subjective, objective: note.objective, assessment: note.assessment, plan: note.plan };
}
