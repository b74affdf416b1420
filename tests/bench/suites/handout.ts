/**
 * The take-home handout: warm p50 of renderHandout (pdfkit, in the main process) for a 4-6 page
 * handout with eight illustrated exercises, beside the same content laid out as HTML and printed
 * to PDF by headless Chromium (page.pdf()), the usual alternative. Both warm: the fonts parsed and
 * the browser started before timing; the browser's own start is reported apart.
 */
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../../browser.mjs';
import { renderHandout } from '../../../main/pdf/render-handout';
import { pdfPageCount } from '../../../main/records/handouts';
import { handoutContent } from '../../../shared/handout/content';
import { eightExerciseHandout } from '../../helpers/handout';
import type { Figure } from '../stats';
import { ms, percentile, time } from '../stats';
import { handoutHeaderTemplate, handoutHtml } from './handout-html';

const ROUNDS = 25;
const WARM_UP = 5;

export async function benchHandout(): Promise<Figure[]> {
  const data = eightExerciseHandout();
  const first = await renderHandout(data);
  const pages = pdfPageCount(first);
  for (let i = 0; i < WARM_UP; i++) await renderHandout(data);
  const pdfkit: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const [, t] = await time(() => renderHandout(data));
    pdfkit.push(t);
  }

  const [browser, launch] = await time(() =>
    chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS }),
  );
  const chrome: number[] = [];
  let chromePages: number;
  try {
    const page = await browser.newPage();
    const content = handoutContent(data);
    const html = handoutHtml(content);
    const print = async () => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: handoutHeaderTemplate(content),
        footerTemplate: '<span></span>',
        margin: { top: '26mm', bottom: '13mm', left: '15.5mm', right: '15.5mm' },
      });
    };
    const sample = await print();
    chromePages = (
      Buffer.from(sample)
        .toString('latin1')
        .match(/\/Type\s*\/Page\b/g) ?? []
    ).length;
    for (let i = 0; i < WARM_UP; i++) await print();
    for (let i = 0; i < ROUNDS; i++) {
      const [, t] = await time(print);
      chrome.push(t);
    }
  } finally {
    await browser.close();
  }

  const p50 = percentile(pdfkit, 50);
  return [
    {
      name: `handout pages (eight illustrated exercises, A4)`,
      value: `${pages} pages, ${(first.length / 1024).toFixed(0)} KB`,
    },
    {
      name: `renderHandout (pdfkit) warm p50 of ${ROUNDS}`,
      value: ms(p50),
      budget: '< 150 ms',
      withinBudget: p50 < 150,
    },
    { name: 'renderHandout (pdfkit) warm p95', value: ms(percentile(pdfkit, 95)) },
    {
      name: `same content as HTML, Chromium page.pdf() warm p50 of ${ROUNDS}`,
      value: `${ms(percentile(chrome, 50))} (${chromePages} pages)`,
    },
    { name: 'Chromium page.pdf() warm p95', value: ms(percentile(chrome, 95)) },
    { name: 'Chromium launch (paid once per app run)', value: ms(launch) },
  ];
}
