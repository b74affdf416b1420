/** The handout section of the episode page and its preview, as a clinician uses them. */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export function handoutSection(page: Page) {
  return page.getByRole('region', { name: 'Take-home handout' });
}

export function handoutPreview(page: Page) {
  return page.getByRole('region', { name: /^(Handout ready|Reprint of the handout)$/ });
}

export function handoutsGiven(page: Page) {
  return page.getByRole('table', { name: 'Handouts given' });
}

/** "Print handout": waits for the preview of the new handout. */
export async function printHandout(page: Page): Promise<void> {
  await handoutSection(page).getByRole('button', { name: 'Print handout' }).click();
  await expect(handoutPreview(page).getByRole('heading', { name: 'Handout ready' })).toBeVisible();
}

/**
 * The PDF in the preview, as the browser preview's "Download PDF" hands it over (the same blob:
 * URL the preview frame shows; the page's CSP lets nothing else read it).
 */
export async function downloadPreviewPdf(page: Page): Promise<{ pdf: Buffer; fileName: string }> {
  const preview = handoutPreview(page);
  await expect(preview.locator('iframe')).toHaveAttribute('src', /^blob:/);
  const downloading = page.waitForEvent('download');
  await preview.getByRole('link', { name: 'Download PDF' }).click();
  const download = await downloading;
  const file = await download.path();
  return { pdf: fs.readFileSync(file), fileName: download.suggestedFilename() };
}
