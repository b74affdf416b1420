/**
 * Adding or editing a clinic exercise, or copying a built-in one to edit. The same fields as a
 * built-in exercise, checked with the same shared schema before sending; the backend checks
 * again (and checks the picture's bytes) and its messages land next to the field to fix.
 */
import { useState } from 'react';
import type { BodyRegion, Exercise, ExerciseType, Illustration } from '../../../shared/clinical/exercises/exercise';
import {
  BODY_REGION_LABELS,
  BODY_REGIONS,
  EXERCISE_TYPE_LABELS,
  EXERCISE_TYPES,
} from '../../../shared/clinical/exercises/exercise';
import type { ClinicExercise, ClinicExerciseInput, PictureChoice } from '../../../shared/domain/clinic-exercise';
import { ClinicExerciseInput as ClinicExerciseInputSchema } from '../../../shared/domain/clinic-exercise';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { hrefOf, navigate } from '../app/router';
import { ErrorNotice, InfoNotice, Loading } from '../ui/feedback';
import { RadioGroup, TextAreaField, TextField } from '../ui/fields';
import type { DosageDraft } from './DosageFields';
import { DosageFields, fromDraft, toDraft } from './DosageFields';
import type { LibraryEntry } from './library';
import { findEntry, useLibrary } from './library';
import type { ChosenFile } from './PictureField';
import { PictureField } from './PictureField';

export type EditorMode = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'copy'; id: string };

const BLANK: Omit<Exercise, 'id' | 'illustration'> = {
  name: '',
  purpose: '',
  startingPosition: '',
  steps: [],
  cues: [],
  mistakes: [],
  dosage: { sets: 3, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 3 },
  easier: [],
  harder: [],
  tags: { regions: [], type: 'strength' },
  clinicianNote: '',
};

export function ExerciseEditorPage({ mode }: { mode: EditorMode }) {
  const library = useLibrary(true);
  const back = <a href={hrefOf({ name: 'exercises' })}>Back to the exercise library</a>;
  if (library.error) {
    return (
      <div className="page">
        <ErrorNotice error={library.error} action={back} />
      </div>
    );
  }
  if (!library.entries) return <Loading label="Loading the exercise…" />;
  if (mode.kind === 'new') return <EditorForm mode={mode} source={null} entries={library.entries} />;
  const source = findEntry(library.entries, mode.id);
  const wrongKind =
    source &&
    ((mode.kind === 'copy' && source.source !== 'built-in') || (mode.kind === 'edit' && source.source !== 'clinic'));
  if (!source || wrongKind) {
    return (
      <div className="page">
        <ErrorNotice
          error={
            !source
              ? 'This exercise is not in the library.'
              : mode.kind === 'edit'
                ? 'Built-in exercises cannot be changed: copy it to make your clinic’s version.'
                : 'Only built-in exercises are copied this way.'
          }
          action={back}
        />
      </div>
    );
  }
  if (mode.kind === 'edit' && source.clinic?.retired) {
    return (
      <div className="page">
        <ErrorNotice
          error={`“${source.exercise.name}” is retired. Bring it back from its page before you edit it.`}
          action={<a href={hrefOf({ name: 'exercise', id: source.exercise.id })}>Open the exercise</a>}
        />
      </div>
    );
  }
  return <EditorForm mode={mode} source={source} entries={library.entries} />;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Backend and schema field paths ("exercise.steps.2", "tags.regions") to the form's fields. */
function formErrors(raw: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(raw)) {
    const p = path.replace(/^exercise\./, '');
    const [head, second] = p.split('.');
    let key = head ?? '_';
    let text = message;
    if (head === 'steps' || head === 'cues' || head === 'mistakes') {
      if (second !== undefined && /^\d+$/.test(second)) text = `Line ${Number(second) + 1}: ${message}`;
    } else if (head === 'tags') key = second === 'type' ? 'type' : 'regions';
    else if (head === 'picture') key = second === 'description' ? 'pictureDescription' : 'picture';
    else if (head === 'dosage') key = 'dosage';
    out[key] ??= text;
  }
  return out;
}

