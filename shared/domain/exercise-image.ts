/**
 * Checks a picture the clinic uploads for one of its own exercises, from its bytes alone: the
 * file's first bytes say whether it is a PNG or a JPEG (its name and the type the system claims
 * are ignored), its header gives its size in pixels, and its length gives its size in bytes.
 *
 * The same check runs twice: in the page as soon as a file is chosen (so the clinician hears what
 * to fix at once), and in the backend before anything is stored (the one that counts).
 * Pure: takes a Uint8Array, no Node Buffer and no DOM.
 */
import type { IMAGE_MEDIA_TYPES } from '../clinical/exercises/exercise';

export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

/** 2 MB: plenty for a clear exercise photo, small enough to keep the records file lean. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Below this the picture prints as a blur in the handout's 4 cm box (about 300 dpi at 1 cm). */
export const MIN_IMAGE_SIDE = 120;
/** Above this a small file can still unpack to hundreds of megabytes in memory. */
export const MAX_IMAGE_SIDE = 6000;
export const MAX_IMAGE_PIXELS = 24_000_000;

export interface ImageFacts {
  readonly mediaType: ImageMediaType;
  readonly width: number;
  readonly height: number;
  readonly byteSize: number;
}

export type ImageCheck = ({ ok: true } & ImageFacts) | { ok: false; message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const NOT_AN_IMAGE = 'This file is not a PNG or JPEG image. Save the picture as PNG or JPEG and choose that file.';

/** "5.3 MB", to one decimal. */
export function formatMegabytes(bytes: number): string {
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

const LIMIT_MB = MAX_IMAGE_BYTES / (1024 * 1024);

/** The refusal for a file that is too large, from its size alone (before reading it). */
export function tooLargeMessage(bytes: number): string {
  // A file just over the limit must not read as "2.0 MB: use one under 2 MB".
  const shown = Math.max(Math.round((bytes / (1024 * 1024)) * 10) / 10, LIMIT_MB + 0.1);
  return `The image is ${shown.toFixed(1)} MB: use one under ${LIMIT_MB} MB (export it smaller, or crop it).`;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0
  );
}

/** PNG or JPEG by the file's first bytes (enough of them: 8), or null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageMediaType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/** The refusal for a file whose first bytes are not a PNG's or a JPEG's. */
export const NOT_AN_IMAGE_MESSAGE = NOT_AN_IMAGE;

type Dimensions = { width: number; height: number } | { damaged: string };

function pngDimensions(bytes: Uint8Array): Dimensions {
  // Signature (8), then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4).
  const isIhdr = bytes[12] === 0x49 && bytes[13] === 0x48 && bytes[14] === 0x44 && bytes[15] === 0x52;
  if (bytes.length < 33 || !isIhdr) {
    return {
      damaged: 'This PNG file is damaged (its header is incomplete). Export the picture again and choose the new file.',
    };
  }
  return { width: u32(bytes, 16), height: u32(bytes, 20) };
}

/** Start-of-frame markers carry the size; C4 (Huffman tables), C8 and CC (arithmetic) do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegDimensions(bytes: Uint8Array): Dimensions {
  const damaged = {
    damaged:
      'This JPEG file is damaged (its size could not be read). Export the picture again and choose the new file.',
  };
  let i = 2;
  // Walk the segments after the start-of-image marker until the frame header. Every step moves
  // forward, so the walk ends within the file's length.
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) return damaged;
    while (bytes[i] === 0xff) i += 1;
    const marker = bytes[i];
    i += 1;
    if (marker === undefined) return damaged;
    // Markers without a length: start of image, temporary, restart markers.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    // End of image, or image data, before any frame header.
    if (marker === 0xd9 || marker === 0xda) return damaged;
    if (i + 2 > bytes.length) return damaged;
    const length = u16(bytes, i);
    if (length < 2) return damaged;
    if (isStartOfFrame(marker)) {
      if (i + 7 > bytes.length) return damaged;
      return { height: u16(bytes, i + 3), width: u16(bytes, i + 5) };
    }
    i += length;
  }
  return damaged;
}

/** What the bytes are, or the sentence that tells the clinician what to fix. */
export function inspectImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty. Choose the picture again.' };
  const mediaType = sniffImageType(bytes);
  if (mediaType === null) return { ok: false, message: NOT_AN_IMAGE };
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, message: tooLargeMessage(bytes.length) };
  const dims = mediaType === 'image/png' ? pngDimensions(bytes) : jpegDimensions(bytes);
  if ('damaged' in dims) return { ok: false, message: dims.damaged };
  const { width, height } = dims;
  const size = `${width} × ${height} pixels`;
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
    return {
      ok: false,
      message: `The image is ${size}, too small to print clearly: use one at least ${MIN_IMAGE_SIDE} pixels on each side.`,
    };
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      message: `The image is ${size}: use one at most ${MAX_IMAGE_SIDE} pixels on each side (a smaller export is fine for a handout).`,
    };
  }
  return { ok: true, mediaType, width, height, byteSize: bytes.length };
}
