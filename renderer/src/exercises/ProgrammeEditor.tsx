/**
 * Building a patient's home exercise programme: pick exercises from the library (search and
 * filter), set each one's dosage for this patient, put them in order (Move up / Move down, with
 * focus kept on the moved exercise and the move announced), add a note per exercise, then save
 * it as a new version. Templates fill the draft or keep it for next time.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { describeDosage } from '../../../shared/clinical/exercises/dosage';
import type { Exercise } from '../../../shared/clinical/exercises/exercise';
import { BODY_REGION_LABELS, EXERCISE_TYPE_LABELS } from '../../../shared/clinical/exercises/exercise';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import type { Patient } from '../../../shared/domain/patient';
import type { Prescription, PrescriptionItemInput, PrescriptionTemplate } from '../../../shared/domain/prescription';
import { MAX_PROGRAMME_EXERCISES, sameDosage } from '../../../shared/domain/prescription';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { ConfirmDialog } from '../ui/Dialog';
import { ErrorNotice, InfoNotice, Loading } from '../ui/feedback';
import { TextField } from '../ui/fields';
import type { DosageDraft } from './DosageFields';
import { DosageFields, describeDraft, fromDraft, toDraft } from './DosageFields';
import { ExercisePicture } from './ExercisePicture';
import type { LibraryEntry, LibraryFilter } from './library';
import { filterLibrary, findEntry, NO_FILTER, useLibrary } from './library';
import { LibraryFilters } from './LibraryFilters';
import { useUnsavedWork } from '../app/unsaved-work';

interface DraftItem {
  /** Stable across moves, for React keys and focus. */
  readonly key: string;
  readonly exerciseId: string;
  /** What the clinician sees: the library's exercise, or the saved copy when it left the library. */
  readonly exercise: Exercise;
  /** Why this item cannot be saved as it is, or what changed since it was prescribed. */
  readonly status: 'ok' | 'retired' | 'missing' | 'updated';
  dosage: DosageDraft;
  note: string;
  dosageOpen: boolean;
  dosageErrors: Record<string, string>;
  error: string | null;
}

let nextKey = 1;
const newKey = () => `item-${nextKey++}`;

function fromLibrary(entry: LibraryEntry, dosage = entry.exercise.dosage, note = ''): DraftItem {
  return {
    key: newKey(),
    exerciseId: entry.exercise.id,
    exercise: entry.exercise,
    status: entry.clinic?.retired ? 'retired' : 'ok',
    dosage: toDraft(dosage),
    note,
    dosageOpen: false,
    dosageErrors: {},
    error: null,
  };
}

function fromSaved(p: Prescription, entries: readonly LibraryEntry[]): DraftItem[] {
  return p.items.map((item) => {
    const entry = findEntry(entries, item.exerciseId);
    const status: DraftItem['status'] = !entry
      ? 'missing'
      : entry.clinic?.retired
        ? 'retired'
        : entry.clinic && item.clinicExerciseVersion !== null && entry.clinic.version > item.clinicExerciseVersion
          ? 'updated'
          : 'ok';
    return {
      key: newKey(),
      exerciseId: item.exerciseId,
      exercise: entry?.exercise ?? item.exercise,
      status,
      dosage: toDraft(item.dosage),
      note: item.note,
      dosageOpen: false,
      dosageErrors: {},
      error: null,
    };
  });
}

type Focus = { key: string; button: 'up' | 'down' | 'remove-fallback' } | null;

export function ProgrammeEditor(props: {
  episode: EpisodeSummary;
  patient: Patient;
  current: Prescription | null;
  onCancel(): void;
  onSaved(p: Prescription): void;
  onReload(): Promise<void>;
}) {
  const library = useLibrary(true);
  if (library.error) return <ErrorNotice error={library.error} />;
  if (!library.entries) return <Loading label="Loading the exercise library…" />;
  return <EditorBody {...props} entries={library.entries} />;
}

