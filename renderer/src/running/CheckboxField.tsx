/** A labelled checkbox with an optional hint, in the style of ui/fields.tsx. */
import { useId } from 'react';

export function CheckboxField(props: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-describedby={describedBy || undefined}
          aria-invalid={props.error ? true : undefined}
        />
        <span>{props.label}</span>
      </label>
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
