/**
 * Screenshots of the app's main screens, for review by eye (`npm run look`, after `npm run build`):
 * first start, recovery key, sign-in, patient list, patient and episode pages, settings, lock; and
 * the readiness result of four intakes. Written to tests/look/out/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import type { IntakeDraft } from '../../shared/clinical/intake/intake';
import { achillesDraft, aclReadyDraft, hamstringDraft, navicularDraft } from '../e2e/pages/intake-drafts';
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
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await shot('08-sign-in');
  await browser.close();
});

/**
 * The readiness result of four intakes (bone stress at the navicular 6 weeks in, ACL reconstruction
 * at 14 weeks, Achilles tendinopathy, hamstring strain), with the checks for the diagnosis and the
 * knee tests where they apply. On its own preview server; written to LOOK_OUT, or
 * tests/look/out/screens/intakes/.
 */
it('captures the readiness of four intakes', async () => {
  const out = process.env.LOOK_OUT ?? path.join(OUT, 'intakes');
  fs.mkdirSync(out, { recursive: true });
  const preview = await startPreview();
  const browser = await launchChromium();
  try {
    // The page scrolls inside the workspace, not the window: a tall window shows whole sections.
    const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
    await page.goto(preview.url);
    await page.locator('body[data-app-ready]').waitFor();
    await page.getByLabel('Clinic name').fill('Riverside Running Clinic');
    await page.getByLabel('Clinic phone').fill('+44 113 496 0000');
    await page.getByLabel('Your name').fill('Priya Shah');
    await page.getByLabel(/^Password( \(required\))?$/).fill(PASSWORD);
    await page.getByLabel('Type the password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await page.getByLabel('I have printed or written down the recovery key').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Patients', exact: true }).waitFor();

    const origin = new URL(preview.url).origin;
    const token = preview.url.split('#token=')[1] ?? '';
    const api = async (channel: string, body: unknown): Promise<{ id: number; version: number }> => {
      const res = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'X-Stride-Token': token, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { ok: boolean; value: { id: number; version: number }; error?: unknown };
      if (!json.ok) throw new Error(`${channel}: ${JSON.stringify(json.error)}`);
      return json.value;
    };
    const navicular = navicularDraft();
    navicular.diagnosisChecks = {
      boneStress: {
        healingClearance: 'not_yet',
        walkPhaseWeeks: 1,
        siteTender: false,
        hopOnSpotPainFree: true,
        redS: {
          missed_periods: 'no',
          late_first_period: 'no',
          low_weight_or_loss: 'no',
          restrictive_eating: 'yes',
          previous_bone_stress: 'no',
          low_bone_density: 'no',
        },
      },
    };
    const hamstring = hamstringDraft();
    hamstring.diagnosisChecks = {
      hamstring: { walkingStridePainFree: true, isometricFlexionPainFree: true, slowJogPainFree: false },
    };
    const intakes: [string, IntakeDraft, string[]][] = [
      ['bone-stress-navicular-6-weeks', navicular, ['#intake-checks']],
      ['acl-14-weeks', aclReadyDraft(14), ['#intake-tests']],
      ['achilles-tendinopathy', achillesDraft(), []],
      ['hamstring-strain', hamstring, ['#intake-checks']],
    ];
    let n = 0;
    for (const [name, draft, sections] of intakes) {
      n += 1;
      const patient = await api('patients.create', {
        givenName: 'Sam',
        familyName: `Okafor ${n}`,
        dateOfBirth: '1990-05-14',
        sex: 'female',
        phone: '',
        email: '',
        recordNumber: `RR-01${n}`,
        notes: '',
      });
      const e = draft.episode!;
      const episode = await api('episodes.create', {
        patientId: patient.id,
        diagnosis: e.diagnosis,
        diagnosisDetail: '',
        side: e.side,
        region: e.region,
        onsetDate: e.onsetDate,
      });
      const started = await api('intake.start', { episodeId: episode.id });
      await api('intake.saveDraft', {
        episodeId: episode.id,
        expectedVersion: started.version,
        draft,
        typed: { subjective: '', objective: '', assessment: '', plan: '' },
      });
      await page.goto(`${origin}/#/patients/${patient.id}/episodes/${episode.id}/intake`);
      await page.locator('#intake-readiness').waitFor();
      await page.locator('#intake-readiness').screenshot({ path: path.join(out, `${name}-readiness.png`) });
      for (const section of sections) {
        await page.locator(section).screenshot({ path: path.join(out, `${name}-${section.slice(8)}.png`) });
      }
    }
  } finally {
    await browser.close();
    preview.stop();
  }
});
