/**
 * Some answers mean the app's state changed behind the screen the clinician is on: the session
 * locked itself after inactivity (or another window locked it), or the records became unusable.
 * Calls report them here, wherever they came from; the App listens and shows the right screen.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onStatusChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportStatusChanged(): void {
  for (const l of listeners) l();
}
