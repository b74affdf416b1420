/**
 * Contact sheets of every built-in exercise picture, each with the exercise's name under it:
 * one large for reviewing detail, one at handout size (4 cm wide at 96 dpi) for legibility.
 * Then one card per exercise, the picture beside its patient text, to check that the picture
 * shows what the words say (issue 15). Written to tests/look/out/ (cards under
 * tests/look/out/exercises/<id>.png); open the PNGs and look at them after changing a pose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import type { Exercise } from '../../shared/clinical/exercises/index';
import { BUILT_IN_EXERCISES, describeDosage, illustrationSvg } from '../../shared/clinical/exercises/index';
import { escapeXml } from '../../shared/drawing/svg';
import { launchChromium } from './preview';

const OUT = path.join(import.meta.dirname, 'out');
const CARDS = path.join(OUT, 'exercises');

let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(CARDS, { recursive: true });
  browser = await launchChromium();
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

/** One exercise: its picture at review size, and beside it the words the patient reads. */
function card(exercise: Exercise): string {
  const list = (items: readonly string[]) => `<ul>${items.map((t) => `<li>${escapeXml(t)}</li>`).join('')}</ul>`;
  const svg = illustrationSvg(exercise, '480px') ?? '<p>(uploaded image)</p>';
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 12px; font: 14px/1.35 system-ui, sans-serif; color: #1e2a33; background: #fff; }
    main { display: grid; grid-template-columns: 480px 440px; gap: 16px; }
    svg { display: block; border: 1px solid #ccd3d9; }
    h1 { font-size: 17px; margin: 0 0 4px; } h2 { font-size: 14px; margin: 8px 0 2px; }
    ul { margin: 0; padding-left: 18px; } p { margin: 0; }
    .alt { color: #55626d; font-size: 13px; margin-top: 6px; }
  </style></head><body><main><div>${svg}<p class="alt">${escapeXml(
    exercise.illustration.description,
  )}</p></div><div><h1>${escapeXml(exercise.name)} <small>(${exercise.id})</small></h1><p>${escapeXml(
    exercise.purpose,
  )}</p><h2>Start</h2><p>${escapeXml(exercise.startingPosition)}</p><h2>Steps</h2>${list(
    exercise.steps,
  )}<h2>Cues</h2>${list(exercise.cues)}<h2>Mistakes</h2>${list(exercise.mistakes)}<h2>Dose</h2><p>${escapeXml(
    describeDosage(exercise.dosage),
  )}</p></div></main></body></html>`;
}

async function shoot(html: string, file: string, viewportWidth: number): Promise<string> {
  const page = await browser.newPage({ viewport: { width: viewportWidth, height: 400 } });
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

  it('renders each picture beside its words, one card per exercise', async () => {
    // One page for all the cards: opening a page per card costs most of the time.
    const page = await browser.newPage({ viewport: { width: 960, height: 400 } });
    for (const exercise of BUILT_IN_EXERCISES) {
      await page.setContent(card(exercise), { waitUntil: 'load' });
      const file = path.join(CARDS, `${exercise.id}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    }
    await page.close();
  });
});
