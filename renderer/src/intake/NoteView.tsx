/**
 * A note as it stands: its four parts, who signed it and when, red flags on top, and the signed
 * addenda under it, oldest first. A signed note offers one action only: add an addendum.
 */
import { useState } from 'react';
import { ADDENDUM_MAX, NOTE_KIND_LABELS, type ClinicalNote, type Signer } from '../../../shared/domain/notes';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { formatDate } from '../../../shared/time/dates';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ConfirmDialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/feedback';
import { TextAreaField } from '../ui/fields';
import { formatTimestamp } from '../ui/format';
import { RecordedRedFlagAlert } from './SymptomsSection';

const PARTS = [
  ['subjective', 'Subjective'],
  ['objective', 'Objective'],
  ['assessment', 'Assessment'],
  ['plan', 'Plan'],
] as const;

export function signerText(signer: Signer): string {
  const registration = signer.registrationNumber === '' ? '' : `, ${signer.registrationNumber}`;
  return `${signer.name} (${signer.profession}${registration})`;
}

export function NoteView({
  note,
  onChanged,
  headingLevel = 2,
}: {
  note: ClinicalNote;
  /** Called with the note after an addendum is added. */
  onChanged?(note: ClinicalNote): void;
  headingLevel?: 2 | 3;
}) {
  const { settings } = useApp();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `note-${note.id}-title`;
  return (
    <article className={`note-view note-view--${note.status}`} aria-labelledby={titleId}>
      <header className="note-view__header">
        <Heading id={titleId} className="note-view__title">
          {NOTE_KIND_LABELS[note.kind]} note, {formatDate(note.visitDate, settings.dateFormat)}
          <span className={`badge ${note.status === 'signed' ? 'badge--success' : 'badge--warning'}`}>
            {note.status === 'signed' ? 'Signed' : 'Draft'}
          </span>
        </Heading>
        {note.signedBy && note.signedAt ? (
          <p className="note-view__signature">
            Signed by {signerText(note.signedBy)} on {formatTimestamp(note.signedAt, settings.dateFormat)}. Read-only:
            corrections and additions are signed addenda.
          </p>
        ) : (
          <p className="note-view__signature">Draft: not signed yet.</p>
        )}
      </header>
      <RecordedRedFlagAlert flags={note.alerts} />
      <dl className="note-view__parts">
        {PARTS.map(([key, title]) => (
          <div key={key} className="note-view__part">
            <dt>{title}</dt>
            <dd className="prewrap">
              {note[key] === '' ? <span className="muted">Nothing written.</span> : note[key]}
            </dd>
          </div>
        ))}
      </dl>
      {note.addenda.length > 0 ? (
        <section className="addenda" aria-label="Addenda">
          {note.addenda.map((a, i) => (
            <div key={a.id} className="addendum">
              <p className="addendum__meta">
                Addendum {i + 1}, signed by {signerText(a.signedBy)} on{' '}
                {formatTimestamp(a.signedAt, settings.dateFormat)}
              </p>
              <p className="prewrap addendum__text">{a.text}</p>
            </div>
          ))}
        </section>
      ) : null}
      {note.status === 'signed' && onChanged ? <AddendumForm note={note} onAdded={onChanged} /> : null}
    </article>
  );
}

function AddendumForm({ note, onAdded }: { note: ClinicalNote; onAdded(note: ClinicalNote): void }) {
  const { status } = useApp();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function sign() {
    setBusy(true);
    const r = await call('notes.addAddendum', { noteId: note.id, text });
    setBusy(false);
    setConfirming(false);
    if (!r.ok) {
      setFailure(r.error);
      setError(r.error.fields?.text);
      return;
    }
    setText('');
    setOpen(false);
    setFailure(null);
    onAdded(r.value);
  }

  if (!open) {
    return (
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Add an addendum
        </button>
      </div>
    );
  }
  return (
    <form
      className="subform addendum-form"
      aria-label="New addendum"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() === '') {
          setError('Enter the addendum: what to correct or add.');
          return;
        }
        setError(undefined);
        setConfirming(true);
      }}
    >
      {failure && !failure.fields ? <ErrorNotice error={failure} /> : null}
      <TextAreaField
        label="Addendum"
        value={text}
        onChange={setText}
        error={error}
        hint="A correction or an addition. It is signed with your name and shown under the note; the note itself stays as signed."
        rows={3}
        maxLength={ADDENDUM_MAX}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Sign the addendum
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Sign this addendum?"
        confirmLabel="Sign the addendum"
        onConfirm={() => void sign()}
        onCancel={() => setConfirming(false)}
        busy={busy}
      >
        <p>
          It is signed as {status.clinician?.name} and added under the note for good: it cannot be changed or removed
          afterwards.
        </p>
      </ConfirmDialog>
    </form>
  );
}
