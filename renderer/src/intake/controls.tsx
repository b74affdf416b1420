/**
 * The intake's fields, bound by path to the form state (form-model.ts). Each shows its label, an
 * optional hint, and its error beside it. Radio rows answer to single keys (Y, N, A, or a digit)
 * and move on to the next question, so a clinician reading a paper form types it in without a mouse.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { createContext, useContext, useId } from 'react';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../ui/fields';
import { fieldId } from './form-model';
import { useFieldValue, type FormStore } from './form-store';

export interface IntakeForm {
  store: FormStore;
  errors: Readonly<Record<string, string>>;
  set(path: string, value: string): void;
  /** Several fields at once (e.g. diagnosis and the region it implies). */
  setMany(changes: Readonly<Record<string, string>>): void;
  readOnly: boolean;
}

export const IntakeFormContext = createContext<IntakeForm | null>(null);

export function useIntakeForm(): IntakeForm {
  const form = useContext(IntakeFormContext);
  if (!form) throw new Error('Intake fields must be inside the intake form.');
  return form;
}

/** A field's typed value, re-rendering only when it changes. */
export function useValue(path: string): string {
  return useFieldValue(useIntakeForm().store, path);
}

interface TextProps {
  path: string;
  label: string;
  hint?: string | undefined;
  required?: boolean;
  /** numeric: whole numbers; decimal: numbers with a decimal point. */
  inputMode?: 'numeric' | 'decimal' | 'text';
  className?: string;
  maxLength?: number;
}

export function IntakeText({ path, label, hint, required, inputMode, className, maxLength }: TextProps) {
  const form = useIntakeForm();
  const value = useValue(path);
  return (
    <TextField
      id={fieldId(path)}
      label={label}
      value={value}
      onChange={(v) => form.set(path, v)}
      hint={hint}
      error={form.errors[path]}
      required={required ?? false}
      {...(inputMode ? { inputMode } : {})}
      {...(className ? { className } : {})}
      {...(maxLength ? { maxLength } : {})}
    />
  );
}

export function IntakeTextArea({
  path,
  label,
  hint,
  rows = 3,
  maxLength,
  className,
}: {
  path: string;
  label: string;
  hint?: string;
  rows?: number;
  maxLength?: number;
  className?: string;
}) {
  const form = useIntakeForm();
  const value = useValue(path);
  return (
    <TextAreaField
      id={fieldId(path)}
      label={label}
      value={value}
      onChange={(v) => form.set(path, v)}
      hint={hint}
      error={form.errors[path]}
      rows={rows}
      {...(maxLength ? { maxLength } : {})}
      {...(className ? { className } : {})}
    />
  );
}

/**
 * A required text box for a reason, laid out as the other fields (label, hint, error linked with
 * aria-describedby) and marked required, for the reason to go on under a red flag graded "note".
 */
