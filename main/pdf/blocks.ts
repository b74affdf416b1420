/**
 * Lays out each kind of content block (shared/handout/content.ts) as measured units: paragraphs,
 * lists, label-and-value facts, tables with header rows, the walk/run strip, the calendar, the
 * exercise blocks with their pictures, and framed boxes. Each is tagged as it is drawn
 * (tags.ts): paragraphs, headings, lists, tables and figures, decoration as artifacts.
 */
import type { Block, Cell, Column, Picture, Run } from '../../shared/handout/content-blocks';
import { drawDrawing } from './drawing';
import { artifact, group, inNew, leaf, within } from './tags';
import type { Unit } from './layout';
import { ACCENT, HEADER_FILL, INK, LIGHT_RULE, MUTED, RULE, STYLE, TINT, URGENT, URGENT_TINT } from './layout';
import type { TextStyle, Wrapped } from './text';
import { drawWrapped, measure, wrap } from './text';

type Doc = PDFKit.PDFDocument;

export interface Frame {
  readonly doc: Doc;
  /** Left edge and width of the column the block is laid out in. */
  readonly x: number;
  readonly width: number;
}

const BULLET_INDENT = 16;
const CELL_PAD_X = 6;
const CELL_PAD_Y = 5;
/** Room to write a date or a number by hand. */
const WRITE_ROW_HEIGHT = 30;
/** The picture box: 4 cm wide, 3 cm high (the drawings are 4:3). */
export const PICTURE_WIDTH = (4 / 2.54) * 72;
export const PICTURE_HEIGHT = (3 / 2.54) * 72;
/** The picture's column is a little wider than the picture, for the dosage under it. */
const PICTURE_COLUMN = PICTURE_WIDTH + 14;
const PICTURE_GAP = 14;

const runs = (text: string, bold = false): Run[] => [bold ? { text, bold } : { text }];

function unit(height: number, spaceBefore: number, draw: (y: number) => void, keepWithNext = false): Unit {
  return { height, spaceBefore, draw, ...(keepWithNext ? { keepWithNext } : {}) };
}

function textUnit(f: Frame, wrapped: Wrapped, spaceBefore: number, keepWithNext = false, tag = 'P'): Unit {
  return unit(
    wrapped.height,
    spaceBefore,
    (y) => leaf(f.doc, tag, () => drawWrapped(f.doc, wrapped, f.x, y)),
    keepWithNext,
  );
}

/** A list item: the marker in the margin, the text beside it. */
function listItem(
  f: Frame,
  marker: string,
  content: readonly Run[],
  style: TextStyle,
): { height: number; draw: (y: number) => void } {
  const wrapped = wrap(f.doc, content, style, f.width - BULLET_INDENT);
  const mark = wrap(f.doc, runs(marker, marker !== '•'), style, BULLET_INDENT);
  return {
    height: wrapped.height,
    // One LBody per item: a step's number is read with it ("1. Keep your heel down"); a bullet
    // is decoration. Fewer elements keep the tree, and the time to write it, small.
    draw: (y) =>
      inNew(f.doc, 'LI', () => {
        if (marker === '•') artifact(f.doc, () => drawWrapped(f.doc, mark, f.x, y));
        leaf(f.doc, 'LBody', () => {
          if (marker !== '•') drawWrapped(f.doc, mark, f.x, y);
          drawWrapped(f.doc, wrapped, f.x + BULLET_INDENT, y);
        });
      }),
  };
}

const FACT_LABEL_WIDTH = 104;

