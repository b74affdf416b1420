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

type YesNoNotKnown = 'Yes' | 'No' | 'Not known';

/** The check-in's answers as the clinician chooses them, one per question (every one required). */
export interface CheckInAnswers {
  /** "Yesterday" or "Today" (the form's quick picks), or a date as typed. */
  runDate: string;
  warmUp: 'No soreness' | 'Soreness that went away' | 'Soreness that continued' | 'Not known';
  /** Asked only after "Soreness that went away". */
  cameBack?: 'No, it stayed away' | 'Yes, it came back' | 'Not known';
  painStartedInRun: YesNoNotKnown;
  painDuring: number | 'Not known' | 'Did not run';
  painAfter: number | 'Not known';
  dayAfter:
    | 'No soreness'
    | 'General muscle soreness, away from the injury'
    | 'Soreness at the injury site'
    | 'Soreness in a joint, tendon or bone (not muscular)'
    | 'Not known';
  swelling: YesNoNotKnown;
  limp: YesNoNotKnown;
  completed: 'Completed as written' | 'Stopped early' | 'Not known';
}

/** A run without any trouble, every question answered. */
export const CLEAN_RUN: Omit<CheckInAnswers, 'runDate'> = {
  warmUp: 'No soreness',
  painStartedInRun: 'No',
  painDuring: 0,
  painAfter: 0,
  dayAfter: 'No soreness',
  swelling: 'No',
  limp: 'No',
  completed: 'Completed as written',
};

/** A question of the check-in form: its fieldset, named by its legend. */
export function question(page: Page, legend: string) {
  return checkInForm(page).getByRole('group', { name: legend, exact: true });
}

/** A choice by its label ("No" is not "Not known"; a choice's hint follows its label). */
function choice(group: ReturnType<typeof question>, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return group.getByRole('radio', { name: new RegExp(`^${escaped}(\\s|$)`) });
}

export async function answerQuestion(page: Page, legend: string, label: string | number): Promise<void> {
  await choice(question(page, legend), String(label)).check();
}

/** Answers every question, in the order the form asks them. */
export async function answerCheckIn(page: Page, a: CheckInAnswers): Promise<void> {
  const form = checkInForm(page);
  if (a.runDate === 'Yesterday' || a.runDate === 'Today') {
    await form.getByRole('button', { name: a.runDate, exact: true }).click();
  } else {
    await form.getByLabel('Date of the run').fill(a.runDate);
  }
  await answerQuestion(page, 'Soreness in the warm-up', a.warmUp);
  if (a.cameBack) await answerQuestion(page, 'Did it come back during the run?', a.cameBack);
  await answerQuestion(page, 'Pain that started during the run', a.painStartedInRun);
  // "Did not run" is offered once the session is marked stopped early, the last question.
  if (a.painDuring === 'Did not run') await answerQuestion(page, 'Session completed as written', a.completed);
  await answerQuestion(page, 'Pain during the run (0-10)', a.painDuring);
  await answerQuestion(page, 'Pain after the run (0-10)', a.painAfter);
  await answerQuestion(page, 'Soreness the day after, and where', a.dayAfter);
  await answerQuestion(page, 'Swelling', a.swelling);
  await answerQuestion(page, 'Limp or changed stride', a.limp);
  await answerQuestion(page, 'Session completed as written', a.completed);
}

/** The waiting decision's list of questions still to answer. */
export function unansweredList(page: Page) {
  return decisionPanel(page).getByRole('list');
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
