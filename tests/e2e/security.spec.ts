/** Protecting patient data: sign-in, lock and unlock, as a clinician goes through them. */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { intakeField, openSeededIntake } from './pages/intake';
import { hamstringDraft } from './pages/intake-drafts';
import { findInPage } from './pages/memory';
import { addPatient, goToPatients, patientHeading, patientList } from './pages/patients';
import { CLINIC, lock, setUpClinic, signIn, unlock } from './pages/setup';

/** A patient no other string in the app could be mistaken for. */
const OTTOLINE = {
  givenName: 'Ottoline',
  familyName: 'Quarrington-Vesey',
  dateOfBirth: '17/05/1979',
  recordNumber: 'QV-58213',
  phone: '07700 900461',
  notes: 'Runs the heronry towpath loop before dawn',
};
const TRACES = ['Quarrington', 'heronry towpath', '900461', 'QV-58213'];

/** Sets the clinic up and opens Ottoline's page, checking her traces are there to be found. */
async function onOttolinesPage(page: Page): Promise<void> {
  await setUpClinic(page);
  await addPatient(page, OTTOLINE);
  await expect(patientHeading(page)).toHaveText('Ottoline Quarrington-Vesey');
  await expect(page.getByText(OTTOLINE.notes)).toBeVisible();
  // The search finds what is there before the lock: every trace, in the DOM and in React's state.
  const before = await findInPage(page, TRACES);
  for (const trace of TRACES) {
    expect(before).toContain(`${trace} in the DOM`);
    expect(before.some((hit) => hit.startsWith(`${trace} in #root`))).toBe(true);
  }
}

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

test('locking on a patient’s page leaves none of their name, notes or numbers in the page; unlocking brings the page back with fresh data', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await onOttolinesPage(page);
  const patientUrl = page.url();

  await lock(page);
  expect(await findInPage(page, TRACES)).toEqual([]);

  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/patients.get')) fetched.push(r.url());
  });
  await unlock(page);
  await expect(patientHeading(page)).toHaveText('Ottoline Quarrington-Vesey');
  await expect(page.getByText(OTTOLINE.notes)).toBeVisible();
  expect(page.url()).toBe(patientUrl);
  expect(fetched.length, 'the patient is loaded again after unlocking').toBeGreaterThan(0);
});

test('after the clinic’s idle time the page locks itself and forgets the patient', async ({ page, app }) => {
  await page.clock.install();
  await openApp(page, app);
  await onOttolinesPage(page);
  // The clinic locks after 5 minutes without activity (the first-start default).
  await page.clock.fastForward('05:30');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  expect(await findInPage(page, TRACES)).toEqual([]);
  await unlock(page);
  await expect(patientHeading(page)).toHaveText('Ottoline Quarrington-Vesey');
});

test('locking drops a form that was not saved, says so, and keeps nothing of it', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await page.getByRole('link', { name: 'New patient' }).click();
  await page.getByLabel('Given name').fill('Half-typed');
  await page.getByLabel('Notes').fill('Mentioned the ferry crossing injury');
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(
    'Not kept, because it was not saved yet: the new patient form. After unlocking, type it again and save.',
  );
  expect(await findInPage(page, ['Half-typed', 'ferry crossing'])).toEqual([]);
  await unlock(page);
  await expect(page.getByRole('heading', { name: 'New patient' })).toBeVisible();
  await expect(page.getByLabel('Given name')).toHaveValue('');
});

test('locking saves the intake being typed into the encrypted records, says so, and shows it again after unlocking', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  await openSeededIntake(page, app, hamstringDraft(), 'RR-0440');
  // Locked at once, before the autosave's pause: the lock saves it.
  await intakeField(page, 'How it happened').fill('Slipped on the wet lock gates');
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Saved before locking: the intake.');
  expect(await findInPage(page, ['wet lock gates'])).toEqual([]);
  await unlock(page);
  await expect(intakeField(page, 'How it happened')).toHaveValue('Slipped on the wet lock gates');
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
