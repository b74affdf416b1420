/**
 * The fonts are read once per process and pdfkit's per-word shaping is shared between documents:
 * this leans on pdfkit internals (its font object's `layoutCache`), so a pdfkit update that
 * changes them fails here rather than silently making every handout slower.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fontOf, fontPath, shareLayoutCache, sharedLayoutWords } from '../../../main/pdf/fonts';

describe('handout fonts', () => {
  it('finds both faces beside the module, with their licence', () => {
    for (const face of ['regular', 'bold'] as const) expect(fs.existsSync(fontPath(face))).toBe(true);
    expect(fs.readFileSync(fontPath('regular').replace(/NotoSans-Regular\.ttf$/, 'OFL.txt'), 'utf8')).toContain(
      'SIL OPEN FONT LICENSE',
    );
  });

  it('parses each face once and shares the word shapes between documents', () => {
    expect(fontOf('regular')).toBe(fontOf('regular'));
    const word = `Łukasiewicz${Date.now()}`;
    const before = sharedLayoutWords('regular');
    for (let i = 0; i < 2; i++) {
      const doc = new PDFDocument({ autoFirstPage: false });
      doc.registerFont('regular', fontOf('regular') as unknown as Buffer);
      doc.font('regular');
      shareLayoutCache('regular', (doc as unknown as { _font: unknown })._font);
      doc.widthOfString(word);
    }
    expect(sharedLayoutWords('regular')).toBe(before + 1);
  });
});
