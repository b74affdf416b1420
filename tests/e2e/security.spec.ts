/** Protecting patient data: sign-in, lock and unlock, as a clinician goes through them. */
import { expect, openApp, test } from './fixtures';
import { addPatient, goToPatients, patientHeading, patientList } from './pages/patients';
import { CLINIC, lock, setUpClinic, signIn, unlock } from './pages/setup';

test('first start, sign in, add a patient, lock: the list is hidden; unlock: it is still there', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const recoveryKey = await setUpClinic(page);
  expect(recoveryKey).toMatch(/^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page);
  await addPatient(page, {
    givenName: 'Nguyễn',
    familyName: 'Văn An',
    dateOfBirth: '02/09/1986',
    recordNumber: 'RR-0002',
  });
  await expect(patientHeading(page)).toHaveText('Nguyễn Văn An');
  await goToPatients(page);
  await expect(patientList(page)).toBeVisible();

  await lock(page);
  await expect(patientList(page)).toBeHidden();
  await expect(page.getByText('Văn An')).toBeHidden();

  await unlock(page, 'not my password');
  await expect(page.getByText('Wrong password. Check Caps Lock and try again.')).toBeVisible();
  await expect(patientList(page)).toBeHidden();

  await unlock(page);
  await expect(patientList(page)).toBeVisible();
  await expect(patientList(page).getByRole('option')).toContainText(['Văn An, Nguyễn']);
});

test('a wrong password is refused at sign-in', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('radio', { name: CLINIC.clinician }).check();
  await page.getByLabel(`Password for ${CLINIC.clinician}`).fill('river bend evening walk');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong password. Check Caps Lock and try again.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toHaveCount(0);
});

test('locking keeps what the clinician was typing', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await page.getByRole('link', { name: 'New patient' }).click();
  await page.getByLabel('Given name').fill('Half-typed');
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await unlock(page);
  await expect(page.getByLabel('Given name')).toHaveValue('Half-typed');
});

test('a forgotten password is replaced with the recovery key', async ({ page, app }) => {
  await openApp(page, app);
  const recoveryKey = await setUpClinic(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Forgot your password? Use the recovery key' }).click();
  await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey);
  await page.getByRole('radio', { name: CLINIC.clinician }).check();
  await page.getByLabel(/^New password( \(required\))?$/).fill('a fresh start on the track');
  await page.getByLabel('Type the new password again').fill('a fresh start on the track');
  await page.getByRole('button', { name: 'Set the new password and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, CLINIC.clinician, 'a fresh start on the track');
});
