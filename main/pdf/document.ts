/**
 * What every PDF the app makes shares (the take-home handout, the patient's record): a pdfkit
 * document with the embedded fonts and fixed metadata dates, the page header with "Page x of y"
 * drawn on every page once the page count is known, section titles, and the flow of measured
 * units down the pages.
 *
 * Tagged (PDF 1.7, language, title shown by viewers, a structure tree: tags.ts), so a screen
 * reader reads it in order and skips the page header.
 *
 * Deterministic: the PDF's dates come from the caller (a date of the document, never the
 * clock), pdfkit derives the file ID from those fixed properties, and nothing random is written,
 * so the same content gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import type { Run } from '../../shared/handout/content-blocks';
import type { PaperSize } from '../../shared/domain/settings';
import type { Frame } from './blocks';
import type { FaceName } from './fonts';
import { fontOf, shareLayoutCache } from './fonts';
import type { Page, Unit } from './layout';
import { ACCENT, flow, HEADER_TOP, pageOf, RULE, STYLE } from './layout';
import { artifact, endTags, leaf, startTags } from './tags';
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
    pdfVersion: '1.7',
    tagged: true,
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
    // Safe: pdfkit accepts a parsed font in place of the file (fonts.ts parses it with pdfkit
    // itself); its typings only list file sources.
    doc.registerFont(face, fontOf(face) as unknown as Buffer);
    doc.font(face);
    // pdfkit's current font is a private field its typings do not name; read as unknown, checked there.
    shareLayoutCache(face, Reflect.get(doc, '_font'));
  }
  return doc;
}

/**
 * The header's words: lines on the left (the clinic), lines on the right (the patient), the
 * right's last line ending with the page label. Each line is a list of runs, wrapped to fit.
 */
export interface HeaderText {
  readonly left: readonly (readonly Run[])[];
  readonly right: (pageLabel: string) => readonly (readonly Run[])[];
}

/** A piece of a one-line header: dropped, or cut short with "…", when the line is too long. */
export interface HeaderPiece extends Run {
  /** Dropped when the line does not fit, lowest first. */
  readonly drop?: number;
  /** Cut short (with "…") when the line still does not fit after dropping. */
  readonly shorten?: boolean;
}

/**
 * A header of single lines that never wrap (the handout's: one line of clinic, one of patient):
 * each line's left pieces fit beside its right-aligned runs, by dropping and shortening pieces.
 */
export interface HeaderLines {
  readonly lines: (pageLabel: string) => readonly {
    readonly left: readonly HeaderPiece[];
    readonly right?: readonly Run[];
  }[];
}

interface Header {
  draw: (doc: Doc, page: Page, pageLabel: string) => void;
  height: number;
}

/** The widest label a page can have, for measuring before the page count is known. */
const WIDEST_LABEL = 'Page 99 of 99';

function lineWidth(doc: Doc, runs: readonly Run[], size: number): number {
  return runs.reduce((w, r) => w + measure(doc, r.text, r.bold ? 'bold' : 'regular', size), 0);
}

const ELLIPSIS = '…';

