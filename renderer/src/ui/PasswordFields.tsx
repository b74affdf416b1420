/**
 * Choosing a password: the field, a confirmation, and the rule checked as the clinician types
 * (the same rule the backend applies, from shared/domain/password.ts).
 */
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../shared/domain/password';
import type { PasswordContext } from '../../../shared/domain/password';
import { TextField } from './fields';

export interface NewPassword {
  password: string;
  confirm: string;
}

export const emptyNewPassword: NewPassword = { password: '', confirm: '' };

/** What is wrong with the chosen password, per field, or an empty object. */
export function newPasswordErrors(value: NewPassword, context: PasswordContext): Record<string, string> {
  const errors: Record<string, string> = {};
  const problem = value.password === '' ? 'Choose a password.' : passwordProblem(value.password, context);
  if (problem) errors.password = problem;
  else if (value.confirm !== value.password) errors.confirm = 'The two passwords are not the same: type it again.';
  return errors;
}

interface Props {
  value: NewPassword;
  onChange(value: NewPassword): void;
  errors: Record<string, string>;
  label?: string;
  /** Shows the rule as met while typing. */
  context: PasswordContext;
}

export function PasswordFields({ value, onChange, errors, label = 'Password', context }: Props) {
  const live = value.password === '' ? null : passwordProblem(value.password, context);
  return (
    <div className="form-grid">
      <TextField
        label={label}
        type="password"
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
        error={errors.password}
        hint={
          errors.password
            ? undefined
            : live === null && value.password !== ''
              ? 'Good: this password meets the rule.'
              : `At least ${MIN_PASSWORD_LENGTH} characters. A short sentence works well. Not your name, not a common password.`
        }
        autoComplete="new-password"
        required
      />
      <TextField
        label={`Type the ${label.toLowerCase()} again`}
        type="password"
        value={value.confirm}
        onChange={(confirm) => onChange({ ...value, confirm })}
        error={errors.confirm}
        autoComplete="new-password"
        required
      />
    </div>
  );
}