function EditorForm({
  mode,
  source,
  entries,
}: {
  mode: EditorMode;
  source: LibraryEntry | null;
  entries: readonly LibraryEntry[];
}) {
  const start = source?.exercise ?? null;
  const initial = start ?? BLANK;
  const [name, setName] = useState(mode.kind === 'copy' ? `${initial.name} (clinic version)` : initial.name);
  const [purpose, setPurpose] = useState(initial.purpose);
  const [startingPosition, setStartingPosition] = useState(initial.startingPosition);
  const [steps, setSteps] = useState(initial.steps.join('\n'));
  const [cues, setCues] = useState(initial.cues.join('\n'));
  const [mistakes, setMistakes] = useState(initial.mistakes.join('\n'));
  const [type, setType] = useState<ExerciseType>(initial.tags.type);
  const [regions, setRegions] = useState<BodyRegion[]>([...initial.tags.regions]);
  const [dosage, setDosage] = useState<DosageDraft>(toDraft(initial.dosage));
  const [easier, setEasier] = useState<string[]>([...initial.easier]);
  const [harder, setHarder] = useState<string[]>([...initial.harder]);
  const [clinicianNote, setClinicianNote] = useState(initial.clinicianNote);
  const current: Illustration | null = start?.illustration ?? null;
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [pictureDescription, setPictureDescription] = useState(current?.description ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dosageErrors, setDosageErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  /** A setter that also clears the field's error, so a fixed field stops saying what to fix. */
  function edited<T>(key: string, set: (value: T) => void): (value: T) => void {
    return (value: T) => {
      set(value);
      if (errors[key] !== undefined) {
        const { [key]: _gone, ...rest } = errors;
        setErrors(rest);
        if (Object.keys(rest).length === 0) setFailure(null);
      }
    };
  }

  const selfId = mode.kind === 'edit' ? mode.id : null;
  const title =
    mode.kind === 'new' ? 'New exercise' : mode.kind === 'copy' ? `Copy “${initial.name}”` : `Edit “${initial.name}”`;

  async function save() {
    const d = fromDraft(dosage);
    setDosageErrors(d.ok ? {} : d.errors);
    const picture: PictureChoice = chosen
      ? { kind: 'upload', description: pictureDescription, dataBase64: chosen.dataBase64 }
      : { kind: 'keep', description: pictureDescription };
    const input = {
      name,
      purpose,
      startingPosition,
      steps: lines(steps),
      cues: lines(cues),
      mistakes: lines(mistakes),
      dosage: d.ok ? d.dosage : initial.dosage,
      easier,
      harder,
      tags: { regions, type },
      clinicianNote,
      picture,
    };
    const parsed = ClinicExerciseInputSchema.safeParse(input);
    const local = parsed.success ? {} : formErrors(fieldErrors(parsed.error));
    if (!chosen && !current) local.picture ??= 'Add a picture: choose a PNG or JPEG file.';
    if (!d.ok) local.dosage ??= 'Check the default dosage below.';
    if (!parsed.success || Object.keys(local).length > 0) {
      setErrors(local);
      setFailure({ code: 'invalid_request', message: 'Some entries need attention: see the messages by each field.' });
      return;
    }
    setBusy(true);
    const r = await send(mode, source?.clinic ?? null, parsed.data);
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      setErrors(formErrors(r.error.fields ?? {}));
      return;
    }
    navigate({ name: 'exercise', id: r.value.exercise.id });
  }

  const cancelHref = source ? hrefOf({ name: 'exercise', id: source.exercise.id }) : hrefOf({ name: 'exercises' });

  return (
    <div className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ name: 'exercises' })}>Exercises</a> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{title}</span>
      </nav>
      <h1>{title}</h1>
      {mode.kind === 'copy' ? (
        <InfoNotice>
          <p>
            You are making your clinic’s own version. The built-in exercise stays as it is; the copy keeps its drawing
            unless you choose a picture of your own.
          </p>
        </InfoNotice>
      ) : null}
      {mode.kind === 'edit' ? (
        <InfoNotice>
          <p>Saving makes a new version. Programmes already saved keep the version they were given, word for word.</p>
        </InfoNotice>
      ) : null}
      <form
        className="exercise-form"
        aria-label={title}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {failure ? <ErrorNotice error={failure} /> : null}
        <section className="panel" aria-labelledby="about-title">
          <h2 id="about-title" className="panel__title">
            About the exercise
          </h2>
          <div className="form-grid">
            <TextField
              label="Name"
              value={name}
              onChange={edited('name', setName)}
              error={errors.name}
              required
              maxLength={80}
              className="form-grid__wide"
            />
            <TextField
              label="Purpose"
              value={purpose}
              onChange={edited('purpose', setPurpose)}
              error={errors.purpose}
              required
              maxLength={160}
              hint="One line for the patient: what it is for."
              className="form-grid__wide"
            />
          </div>
          <RadioGroup<ExerciseType>
            legend="Type"
            name="type"
            value={type}
            options={EXERCISE_TYPES.map((t) => ({ value: t, label: EXERCISE_TYPE_LABELS[t] }))}
            onChange={edited('type', setType)}
            error={errors.type}
          />
          <fieldset className={`field region-picker${errors.regions ? ' field--invalid' : ''}`}>
            <legend className="field__label">Body regions</legend>
            <div className="radio-group__options">
              {BODY_REGIONS.map((r) => (
                <label key={r} className="radio-group__option">
                  <input
                    type="checkbox"
                    checked={regions.includes(r)}
                    onChange={(e) =>
                      edited('regions', setRegions)(e.target.checked ? [...regions, r] : regions.filter((x) => x !== r))
                    }
                  />
                  <span>{BODY_REGION_LABELS[r]}</span>
                </label>
              ))}
            </div>
            <p className="field__hint">One to four.</p>
            {errors.regions ? (
              <p className="field__error" role="alert">
                {errors.regions}
              </p>
            ) : null}
          </fieldset>
        </section>

        <section className="panel" aria-labelledby="instructions-title">
          <h2 id="instructions-title" className="panel__title">
            Instructions for the patient
          </h2>
          <p className="muted">
            Printed on the handout. Write to the patient (“you”), in short sentences; one instruction per line.
          </p>
          <TextAreaField
            label="Starting position"
            value={startingPosition}
            onChange={edited('startingPosition', setStartingPosition)}
            error={errors.startingPosition}
            rows={2}
            maxLength={300}
          />
          <TextAreaField
            label="Steps"
            value={steps}
            onChange={edited('steps', setSteps)}
            error={errors.steps}
            rows={5}
            hint="One step per line, in order."
          />
          <TextAreaField
            label="Cues"
            value={cues}
            onChange={edited('cues', setCues)}
            error={errors.cues}
            rows={3}
            hint="One per line."
          />
          <TextAreaField
            label="Common mistakes"
            value={mistakes}
            onChange={edited('mistakes', setMistakes)}
            error={errors.mistakes}
            rows={3}
            hint="One per line."
          />
        </section>

        <section className="panel" aria-labelledby="picture-title">
          <h2 id="picture-title" className="panel__title">
            Picture
          </h2>
          <PictureField
            name={name}
            current={current}
            chosen={chosen}
            onChoose={edited('picture', setChosen)}
            description={pictureDescription}
            onDescription={edited('pictureDescription', setPictureDescription)}
            error={errors.picture}
            descriptionError={errors.pictureDescription}
          />
        </section>

        <section className="panel" aria-labelledby="dose-title">
          <h2 id="dose-title" className="panel__title">
            Default dosage
          </h2>
          <p className="muted">What a new prescription starts from; you can change it for each patient.</p>
          {errors.dosage && Object.keys(dosageErrors).length === 0 ? (
            <p className="field__error" role="alert">
              {errors.dosage}
            </p>
          ) : null}
          <DosageFields
            draft={dosage}
            onChange={(d) => {
              setDosage(d);
              setDosageErrors({});
            }}
            errors={dosageErrors}
          />
        </section>

        <section className="panel" aria-labelledby="variants-title">
          <h2 id="variants-title" className="panel__title">
            Easier and harder variants
          </h2>
          <VariantPicker
            label="Easier"
            ids={easier}
            onChange={edited('easier', setEasier)}
            entries={entries}
            exclude={[...(selfId ? [selfId] : []), ...harder]}
            error={errors.easier}
          />
          <VariantPicker
            label="Harder"
            ids={harder}
            onChange={edited('harder', setHarder)}
            entries={entries}
            exclude={[...(selfId ? [selfId] : []), ...easier]}
            error={errors.harder}
          />
        </section>

        <section className="panel" aria-labelledby="clinician-title">
          <h2 id="clinician-title" className="panel__title">
            For clinicians
          </h2>
          <TextAreaField
            label="Clinician note"
            value={clinicianNote}
            onChange={edited('clinicianNote', setClinicianNote)}
            error={errors.clinicianNote}
            rows={3}
            maxLength={2000}
            hint="Source of the dosage, how to progress. Never printed for the patient."
          />
        </section>

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : mode.kind === 'edit' ? 'Save changes' : 'Save exercise'}
          </button>
          <a className="button button--secondary" href={cancelHref}>
            Cancel
          </a>
        </div>
      </form>
    </div>
  );
}

