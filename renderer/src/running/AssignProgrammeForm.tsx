/**
 * Give the episode a running programme: which one (a shipped template or a clinic programme), the
 * starting level (the programme's first level unless chosen), and the soreness rules its decisions
 * use (the clinic default unless chosen). Changing the programme later needs a reason.
 *
 * When the episode's intake has a starting point the clinician accepted (or chose), the starting
 * level follows it: the walking stage is the programme's first walking level, "running level N"
 * its Nth level with running. The clinician can still pick another level.
 */
import { useState } from 'react';
import type { Programme } from '../../../shared/clinical/programme';
import type { StartingPointRecord } from '../../../shared/domain/intake';
import { programmeLevelFor } from '../../../shared/clinical/intake/starting-point';
import type { EpisodeRunning } from '../../../shared/domain/running';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { Loaded, records, useRead, useWrite } from '../data';
import { useApp } from '../app/context';
import { ErrorNotice, InfoNotice } from '../ui/feedback';
import { SelectField, TextAreaField } from '../ui/fields';
import { levelLine } from './words';

export function AssignProgrammeForm(props: {
  data: EpisodeRunning;
  onSaved(next: EpisodeRunning): void;
  onCancel(): void;
}) {
  const { settings } = useApp();
  const current = props.data.assignment;
  const libraryQuery = useRead(records.clinic('running'), 'running.library', {});
  const episodeId = props.data.episodeId;
  // Without an accepted starting point the form simply offers the first level.
  const intakePoint = useRead(records.episode(episodeId), 'intake.startingPoint', { episodeId }).data ?? null;
  const assign = useWrite('running.assign', (r) => records.ofEpisode(r.episodeId));
  const [programmeId, setProgrammeId] = useState(current?.programme.id ?? '');
  const [startLevel, setStartLevel] = useState('1');
  const [chosenRuleSetId, setRuleSetId] = useState(current?.ruleSetId ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  /** The level the intake's starting point means in a programme, or why there is none. */
  const fromIntake = (programme: Programme | undefined) =>
    intakePoint && programme ? programmeLevelFor(intakePoint.choice, programme) : null;

  const library = libraryQuery.data;
  if (!library || libraryQuery.error) return <Loaded query={libraryQuery} loading="Loading the programmes…" />;
  // The clinic's default rules unless the clinician chose others.
  const ruleSetId = chosenRuleSetId || library.defaultRuleSetId;

  const chosen = library.programmes.find((p) => p.programme.id === programmeId)?.programme;
  const chosenSet = library.ruleSets.find((s) => s.ruleSet.id === ruleSetId);

  async function save() {
    const local: Record<string, string> = {};
    if (!chosen) local.programmeId = 'Choose a programme.';
    if (current && reason.trim() === '')
      local.reason = 'Say why the programme changes: the reason is kept with the history.';
    setErrors(local);
    if (Object.keys(local).length > 0 || !chosen) return;
    setBusy(true);
    const r = await assign({
      episodeId: props.data.episodeId,
      programmeId: chosen.id,
      startLevel: Number(startLevel),
      ruleSetId: ruleSetId || null,
      reason,
      expectedAssignmentId: current?.id ?? null,
    });
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      setErrors(r.error.fields ?? {});
      return;
    }
    props.onSaved(r.value);
  }

  return (
    <form
      className="subform"
      aria-label={current ? 'Change the running programme' : 'Give a running programme'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {failure ? <ErrorNotice error={failure} /> : null}
      {current ? (
        <InfoNotice>
          <p>
            The check-ins so far stay in the history. The new programme starts at the level you choose, with its own
            count of clean sessions.
          </p>
        </InfoNotice>
      ) : null}
      <div className="form-grid">
        <SelectField
          label="Programme"
          value={programmeId}
          options={library.programmes.map((e) => ({
            value: e.programme.id,
            label: e.origin === 'clinic' ? `${e.programme.name} (clinic programme)` : e.programme.name,
          }))}
          onChange={(id) => {
            setProgrammeId(id);
            const level = fromIntake(library.programmes.find((p) => p.programme.id === id)?.programme);
            setStartLevel(level?.kind === 'level' ? String(level.levelNumber) : '1');
          }}
          placeholder="Choose a programme…"
          error={errors.programmeId}
          required
          className="form-grid__wide"
        />
        <SelectField
          label="Soreness rules"
          value={ruleSetId}
          options={library.ruleSets.map((e) => ({
            value: e.ruleSet.id,
            label: e.isDefault ? `${e.ruleSet.name}, clinic default` : e.ruleSet.name,
          }))}
          onChange={setRuleSetId}
          error={errors.ruleSetId}
          hint={chosenSet ? `Version ${chosenSet.ruleSet.version}` : undefined}
          className="form-grid__wide"
        />
      </div>
      {chosen ? (
        <>
          <p className="programme-source">
            {chosen.summary ? <span>{chosen.summary} </span> : null}
            <span className="muted">Source: {chosen.source}</span>
          </p>
          <IntakeStartNotice point={intakePoint} level={fromIntake(chosen)} />
          <SelectField
            label="Starting level"
            value={startLevel}
            options={chosen.levels.map((l) => ({ value: String(l.number), label: levelLine(l, settings.units) }))}
            onChange={setStartLevel}
            error={errors.startLevel}
            hint={
              intakePoint
                ? 'Set from the intake’s starting point; choose another level if needed.'
                : 'The first level unless the patient is ready for more.'
            }
          />
        </>
      ) : null}
      {current ? (
        <TextAreaField
          label="Why the programme changes (required)"
          value={reason}
          onChange={setReason}
          error={errors.reason}
          rows={2}
          maxLength={500}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : current ? 'Change the programme' : 'Start this programme'}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** What the intake decided about where to start, in one line beside the level pick list. */
function IntakeStartNotice({
  point,
  level,
}: {
  point: StartingPointRecord | null;
  level: ReturnType<typeof programmeLevelFor> | null;
}) {
  if (!point || !level) return null;
  const said =
    point.choice.stage === 'hold'
      ? 'not ready to run: assess further or refer'
      : point.choice.stage === 'walking'
        ? 'start with the walking stage'
        : `start at running level ${point.choice.level}`;
  return (
    <InfoNotice>
      <p>
        The intake says: {said}
        {point.accepted ? '' : ' (chosen by the clinician)'}.{' '}
        {level.kind === 'level'
          ? `In this programme that is level ${level.levelNumber}: ${level.levelTitle}.`
          : level.reason}
      </p>
    </InfoNotice>
  );
}
