/**
 * The app's top level: asks the backend what state it is in and shows the matching screen:
 * first start, encrypting older records, sign-in, the lock screen, a clear error when the records
 * cannot be opened, or the signed-in workspace.
 *
 * Locking takes the workspace down, not just out of sight: the lock screen replaces the whole
 * tree, so no patient's name, note or number stays in the page (component state, the DOM) or in
 * the page's caches (forgetScreenMemory). Before a lock the page starts itself (the Lock button,
 * Ctrl+L, idle time), forms that autosave into the encrypted records are saved and the others are
 * dropped; the lock screen says which. Unlocking opens the workspace afresh on the same route, which loads its data again.
 *
 * Sets data-app-ready on <body> once the first screen is on show, which end-to-end tests wait for
 * instead of sleeping.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStatus } from '../../../shared/domain/session';
import type { ClinicSettings } from '../../../shared/domain/settings';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { onStatusChanged } from '../api/session-events';
import { forgetCachedRecords } from '../data';
import { DatabaseErrorScreen } from '../screens/DatabaseErrorScreen';
import { EncryptScreen } from '../screens/EncryptScreen';
import { LockScreen } from '../screens/LockScreen';
import { RecoveryKeyScreen } from '../screens/RecoveryKeyScreen';
import { SetupScreen } from '../screens/SetupScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { ErrorNotice, Loading } from '../ui/feedback';
import { AppContext } from './context';
import { forgetScreenMemory } from './forget';
import { droppedAtLock, saveBeforeLock, type LockReport } from './unsaved-work';
import { useAutoLock } from './useAutoLock';
import { Workspace } from './Workspace';

interface Signed {
  status: AppStatus;
  settings: ClinicSettings;
}

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  /**
   * The signed-in clinician's status and the clinic's settings (no patient data), kept while the
   * session is locked so that the same clinician unlocking gets their workspace back.
   */
  const [signed, setSigned] = useState<Signed | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  /** What became of unsaved forms at the last lock, for the lock screen. */
  const [lockReport, setLockReport] = useState<LockReport | null>(null);
  const shownStatus = useRef<AppStatus | null>(null);

  /** Every new status comes through here, so a lock from anywhere says what it dropped. */
  const showStatus = useCallback((next: AppStatus, report?: LockReport) => {
    const wasOpen = shownStatus.current?.state === 'ready';
    shownStatus.current = next;
    if (next.state === 'locked' && wasOpen) setLockReport(report ?? droppedAtLock());
    else if (next.state !== 'locked') setLockReport(null);
    setStatus(next);
  }, []);

  const loadStatus = useCallback(async () => {
    const r = await call('app.status', {});
    if (r.ok) {
      showStatus(r.value);
      setError(null);
    } else setError(r.error);
  }, [showStatus]);

  /** Locks on the clinician's word or after idle time: saves what can be saved first. */
  const lock = useCallback(async () => {
    const report = await saveBeforeLock();
    const r = await call('session.lock', {});
    if (r.ok) showStatus(r.value, report);
  }, [showStatus]);

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

  useAutoLock(status?.state === 'ready' ? status.autoLockMinutes : null, lock);

  // Runs after the workspace has unmounted: what the page kept outside React goes too.
  const locked = status?.state === 'locked';
  useEffect(() => {
    if (locked) forgetScreenMemory();
  }, [locked]);
  // Signed out (or never signed in): no cached answer from the last clinician's session stays.
  const open = status?.state === 'ready';
  useEffect(() => {
    if (!open) forgetCachedRecords();
  }, [open]);

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
    showStatus(r.status);
  };

  switch (status.state) {
    case 'database_error':
      return <DatabaseErrorScreen status={status} onStatus={showStatus} />;
    case 'needs_setup':
      return <SetupScreen status={status} onStatus={showStatus} onSetUp={withKey} />;
    case 'needs_encryption':
      return <EncryptScreen status={status} onEncrypted={withKey} />;
    case 'signed_out':
      return <SignInScreen status={status} onStatus={showStatus} />;
    case 'locked':
      // The whole tree is the lock screen: the workspace and every page in it are unmounted.
      return <LockScreen status={status} onStatus={showStatus} report={lockReport} />;
    case 'ready':
      if (!signed) return <Loading label="Opening the clinic records…" />;
      return (
        <div className="app-frame">
          <AppContext.Provider
            value={{
              status: signed.status,
              settings: signed.settings,
              setStatus: showStatus,
              lock: () => void lock(),
              reloadSettings,
              onSignedOut: () => void loadStatus(),
            }}
          >
            <Workspace key={`${signed.status.clinicKind}-${signed.status.clinician?.id ?? 0}`} />
          </AppContext.Provider>
        </div>
      );
  }
}
