/**
 * Screenshots of the running-programme screens for review by eye (`npm run look`, after
 * `npm run build`): the rule sets side by side on the first-start screen and in Settings, a
 * programme's warm-up in the library and on the check-in form, and the outcome chart's change
 * since the first score. Written to tests/look/out/programmes/ (or LOOK_OUT).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { launchChromium, ROOT, startPreview } from './preview';
import { localIsoDate } from '../../main/util/clock';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { CLINIC_SETUP, patientInput } from '../helpers/backend';
import type { Call } from '../helpers/timeline';
import { seedEpisodeHistory } from '../helpers/timeline';
import { CLEAN_ANSWERS } from '../helpers/reports';

const OUT = process.env.LOOK_OUT ?? path.join(ROOT, 'tests', 'look', 'out', 'programmes');
let stop: () => void = () => {};
let url = '';

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  ({ url, stop } = await startPreview());
});

afterAll(() => stop());

it('captures the rule sets side by side, the warm-up and the outcome change', async () => {
  const origin = new URL(url).origin;
  const token = url.split('#token=')[1] ?? '';
  const call: Call = async <C extends Channel>(channel: C, request: RequestOf<C>) => {
    const res = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'X-Stride-Token': token, 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify(request),
    });
    const body = (await res.json()) as Result<ResponseOf<C>>;
    if (!body.ok) throw new Error(`${channel}: ${body.error.message}`);
    return body.value;
  };
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(url);
  await page.locator('body[data-app-ready]').waitFor();
  const comparison = page.getByTestId('rule-set-comparison');
  await comparison.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, '01-first-start-rule-sets.png') });

  const today = localIsoDate(new Date());
  await call('app.setup', CLINIC_SETUP);
  const patient = await call('patients.create', patientInput());
  const earlier = await seedEpisodeHistory(call, patient.id, today, []);
  const e = await call('episodes.get', { id: earlier.episodeId });
  await call('episodes.close', { id: e.id, expectedVersion: e.version, closed: true });
  const clean = CLEAN_ANSWERS;
  const main = await seedEpisodeHistory(call, patient.id, today, [
    { daysAgo: 6, answers: { ...clean, painDuring: 1, painAfter: 0 } },
    { daysAgo: 3, answers: { ...clean, painDuring: 0, painAfter: 0 } },
  ]);

  await page.reload();
  await page.locator('body[data-app-ready]').waitFor();
  await page.getByRole('heading', { name: 'Patients', exact: true }).waitFor();
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await page.getByTestId('rule-set-comparison').waitFor();
  await page.getByTestId('rule-set-comparison').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(OUT, '02-settings-rule-sets.png') });
  await page
    .getByText(/^Warm-up \(/)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join(OUT, '03-settings-programme-warm-up.png') });
  // The programme editor's warm-up fields, on a copy of the hamstring template.
  const hamstring = page.getByRole('listitem').filter({ hasText: 'Hamstring strain: running by speed' });
  await hamstring.getByRole('button', { name: 'Duplicate' }).click();
  await page.getByLabel('Name of the copy').fill('Clinic hamstring');
  await page
    .getByRole('form', { name: /Name the copy/ })
    .getByRole('button')
    .first()
    .click();
  const warmUpField = page.getByLabel(/^Warm-up before every run/);
  await warmUpField.waitFor();
  await warmUpField.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join(OUT, '06-programme-editor-warm-up.png') });

  await page.evaluate(
    ([p, ep]) => {
      window.location.hash = `#/patients/${p}/episodes/${ep}`;
    },
    [patient.id, main.episodeId],
  );
  const history = page.getByRole('region', { name: 'History: charts and timeline' });
  await history.getByRole('heading', { name: 'LEFS (lower extremity function)' }).waitFor();
  await history
    .getByRole('heading', { name: 'LEFS (lower extremity function)' })
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(OUT, '04-outcome-change.png') });
  await page.getByRole('button', { name: 'New check-in' }).click();
  const warmUp = page.getByTestId('programme-warm-up');
  await warmUp.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join(OUT, '05-check-in-warm-up.png') });
  await browser.close();
});
