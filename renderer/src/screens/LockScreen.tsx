/**
 * The lock screen: covers the workspace (which stays as it was, hidden) until the clinician who
 * locked it types their password. Someone else can sign in instead, which discards unsaved work.
 */
import { useState } from 'react';
import type { AppStatus } from '../../../shared/domain/session';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { ConfirmDialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/feedback';
import { TextField } from '../ui/fields';

export function LockScreen({
  status,
  onStatus,
  hasUnsavedWork,
}: {
  status: AppStatus;
  onStatus(s: AppStatus): void;
  hasUnsavedWork: boolean;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [switching, setSwitching] = useState(false);

  async function unlock() {
    if (password === '') return setError('Enter your password.');
    setBusy(true);
    const r = await call('session.unlock', { password });
    setBusy(false);
    setPassword('');
    if (r.ok) return onStatus(r.value);
    if (r.error.fields?.password) setError(r.error.fields.password);
    else setFailure(r.error);
  }

  async function switchClinician() {
    const r = await call('session.signOut', {});
    if (r.ok) onStatus(r.value);
  }

  return (
    <main className="centered-screen lock-screen" aria-labelledby="lock-title">
      <div className="card card--narrow">
        <p className="eyebrow">{status.clinicName}</p>
        <h1 id="lock-title">Locked</h1>
        <p>
          The records are locked and encrypted.{' '}
          {status.lockedBy ? `${status.lockedBy.name}, enter your password to continue where you left off.` : ''}
        </p>
        {failure ? <ErrorNotice error={failure} /> : null}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void unlock();
          }}
        >
          <TextField
            label={status.lockedBy ? `Password for ${status.lockedBy.name}` : 'Password'}
            type="password"
            value={password}
            onChange={(v) => {
              setPassword(v);
              setError(undefined);
            }}
            error={error}
            autoComplete="current-password"
            autoFocus
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => (hasUnsavedWork ? setSwitching(true) : void switchClinician())}
            >
              Sign in as someone else
            </button>
          </div>
        </form>
      </div>
      <ConfirmDialog
        open={switching}
        title="Sign in as someone else?"
        confirmLabel="Sign in as someone else"
        tone="danger"
        onConfirm={() => void switchClinician()}
        onCancel={() => setSwitching(false)}
      >
        <p>Anything {status.lockedBy?.name ?? 'the last clinician'} had not saved yet will be lost.</p>
      </ConfirmDialog>
    </main>
  );
}
