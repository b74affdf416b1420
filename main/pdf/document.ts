/**
 * What every PDF the app makes shares (the take-home handout, the patient's record): a pdfkit
 * document with the embedded fonts and fixed metadata dates, the page header with "Page x of y"
 * drawn on every page once the page count is known, section titles, and the flow of measured
 * units down the pages.
 *
 * Deterministic: the PDF's dates come from the caller (a date of the document, never the
 * clock), pdfkit derives the file ID from those fixed properties, and nothing random is written,
 * so the same content gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import type { Run } from '../../shared/handout/content';
import type { PaperSize } from '../../shared/domain/settings';
import type { Frame } from './blocks';
import type { FaceName } from './fonts';
import { fontOf, shareLayoutCache } from './fonts';
import type { Page, Unit } from './layout';
import { ACCENT, flow, HEADER_TOP, pageOf, RULE, STYLE } from './layout';
import type { Wrapped } from './text';
import { drawWrapped, measure, wrap } from './text';

type Doc = PDFKit.PDFDocument;

const FACES: readonly FaceName[] = ['regular', 'bold'];

export interface DocumentInfo {
  readonly paperSize: PaperSize;
  /** The document's date (YYYY-MM-DD): written as noon UTC, the same day in every time zone. */
  readonly date: string;
  readonly title: string;
  readonly author: string;
  readonly subject: string;
}

function newDocument(info: DocumentInfo): Doc {
  const date = new Date(`${info.date}T12:00:00.000Z`);
  const doc = new PDFDocument({
    size: info.paperSize === 'A4' ? 'A4' : 'LETTER',
    margin: 0,
    bufferPages: true,
    autoFirstPage: false,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
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

/**
 * The header's words: lines on the left (the clinic), lines on the right (the patient), the
 * right's last line ending with the page label. Each line is a list of runs.
 */
export interface HeaderText {
  readonly left: readonly (readonly Run[])[];
  readonly right: (pageLabel: string) => readonly (readonly Run[])[];
}

interface Header {
  left: Wrapped[];
  right: (pageLabel: string) => Wrapped[];
  height: number;
}

/** The widest label a page can have, for measuring before the page count is known. */
const WIDEST_LABEL = 'Page 99 of 99';

function lineWidth(doc: Doc, runs: readonly Run[], size: number): number {
  return runs.reduce((w, r) => w + measure(doc, r.text, r.bold ? 'bold' : 'regular', size), 0);
}

function header(doc: Doc, text: HeaderText, width: number): Header {
  const style = STYLE.header;
  // The right side (patient, date, page) takes what it needs, up to half; the clinic gets the rest.
  const rightNeeds = Math.max(...text.right(WIDEST_LABEL).map((runs) => lineWidth(doc, runs, style.size)));
  const rightWidth = Math.min(rightNeeds + 1, width / 2);
  const leftWidth = width - rightWidth - 16;
  const left = text.left.map((runs) => wrap(doc, runs, style, leftWidth));
  const right = (pageLabel: string) => text.right(pageLabel).map((runs) => wrap(doc, runs, style, rightWidth));
  const sum = (ws: Wrapped[]) => ws.reduce((h, w) => h + w.height, 0);
  return { left, right, height: Math.max(sum(left), sum(right(WIDEST_LABEL))) };
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

/** A section's title in the accent colour with a short rule under it; kept with what follows. */
export function sectionTitle(f: Frame, text: string): Unit {
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

/**
 * Makes a PDF: `units` receives the column to lay out in and returns the units to flow down the
 * pages; the header is drawn on every page afterwards, with "Page x of y".
 */
export async function renderDocument(
  info: DocumentInfo,
  headerText: HeaderText,
  units: (frame: Frame) => readonly Unit[],
): Promise<Buffer> {
  const doc = newDocument(info);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const base = pageOf(info.paperSize);
  const head = header(doc, headerText, base.contentWidth);
  const page: Page = { ...base, top: Math.max(base.top, HEADER_TOP + head.height + 16) };
  const frame: Frame = { doc, x: page.left, width: page.contentWidth };
  const laidOut = units(frame);

  const addPage = () => doc.addPage({ size: info.paperSize === 'A4' ? 'A4' : 'LETTER', margin: 0 });
  addPage();
  flow(laidOut, page, addPage);

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    drawHeader(doc, page, head, `Page ${i - start + 1} of ${count}`);
  }
  doc.end();
  return finished;
}
