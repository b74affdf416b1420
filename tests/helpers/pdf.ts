/**
 * Reading a PDF back for tests: its text as lines per page (pdfjs-dist, the same parser Firefox
 * uses), each text run's size, the page sizes, the drawing operations, and the fonts it embeds.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  /** Lines of text per page, top to bottom, runs on one baseline joined, spaces folded. */
  pages: string[][];
  /**
   * Each page's text in the order it is drawn, lines joined by a space: the reading order, since
   * the handout draws each paragraph, cell and column in turn (page headers come last).
   */
  stream: string[];
  /** Font size of every text run that draws something, in points. */
  sizes: number[];
  /** [width, height] of each page in points. */
  pageSizes: [number, number][];
  /** Per page: how many path-drawing and image-painting operations it has. */
  drawing: { paths: number; images: number }[];
}

interface TextItem {
  str: string;
  transform: number[];
}

/** NBSP and runs of spaces as one ordinary space. */
export function fold(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: string[][] = [];
  const stream: string[] = [];
  const sizes: number[] = [];
  const pageSizes: [number, number][] = [];
  const drawing: { paths: number; images: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    pageSizes.push([Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100]);
    const content = await page.getTextContent();
    const rows = new Map<number, { x: number; str: string }[]>();
    let reading = '';
    let lastY: number | null = null;
    for (const raw of content.items) {
      if (!('str' in raw)) continue;
      const item = raw as TextItem;
      const itemY = item.transform[5] ?? 0;
      if (item.str !== '') {
        reading += (lastY !== null && Math.abs(itemY - lastY) > 0.5 ? ' ' : '') + item.str;
        lastY = itemY;
      }
      if (item.str.trim() !== '') sizes.push(Math.hypot(item.transform[0] ?? 0, item.transform[1] ?? 0));
      const y = Math.round((item.transform[5] ?? 0) * 2) / 2;
      const row = rows.get(y) ?? [];
      row.push({ x: item.transform[4] ?? 0, str: item.str });
      rows.set(y, row);
    }
    pages.push(
      [...rows.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, row]) =>
          fold(
            row
              .sort((a, b) => a.x - b.x)
              .map((r) => r.str)
              .join(''),
          ),
        )
        .filter((l) => l !== ''),
    );
    stream.push(fold(reading));
    const ops = await page.getOperatorList();
    let paths = 0;
    let images = 0;
    for (const fn of ops.fnArray) {
      if (fn === OPS.constructPath) paths++;
      if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) images++;
    }
    drawing.push({ paths, images });
  }
  await doc.destroy();
  return { pages, stream, sizes, pageSizes, drawing };
}

/** All the text in reading order, pages in order, spaces folded. */
export function allText(pdf: PdfText): string {
  return pdf.stream.join(' ');
}

/** The page (0-based) whose text holds `needle`, or -1. */
export function pageOf(pdf: PdfText, needle: string, fromPage = 0): number {
  const n = fold(needle);
  const at = pdf.stream.slice(fromPage).findIndex((page) => page.includes(n));
  return at < 0 ? -1 : at + fromPage;
}

export interface EmbeddedFont {
  baseFont: string;
  subtype: string;
  /** The descriptor points at an embedded font program (FontFile, FontFile2 or FontFile3). */
  embedded: boolean;
}

/**
 * The fonts a pdfkit PDF uses, from its object text (pdfkit leaves dictionaries uncompressed):
 * every descendant font's descriptor and whether it carries the font program.
 */
export function fontsOf(pdf: Uint8Array): EmbeddedFont[] {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = new Map<string, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const fonts: EmbeddedFont[] = [];
  for (const body of objects.values()) {
    if (!/\/Type \/Font\b/.test(body)) continue;
    const subtype = /\/Subtype \/(\w+)/.exec(body)?.[1] ?? '';
    if (subtype === 'Type0') continue; // the composite font; its descendant is checked below
    const baseFont = /\/BaseFont \/([^\s/]+)/.exec(body)?.[1] ?? '';
    const descriptorRef = /\/FontDescriptor (\d+) 0 R/.exec(body)?.[1];
    const descriptor = descriptorRef ? (objects.get(descriptorRef) ?? '') : '';
    fonts.push({ baseFont, subtype, embedded: /\/FontFile[23]? \d+ 0 R/.test(descriptor) });
  }
  return fonts;
}
