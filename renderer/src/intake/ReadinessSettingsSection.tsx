/**
 * Settings: the clinic's readiness-to-run thresholds, each with the source of its default, so a
 * clinic that follows a stricter protocol (pain-free walking, no effusion) can say so once.
 */
import { useEffect, useState } from 'react';
import {
  DEFAULT_READINESS_THRESHOLDS,
  READINESS_THRESHOLD_SOURCES,
  ReadinessThresholds,
} from '../../../shared/clinical/intake/readiness';
import { SWELLING_GRADE_LABELS, SWELLING_GRADES } from '../../../shared/clinical/intake/physical-tests';
import type { ReadinessSettings } from '../../../shared/domain/intake';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, Loading, SuccessNotice } from '../ui/feedback';
import { SelectField, TextField } from '../ui/fields';
import { formatTimestamp } from '../ui/format';
import { parseNumber } from './form-model';

type NumberKey = Exclude<keyof ReadinessThresholds, 'kneeSwellingAtMost'>;

const NUMBER_FIELDS: readonly { key: NumberKey; label: string; unit: string }[] = [
  { key: 'walkingPainBelow', label: 'Walking pain must be below', unit: '/10' },
  { key: 'briskWalkMinutes', label: 'Pain-free brisk walk of at least', unit: 'minutes' },
  { key: 'hoppingPainBelow', label: 'Hopping pain must be below', unit: '/10' },
  { key: 'heelRaiseLsiAtLeast', label: 'Heel-raise LSI at least', unit: '%' },
  { key: 'hopLsiAtLeast', label: 'Hop LSI at least', unit: '%' },
];

/** The thresholds of the gates per diagnosis (readiness-gates.ts), shown under their own heading. */
const GATE_FIELDS: readonly { key: NumberKey; label: string; unit: string }[] = [
  { key: 'aclWeeksAfterSurgery', label: 'ACL reconstruction: weeks after surgery at least', unit: 'weeks' },
  { key: 'kneeRomPercentAtLeast', label: 'Knee surgery: range of motion at least', unit: '% of the other side' },
  { key: 'kneeStrengthLsiAtLeast', label: 'Knee surgery: quadriceps and hamstring strength LSI at least', unit: '%' },
  { key: 'kneeSurgeryHopLsiAtLeast', label: 'Knee surgery: hop LSI at least', unit: '%' },
  { key: 'boneStressWalkPhaseWeeks', label: 'High-risk bone stress site: walk phase at least', unit: 'weeks' },
  { key: 'postnatalWeeksAtLeast', label: 'After childbirth: weeks since the birth at least', unit: 'weeks' },
];

const ALL_NUMBER_FIELDS = [...NUMBER_FIELDS, ...GATE_FIELDS];

type Form = Record<keyof ReadinessThresholds, string>;

function formOf(t: ReadinessThresholds): Form {
  return {
    briskWalkMinutes: String(t.briskWalkMinutes),
    walkingPainBelow: String(t.walkingPainBelow),
    hoppingPainBelow: String(t.hoppingPainBelow),
    heelRaiseLsiAtLeast: String(t.heelRaiseLsiAtLeast),
    hopLsiAtLeast: String(t.hopLsiAtLeast),
    kneeSwellingAtMost: t.kneeSwellingAtMost,
    aclWeeksAfterSurgery: String(t.aclWeeksAfterSurgery),
    kneeRomPercentAtLeast: String(t.kneeRomPercentAtLeast),
    kneeStrengthLsiAtLeast: String(t.kneeStrengthLsiAtLeast),
    kneeSurgeryHopLsiAtLeast: String(t.kneeSurgeryHopLsiAtLeast),
    boneStressWalkPhaseWeeks: String(t.boneStressWalkPhaseWeeks),
    postnatalWeeksAtLeast: String(t.postnatalWeeksAtLeast),
  };
}

