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
import PDFDocument from 'pdfkit';
import { handoutContent } from '../../shared/handout/content';
import type { HandoutContent } from '../../shared/handout/content';
import { HandoutData } from '../../shared/handout/handout-data';
import type { Frame } from './blocks';
import { blockUnits } from './blocks';
import type { FaceName } from './fonts';
import { fontOf, shareLayoutCache } from './fonts';
import type { Page, Unit } from './layout';
import { ACCENT, flow, HEADER_TOP, pageOf, RULE, STYLE } from './layout';
import type { Wrapped } from './text';
import { drawWrapped, measure, wrap } from './text';

/** Changes when the layout changes, so a reprint that differs can say why. Stored with each handout. */
export const HANDOUT_LAYOUT_VERSION = 1;

type Doc = PDFKit.PDFDocument;

const FACES: readonly FaceName[] = ['regular', 'bold'];

function newDocument(data: HandoutData, content: HandoutContent): Doc {
  // Noon UTC on the issue date: the same calendar day in every time zone a viewer shows it in.
  const date = new Date(`${data.issuedOn}T12:00:00.000Z`);
  const doc = new PDFDocument({
    size: data.paperSize === 'A4' ? 'A4' : 'LETTER',
    margin: 0,
    bufferPages: true,
    autoFirstPage: false,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: content.documentTitle,
      Author: data.clinic.name,
      Subject: 'Take-home handout',
      Creator: 'Stride Clinic',
      Producer: 'Stride Clinic (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  for (const face of FACES) {
    // pdfkit accepts a parsed font in place of the file; its typings only list file sources.
    doc.registerFont(face, fontOf(face) as unknown as Buffer);
    doc.font(face);
    shareLayoutCache(face, (doc as unknown as { _font: unknown })._font);
  }
  return doc;
}

interface Header {
  left: Wrapped[];
  right: (pageLabel: string) => Wrapped[];
  height: number;
}

function header(doc: Doc, content: HandoutContent, width: number): Header {
  const style = STYLE.header;
  // The right side (patient, date, page) takes what it needs, up to half; the clinic gets the rest.
  const rightNeeds = Math.max(
    measure(doc, content.header.patientName, 'bold', style.size),
    measure(doc, `${content.header.date} · Page 99 of 99`, 'regular', style.size),
  );
  const rightWidth = Math.min(rightNeeds + 1, width / 2);
  const leftWidth = width - rightWidth - 16;
  const left = [
    wrap(doc, [{ text: content.header.clinicName, bold: true }], style, leftWidth),
    ...(content.header.contact === '' ? [] : [wrap(doc, [{ text: content.header.contact }], style, leftWidth)]),
  ];
  const right = (pageLabel: string) => [
    wrap(doc, [{ text: content.header.patientName, bold: true }], style, rightWidth),
    wrap(doc, [{ text: `${content.header.date} · ${pageLabel}` }], style, rightWidth),
  ];
  const sum = (ws: Wrapped[]) => ws.reduce((h, w) => h + w.height, 0);
  return { left, right, height: Math.max(sum(left), sum(right('Page 99 of 99'))) };
}

function drawHeader(doc: Doc, page: Page, h: Header, pageLabel: string): void {
  let y = HEADER_TOP;
  for (const w of h.left) y = drawWrapped(doc, w, page.left, y);
  y = HEADER_TOP;
  for (const w of h.right(pageLabel)) {
    // Right-aligned, line by line: the header's two sides read as two labels, not body text.
    for (const line of w.lines) {
      drawWrapped(doc, { lines: [line], style: w.style, height: w.style.leading }, page.right - line.width, y);
      y += w.style.leading;
    }
  }
  const ruleY = HEADER_TOP + h.height + 6;
  doc.save().lineWidth(1).strokeColor(RULE).moveTo(page.left, ruleY).lineTo(page.right, ruleY).stroke().restore();
}

function titleUnits(f: Frame, content: HandoutContent): Unit[] {
  const title = wrap(f.doc, [{ text: content.title, bold: true }], STYLE.title, f.width);
  const byline = wrap(f.doc, content.byline, STYLE.body, f.width);
  return [
    { height: title.height, spaceBefore: 0, draw: (y) => drawWrapped(f.doc, title, f.x, y), keepWithNext: true },
    { height: byline.height, spaceBefore: 6, draw: (y) => drawWrapped(f.doc, byline, f.x, y), keepWithNext: true },
  ];
}

function sectionTitle(f: Frame, text: string): Unit {
  const wrapped = wrap(f.doc, [{ text, bold: true }], STYLE.section, f.width);
  return {
    height: wrapped.height + 6,
    spaceBefore: 26,
    keepWithNext: true,
    draw: (y) => {
      drawWrapped(f.doc, wrapped, f.x, y);
      const ruleY = y + wrapped.height + 2;
      f.doc
        .save()
        .lineWidth(2)
        .strokeColor(ACCENT)
        .moveTo(f.x, ruleY)
        .lineTo(f.x + 48, ruleY)
        .stroke()
        .restore();
    },
  };
}

/** The handout as PDF bytes. Throws when the data does not pass its schema. */
export async function renderHandout(input: HandoutData): Promise<Buffer> {
  const data = HandoutData.parse(input);
  const content = handoutContent(data);
  const doc = newDocument(data, content);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const base = pageOf(data.paperSize);
  const head = header(doc, content, base.contentWidth);
  const page: Page = { ...base, top: Math.max(base.top, HEADER_TOP + head.height + 16) };
  const frame: Frame = { doc, x: page.left, width: page.contentWidth };

  const units: Unit[] = [...titleUnits(frame, content)];
  for (const section of content.sections) {
    if (section.title !== '') units.push(sectionTitle(frame, section.title));
    for (const block of section.blocks) units.push(...blockUnits(frame, block));
  }

  const addPage = () => doc.addPage({ size: data.paperSize === 'A4' ? 'A4' : 'LETTER', margin: 0 });
  addPage();
  flow(units, page, addPage);

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    drawHeader(doc, page, head, `Page ${i - start + 1} of ${count}`);
  }
  doc.end();
  return finished;
}