function factRow(
  f: Frame,
  label: string,
  lines: readonly (readonly Run[])[],
): { height: number; draw: (y: number) => void } {
  const labelText = wrap(f.doc, runs(label, true), STYLE.body, FACT_LABEL_WIDTH - 8);
  const values = lines.map((l) => wrap(f.doc, l, STYLE.body, f.width - FACT_LABEL_WIDTH));
  const valueHeight = values.reduce((sum, v) => sum + v.height, 0);
  return {
    height: Math.max(labelText.height, valueHeight),
    // Read as one sentence: "How often: 3 times a week."
    draw: (y) =>
      leaf(f.doc, 'P', () => {
        drawWrapped(f.doc, labelText, f.x, y);
        let top = y;
        for (const v of values) top = drawWrapped(f.doc, v, f.x + FACT_LABEL_WIDTH, top);
      }),
  };
}

function columnWidths(columns: readonly Column[], width: number): number[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  return columns.map((c) => (c.weight / total) * width);
}

interface MeasuredCell {
  height: number;
  /** The cell's words; none for a box to tick (an empty cell to a reader). */
  draw: ((x: number, y: number, width: number, height: number) => void) | null;
  /** Lines drawn with the row's borders (the box to tick). */
  decoration?: (x: number, y: number, width: number, height: number) => void;
}

/** The box to tick: big enough for a pen mark. */
const TICK_SIZE = 13;

function measureCell(f: Frame, cell: Cell, width: number, style: TextStyle, centre: boolean): MeasuredCell {
  const inner = width - 2 * CELL_PAD_X;
  if (cell.kind === 'tick') {
    return {
      height: TICK_SIZE,
      draw: null,
      decoration: (x, y, w, h) => {
        f.doc.rect(x + (w - TICK_SIZE) / 2, y + (h - TICK_SIZE) / 2, TICK_SIZE, TICK_SIZE);
      },
    };
  }
  if (cell.kind === 'choice') {
    // "yes   no": words to circle, spaced so a pen circle round one misses the other; stacked one
    // under the other when they do not fit side by side in a narrow column.
    const gap = 14;
    const widths = cell.options.map((o) => measure(f.doc, o, 'regular', STYLE.body.size));
    const stacked = widths.reduce((sum, w) => sum + w, 0) + gap * (cell.options.length - 1) > inner - 2;
    const lineGap = 4;
    const words = cell.options.map((o) => wrap(f.doc, runs(o), STYLE.body, inner - 2));
    const height = stacked
      ? words.reduce((sum, w) => sum + w.height, 0) + (cell.options.length - 1) * lineGap
      : STYLE.body.leading;
    return {
      height,
      draw: (x, y, _w, h) => {
        let top = y + (h - height) / 2;
        let left = x + CELL_PAD_X + 2;
        words.forEach((word, i) => {
          drawWrapped(f.doc, word, left, top);
          if (stacked) top += word.height + lineGap;
          else left += (widths[i] ?? 0) + gap;
        });
      },
    };
  }
  const wrapped = wrap(f.doc, cell.runs, style, inner);
  const height = cell.runs.length === 0 ? 0 : wrapped.height;
  return {
    height,
    draw: (x, y, _w, h) => {
      // Top-aligned where rows hold text to read; centred in tall rows meant for writing.
      const top = centre ? y + (h - height) / 2 : y + CELL_PAD_Y;
      if (cell.runs.length > 0) drawWrapped(f.doc, wrapped, x + CELL_PAD_X, top);
    },
  };
}

