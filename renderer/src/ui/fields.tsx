/**
 * Labelled form fields. Every field has a visible label, an optional hint, and an error line
 * announced to screen readers; the error says what to fix.
 */
import type { ChangeEvent, ReactNode } from 'react';
import { useId } from 'react';

interface FieldFrameProps {
  /** A fixed id for the input, so other parts of the page can focus it (e.g. a list of things to fix). */
  id?: string | undefined;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  children: (ids: { inputId: string; describedBy: string | undefined }) => ReactNode;
  className?: string;
}

function FieldFrame({ id, label, hint, error, required, children, className }: FieldFrameProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId} className="field__label">
        {label}
        {required ? <span className="field__required"> (required)</span> : null}
      </label>
      {children({ inputId, describedBy })}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface TextFieldProps {
  id?: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'search' | 'password' | 'number';
  autoFocus?: boolean;
  autoComplete?: string;
  placeholder?: string;
  maxLength?: number;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email';
  className?: string;
  name?: string;
}

export function TextField(props: TextFieldProps) {
  return (
    <FieldFrame
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      required={props.required}
      className={props.className}
    >
      {({ inputId, describedBy }) => (
        <input
          id={inputId}
          name={props.name}
          className="field__input"
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={props.required ? true : undefined}
          autoFocus={props.autoFocus}
          autoComplete={props.autoComplete ?? 'off'}
          placeholder={props.placeholder}
          maxLength={props.maxLength}
          inputMode={props.inputMode}
          spellCheck={false}
        />
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps {
  id?: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string | undefined;
  error?: string | undefined;
  rows?: number;
  maxLength?: number;
  className?: string;
}

export function TextAreaField(props: TextAreaFieldProps) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error} className={props.className}>
      {({ inputId, describedBy }) => (
        <textarea
          id={inputId}
          className="field__input field__textarea"
          value={props.value}
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps<T extends string> {
  id?: string;
  label: string;
  value: T | '';
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  placeholder?: string;
  className?: string;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  return (
    <FieldFrame
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      required={props.required}
      className={props.className}
    >
      {({ inputId, describedBy }) => (
        <select
          id={inputId}
          className="field__input field__select"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as T)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        >
          {props.value === '' ? <option value="">{props.placeholder ?? 'Choose…'}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface RadioGroupProps<T extends string> {
  /** Given to the fieldset, so other parts of the page can focus the group. */
  id?: string;
  legend: string;
  /** A line under the legend about the whole question, read with it. */
  hint?: string | undefined;
  value: T | '';
  options: readonly { value: T; label: string; hint?: string }[];
  onChange(value: T): void;
  error?: string | undefined;
  name: string;
  className?: string | undefined;
}

export function RadioGroup<T extends string>(props: RadioGroupProps<T>) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset
      id={props.id}
      className={`field radio-group${props.error ? ' field--invalid' : ''}${props.className ? ` ${props.className}` : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend className="field__label">{props.legend}</legend>
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint radio-group__question-hint">
          {props.hint}
        </p>
      ) : null}
      <div className="radio-group__options">
        {props.options.map((o) => (
          <label key={o.value} className="radio-group__option">
            <input
              type="radio"
              name={`${props.name}-${id}`}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
            />
            <span>
              {o.label}
              {o.hint ? <span className="radio-group__hint">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {props.error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