export function ReadinessSettingsSection() {
  const { settings } = useApp();
  const [stored, setStored] = useState<ReadinessSettings | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('readiness.settings', {}).then((r) => {
      if (!r.ok) return setFailure(r.error);
      setStored(r.value);
      setForm(formOf(r.value.thresholds));
    });
  }, []);

  async function save() {
    if (!form || !stored) return;
    setSaved(false);
    const candidate = {
      ...Object.fromEntries(ALL_NUMBER_FIELDS.map((f) => [f.key, parseNumber(form[f.key])])),
      kneeSwellingAtMost: form.kneeSwellingAtMost,
    };
    const parsed = ReadinessThresholds.required().safeParse(candidate);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setBusy(true);
    const r = await call('readiness.updateSettings', { expectedVersion: stored.version, thresholds: parsed.data });
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      setErrors(
        Object.fromEntries(Object.entries(r.error.fields ?? {}).map(([k, v]) => [k.replace(/^thresholds\./, ''), v])),
      );
      return;
    }
    setStored(r.value);
    setForm(formOf(r.value.thresholds));
    setErrors({});
    setFailure(null);
    setSaved(true);
  }

  return (
    <section className="panel" aria-labelledby="readiness-settings-title">
      <h2 id="readiness-settings-title" className="panel__title">
        Readiness to run
      </h2>
      <p className="muted">
        The intake marks each criterion met, not met or not tested from what was recorded, with these thresholds. A
        signed intake keeps the thresholds it was signed with.
      </p>
      {failure ? <ErrorNotice error={failure} /> : null}
      {saved ? <SuccessNotice>Readiness thresholds saved.</SuccessNotice> : null}
      {!form || !stored ? (
        failure ? null : (
          <Loading label="Loading the thresholds…" />
        )
      ) : (
        <form
          noValidate
          aria-label="Readiness thresholds"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p className="field__hint">
            {stored.updatedAt
              ? `Last changed by ${stored.updatedBy ?? 'a clinician'} on ${formatTimestamp(stored.updatedAt, settings.dateFormat)}.`
              : 'The app’s defaults are in use.'}
          </p>
          <div className="threshold-list">
            {NUMBER_FIELDS.map((f) => (
              <TextField
                key={f.key}
                label={`${f.label} (${f.unit})`}
                value={form[f.key]}
                onChange={(v) => setForm({ ...form, [f.key]: v })}
                error={errors[f.key]}
                inputMode="numeric"
                hint={`Default ${DEFAULT_READINESS_THRESHOLDS[f.key]}. Source: ${READINESS_THRESHOLD_SOURCES[f.key]}`}
                className="threshold"
              />
            ))}
            <SelectField
              label="Knee swelling at most (sweep test, knee episodes)"
              value={form.kneeSwellingAtMost}
              options={SWELLING_GRADES.map((g) => ({ value: g, label: SWELLING_GRADE_LABELS[g] }))}
              onChange={(v) => setForm({ ...form, kneeSwellingAtMost: v })}
              error={errors.kneeSwellingAtMost}
              hint={`Default ${SWELLING_GRADE_LABELS[DEFAULT_READINESS_THRESHOLDS.kneeSwellingAtMost]}. Source: ${READINESS_THRESHOLD_SOURCES.kneeSwellingAtMost}`}
              className="threshold"
            />
          </div>
          <h3 className="intake-subtitle">Gates per diagnosis</h3>
          <div className="threshold-list">
            {GATE_FIELDS.map((f) => (
              <TextField
                key={f.key}
                label={`${f.label} (${f.unit})`}
                value={form[f.key]}
                onChange={(v) => setForm({ ...form, [f.key]: v })}
                error={errors[f.key]}
                inputMode="numeric"
                hint={`Default ${DEFAULT_READINESS_THRESHOLDS[f.key]}. Source: ${READINESS_THRESHOLD_SOURCES[f.key]}`}
                className="threshold"
              />
            ))}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save readiness thresholds'}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setForm(formOf(DEFAULT_READINESS_THRESHOLDS))}
            >
              Put the defaults back
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
