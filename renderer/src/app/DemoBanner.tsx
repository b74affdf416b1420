/** Shown on every screen of the demo clinic so fictional records are never mistaken for real ones. */
import type { AppStatus } from '../../../shared/domain/session';
import { call } from '../api/client';

export function DemoBanner({ onStatus }: { onStatus(status: AppStatus): void }) {
  return (
    <div className="demo-banner" role="note" aria-label="Demo clinic">
      <strong>Demo clinic.</strong> Every patient here is fictional. Nothing you do here touches your real records.
      <button
        type="button"
        className="button button--small button--on-dark"
        onClick={() => {
          void call('app.leaveDemo', {}).then((r) => {
            if (r.ok) {
              window.location.hash = '#/patients';
              onStatus(r.value);
            }
          });
        }}
      >
        Leave the demo
      </button>
    </div>
  );
}
