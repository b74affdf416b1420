/**
 * The check-in visit: how the last run felt, asked in the patient's words; the decision appears
 * as the clinician answers (worked out by the backend with the same engine that records it); then
 * the clinician confirms it, or changes the level or days off with a reason. A correction uses the
 * same form, filled in with the entry it corrects.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { applyOutcome, MAX_OVERRIDE_DAYS_OFF, overrideProblems } from '../../../shared/clinical/check-in';
import type { CompletedAnswer, NextDayAnswer, WarmUpAnswer } from '../../../shared/clinical/soreness-report';
import { REPORT_QUESTIONS } from '../../../shared/clinical/soreness-report';
import type { CheckInEntry, EpisodeRunning } from '../../../shared/domain/running';
import { shownDecision } from '../../../shared/domain/running';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { addDays, formatDate } from '../../../shared/time/dates';
import { records, useRead, useSettled, useWrite } from '../data';
import { useApp } from '../app/context';
import { useUnsavedWork } from '../app/unsaved-work';
import { ErrorNotice, InfoNotice } from '../ui/feedback';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../ui/fields';
import type { CheckInAnswers, MissingAnswer, QuestionField } from './check-in-answers';
import { answersOf, emptyAnswers, questionApplies, reportFrom, withAnswer } from './check-in-answers';
import { CheckboxField } from './CheckboxField';
import { DecisionPanel } from './DecisionPanel';
import { levelName, longDateWithYear } from './words';
import { describeLevel } from '../../../shared/clinical/describe-level';

interface Choice {
  value: string;
  label: string;
  hint?: string;
}

const NOT_KNOWN: Choice = { value: 'unknown', label: 'Not known' };

const YES_NO: readonly Choice[] = [{ value: 'no', label: 'No' }, { value: 'yes', label: 'Yes' }, NOT_KNOWN];

/** A line under a question, where its words alone could be read two ways. */
const QUESTION_HINTS: Partial<Record<QuestionField, string>> = {
  painStartedInRun: 'New pain that began while running, after a warm-up without it.',
  painDuring: '0 is no pain, 10 the worst pain.',
  swelling: 'New swelling after the run, reported by the patient or found on examination.',
  limp: 'During or after the run.',
};

const WARM_UP_CHOICES: readonly (Choice & { value: WarmUpAnswer })[] = [
  { value: 'none', label: 'No soreness' },
  { value: 'went_away', label: 'Soreness that went away' },
  { value: 'continued', label: 'Soreness that continued' },
  { value: 'unknown', label: 'Not known' },
];

const NEXT_DAY_CHOICES: readonly (Choice & { value: NextDayAnswer })[] = [
  { value: 'none', label: 'No soreness' },
  {
    value: 'muscular',
    label: 'General muscle soreness, away from the injury',
    hint: 'Normal after a run: does not count',
  },
  { value: 'injury_site', label: 'Soreness at the injury site', hint: 'A warning sign, for a muscle strain too' },
  { value: 'not_muscular', label: 'Soreness in a joint, tendon or bone (not muscular)' },
  { value: 'unknown', label: 'Not known' },
];

const COMPLETED_CHOICES: readonly (Choice & { value: CompletedAnswer })[] = [
  { value: 'as_written', label: 'Completed as written' },
  { value: 'stopped_early', label: 'Stopped early' },
  { value: 'unknown', label: 'Not known' },
];

/**
 * 0 to 10 as one row of choices (the legend says the scale), then "Not known", and "Did not run"
 * for pain during a session stopped early. Plain numbers, so each reads as its number alone.
 */
function painChoices(didNotRun: boolean): readonly Choice[] {
  const scores: Choice[] = Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }));
  return [...scores, NOT_KNOWN, ...(didNotRun ? [{ value: 'not_run', label: 'Did not run' }] : [])];
}

/** The choices of each question, given the answers so far. */
function choicesFor(field: QuestionField, a: CheckInAnswers): readonly Choice[] {
  switch (field) {
    case 'warmUp':
      return WARM_UP_CHOICES;
    case 'cameBackDuringRun':
      return [{ value: 'no', label: 'No, it stayed away' }, { value: 'yes', label: 'Yes, it came back' }, NOT_KNOWN];
    case 'painStartedInRun':
      return YES_NO;
    case 'painDuring':
      return painChoices(a.completed === 'stopped_early');
    case 'painAfter':
      return painChoices(false);
    case 'nextDay':
      return NEXT_DAY_CHOICES;
    case 'swelling':
      return YES_NO;
    case 'limp':
      return YES_NO;
    case 'completed':
      return COMPLETED_CHOICES;
  }
}

