/**
 * Pictures the clinic uploads for its own exercises: checked by their bytes (PNG or JPEG magic
 * bytes, 2 MB at most, sensible pixel dimensions), stored once per content under their SHA-256,
 * never changed or deleted (the table refuses both), so a prescription can always show its picture.
 */
import { createHash } from 'node:crypto';
import type { StoredImageFacts } from '../../shared/domain/clinic-exercise';
import type { ImageData } from '../../shared/domain/clinic-exercise';
import { inspectImage } from '../../shared/domain/exercise-image';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { AppError, notFound } from '../util/errors';

interface ImageRow {
  sha256: string;
  media_type: StoredImageFacts['mediaType'];
  byte_size: number;
  width: number;
  height: number;
}

function toFacts(r: ImageRow): StoredImageFacts {
  return { imageId: r.sha256, mediaType: r.media_type, width: r.width, height: r.height, byteSize: r.byte_size };
}

/** A picture ready to store: checked and hashed, not yet written. */
export interface CheckedImage extends StoredImageFacts {
  readonly bytes: Buffer;
}

/**
 * Decodes and checks an upload. Throws an AppError naming `field` with the sentence that says
 * what to fix ("This file is not a PNG or JPEG image...", "The image is 5.3 MB: use one under 2 MB").
 */
export function checkUpload(dataBase64: string, field: string): CheckedImage {
  const bytes = Buffer.from(dataBase64, 'base64');
  const check = inspectImage(bytes);
  if (!check.ok) throw new AppError('invalid_request', check.message, { [field]: check.message });
  return {
    imageId: createHash('sha256').update(bytes).digest('hex'),
    mediaType: check.mediaType,
    width: check.width,
    height: check.height,
    byteSize: check.byteSize,
    bytes,
  };
}

/** Stores a checked picture (once: the same bytes uploaded again reuse the stored row). */
export function storeImage(db: Db, clock: Clock, clinicianId: number, image: CheckedImage): StoredImageFacts {
  db.prepare(
    `INSERT INTO exercise_images (sha256, media_type, byte_size, width, height, data, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
  ).run(
    image.imageId,
    image.mediaType,
    image.byteSize,
    image.width,
    image.height,
    image.bytes,
    clock.now().toISOString(),
    clinicianId,
  );
  return imageFacts(db, image.imageId);
}

export function imageFacts(db: Db, imageId: string): StoredImageFacts {
  const row = db
    .prepare<unknown[], ImageRow>(
      'SELECT sha256, media_type, byte_size, width, height FROM exercise_images WHERE sha256 = ?',
    )
    .get(imageId);
  if (!row) throw notFound('This picture');
  return toFacts(row);
}

/** The stored bytes, base64, for the page to show as a data: URL. */
export function readImage(db: Db, imageId: string): ImageData {
  const row = db
    .prepare<unknown[], ImageRow & { data: Buffer }>(
      'SELECT sha256, media_type, byte_size, width, height, data FROM exercise_images WHERE sha256 = ?',
    )
    .get(imageId);
  if (!row) throw notFound('This picture');
  return { ...toFacts(row), dataBase64: row.data.toString('base64') };
}
