/**
 * renderHandout: the take-home handout as a PDF, made with pdfkit from its HandoutData alone.
 *
 * Deterministic: the same data gives the same bytes. The PDF's dates are the handout's issue
 * date (not the clock), its file ID is derived by pdfkit from those fixed properties, object
 * numbers and font subset names follow the drawing order, and nothing random is written. That
 * is what lets an issued handout be stored as its data and its SHA-256, and reprinted exactly.
 *
 * Every page carries a header of two lines that never wrap: the clinic and how to reach it; the
 * patient's name, the date and "Page x of y" (a long name is cut short with "…", the email goes
 * before the phone does). The content (shared/handout/content.ts) flows down the pages in units
 * that are never split: an exercise block, a table row, the calendar's weeks, and whole sections
 * that are read as one (the warning signs). Each section is a Sect in the PDF's structure tree.
 */
import { handoutContent } from '../../shared/handout/content';
import type { HandoutContent } from '../../shared/handout/content-blocks';
import { HandoutData } from '../../shared/handout/handout-data';
import type { Frame } from './blocks';
import { blockUnits } from './blocks';
import type { HeaderLines, HeaderPiece } from './document';
import { renderDocument, sectionTitle } from './document';
import type { Page, Unit } from './layout';
import { pageOf, STYLE } from './layout';
import { group, leaf, within } from './tags';
import { drawWrapped, wrap } from './text';

/** Changes when the layout changes, so a reprint that differs can say why. Stored with each handout. */
export const HANDOUT_LAYOUT_VERSION = 2;

function headerLines(content: HandoutContent): HeaderLines {
  const h = content.header;
  // "Phone ... · email": the email is dropped first, the phone is kept; the clinic's name is cut short.
  const contact = h.contact === '' ? [] : h.contact.split(' · ');
  const clinic: HeaderPiece[] = [
    { text: h.clinicName, bold: true, shorten: true },
    ...contact.map((c, i): HeaderPiece => ({ text: ` · ${c}`, ...(i > 0 ? { drop: contact.length - i } : {}) })),
  ];
  return {
    lines: (pageLabel) => [
      { left: clinic },
      {
        left: [{ text: h.patientName, bold: true, shorten: true }, { text: ` · ${h.date}` }],
        right: [{ text: pageLabel }],
      },
    ],
  };
}

function titleUnits(f: Frame, content: HandoutContent): Unit[] {
  const title = wrap(f.doc, [{ text: content.title, bold: true }], STYLE.title, f.width);
  const byline = wrap(f.doc, content.byline, STYLE.body, f.width);
  return [
    {
      height: title.height,
      spaceBefore: 0,
      draw: (y) => leaf(f.doc, 'H1', () => drawWrapped(f.doc, title, f.x, y)),
      keepWithNext: true,
    },
    {
      height: byline.height,
      spaceBefore: 6,
      draw: (y) => leaf(f.doc, 'P', () => drawWrapped(f.doc, byline, f.x, y)),
      keepWithNext: true,
    },
  ];
}

/** Units drawn as one, never split (when they fit on a page at all). */
function together(units: readonly Unit[], page: Page): Unit[] {
  const first = units[0];
  if (!first) return [];
  const height = units.reduce((sum, u, i) => sum + (i === 0 ? 0 : u.spaceBefore) + u.height, 0);
  if (height > page.bottom - page.top) return [...units];
  return [
    {
      height,
      spaceBefore: first.spaceBefore,
      draw: (y) => {
        let cursor = y;
        units.forEach((u, i) => {
          if (i > 0) cursor += u.spaceBefore;
          u.draw(cursor);
          cursor += u.height;
        });
      },
    },
  ];
}

/** A section's units, each drawn inside the section's Sect element. */
function sectionUnits(frame: Frame, section: HandoutContent['sections'][number], page: Page): Unit[] {
  const sect = group('Sect');
  const inSect = (units: readonly Unit[]) =>
    units.map((u): Unit => ({ ...u, draw: (y) => within(frame.doc, sect, () => u.draw(y)) }));
  const title = section.title === '' ? [] : [sectionTitle(frame, section.title)];
  const kept = section.keepTogether ?? 0;
  const head = inSect([...title, ...section.blocks.slice(0, kept).flatMap((b) => blockUnits(frame, b))]);
  const tail = inSect(section.blocks.slice(kept).flatMap((b) => blockUnits(frame, b)));
  return kept > 0 ? [...together(head, page), ...tail] : [...head, ...tail];
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
    headerLines(content),
    (frame) => {
      const page = pageOf(data.paperSize);
      const units: Unit[] = [...titleUnits(frame, content)];
      for (const section of content.sections) units.push(...sectionUnits(frame, section, page));
      return units;
    },
  );
}
