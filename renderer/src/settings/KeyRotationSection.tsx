/**
 * "Change the records key", for administrators (docs/key-rotation.md): suggested in one line after
 * a clinician is deactivated or a backup restored; asks for the administrator's own password.
 */
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, InfoNotice, SuccessNotice } from '../ui/feedback';
import { TextField } from '../ui/fields';

export function KeyRotationSection() {
  const { status, setStatus } = useApp();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ recoveryKey: string | null; snapshot: string } | null>(null);
  // Only administrators of the encrypted clinic get the flag at all.
  if (status.keyRotationAdvised === undefined) return null;

  async function rotate() {
    setDone(null);
    if (password === '') return setError('Enter your password.');
    setBusy(true);
    const r = await call('keys.rotate', { yourPassword: password });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.fields?.yourPassword);
      setFailure(r.error.fields?.yourPassword ? null : r.error);
      return;
    }
    setPassword('');
    setError(undefined);
    setFailure(null);
    setDone(r.value);
    const now = await call('app.status', {});
    if (now.ok) setStatus(now.value);
  }

  return (
    <section className="panel" aria-labelledby="key-rotation-title">
      <h2 id="key-rotation-title" className="panel__title">
        Records key
      </h2>
      {status.keyRotationAdvised ? (
        <InfoNotice>
          A clinician was deactivated or a backup restored since the records key last changed: changing it is advisable.
        </InfoNotice>
      ) : null}
      <p className="muted">
        Changing the records key re-encrypts the records with a new key, so a copy of the old key file (kept by someone
        who has left) no longer opens them. Everyone keeps their password. A safety snapshot is taken first.
      </p>
      {failure ? <ErrorNotice error={failure} /> : null}
      {done ? (
        <SuccessNotice>
          The records key was changed; the snapshot {done.snapshot} keeps the records as they were, under the old key.
          {done.recoveryKey
            ? ` The old recovery key no longer works. The new one is ${done.recoveryKey}: print it and keep it safe now, it is not shown again.`
            : ' The recovery key still works.'}
        </SuccessNotice>
      ) : null}
      <form
        noValidate
        aria-label="Change the records key"
        onSubmit={(e) => {
          e.preventDefault();
          void rotate();
        }}
      >
        <div className="form-grid">
          <TextField
            label="Your password"
            type="password"
            value={password}
            onChange={setPassword}
            error={error}
            autoComplete="current-password"
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {busy ? 'Changing the records key…' : 'Change the records key'}
          </button>
        </div>
      </form>
    </section>
  );
}