function EditorBody({
  episode,
  patient,
  current,
  onCancel,
  onSaved,
  onReload,
  entries,
}: {
  episode: EpisodeSummary;
  patient: Patient;
  current: Prescription | null;
  onCancel(): void;
  onSaved(p: Prescription): void;
  onReload(): Promise<void>;
  entries: readonly LibraryEntry[];
}) {
  const [items, setItems] = useState<DraftItem[]>(() => (current ? fromSaved(current, entries) : []));
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  useUnsavedWork({ label: 'the home exercise programme', unsaved: () => dirty });
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [focus, setFocus] = useState<Focus>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const listHeading = useRef<HTMLHeadingElement>(null);

  const available = useMemo(() => entries.filter((e) => !e.clinic?.retired), [entries]);
  const matches = useMemo(() => filterLibrary(available, filter), [available, filter]);
  const chosen = new Set(items.map((i) => i.exerciseId));

  useEffect(() => {
    if (!focus) return;
    const target =
      focus.button === 'remove-fallback' ? null : (buttons.current.get(`${focus.key}:${focus.button}`) ?? null);
    if (target && !target.disabled) target.focus();
    else {
      const other = buttons.current.get(`${focus.key}:${focus.button === 'up' ? 'down' : 'up'}`);
      if (other && !other.disabled) other.focus();
      else listHeading.current?.focus();
    }
    setFocus(null);
  }, [focus]);

  function change(next: DraftItem[]) {
    setItems(next);
    setDirty(true);
  }

  function update(key: string, patch: Partial<DraftItem>) {
    change(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  }

  function add(entry: LibraryEntry) {
    if (chosen.has(entry.exercise.id) || items.length >= MAX_PROGRAMME_EXERCISES) return;
    change([...items, fromLibrary(entry)]);
    setAnnouncement(`Added ${entry.exercise.name} as exercise ${items.length + 1}.`);
  }

  function move(key: string, by: -1 | 1) {
    const from = items.findIndex((i) => i.key === key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    change(next);
    setAnnouncement(`Moved ${moved!.exercise.name} to position ${to + 1} of ${next.length}.`);
    setFocus({ key, button: by < 0 ? 'up' : 'down' });
  }

  function remove(key: string) {
    const index = items.findIndex((i) => i.key === key);
    const removed = items[index];
    const next = items.filter((i) => i.key !== key);
    change(next);
    if (removed) setAnnouncement(`Removed ${removed.exercise.name}.`);
    const neighbour = next[Math.min(index, next.length - 1)];
    setFocus(neighbour ? { key: neighbour.key, button: 'up' } : { key: '', button: 'remove-fallback' });
  }

  /** The draft as the request's items, or null after marking what to fix on each item. */
  function checkedItems(): PrescriptionItemInput[] | null {
    let ok = true;
    const checked = items.map((item) => {
      const d = fromDraft(item.dosage);
      const problem =
        item.status === 'retired'
          ? `“${item.exercise.name}” was retired from the library: remove it, or bring it back in the library first.`
          : item.status === 'missing'
            ? `“${item.exercise.name}” is no longer in the library: remove it.`
            : null;
      if (!d.ok || problem) ok = false;
      return { item, d, problem };
    });
    setItems(
      checked.map(({ item, d, problem }) => ({
        ...item,
        dosageErrors: d.ok ? {} : d.errors,
        dosageOpen: item.dosageOpen || !d.ok,
        error: problem,
      })),
    );
    if (!ok) return null;
    return checked.map(({ item, d }) => ({
      exerciseId: item.exerciseId,
      dosage: (d as { ok: true; dosage: PrescriptionItemInput['dosage'] }).dosage,
      note: item.note.trim(),
    }));
  }

  async function save() {
    const request = checkedItems();
    if (!request) {
      setFailure({ code: 'invalid_request', message: 'Some exercises need attention: see the messages in the list.' });
      return;
    }
    setBusy(true);
    const r = await call('prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: current?.version ?? null,
      items: request,
    });
    setBusy(false);
    if (r.ok) {
      onSaved(r.value);
      return;
    }
    setFailure(r.error);
    const fields = r.error.fields ?? {};
    setItems((prev) =>
      prev.map((item, i) => {
        const message = fields[`items.${i}.exerciseId`] ?? fields[`items.${i}.note`] ?? null;
        return message ? { ...item, error: message } : item;
      }),
    );
  }

  function applyTemplate(t: PrescriptionTemplate) {
    const next: DraftItem[] = [];
    const left: string[] = [];
    for (const ti of t.items) {
      const entry = findEntry(available, ti.exerciseId);
      if (entry && ti.available) next.push(fromLibrary(entry, ti.dosage, ti.note));
      else left.push(ti.name ?? ti.exerciseId);
    }
    change(next);
    setAnnouncement(
      `Applied the template ${t.name}: ${next.length} exercises.${left.length > 0 ? ` Left out, no longer in the library: ${left.join(', ')}.` : ''}`,
    );
    return left;
  }

  return (
    <div className="programme-editor">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <InfoNotice>
        <p>
          Saving makes version {(current?.version ?? 0) + 1} of {patient.givenName}’s programme for {episode.title}.
          {current ? ` Version ${current.version} stays in the history unchanged.` : ''}
        </p>
      </InfoNotice>
      <TemplateBar items={items} onApply={applyTemplate} checkedItems={checkedItems} />
      {failure ? (
        <ErrorNotice
          error={failure}
          action={
            failure.code === 'stale' ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  void onReload();
                  onCancel();
                }}
              >
                Reload the programme
              </button>
            ) : undefined
          }
        />
      ) : null}
      <div className="programme-editor__columns">
        <section className="programme-editor__draft" aria-labelledby="draft-title">
          <h3 id="draft-title" ref={listHeading} tabIndex={-1} className="programme-editor__title">
            Programme ({items.length} {items.length === 1 ? 'exercise' : 'exercises'})
          </h3>
          {items.length > 0 ? (
            <p className="muted programme-editor__hint">
              Done in this order. Each note is optional and printed under its exercise on the handout, like “Stop if
              pain goes above 3 out of 10.”
            </p>
          ) : null}
          {items.length === 0 ? (
            <p className="muted programme-editor__empty">
              No exercises yet. Add them from the library: they are done in the order listed here.
            </p>
          ) : (
            <ol className="draft-list" aria-label="Exercises in this programme">
              {items.map((item, index) => (
                <DraftRow
                  key={item.key}
                  item={item}
                  index={index}
                  count={items.length}
                  onMove={(by) => move(item.key, by)}
                  onRemove={() => remove(item.key)}
                  onChange={(patch) => update(item.key, patch)}
                  buttonRef={(name, el) => {
                    const k = `${item.key}:${name}`;
                    if (el) buttons.current.set(k, el);
                    else buttons.current.delete(k);
                  }}
                />
              ))}
            </ol>
          )}
        </section>
        <section className="programme-editor__picker" aria-labelledby="picker-title">
          <h3 id="picker-title" className="programme-editor__title">
            Add from the library
          </h3>
          <LibraryFilters filter={filter} onChange={setFilter} searchLabel="Find an exercise to add" />
          <p className="result-count">
            {matches.length === available.length ? `${matches.length} exercises` : `${matches.length} match`}
          </p>
          {matches.length === 0 ? (
            <p className="muted">
              No exercise matches.{' '}
              <button type="button" className="button button--link" onClick={() => setFilter(NO_FILTER)}>
                Clear the search
              </button>
            </p>
          ) : (
            <ul className="picker-list" aria-label="Library exercises">
              {matches.map((entry) => {
                const added = chosen.has(entry.exercise.id);
                return (
                  <li key={entry.exercise.id} className="picker-list__item">
                    <ExercisePicture exercise={entry.exercise} size="thumb" decorative />
                    <div className="picker-list__body">
                      <span className="picker-list__name">{entry.exercise.name}</span>
                      <span className="picker-list__meta">
                        {EXERCISE_TYPE_LABELS[entry.exercise.tags.type]} ·{' '}
                        {entry.exercise.tags.regions.map((r) => BODY_REGION_LABELS[r]).join(', ')}
                        {entry.source === 'clinic' ? ' · clinic’s own' : ''}
                      </span>
                      <span className="picker-list__meta">{describeDosage(entry.exercise.dosage)}</span>
                    </div>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={added || items.length >= MAX_PROGRAMME_EXERCISES}
                      aria-label={added ? `${entry.exercise.name} is in the programme` : `Add ${entry.exercise.name}`}
                      onClick={() => add(entry)}
                    >
                      {added ? 'Added' : 'Add'}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
      <div className="form-actions programme-editor__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : items.length === 0 && current ? 'Save: stop the home exercises' : 'Save programme'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => (dirty ? setConfirmCancel(true) : onCancel())}
        >
          Cancel
        </button>
      </div>
      <ConfirmDialog
        open={confirmCancel}
        title="Discard these changes?"
        confirmLabel="Discard changes"
        tone="danger"
        onConfirm={() => {
          setConfirmCancel(false);
          onCancel();
        }}
        onCancel={() => setConfirmCancel(false)}
      >
        <p>The programme stays as it was last saved.</p>
      </ConfirmDialog>
    </div>
  );
}

function DraftRow({
  item,
  index,
  count,
  onMove,
  onRemove,
  onChange,
  buttonRef,
}: {
  item: DraftItem;
  index: number;
  count: number;
  onMove(by: -1 | 1): void;
  onRemove(): void;
  onChange(patch: Partial<DraftItem>): void;
  buttonRef(name: 'up' | 'down', el: HTMLButtonElement | null): void;
}) {
  const words = describeDraft(item.dosage);
  const parsed = fromDraft(item.dosage);
  const custom = parsed.ok && !sameDosage(parsed.dosage, item.exercise.dosage);
  const name = item.exercise.name;
  return (
    <li
      className={`draft-list__item${item.error ? ' draft-list__item--invalid' : ''}`}
      aria-label={`${index + 1}. ${name}`}
    >
      <div className="draft-list__head">
        <span className="programme-list__number" aria-hidden="true">
          {index + 1}
        </span>
        <ExercisePicture exercise={item.exercise} size="thumb" decorative />
        <div className="draft-list__summary">
          <span className="draft-list__name">{name}</span>
          <span className="draft-list__dosage">
            {words ?? 'Dosage not complete: see below'}
            {custom ? <span className="tag tag--custom">Custom dosage</span> : null}
          </span>
        </div>
        <div className="draft-list__buttons">
          <button
            type="button"
            ref={(el) => buttonRef('up', el)}
            className="button button--secondary button--small"
            disabled={index === 0}
            aria-label={`Move ${name} up`}
            onClick={() => onMove(-1)}
          >
            Move up
          </button>
          <button
            type="button"
            ref={(el) => buttonRef('down', el)}
            className="button button--secondary button--small"
            disabled={index === count - 1}
            aria-label={`Move ${name} down`}
            onClick={() => onMove(1)}
          >
            Move down
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Remove ${name}`}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      </div>
      {item.status === 'updated' ? (
        <p className="draft-list__status">
          Changed in the library since it was prescribed: saving uses the new version.
        </p>
      ) : null}
      {item.error ? (
        <p className="field__error" role="alert">
          {item.error}
        </p>
      ) : null}
      <div className="draft-list__details">
        <button
          type="button"
          className="button button--link"
          aria-expanded={item.dosageOpen}
          onClick={() => onChange({ dosageOpen: !item.dosageOpen })}
        >
          {item.dosageOpen ? `Hide the dosage of ${name}` : `Change the dosage of ${name}`}
        </button>
        {item.dosageOpen ? (
          <div className="draft-list__dosage-editor" role="group" aria-label={`Dosage of ${name}`}>
            <DosageFields
              draft={item.dosage}
              errors={item.dosageErrors}
              onChange={(dosage) => onChange({ dosage, dosageErrors: {} })}
            />
            {custom ? (
              <button
                type="button"
                className="button button--link"
                onClick={() => onChange({ dosage: toDraft(item.exercise.dosage), dosageErrors: {} })}
              >
                Use the default dosage ({describeDosage(item.exercise.dosage)})
              </button>
            ) : null}
          </div>
        ) : null}
        <TextField
          label={`Note for the patient: ${name}`}
          value={item.note}
          onChange={(note) => onChange({ note, error: null })}
          maxLength={500}
          className="draft-list__note"
        />
      </div>
    </li>
  );
}

function TemplateBar({
  items,
  onApply,
  checkedItems,
}: {
  items: readonly DraftItem[];
  onApply(t: PrescriptionTemplate): string[];
  checkedItems(): PrescriptionItemInput[] | null;
}) {
  const [templates, setTemplates] = useState<PrescriptionTemplate[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [chosenId, setChosenId] = useState('');
  const [confirming, setConfirming] = useState<'apply' | 'remove' | null>(null);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [offerReplace, setOfferReplace] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function load() {
    const r = await call('prescriptionTemplates.list', {});
    if (r.ok) setTemplates(r.value);
    else setError(r.error);
  }

  useEffect(() => {
    void load();
  }, []);

  const chosen = templates?.find((t) => String(t.id) === chosenId) ?? null;

  function apply() {
    if (!chosen) return;
    setConfirming(null);
    const left = onApply(chosen);
    setMessage(
      `Applied “${chosen.name}”.${left.length > 0 ? ` Left out (no longer in the library): ${left.join(', ')}.` : ''} Review the dosages, then save.`,
    );
  }

  async function removeChosen() {
    if (!chosen) return;
    setConfirming(null);
    const r = await call('prescriptionTemplates.remove', { id: chosen.id, expectedVersion: chosen.version });
    if (!r.ok) return setError(r.error);
    setChosenId('');
    setMessage(`Removed the template “${chosen.name}”. Programmes made from it are not affected.`);
    await load();
  }

  async function saveAs(replace: boolean) {
    const request = checkedItems();
    if (!request) return setNameError('Fix the exercises marked in the list first.');
    if (request.length === 0) return setNameError('Add at least one exercise before saving a template.');
    const r = await call('prescriptionTemplates.save', { name, items: request, replace });
    if (!r.ok) {
      setNameError(r.error.fields?.name ?? r.error.message);
      setOfferReplace(r.error.code === 'conflict');
      return;
    }
    setSaving(false);
    setOfferReplace(false);
    setNameError(undefined);
    setName('');
    setMessage(`Saved the template “${r.value.name}”. It is offered when you build any patient’s programme.`);
    await load();
  }

  return (
    <div className="template-bar">
      {error ? <ErrorNotice error={error} /> : null}
      <div className="template-bar__row">
        <div className="field template-bar__select">
          <label className="field__label" htmlFor="template-choice">
            Start from a template
          </label>
          <select
            id="template-choice"
            className="field__input field__select"
            value={chosenId}
            disabled={!templates || templates.length === 0}
            onChange={(e) => setChosenId(e.target.value)}
          >
            <option value="">
              {templates === null
                ? 'Loading…'
                : templates.length === 0
                  ? 'No templates saved yet'
                  : 'Choose a template…'}
            </option>
            {templates?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.items.length} exercise{t.items.length === 1 ? '' : 's'})
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--secondary"
          disabled={!chosen}
          onClick={() => (items.length > 0 ? setConfirming('apply') : apply())}
        >
          Apply template
        </button>
        <button
          type="button"
          className="button button--link"
          disabled={!chosen}
          onClick={() => setConfirming('remove')}
        >
          Remove template
        </button>
        <button
          type="button"
          className="button button--secondary template-bar__save"
          aria-expanded={saving}
          onClick={() => {
            setSaving(!saving);
            setNameError(undefined);
          }}
        >
          Save as template
        </button>
      </div>
      {saving ? (
        <form
          className="template-bar__form"
          aria-label="Save as template"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void saveAs(false);
          }}
        >
          <TextField
            label="Template name"
            value={name}
            onChange={(v) => {
              setName(v);
              setOfferReplace(false);
            }}
            error={nameError}
            hint="Like “Hamstring strain: early”. Saves these exercises, dosages and notes, not the patient."
            maxLength={80}
            autoFocus
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary button--small">
              Save template
            </button>
            {offerReplace ? (
              <button type="button" className="button button--danger button--small" onClick={() => void saveAs(true)}>
                Replace the existing template
              </button>
            ) : null}
            <button type="button" className="button button--secondary button--small" onClick={() => setSaving(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {message ? (
        <p className="template-bar__message" role="status">
          {message}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'remove' ? 'Remove this template?' : 'Replace the draft with this template?'}
        confirmLabel={confirming === 'remove' ? 'Remove template' : 'Apply template'}
        tone={confirming === 'remove' ? 'danger' : 'default'}
        onConfirm={() => (confirming === 'remove' ? void removeChosen() : apply())}
        onCancel={() => setConfirming(null)}
      >
        {confirming === 'remove' ? (
          <p>“{chosen?.name}” will no longer be offered. Programmes made from it are not affected.</p>
        ) : (
          <p>
            The {items.length} exercise{items.length === 1 ? '' : 's'} in the draft will be replaced by the{' '}
            {chosen?.items.length} of “{chosen?.name}”. Nothing is saved until you save the programme.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
