/**
 * What a clinician sees when a password would be guessed, or a pasted name holds a character the
 * records cannot keep: the reason, on the field, while typing or on saving.
 */
import { expect, openApp, test } from './fixtures';
import { CLINIC } from './pages/setup';

test('first start: the password’s strength is shown while typing, and a NUL in the clinic name is named on the field', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await expect(page.getByRole('heading', { name: 'Welcome to Stride Clinic' })).toBeVisible();
  await page.getByLabel('Clinic name').fill('Stride Clinic');
  await page.getByLabel('Your name').fill(CLINIC.clinician);
  const password = page.getByLabel(/^Password( \(required\))?$/);

  await password.fill('Stride Clinic 2026');
  await expect(
    page.getByText(/This password is too easy to guess\. It is built from your name, the clinic’s name/),
  ).toBeVisible();
  await password.fill('correcthorsebatterystaple');
  await expect(page.getByText(/It is a well-known example password/)).toBeVisible();
  await password.fill(CLINIC.password);
  await expect(page.getByText('Good: this password is hard to guess.')).toBeVisible();
  await page.getByLabel('Type the password again').fill(CLINIC.password);

  // A name pasted with an invisible NUL character: refused on the field, not as a crash.
  await page.getByLabel('Clinic name').fill('Riverside\u0000Running Clinic');
  await page.getByRole('button', { name: 'Create the clinic' }).click();
  await expect(page.getByText(/^Clinic name holds an invisible control character/)).toBeVisible();
  await expect(page.getByText('Something went wrong')).toBeHidden();

  await page.getByLabel('Clinic name').fill(CLINIC.name);
  await page.getByRole('button', { name: 'Create the clinic' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
});
