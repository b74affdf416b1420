/**
 * Screenshots of the app's main screens, for review by eye (`npm run look`, after `npm run build`):
 * first start, recovery key, sign-in, patient list, patient and episode pages, settings, lock.
 * Written to tests/look/out/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { launchChromium, ROOT, startPreview } from './preview';

const OUT = path.join(ROOT, 'tests', 'look', 'out', 'screens');
const PASSWORD = 'river bend morning run';
let stop: () => void = () => {};
let url = '';

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  ({ url, stop } = await startPreview());
});

afterAll(() => stop());

it('captures the main screens', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  await page.goto(url);
  await page.locator('body[data-app-ready]').waitFor();
  await shot('01-first-start');
  await page.getByLabel('Clinic name').fill('Riverside Running Clinic');
  await page.getByLabel('Clinic phone').fill('+44 113 496 0000');
  await page.getByLabel('Your name').fill('Priya Shah');
  await page.getByLabel(/^Password( \(required\))?$/).fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create the clinic' }).click();
  await page.getByRole('heading', { name: 'Your recovery key' }).waitFor();
  await shot('02-recovery-key');
  await page.getByLabel('I have printed or written down the recovery key').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Patients', exact: true }).waitFor();
  await shot('03-empty-list');
  await page.getByRole('link', { name: 'New patient' }).click();
  await page.getByLabel('Given name').fill('Zoë');
  await page.getByLabel('Family name').fill('Łukasiewicz-Ørsted');
  await page.getByLabel('Date of birth').fill('14/03/1991');
  await page.getByLabel('Record number').fill('RR-0001');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await page.locator('#patient-name').waitFor();
  await page.getByRole('button', { name: 'New episode' }).click();
  await page
    .getByLabel(/^Diagnosis/)
    .first()
    .selectOption({ label: 'Hamstring strain' });
  await page.getByRole('radio', { name: 'Right', exact: true }).check();
  await shot('04-patient-new-episode');
  await page.getByRole('button', { name: 'Open episode' }).click();
  await page.locator('#episode-title').waitFor();
  await shot('05-episode');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await shot('06-settings');
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { name: 'Locked' }).waitFor();
  await shot('07-locked');
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign in as someone else' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await shot('08-sign-in');
  await browser.close();
});
