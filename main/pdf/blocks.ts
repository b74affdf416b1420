/**
 * Lays out each kind of content block (shared/handout/content.ts) as measured units: paragraphs,
 * lists, label-and-value facts, tables with header rows, the walk/run strip, the calendar, the
 * exercise blocks with their pictures, and framed boxes.
 */
import type { Block, Cell, Column, Picture, Run } from '../../shared/handout/content';
import { drawDrawing } from './drawing';
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

function textUnit(f: Frame, wrapped: Wrapped, spaceBefore: number, keepWithNext = false): Unit {
  return unit(wrapped.height, spaceBefore, (y) => drawWrapped(f.doc, wrapped, f.x, y), keepWithNext);
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
    draw: (y) => {
      drawWrapped(f.doc, mark, f.x, y);
      drawWrapped(f.doc, wrapped, f.x + BULLET_INDENT, y);
    },
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
    draw: (y) => {
      drawWrapped(f.doc, labelText, f.x, y);
      let top = y;
      for (const v of values) top = drawWrapped(f.doc, v, f.x + FACT_LABEL_WIDTH, top);
    },
  };
}

function columnWidths(columns: readonly Column[], width: number): number[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  return columns.map((c) => (c.weight / total) * width);
}

interface MeasuredCell {
  height: number;
  draw: (x: number, y: number, width: number, height: number) => void;
}

