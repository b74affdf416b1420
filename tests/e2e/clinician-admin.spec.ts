/**
 * Clinician administration through the settings page: the owner adds colleagues, grants
 * administrator and deactivates, each act confirmed with the owner's own password in a dialog;
 * a deactivated clinician leaves the sign-in list; a clinician sees no administrative act.
 */
import { expect, openApp, test } from './fixtures';
import { goToSettings } from './pages/records';
import { CLINIC, setUpClinic } from './pages/setup';
import { addClinician, clinicianRow, cliniciansSection, confirmWithPassword, passwordDialog } from './pages/clinicians';

test('the owner manages clinicians with their password; a deactivated one cannot sign in; a clinician sees no admin acts', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  await goToSettings(page);
  await expect(clinicianRow(page, CLINIC.clinician)).toContainText('Owner');

  // Adding a colleague asks for the owner's password; a wrong one is refused in words.
  await addClinician(page, 'Tomás Herrera', 'blue kettle on the hill');
  await confirmWithPassword(page, 'not my password at all');
  await expect(passwordDialog(page).getByText(/That is not your password, so nothing was changed/)).toBeVisible();
  await confirmWithPassword(page, CLINIC.password);
  await expect(passwordDialog(page)).toBeHidden();
  await expect(page.getByText('Tomás Herrera is added.', { exact: false })).toBeVisible();
  await expect(clinicianRow(page, 'Tomás Herrera')).toContainText('Clinician');

  await clinicianRow(page, 'Tomás Herrera')
    .getByRole('button', { name: 'Make administrator for Tomás Herrera' })
    .click();
  await confirmWithPassword(page, CLINIC.password);
  await expect(clinicianRow(page, 'Tomás Herrera')).toContainText('Administrator');

  await addClinician(page, 'Ana Lima', 'orange lantern by the quay');
  await confirmWithPassword(page, CLINIC.password);
  await expect(clinicianRow(page, 'Ana Lima')).toContainText('Clinician');

  await clinicianRow(page, 'Tomás Herrera').getByRole('button', { name: 'Deactivate Tomás Herrera' }).click();
  await expect(passwordDialog(page)).toContainText('Their notes and their entries in the audit trail keep their name');
  await confirmWithPassword(page, CLINIC.password);
  await expect(clinicianRow(page, 'Tomás Herrera')).toContainText('Deactivated');

  // Gone from the sign-in list; Ana signs in and sees only her own password to change.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Tomás Herrera' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Ana Lima' }).check();
  await page.getByLabel('Password for Ana Lima').fill('orange lantern by the quay');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await goToSettings(page);
  const section = cliniciansSection(page);
  await expect(section.getByText(/Only the clinic owner or an administrator can add clinicians/)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Add a clinician' })).toHaveCount(0);
  await expect(section.getByRole('button', { name: /^(Deactivate|Set a password|Make administrator)/ })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Change my password' })).toBeVisible();
});
