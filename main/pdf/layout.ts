/**
 * The handout's page: paper sizes, margins, type sizes and colours, and the flow that places
 * measured units down the pages. A unit is something that must not be split (a paragraph, a table
 * row, an exercise block, the calendar); the flow starts a new page rather than cut one, keeps a
 * heading with what follows it, and repeats a table's header row on the next page.
 *
 * Colours are dark on white (body text at about 17:1, headings at about 8:1), and every colour
 * on the page also has a word or a shape that says the same thing.
 */
import type { PaperSize } from '../../shared/domain/settings';

export const PAPER: Readonly<Record<PaperSize, { width: number; height: number }>> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

export const MARGIN_X = 44;
export const HEADER_TOP = 28;
export const CONTENT_TOP = 76;
/** Half an inch: inside every printer's printable area. */
export const MARGIN_BOTTOM = 36;

export const INK = '#161a19';
export const MUTED = '#3f4845';
export const ACCENT = '#0b5754';
export const RULE = '#7d8c88';
export const LIGHT_RULE = '#b9c4c1';
export const TINT = '#eaf3f1';
export const HEADER_FILL = '#dde9e6';
export const URGENT = '#8f1d14';
export const URGENT_TINT = '#fbecea';

export const STYLE = {
  title: { size: 24, leading: 30, color: INK, bold: true },
  section: { size: 20, leading: 26, color: ACCENT, bold: true },
  heading: { size: 15, leading: 20, color: INK, bold: true },
  boxTitle: { size: 16, leading: 21, color: INK, bold: true },
  exerciseName: { size: 14.5, leading: 19, color: INK, bold: true },
  body: { size: 12, leading: 15.5, color: INK },
  /** Wide tables for clinicians (the record's check-ins): still 11 pt. */
  table: { size: 11, leading: 14, color: INK },
  strong: { size: 13, leading: 17.5, color: INK, bold: true },
  header: { size: 12, leading: 16, color: INK },
  small: { size: 12, leading: 16, color: MUTED },
} as const;

export interface Page {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly contentWidth: number;
  readonly top: number;
  readonly bottom: number;
}

export function pageOf(paper: PaperSize): Page {
  const { width, height } = PAPER[paper];
  return {
    width,
    height,
    left: MARGIN_X,
    right: width - MARGIN_X,
    contentWidth: width - 2 * MARGIN_X,
    top: CONTENT_TOP,
    bottom: height - MARGIN_BOTTOM,
  };
}

/** A piece of the page that is measured before it is drawn and never split across pages. */
export interface Unit {
  readonly height: number;
  /** Gap above it, dropped at the top of a page. */
  readonly spaceBefore: number;
  /** Move to the next page with the unit after it rather than end a page with it (headings). */
  readonly keepWithNext?: boolean;
  /** Drawn first when the unit starts a new page (a table's header row). */
  readonly repeatOnNewPage?: Unit;
  readonly draw: (y: number) => void;
}

/** Places units down the pages; calls `newPage` to start each page after the first. */
export function flow(units: readonly Unit[], page: Page, newPage: () => void): void {
  let y = page.top;
  const atTop = () => y <= page.top + 0.01;
  units.forEach((unit, i) => {
    // A unit that keeps with the next needs room for the next too, and so on down the chain
    // (a heading, its lead-in sentence, and the table it introduces).
    let need = unit.spaceBefore + unit.height;
    for (let j = i; units[j]?.keepWithNext && j < i + 4; j++) {
      const next = units[j + 1];
      if (!next) break;
      need += next.spaceBefore + next.height;
    }
    if (!atTop() && y + need > page.bottom) {
      newPage();
      y = page.top;
      if (unit.repeatOnNewPage) {
        unit.repeatOnNewPage.draw(y);
        y += unit.repeatOnNewPage.height;
      }
    } else if (!atTop()) {
      y += unit.spaceBefore;
    }
    unit.draw(y);
    y += unit.height;
  });
}
