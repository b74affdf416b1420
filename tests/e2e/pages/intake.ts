/**
 * The intake as a clinician works it: with the keyboard only. `tabTo` presses Tab until the focus
 * reaches a field, and fails if the field is not within reach going forward: the tab order must
 * follow the page. `api` seeds records through the preview server's own API, for tests that need
 * a finished intake without typing one.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { PreviewApp } from '../fixtures';

/** Presses Tab until the focus is on (or inside) `target`; returns how many presses it took. */
export async function tabTo(page: Page, target: Locator, maxPresses = 30): Promise<number> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: the target is not on the page');
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press('Tab');
    const reached = await handle.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
    if (reached) return presses;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? 'nothing');
  throw new Error(`Tab did not reach the field within ${maxPresses} presses going forward; focus is on ${focused}`);
}

/** Tabs to a text field, replaces what it holds and types `text`. */
export async function typeInto(page: Page, target: Locator, text: string, maxPresses?: number): Promise<void> {
  await tabTo(page, target, maxPresses);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

export function intakeField(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

export function radioGroup(page: Page, name: string): Locator {
  return page.getByRole('group', { name, exact: true });
}

export function quickRows(
  page: Page,
  list: 'red-flags' | 'lefs' | 'red-s' | 'postnatal-load' | 'postnatal-strength',
): Locator {
  return page.locator(`[data-quick-row="${list}"]`);
}

export function intakeSection(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title });
}

export function saveState(page: Page): Locator {
  return page.locator('.intake-header .save-state');
}

/** Goes from the episode page to its intake, with the keyboard. */
export async function startIntakeByKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'Start the intake' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Intake:');
}

/** One call to the backend through the preview server, as the page makes them. */
export async function api<C extends Channel>(
  page: Page,
  app: PreviewApp,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const res = await page.request.post(`${app.origin}/api/${channel}`, {
    headers: { 'X-Stride-Token': app.token, 'Content-Type': 'application/json' },
    data: request,
  });
  const body = (await res.json()) as Result<ResponseOf<C>>;
  if (!body.ok) throw new Error(`${channel} failed: ${body.error.code} ${body.error.message}`);
  return body.value;
}

/**
 * A patient with one episode and a saved draft intake, through the API; opens the intake page.
 * For tests about one part of the form, so they do not type a whole intake first.
 */
export async function openSeededIntake(
  page: Page,
  app: PreviewApp,
  draft: IntakeDraft,
  recordNumber: string,
): Promise<void> {
  const patient = await api(page, app, 'patients.create', {
    givenName: 'Sam',
    familyName: 'Okafor',
    dateOfBirth: '1990-05-14',
    sex: 'female',
    phone: '',
    email: '',
    recordNumber,
    notes: '',
  });
  const e = draft.episode!;
  const episode = await api(page, app, 'episodes.create', {
    patientId: patient.id,
    diagnosis: e.diagnosis!,
    diagnosisDetail: e.diagnosisDetail ?? '',
    side: e.side!,
    ...(e.region ? { region: e.region } : {}),
    onsetDate: e.onsetDate ?? null,
  });
  const started = await api(page, app, 'intake.start', { episodeId: episode.id });
  await api(page, app, 'intake.saveDraft', {
    episodeId: episode.id,
    expectedVersion: started.version,
    draft,
    typed: { subjective: '', objective: '', assessment: '', plan: '' },
  });
  await page.goto(`${app.origin}/#/patients/${patient.id}/episodes/${episode.id}/intake`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Intake:');
}

/** The readiness section's result box: the recommended starting point with its reasons. */
export function readinessResult(page: Page): Locator {
  return intakeSection(page, '8. Readiness to run').getByRole('status');
}
