/** The first-start, sign-in and lock screens, as a clinician sees them. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const CLINIC = {
  name: 'Riverside Running Clinic',
  phone: '+44 113 496 0000',
  emergencyNumber: '999',
  clinician: 'Priya Shah',
  password: 'river bend morning run',
};

/** The first-start screen's table of the shipped soreness rule sets, side by side. */
export function ruleSetComparison(page: Page) {
  return page.getByRole('table', { name: 'The soreness rule sets side by side' });
}

/** First start: the clinic, its first clinician and their password; then the recovery key screen. */
export async function setUpClinic(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Welcome to Stride Clinic' })).toBeVisible();
  // The shipped rule sets side by side: the clinic article's (default) and the published version.
  const rules = ruleSetComparison(page);
  await expect(rules.getByRole('columnheader', { name: 'Soreness rules (clinic article) (default)' })).toBeVisible();
  await expect(rules.getByRole('row', { name: /^Rule 1: soreness in the warm-up that continued/ })).toContainText(
    'stop the run, 2 days off, down 1 level',
  );
  await expect(rules.getByRole('row', { name: /^Levels it may move up in 7 days/ })).toContainText(
    'At most 1 level up in 7 days',
  );
  await page.getByLabel('Clinic name').fill(CLINIC.name);
  await page.getByLabel('Clinic phone').fill(CLINIC.phone);
  // Asked at first start, with 112 filled in to check.
  await expect(page.getByLabel(/^Emergency number/)).toHaveValue('112');
  await page.getByLabel(/^Emergency number/).fill(CLINIC.emergencyNumber);
  await page.getByLabel('Your name').fill(CLINIC.clinician);
  await page.getByLabel(/^Password( \(required\))?$/).fill(CLINIC.password);
  await page.getByLabel('Type the password again').fill(CLINIC.password);
  await page.getByRole('button', { name: 'Create the clinic' }).click();
  // Creating the clinic derives the password's key with Argon2id (64 MiB): seconds on a busy machine.
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible({ timeout: 30_000 });
  const recoveryKey = (await page.getByLabel('Recovery key', { exact: true }).textContent()) ?? '';
  await page.getByLabel('I have printed or written down the recovery key').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toBeVisible();
  return recoveryKey;
}

export async function signIn(page: Page, name = CLINIC.clinician, password = CLINIC.password): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('radio', { name }).check();
  await page.getByLabel(`Password for ${name}`).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toBeVisible();
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
}

export async function unlock(page: Page, password = CLINIC.password, name = CLINIC.clinician): Promise<void> {
  await page.getByLabel(`Password for ${name}`).fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
}
