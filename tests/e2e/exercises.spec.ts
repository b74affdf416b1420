/**
 * The exercise library and home exercise prescriptions, as a clinician uses them.
 * Set STRIDE_SCREENSHOTS to a folder to keep screenshots of the main screens for review.
 */
import type { Page } from '@playwright/test';
import path from 'node:path';
import { makePng } from '../helpers/images';
import { expect, openApp, test } from './fixtures';
import { openEpisode } from './pages/episodes';
import {
  addExercise,
  currentProgramme,
  draftItem,
  draftItems,
  goToExercises,
  homeExercises,
  libraryCards,
  openProgrammeEditor,
  saveProgramme,
  setDosage,
} from './pages/exercises';
import { addPatient, patientHeading } from './pages/patients';
import { setUpClinic } from './pages/setup';

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.STRIDE_SCREENSHOTS;
  if (!dir) return;
  // The workspace scrolls inside <main>: grow the window to its content for one full picture.
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => document.getElementById('main-content')?.scrollHeight ?? 0);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(size.height, height + 80), 6000) });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
  await page.setViewportSize(size);
}

async function patientWithEpisode(page: Page, givenName = 'Zoë', recordNumber = 'RR-0001'): Promise<void> {
  await addPatient(page, { givenName, familyName: 'Łukasiewicz-Ørsted', dateOfBirth: '14/03/1991', recordNumber });
  await expect(patientHeading(page)).toBeVisible();
  await openEpisode(page, { diagnosis: 'Hamstring strain', side: 'Right', onset: '02/11/2026' });
}

test('a clinician builds a six-exercise programme from the library, one with a custom dosage, and sees it on the patient page', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  await patientWithEpisode(page);
  await expect(homeExercises(page).getByText('No home exercises yet.')).toBeVisible();
  await openProgrammeEditor(page);

  await addExercise(page, 'Knee-to-wall ankle stretch', { search: 'knee to wall' });
  await addExercise(page, 'Half-kneeling hip flexor stretch', {
    region: 'Hip',
    type: 'Mobility',
    search: 'half kneeling',
  });
  await addExercise(page, 'Open book', { region: 'Mid back (thoracic spine)' });
  await addExercise(page, 'Staggered-stance deadlift', { type: 'Strength', search: 'deadlift' });
  await addExercise(page, 'Side plank on knees', { search: 'side plank' });
  await addExercise(page, 'Calf raise on both legs', { region: 'Calf and Achilles', type: 'Strength' });
  await expect(draftItems(page)).toHaveCount(6);

  // Reorder with the keyboard: the calf raise goes up one place, and focus stays on it.
  const up = draftItem(page, 'Calf raise on both legs').getByRole('button', {
    name: 'Move Calf raise on both legs up',
  });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: 'Moved Calf raise on both legs to position 5 of 6.' }),
  ).toBeAttached();

  await setDosage(page, 'Staggered-stance deadlift', { sets: '4', amount: '6' });
  await expect(draftItem(page, 'Staggered-stance deadlift')).toContainText('4 sets of 6, each side, 3 days a week');
  await draftItem(page, 'Staggered-stance deadlift')
    .getByLabel('Note for the patient: Staggered-stance deadlift')
    .fill('Short range only: stop before you feel a pull.');
  await shot(page, 'programme-editor-six');
  await saveProgramme(page, 1);

  await expect(currentProgramme(page)).toHaveCount(6);
  await expect(currentProgramme(page).nth(0)).toContainText('Knee-to-wall ankle stretch');
  await expect(currentProgramme(page).nth(4)).toContainText('Calf raise on both legs');
  const deadlift = currentProgramme(page).nth(3);
  await expect(deadlift).toContainText('Staggered-stance deadlift');
  await expect(deadlift).toContainText('4 sets of 6, each side, 3 days a week');
  await expect(deadlift).toContainText('Custom dosage');
  await expect(deadlift).toContainText('Note: Short range only: stop before you feel a pull.');
  // The drawing sits beside the name (decorative there: its description would repeat the name aloud).
  expect(await deadlift.locator('img').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  await shot(page, 'episode-home-exercises');

  // A second version: the first stays in the history as it was.
  await openProgrammeEditor(page);
  await setDosage(page, 'Staggered-stance deadlift', { sets: '3', amount: '10' });
  await saveProgramme(page, 2);
  await expect(currentProgramme(page).nth(3)).toContainText('3 sets of 10, each side, 3 days a week');
  await homeExercises(page).getByText('Earlier versions (1)').click();
  await homeExercises(page).getByRole('button', { name: 'View version 1' }).click();
  const v1 = homeExercises(page).getByRole('list', { name: 'Home exercises, version 1' }).getByRole('listitem');
  await expect(v1).toHaveCount(6);
  await expect(v1.nth(3)).toContainText('4 sets of 6, each side, 3 days a week');

  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Zoë Łukasiewicz-Ørsted' })
    .click();
  const line = page.getByRole('list', { name: 'Current home exercises' });
  await expect(page.getByText('Home exercises (6)')).toBeVisible();
  await expect(line.getByRole('listitem')).toHaveText([
    'Knee-to-wall ankle stretch',
    'Half-kneeling hip flexor stretch',
    'Open book',
    'Staggered-stance deadlift',
    'Calf raise on both legs',
    'Side plank on knees',
  ]);
  await shot(page, 'patient-page');
});

