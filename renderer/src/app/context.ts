/** What every screen may need: the app status and the clinic's settings (units, date format). */
import { createContext, useContext } from 'react';
import type { AppStatus } from '../../../shared/domain/session';
import type { ClinicSettings } from '../../../shared/domain/settings';

export interface AppContextValue {
  status: AppStatus;
  settings: ClinicSettings;
  /** Replace the status (after sign-in, sign-out, setup, demo). */
  setStatus(status: AppStatus): void;
  /** Lock now: saves the forms that autosave, drops the others, and shows the lock screen. */
  lock(): void;
  /** Reload settings after they were changed. */
  reloadSettings(): Promise<void>;
  /** Called when the backend says nobody is signed in any more. */
  onSignedOut(): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp must be used inside the signed-in app.');
  return value;
}
