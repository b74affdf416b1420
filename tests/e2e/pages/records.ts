/** Backups, restores, exports and the audit trail, as a clinician uses them. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export async function goToSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  // The settings page loads several sections at once; on a loaded 2-core machine it can take over 10 s.
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible({ timeout: 20_000 });
}

export function recordsSection(page: Page) {
  return page.getByRole('region', { name: 'Backups and exports' });
}

/** "Back up now", then waits for the checked-backup message. */
export async function backUpNow(page: Page): Promise<void> {
  await goToSettings(page);
  await recordsSection(page).getByRole('button', { name: 'Back up now' }).click();
  await expect(recordsSection(page).getByText('Backup made and checked')).toBeVisible({ timeout: 30_000 });
}

/** Restores the newest backup in the list, unlocking it with a clinician's password. */
export async function restoreNewestBackup(page: Page, password: string, clinician: string): Promise<void> {
  await goToSettings(page);
  const section = recordsSection(page);
  await section
    .getByRole('button', { name: /^Restore… the backup made/ })
    .first()
    .click();
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await expect(restore.getByText('The backup is encrypted.')).toBeVisible();
  await restore.getByRole('radio', { name: clinician }).check();
  await restore.getByLabel('Password (as it was then)').fill(password);
  await restore.getByRole('button', { name: 'Unlock and check the backup' }).click();
  await expect(restore.getByRole('table', { name: 'The backup compared with the current records' })).toBeVisible({
    timeout: 30_000,
  });
}

export async function confirmRestore(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Replace the current records with this backup' }).click();
  await expect(page.getByText('The records were restored from the backup made')).toBeVisible({ timeout: 30_000 });
}

export async function goToAuditTrail(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail', exact: true })).toBeVisible();
}