test('a clinician adds an exercise of the clinic’s own with an uploaded PNG; a file that is no picture is refused', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  await goToExercises(page);
  await expect(libraryCards(page)).toHaveCount(39);
  await shot(page, 'library');
  await page.getByRole('link', { name: 'New exercise' }).click();
  await expect(page.getByRole('heading', { name: 'New exercise', level: 1 })).toBeVisible();

  await page.getByLabel('Name').fill('Step-down from a low step');
  await page.getByLabel('Purpose').fill('Trains your knee to stay in line as you step down.');
  await page.getByRole('radio', { name: 'Strength' }).check();
  await page.getByRole('checkbox', { name: 'Knee' }).check();
  await page.getByLabel('Starting position').fill('Stand on a low step on one leg. Hold a rail.');
  await page.getByLabel('Steps').fill('Bend your knee slowly.\nTouch the floor with your other heel.\nPush back up.');
  await page.getByLabel('Cues', { exact: true }).fill('Keep your knee over your second toe.');
  await page.getByLabel('Common mistakes').fill('Letting the knee fall inward.');

  // Saving without a picture says what to add.
  await page.getByRole('button', { name: 'Save exercise' }).click();
  await expect(page.getByText('Add a picture: choose a PNG or JPEG file.')).toBeVisible();

  const file = page.getByLabel('Choose a PNG or JPEG file');
  await file.setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not a picture, just text'),
  });
  await expect(page.getByText('This file is not a PNG or JPEG image.', { exact: false })).toBeVisible();

  await file.setInputFiles({ name: 'step-down.png', mimeType: 'image/png', buffer: makePng(320, 240) });
  await expect(page.getByText('New picture: step-down.png, 320 × 240 pixels')).toBeVisible();
  await page.getByLabel('Picture description').fill('A person stands on a low step and lowers the other heel.');
  await shot(page, 'exercise-editor');
  await page.getByRole('button', { name: 'Save exercise' }).click();

  await expect(page.getByRole('heading', { name: 'Step-down from a low step', level: 1 })).toBeVisible();
  const picture = page.getByRole('img', { name: 'A person stands on a low step and lowers the other heel.' });
  await expect(picture).toBeVisible();
  expect(await picture.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  await expect(page.getByText('Version 1 · last changed')).toBeVisible();

  await goToExercises(page);
  await page.getByLabel('Source').selectOption({ label: 'Clinic’s own only' });
  await expect(libraryCards(page)).toHaveCount(1);
  await expect(libraryCards(page).first()).toContainText('Clinic’s own');
});

test('a built-in exercise is copied to edit, keeping its drawing, and a programme is saved as a template and applied', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  await goToExercises(page);
  await page.getByLabel('Find an exercise').fill('copenhagen short');
  await libraryCards(page)
    .getByRole('link', { name: /Copenhagen plank, short lever/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Copenhagen plank, short lever', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Harder variants' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Copenhagen plank, long lever/ })).toBeVisible();
  await shot(page, 'exercise-detail');
  await page.getByRole('link', { name: 'Copy to edit' }).click();
  await expect(page.getByText('Current picture: the drawing')).toBeVisible();
  await page.getByLabel('Name').fill('Copenhagen plank, our short lever');
  await page.getByRole('button', { name: 'Save exercise' }).click();
  await expect(page.getByRole('heading', { name: 'Copenhagen plank, our short lever', level: 1 })).toBeVisible();
  await expect(page.getByText('Clinic’s own exercise')).toBeVisible();
  expect(await page.locator('.exercise-detail__picture img').getAttribute('src')).toMatch(
    /^data:image\/svg\+xml;base64,/,
  );

  await patientWithEpisode(page);
  await openProgrammeEditor(page);
  await addExercise(page, 'Copenhagen plank, our short lever', { search: 'our short' });
  await addExercise(page, 'Single-leg deadlift', { search: 'single leg deadlift' });
  await page.getByRole('button', { name: 'Save as template' }).click();
  await page.getByLabel('Template name').fill('Hamstring strain: early');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Saved the template “Hamstring strain: early”.')).toBeVisible();
  await saveProgramme(page, 1);

  await patientWithEpisode(page, 'Ana', 'RR-0002');
  await openProgrammeEditor(page);
  await page.getByLabel('Start from a template').selectOption({ label: 'Hamstring strain: early (2 exercises)' });
  await page.getByRole('button', { name: 'Apply template' }).click();
  await expect(draftItems(page)).toHaveCount(2);
  await saveProgramme(page, 1);
  await expect(currentProgramme(page).nth(0)).toContainText('Copenhagen plank, our short lever');
});
