/** Running programmes and check-ins, as a clinician works with them on the episode and patient pages. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export async function giveProgramme(page: Page, p: { programme: string; startLevel?: string }): Promise<void> {
  await page.getByRole('button', { name: 'Give a running programme' }).click();
  const form = page.getByRole('form', { name: 'Give a running programme' });
  await form.getByLabel('Programme').selectOption({ label: p.programme });
  if (p.startLevel) await form.getByLabel('Starting level').selectOption({ label: p.startLevel });
  await form.getByRole('button', { name: 'Start this programme' }).click();
  await expect(page.getByText(`Programme saved: ${p.programme}`)).toBeVisible();
}

/** The one-line running summary of an episode on the patient page. */
export function runningSummary(page: Page) {
  return page.locator('.running-summary');
}

export function checkInForm(page: Page) {
  return page.getByRole('form', { name: 'New check-in' });
}

export interface CheckInAnswers {
  /** "Yesterday" or "Today" (the form's quick picks), or a date as typed. */
  runDate: string;
  hurtInWarmUp: 'Yes' | 'No';
  wentAway?: 'Yes, it went away' | 'No, it kept hurting';
  cameBack?: 'No, it stayed away' | 'Yes, it came back';
  dayAfter: 'Not sore' | 'Sore muscles only' | 'Sore, but not in a muscle';
}

export async function answerCheckIn(page: Page, a: CheckInAnswers): Promise<void> {
  const form = checkInForm(page);
  if (a.runDate === 'Yesterday' || a.runDate === 'Today') {
    await form.getByRole('button', { name: a.runDate, exact: true }).click();
  } else {
    await form.getByLabel('Date of the run').fill(a.runDate);
  }
  await form.getByRole('group', { name: 'Did it hurt during the warm-up?' }).getByLabel(a.hurtInWarmUp).check();
  if (a.wentAway)
    await form
      .getByRole('group', { name: /Did it go away/ })
      .getByLabel(a.wentAway)
      .check();
  if (a.cameBack)
    await form
      .getByRole('group', { name: /Did it come back/ })
      .getByLabel(a.cameBack)
      .check();
  await form.getByRole('group', { name: 'How did it feel the day after?' }).getByLabel(a.dayAfter).check();
}

export function decisionPanel(page: Page) {
  return page.getByRole('region', { name: 'Decision' });
}

export async function changeDecision(
  page: Page,
  c: { level: string; daysOff?: string; reason: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Change the decision' }).click();
  const change = page.getByRole('group', { name: 'Change the decision' });
  await change.getByLabel('Level for the next run').selectOption({ label: c.level });
  if (c.daysOff !== undefined) await change.getByLabel('Days off').fill(c.daysOff);
  await change.getByLabel('Reason for the change (required)').fill(c.reason);
  await page.getByRole('button', { name: 'Save with my change' }).click();
}

/** A check-in in the history, named by its run: "Run of Thursday 26 November 2026". */
export function historyEntry(page: Page, runTitle: string) {
  return page.getByRole('region', { name: 'Check-ins' }).getByRole('listitem', { name: runTitle });
}
