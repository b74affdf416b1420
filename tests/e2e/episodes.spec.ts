/** Opening an episode of care from the patient page. */
import { expect, openApp, test } from './fixtures';
import { addPatient, patientHeading } from './pages/patients';
import { setUpClinic } from './pages/setup';
import { openEpisode } from './pages/episodes';

test('a clinician opens an episode for a hamstring strain and discharges it', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '14/03/1991',
    recordNumber: 'RR-0001',
  });
  await expect(patientHeading(page)).toBeVisible();
  await expect(page.getByText('No episodes yet.')).toBeVisible();
  await openEpisode(page, { diagnosis: 'Hamstring strain', side: 'Right', onset: '02/11/2026' });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hamstring strain, right');
  await expect(page.getByText('Onset 02/11/2026')).toBeVisible();
  await page.getByRole('button', { name: 'Discharge' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discharge' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Discharged');
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Zoë Łukasiewicz-Ørsted' })
    .click();
  await expect(page.getByRole('link', { name: 'Hamstring strain, right' })).toBeVisible();
});
