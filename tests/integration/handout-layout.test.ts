/**
 * The handout's page layout, read back from the PDF: the two-line page header with a long name
 * and a long clinic name, dates in the clinic's order, no heading left alone at the foot of a
 * page, and handouts stored before the new fields still reprint.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderHandout } from '../../main/pdf/render-handout';
import type { HandoutContent } from '../../shared/handout/content-blocks';
import { handoutContent } from '../../shared/handout/content';
import { HandoutData, HandoutSnapshot, snapshotOf } from '../../shared/handout/handout-data';
import { must, readyBackend, removeTempDirs, patientInput } from '../helpers/backend';
import { openClinicDb } from '../helpers/db';
import { fixtureHandout, LONG_NAME, longNameThirteenExercisesUs, READING_FIXTURES } from '../helpers/handout';
import type { PdfText } from '../helpers/pdf';
import { allText, fold, readPdf } from '../helpers/pdf';

afterEach(removeTempDirs);

describe('the page header', () => {
  it('is one line of clinic and one line of patient on every page, a long name cut short with "…"', async () => {
    const data = longNameThirteenExercisesUs();
    const read = await readPdf(await renderHandout(data));
    const count = read.pages.length;
    read.pages.forEach((lines, i) => {
      const [clinic, patient, first] = lines;
      expect(clinic).toMatch(/^Lakeside Sports Physical Therapy.*… · Phone \+1 612 555 0143$/);
      // The email goes first; the phone is kept.
      expect(clinic).not.toContain('front.desk@');
      expect(patient).toMatch(
        new RegExp(`^${LONG_NAME.givenName} Wolfeschlegel.*… · November 27, 2026 Page ${i + 1} of ${count}$`),
      );
      // The third line is the page's own content, not more header.
      expect(first).not.toContain(LONG_NAME.familyName.slice(0, 12));
    });
  });

  it('keeps a short name and the whole contact line as they are', async () => {
    const read = await readPdf(await renderHandout(fixtureHandout()));
    expect(read.pages[0]!.slice(0, 2)).toEqual([
      'Riverside Running Clinic · Phone +44 113 496 0000 · desk@riverside.example',
      `Zoë Łukasiewicz-Ørsted · 27 November 2026 Page 1 of ${read.pages.length}`,
    ]);
  });
});

describe('dates', () => {
  it('follow the clinic’s order: month first for a US clinic, day first otherwise', async () => {
    const us = fold(allText(await readPdf(await renderHandout(longNameThirteenExercisesUs()))));
    expect(us).toContain('on Friday, November 27, 2026.');
    expect(us).toContain('Week 1: Sat Nov 28 to Fri Dec 4');
    const uk = fold(allText(await readPdf(await renderHandout(fixtureHandout()))));
    expect(uk).toContain('on Friday 27 November 2026.');
    expect(uk).toContain('Week 1: Sat 28 Nov to Fri 4 Dec');
  });
});

/** Lines that must never end a page: section titles, headings, lead-ins that name a table. */
function headings(content: HandoutContent): string[] {
  const out: string[] = [];
  for (const s of content.sections) {
    if (s.title !== '') out.push(s.title);
    for (const b of s.blocks) {
      if (b.kind === 'heading') out.push(b.text);
      if (b.kind === 'paragraph' && b.keepWithNext) out.push(b.runs.map((r) => r.text).join(''));
    }
  }
  return out.map(fold);
}

function lastLines(read: PdfText): string[] {
  return read.pages.map((lines) => lines[lines.length - 1] ?? '');
}

describe('page breaks', () => {
  for (const fixture of [
    ...READING_FIXTURES,
    { name: 'the fixture after surgery', data: () => fixtureHandout({ afterSurgery: true }) },
  ]) {
    it(`never leave a heading or a lead-in last on a page: ${fixture.name}`, async () => {
      const data = HandoutData.parse(fixture.data());
      const read = await readPdf(await renderHandout(data));
      const stranded = headings(handoutContent(data));
      lastLines(read).forEach((line, i) => {
        for (const h of stranded) expect(line.endsWith(h) && h.length > 0, `page ${i + 1}: "${line}"`).toBe(false);
      });
    });
  }
});

describe('handouts stored before the emergency number, date order, mistakes and variants', () => {
  /** The snapshot as version 1 of this shape stored it: none of the new fields. */
  function oldSnapshot(): unknown {
    const snapshot = JSON.parse(JSON.stringify(snapshotOf(fixtureHandout({ afterSurgery: true })))) as Record<
      string,
      unknown
    > & { clinic: Record<string, unknown>; exercises: Record<string, unknown>[] };
    delete snapshot.dateOrder;
    delete snapshot.clinic.emergencyNumber;
    for (const e of snapshot.exercises) {
      delete e.mistakes;
      delete e.easier;
      delete e.harder;
    }
    return snapshot;
  }

  it('still parse, with defaults that print what they printed: no number, day first, no mistakes or variants', async () => {
    const parsed = HandoutSnapshot.parse(oldSnapshot());
    expect(parsed.clinic.emergencyNumber).toBe('');
    expect(parsed.dateOrder).toBe('dmy');
    expect(parsed.exercises.every((e) => e.mistakes.length === 0 && e.easier.length === 0)).toBe(true);
    const text = fold(allText(await readPdf(await renderHandout({ ...parsed, images: [] }))));
    expect(text).toContain('Call an ambulance now if:');
    expect(text).not.toContain('Avoid:');
    expect(text).toContain('Week 1: Sat 28 Nov to Fri 4 Dec');
  });

  it('reprint through the app from the stored data', async () => {
    const backend = await readyBackend();
    const patient = await must(backend, 'patients.create', patientInput());
    const episode = await must(backend, 'episodes.create', {
      patientId: patient.id,
      diagnosis: 'calf_strain',
      diagnosisDetail: '',
      side: 'left',
      onsetDate: '2026-11-02',
    });
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    // Stand-in for a handout given by the previous version: its data without the new fields.
    const db = await openClinicDb(backend.dataDir);
    const row = db.prepare('SELECT data_json FROM handouts WHERE id = ?').get(issued.handout.id) as {
      data_json: string;
    };
    const stored = JSON.parse(row.data_json) as Record<string, unknown> & { clinic: Record<string, unknown> };
    expect(stored.clinic.emergencyNumber).toBe('999');
    delete stored.dateOrder;
    delete stored.clinic.emergencyNumber;
    db.exec('DROP TRIGGER handouts_append_only_update');
    db.prepare('UPDATE handouts SET data_json = ? WHERE id = ?').run(JSON.stringify(stored), issued.handout.id);
    db.close();
    const reprint = await must(backend, 'handouts.reprint', { id: issued.handout.id });
    expect(fold(allText(await readPdf(Buffer.from(reprint.pdfBase64, 'base64'))))).toContain('Zoë Łukasiewicz-Ørsted');
    backend.close();
  });
});
