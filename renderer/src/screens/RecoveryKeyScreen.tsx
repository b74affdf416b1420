/**
 * Shown once, right after the clinic is set up (or its records encrypted): the recovery key,
 * the emergency way in if every password is forgotten. It is never shown again and never stored
 * in clear, so the clinician must print it or write it down before going on.
 */
import { useState } from 'react';

export function RecoveryKeyScreen({
  recoveryKey,
  clinicName,
  onDone,
}: {
  recoveryKey: string;
  clinicName: string;
  onDone(): void;
}) {
  const [stored, setStored] = useState(false);
  return (
    <main className="centered-screen">
      <div className="card card--narrow recovery">
        <p className="eyebrow">{clinicName}</p>
        <h1>Your recovery key</h1>
        <p>
          The clinic’s records are encrypted. If every password is forgotten, this key is the only way back in. It is
          shown <strong>only now</strong>.
        </p>
        <p className="recovery__key" aria-label="Recovery key">
          {recoveryKey}
        </p>
        <ul className="recovery__advice">
          <li>Print this page or write the key down on paper.</li>
          <li>Keep it locked away from the computer, for example in the clinic safe.</li>
          <li>Anyone with the key and this computer can open the records.</li>
        </ul>
        <div className="form-actions recovery__actions">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Print
          </button>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />I have printed or
          written down the recovery key and stored it safely.
        </label>
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={!stored} onClick={onDone}>
            Continue
          </button>
        </div>
      </div>
    </main>
  );
}
