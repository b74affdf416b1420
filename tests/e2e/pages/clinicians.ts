/** The settings page's Clinicians section, as the clinic owner or a colleague sees it. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export function cliniciansSection(page: Page) {
  return page.getByRole('region', { name: 'Clinicians' });
}

export function clinicianRow(page: Page, name: string) {
  return cliniciansSection(page).getByRole('row').filter({ hasText: name });
}

/** The dialog every administrative act goes through (the administrator's own password). */
export function passwordDialog(page: Page) {
  return page.getByRole('dialog');
}

export async function confirmWithPassword(page: Page, password: string): Promise<void> {
  const dialog = passwordDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Your password').fill(password);
  await dialog.getByRole('button').last().click();
}

export async function addClinician(page: Page, name: string, firstPassword: string): Promise<void> {
  await cliniciansSection(page).getByRole('button', { name: 'Add a clinician' }).click();
  const form = page.getByRole('form', { name: 'New clinician' });
  await form.getByLabel(/^Name/).fill(name);
  await form.getByLabel(/^First password( \(required\))?$/).fill(firstPassword);
  await form.getByLabel('Type the first password again').fill(firstPassword);
  await form.getByRole('button', { name: 'Add clinician' }).click();
  await expect(passwordDialog(page)).toBeVisible();
}