function send(mode: EditorMode, clinic: ClinicExercise | null, exercise: ClinicExerciseInput) {
  if (mode.kind === 'edit' && clinic) {
    return call('exercises.updateClinic', { id: clinic.id, expectedVersion: clinic.version, exercise });
  }
  return call('exercises.createClinic', { copiedFrom: mode.kind === 'copy' ? mode.id : null, exercise });
}

function VariantPicker({
  label,
  ids,
  onChange,
  entries,
  exclude,
  error,
}: {
  label: 'Easier' | 'Harder';
  ids: string[];
  onChange(ids: string[]): void;
  entries: readonly LibraryEntry[];
  exclude: readonly string[];
  error?: string | undefined;
}) {
  const [pick, setPick] = useState('');
  const selectId = `variant-${label.toLowerCase()}`;
  const options = entries.filter(
    (e) => !ids.includes(e.exercise.id) && !exclude.includes(e.exercise.id) && !e.clinic?.retired,
  );
  return (
    <div className={`variant-picker${error ? ' field--invalid' : ''}`}>
      <h3 className="variant-picker__title">{label} variants</h3>
      {ids.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="variant-picker__list">
          {ids.map((id) => {
            const entry = findEntry(entries, id);
            return (
              <li key={id}>
                <span>{entry?.exercise.name ?? id}</span>
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => onChange(ids.filter((x) => x !== id))}
                  aria-label={`Remove ${entry?.exercise.name ?? id} from the ${label.toLowerCase()} variants`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {ids.length < 4 ? (
        <div className="variant-picker__add">
          <label className="field__label" htmlFor={selectId}>
            Add {label === 'Easier' ? 'an easier' : 'a harder'} exercise
          </label>
          <div className="variant-picker__row">
            <select
              id={selectId}
              className="field__input field__select"
              value={pick}
              onChange={(e) => setPick(e.target.value)}
            >
              <option value="">Choose…</option>
              {options.map((e) => (
                <option key={e.exercise.id} value={e.exercise.id}>
                  {e.exercise.name}
                  {e.source === 'clinic' ? ' (clinic’s own)' : ''}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--secondary"
              disabled={pick === ''}
              onClick={() => {
                onChange([...ids, pick]);
                setPick('');
              }}
            >
              Add
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
