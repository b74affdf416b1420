/** Who is working: pick your name to sign in. */
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/domain/session';
import type { Clinician } from '../../../shared/domain/settings';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { ErrorNotice, Loading } from '../ui/feedback';

export function SignInScreen({ status, onStatus }: { status: AppStatus; onStatus(s: AppStatus): void }) {
  const [clinicians, setClinicians] = useState<Clinician[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    void call('session.clinicians', {}).then((r) => {
      if (r.ok) setClinicians(r.value);
      else setFailure(r.error);
    });
  }, []);

  async function signIn(id: number) {
    const r = await call('session.signIn', { clinicianId: id });
    if (r.ok) onStatus(r.value);
    else setFailure(r.error);
  }

  return (
    <main className="centered-screen">
      <div className="card card--narrow">
        <p className="eyebrow">{status.clinicName}</p>
        <h1>Who is working?</h1>
        {failure ? <ErrorNotice error={failure} /> : null}
        {clinicians === null && !failure ? <Loading label="Loading clinicians…" /> : null}
        {clinicians ? (
          <ul className="choice-list" aria-label="Clinicians">
            {clinicians.map((c, i) => (
              <li key={c.id}>
                <button type="button" className="choice" onClick={() => void signIn(c.id)} autoFocus={i === 0}>
                  <span className="choice__title">{c.name}</span>
                  <span className="choice__detail">{c.profession}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </main>
  );
}
