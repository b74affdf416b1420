/**
 * Screenshots of an episode's history (charts and timeline) at 1280 x 800, for review by eye
 * (`npm run look`, after `npm run build`): a six-week course with soreness of several kinds, a
 * step-back, rest days, an override, and an earlier episode's LEFS for the meaningful-change band.
 * Written to tests/look/out/history/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { launchChromium, ROOT, startPreview } from './preview';
import { localIsoDate } from '../../main/util/clock';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { CLINIC_SETUP, patientInput } from '../helpers/backend';
import type { Call, SeededRun } from '../helpers/timeline';
import { seedEpisodeHistory } from '../helpers/timeline';

const OUT = path.join(ROOT, 'tests', 'look', 'out', 'history');
let stop: () => void = () => {};
let url = '';

const clean = {
  warmUp: 'none',
  cameBackDuringRun: null,
  nextDay: 'none',
  completed: 'as_written',
  painStartedInRun: false,
  limp: false,
  swelling: false,
} as const;
const COURSE: SeededRun[] = [
  { daysAgo: 40, answers: { ...clean, painDuring: 2, painAfter: 1 } },
  { daysAgo: 37, answers: { ...clean, painDuring: 1, painAfter: 1 } },
  { daysAgo: 34, answers: { ...clean, nextDay: 'muscular', painDuring: 2, painAfter: 2 } },
  { daysAgo: 31, answers: { ...clean, warmUp: 'went_away', cameBackDuringRun: false, painDuring: 3, painAfter: 2 } },
  { daysAgo: 28, answers: { ...clean, warmUp: 'went_away', cameBackDuringRun: true, painDuring: 5, painAfter: 4 } },
  { daysAgo: 24, answers: { ...clean, painDuring: 2, painAfter: 1 } },
  { daysAgo: 21, answers: { ...clean, nextDay: 'not_muscular', painDuring: 3, painAfter: 3 }, override: true },
  { daysAgo: 18, answers: { ...clean, painDuring: 1, painAfter: 0 } },
  { daysAgo: 15, answers: { ...clean, painDuring: 1, painAfter: 1 } },
  { daysAgo: 12, answers: { ...clean, warmUp: 'continued', painDuring: 4, painAfter: 5 } },
  { daysAgo: 8, answers: { ...clean, painDuring: 2, painAfter: 1 } },
  { daysAgo: 5, answers: { ...clean, painDuring: 1, painAfter: 0 } },
  { daysAgo: 2, answers: { ...clean, painDuring: 0, painAfter: 0 } },
];

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  ({ url, stop } = await startPreview());
});

afterAll(() => stop());

it('captures the episode history', async () => {
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
  const today = localIsoDate(new Date());
  await call('app.setup', CLINIC_SETUP);
  const patient = await call('patients.create', patientInput());
  // An earlier episode, discharged, whose intake LEFS starts the chart's meaningful-change band.
  const earlier = await seedEpisodeHistory(call, patient.id, today, []);
  const e = await call('episodes.get', { id: earlier.episodeId });
  await call('episodes.close', { id: e.id, expectedVersion: e.version, closed: true });
  const main = await seedEpisodeHistory(call, patient.id, today, COURSE);

  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.locator('body[data-app-ready]').waitFor();
  await page.evaluate(
    ([p, ep]) => {
      window.location.hash = `#/patients/${p}/episodes/${ep}`;
    },
    [patient.id, main.episodeId],
  );
  const history = page.getByRole('region', { name: 'History: charts and timeline' });
  await history.getByRole('heading', { name: 'Running level' }).waitFor();
  // The page scrolls inside its frame, so each part is brought to the top and the window shot.
  const shotAt = async (name: string, heading: string | RegExp) => {
    await history
      .getByRole('heading', { name: heading, exact: typeof heading === 'string' })
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  };
  await shotAt('01-pain-and-level', 'History: charts and timeline');
  await shotAt('02-level', 'Running level');
  await shotAt('03-outcomes', 'LEFS (lower extremity function)');
  await shotAt('04-timeline', /^Timeline/);
  for (const summary of await history.getByText('Show values as a table').all()) await summary.click();
  await shotAt('05-pain-table', 'Pain and soreness after each run');
  // The patient page, where each episode has its "Timeline and charts" link.
  await page.evaluate((p) => {
    window.location.hash = `#/patients/${p}`;
  }, patient.id);
  await page.getByRole('link', { name: 'Timeline and charts' }).first().waitFor();
  await page.screenshot({ path: path.join(OUT, '07-patient-page.png') });
  // The earlier episode: an intake and nothing else, so the charts say so in words.
  await page.evaluate(
    ([p, ep]) => {
      window.location.hash = `#/patients/${p}/episodes/${ep}`;
    },
    [patient.id, earlier.episodeId],
  );
  await history.getByText('No check-ins yet', { exact: false }).waitFor();
  await shotAt('06-empty-episode', 'History: charts and timeline');
  await browser.close();
});