/** A piece of text cut to `width` at most, ending in "…" when cut. */
function shortened(doc: Doc, text: string, face: 'regular' | 'bold', size: number, width: number): string {
  if (measure(doc, text, face, size) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = `${chars.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`;
    if (measure(doc, candidate, face, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? ELLIPSIS : `${chars.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
}

/** The pieces that fit in `width` on one line: drop the droppable (lowest first), then shorten. */
export function fitLine(doc: Doc, pieces: readonly HeaderPiece[], width: number, size: number): Run[] {
  const face = (p: Run) => (p.bold ? 'bold' : 'regular');
  const widthOf = (ps: readonly HeaderPiece[]) => ps.reduce((w, p) => w + measure(doc, p.text, face(p), size), 0);
  let kept = [...pieces];
  const droppable = [...new Set(pieces.flatMap((p) => (p.drop === undefined ? [] : [p.drop])))].sort((a, b) => a - b);
  for (const level of droppable) {
    if (widthOf(kept) <= width) break;
    kept = kept.filter((p) => p.drop !== level);
  }
  if (widthOf(kept) > width) {
    const cut = kept.findIndex((p) => p.shorten) >= 0 ? kept.findIndex((p) => p.shorten) : kept.length - 1;
    const target = kept[cut];
    if (target) {
      const others = widthOf(kept.filter((_, i) => i !== cut));
      const text = shortened(doc, target.text, face(target), size, Math.max(0, width - others));
      kept = kept.map((p, i) => (i === cut ? { ...p, text } : p));
    }
  }
  return kept.map((p) => (p.bold ? { text: p.text, bold: true } : { text: p.text }));
}

function singleLineHeader(doc: Doc, text: HeaderLines, width: number): Header {
  const style = STYLE.header;
  const line = (runs: readonly Run[]): Wrapped => {
    const segments = runs.map((r) => {
      const face: FaceName = r.bold ? 'bold' : 'regular';
      return { text: r.text, face, width: measure(doc, r.text, face, style.size) };
    });
    return {
      lines: [{ segments, width: segments.reduce((w, seg) => w + seg.width, 0) }],
      style,
      height: style.leading,
    };
  };
  const count = text.lines(WIDEST_LABEL).length;
  return {
    height: count * style.leading,
    draw: (d, page, pageLabel) => {
      text.lines(pageLabel).forEach((l, i) => {
        const y = HEADER_TOP + i * style.leading;
        // Room for the widest page label, so the left side is cut the same on every page.
        const rightWidth = l.right ? lineWidth(d, text.lines(WIDEST_LABEL)[i]?.right ?? l.right, style.size) : 0;
        const leftWidth = width - (rightWidth > 0 ? rightWidth + 16 : 0);
        drawWrapped(d, line(fitLine(d, l.left, leftWidth, style.size)), page.left, y);
        if (l.right) {
          const right = line(l.right);
          drawWrapped(d, right, page.right - (right.lines[0]?.width ?? 0), y);
        }
      });
    },
  };
}

function header(doc: Doc, text: HeaderText | HeaderLines, width: number): Header {
  if ('lines' in text) return singleLineHeader(doc, text, width);
  const style = STYLE.header;
  // The right side (patient, date, page) takes what it needs, up to half; the clinic gets the rest.
  const rightNeeds = Math.max(...text.right(WIDEST_LABEL).map((runs) => lineWidth(doc, runs, style.size)));
  const rightWidth = Math.min(rightNeeds + 1, width / 2);
  const leftWidth = width - rightWidth - 16;
  const left = text.left.map((runs) => wrap(doc, runs, style, leftWidth));
  const right = (pageLabel: string) => text.right(pageLabel).map((runs) => wrap(doc, runs, style, rightWidth));
  const sum = (ws: Wrapped[]) => ws.reduce((h, w) => h + w.height, 0);
  return {
    height: Math.max(sum(left), sum(right(WIDEST_LABEL))),
    draw: (d, page, pageLabel) => {
      let y = HEADER_TOP;
      for (const w of left) y = drawWrapped(d, w, page.left, y);
      y = HEADER_TOP;
      for (const w of right(pageLabel)) {
        // Right-aligned, line by line: the header's two sides read as two labels, not body text.
        for (const line of w.lines) {
          drawWrapped(d, { lines: [line], style: w.style, height: w.style.leading }, page.right - line.width, y);
          y += w.style.leading;
        }
      }
    },
  };
}

/** The header repeats on every page: an artifact, not read out on each page. */
function drawHeader(doc: Doc, page: Page, h: Header, pageLabel: string): void {
  artifact(
    doc,
    () => {
      h.draw(doc, page, pageLabel);
      const ruleY = HEADER_TOP + h.height + 6;
      doc.save().lineWidth(1).strokeColor(RULE).moveTo(page.left, ruleY).lineTo(page.right, ruleY).stroke().restore();
    },
    'Pagination',
  );
}

/** A section's title in the accent colour with a short rule under it; kept with what follows. */
export function sectionTitle(f: Frame, text: string): Unit {
  const wrapped = wrap(f.doc, [{ text, bold: true }], STYLE.section, f.width);
  return {
    height: wrapped.height + 6,
    spaceBefore: 26,
    keepWithNext: true,
    draw: (y) => {
      leaf(f.doc, 'H2', () => drawWrapped(f.doc, wrapped, f.x, y));
      const ruleY = y + wrapped.height + 2;
      artifact(f.doc, () =>
        f.doc
          .save()
          .lineWidth(2)
          .strokeColor(ACCENT)
          .moveTo(f.x, ruleY)
          .lineTo(f.x + 48, ruleY)
          .stroke()
          .restore(),
      );
    },
  };
}

/**
 * Makes a PDF: `units` receives the column to lay out in and returns the units to flow down the
 * pages; the header is drawn on every page afterwards, with "Page x of y".
 */
export async function renderDocument(
  info: DocumentInfo,
  headerText: HeaderText | HeaderLines,
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
  startTags(doc);
  addPage();
  flow(laidOut, page, addPage);

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    drawHeader(doc, page, head, `Page ${i - start + 1} of ${count}`);
  }
  endTags(doc);
  doc.end();
  return finished;
}
