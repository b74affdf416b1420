/**
 * Text on the handout: measuring, wrapping runs of regular and bold text into lines, and drawing
 * them left-aligned (ragged right, as plain-language guides ask). The lines are worked out once,
 * then measured and drawn from the same result, so the page-break decisions see exactly what is
 * drawn. pdfkit places each line; it never wraps or adds pages itself.
 */
import type { Run } from '../../shared/handout/content-blocks';
import type { FaceName } from './fonts';

type Doc = PDFKit.PDFDocument;

export interface TextStyle {
  /** Points. Body text is 12 pt or more. */
  readonly size: number;
  /** Distance from one line's top to the next's. */
  readonly leading: number;
  readonly color: string;
  /** Bold for every run (headings), whatever the runs say. */
  readonly bold?: boolean;
}

export interface Segment {
  readonly text: string;
  readonly face: FaceName;
  readonly width: number;
}

export interface Line {
  readonly segments: readonly Segment[];
  readonly width: number;
}

export interface Wrapped {
  readonly lines: readonly Line[];
  readonly style: TextStyle;
  readonly height: number;
}

/** Word widths per face and size, for the whole process: the same word always has the same width. */
const widths = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 100_000;

export function setFace(doc: Doc, face: FaceName, size: number): void {
  doc.font(face).fontSize(size);
}

export function measure(doc: Doc, text: string, face: FaceName, size: number): number {
  const key = `${face}\u0000${size}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size > WIDTH_CACHE_LIMIT) widths.clear();
    setFace(doc, face, size);
    w = doc.widthOfString(text);
    widths.set(key, w);
  }
  return w;
}

interface Token {
  readonly text: string;
  readonly face: FaceName;
  /** Whitespace between words: dropped at the start and end of a line. */
  readonly space: boolean;
  /** A line break the text asks for. */
  readonly newline: boolean;
}

function tokens(runs: readonly Run[], style: TextStyle): Token[] {
  const out: Token[] = [];
  for (const run of runs) {
    const face: FaceName = style.bold || run.bold ? 'bold' : 'regular';
    for (const piece of run.text.split(/(\n|[ \t]+)/)) {
      if (piece === '') continue;
      if (piece === '\n') out.push({ text: '', face, space: false, newline: true });
      else
        out.push({
          text: piece.startsWith(' ') || piece.startsWith('\t') ? ' ' : piece,
          face,
          space: /^[ \t]/.test(piece),
          newline: false,
        });
    }
  }
  return out;
}

/** Splits a word longer than the line (a long email address) into pieces that fit. */
function breakWord(doc: Doc, word: string, face: FaceName, size: number, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current !== '' && measure(doc, current + ch, face, size) > width) {
      pieces.push(current);
      current = ch;
    } else {
      current += ch;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** The runs as lines no wider than `width`. */
export function wrap(doc: Doc, runs: readonly Run[], style: TextStyle, width: number): Wrapped {
  const lines: Line[] = [];
  let segs: { text: string; face: FaceName }[] = [];
  let lineWidth = 0;
  let pendingSpace: Token | null = null;

  const push = (text: string, face: FaceName, w: number) => {
    const last = segs[segs.length - 1];
    if (last && last.face === face) last.text += text;
    else segs.push({ text, face });
    lineWidth += w;
  };
  const endLine = () => {
    lines.push({
      segments: segs.map((s) => ({ ...s, width: measure(doc, s.text, s.face, style.size) })),
      width: lineWidth,
    });
    segs = [];
    lineWidth = 0;
    pendingSpace = null;
  };

  for (const token of tokens(runs, style)) {
    if (token.newline) {
      endLine();
      continue;
    }
    if (token.space) {
      if (segs.length > 0) pendingSpace = token;
      continue;
    }
    const wordWidth = measure(doc, token.text, token.face, style.size);
    const space: Token | null = pendingSpace;
    const spaceWidth = space ? measure(doc, ' ', space.face, style.size) : 0;
    if (segs.length > 0 && lineWidth + spaceWidth + wordWidth > width) endLine();
    else if (space) push(' ', space.face, spaceWidth);
    pendingSpace = null;
    if (wordWidth > width) {
      const pieces = breakWord(doc, token.text, token.face, style.size, width);
      pieces.forEach((piece, i) => {
        if (i > 0) endLine();
        push(piece, token.face, measure(doc, piece, token.face, style.size));
      });
    } else {
      push(token.text, token.face, wordWidth);
    }
  }
  if (segs.length > 0 || lines.length === 0) endLine();
  // A text that is only a line break leaves an empty first line; keep the count honest.
  const trimmed = lines.length > 1 && lines[lines.length - 1]!.segments.length === 0 ? lines.slice(0, -1) : lines;
  return { lines: trimmed, style, height: trimmed.length * style.leading };
}

/** Draws wrapped text with its first line's top at `y`; returns the y below the last line. */
export function drawWrapped(doc: Doc, wrapped: Wrapped, x: number, y: number): number {
  const { style } = wrapped;
  // Centre the glyphs in the line's height, so the leading is shared above and below.
  const inset = (style.leading - style.size * 1.36) / 2;
  let top = y;
  for (const line of wrapped.lines) {
    let left = x;
    line.segments.forEach((seg, i) => {
      setFace(doc, seg.face, style.size);
      // Each line ends in a space (invisible): text copied or read aloud keeps its words apart
      // where the line breaks, and a label apart from its value.
      const text = i === line.segments.length - 1 ? `${seg.text} ` : seg.text;
      doc.fillColor(style.color).text(text, left, top + inset, { lineBreak: false });
      left += seg.width;
    });
    top += style.leading;
  }
  return top;
}

/** One line of text, unwrapped, at a point (page headers, table cells known to fit). */
export function drawText(
  doc: Doc,
  text: string,
  face: FaceName,
  size: number,
  color: string,
  x: number,
  y: number,
): number {
  setFace(doc, face, size);
  doc.fillColor(color).text(text, x, y, { lineBreak: false });
  return measure(doc, text, face, size);
}
