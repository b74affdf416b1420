/** Episodes of care, as a clinician opens them from the patient page. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export async function openEpisode(page: Page, e: { diagnosis: string; side: string; onset?: string }): Promise<void> {
  await page.getByRole('button', { name: 'New episode' }).click();
  const form = page.getByRole('form', { name: 'New episode of care' });
  await form.getByLabel('Diagnosis', { exact: false }).first().selectOption({ label: e.diagnosis });
  if (e.onset) await form.getByLabel('Date of onset').fill(e.onset);
  await form.getByRole('radio', { name: e.side, exact: true }).check();
  await form.getByRole('button', { name: 'Open episode' }).click();
  await expect(page.locator('#episode-title')).toBeVisible();
}
