/**
 * The records could not be opened. Says what happened and what to do, in plain words; nothing is
 * replaced or reset from here.
 */
import type { AppStatus } from '../../../shared/domain/session';
import { call } from '../api/client';

export function DatabaseErrorScreen({ status, onStatus }: { status: AppStatus; onStatus(s: AppStatus): void }) {
  const problem = status.problem;
  return (
    <main className="centered-screen">
      <div className="card card--narrow" role="alert">
        <p className="eyebrow">Stride Clinic could not open the records</p>
        <h1>{problem?.title ?? 'The records cannot be opened'}</h1>
        <p>{problem?.whatToDo}</p>
        <details className="details">
          <summary>Details for support</summary>
          <p className="mono">{problem?.detail}</p>
          <p className="mono">Data folder: {status.dataFolder}</p>
        </details>
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
