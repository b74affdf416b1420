/**
 * Section 8, readiness to run: the checklist evaluated from what was recorded (never ticked by
 * hand), the recommended starting point with its reasons, and the clinician's decision: accept it,
 * or choose another and say why.
 */
import { memo, useState } from 'react';
import type { ReadinessResult } from '../../../shared/clinical/intake/readiness';
import {
  checkStartingChoice,
  describeStartingPoint,
  MAX_RUNNING_LEVEL,
  recommendedStartingPoint,
  StartingPoint,
  type StartingStage,
} from '../../../shared/clinical/intake/starting-point';
import type { StartingDecision } from '../../../shared/domain/intake';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { useApp } from '../app/context';
import { ErrorNotice } from '../ui/feedback';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../ui/fields';
import { formatTimestamp } from '../ui/format';
import { parseNumber } from './form-model';
import { ReadinessChecklist } from './readiness-view';
import { IntakeSection, SECTION_IDS } from './Section';

const STAGE_OPTIONS: readonly { value: StartingStage; label: string }[] = [
  { value: 'hold', label: 'Not ready to run (assess further or refer)' },
  { value: 'walking', label: 'Walking stage' },
  { value: 'running', label: 'Running level…' },
];

export const START_IDS = { mode: 'f-startingPoint', reason: 'f-startingPoint-reason' } as const;

export interface ChooseResult {
  error: AppErrorShape | null;
}

export const ReadinessSection = memo(function ReadinessSection({
  readiness,
  decision,
  outdated,
  readOnly,
  onChoose,
  signError,
}: {
  readiness: ReadinessResult;
  decision: StartingDecision | null;
  outdated: boolean;
  readOnly: boolean;
  onChoose(choice: StartingPoint, reason: string): Promise<ChooseResult>;
  /** The sign check's message about the starting point, if any. */
  signError?: string | undefined;
}) {
  const { settings } = useApp();
  const recommended = recommendedStartingPoint(readiness.recommendation);
  const [mode, setMode] = useState<'accept' | 'other'>(decision && !decision.accepted ? 'other' : 'accept');
  const [stage, setStage] = useState<StartingStage | ''>(decision && !decision.accepted ? decision.choice.stage : '');
  const [level, setLevel] = useState(
    decision?.choice.stage === 'running' && !decision.accepted ? String(decision.choice.level) : '1',
  );
  const [reason, setReason] = useState(decision && !decision.accepted ? decision.reason : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  async function record() {
    let choice: StartingPoint = recommended;
    if (mode === 'other') {
      const parsed = StartingPoint.safeParse(
        stage === 'running' ? { stage, level: parseNumber(level) } : { stage: stage === '' ? undefined : stage },
      );
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        setErrors({ [issue?.path[0] === 'level' ? 'level' : 'stage']: issue?.message ?? 'Choose a starting point.' });
        return;
      }
      choice = parsed.data;
    }
    const problems = checkStartingChoice(readiness.recommendation, choice, mode === 'accept' ? '' : reason);
    if (problems.length > 0) {
      setErrors(Object.fromEntries(problems.map((p) => [p.path, p.message])));
      return;
    }
    setBusy(true);
    const r = await onChoose(choice, mode === 'accept' ? '' : reason);
    setBusy(false);
    setFailure(r.error);
    const fields = r.error?.fields ?? {};
    setErrors(
      Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [
          k === 'choice.level' ? 'level' : k.startsWith('choice') ? 'stage' : k,
          v,
        ]),
      ),
    );
  }

  return (
    <IntakeSection
      id={SECTION_IDS.readiness}
      title="8. Readiness to run"
      intro={
        <p className="field__hint">
          Each item is marked from the data above; an item with no data is “not tested” and never counts as met.
        </p>
      }
    >
      <div className={`recommendation recommendation--${readiness.recommendation.replace(/_/g, '-')}`} role="status">
        <p className="recommendation__label">Recommended starting point</p>
        <p className="recommendation__headline">{readiness.headline}</p>
        {readiness.reasons.length > 0 ? (
          <>
            <p className="recommendation__because">Because:</p>
            <ul className="recommendation__reasons">
              {readiness.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Every criterion is met.</p>
        )}
      </div>
      {readiness.advice.length > 0 ? (
        <div className="notice notice--error" role="alert" aria-label="Referral advice">
          <div className="notice__body">
            <p className="notice__text">
              <strong>Advice for this patient</strong>
            </p>
            <ul>
              {readiness.advice.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {readiness.guidance.length > 0 ? (
        <div className="notice" aria-label="Guidance for this diagnosis">
          <div className="notice__body">
            <p className="notice__text">
              <strong>Guidance for this diagnosis</strong>
            </p>
            <ul>
              {readiness.guidance.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <ReadinessChecklist readiness={readiness} />

      <h3 className="intake-subtitle" id="starting-point-title">
        Starting point
      </h3>
      {decision ? (
        <p className={outdated ? 'decision decision--outdated' : 'decision'} role={outdated ? 'alert' : undefined}>
          {outdated ? (
            <strong>The readiness result has changed since this was recorded: record it again. </strong>
          ) : null}
          Recorded: <strong>{describeStartingPoint(decision.choice)}</strong>
          {decision.accepted
            ? ' (the recommendation)'
            : ` instead of the recommended ${describeStartingPoint(recommendedStartingPoint(decision.recommended)).toLowerCase()}. Reason: ${decision.reason}`}{' '}
          · {decision.decidedBy.name}, {formatTimestamp(decision.decidedAt, settings.dateFormat)}
        </p>
      ) : (
        <p className="muted">No starting point recorded yet: accept the recommendation or choose another.</p>
      )}
      {signError ? (
        <p className="field__error" role="alert">
          {signError}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="decision-form">
          {failure && !failure.fields ? <ErrorNotice error={failure} /> : null}
          <RadioGroup<'accept' | 'other'>
            id={START_IDS.mode}
            name="starting-point-mode"
            legend="Your decision"
            value={mode}
            options={[
              { value: 'accept' as const, label: `Accept: ${describeStartingPoint(recommended)}` },
              { value: 'other' as const, label: 'Choose another starting point' },
            ]}
            onChange={(v) => setMode(v)}
          />
          {mode === 'other' ? (
            <div className="form-grid">
              <SelectField<StartingStage>
                label="Starting point"
                value={stage}
                options={STAGE_OPTIONS}
                onChange={(v) => setStage(v)}
                error={errors.stage}
                placeholder="Choose…"
                required
              />
              {stage === 'running' ? (
                <TextField
                  label="Running level"
                  value={level}
                  onChange={setLevel}
                  error={errors.level}
                  inputMode="numeric"
                  hint={`1 is the programme's first level with running (up to ${MAX_RUNNING_LEVEL}).`}
                  required
                />
              ) : null}
              <TextAreaField
                id={START_IDS.reason}
                label="Why another starting point"
                value={reason}
                onChange={setReason}
                error={errors.reason}
                rows={2}
                maxLength={1000}
                className="form-grid__wide"
              />
            </div>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => void record()} disabled={busy}>
              {busy
                ? 'Recording…'
                : mode === 'accept'
                  ? `Accept ${describeStartingPoint(recommended).toLowerCase()}`
                  : 'Record this starting point'}
            </button>
          </div>
        </div>
      )}
    </IntakeSection>
  );
});