function tableUnits(f: Frame, block: Extract<Block, { kind: 'table' }>): Unit[] {
  const widths = columnWidths(block.columns, f.width);
  const doc = f.doc;
  const table = group('Table');
  const rowOf = (
    cells: readonly Cell[],
    header: boolean,
  ): { height: number; draw: (y: number) => void; drawPlain: (y: number) => void } => {
    const centre = !header && block.rowStyle === 'write';
    const body = block.compact ? STYLE.table : STYLE.body;
    const measured = cells.map((c, i) =>
      measureCell(f, c, widths[i] ?? 0, header ? { ...body, bold: true } : body, centre),
    );
    const content = Math.max(...measured.map((m) => m.height));
    const height = Math.max(content + 2 * CELL_PAD_Y, !header && block.rowStyle === 'write' ? WRITE_ROW_HEIGHT : 0);
    const lefts = widths.map((_, i) => f.x + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const cellsOf = (y: number, tagged: boolean) => {
      measured.forEach((m, i) => {
        const w = widths[i] ?? 0;
        const left = lefts[i] ?? 0;
        const draw = m.draw;
        const type = header ? 'TH' : 'TD';
        if (!draw) {
          if (tagged) inNew(doc, type, () => {});
        } else if (tagged) leaf(doc, type, () => draw(left, y, w, height), header ? { scope: 'Column' } : {});
        else draw(left, y, w, height);
      });
    };
    const borders = (y: number) => {
      // Cell borders: dark enough to guide a pen, quiet enough to read past.
      doc.save().lineWidth(0.75).strokeColor(RULE);
      doc.rect(f.x, y, f.width, height);
      for (const x of lefts.slice(1)) doc.moveTo(x, y).lineTo(x, y + height);
      doc.stroke().restore();
      const boxes = measured.filter((m) => m.decoration);
      if (boxes.length > 0) {
        doc.save().lineWidth(1).strokeColor(INK);
        measured.forEach((m, i) => m.decoration?.(lefts[i] ?? 0, y, widths[i] ?? 0, height));
        doc.stroke().restore();
      }
    };
    return {
      height,
      draw: (y) => {
        // Fill and lines first, in one artifact; the words go on top.
        artifact(doc, () => {
          if (header) doc.rect(f.x, y, f.width, height).fill(HEADER_FILL);
          borders(y);
        });
        within(doc, table, () => inNew(doc, 'TR', () => cellsOf(y, true)));
      },
      drawPlain: (y) =>
        artifact(doc, () => {
          if (header) doc.rect(f.x, y, f.width, height).fill(HEADER_FILL);
          cellsOf(y, false);
          borders(y);
        }),
    };
  };
  const headerRow = rowOf(
    block.columns.map((c): Cell => ({ kind: 'text', runs: runs(c.header, true) })),
    true,
  );
  const rows = block.rows.map((cells) => rowOf(cells, false));
  if (block.keepTogether) {
    const height = headerRow.height + rows.reduce((sum, r) => sum + r.height, 0);
    return [
      unit(height, 8, (y) => {
        headerRow.draw(y);
        let top = y + headerRow.height;
        for (const r of rows) {
          r.draw(top);
          top += r.height;
        }
      }),
    ];
  }
  const header: Unit = { height: headerRow.height, spaceBefore: 8, draw: headerRow.draw, keepWithNext: true };
  // The header row again on the next page is a reminder for the eye, not read out twice.
  const repeat: Unit = {
    height: headerRow.height,
    spaceBefore: 0,
    draw: headerRow.drawPlain,
  };
  return [
    header,
    ...rows.map((r): Unit => ({ height: r.height, spaceBefore: 0, draw: r.draw, repeatOnNewPage: repeat })),
  ];
}

function boutsUnit(f: Frame, block: Extract<Block, { kind: 'bouts' }>): Unit {
  const doc = f.doc;
  const barHeight = 34;
  const labels = block.segments.map((s) => measure(doc, s.label, 'bold', STYLE.body.size) + 16);
  // Proportional widths, but every label fits: short bouts borrow from long ones.
  let widths = block.segments.map((s) => s.share * f.width);
  for (let pass = 0; pass < 3; pass++) {
    const short = widths.map((w, i) => Math.max(0, (labels[i] ?? 0) - w));
    const lack = short.reduce((a, b) => a + b, 0);
    if (lack <= 0.01) break;
    const spare = widths.map((w, i) => Math.max(0, w - (labels[i] ?? 0)));
    const spareTotal = spare.reduce((a, b) => a + b, 0);
    if (spareTotal <= 0) break;
    widths = widths.map((w, i) => w + (short[i] ?? 0) - ((spare[i] ?? 0) / spareTotal) * Math.min(lack, spareTotal));
  }
  const lefts = widths.map((_, i) => f.x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const repeat = wrap(doc, runs(block.repeat, true), STYLE.strong, f.width);
  return unit(barHeight + 8 + repeat.height, 8, (y) => {
    artifact(doc, () => {
      block.segments.forEach((s, i) => {
        doc.save();
        doc.rect(lefts[i] ?? 0, y, widths[i] ?? 0, barHeight).lineWidth(1.2);
        if (s.activity !== 'walk') doc.fillAndStroke(ACCENT, ACCENT);
        else doc.fillAndStroke(TINT, ACCENT);
        doc.restore();
      });
    });
    // The strip's words in order, read as one line: "Walk 1 min Run 4 min".
    leaf(doc, 'P', () => {
      block.segments.forEach((s, i) => {
        const w = widths[i] ?? 0;
        const color = s.activity !== 'walk' ? '#ffffff' : INK;
        const label = wrap(doc, runs(s.label, true), { ...STYLE.body, color }, w);
        const x = (lefts[i] ?? 0) + (w - (label.lines[0]?.width ?? 0)) / 2;
        drawWrapped(doc, label, x, y + (barHeight - STYLE.body.leading) / 2);
      });
    });
    leaf(doc, 'P', () => drawWrapped(doc, repeat, f.x, y + barHeight + 8));
  });
}

function calendarUnit(f: Frame, block: Extract<Block, { kind: 'calendar' }>): Unit {
  const doc = f.doc;
  const cellWidth = f.width / 7;
  const headerHeight = STYLE.body.leading + 6;
  const heights = block.weeks.map(
    (week) => Math.max(2, 1 + Math.max(...week.map((d) => d.marks.length))) * STYLE.body.leading + 8,
  );
  const height = headerHeight + heights.reduce((a, b) => a + b, 0);
  return unit(height, 8, (top) =>
    inNew(doc, 'Table', () => {
      inNew(doc, 'TR', () =>
        block.weekdays.forEach((name, i) => {
          const word = wrap(doc, runs(name, true), STYLE.body, cellWidth);
          leaf(doc, 'TH', () => drawWrapped(doc, word, f.x + i * cellWidth + CELL_PAD_X, top + 2), {
            scope: 'Column',
          });
        }),
      );
      let y = top + headerHeight;
      block.weeks.forEach((week, w) => {
        const rowHeight = heights[w] ?? 0;
        const rowTop = y;
        artifact(doc, () =>
          week.forEach((day, i) => {
            const x = f.x + i * cellWidth;
            // Run and visit days are framed (runs also shaded); the words in them say which is which.
            const event = !day.outside && day.marks.some((m) => m !== 'Today');
            const shaded = !day.outside && day.marks.some((m) => m === 'Run' || m === 'Walk');
            doc.save();
            if (shaded) doc.rect(x, rowTop, cellWidth, rowHeight).fill(TINT);
            doc.lineWidth(event ? 2 : 0.75).strokeColor(event ? ACCENT : LIGHT_RULE);
            const inset = event ? 1 : 0;
            doc.rect(x + inset, rowTop + inset, cellWidth - 2 * inset, rowHeight - 2 * inset).stroke();
            doc.restore();
          }),
        );
        inNew(doc, 'TR', () =>
          week.forEach((day, i) => {
            const x = f.x + i * cellWidth;
            leaf(doc, 'TD', () => {
              const label = wrap(doc, runs(day.label), { ...STYLE.body, color: day.outside ? MUTED : INK }, cellWidth);
              drawWrapped(doc, label, x + CELL_PAD_X, rowTop + 4);
              day.marks.forEach((mark, m) => {
                const word = wrap(doc, runs(mark, true), STYLE.body, cellWidth - 2 * CELL_PAD_X);
                drawWrapped(doc, word, x + CELL_PAD_X, rowTop + 4 + (m + 1) * STYLE.body.leading);
              });
            });
          }),
        );
        y += rowHeight;
      });
    }),
  );
}

/** The picture, tagged as a figure with its description as the text alternative. */
function drawPicture(f: Frame, picture: Picture | null, x: number, y: number): void {
  const doc = f.doc;
  const box = { x, y, width: PICTURE_WIDTH, height: PICTURE_HEIGHT };
  if (picture) {
    leaf(
      doc,
      'Figure',
      () => {
        if (picture.kind === 'drawing') {
          drawDrawing(doc, picture.drawing, box);
        } else {
          doc.image(Buffer.from(picture.base64, 'base64'), box.x, box.y, {
            fit: [box.width, box.height],
            align: 'center',
            valign: 'center',
          });
        }
      },
      { alt: picture.description },
    );
  }
  artifact(doc, () =>
    doc.save().lineWidth(0.75).strokeColor(LIGHT_RULE).rect(box.x, box.y, box.width, box.height).stroke().restore(),
  );
}

/** A part of an exercise block: measured, placed in its column, then drawn in reading order. */
interface Part {
  height: number;
  space: number;
  draw: (y: number) => void;
}

function exerciseUnit(f: Frame, block: Extract<Block, { kind: 'exercise' }>): Unit {
  const doc = f.doc;
  /** A part made for the column it falls in: beside the picture, or the full width below it. */
  type Maker = { space: number; make: (column: Frame) => Omit<Part, 'space'> };
  const para = (content: readonly Run[], style: TextStyle, space: number, tag = 'P'): Maker => ({
    space,
    make: (column) => {
      const w = wrap(doc, content, style, column.width);
      return { height: w.height, draw: (y) => leaf(doc, tag, () => drawWrapped(doc, w, column.x, y)) };
    },
  });
  const labelled = (label: string, words: string, space: number): Maker =>
    para([{ text: `${label} `, bold: true }, { text: words }], STYLE.body, space);

  // Left: the picture, and under it how much to do as a small grid. Right: the name, what it is
  // for, how to start, the numbered steps, the tips, what to avoid, the easier and harder
  // versions and the clinician's note; what comes below the picture's column takes the full
  // width. Read in this order: name and purpose, picture, dosage, the rest.
  const left: Frame = { doc, x: f.x, width: PICTURE_COLUMN };
  const right: Frame = { doc, x: f.x + PICTURE_COLUMN + PICTURE_GAP, width: f.width - PICTURE_COLUMN - PICTURE_GAP };
  const picture: Part = { height: PICTURE_HEIGHT, space: 0, draw: (y) => drawPicture(f, block.picture, left.x, y) };
  const dosage: Part = { ...dosageGrid(left, block.dosage), space: 6 };
  const steps = group('L');
  const makers: Maker[] = [
    para(runs(`${block.number}. ${block.name}`), STYLE.exerciseName, 0, 'H3'),
    para(runs(block.purpose), STYLE.body, 0),
    labelled('Start:', block.start, 4),
    ...block.steps.map((step, i): Maker => ({
      space: i === 0 ? 4 : 0.5,
      make: (column) => {
        const li = listItem(column, `${i + 1}.`, runs(step), STYLE.body);
        return { height: li.height, draw: (y) => within(doc, steps, () => li.draw(y)) };
      },
    })),
    labelled('Tips:', block.tips.join(' '), 4),
  ];
  if (block.mistakes.length > 0) makers.push(labelled('Avoid:', block.mistakes.join(' '), 4));
  // Easier and harder versions share a paragraph: "Too hard? Do this instead: X. Too easy? Ask us about: Y."
  const variants: Run[] = [];
  if (block.easier.length > 0) {
    variants.push({ text: 'Too hard? Do this instead: ', bold: true }, { text: `${block.easier.join(' or ')}. ` });
  }
  if (block.harder.length > 0) {
    variants.push({ text: 'Too easy? Ask us about: ', bold: true }, { text: `${block.harder.join(' or ')}.` });
  }
  if (variants.length > 0) makers.push(para(variants, STYLE.body, 4));
  const note = block.note;
  if (note) {
    makers.push({
      space: 5,
      make: (column) => {
        const w = wrap(
          doc,
          [{ text: `${note.label} `, bold: true }, { text: note.text }],
          STYLE.body,
          column.width - 18,
        );
        const h = w.height + 10;
        return {
          height: h,
          draw: (y) => {
            artifact(doc, () => {
              doc.save().rect(column.x, y, column.width, h).fill(TINT).restore();
              doc.save().rect(column.x, y, 3, h).fill(ACCENT).restore();
            });
            leaf(doc, 'P', () => drawWrapped(doc, w, column.x + 12, y + 5));
          },
        };
      },
    });
  }
  const leftHeight = picture.height + dosage.space + dosage.height;
  let cursor = 0;
  const placed = makers.map((m) => {
    cursor += m.space;
    const part = m.make(cursor >= leftHeight + 6 ? f : right);
    const at = cursor;
    cursor += part.height;
    return { ...part, at };
  });
  const height = 8 + Math.max(leftHeight, cursor) + 3;
  return unit(height, 4, (y) => {
    artifact(doc, () =>
      doc
        .save()
        .lineWidth(0.75)
        .strokeColor(LIGHT_RULE)
        .moveTo(f.x, y)
        .lineTo(f.x + f.width, y)
        .stroke()
        .restore(),
    );
    const top = y + 8;
    inNew(doc, 'Sect', () => {
      const [name, purpose, ...rest] = placed;
      name?.draw(top + name.at);
      purpose?.draw(top + purpose.at);
      picture.draw(top);
      dosage.draw(top + picture.height + dosage.space);
      for (const p of rest) p.draw(top + p.at);
    });
  });
}

const DOSE_LABEL_WIDTH = 46;

/** "How much" as a two-column grid under the picture: "Sets 3", "Reps 12 each side", ... */
function dosageGrid(column: Frame, rows: readonly { label: string; value: string }[]): Part {
  const doc = column.doc;
  const title = wrap(doc, runs('How much:', true), STYLE.body, column.width);
  const measured = rows.map((r) => ({
    label: wrap(doc, runs(r.label), STYLE.body, DOSE_LABEL_WIDTH - 4),
    value: wrap(doc, runs(r.value, true), STYLE.body, column.width - DOSE_LABEL_WIDTH - 4),
  }));
  const rowHeights = measured.map((m) => Math.max(m.label.height, m.value.height) + 3);
  const height = title.height + 2 + rowHeights.reduce((a, b) => a + b, 0);
  return {
    height,
    space: 0,
    draw: (y) => {
      leaf(doc, 'P', () => drawWrapped(doc, title, column.x, y));
      let top = y + title.height + 2;
      const tops = rowHeights.map((h) => {
        const at = top;
        top += h;
        return at;
      });
      artifact(doc, () => {
        doc.save().lineWidth(0.75).strokeColor(LIGHT_RULE);
        for (const at of tops.slice(1)) {
          doc
            .moveTo(column.x, at - 1.5)
            .lineTo(column.x + column.width, at - 1.5)
            .stroke();
        }
        doc.restore();
      });
      inNew(doc, 'Table', () =>
        measured.forEach((m, i) =>
          inNew(doc, 'TR', () => {
            const at = tops[i]!;
            leaf(doc, 'TH', () => drawWrapped(doc, m.label, column.x, at), { scope: 'Row' });
            leaf(doc, 'TD', () => drawWrapped(doc, m.value, column.x + DOSE_LABEL_WIDTH, at));
          }),
        ),
      );
    },
  };
}

function boxUnit(f: Frame, block: Extract<Block, { kind: 'box' }>): Unit {
  const doc = f.doc;
  const pad = 14;
  const inner: Frame = { doc, x: f.x + pad, width: f.width - 2 * pad };
  const urgent = block.tone === 'urgent';
  const title = wrap(doc, runs(block.title, true), { ...STYLE.boxTitle, color: urgent ? URGENT : INK }, inner.width);
  const units = block.blocks.flatMap((b) => blockUnits(inner, b));
  const body = units.reduce((sum, u, i) => sum + (i === 0 ? 4 : u.spaceBefore) + u.height, 0);
  const height = pad + title.height + body + pad;
  return unit(height, 12, (y) => {
    artifact(doc, () => {
      doc.save();
      doc.roundedRect(f.x, y, f.width, height, 6).lineWidth(urgent ? 2.5 : 1.5);
      doc.fillAndStroke(urgent ? URGENT_TINT : TINT, urgent ? URGENT : ACCENT);
      doc.restore();
    });
    inNew(doc, 'Div', () => {
      let cursor = y + pad + title.height;
      leaf(doc, 'H3', () => drawWrapped(doc, title, inner.x, y + pad));
      units.forEach((u, i) => {
        cursor += i === 0 ? 4 : u.spaceBefore;
        u.draw(cursor);
        cursor += u.height;
      });
    });
  });
}

/**
 * A long list of short items in two columns, read down the left then down the right: one unit
 * (the list is short and read as a whole), the left column drawn first so it is read first.
 */
function twoColumnBullets(f: Frame, items: readonly (readonly Run[])[]): Unit {
  const gap = 18;
  const half = (f.width - gap) / 2;
  const leftCount = Math.ceil(items.length / 2);
  const left: Frame = { doc: f.doc, x: f.x, width: half };
  const right: Frame = { doc: f.doc, x: f.x + half + gap, width: half };
  const measured = items.map((item, i) => listItem(i < leftCount ? left : right, '•', item, STYLE.body));
  const rowHeights = Array.from({ length: leftCount }, (_, row) =>
    Math.max(measured[row]?.height ?? 0, measured[row + leftCount]?.height ?? 0),
  );
  const rowTops = rowHeights.map((_, row) => rowHeights.slice(0, row).reduce((sum, h) => sum + h + 5, 0));
  const height = rowHeights.reduce((sum, h) => sum + h, 0) + 5 * (leftCount - 1);
  return unit(height, 6, (y) =>
    inNew(f.doc, 'L', () => measured.forEach((li, i) => li.draw(y + (rowTops[i % leftCount] ?? 0)))),
  );
}

/** The units of one block, laid out in the frame's column. */
export function blockUnits(f: Frame, block: Block): Unit[] {
  switch (block.kind) {
    case 'heading':
      return [textUnit(f, wrap(f.doc, runs(block.text, true), STYLE.heading, f.width), 16, true, 'H3')];
    case 'paragraph':
      return [
        textUnit(f, wrap(f.doc, block.runs, STYLE.body, f.width), block.spaceBefore ?? 7, block.keepWithNext ?? false),
      ];
    case 'bullets': {
      if (block.columns === 2) return [twoColumnBullets(f, block.items)];
      const list = group('L');
      return block.items.map((item, i) => {
        const li = listItem(f, '•', item, STYLE.body);
        return unit(li.height, i === 0 ? 6 : 3, (y) => within(f.doc, list, () => li.draw(y)));
      });
    }
    case 'facts':
      return block.rows.map((row, i) => {
        const r = factRow(f, row.label, row.lines);
        return unit(r.height, i === 0 ? 6 : 5, r.draw);
      });
    case 'table':
      return tableUnits(f, block);
    case 'bouts':
      return [boutsUnit(f, block)];
    case 'calendar':
      return [calendarUnit(f, block)];
    case 'exercise':
      return [exerciseUnit(f, block)];
    case 'box':
      return [boxUnit(f, block)];
  }
}
