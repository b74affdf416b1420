/**
 * renderHandout: the take-home handout as a PDF, made with pdfkit from its HandoutData alone.
 *
 * Deterministic: the same data gives the same bytes. The PDF's dates are the handout's issue
 * date (not the clock), its file ID is derived by pdfkit from those fixed properties, object
 * numbers and font subset names follow the drawing order, and nothing random is written. That
 * is what lets an issued handout be stored as its data and its SHA-256, and reprinted exactly.
 *
 * Every page carries a header: the clinic and how to reach it, the patient's name, the date and
 * "Page x of y". The content (shared/handout/content.ts) flows down the pages in units that are
 * never split: an exercise block, a table row, the calendar's weeks.
 */
import { handoutContent } from '../../shared/handout/content';
import type { HandoutContent } from '../../shared/handout/content';
import { HandoutData } from '../../shared/handout/handout-data';
import type { Frame } from './blocks';
import { blockUnits } from './blocks';
import type { HeaderText } from './document';
import { renderDocument, sectionTitle } from './document';
import type { Unit } from './layout';
import { STYLE } from './layout';
import { drawWrapped, wrap } from './text';

/** Changes when the layout changes, so a reprint that differs can say why. Stored with each handout. */
export const HANDOUT_LAYOUT_VERSION = 1;

function headerText(content: HandoutContent): HeaderText {
  return {
    left: [
      [{ text: content.header.clinicName, bold: true }],
      ...(content.header.contact === '' ? [] : [[{ text: content.header.contact }]]),
    ],
    right: (pageLabel) => [
      [{ text: content.header.patientName, bold: true }],
      [{ text: `${content.header.date} · ${pageLabel}` }],
    ],
  };
}

function titleUnits(f: Frame, content: HandoutContent): Unit[] {
  const title = wrap(f.doc, [{ text: content.title, bold: true }], STYLE.title, f.width);
  const byline = wrap(f.doc, content.byline, STYLE.body, f.width);
  return [
    { height: title.height, spaceBefore: 0, draw: (y) => drawWrapped(f.doc, title, f.x, y), keepWithNext: true },
    { height: byline.height, spaceBefore: 6, draw: (y) => drawWrapped(f.doc, byline, f.x, y), keepWithNext: true },
  ];
}

/** The handout as PDF bytes. Throws when the data does not pass its schema. */
export async function renderHandout(input: HandoutData): Promise<Buffer> {
  const data = HandoutData.parse(input);
  const content = handoutContent(data);
  return renderDocument(
    {
      paperSize: data.paperSize,
      date: data.issuedOn,
      title: content.documentTitle,
      author: data.clinic.name,
      subject: 'Take-home handout',
    },
    headerText(content),
    (frame) => {
      const units: Unit[] = [...titleUnits(frame, content)];
      for (const section of content.sections) {
        if (section.title !== '') units.push(sectionTitle(frame, section.title));
        for (const block of section.blocks) units.push(...blockUnits(frame, block));
      }
      return units;
    },
  );
}
