/**
 * The records could not be opened. Says what happened and what to do, in plain words; nothing is
 * reset from here. Where it is safe, a backup can be restored: the files that could not be
 * opened are kept aside first.
 */
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/domain/session';
import { call } from '../api/client';
import { RestorePanel } from '../records/RestorePanel';

export function DatabaseErrorScreen({ status, onStatus }: { status: AppStatus; onStatus(s: AppStatus): void }) {
  const problem = status.problem;
  const [restore, setRestore] = useState<{ allowed: boolean; reason: string | null } | null>(null);
  const [restoring, setRestoring] = useState(false);
  useEffect(() => {
    if (status.clinicKind === 'real') void call('backups.list', {}).then((r) => r.ok && setRestore(r.value.restore));
  }, [status.clinicKind]);
  return (
    <main className="centered-screen">
      <div className="card card--narrow">
        <div role="alert">
          <p className="eyebrow">Stride Clinic could not open the records</p>
          <h1>{problem?.title ?? 'The records cannot be opened'}</h1>
          <p>{problem?.whatToDo}</p>
        </div>
        <details className="details">
          <summary>Details for support</summary>
          <p className="mono">{problem?.detail}</p>
          <p className="mono">Data folder: {status.dataFolder}</p>
        </details>
        {restore?.allowed && !restoring ? (
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => setRestoring(true)}>
              Restore from a backup…
            </button>
          </div>
        ) : null}
        {restoring ? <RestorePanel headingLevel={2} onCancel={() => setRestoring(false)} /> : null}
        {status.clinicKind === 'demo' ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void call('app.leaveDemo', {}).then((r) => r.ok && onStatus(r.value))}
          >
            Leave the demo
          </button>
        ) : null}
      </div>
    </main>
  );
}