export function IntakeReasonBox({
  path,
  label,
  hint,
  className,
}: {
  path: string;
  label: string;
  hint: string;
  className?: string;
}) {
  const form = useIntakeForm();
  const value = useValue(path);
  const id = fieldId(path);
  const error = form.errors[path];
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        <span className="field__required"> (required)</span>
      </label>
      <textarea
        id={id}
        className="field__input field__textarea"
        value={value}
        rows={2}
        maxLength={1000}
        onChange={(e) => form.set(path, e.target.value)}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function IntakeSelect({
  path,
  label,
  options,
  hint,
  required,
  placeholder,
  onChosen,
  className,
}: {
  path: string;
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  required?: boolean;
  placeholder?: string;
  /** Called instead of the plain update, to change related fields in the same step. */
  onChosen?: (value: string) => void;
  className?: string;
}) {
  const form = useIntakeForm();
  const value = useValue(path);
  return (
    <SelectField
      id={fieldId(path)}
      label={label}
      value={value}
      options={options}
      onChange={(v) => (onChosen ? onChosen(v) : form.set(path, v))}
      hint={hint}
      error={form.errors[path]}
      required={required ?? false}
      {...(placeholder ? { placeholder } : {})}
      {...(className ? { className } : {})}
    />
  );
}

export function IntakeRadio({
  path,
  legend,
  options,
  hint,
  className,
}: {
  path: string;
  legend: string;
  options: readonly { value: string; label: string; hint?: string }[];
  /** A note under the legend, linked to the group with aria-describedby. */
  hint?: string | undefined;
  className?: string;
}) {
  const form = useIntakeForm();
  const value = useValue(path);
  return (
    <RadioGroup
      id={fieldId(path)}
      name={path}
      legend={legend}
      value={value}
      options={options}
      onChange={(v) => form.set(path, v)}
      hint={hint}
      error={form.errors[path]}
      {...(className ? { className } : {})}
    />
  );
}

/** Yes / no answers for a yes-no field (stored as true / false), in the words of the question. */
export function yesNoOptions(yes: string, no: string): readonly { value: string; label: string }[] {
  return [
    { value: 'yes', label: yes },
    { value: 'no', label: no },
  ];
}

/**
 * Moves focus to the next row of the same quick-entry list after `from` (the LEFS grid, the
 * red-flag screen). The last row keeps the focus: Tab goes on from there.
 */
export function focusNextQuickRow(from: HTMLElement): void {
  const row = from.closest<HTMLElement>('[data-quick-row]');
  if (!row) return;
  const rows = Array.from(document.querySelectorAll<HTMLElement>(`[data-quick-row="${row.dataset.quickRow}"]`));
  const next = rows[rows.indexOf(row) + 1];
  if (!next) return;
  const target = next.querySelector<HTMLInputElement>('input:checked') ?? next.querySelector<HTMLInputElement>('input');
  target?.focus();
}

/**
 * A row of radio buttons answering one question, with single-key answers: `keys` maps a key to a
 * value; pressing it answers and moves to the next row. Delete or Backspace clears the answer.
 */
export function QuickChoiceRow({
  path,
  label,
  hint,
  options,
  keys,
  className,
  labelClassName,
  tone,
  group,
  focusAfter,
}: {
  path: string;
  /** The list this row belongs to: a quick answer moves on to the next row of the same list. */
  group: string;
  label: ReactNode;
  hint?: string | undefined;
  options: readonly { value: string; label: string }[];
  keys: Readonly<Record<string, string>>;
  className?: string;
  labelClassName?: string;
  /** Marks the row, e.g. a red flag answered yes. Never the only sign: the answer is in words too. */
  tone?: 'alert' | undefined;
  /**
   * The field a quick answer leads to instead of the next row (the reason box a "note" red flag
   * opens), by its path; undefined to go on to the next row.
   */
  focusAfter?: ((value: string) => string | undefined) | undefined;
}) {
  const form = useIntakeForm();
  const labelId = useId();
  const hintId = `${labelId}-hint`;
  const errorId = `${labelId}-error`;
  const value = useValue(path);
  const error = form.errors[path];
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (form.readOnly || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    const chosen = keys[key];
    if (chosen !== undefined) {
      e.preventDefault();
      form.set(path, chosen);
      const then = focusAfter?.(chosen);
      if (then === undefined) focusNextQuickRow(e.target as HTMLElement);
      else focusWhenShown(then, e.target as HTMLElement);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      form.set(path, '');
    }
  }

  return (
    <div
      id={fieldId(path)}
      className={`quick-row${tone === 'alert' ? ' quick-row--alert' : ''}${error ? ' quick-row--invalid' : ''}${className ? ` ${className}` : ''}`}
      role="radiogroup"
      aria-labelledby={labelId}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
      data-quick-row={group}
      onKeyDown={onKeyDown}
    >
      <div className={labelClassName ?? 'quick-row__label'}>
        <span id={labelId}>{label}</span>
        {hint ? (
          <span id={hintId} className="quick-row__hint">
            {hint}
          </span>
        ) : null}
      </div>
      <div className="quick-row__options">
        {options.map((o) => (
          <label key={o.value} className="quick-row__option">
            <input
              type="radio"
              name={`${path}-${labelId}`}
              value={o.value}
              checked={value === o.value}
              onChange={() => form.set(path, o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field__error quick-row__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Focuses a field that the answer just brought on show; the next row if it does not come. */
function focusWhenShown(path: string, from: HTMLElement, tries = 10): void {
  window.setTimeout(() => {
    if (document.getElementById(fieldId(path))) focusField(path);
    else if (tries > 0) focusWhenShown(path, from, tries - 1);
    else focusNextQuickRow(from);
  }, 16);
}

/** Focuses a field by its path: the input itself, or the chosen (or first) radio of a group. */
export function focusField(path: string): void {
  const el = document.getElementById(fieldId(path));
  if (!el) return;
  const target =
    el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
      ? el
      : (el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input, select, textarea'));
  (target ?? el).focus();
  (target ?? el).scrollIntoView({ block: 'center' });
}
