/** Runs once before the end-to-end tests: says up front which of them cannot run here, and why. */
import { desktopSkipReason } from './electron-env';

export default function globalSetup(): void {
  const reason = desktopSkipReason();
  if (reason)
    console.log(`\nDesktop (Electron) E2E tests are SKIPPED: ${reason}. Browser-preview E2E tests run as usual.\n`);
}
