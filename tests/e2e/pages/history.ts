/** The episode page's history: the charts, their value tables, and the timeline. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export function historySection(page: Page): Locator {
  return page.getByRole('region', { name: 'History: charts and timeline' });
}

/** One chart (a figure named by its title). */
export function chart(page: Page, title: string): Locator {
  return historySection(page).getByRole('figure', { name: title });
}

/** Opens every "Show values as a table" of the history. */
export async function showAllValueTables(page: Page): Promise<void> {
  for (const summary of await historySection(page).getByText('Show values as a table').all()) {
    if (!(await summary.locator('xpath=..').evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
  }
}

/** The rows of a chart's value table, each as its cells' text. */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
    );
}

export function timelineEvents(page: Page): Locator {
  return historySection(page)
    .getByRole('list', { name: /^Timeline/ })
    .getByRole('listitem');
}

/** Everything the history shows in words: every value table and every timeline event. */
export async function historyText(page: Page): Promise<{ tables: string[][][]; events: string[] }> {
  const section = historySection(page);
  const summaries = section.getByText('Show values as a table');
  // The charts come after the page settles (a history read again after going back re-renders
  // them closed): open every table, and check each one is open, before reading.
  await expect(async () => {
    await showAllValueTables(page);
    expect(await summaries.count()).toBeGreaterThan(0);
    const open = await section.locator('details').evaluateAll((all) => all.map((d) => (d as HTMLDetailsElement).open));
    expect(open.every(Boolean)).toBe(true);
  }).toPass();
  const showAll = section.getByRole('button', { name: /^Show all \d+ events$/ });
  if (await showAll.count()) await showAll.click();
  const tables: string[][][] = [];
  for (const table of await section.getByRole('table').all()) tables.push(await tableRows(table));
  const events = await timelineEvents(page).evaluateAll((items) => items.map((i) => (i as HTMLElement).innerText));
  return { tables, events };
}
