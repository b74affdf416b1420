/**
 * Editing a dosage: sets; repetitions, a hold in seconds or minutes; each side or not; days a
 * week; optional tempo and effort. What is typed stays as typed (a draft of strings) until it
 * is checked with the shared Dosage schema, whose messages say what to fix.
 */
import type { DosageAmount } from '../../../shared/clinical/exercises/dosage';
import { Dosage, describeDosage } from '../../../shared/clinical/exercises/dosage';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import { SelectField, TextField } from '../ui/fields';

export interface DosageDraft {
  sets: string;
  kind: DosageAmount['kind'];
  amount: string;
  perSide: boolean;
  daysPerWeek: string;
  tempo: boolean;
  upSeconds: string;
  downSeconds: string;
  effort: string;
}

export function toDraft(d: Dosage): DosageDraft {
  const amount =
    d.amount.kind === 'reps' ? d.amount.reps : d.amount.kind === 'hold' ? d.amount.seconds : d.amount.minutes;
  return {
    sets: String(d.sets),
    kind: d.amount.kind,
    amount: String(amount),
    perSide: d.perSide,
    daysPerWeek: String(d.daysPerWeek),
    tempo: d.tempo !== undefined,
    upSeconds: d.tempo ? String(d.tempo.upSeconds) : '3',
    downSeconds: d.tempo ? String(d.tempo.downSeconds) : '3',
    effort: d.effort === undefined ? '' : String(d.effort),
  };
}

function num(text: string): number | string {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : t;
}

const AMOUNT_LABELS: Record<DosageAmount['kind'], string> = {
  reps: 'Repetitions',
  hold: 'Hold (seconds)',
  time: 'Minutes',
};

/** The draft as a Dosage, or the field errors (keyed "sets", "amount", "daysPerWeek", "upSeconds"...). */
export function fromDraft(
  draft: DosageDraft,
): { ok: true; dosage: Dosage } | { ok: false; errors: Record<string, string> } {
  const amountKey = draft.kind === 'reps' ? 'reps' : draft.kind === 'hold' ? 'seconds' : 'minutes';
  const candidate = {
    sets: num(draft.sets),
    amount: { kind: draft.kind, [amountKey]: num(draft.amount) },
    perSide: draft.perSide,
    daysPerWeek: num(draft.daysPerWeek),
    ...(draft.tempo && draft.kind === 'reps'
      ? { tempo: { upSeconds: num(draft.upSeconds), downSeconds: num(draft.downSeconds) } }
      : {}),
    ...(draft.effort.trim() !== '' ? { effort: num(draft.effort) } : {}),
  };
  const parsed = Dosage.safeParse(candidate);
  if (parsed.success) return { ok: true, dosage: parsed.data };
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
    const key = path.startsWith('amount') ? 'amount' : path.startsWith('tempo.') ? path.slice(6) : path;
    errors[key] ??= message;
  }
  return { ok: false, errors };
}

/** The dosage in words while typing, or null while it is not valid yet. */
export function describeDraft(draft: DosageDraft): string | null {
  const r = fromDraft(draft);
  return r.ok ? describeDosage(r.dosage) : null;
}

export function DosageFields({
  draft,
  onChange,
  errors = {},
}: {
  draft: DosageDraft;
  onChange(draft: DosageDraft): void;
  errors?: Record<string, string>;
}) {
  const set = (patch: Partial<DosageDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="dosage-fields">
      <div className="dosage-fields__row">
        <TextField
          label="Sets"
          value={draft.sets}
          onChange={(sets) => set({ sets })}
          error={errors.sets}
          inputMode="numeric"
          maxLength={3}
          className="dosage-fields__number"
        />
        <SelectField
          label="Each set is"
          value={draft.kind}
          options={[
            { value: 'reps', label: 'Repetitions' },
            { value: 'hold', label: 'A hold in seconds' },
            { value: 'time', label: 'Minutes' },
          ]}
          onChange={(kind) => set({ kind, tempo: kind === 'reps' ? draft.tempo : false })}
        />
        <TextField
          label={AMOUNT_LABELS[draft.kind]}
          value={draft.amount}
          onChange={(amount) => set({ amount })}
          error={errors.amount}
          inputMode="numeric"
          maxLength={4}
          className="dosage-fields__number"
        />
        <TextField
          label="Days a week"
          value={draft.daysPerWeek}
          onChange={(daysPerWeek) => set({ daysPerWeek })}
          error={errors.daysPerWeek}
          inputMode="numeric"
          maxLength={2}
          className="dosage-fields__number"
        />
        <TextField
          label="Effort (1–10)"
          value={draft.effort}
          onChange={(effort) => set({ effort })}
          error={errors.effort}
          hint="Optional"
          inputMode="numeric"
          maxLength={2}
          className="dosage-fields__number"
        />
      </div>
      <div className="dosage-fields__row dosage-fields__row--checks">
        <label className="checkbox">
          <input type="checkbox" checked={draft.perSide} onChange={(e) => set({ perSide: e.target.checked })} />
          Each side (each leg or arm in turn)
        </label>
        {draft.kind === 'reps' ? (
          <label className="checkbox">
            <input type="checkbox" checked={draft.tempo} onChange={(e) => set({ tempo: e.target.checked })} />
            Slow tempo
          </label>
        ) : null}
        {draft.kind === 'reps' && draft.tempo ? (
          <>
            <TextField
              label="Seconds up"
              value={draft.upSeconds}
              onChange={(upSeconds) => set({ upSeconds })}
              error={errors.upSeconds}
              inputMode="numeric"
              maxLength={2}
              className="dosage-fields__number"
            />
            <TextField
              label="Seconds down"
              value={draft.downSeconds}
              onChange={(downSeconds) => set({ downSeconds })}
              error={errors.downSeconds}
              inputMode="numeric"
              maxLength={2}
              className="dosage-fields__number"
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
