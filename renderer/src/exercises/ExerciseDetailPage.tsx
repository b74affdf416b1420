/** One exercise in full: what the patient reads, its default dosage, variants, and what the clinic may do with it. */
import { useState } from 'react';
import { describeDosage } from '../../../shared/clinical/exercises/dosage';
import type { Exercise } from '../../../shared/clinical/exercises/exercise';
import { BODY_REGION_LABELS, EXERCISE_TYPE_LABELS } from '../../../shared/clinical/exercises/exercise';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { hrefOf } from '../app/router';
import { ConfirmDialog } from '../ui/Dialog';
import { ErrorNotice, InfoNotice, Loading } from '../ui/feedback';
import { formatTimestamp } from '../ui/format';
import { ExercisePicture } from './ExercisePicture';
import type { LibraryEntry } from './library';
import { findEntry, useLibrary } from './library';

export function ExerciseDetailPage({ id }: { id: string }) {
  const library = useLibrary(true);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<AppErrorShape | null>(null);

  const back = <a href={hrefOf({ name: 'exercises' })}>Back to the exercise library</a>;
  if (library.error) {
    return (
      <div className="page">
        <ErrorNotice error={library.error} action={back} />
      </div>
    );
  }
  if (!library.entries) return <Loading label="Loading the exercise…" />;
  const entry = findEntry(library.entries, id);
  if (!entry) {
    return (
      <div className="page">
        <ErrorNotice
          error="This exercise is not in the library. It may have been a clinic exercise in another records file."
          action={back}
        />
      </div>
    );
  }
  const { exercise, clinic } = entry;
  const entries = library.entries;

  async function toggleRetired() {
    if (!clinic) return;
    setBusy(true);
    const r = await call('exercises.retireClinic', {
      id: clinic.id,
      expectedVersion: clinic.version,
      retired: !clinic.retired,
    });
    setBusy(false);
    setConfirming(false);
    if (r.ok) {
      setActionError(null);
      await library.reload();
    } else setActionError(r.error);
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ name: 'exercises' })}>Exercises</a> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{exercise.name}</span>
      </nav>
      <section className="patient-header" aria-labelledby="exercise-title">
        <div>
          <p className="eyebrow">
            {entry.source === 'built-in' ? 'Built-in exercise' : 'Clinic’s own exercise'} ·{' '}
            {EXERCISE_TYPE_LABELS[exercise.tags.type]}
          </p>
          <h1 id="exercise-title" className="patient-header__name">
            {exercise.name}
            {clinic?.retired ? <span className="badge badge--muted">Retired</span> : null}
          </h1>
          <p className="exercise-detail__purpose">{exercise.purpose}</p>
        </div>
        <div className="patient-header__actions">
          {entry.source === 'built-in' ? (
            <a className="button button--primary" href={hrefOf({ name: 'exercise-copy', id: exercise.id })}>
              Copy to edit
            </a>
          ) : (
            <>
              {clinic && !clinic.retired ? (
                <a className="button button--primary" href={hrefOf({ name: 'exercise-edit', id: exercise.id })}>
                  Edit
                </a>
              ) : null}
              <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
                {clinic?.retired ? 'Bring back' : 'Retire'}
              </button>
            </>
          )}
        </div>
      </section>
      {actionError ? <ErrorNotice error={actionError} /> : null}
      {entry.source === 'built-in' ? (
        <InfoNotice>
          <p>
            Built-in exercises cannot be changed. “Copy to edit” makes your clinic’s own version, with this drawing.
          </p>
        </InfoNotice>
      ) : null}
      <ClinicFacts entry={entry} entries={entries} />
      <div className="exercise-detail">
        <div className="exercise-detail__picture">
          <ExercisePicture exercise={exercise} size="large" />
          <p className="exercise-detail__caption">{exercise.illustration.description}</p>
        </div>
        <div className="exercise-detail__text">
          <section className="exercise-detail__section" aria-labelledby="dosage-title">
            <h2 id="dosage-title">Default dosage</h2>
            <p className="exercise-detail__dosage">{describeDosage(exercise.dosage)}</p>
            <p className="muted">You can change it for each patient when you prescribe it.</p>
          </section>
          <section className="exercise-detail__section" aria-labelledby="tags-title">
            <h2 id="tags-title">Body regions</h2>
            <p className="exercise-card__tags">
              {exercise.tags.regions.map((r) => (
                <span key={r} className="tag">
                  {BODY_REGION_LABELS[r]}
                </span>
              ))}
            </p>
          </section>
          <InstructionSections exercise={exercise} />
          <Variants title="Easier" ids={exercise.easier} entries={entries} />
          <Variants title="Harder" ids={exercise.harder} entries={entries} />
          {exercise.clinicianNote ? (
            <section className="exercise-detail__section exercise-detail__note" aria-labelledby="note-title">
              <h2 id="note-title">Clinician note</h2>
              <p className="muted">For clinicians only: never printed for the patient.</p>
              <p className="prewrap">{exercise.clinicianNote}</p>
            </section>
          ) : null}
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={clinic?.retired ? 'Bring this exercise back?' : 'Retire this exercise?'}
        confirmLabel={clinic?.retired ? 'Bring back' : 'Retire'}
        onConfirm={() => void toggleRetired()}
        onCancel={() => setConfirming(false)}
        busy={busy}
      >
        {clinic?.retired ? (
          <p>“{exercise.name}” will be offered again when you build a programme.</p>
        ) : (
          <p>
            “{exercise.name}” will no longer be offered when you build a programme. Programmes already saved keep it
            exactly as it was, and you can bring it back at any time.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

function ClinicFacts({ entry, entries }: { entry: LibraryEntry; entries: readonly LibraryEntry[] }) {
  const { settings } = useApp();
  const clinic = entry.clinic;
  if (!clinic) return null;
  return (
    <p className="exercise-detail__facts muted">
      Version {clinic.version} · last changed {formatTimestamp(clinic.updatedAt, settings.dateFormat)} by{' '}
      {clinic.updatedBy}
      {clinic.copiedFrom ? (
        <>
          {' '}
          · copied from the built-in{' '}
          <a href={hrefOf({ name: 'exercise', id: clinic.copiedFrom })}>
            {findEntry(entries, clinic.copiedFrom)?.exercise.name ?? clinic.copiedFrom}
          </a>
        </>
      ) : null}
      {clinic.image ? (
        <>
          {' '}
          · picture {clinic.image.width} × {clinic.image.height} px
        </>
      ) : null}
    </p>
  );
}

/** Starting position, steps, cues and mistakes: the text the handout prints for the patient. */
export function InstructionSections({ exercise }: { exercise: Exercise }) {
  return (
    <>
      <section className="exercise-detail__section" aria-labelledby="start-title">
        <h2 id="start-title">Starting position</h2>
        <p>{exercise.startingPosition}</p>
      </section>
      <section className="exercise-detail__section" aria-labelledby="steps-title">
        <h2 id="steps-title">Steps</h2>
        <ol className="exercise-detail__list">
          {exercise.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      </section>
      <section className="exercise-detail__section" aria-labelledby="cues-title">
        <h2 id="cues-title">Cues</h2>
        <ul className="exercise-detail__list">
          {exercise.cues.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      </section>
      <section className="exercise-detail__section" aria-labelledby="mistakes-title">
        <h2 id="mistakes-title">Common mistakes</h2>
        <ul className="exercise-detail__list">
          {exercise.mistakes.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Variants({
  title,
  ids,
  entries,
}: {
  title: string;
  ids: readonly string[];
  entries: readonly LibraryEntry[];
}) {
  const headingId = `variants-${title.toLowerCase()}`;
  return (
    <section className="exercise-detail__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title} variants</h2>
      {ids.length === 0 ? (
        <p className="muted">
          {title === 'Easier' ? 'This is the easiest level in its family.' : 'This is the hardest level in its family.'}
        </p>
      ) : (
        <ul className="variant-list">
          {ids.map((id) => {
            const v = findEntry(entries, id);
            return (
              <li key={id} className="variant-list__item">
                {v ? (
                  <a className="variant-list__link" href={hrefOf({ name: 'exercise', id })}>
                    <ExercisePicture exercise={v.exercise} size="thumb" decorative />
                    <span>
                      <span className="variant-list__name">{v.exercise.name}</span>
                      <span className="variant-list__purpose">{v.exercise.purpose}</span>
                    </span>
                  </a>
                ) : (
                  <span className="muted">“{id}” is no longer in the library.</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