/** The id of a question's fieldset, so the list of unanswered questions can take the clinician there. */
function questionId(field: MissingAnswer['field']): string {
  return `checkin-question-${field}`;
}

/** Moves the focus to a question still to answer: its first choice, or the date box. */
function focusQuestion(field: MissingAnswer['field']) {
  const target = document.getElementById(questionId(field));
  const input = target instanceof HTMLInputElement ? target : target?.querySelector<HTMLInputElement>('input');
  input?.focus();
}

interface OverrideDraft {
  level: string;
  daysOff: string;
  reason: string;
}

/** Backend field paths to the form's fields. */
function formField(path: string): string {
  return path.replace(/^report\./, '').replace(/^outcome\./, 'override.');
}

export function CheckInForm(props: {
  data: EpisodeRunning;
  correcting: CheckInEntry | null;
  onSaved(next: EpisodeRunning): void;
  onCancel(): void;
  /** Loads the latest programme and check-ins (after another clinician saved one); the answers stay. */
  onReload(): Promise<void>;
}) {
  const { settings } = useApp();
  const { data, correcting } = props;
  const assignment = data.assignment;
  const progress = data.state?.progress;
  const programme = assignment?.programme;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const [answers, setAnswers] = useState<CheckInAnswers>(() =>
    correcting ? answersOf(correcting.report, settings.dateFormat) : emptyAnswers(progress?.currentLevel ?? 1),
  );
  const [entryCheckDone, setEntryCheckDone] = useState(false);
  const [correctionReason, setCorrectionReason] = useState('');
  const [override, setOverride] = useState<OverrideDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [firstAnswers] = useState(answers);
  // Not autosaved: a lock drops it (and says so).
  useUnsavedWork({
    label: correcting ? 'the check-in correction' : 'the check-in',
    unsaved: () => answers !== firstAnswers || correctionReason !== '' || override !== null,
  });

  useEffect(() => headingRef.current?.focus(), []);

  const set = <K extends keyof CheckInAnswers>(key: K, value: CheckInAnswers[K]) =>
    setAnswers((a) => withAnswer(a, key, value));

  const draft = useMemo(() => reportFrom(answers, settings.dateFormat), [answers, settings.dateFormat]);
  // The next level's entry check can be signed off at this visit (not when correcting an old entry).
  const nextLevel = programme && progress && !correcting ? programme.levels[progress.currentLevel] : undefined;
  const offerEntryCheck =
    nextLevel !== undefined && nextLevel.entryCheck !== '' && !progress?.clearedLevels.includes(nextLevel.number);
  const entryCheckLevel = offerEntryCheck && entryCheckDone && nextLevel ? nextLevel.number : null;

  // The decision, worked out by the backend as the answers change.
  const reportKey = JSON.stringify(draft.report);
  const latestId = data.history.items[0]?.id ?? null;
  const previewKey = `${reportKey}|${entryCheckLevel}|${correcting?.id ?? ''}|${latestId}`;
  const previewRequest =
    draft.report && assignment
      ? {
          episodeId: data.episodeId,
          assignmentId: assignment.id,
          report: draft.report,
          entryCheckLevel,
          correctsId: correcting?.id ?? null,
        }
      : null;
  // Asked once the answers pause; the decision with the answers it was worked out for: one for
  // older answers is never shown.
  const settled = useSettled({ key: previewKey, request: previewRequest }, previewKey, 120);
  const previewQuery = useRead(records.episode(data.episodeId), 'checkIns.preview', settled.request);
  const previewCurrent = previewRequest !== null && settled.key === previewKey;
  const previewError = previewCurrent ? (previewQuery.error?.shape ?? null) : null;
  const create = useWrite('checkIns.create', (r) => records.ofEpisode(r.episodeId));

  if (!assignment || !programme || !progress) return null;

  const shownPreview = previewCurrent ? (previewQuery.data ?? null) : null;
  const decision = shownPreview?.decision ?? null;
  const overrideValues =
    override && decision
      ? { levelAfter: Number(override.level), daysOff: /^\d+$/.test(override.daysOff) ? Number(override.daysOff) : NaN }
      : null;
  const overrideReady =
    overrideValues !== null &&
    Number.isInteger(overrideValues.daysOff) &&
    overrideValues.daysOff <= MAX_OVERRIDE_DAYS_OFF &&
    decision !== null &&
    Object.keys(overrideProblems(decision, overrideValues, programme)).length === 0;
  const changed =
    decision && overrideValues && overrideReady ? applyOutcome(decision, overrideValues, programme) : null;

  const fieldError = (name: string) => errors[name] ?? draft.problems[name];
  const previewFields = Object.fromEntries(
    Object.entries(previewError?.fields ?? {}).map(([k, v]) => [formField(k), v]),
  );
  const shownError = (name: string) => fieldError(name) ?? previewFields[name];

  function startOverride() {
    if (!decision) return;
    setOverride({ level: String(decision.levelAfter), daysOff: String(decision.daysOff), reason: '' });
  }

  async function save() {
    if (!draft.report || !decision || !assignment || !programme) return;
    const local: Record<string, string> = {};
    if (correcting && correctionReason.trim() === '') {
      local.correctionReason = 'Say what was wrong in the entry: the reason is kept with the correction.';
    }
    if (override) {
      if (override.reason.trim() === '') local['override.reason'] = 'Enter the reason for the change.';
      if (!overrideValues || !Number.isInteger(overrideValues.daysOff)) {
        local['override.daysOff'] = 'Enter the days off as a whole number (0 for none).';
      } else if (overrideValues.daysOff > MAX_OVERRIDE_DAYS_OFF) {
        local['override.daysOff'] = `More than ${MAX_OVERRIDE_DAYS_OFF} days off is a pause: check the number.`;
      } else {
        for (const [k, v] of Object.entries(overrideProblems(decision, overrideValues, programme))) {
          local[`override.${k}`] = v;
        }
      }
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const r = await create({
      episodeId: data.episodeId,
      assignmentId: assignment.id,
      report: draft.report,
      entryCheckLevel,
      outcome:
        override && overrideValues
          ? {
              kind: 'override',
              levelAfter: overrideValues.levelAfter,
              daysOff: overrideValues.daysOff,
              reason: override.reason,
            }
          : { kind: 'confirm' },
      correction: correcting ? { correctsId: correcting.id, reason: correctionReason } : null,
      expectedLatestId: latestId,
      shown: shownDecision(decision),
    });
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      setErrors(Object.fromEntries(Object.entries(r.error.fields ?? {}).map(([k, v]) => [formField(k), v])));
      return;
    }
    props.onSaved(r.value);
  }

  const ranLevel = programme.levels[Number(answers.levelRun) - 1];
  const levelRunHint = ranLevel ? describeLevel(ranLevel, settings.units) : undefined;
  const chosenLevel = override ? programme.levels[Number(override.level) - 1] : undefined;
  const overrideLevelHint = chosenLevel ? describeLevel(chosenLevel, settings.units) : undefined;

  const runDateHint = (() => {
    const typed = draft.report?.runDate;
    if (typed) return longDateWithYear(typed);
    return `The day of the run being reported, like ${formatDate(addDays(data.today, -1), settings.dateFormat)}`;
  })();

  return (
    <section className="panel checkin-form" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title" tabIndex={-1} ref={headingRef}>
        {correcting
          ? `Correct the check-in for the run of ${longDateWithYear(correcting.report.runDate)}`
          : 'New check-in'}
      </h2>
      {correcting ? (
        <InfoNotice>
          <p>
            The entry stays in the history, marked as corrected; this correction is saved as a new entry. Later
            check-ins keep their decisions.
          </p>
        </InfoNotice>
      ) : null}
      {failure ? (
        <ErrorNotice
          error={failure}
          action={
            failure.code === 'stale' ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setFailure(null);
                  void props.onReload();
                }}
              >
                Load the latest check-ins
              </button>
            ) : undefined
          }
        />
      ) : null}
      <form
        className="checkin-form__layout"
        aria-label={correcting ? 'Correct a check-in' : 'New check-in'}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="checkin-form__questions">
          <div className="form-grid">
            <div className="checkin-form__date">
              <TextField
                id={questionId('runDate')}
                label="Date of the run"
                value={answers.runDate}
                onChange={(v) => set('runDate', v)}
                hint={runDateHint}
                error={shownError('runDate')}
                inputMode="numeric"
                required
              />
              <div className="checkin-form__date-picks">
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => set('runDate', formatDate(addDays(data.today, -1), settings.dateFormat))}
                >
                  Yesterday
                </button>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => set('runDate', formatDate(data.today, settings.dateFormat))}
                >
                  Today
                </button>
              </div>
            </div>
            <SelectField
              label="Level run"
              value={answers.levelRun}
              options={programme.levels.map((l) => ({
                value: String(l.number),
                label: levelName(l, progress.currentLevel),
              }))}
              onChange={(v) => set('levelRun', v)}
              hint={levelRunHint}
              error={shownError('levelRun')}
            />
          </div>
          <p className="muted" data-testid="programme-warm-up">
            Warm-up for this programme ({programme.warmUp.minutes} min): {programme.warmUp.description}
          </p>
          {REPORT_QUESTIONS.filter((q) => questionApplies(q.field, answers)).map((q) => (
            <RadioGroup<string>
              key={q.field}
              id={questionId(q.field)}
              legend={q.clinician}
              hint={QUESTION_HINTS[q.field]}
              name={q.field}
              value={answers[q.field]}
              options={choicesFor(q.field, answers)}
              // The choices offered are the field's own answers, so the value fits the field.
              onChange={(v) => set(q.field, v as CheckInAnswers[typeof q.field])}
              error={shownError(q.field)}
              className={q.field === 'painDuring' || q.field === 'painAfter' ? 'radio-group--scale' : undefined}
            />
          ))}
          {offerEntryCheck && nextLevel ? (
            <CheckboxField
              label={`Entry check for level ${nextLevel.number} done today`}
              hint={nextLevel.entryCheck}
              checked={entryCheckDone}
              onChange={setEntryCheckDone}
              error={shownError('entryCheckLevel')}
            />
          ) : null}
          <TextAreaField
            label="Notes (optional)"
            value={answers.notes}
            onChange={(v) => set('notes', v)}
            rows={2}
            maxLength={2000}
          />
          {correcting ? (
            <TextAreaField
              label="What was wrong in the entry (required)"
              value={correctionReason}
              onChange={setCorrectionReason}
              error={errors.correctionReason}
              rows={2}
              maxLength={500}
            />
          ) : null}
        </div>

        <div className="checkin-form__decision" role="region" aria-label="Decision" aria-live="polite">
          {decision && shownPreview ? (
            <DecisionPanel view={shownPreview} programme={programme} units={settings.units} changed={changed} />
          ) : previewError && Object.keys(previewFields).length === 0 ? (
            <ErrorNotice error={previewError} />
          ) : (
            <div className="decision decision--waiting">
              <h3 className="decision__heading">Decision</h3>
              {draft.missing.length > 0 ? (
                <>
                  <p>
                    The decision appears here once every question has an answer (“Not known” is an answer). Still to
                    answer:
                  </p>
                  <ul className="decision__missing">
                    {draft.missing.map((m) => (
                      <li key={m.field}>
                        <button type="button" className="button button--link" onClick={() => focusQuestion(m.field)}>
                          {m.question}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{previewError ? 'Fix the entry marked on the left to see the decision.' : 'Working it out…'}</p>
              )}
            </div>
          )}

          {decision && override ? (
            <fieldset className="override">
              <legend className="override__legend">Change the decision</legend>
              <SelectField
                label="Level for the next run"
                value={override.level}
                options={programme.levels.map((l) => ({
                  value: String(l.number),
                  label: levelName(l, decision.levelAfter, 'the rules’ choice'),
                }))}
                onChange={(v) => setOverride({ ...override, level: v })}
                error={errors['override.levelAfter']}
                hint={overrideLevelHint}
              />
              <TextField
                label="Days off"
                value={override.daysOff}
                onChange={(v) => setOverride({ ...override, daysOff: v })}
                error={errors['override.daysOff']}
                hint={`The rules said ${decision.daysOff}`}
                inputMode="numeric"
              />
              <TextAreaField
                label="Reason for the change (required)"
                value={override.reason}
                onChange={(v) => setOverride({ ...override, reason: v })}
                error={errors['override.reason']}
                rows={2}
                maxLength={500}
              />
            </fieldset>
          ) : null}

          <div className="form-actions">
            {decision && !override ? (
              <>
                <button type="submit" className="button button--primary" disabled={busy}>
                  {busy ? 'Saving…' : correcting ? 'Save the correction' : 'Confirm and save'}
                </button>
                <button type="button" className="button button--secondary" onClick={startOverride} disabled={busy}>
                  Change the decision
                </button>
              </>
            ) : null}
            {decision && override ? (
              <>
                <button type="submit" className="button button--primary" disabled={busy}>
                  {busy ? 'Saving…' : 'Save with my change'}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setOverride(null);
                    setErrors({});
                  }}
                  disabled={busy}
                >
                  Keep the rules’ decision
                </button>
              </>
            ) : null}
            <button type="button" className="button button--link" onClick={props.onCancel} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