function measureCell(f: Frame, cell: Cell, width: number, style: TextStyle, centre: boolean): MeasuredCell {
  const inner = width - 2 * CELL_PAD_X;
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
  const rowOf = (cells: readonly Cell[], header: boolean): { height: number; draw: (y: number) => void } => {
    const centre = !header && block.rowStyle === 'write';
    const body = block.compact ? STYLE.table : STYLE.body;
    const measured = cells.map((c, i) =>
      measureCell(f, c, widths[i] ?? 0, header ? { ...body, bold: true } : body, centre),
    );
    const content = Math.max(...measured.map((m) => m.height));
    const height = Math.max(content + 2 * CELL_PAD_Y, !header && block.rowStyle === 'write' ? WRITE_ROW_HEIGHT : 0);
    return {
      height,
      draw: (y) => {
        let x = f.x;
        if (header) doc.rect(f.x, y, f.width, height).fill(HEADER_FILL);
        measured.forEach((m, i) => {
          const w = widths[i] ?? 0;
          m.draw(x, y, w, height);
          x += w;
        });
        // Cell borders: dark enough to guide a pen, quiet enough to read past.
        doc.save().lineWidth(0.75).strokeColor(RULE);
        doc.rect(f.x, y, f.width, height).stroke();
        x = f.x;
        for (const w of widths.slice(0, -1)) {
          x += w;
          doc
            .moveTo(x, y)
            .lineTo(x, y + height)
            .stroke();
        }
        doc.restore();
      },
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
  const repeat: Unit = { height: headerRow.height, spaceBefore: 0, draw: headerRow.draw };
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
  const repeat = wrap(doc, runs(block.repeat, true), STYLE.strong, f.width);
  return unit(barHeight + 8 + repeat.height, 8, (y) => {
    let x = f.x;
    block.segments.forEach((s, i) => {
      const w = widths[i] ?? 0;
      const running = s.activity !== 'walk';
      doc.save();
      doc.rect(x, y, w, barHeight).lineWidth(1.2);
      if (running) doc.fillAndStroke(ACCENT, ACCENT);
      else doc.fillAndStroke(TINT, ACCENT);
      doc.restore();
      const label = wrap(doc, runs(s.label, true), { ...STYLE.body, color: running ? '#ffffff' : INK }, w);
      drawWrapped(doc, label, x + (w - (label.lines[0]?.width ?? 0)) / 2, y + (barHeight - STYLE.body.leading) / 2);
      x += w;
    });
    drawWrapped(doc, repeat, f.x, y + barHeight + 8);
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
  return unit(height, 8, (top) => {
    block.weekdays.forEach((name, i) => {
      drawWrapped(doc, wrap(doc, runs(name, true), STYLE.body, cellWidth), f.x + i * cellWidth + CELL_PAD_X, top + 2);
    });
    let y = top + headerHeight;
    block.weeks.forEach((week, w) => {
      const rowHeight = heights[w] ?? 0;
      week.forEach((day, i) => {
        const x = f.x + i * cellWidth;
        // Run and visit days are framed (runs also shaded); the words in them say which is which.
        const event = !day.outside && day.marks.some((m) => m !== 'Today');
        const shaded = !day.outside && day.marks.some((m) => m === 'Run' || m === 'Walk');
        doc.save();
        if (shaded) doc.rect(x, y, cellWidth, rowHeight).fill(TINT);
        doc.lineWidth(event ? 2 : 0.75).strokeColor(event ? ACCENT : LIGHT_RULE);
        const inset = event ? 1 : 0;
        doc.rect(x + inset, y + inset, cellWidth - 2 * inset, rowHeight - 2 * inset).stroke();
        doc.restore();
        const label = wrap(doc, runs(day.label), { ...STYLE.body, color: day.outside ? MUTED : INK }, cellWidth);
        drawWrapped(doc, label, x + CELL_PAD_X, y + 4);
        day.marks.forEach((mark, m) => {
          const word = wrap(doc, runs(mark, true), STYLE.body, cellWidth - 2 * CELL_PAD_X);
          drawWrapped(doc, word, x + CELL_PAD_X, y + 4 + (m + 1) * STYLE.body.leading);
        });
      });
      y += rowHeight;
    });
  });
}

function pictureUnit(f: Frame, picture: Picture | null, x: number, y: number): void {
  const doc = f.doc;
  const box = { x, y, width: PICTURE_WIDTH, height: PICTURE_HEIGHT };
  if (picture?.kind === 'drawing') {
    drawDrawing(doc, picture.drawing, box);
  } else if (picture?.kind === 'image') {
    doc.image(Buffer.from(picture.base64, 'base64'), box.x, box.y, {
      fit: [box.width, box.height],
      align: 'center',
      valign: 'center',
    });
  }
  doc.save().lineWidth(0.75).strokeColor(LIGHT_RULE).rect(box.x, box.y, box.width, box.height).stroke().restore();
}

function exerciseUnit(f: Frame, block: Extract<Block, { kind: 'exercise' }>): Unit {
  const doc = f.doc;
  type Part = { height: number; space: number; draw: (y: number) => void };
  const stack = (parts: readonly Part[]) => parts.reduce((sum, p) => sum + p.space + p.height, 0);
  const drawStack = (parts: readonly Part[], y: number) => {
    let cursor = y;
    for (const p of parts) {
      cursor += p.space;
      p.draw(cursor);
      cursor += p.height;
    }
  };
  const para = (column: Frame, content: readonly Run[], style: TextStyle, space: number): Part => {
    const w = wrap(doc, content, style, column.width);
    return { height: w.height, space, draw: (y) => drawWrapped(doc, w, column.x, y) };
  };

  // Left: the picture, and under it how much to do. Right: what it is for, how to start, the
  // numbered steps, the tips and the clinician's note.
  const left: Frame = { doc, x: f.x, width: PICTURE_COLUMN };
  const right: Frame = { doc, x: f.x + PICTURE_COLUMN + PICTURE_GAP, width: f.width - PICTURE_COLUMN - PICTURE_GAP };
  const leftParts: Part[] = [
    { height: PICTURE_HEIGHT, space: 0, draw: (y) => pictureUnit(f, block.picture, left.x, y) },
    para(left, runs('How much:', true), STYLE.body, 6),
    para(left, runs(block.dosage, true), STYLE.body, 0),
  ];
  const rightParts: Part[] = [
    para(right, runs(`${block.number}. ${block.name}`), STYLE.exerciseName, 0),
    para(right, runs(block.purpose), STYLE.body, 0),
    para(right, [{ text: 'Start: ', bold: true }, { text: block.start }], STYLE.body, 4),
    ...block.steps.map((step, i): Part => {
      const li = listItem(right, `${i + 1}.`, runs(step), STYLE.body);
      return { height: li.height, space: i === 0 ? 4 : 0.5, draw: li.draw };
    }),
    para(right, [{ text: 'Tips: ', bold: true }, { text: block.tips.join(' ') }], STYLE.body, 4),
  ];
  if (block.note) {
    const inner = right.width - 18;
    const w = wrap(doc, [{ text: `${block.note.label} `, bold: true }, { text: block.note.text }], STYLE.body, inner);
    const h = w.height + 10;
    rightParts.push({
      height: h,
      space: 5,
      draw: (y) => {
        doc.save().rect(right.x, y, right.width, h).fill(TINT).restore();
        doc.save().rect(right.x, y, 3, h).fill(ACCENT).restore();
        drawWrapped(doc, w, right.x + 12, y + 5);
      },
    });
  }
  const height = 8 + Math.max(stack(leftParts), stack(rightParts)) + 3;
  return unit(height, 4, (y) => {
    doc
      .save()
      .lineWidth(0.75)
      .strokeColor(LIGHT_RULE)
      .moveTo(f.x, y)
      .lineTo(f.x + f.width, y)
      .stroke()
      .restore();
    drawStack(leftParts, y + 8);
    drawStack(rightParts, y + 8);
  });
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
    doc.save();
    doc.roundedRect(f.x, y, f.width, height, 6).lineWidth(urgent ? 2.5 : 1.5);
    doc.fillAndStroke(urgent ? URGENT_TINT : TINT, urgent ? URGENT : ACCENT);
    doc.restore();
    let cursor = drawWrapped(doc, title, inner.x, y + pad);
    units.forEach((u, i) => {
      cursor += i === 0 ? 4 : u.spaceBefore;
      u.draw(cursor);
      cursor += u.height;
    });
  });
}

/** A long list of short items in two columns, read down the left then down the right; one unit per row. */
function twoColumnBullets(f: Frame, items: readonly (readonly Run[])[]): Unit[] {
  const gap = 18;
  const half = (f.width - gap) / 2;
  const leftCount = Math.ceil(items.length / 2);
  const left: Frame = { doc: f.doc, x: f.x, width: half };
  const right: Frame = { doc: f.doc, x: f.x + half + gap, width: half };
  const units: Unit[] = [];
  for (let row = 0; row < leftCount; row++) {
    const a = listItem(left, '•', items[row]!, STYLE.body);
    const bItem = items[row + leftCount];
    const b = bItem ? listItem(right, '•', bItem, STYLE.body) : null;
    units.push(
      unit(Math.max(a.height, b?.height ?? 0), row === 0 ? 6 : 5, (y) => {
        a.draw(y);
        b?.draw(y);
      }),
    );
  }
  return units;
}

/** The units of one block, laid out in the frame's column. */
export function blockUnits(f: Frame, block: Block): Unit[] {
  switch (block.kind) {
    case 'heading':
      return [textUnit(f, wrap(f.doc, runs(block.text, true), STYLE.heading, f.width), 16, true)];
    case 'paragraph':
      return [
        textUnit(f, wrap(f.doc, block.runs, STYLE.body, f.width), block.spaceBefore ?? 7, block.keepWithNext ?? false),
      ];
    case 'bullets':
      return block.columns === 2
        ? twoColumnBullets(f, block.items)
        : block.items.map((item, i) => {
            const li = listItem(f, '•', item, STYLE.body);
            return unit(li.height, i === 0 ? 6 : 3, li.draw);
          });
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
