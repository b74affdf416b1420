/**
 * Contact sheets of every built-in exercise picture, each with the exercise's name under it:
 * one large for reviewing detail, one at handout size (4 cm wide at 96 dpi) for legibility.
 * Written to tests/look/out/; open the PNGs and look at them after changing a pose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { BUILT_IN_EXERCISES, describeDosage, illustrationSvg } from '../../shared/clinical/exercises/index';
import { escapeXml } from '../../shared/drawing/svg';

const OUT = path.join(import.meta.dirname, 'out');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

function sheet(cellWidth: string, columns: number, withDosage: boolean): string {
  const cells = BUILT_IN_EXERCISES.map((exercise) => {
    const svg = illustrationSvg(exercise, cellWidth) ?? '<p>(uploaded image)</p>';
    const dosage = withDosage ? `<div class="dose">${escapeXml(describeDosage(exercise.dosage))}</div>` : '';
    return `<figure>${svg}<figcaption>${escapeXml(exercise.name)}${dosage}</figcaption></figure>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 12px; font: 13px/1.3 system-ui, sans-serif; color: #1e2a33; background: #fff; }
    main { display: grid; grid-template-columns: repeat(${columns}, max-content); gap: 14px 12px; }
    figure { margin: 0; width: ${cellWidth}; }
    svg { display: block; border: 1px solid #ccd3d9; }
    figcaption { margin-top: 4px; font-weight: 600; }
    .dose { font-weight: 400; color: #55626d; }
  </style></head><body><main>${cells.join('\n')}</main></body></html>`;
}

async function shoot(html: string, file: string, viewportWidth: number): Promise<string> {
  const page = await browser.newPage({ viewport: { width: viewportWidth, height: 800 } });
  await page.setContent(html, { waitUntil: 'load' });
  const target = path.join(OUT, file);
  await page.screenshot({ path: target, fullPage: true });
  await page.close();
  return target;
}

describe('exercise contact sheet', () => {
  it('renders every built-in exercise picture with its name', async () => {
    const file = await shoot(sheet('320px', 5, true), 'exercise-contact-sheet.png', 1750);
    expect(fs.statSync(file).size).toBeGreaterThan(50_000);
  });

  it('renders them at handout size, 4 cm wide', async () => {
    const file = await shoot(sheet('4cm', 7, false), 'exercise-contact-sheet-4cm.png', 1250);
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
  });
});
