/**
 * The handout's typefaces: Noto Sans Regular and Bold (SIL Open Font License, fonts/OFL.txt),
 * embedded as subsets in every PDF so any patient name prints as typed, on any computer:
 * "Zoë Łukasiewicz-Ørsted", "Nguyễn Văn An".
 *
 * The files are found relative to this module: main/pdf/fonts/ when run from source (tests), and
 * dist/main/fonts/ in a build, where vite.main.config.ts copies them with their licence (and so
 * into the packaged app, whose asar holds dist/**; Electron's fs reads inside the asar).
 *
 * Parsed once per process: fontkit's parse of a 500 KB font and its glyph caches are the same
 * for every handout. pdfkit also keeps a per-word layout cache on each document's font object;
 * each document is given the same cache per face (shareLayoutCache), so a warm render shapes
 * only the words it has not seen before. Cached runs are never mutated by pdfkit (it copies a
 * position before changing it), which is what makes the sharing safe.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

export type FaceName = 'regular' | 'bold';

const FONT_FILES: Readonly<Record<FaceName, string>> = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
};

/**
 * Where the fonts are, relative to this module: beside it in the source (main/pdf/fonts/), and
 * in a build (vite.main.config.ts copies them to dist/main/fonts/) beside the entry file or one
 * level up from a shared chunk (dist/main/chunks/).
 */
const FONT_FOLDERS = [new URL('./fonts/', import.meta.url), new URL('../fonts/', import.meta.url)];

/**
 * A parsed font (fontkit's, which pdfkit uses inside): pdfkit accepts it as a font source in
 * place of the file's bytes. Only pdfkit looks inside it.
 */
export interface ParsedFont {
  layout(text: string): unknown;
}

interface Face {
  readonly font: ParsedFont;
  layoutCache: Record<string, unknown>;
}

/** Words cached per face before the cache is started afresh (a handout uses about 1,500). */
const LAYOUT_CACHE_LIMIT = 50_000;

const faces = new Map<FaceName, Face>();

function fontFile(face: FaceName): string {
  const candidates = FONT_FOLDERS.map((folder) => fileURLToPath(new URL(FONT_FILES[face], folder)));
  return candidates.find((file) => fs.existsSync(file)) ?? candidates[0]!;
}

function loadFace(name: FaceName): Face {
  let face = faces.get(name);
  if (!face) {
    const file = fontFile(name);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      throw new Error(`The handout font ${file} is missing from this installation.`, { cause: err });
    }
    face = { font: parse(bytes, file), layoutCache: emptyLayoutCache() };
    faces.set(name, face);
  }
  return face;
}

/**
 * Parses font bytes the way pdfkit does, through pdfkit itself (its font loader is not exported),
 * and keeps the parsed font: a throwaway document opens the font and hands back its parse.
 */
function parse(bytes: Buffer, file: string): ParsedFont {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.font(bytes);
  // pdfkit's current font is a private field its typings do not name: read as unknown, then checked.
  const opened: unknown = Reflect.get(probe, '_font');
  const current: unknown = typeof opened === 'object' && opened !== null && 'font' in opened ? opened.font : undefined;
  if (!isParsedFont(current)) throw new Error(`${file} could not be read as a font by pdfkit.`);
  return current;
}

/** A font as fontkit parses it: what pdfkit lays text out with (`layout`). */
function isParsedFont(value: unknown): value is ParsedFont {
  return typeof value === 'object' && value !== null && 'layout' in value && typeof value.layout === 'function';
}

/** A dictionary without a prototype, so no text key ever meets Object.prototype's. */
function emptyLayoutCache(): Record<string, unknown> {
  // Safe: Object.create(null) is typed any; it is an empty object with no keys at all.
  return Object.create(null) as Record<string, unknown>;
}

/** The parsed font of a face, for pdfkit's registerFont. */
export function fontOf(name: FaceName): ParsedFont {
  return loadFace(name).font;
}

/** The path of a face's file (tests check it exists in a build). */
export function fontPath(name: FaceName): string {
  return fontFile(name);
}

/**
 * Gives pdfkit's font object for this face, in one document, the process-wide layout cache.
 * `pdfFont` is pdfkit's (untyped) embedded font: the object `doc.font(name)` made current.
 */
export function shareLayoutCache(name: FaceName, pdfFont: unknown): void {
  const face = loadFace(name);
  if (Object.keys(face.layoutCache).length > LAYOUT_CACHE_LIMIT) {
    face.layoutCache = emptyLayoutCache();
  }
  if (typeof pdfFont === 'object' && pdfFont !== null && 'layoutCache' in pdfFont) {
    pdfFont.layoutCache = face.layoutCache;
  }
}

/** Words shaped so far for a face, across documents (tests check the sharing works). */
export function sharedLayoutWords(name: FaceName): number {
  return Object.keys(loadFace(name).layoutCache).length;
}
