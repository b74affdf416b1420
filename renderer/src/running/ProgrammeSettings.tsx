/**
 * Settings, "Running programmes": the templates that come with the app, each with its published
 * source, and the clinic's own programmes. A template is duplicated, never edited; a clinic
 * programme's levels are edited here, and each save is a new version. Patients who already have
 * a programme keep their own copy.
 */
import { useState } from 'react';
import type { Programme } from '../../../shared/clinical/programme';
import { Programme as ProgrammeSchema } from '../../../shared/clinical/programme';
import type { ProgrammeEntry, RunningLibrary } from '../../../shared/domain/running';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, Loading, SuccessNotice } from '../ui/feedback';
import { TextAreaField, TextField } from '../ui/fields';
import { CopyForm } from './CopyForm';
import { LevelEditor } from './LevelEditor';
import type { ProgrammeDraft } from './programme-draft';
import { levelAfter, programmeDraftOf, programmeOf } from './programme-draft';
import { useRunningLibrary } from './useRunningLibrary';
import { levelLine } from './words';

export function ProgrammeSettings() {
  const { library, error, load } = useRunningLibrary();
  const [editing, setEditing] = useState<Programme | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby="programmes-title">
      <h2 id="programmes-title" className="panel__title">
        Running programmes
      </h2>
      <p className="muted">
        The templates come from published protocols; each shows its source. Duplicate one to edit its levels. A patient
        who already has a programme keeps their own copy: later edits never change it.
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {!library && !error ? <Loading label="Loading the programmes…" /> : null}
      {editing ? (
        <ProgrammeEditor
          key={`${editing.id}@${editing.version}`}
          programme={editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setNotice(`Saved "${saved.name}" as version ${saved.version}.`);
            void load();
          }}
        />
      ) : null}
      {library ? (
        <ul className="library-list">
          {library.programmes.map((entry) => (
            <ProgrammeItem
              key={entry.programme.id}
              entry={entry}
              library={library}
              onCopied={(copy) => {
                setNotice(`Made "${copy.name}". Edit its levels below, then save.`);
                setEditing(copy);
                void load();
              }}
              onEdit={() => {
                setNotice(null);
                setEditing(entry.programme);
              }}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ProgrammeItem(props: {
  entry: ProgrammeEntry;
  library: RunningLibrary;
  onCopied(copy: Programme): void;
  onEdit(): void;
}) {
  const { settings } = useApp();
  const { programme, origin } = props.entry;
  const [copying, setCopying] = useState(false);
  const basedOn = programme.basedOn
    ? (props.library.programmes.find((e) => e.programme.id === programme.basedOn?.id)?.programme.name ??
      programme.basedOn.id)
    : null;
  return (
    <li className="library-item">
      <div className="library-item__head">
        <h3 className="library-item__name">{programme.name}</h3>
        <span className="badge badge--muted">
          {origin === 'shipped' ? 'Template' : `Clinic programme, version ${programme.version}`}
        </span>
        <span className="muted">{programme.levels.length} levels</span>
      </div>
      {basedOn ? <p className="library-item__meta">Based on {basedOn}</p> : null}
      {programme.summary ? <p>{programme.summary}</p> : null}
      <p className="library-item__meta">
        Warm-up ({programme.warmUp.minutes} min): {programme.warmUp.description}
      </p>
      <p className="library-item__source">Source: {programme.source}</p>
      <details className="library-item__details">
        <summary>Levels</summary>
        <ol className="level-list">
          {programme.levels.map((l) => (
            <li key={l.number} className="level-list__item">
              {levelLine(l, settings.units)}
              {l.entryCheck ? <span className="level-list__check">Entry check: {l.entryCheck}</span> : null}
              {l.notes ? <span className="level-list__check">{l.notes}</span> : null}
            </li>
          ))}
        </ol>
      </details>
      <div className="library-item__actions">
        {origin === 'clinic' ? (
          <button type="button" className="button button--small button--primary" onClick={props.onEdit}>
            Edit levels<span className="visually-hidden"> of {programme.name}</span>
          </button>
        ) : null}
        {!copying ? (
          <button type="button" className="button button--small button--secondary" onClick={() => setCopying(true)}>
            Duplicate<span className="visually-hidden"> {programme.name}</span>
          </button>
        ) : null}
      </div>
      {copying ? (
        <CopyForm
          what="programme"
          suggested={`${programme.name}, clinic copy`}
          onCancel={() => setCopying(false)}
          onCopy={async (name) => {
            const r = await call('programmes.duplicate', { fromId: programme.id, name });
            if (r.ok) {
              setCopying(false);
              props.onCopied(r.value.programme);
            }
            return r;
          }}
        />
      ) : null}
    </li>
  );
}

function ProgrammeEditor({ programme, onDone }: { programme: Programme; onDone(saved: Programme | null): void }) {
  const { settings } = useApp();
  const units = settings.units;
  const [draft, setDraft] = useState<ProgrammeDraft>(() => programmeDraftOf(programme, units));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const setLevels = (levels: ProgrammeDraft['levels']) => setDraft((d) => ({ ...d, levels }));

  async function save() {
    const parsed = ProgrammeSchema.safeParse(programmeOf(programme, draft, units));
    if (!parsed.success) {
      const found = fieldErrors(parsed.error);
      const messages = Object.values(found);
      setErrors(found);
      setFailure({
        code: 'invalid_request',
        message:
          messages.length === 1
            ? `One entry needs attention: ${messages[0] ?? ''}`
            : `${messages.length} entries need attention, marked below. First: ${messages[0] ?? ''}`,
      });
      return;
    }
    setBusy(true);
    const r = await call('programmes.save', { programme: parsed.data });
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      setErrors(
        Object.fromEntries(Object.entries(r.error.fields ?? {}).map(([k, v]) => [k.replace(/^programme\./, ''), v])),
      );
      return;
    }
    onDone(r.value.programme);
  }

  const levelErrors = (i: number) =>
    Object.fromEntries(
      Object.entries(errors)
        .filter(([k]) => k === `levels.${i}` || k.startsWith(`levels.${i}.`))
        .map(([k, v]) => [k.slice(`levels.${i}`.length + 1), v]),
    );

  return (
    <form
      className="subform editor"
      aria-label={`Edit the programme ${programme.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="editor__title">
        Edit “{programme.name}” (version {programme.version})
      </h3>
      <p className="muted">
        Saving makes version {programme.version + 1}. Distances are in {units === 'km' ? 'kilometres' : 'miles'}, as set
        for the clinic.
      </p>
      {failure ? <ErrorNotice error={failure} /> : null}
      {errors.levels ? <ErrorNotice error={errors.levels} /> : null}
      <div className="form-grid">
        <TextField
          label="Name"
          value={draft.name}
          onChange={(v) => setDraft({ ...draft, name: v })}
          error={errors.name}
          maxLength={120}
          required
          className="form-grid__wide"
        />
        <TextField
          label="Most levels up in 7 days"
          value={draft.maxAdvancesPer7Days}
          onChange={(v) => setDraft({ ...draft, maxAdvancesPer7Days: v })}
          error={errors.maxAdvancesPer7Days}
          hint="Leave empty for no limit."
          inputMode="numeric"
        />
        <TextField
          label="Pain limit for a clean session (0-10)"
          value={draft.painLimit}
          onChange={(v) => setDraft({ ...draft, painLimit: v })}
          error={errors.painLimit}
          hint="Empty: the rule set's limit applies."
          inputMode="numeric"
        />
      </div>
      <TextAreaField
        label="Summary"
        value={draft.summary}
        onChange={(v) => setDraft({ ...draft, summary: v })}
        error={errors.summary}
        rows={2}
        maxLength={600}
      />
      <TextAreaField
        label="Warm-up before every run (the patient's words)"
        value={draft.warmUpDescription}
        onChange={(v) => setDraft({ ...draft, warmUpDescription: v })}
        error={errors['warmUp.description']}
        hint="Rule 1 asks whether soreness in the warm-up continued: say what the warm-up is."
        rows={2}
        maxLength={300}
      />
      <div className="form-grid form-grid--narrow">
        <TextField
          label="Warm-up minutes"
          value={draft.warmUpMinutes}
          onChange={(v) => setDraft({ ...draft, warmUpMinutes: v })}
          error={errors['warmUp.minutes']}
          inputMode="numeric"
        />
      </div>
      <TextAreaField
        label="Source"
        value={draft.source}
        onChange={(v) => setDraft({ ...draft, source: v })}
        error={errors.source}
        rows={2}
        maxLength={600}
      />
      <h4 className="editor__subtitle">Levels</h4>
      <ol className="level-editor-list">
        {draft.levels.map((level, i) => (
          <LevelEditor
            key={level.key}
            number={i + 1}
            level={level}
            units={units}
            errors={levelErrors(i)}
            isFirst={i === 0}
            isLast={i === draft.levels.length - 1}
            onChange={(next) => setLevels(draft.levels.map((l, j) => (j === i ? next : l)))}
            onMove={(by) => {
              const levels = [...draft.levels];
              const [moved] = levels.splice(i, 1);
              if (moved) levels.splice(i + by, 0, moved);
              setLevels(levels);
            }}
            onRemove={draft.levels.length > 1 ? () => setLevels(draft.levels.filter((_, j) => j !== i)) : undefined}
            onAddAfter={
              draft.levels.length < 60
                ? () => setLevels([...draft.levels.slice(0, i + 1), levelAfter(level), ...draft.levels.slice(i + 1)])
                : undefined
            }
          />
        ))}
      </ol>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : `Save as version ${programme.version + 1}`}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
