/**
 * One level of a clinic programme in the editor: its bouts, how often they repeat, effort,
 * surface, how often a week and with how much rest, what it takes to move up, and the entry check.
 * Folded to a one-line description until opened; a level with something to fix opens by itself.
 */
import { useEffect, useState } from 'react';
import { RunLevel } from '../../../shared/clinical/programme';
import type { Activity, EffortCue, Measure, Surface } from '../../../shared/clinical/programme';
import { ACTIVITIES, SURFACE_LABELS, SURFACES } from '../../../shared/clinical/programme';
import type { DistanceUnit } from '../../../shared/domain/settings';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../ui/fields';
import type { LevelDraft } from './programme-draft';
import { amountUnit, levelOf, speedUnit, typed, withMeasure } from './programme-draft';
import { levelLine } from './words';

const EFFORT_LABELS: Readonly<Record<EffortCue['kind'], string>> = {
  words: 'In words',
  rpe: 'Effort 0-10 (RPE)',
  speed: 'Treadmill speed',
  top_speed: '% of top speed',
};

const ACTIVITY_LABELS: Readonly<Record<Activity, string>> = { walk: 'Walk', jog: 'Jog', run: 'Run' };

export function LevelEditor(props: {
  number: number;
  level: LevelDraft;
  units: DistanceUnit;
  errors: Record<string, string>;
  isFirst: boolean;
  isLast: boolean;
  onChange(level: LevelDraft): void;
  onMove(by: -1 | 1): void;
  onRemove: (() => void) | undefined;
  onAddAfter: (() => void) | undefined;
}) {
  const { level, units, errors } = props;
  const hasErrors = Object.keys(errors).length > 0;
  const [open, setOpen] = useState(hasErrors);
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);

  const set = (change: Partial<LevelDraft>) => props.onChange({ ...level, ...change });
  const parsed = RunLevel.safeParse(levelOf(level, props.number, units));
  const summary = parsed.success ? levelLine(parsed.data, units) : `Level ${props.number}: needs attention`;
  const unit = amountUnit(level.measure, units);
  const err = (path: string) => errors[path];
  const levelMessages = Object.entries(errors)
    .filter(([k]) => k === '' || k === 'repetitions' || k === 'untilTotal')
    .map(([, v]) => v);

  return (
    <li className={`level-editor${hasErrors ? ' level-editor--invalid' : ''}`}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="level-editor__summary">
          {summary}
          {hasErrors ? <span className="badge badge--danger">Needs attention</span> : null}
        </summary>
        <div className="level-editor__body">
          {levelMessages.map((m) => (
            <p key={m} className="field__error" role="alert">
              {m}
            </p>
          ))}
          <div className="form-grid">
            <TextField
              label="Title (optional)"
              value={level.title}
              onChange={(v) => set({ title: v })}
              error={err('title')}
              hint='Like "Week 2" or "Phase 3"'
              maxLength={80}
            />
            <SelectField<Surface>
              label="Surface"
              value={level.surface}
              options={SURFACES.map((s) => ({ value: s, label: SURFACE_LABELS[s] }))}
              onChange={(v) => set({ surface: v })}
            />
          </div>
          <RadioGroup<Measure>
            legend="Bouts are measured in"
            name={`measure-${level.key}`}
            value={level.measure}
            options={[
              { value: 'time', label: 'Minutes' },
              { value: 'distance', label: units === 'km' ? 'Kilometres' : 'Miles' },
            ]}
            onChange={(v) => props.onChange(withMeasure(level, v))}
          />
          <fieldset className="bouts">
            <legend className="field__label">One round of bouts, in order</legend>
            {level.bouts.map((bout, i) => (
              <div key={i} className="bouts__row">
                <SelectField<Activity>
                  label={`Bout ${i + 1}`}
                  value={bout.activity}
                  options={ACTIVITIES.map((a) => ({ value: a, label: ACTIVITY_LABELS[a] }))}
                  onChange={(v) => set({ bouts: level.bouts.map((b, j) => (j === i ? { ...b, activity: v } : b)) })}
                />
                <TextField
                  label={`Bout ${i + 1} length (${unit})`}
                  value={bout.amount.text}
                  onChange={(v) =>
                    set({ bouts: level.bouts.map((b, j) => (j === i ? { ...b, amount: typed(v) } : b)) })
                  }
                  error={err(`bouts.${i}.amount`) ?? err(`bouts.${i}`)}
                  inputMode="decimal"
                />
                {level.bouts.length > 1 ? (
                  <button
                    type="button"
                    className="button button--small button--secondary bouts__remove"
                    onClick={() => set({ bouts: level.bouts.filter((_, j) => j !== i) })}
                  >
                    Remove<span className="visually-hidden"> bout {i + 1}</span>
                  </button>
                ) : null}
              </div>
            ))}
            {err('bouts') ? (
              <p className="field__error" role="alert">
                {err('bouts')}
              </p>
            ) : null}
            {level.bouts.length < 8 ? (
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => set({ bouts: [...level.bouts, { activity: 'run', amount: typed('') }] })}
              >
                Add a bout
              </button>
            ) : null}
          </fieldset>
          <RadioGroup<'times' | 'total'>
            legend="Repeat the round"
            name={`repeat-${level.key}`}
            value={level.repeat}
            options={[
              { value: 'times', label: 'A number of times' },
              { value: 'total', label: 'Until a total is reached' },
            ]}
            onChange={(v) => set({ repeat: v })}
          />
          <div className="form-grid">
            {level.repeat === 'times' ? (
              <TextField
                label="Times through the round"
                value={level.repetitions}
                onChange={(v) => set({ repetitions: v })}
                error={err('repetitions')}
                inputMode="numeric"
              />
            ) : (
              <>
                <SelectField<Measure>
                  label="Total measured in"
                  value={level.totalMeasure}
                  options={[
                    { value: 'time', label: 'Minutes' },
                    { value: 'distance', label: units === 'km' ? 'Kilometres' : 'Miles' },
                  ]}
                  onChange={(v) => set({ totalMeasure: v, totalAmount: typed(level.totalAmount.text) })}
                />
                <TextField
                  label={`Total to reach (${amountUnit(level.totalMeasure, units)})`}
                  value={level.totalAmount.text}
                  onChange={(v) => set({ totalAmount: typed(v) })}
                  error={err('untilTotal.amount')}
                  inputMode="decimal"
                />
              </>
            )}
          </div>
          <div className="form-grid">
            <SelectField<EffortCue['kind']>
              label="Effort given as"
              value={level.effortKind}
              options={(Object.keys(EFFORT_LABELS) as EffortCue['kind'][]).map((k) => ({
                value: k,
                label: EFFORT_LABELS[k],
              }))}
              onChange={(v) => set({ effortKind: v })}
            />
            {level.effortKind === 'words' ? (
              <TextField
                label="Effort"
                value={level.effortText}
                onChange={(v) => set({ effortText: v })}
                error={err('effort.text')}
                hint='Like "easy pace" or "jogging and talking"'
                maxLength={120}
              />
            ) : null}
            {level.effortKind === 'rpe' ? (
              <>
                <TextField
                  label="Effort (0-10)"
                  value={level.rpe}
                  onChange={(v) => set({ rpe: v })}
                  error={err('effort.rpe')}
                  inputMode="numeric"
                />
                <TextField
                  label="In words (optional)"
                  value={level.rpeWords}
                  onChange={(v) => set({ rpeWords: v })}
                  error={err('effort.words')}
                  hint='Like "easy" or "somewhat hard"'
                  maxLength={60}
                />
              </>
            ) : null}
            {level.effortKind === 'speed' ? (
              <>
                <TextField
                  label={`Running speed (${speedUnit(units)})`}
                  value={level.runSpeed.text}
                  onChange={(v) => set({ runSpeed: typed(v) })}
                  error={err('effort.runKmh')}
                  inputMode="decimal"
                />
                <TextField
                  label={`Walking speed (${speedUnit(units)}, optional)`}
                  value={level.walkSpeed.text}
                  onChange={(v) => set({ walkSpeed: typed(v) })}
                  error={err('effort.walkKmh')}
                  inputMode="decimal"
                />
              </>
            ) : null}
            {level.effortKind === 'top_speed' ? (
              <TextField
                label="% of top speed"
                value={level.percent}
                onChange={(v) => set({ percent: v })}
                error={err('effort.percent')}
                inputMode="numeric"
              />
            ) : null}
          </div>
          <div className="form-grid">
            <TextField
              label="Sessions a week"
              value={level.sessionsPerWeek}
              onChange={(v) => set({ sessionsPerWeek: v })}
              error={err('sessionsPerWeek')}
              inputMode="numeric"
            />
            <TextField
              label="Rest days between sessions"
              value={level.minRestDays}
              onChange={(v) => set({ minRestDays: v })}
              error={err('minRestDays')}
              hint="1 means every other day"
              inputMode="numeric"
            />
            <TextField
              label="Clean sessions to move up"
              value={level.cleanSessionsToAdvance}
              onChange={(v) => set({ cleanSessionsToAdvance: v })}
              error={err('cleanSessionsToAdvance')}
              hint="In a row, with no soreness"
              inputMode="numeric"
            />
          </div>
          <TextAreaField
            label="Entry check (optional)"
            value={level.entryCheck}
            onChange={(v) => set({ entryCheck: v })}
            error={err('entryCheck')}
            rows={2}
            maxLength={300}
          />
          <TextAreaField
            label="Notes (optional)"
            value={level.notes}
            onChange={(v) => set({ notes: v })}
            error={err('notes')}
            rows={2}
            maxLength={500}
          />
          <div className="level-editor__actions">
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => props.onMove(-1)}
              disabled={props.isFirst}
            >
              Move up
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => props.onMove(1)}
              disabled={props.isLast}
            >
              Move down
            </button>
            {props.onAddAfter ? (
              <button type="button" className="button button--small button--secondary" onClick={props.onAddAfter}>
                Add a level after this one
              </button>
            ) : null}
            {props.onRemove ? (
              <button type="button" className="button button--small button--danger" onClick={props.onRemove}>
                Remove level {props.number}
              </button>
            ) : null}
          </div>
        </div>
      </details>
    </li>
  );
}
