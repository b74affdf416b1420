/**
 * The handout PDF, read back as a patient's viewer would read it (pdfjs-dist): a runner with a
 * non-Latin name, a programme and six exercises. Everything the handout promises must be in the
 * text; fonts are embedded; two renders are byte-identical; A4 and Letter both work.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { stopAndCallItems } from '../../shared/clinical/intake/red-flags';
import { DELAWARE_PUBLISHED_RULE_SET } from '../../shared/clinical/rule-sets';
import { PRECEDENCE } from '../../shared/clinical/self-check';
import { REPORT_QUESTIONS } from '../../shared/clinical/soreness-report';
import { dosageRows } from '../../shared/handout/exercises-section';
import { shortDosage } from '../../shared/handout/wording';
import { renderHandout } from '../../main/pdf/render-handout';
import { pdfPageCount } from '../../main/records/handouts';
import { eightExerciseHandout, fixtureHandout, fixtureWithRuleSet } from '../helpers/handout';
import { tinyPng } from '../helpers/handout-image';
import type { PdfText } from '../helpers/pdf';
import { allText, fold, fontsOf, pageOf, readPdf } from '../helpers/pdf';

const A4: [number, number] = [595.28, 841.89];
const LETTER: [number, number] = [612, 792];

let pdf: Buffer;
let read: PdfText;
let text: string;

beforeAll(async () => {
  pdf = await renderHandout(fixtureHandout());
  read = await readPdf(pdf);
  text = fold(allText(read));
});

describe('the fixture handout, read back', () => {
  it('prints the patient name exactly as typed, on every page', () => {
    expect(text).toContain('Zoë Łukasiewicz-Ørsted');
    for (const page of read.stream) expect(page).toContain('Zoë Łukasiewicz-Ørsted');
  });

  it('has a header on every page: one line of clinic and phone, one of patient, date and page x of y', () => {
    const count = read.stream.length;
    read.pages.forEach((lines, i) => {
      expect(lines[0]).toBe('Riverside Running Clinic · Phone +44 113 496 0000 · desk@riverside.example');
      expect(lines[1]).toBe(`Zoë Łukasiewicz-Ørsted · 27 November 2026 Page ${i + 1} of ${count}`);
    });
    expect(pdfPageCount(pdf)).toBe(count);
  });

  it('gives the level in words, the level in detail, the next levels and the run days', () => {
    expect(text).toContain('Level 6 of 15 (week 2): Walk 1 min, then run 4 min. Do this 4 times.');
    expect(text).toContain('Do this 4 times: 20 min in all.');
    expect(text).toContain('3 times a week. Rest at least 1 day between runs.');
    expect(text).toContain('Next run Saturday 28 November');
    for (const next of [
      'Walk 1 min, then run 5 min. Do this 3 times.',
      'Walk 1 min, then run 7 min. Do this 3 times.',
    ]) {
      expect(text).toContain(next);
    }
    // The calendar marks each planned run and the visit in words.
    const calendar = read.stream
      .join(' ')
      .split('Run no more than 3 times in 7 days.')[1]!
      .split('Check how it feels')[0]!;
    expect(calendar.match(/\bRun\b/g)?.length).toBe(fixtureHandout().running!.plannedRunDates.length);
    expect(calendar).toContain('Visit');
  });

  it('lists every exercise with this patient’s dosage, in the glance and as a grid in its own block', () => {
    for (const e of fixtureHandout().exercises) {
      expect(text).toContain(e.name);
      expect(text, e.name).toContain(fold(shortDosage(e.dosage)));
      const grid = dosageRows(e.dosage)
        .map((r) => `${r.label} ${r.value}`)
        .join(' ');
      expect(text, e.name).toContain(`How much: ${fold(grid)}`);
      for (const step of e.steps) expect(text, step).toContain(fold(step));
    }
    expect(text).toContain('Sets 3 Reps 12 each side Rest 1 to 2 min Days 3 a week Speed 3 s up, 3 s down');
    expect(text).toContain('Note from Priya Shah: Hold the wall lightly. Go slowly on the way down.');
  });

  it("prints the engine's self-check rows for this patient, word for word", () => {
    for (const row of fixtureHandout().running!.selfCheck!.rows) {
      expect(text).toContain(fold(`${row.notice}.`));
      expect(text).toContain(fold(row.action));
    }
    expect(text).toContain(fold(PRECEDENCE));
  });

  it('follows the rule set it is given: the published Delaware set drops a level under rule 1', async () => {
    const delaware = fold(allText(await readPdf(await renderHandout(fixtureWithRuleSet(DELAWARE_PUBLISHED_RULE_SET)))));
    expect(delaware).toContain(
      'Pain in the warm-up that does not go away. Stop running. Take 3 days off. Then go back to Level 5.',
    );
    expect(text).toContain(
      'Pain in the warm-up that does not go away. Stop running. Take 3 days off. Then do Level 6 again',
    );
  });

  it('has the log: a column per planned run, a row per check-in question in the check-in order', () => {
    const log = read.stream.slice(pageOf(read, 'Your log')).join(' ');
    let at = 0;
    for (const q of REPORT_QUESTIONS) {
      const found = log.indexOf(q.log, at);
      expect(found, q.log).toBeGreaterThan(at);
      at = found;
    }
    for (const d of ['Sat 28 Nov', 'Mon 30 Nov', 'Wed 2 Dec', 'Sat 5 Dec', 'Mon 7 Dec', 'Wed 9 Dec'])
      expect(log).toContain(d);
  });

  it('has the red flags, the phone number to call, and the urgent signs for every patient', () => {
    expect(text).toContain('Stop running and call us on +44 113 496 0000 if:');
    const { callUs, emergency } = stopAndCallItems(false);
    for (const item of callUs) expect(text).toContain(fold(item));
    // The urgent signs are printed for every runner, not only after surgery.
    expect(text).toContain('Stop and get urgent help');
    for (const item of emergency) expect(text).toContain(fold(item.replace(/\s*Call an ambulance now\.$/, '')));
    expect(text).not.toContain(fold('Your wound is red'));
  });

  it('adds the signs to watch for after surgery, the emergency ones in the urgent box with the ambulance number', async () => {
    const after = await readPdf(await renderHandout(fixtureHandout({ afterSurgery: true })));
    const all = fold(allText(after));
    const { callUs, emergency } = stopAndCallItems(true);
    expect(all).toContain('Stop and get urgent help Call an ambulance (999) now if:');
    for (const item of callUs) expect(all).toContain(fold(item));
    for (const item of emergency) expect(all).toContain(fold(item.replace(/\s*Call an ambulance now\.$/, '')));
    // Each group is read as one: the list of when to call starts and ends on one page.
    expect(pageOf(after, 'Stop running and call us on')).toBe(pageOf(after, fold(callUs[callUs.length - 1]!)));
  });

  it('uses 12 pt or larger for every piece of text', () => {
    expect(read.sizes.length).toBeGreaterThan(300);
    expect(Math.min(...read.sizes)).toBeGreaterThanOrEqual(12);
  });

  it('embeds its fonts (subsets), and uses no font it does not carry', () => {
    const fonts = fontsOf(pdf);
    expect(fonts.map((f) => f.baseFont.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSans-Bold',
      'NotoSans-Regular',
    ]);
    for (const f of fonts) expect(f.embedded, f.baseFont).toBe(true);
  });

  it('draws the pictures as vectors, not images', () => {
    // Pages with an exercise block (the exercise log also lists the names, with no pictures).
    const exercisePages = read.drawing.filter((_, i) => read.pages[i]!.some((l) => l.startsWith('How much:')));
    expect(exercisePages.length).toBeGreaterThan(0);
    for (const d of read.drawing) expect(d.images).toBe(0);
    for (const d of exercisePages) expect(d.paths).toBeGreaterThan(50);
  });

  it('never splits an exercise across pages', () => {
    for (const [i, e] of fixtureHandout().exercises.entries()) {
      const first = pageOf(read, `${i + 1}. ${e.name}`);
      expect(first).toBeGreaterThan(0);
      // After the name on the same page (another exercise may share a step, like "swap legs").
      const page = read.stream[first]!;
      const from = page.indexOf(`${i + 1}. ${e.name}`);
      for (const end of [e.cues[e.cues.length - 1]!, e.steps[e.steps.length - 1]!, ...e.mistakes.slice(-1)]) {
        expect(page.indexOf(fold(end), from), `${e.name}: ${end}`).toBeGreaterThan(from);
      }
    }
  });
});

describe('determinism', () => {
  it('renders the same data to the same bytes', async () => {
    const again = await renderHandout(fixtureHandout());
    expect(again.equals(pdf)).toBe(true);
  });

  it('changes when the data changes (the test above can fail)', async () => {
    const other = await renderHandout(fixtureHandout({ issuedOn: '2026-11-26' }));
    expect(other.equals(pdf)).toBe(false);
  });

  it('takes its dates from the issue date, not the clock', async () => {
    const dates = pdf.toString('latin1').match(/\(D:\d{14}Z\)/g) ?? [];
    expect(new Set(dates)).toEqual(new Set(['(D:20261127120000Z)']));
    vi.useFakeTimers({ now: new Date('2031-06-01T08:30:00Z'), toFake: ['Date'] });
    try {
      expect((await renderHandout(fixtureHandout())).equals(pdf)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('paper sizes', () => {
  it('lays out A4 and Letter from the clinic setting, each with its own page size', async () => {
    expect(read.pageSizes.every(([w, h]) => w === A4[0] && h === A4[1])).toBe(true);
    const letter = await readPdf(await renderHandout(fixtureHandout({ paperSize: 'Letter' })));
    expect(letter.pageSizes.every(([w, h]) => w === LETTER[0] && h === LETTER[1])).toBe(true);
    expect(fold(allText(letter))).toContain('Zoë Łukasiewicz-Ørsted');
  });

  // The self-check (a row per situation the engine decides), the log (a row per check-in question),
  // the exercise log and eight illustrated exercises (about half a page each).
  it('keeps the eight-exercise handout to eleven pages or fewer on A4', async () => {
    const eight = await renderHandout(eightExerciseHandout());
    expect(pdfPageCount(eight)).toBeGreaterThanOrEqual(4);
    expect(pdfPageCount(eight)).toBeLessThanOrEqual(11);
  });
});

describe('handouts with parts missing', () => {
  it('without a programme: says running is not in the plan, and prints no running, self-check or calendar', async () => {
    const plain = fold(allText(await readPdf(await renderHandout(fixtureHandout({ running: null })))));
    expect(plain).toContain('Not in this plan yet. Ask us before you start to run.');
    for (const absent of ['Your running', 'Check how it feels', 'Your run days', 'The next levels']) {
      expect(plain).not.toContain(absent);
    }
    expect(plain).toContain('Your exercises');
    expect(plain).toContain('Your exercise log');
    expect(plain).not.toContain('Your log ');
  });

  it('without a programme or exercises: one page, no empty table, still the red flags', async () => {
    const bytes = await renderHandout(fixtureHandout({ running: null, exercises: [], nextVisit: null }));
    const plain = fold(allText(await readPdf(bytes)));
    expect(pdfPageCount(bytes)).toBe(1);
    expect(plain).not.toContain('Your log');
    expect(plain).not.toContain('Your exercises');
    expect(plain).toContain('Call us on +44 113 496 0000 if:');
  });

  it('without a clinic phone: names the clinic to call instead of an empty number', async () => {
    const noPhone = fold(
      allText(
        await readPdf(
          await renderHandout(
            fixtureHandout({
              clinic: { name: 'Riverside Running Clinic', phone: '', address: '', email: '', emergencyNumber: '999' },
            }),
          ),
        ),
      ),
    );
    expect(noPhone).toContain('Stop running and call Riverside Running Clinic if:');
    expect(noPhone).not.toContain('Phone');
  });

  it('prints an uploaded picture as an image', async () => {
    const png = tinyPng();
    const data = fixtureHandout({
      exercises: [
        {
          ...fixtureHandout().exercises[0]!,
          illustration: {
            kind: 'image',
            description: 'A photo of the exercise.',
            imageId: png.id,
            mediaType: 'image/png',
          },
        },
      ],
      images: [png],
    });
    const read = await readPdf(await renderHandout(data));
    expect(read.drawing.reduce((n, d) => n + d.images, 0)).toBe(1);
  });

  it('refuses data that does not hold together', async () => {
    await expect(
      renderHandout(
        fixtureHandout({
          images: [],
          exercises: [
            {
              ...fixtureHandout().exercises[0]!,
              illustration: { kind: 'image', description: 'x', imageId: 'a'.repeat(64), mediaType: 'image/png' },
            },
          ],
        }),
      ),
    ).rejects.toThrow(/picture/);
  });
});
