/**
 * The PDF's structure tree (a tagged PDF), so a screen reader reads the handout as a document:
 * the title, headings, paragraphs, lists, tables and pictures with their text alternative, in
 * reading order, and skips what is decoration or repeats on every page (the page header).
 *
 * The page flow draws units one after another, so the tree is built while drawing: a group (a
 * section, a list, a table) is made the first time something inside it is drawn, under the group
 * that is open at that moment; a leaf (a paragraph, a cell, a picture) wraps what it draws in
 * marked content. Marked content cannot nest in pdfkit, so a leaf draws text or a picture only,
 * and decoration (fills, borders, rules) is drawn apart as an artifact.
 */
type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

export interface StructOptions {
  /** Text alternative (a picture's description). */
  readonly alt?: string;
  /** Table header cells: the column they head. */
  readonly scope?: 'Column' | 'Row';
}

/** A group made when first used (a section's Sect, a table, a list). */
export interface Group {
  readonly type: string;
  element: Element | null;
}

interface State {
  readonly root: Element;
  readonly open: Element[];
}

const states = new WeakMap<Doc, State>();

function elementOf(doc: Doc, type: string, options: StructOptions = {}): Element {
  // pdfkit also reads `scope` (a Table attribute), which its typings do not list.
  return doc.struct(type, options);
}

/** Starts the tree: one Document element under the root. Called once, before the first page. */
export function startTags(doc: Doc): void {
  const root = elementOf(doc, 'Document');
  doc.addStructure(root);
  states.set(doc, { root, open: [root] });
}

/** Closes the tree (before doc.end()). */
export function endTags(doc: Doc): void {
  states.get(doc)?.root.end();
}

export function group(type: string): Group {
  return { type, element: null };
}

/** Runs `draw` inside `g`, making it (under the group open now) the first time. */
export function within(doc: Doc, g: Group, draw: () => void): void {
  const state = states.get(doc);
  if (!state) return draw();
  if (!g.element) {
    g.element = elementOf(doc, g.type);
    state.open[state.open.length - 1]!.add(g.element);
  }
  state.open.push(g.element);
  try {
    draw();
  } finally {
    state.open.pop();
  }
}

/** A group used once, right away (a table row, a list item). Ended when `draw` returns. */
export function inNew(doc: Doc, type: string, draw: () => void, options: StructOptions = {}): void {
  const state = states.get(doc);
  if (!state) return draw();
  const element = elementOf(doc, type, options);
  state.open[state.open.length - 1]!.add(element);
  state.open.push(element);
  try {
    draw();
  } finally {
    state.open.pop();
    element.end();
  }
}

/** What `draw` paints, as one element of `type` (P, H1, TD, Figure...) under the open group. */
export function leaf(doc: Doc, type: string, draw: () => void, options: StructOptions = {}): void {
  const state = states.get(doc);
  if (!state) return draw();
  const content = doc.markStructureContent(type);
  try {
    draw();
  } finally {
    doc.endMarkedContent();
  }
  const element = elementOf(doc, type, options).add(content);
  // Complete: ended, so pdfkit writes it out as soon as it has its parent.
  element.end();
  state.open[state.open.length - 1]!.add(element);
}

/** Decoration, or what repeats on every page: not read out. */
export function artifact(doc: Doc, draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
  if (!states.has(doc)) return draw();
  doc.markContent('Artifact', { type });
  try {
    draw();
  } finally {
    doc.endMarkedContent();
  }
}
