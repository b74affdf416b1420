/**
 * The app's top level: asks the backend what state it is in and shows the matching screen:
 * first start, encrypting older records, sign-in, the lock screen, a clear error when the records
 * cannot be opened, or the signed-in workspace. Locking keeps the workspace mounted but hidden and
 * inert, so what a clinician was typing is still there after they unlock.
 *
 * Sets data-app-ready on <body> once the first screen is on show, which end-to-end tests wait for
 * instead of sleeping.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/domain/session';
import type { ClinicSettings } from '../../../shared/domain/settings';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { onStatusChanged } from '../api/session-events';
import { DatabaseErrorScreen } from '../screens/DatabaseErrorScreen';
import { EncryptScreen } from '../screens/EncryptScreen';
import { LockScreen } from '../screens/LockScreen';
import { RecoveryKeyScreen } from '../screens/RecoveryKeyScreen';
import { SetupScreen } from '../screens/SetupScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { ErrorNotice, Loading } from '../ui/feedback';
import { AppContext } from './context';
import { useAutoLock } from './useAutoLock';
import { Workspace } from './Workspace';

interface Signed {
  status: AppStatus;
  settings: ClinicSettings;
}

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  /** The signed-in workspace's status and settings; kept (hidden) while the session is locked. */
  const [signed, setSigned] = useState<Signed | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const loadStatus = useCallback(async () => {
    const r = await call('app.status', {});
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error);
  }, []);

  const reloadSettings = useCallback(async () => {
    const r = await call('settings.get', {});
    if (r.ok) setSigned((prev) => (prev ? { ...prev, settings: r.value } : prev));
  }, []);

  useEffect(() => {
    void loadStatus();
    return onStatusChanged(() => void loadStatus());
  }, [loadStatus]);

  // Entering "ready": load the settings; a different clinician gets a fresh workspace.
  useEffect(() => {
    if (!status) return;
    if (status.state === 'ready') {
      const sameClinician =
        signed?.status.clinician?.id === status.clinician?.id && signed?.status.clinicKind === status.clinicKind;
      if (sameClinician && signed) {
        if (signed.status !== status) setSigned({ ...signed, status });
        return;
      }
      void call('settings.get', {}).then((r) => {
        if (r.ok) setSigned({ status, settings: r.value });
        else setError(r.error);
      });
    } else if (status.state !== 'locked' || status.lockedBy?.clinicianId !== signed?.status.clinician?.id) {
      if (signed) setSigned(null);
    }
  }, [status, signed]);

  useAutoLock(status?.state === 'ready' ? status.autoLockMinutes : null, setStatus);

  const shown = error !== null || (status !== null && (status.state !== 'ready' || signed !== null));
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
  if (recoveryKey) {
    return (
      <RecoveryKeyScreen recoveryKey={recoveryKey} clinicName={status.clinicName} onDone={() => setRecoveryKey(null)} />
    );
  }

  const withKey = (r: { status: AppStatus; recoveryKey: string }) => {
    setRecoveryKey(r.recoveryKey);
    setStatus(r.status);
  };

  switch (status.state) {
    case 'database_error':
      return <DatabaseErrorScreen status={status} onStatus={setStatus} />;
    case 'needs_setup':
      return <SetupScreen status={status} onStatus={setStatus} onSetUp={withKey} />;
    case 'needs_encryption':
      return <EncryptScreen status={status} onEncrypted={withKey} />;
    case 'signed_out':
      return <SignInScreen status={status} onStatus={setStatus} />;
    case 'locked':
    case 'ready': {
      const locked = status.state === 'locked';
      return (
        <>
          {signed ? (
            <div className="app-frame" hidden={locked} inert={locked}>
              <AppContext.Provider
                value={{
                  status: signed.status,
                  settings: signed.settings,
                  setStatus,
                  reloadSettings,
                  onSignedOut: () => void loadStatus(),
                }}
              >
                <Workspace key={`${signed.status.clinicKind}-${signed.status.clinician?.id ?? 0}`} />
              </AppContext.Provider>
            </div>
          ) : null}
          {locked ? <LockScreen status={status} onStatus={setStatus} hasUnsavedWork={signed !== null} /> : null}
          {!locked && !signed ? <Loading label="Opening the clinic records…" /> : null}
        </>
      );
    }
  }
}
