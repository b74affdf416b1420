/**
 * The lock screen: the whole page while the records are locked (the workspace is gone, nothing of
 * a patient is left behind it) until the clinician who locked it types their password and returns
 * to the page they were on. It says what became of forms they had not saved. Someone else can
 * sign in instead.
 */
import { useState } from 'react';
import type { AppStatus } from '../../../shared/domain/session';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import type { LockReport } from '../app/unsaved-work';
import { ErrorNotice, InfoNotice } from '../ui/feedback';
import { TextField } from '../ui/fields';

function listOf(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** What happened to unsaved forms when the app locked; labels name kinds of form, never a patient. */
function LockReportNotice({ report }: { report: LockReport }) {
  if (report.saved.length === 0 && report.dropped.length === 0) return null;
  return (
    <InfoNotice>
      {report.saved.length > 0 ? <p className="notice__text">Saved before locking: {listOf(report.saved)}.</p> : null}
      {report.dropped.length > 0 ? (
        <p className="notice__text">
          Not kept, because {report.dropped.length === 1 ? 'it was' : 'they were'} not saved yet:{' '}
          {listOf(report.dropped)}. After unlocking, type {report.dropped.length === 1 ? 'it' : 'them'} again and save.
        </p>
      ) : null}
    </InfoNotice>
  );
}

export function LockScreen({
  status,
  onStatus,
  report,
}: {
  status: AppStatus;
  onStatus(s: AppStatus): void;
  report: LockReport | null;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

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
        {report ? <LockReportNotice report={report} /> : null}
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
            <button type="button" className="button button--secondary" onClick={() => void switchClinician()}>
              Sign in as someone else
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
