import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMegabytes, inspectImage, MAX_IMAGE_BYTES, MIN_IMAGE_SIDE } from '../../../shared/domain/exercise-image';
import { makeJpegHeader, makePng } from '../../helpers/images';
import { like } from '../../helpers/exercises';

describe('inspectImage', () => {
  it('reads a PNG by its bytes: type, pixel size and byte size', () => {
    const png = makePng(240, 180);
    expect(inspectImage(png)).toEqual({
      ok: true,
      mediaType: 'image/png',
      width: 240,
      height: 180,
      byteSize: png.length,
    });
  });

  it('reads a JPEG frame header after other segments', () => {
    const jpeg = makeJpegHeader(1600, 1200, 10);
    expect(inspectImage(jpeg)).toMatchObject({ ok: true, mediaType: 'image/jpeg', width: 1600, height: 1200 });
  });

  it.each([
    ['a text file', Buffer.from('Hello, this is not a picture at all.')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1')],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1')],
    ['an SVG (script could hide in it)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ['a PNG signature cut short', makePng(200, 200).subarray(0, 6)],
  ])('refuses %s as not a PNG or JPEG', (_label, bytes) => {
    expect(inspectImage(bytes)).toEqual({
      ok: false,
      message: 'This file is not a PNG or JPEG image. Save the picture as PNG or JPEG and choose that file.',
    });
  });

  it('says how large a file is and what to use instead', () => {
    const big = Buffer.concat([makePng(200, 200), Buffer.alloc(Math.round(5.3 * 1024 * 1024) - 1000)]);
    expect(inspectImage(big)).toEqual({
      ok: false,
      message: 'The image is 5.3 MB: use one under 2 MB (export it smaller, or crop it).',
    });
  });

  it('accepts exactly 2 MB and refuses one byte more, which never reads as "2.0 MB"', () => {
    const header = makeJpegHeader(800, 600);
    const atLimit = Buffer.concat([header, Buffer.alloc(MAX_IMAGE_BYTES - header.length)]);
    expect(inspectImage(atLimit).ok).toBe(true);
    const over = Buffer.concat([atLimit, Buffer.alloc(1)]);
    expect(inspectImage(over)).toMatchObject({ ok: false, message: like(/^The image is 2\.1 MB/) });
    expect(formatMegabytes(MAX_IMAGE_BYTES)).toBe('2.0 MB');
  });

  it('refuses a picture too small to print, and one too large to open safely', () => {
    expect(inspectImage(makePng(40, 30))).toEqual({
      ok: false,
      message: `The image is 40 × 30 pixels, too small to print clearly: use one at least ${MIN_IMAGE_SIDE} pixels on each side.`,
    });
    expect(inspectImage(makeJpegHeader(20000, 20000))).toMatchObject({
      ok: false,
      message: like(/^The image is 20000 × 20000 pixels: use one at most 6000 pixels/),
    });
  });

  it('calls a file with the right first bytes but no readable header damaged', () => {
    const png = makePng(200, 200);
    expect(inspectImage(png.subarray(0, 20))).toMatchObject({
      ok: false,
      message: like(/PNG file is damaged/),
    });
    const jpeg = makeJpegHeader(200, 200);
    expect(inspectImage(jpeg.subarray(0, 24))).toMatchObject({
      ok: false,
      message: like(/JPEG file is damaged/),
    });
    expect(inspectImage(Buffer.alloc(0))).toEqual({
      ok: false,
      message: 'The file is empty. Choose the picture again.',
    });
  });

  it('never throws, and never accepts bytes that do not start like a PNG or JPEG', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const check = inspectImage(bytes);
        const looksLikeImage = bytes[0] === 0x89 || (bytes[0] === 0xff && bytes[1] === 0xd8);
        if (!looksLikeImage) expect(check.ok).toBe(false);
      }),
    );
  });

  it('never throws on a real header cut or corrupted anywhere', () => {
    const samples = [makePng(300, 200), makeJpegHeader(300, 200, 30)];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        (which, cut, at, value) => {
          const sample = Buffer.from(samples[which]!);
          sample[at % sample.length] = value;
          const check = inspectImage(sample.subarray(0, cut % (sample.length + 1)));
          if (check.ok) {
            expect(check.width).toBeGreaterThanOrEqual(MIN_IMAGE_SIDE);
            expect(check.height).toBeGreaterThanOrEqual(MIN_IMAGE_SIDE);
          }
        },
      ),
    );
  });
});
