/**
 * Whether Electron's safeStorage really protects secrets here (pure, testable under Node). On
 * Linux without a secret service it falls back to a fixed password ("basic_text"), which protects
 * nothing: then the app keeps no keychain wrap at all.
 */
export function isRealKeychain(platform: NodeJS.Platform, available: boolean, linuxBackend: string | null): boolean {
  if (!available) return false;
  if (platform !== 'linux') return true;
  return linuxBackend !== null && linuxBackend !== 'basic_text' && linuxBackend !== 'unknown';
}
