/**
 * The app's top level: asks the backend what state it is in and shows the matching screen:
 * the first-start setup, the sign-in, a clear error when the records cannot be opened, or the
 * signed-in workspace. Sets data-app-ready on <body> once the first screen is on show, which
 * end-to-end tests wait for instead of sleeping.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/domain/session';
import type { ClinicSettings } from '../../../shared/domain/settings';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { DatabaseErrorScreen } from '../screens/DatabaseErrorScreen';
import { SetupScreen } from '../screens/SetupScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { ErrorNotice, Loading } from '../ui/feedback';
import { AppContext } from './context';
import { Workspace } from './Workspace';

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [settings, setSettings] = useState<ClinicSettings | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const loadStatus = useCallback(async () => {
    const r = await call('app.status', {});
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error);
  }, []);

  const reloadSettings = useCallback(async () => {
    const r = await call('settings.get', {});
    if (r.ok) setSettings(r.value);
    else setError(r.error);
  }, []);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  const ready = status?.state === 'ready';
  useEffect(() => {
    if (ready) void reloadSettings();
    else setSettings(null);
  }, [ready, status?.clinician?.id, status?.clinicKind, reloadSettings]);

  const shown = error !== null || (status !== null && (status.state !== 'ready' || settings !== null));
  useEffect(() => {
    if (shown) document.body.dataset.appReady = 'true';
  }, [shown]);

  useEffect(() => {
    document.title = status?.clinicKind === 'demo' ? 'Stride Clinic (demo)' : 'Stride Clinic';
  }, [status?.clinicKind]);

  if (error) {
    return (
      <main className="centered-screen">
        <div className="card card--narrow">
          <h1>Stride Clinic</h1>
          <ErrorNotice
            error={error}
            action={
              <button type="button" className="button button--secondary" onClick={() => void loadStatus()}>
                Try again
              </button>
            }
          />
        </div>
      </main>
    );
  }
  if (!status) return <Loading label="Opening the clinic records…" />;

  switch (status.state) {
    case 'database_error':
      return <DatabaseErrorScreen status={status} onStatus={setStatus} />;
    case 'needs_setup':
      return <SetupScreen status={status} onStatus={setStatus} />;
    case 'signed_out':
      return <SignInScreen status={status} onStatus={setStatus} />;
    case 'ready':
      if (!settings) return <Loading label="Opening the clinic records…" />;
      return (
        <AppContext.Provider
          value={{
            status,
            settings,
            setStatus,
            reloadSettings,
            onSignedOut: () => void loadStatus(),
          }}
        >
          <Workspace />
        </AppContext.Provider>
      );
  }
}
