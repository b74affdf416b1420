/** The exercise library and the home exercise programme, as a clinician uses them. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export async function goToExercises(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exercises' }).click();
  await expect(page.getByRole('heading', { name: 'Exercise library', level: 1 })).toBeVisible();
}

export function libraryCards(page: Page): Locator {
  return page.getByRole('list', { name: 'Exercises' }).getByRole('listitem');
}

export function homeExercises(page: Page): Locator {
  return page.getByRole('region', { name: 'Home exercises' });
}

/** Opens the programme editor on the episode page ("Build a programme" or "Edit programme"). */
export async function openProgrammeEditor(page: Page): Promise<void> {
  await homeExercises(page)
    .getByRole('button', { name: /^(Build a programme|Edit programme)$/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Add from the library' })).toBeVisible();
}

/** Finds an exercise in the editor's library list with the search box and filters, and adds it. */
export async function addExercise(
  page: Page,
  name: string,
  filters: { search?: string; region?: string; type?: string } = {},
): Promise<void> {
  const picker = page.getByRole('region', { name: 'Add from the library' });
  await picker.getByLabel('Find an exercise to add').fill(filters.search ?? '');
  await picker.getByLabel('Body region').selectOption({ label: filters.region ?? 'All regions' });
  await picker.getByLabel('Type').selectOption({ label: filters.type ?? 'All types' });
  await picker.getByRole('button', { name: `Add ${name}`, exact: true }).click();
  await expect(draftItem(page, name)).toBeVisible();
}

export function draftItems(page: Page): Locator {
  return page.getByRole('list', { name: 'Exercises in this programme' }).getByRole('listitem');
}

export function draftItem(page: Page, name: string): Locator {
  return page
    .getByRole('list', { name: 'Exercises in this programme' })
    .getByRole('listitem', { name: new RegExp(`^\\d+\\. ${escapeRegExp(name)}$`) });
}

export async function setDosage(
  page: Page,
  name: string,
  dosage: { sets?: string; amount?: string; daysPerWeek?: string },
): Promise<void> {
  const item = draftItem(page, name);
  await item.getByRole('button', { name: `Change the dosage of ${name}` }).click();
  const group = item.getByRole('group', { name: `Dosage of ${name}` });
  if (dosage.sets !== undefined) await group.getByLabel('Sets').fill(dosage.sets);
  if (dosage.amount !== undefined)
    await group.getByLabel(/^(Repetitions|Hold \(seconds\)|Minutes)$/).fill(dosage.amount);
  if (dosage.daysPerWeek !== undefined) await group.getByLabel('Days a week').fill(dosage.daysPerWeek);
}

export async function saveProgramme(page: Page, version: number): Promise<void> {
  await page.getByRole('button', { name: /^Save programme$|^Save: stop/ }).click();
  await expect(homeExercises(page).getByText(`Programme saved as version ${version}.`)).toBeVisible();
}

export function currentProgramme(page: Page): Locator {
  return homeExercises(page).getByRole('list', { name: 'Current home exercises' }).getByRole('listitem');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
