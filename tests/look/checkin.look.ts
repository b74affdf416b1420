/**
 * Screenshots of the check-in form for review by eye (`npx vitest run --config vitest.look.config.ts
 * tests/look/checkin.look.ts`, after `npm run build`): the empty form with its list of questions
 * still to answer, a clean run, "not known" swelling held, mid-run pain with a limp (rule 7 and
 * a call), and the rule-set editor. Written to tests/look/out/checkin/ (or LOOK_OUT).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, it } from 'vitest';
import { launchChromium, ROOT, startPreview } from './preview';

const OUT = process.env.LOOK_OUT ?? path.join(ROOT, 'tests', 'look', 'out', 'checkin');
const PASSWORD = 'river bend morning run';
let stop: () => void = () => {};
let url = '';

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  ({ url, stop } = await startPreview());
});

afterAll(() => stop());

async function choose(page: Page, legend: string, label: string) {
  const group = page.getByRole('group', { name: legend, exact: true });
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await group.getByRole('radio', { name: new RegExp(`^${escaped}(\\s|$)`) }).check();
}

async function answer(page: Page, answers: [string, string][]) {
  for (const [legend, label] of answers) await choose(page, legend, label);
}

const CLEAN: [string, string][] = [
  ['Soreness in the warm-up', 'No soreness'],
  ['Pain that started during the run', 'No'],
  ['Pain during the run (0-10)', '1'],
  ['Pain after the run (0-10)', '0'],
  ['Soreness the day after, and where', 'General muscle soreness, away from the injury'],
  ['Swelling', 'No'],
  ['Limp or changed stride', 'No'],
  ['Session completed as written', 'Completed as written'],
];

it('captures the check-in form', async () => {
  const browser = await launchChromium();
  // The page scrolls inside the workspace, not the window: a tall window shows the whole form.
  const page = await browser.newPage({ viewport: { width: 1280, height: 1900 } });
  const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });
  await page.goto(url);
  await page.locator('body[data-app-ready]').waitFor();
  await page.getByLabel('Clinic name').fill('Riverside Running Clinic');
  await page.getByLabel('Clinic phone').fill('+44 113 496 0000');
  await page.getByLabel('Your name').fill('Priya Shah');
  await page.getByLabel(/^Password( \(required\))?$/).fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create the clinic' }).click();
  await page.getByLabel('I have printed or written down the recovery key').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: 'New patient' }).click();
  await page.getByLabel('Given name').fill('Zoë');
  await page.getByLabel('Family name').fill('Łukasiewicz-Ørsted');
  await page.getByLabel('Date of birth').fill('14/03/1991');
  await page.getByLabel('Record number').fill('RR-0001');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await page.getByRole('button', { name: 'New episode' }).click();
  await page
    .getByLabel(/^Diagnosis/)
    .first()
    .selectOption({ label: 'Hamstring strain' });
  await page.getByRole('radio', { name: 'Right', exact: true }).check();
  await page.getByRole('button', { name: 'Open episode' }).click();
  await page.locator('#episode-title').waitFor();
  await page.getByRole('button', { name: 'Give a running programme' }).click();
  const give = page.getByRole('form', { name: 'Give a running programme' });
  await give.getByLabel('Programme').selectOption({ label: 'Walk, then walk/run by time (5 weeks)' });
  await give
    .getByLabel('Starting level')
    .selectOption({ label: 'Level 5: 3 x (2 min walk, 3 min run), easy pace, level ground (Week 1)' });
  await give.getByRole('button', { name: 'Start this programme' }).click();

  const form = page.getByRole('form', { name: 'New check-in' });
  const decision = page.getByRole('region', { name: 'Decision' });
  await page.getByRole('button', { name: 'New check-in' }).click();
  await form.waitFor();
  await shot('01-empty');
  await form.getByRole('button', { name: 'Yesterday', exact: true }).click();
  await answer(page, [CLEAN[0]!, CLEAN[4]!]);
  await shot('02-only-soreness-answers');
  await answer(page, CLEAN);
  await decision.getByText('Rule 5', { exact: true }).waitFor();
  await shot('03-clean');
  await answer(page, [['Swelling', 'Not known']]);
  await decision.getByText('Not known: swelling').waitFor();
  await shot('04-swelling-not-known');
  await answer(page, [
    ['Swelling', 'No'],
    ['Pain that started during the run', 'Yes'],
    ['Pain during the run (0-10)', '5'],
    ['Soreness the day after, and where', 'Soreness at the injury site'],
    ['Limp or changed stride', 'Yes'],
    ['Session completed as written', 'Stopped early'],
  ]);
  await decision.getByText('Rule 7', { exact: true }).waitFor();
  await shot('05-limp-rule-7');
  // At a laptop's height, the decision stays in view beside the last questions.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('group', { name: 'Swelling' }).scrollIntoViewIfNeeded();
  await shot('05b-limp-rule-7-laptop-middle');
  await page.getByLabel('Notes (optional)').scrollIntoViewIfNeeded();
  await shot('05c-limp-rule-7-laptop-end');
  await page.setViewportSize({ width: 1280, height: 1900 });
  await answer(page, [['Soreness in the warm-up', 'Soreness that went away']]);
  await shot('06-came-back-asked');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const rules = page.getByRole('region', { name: 'Soreness rules', exact: true });
  await rules.getByRole('button', { name: 'Copy to tune Soreness rules (clinic article)' }).click();
  await rules.getByLabel('Name of the copy').fill('Riverside soreness rules');
  await rules.getByRole('button', { name: 'Make the copy' }).click();
  await page.getByRole('form', { name: 'Edit the rule set Riverside soreness rules' }).waitFor();
  await shot('07-rule-set-editor');
  await browser.close();
});
