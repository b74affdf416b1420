/** The records core, clicked through as a clinician would. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, openApp, test } from './fixtures';
import { addPatient, goToPatients, patientHeading, patientRows, searchPatients } from './pages/patients';
import { setUpClinic, signIn } from './pages/setup';

test('create a patient, find them without accents, edit, restart, and the change is still there', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '14/03/1991',
    recordNumber: 'RR-0001',
  });
  await expect(patientHeading(page)).toHaveText('Zoë Łukasiewicz-Ørsted');
  await addPatient(page, {
    givenName: 'An',
    familyName: 'Nguyễn Văn',
    dateOfBirth: '02/09/1986',
    recordNumber: 'RR-0002',
  });
  await expect(patientHeading(page)).toHaveText('An Nguyễn Văn');

  await searchPatients(page, 'zoe lukasiewicz');
  await expect(page.getByText('1 patient matches')).toBeVisible();
  await expect(patientRows(page)).toHaveCount(1);
  await expect(patientRows(page).first()).toContainText('Łukasiewicz-Ørsted, Zoë');
  await patientRows(page).first().click();

  await page.getByRole('link', { name: 'Edit details' }).click();
  await page.getByLabel('Phone').fill('+44 7700 900123');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(patientHeading(page)).toHaveText('Zoë Łukasiewicz-Ørsted');
  await expect(page.getByText('+44 7700 900123')).toBeVisible();

  await app.restart();
  await openApp(page, app);
  await signIn(page);
  await searchPatients(page, 'NGUYEN');
  await expect(patientRows(page)).toHaveCount(1);
  await expect(patientRows(page).first()).toContainText('Nguyễn Văn, An');
  await searchPatients(page, 'orsted');
  await expect(patientRows(page)).toHaveCount(1);
  await patientRows(page).filter({ hasText: 'Łukasiewicz-Ørsted, Zoë' }).click();
  await expect(page.getByText('+44 7700 900123')).toBeVisible();
});

test('a duplicate record number shows a clear message and saves nothing', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '14/03/1991',
    recordNumber: 'RR-0001',
  });
  await expect(patientHeading(page)).toBeVisible();
  await goToPatients(page);
  await addPatient(page, {
    givenName: 'Siobhán',
    familyName: "O'Connor",
    dateOfBirth: '21/12/1978',
    recordNumber: 'rr-0001',
  });
  await expect(page.getByRole('alert').first()).toContainText(
    'Record number rr-0001 is already used by Zoë Łukasiewicz-Ørsted',
  );
  // What was typed is kept, so the clinician only fixes the number.
  await expect(page.getByLabel('Family name')).toHaveValue("O'Connor");
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('1 patient', { exact: true })).toBeVisible();
  await expect(patientRows(page)).toHaveCount(1);
});

test('the form says what to fix and keeps what was typed', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await page.getByRole('link', { name: 'New patient' }).click();
  await page.getByLabel('Given name').fill('Mateus');
  await page.getByLabel('Date of birth').fill('31/02/2001');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByText('Enter the family name.')).toBeVisible();
  await expect(page.getByText('Date of birth is not a real date: enter it like 12/04/1988.')).toBeVisible();
  await expect(page.getByText('Enter the record number.')).toBeVisible();
  await expect(page.getByLabel('Given name')).toHaveValue('Mateus');
});

test('the whole list works from the keyboard', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  for (const [given, family, rec] of [
    ['Aiko', 'Tanaka', 'K-1'],
    ['Kwame', 'Mensah', 'K-2'],
    ['Ingrid', 'Bjørnstad', 'K-3'],
  ] as const) {
    await goToPatients(page);
    await addPatient(page, { givenName: given, familyName: family, dateOfBirth: '01/01/1990', recordNumber: rec });
    await expect(patientHeading(page)).toBeVisible();
  }
  await goToPatients(page);
  await expect(page.getByText('3 patients', { exact: true })).toBeVisible();
  await page.getByLabel('Find a patient').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox', { name: 'Patients' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // Family-name order: Bjørnstad, Mensah, Tanaka: the second row is Mensah.
  await expect(patientHeading(page)).toHaveText('Kwame Mensah');
});

test('the demo clinic opens from the first screen, is marked as demo, and is left without touching real records', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page.getByRole('button', { name: 'Explore the demo clinic' }).click();
  await expect(page.getByRole('note', { name: 'Demo clinic' })).toContainText('Every patient here is fictional');
  await expect(page.getByText('8 patients', { exact: true })).toBeVisible();
  await page.getByRole('note', { name: 'Demo clinic' }).getByRole('button', { name: 'Leave the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Stride Clinic' })).toBeVisible();
  expect(fs.existsSync(path.join(app.dataDir, 'demo', 'clinic.sqlite'))).toBe(true);
});

test('a damaged records file is a clear error, never a fresh empty clinic', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await app.stop();
  const file = path.join(app.dataDir, 'clinic.sqlite');
  const bytes = fs.readFileSync(file);
  bytes.fill(0x41, 0, 4096); // overwrite the first page
  fs.writeFileSync(file, bytes);
  await app.restart();
  await openApp(page, app);
  await page.getByRole('radio', { name: 'Priya Shah' }).check();
  await page.getByLabel('Password for Priya Shah').fill('river bend morning run');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Stride Clinic could not open the records')).toBeVisible();
  await expect(page.getByText('Restore the most recent backup')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Stride Clinic' })).toHaveCount(0);
  expect(
    fs
      .readFileSync(file)
      .subarray(0, 4096)
      .every((b) => b === 0x41),
  ).toBe(true);
});
