/**
 * The handout as a patient sees it: the fixture handouts rendered to PDF, then every page to PNG
 * with pdftoppm (poppler-utils) at 80 dpi, into tests/look/out/handout/. Open each page and read
 * it as the patient would before calling a layout change done: big clear headings, short
 * sentences, tables that fit, pictures about 4 cm wide, no exercise or table row cut by a page
 * break, nothing that needs colour to be understood.
 *
 * Then the app's side (from the built preview server, so run `npm run build` first): the episode
 * page after "Print handout", with the preview and the history, and the patient page's line.
 *
 * Variants: the full fixture (eight exercises) on A4 and on Letter, a handout after surgery with
 * no exercises, an exercise-only handout in miles, the plainest handout (no programme, no
 * exercises) the app can issue today, and the four patients of the reading-level test (bone
 * stress walking first; ACL at 14 weeks on the Delaware rules; Achilles, exercises only; a long
 * name with 13 exercises in miles on Letter for a US clinic).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHandout } from '../../main/pdf/render-handout';
import { MILITARY_RETURN_TO_RUN } from '../../shared/clinical/programme-templates';
import type { HandoutData } from '../../shared/handout/handout-data';
import { plannedRunDates } from '../../shared/handout/plan';
import { eightExerciseHandout, fixtureHandout, READING_FIXTURES } from '../helpers/handout';
import { launchChromium, startPreview } from './preview';

const OUT = path.join(import.meta.dirname, 'out', 'handout');

async function look(name: string, data: HandoutData): Promise<string[]> {
  fs.mkdirSync(OUT, { recursive: true });
  for (const old of fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) || f === `${name}.pdf`)) {
    fs.rmSync(path.join(OUT, old));
  }
  const pdf = await renderHandout(data);
  const file = path.join(OUT, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(OUT, name)]);
  return fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

describe('handout pages for review', () => {
  it('renders the eight-exercise fixture on A4', async () => {
    const pages = await look('a4-eight-exercises', eightExerciseHandout());
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it('renders the six-exercise fixture on Letter, week starting Sunday, in miles', async () => {
    const pages = await look(
      'letter-six-exercises',
      fixtureHandout({ paperSize: 'Letter', weekStartsOn: 'sunday', units: 'mi' }),
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it('renders a handout after surgery, distance levels, no exercises', async () => {
    const programme = MILITARY_RETURN_TO_RUN;
    const current = programme.levels[1]!;
    const pages = await look(
      'after-surgery-no-exercises',
      fixtureHandout({
        patient: { givenName: 'Nguyễn Văn', familyName: 'An' },
        afterSurgery: true,
        exercises: [],
        units: 'mi',
        running: {
          programmeName: programme.name,
          programmeSource: programme.source,
          levelCount: programme.levels.length,
          currentLevel: current,
          nextLevels: programme.levels.slice(2, 5),
          nextRunDate: '2026-11-29',
          plannedRunDates: plannedRunDates('2026-11-29', current, '2026-12-18'),
        },
        nextVisit: '2026-12-18',
      }),
    );
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('renders an exercise-only handout with no next visit', async () => {
    const pages = await look('exercises-only', fixtureHandout({ running: null, nextVisit: null }));
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('renders the plainest handout: no programme, no exercises', async () => {
    const pages = await look(
      'plain',
      fixtureHandout({
        running: null,
        exercises: [],
        nextVisit: null,
        clinic: { name: 'Riverside Running Clinic', phone: '', address: '', email: '', emergencyNumber: '999' },
      }),
    );
    expect(pages.length).toBe(1);
  });

  for (const [i, fixture] of READING_FIXTURES.entries()) {
    it(`renders the reading-level patient: ${fixture.name}`, async () => {
      const pages = await look(`patient-${i + 1}`, fixture.data());
      expect(pages.length).toBeGreaterThanOrEqual(2);
    });
  }
});

describe('the handout in the app', () => {
  it('captures the episode page with the preview and the history, and the patient page', async () => {
    const { url, stop } = await startPreview();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
      await page.goto(url);
      await page.locator('body[data-app-ready]').waitFor();
      await page.getByLabel('Clinic name').fill('Riverside Running Clinic');
      await page.getByLabel('Clinic phone').fill('+44 113 496 0000');
      await page.getByLabel('Your name').fill('Priya Shah');
      await page.getByLabel(/^Password( \(required\))?$/).fill('river bend morning run');
      await page.getByLabel('Type the password again').fill('river bend morning run');
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
        .selectOption({ label: 'ACL reconstruction' });
      await page.getByRole('radio', { name: 'Right', exact: true }).check();
      await page.getByRole('button', { name: 'Open episode' }).click();
      await page.getByRole('button', { name: 'Print handout' }).waitFor();
      await shot('app-1-episode-before');
      await page.getByRole('button', { name: 'Print handout' }).click();
      await page.getByRole('heading', { name: 'Handout ready' }).waitFor();
      await shot('app-2-episode-preview');
      await page.getByRole('button', { name: /^Reprint the handout of / }).click();
      await page.getByRole('heading', { name: 'Reprint of the handout' }).waitFor();
      await page.getByRole('button', { name: 'Close preview' }).click();
      await shot('app-3-episode-history');
      await page
        .getByRole('navigation', { name: 'Breadcrumb' })
        .getByRole('link', { name: 'Zoë Łukasiewicz-Ørsted' })
        .click();
      await page.getByText(/^Handout given /).waitFor();
      await shot('app-4-patient-page');
      expect(fs.existsSync(path.join(OUT, 'app-4-patient-page.png'))).toBe(true);
    } finally {
      await browser.close();
      stop();
    }
  });
});
