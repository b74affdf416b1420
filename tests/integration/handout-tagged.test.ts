/**
 * The handout is a tagged PDF a screen reader can follow, as poppler's pdfinfo reads it: tagged,
 * in English, with its title, a structure tree of headings, paragraphs, lists and tables in
 * reading order, a figure with alt text for every exercise picture, and the page header left
 * out of the tree (an artifact).
 *
 * pdfinfo 22.12 prints a figure as "Figure" with no text and does not print its /Alt, so the alt
 * texts are read from the figure elements in the file itself (pdfkit leaves them uncompressed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderHandout } from '../../main/pdf/render-handout';
import { handoutContent } from '../../shared/handout/content';
import type { HandoutData } from '../../shared/handout/handout-data';
import { removeTempDirs, tempDir } from '../helpers/backend';
import { eightExerciseHandout, longNameThirteenExercisesUs } from '../helpers/handout';

afterEach(removeTempDirs);

const HAS_PDFINFO = spawnSync('pdfinfo', ['-v']).error === undefined;
if (!HAS_PDFINFO) {
  console.warn('pdfinfo (poppler-utils) is missing: the tagged-PDF tests are skipped. Install poppler-utils.');
}

async function pdfinfo(data: HandoutData): Promise<{ info: string; struct: string; alts: string[] }> {
  const file = path.join(tempDir(), 'handout.pdf');
  const bytes = await renderHandout(data);
  fs.writeFileSync(file, bytes);
  return {
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    struct: execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 }),
    alts: figureAlts(bytes),
  };
}

/** The /Alt of every Figure structure element, in the order of their objects (the drawing order). */
function figureAlts(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/S \/Figure\s*\/Alt \(((?:\\.|[^\\)])*)\)/g)].map((m) =>
    m[1]!.replace(/\\([()\\])/g, '$1'),
  );
}

describe.skipIf(!HAS_PDFINFO)('the tagged handout, read by pdfinfo', () => {
  let info: string;
  let struct: string;
  let alts: string[];
  const data = eightExerciseHandout();

  beforeAll(async () => {
    ({ info, struct, alts } = await pdfinfo(data));
  });

  it('is tagged, PDF 1.7, with the handout’s title', () => {
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toContain(`Title:           ${handoutContent(data).documentTitle}`);
  });

  it('declares its language and shows the title, not the file name, in the viewer', async () => {
    const bytes = (await renderHandout(data)).toString('latin1');
    expect(bytes).toMatch(/\/Lang \(en\)/);
    expect(bytes).toMatch(/\/DisplayDocTitle true/);
  });

  it('has a figure with the exercise’s own description as alt text for every picture, in order', () => {
    expect(alts).toEqual(data.exercises.map((e) => e.illustration.description));
    expect(struct.match(/^\s*Figure$/gm)).toHaveLength(data.exercises.length);
  });

  it('has the title, section headings, paragraphs, lists and tables in reading order', () => {
    const order = [
      'H1 (block)',
      '"Your plan to get back to running',
      '"Stop and call us',
      '"Your running',
      '"Check how it feels',
      '"Your exercises',
      '"1. Bent-knee calf raise on both legs',
      '"8. Cycling on an exercise bike',
      '"Your log',
      '"Your exercise log',
    ];
    let at = -1;
    for (const needle of order) {
      const next = struct.indexOf(needle, at + 1);
      expect(next, needle).toBeGreaterThan(at);
      at = next;
    }
    for (const tag of [
      'Sect',
      'H2 (block)',
      'H3 (block)',
      'P (block)',
      'L (block)',
      'LI (block)',
      'Table',
      'TR',
      'TH',
      'TD',
    ]) {
      expect(struct, tag).toMatch(new RegExp(`^\\s*${tag.replace(/[()]/g, '\\$&')}`, 'm'));
    }
    // The exercise's name, then its picture, then how much: the order a reader meets them.
    const name = struct.indexOf('"1. Bent-knee calf raise on both legs');
    const figure = struct.indexOf('Figure', name);
    const howMuch = struct.indexOf('"How much:', name);
    expect(name).toBeLessThan(figure);
    expect(figure).toBeLessThan(howMuch);
  });

  it('leaves the page header out of the tree (it repeats on every page)', () => {
    expect(struct).not.toContain('Page 1 of');
    expect(struct).not.toContain('Phone +44 113 496 0000 · desk@riverside.example');
  });

  it('tags the 13-exercise Letter handout too, a figure for each picture', async () => {
    const us = longNameThirteenExercisesUs();
    const read = await pdfinfo(us);
    expect(read.info).toMatch(/^Tagged:\s+yes$/m);
    expect(read.alts).toEqual(us.exercises.map((e) => e.illustration.description));
  });
});
