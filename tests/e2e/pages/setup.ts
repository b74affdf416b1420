/** The first-start and sign-in screens, as a clinician sees them. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const CLINIC = { name: 'Riverside Running Clinic', phone: '+44 113 496 0000', clinician: 'Priya Shah' };

export async function setUpClinic(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to Stride Clinic' })).toBeVisible();
  await page.getByLabel('Clinic name').fill(CLINIC.name);
  await page.getByLabel('Clinic phone').fill(CLINIC.phone);
  await page.getByLabel('Your name').fill(CLINIC.clinician);
  await page.getByRole('button', { name: 'Create the clinic' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toBeVisible();
}

export async function signIn(page: Page, name = CLINIC.clinician): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toBeVisible();
}
