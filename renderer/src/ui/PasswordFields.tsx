/**
 * Choosing a password: the field, a confirmation, and the strength estimate shown as the clinician
 * types (the same estimate the backend applies, from shared/domain/password-strength.ts; the
 * backend decides). The estimate's dictionaries load in their own chunk the first time a password
 * is typed, so screens that never set a password never load them.
 */
import { useEffect, useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/password';
import type { PasswordContext } from '../../../shared/domain/password';
import {
  checkPasswordStrength,
  loadPasswordEstimator,
  passwordLengthProblem,
} from '../../../shared/domain/password-strength';
import { TextField } from './fields';

export interface NewPassword {
  password: string;
  confirm: string;
}

export const emptyNewPassword: NewPassword = { password: '', confirm: '' };

/** What is wrong with the chosen password, per field, or an empty object. */
export async function newPasswordErrors(value: NewPassword, context: PasswordContext): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const problem =
    value.password === '' ? 'Choose a password.' : (await checkPasswordStrength(value.password, context)).problem;
  if (problem) errors.password = problem;
  else if (value.confirm !== value.password) errors.confirm = 'The two passwords are not the same: type it again.';
  return errors;
}

type Live = { state: 'empty' } | { state: 'checking' } | { state: 'weak'; problem: string } | { state: 'strong' };

/** The estimate for what is typed now, a moment after typing pauses. */
function useLiveStrength(password: string, context: PasswordContext): Live {
  const { clinicianName, clinicName } = context;
  const [live, setLive] = useState<Live>({ state: 'empty' });
  // Build the estimate's dictionaries as the screen opens, not on the first key typed.
  useEffect(() => {
    void loadPasswordEstimator();
  }, []);
  useEffect(() => {
    if (password === '') {
      setLive({ state: 'empty' });
      return;
    }
    const tooShort = passwordLengthProblem(password);
    if (tooShort) {
      setLive({ state: 'weak', problem: tooShort });
      return;
    }
    let current = true;
    setLive({ state: 'checking' });
    const timer = setTimeout(() => {
      void checkPasswordStrength(password, { clinicianName, clinicName }).then((v) => {
        if (current) setLive(v.problem ? { state: 'weak', problem: v.problem } : { state: 'strong' });
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, clinicianName, clinicName]);
  return live;
}

interface Props {
  value: NewPassword;
  onChange(value: NewPassword): void;
  errors: Record<string, string>;
  label?: string;
  /** The names the password must not be built from; the estimate is shown while typing. */
  context: PasswordContext;
}

const RULE = `At least ${MIN_PASSWORD_LENGTH} characters, hard to guess: four or more words that do not belong together work well. Not your name or the clinic’s, not a common password.`;

export function PasswordFields({ value, onChange, errors, label = 'Password', context }: Props) {
  const live = useLiveStrength(value.password, context);
  const hint =
    live.state === 'strong'
      ? 'Good: this password is hard to guess.'
      : live.state === 'checking'
        ? 'Checking how hard this password is to guess…'
        : live.state === 'weak'
          ? live.problem
          : RULE;
  return (
    <div className="form-grid">
      <TextField
        label={label}
        type="password"
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
        error={errors.password}
        hint={errors.password ? undefined : hint}
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
