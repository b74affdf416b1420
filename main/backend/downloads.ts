/**
 * Files the browser preview hands to the page as downloads (it has no "Save as" dialog): a backup
 * from the data folder, or an export. The page reads them in chunks (`downloads.read`); exports
 * are kept in memory only, never written to disk in clear, and are forgotten once fully read,
 * after ten minutes, or when more than a few wait at once.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { DownloadChunk } from '../../shared/domain/records';
import { AppError } from '../util/errors';

export const DOWNLOAD_CHUNK_BYTES = 4 << 20;
const LIFETIME_MS = 10 * 60_000;
/** At most this many downloads wait to be read; a new one pushes out the oldest. */
const MAX_WAITING = 8;

type Source = { kind: 'file'; path: string } | { kind: 'memory'; bytes: Buffer };

interface Item {
  source: Source;
  total: number;
  expires: number;
}

export class Downloads {
  private readonly items = new Map<string, Item>();

  constructor(private readonly now: () => number = Date.now) {}

  private sweep(): void {
    const t = this.now();
    for (const [id, item] of this.items) if (item.expires < t) this.forget(id, item);
  }

  private forget(id: string, item: Item): void {
    if (item.source.kind === 'memory') item.source.bytes.fill(0);
    this.items.delete(id);
  }

  add(source: Source): { id: string; total: number } {
    this.sweep();
    // Oldest first (a Map keeps insertion order), until there is room.
    for (const [oldest, item] of this.items) {
      if (this.items.size < MAX_WAITING) break;
      this.forget(oldest, item);
    }
    const total = source.kind === 'memory' ? source.bytes.length : fs.statSync(source.path).size;
    const id = randomBytes(16).toString('hex');
    this.items.set(id, { source, total, expires: this.now() + LIFETIME_MS });
    return { id, total };
  }

  read(id: string, offset: number): DownloadChunk {
    this.sweep();
    const item = this.items.get(id);
    if (!item) {
      throw new AppError(
        'not_found',
        'This download is no longer available (it expired after ten minutes). Start it again.',
      );
    }
    if (offset > item.total) throw new AppError('invalid_request', 'The download was asked for past its end.');
    const length = Math.min(DOWNLOAD_CHUNK_BYTES, item.total - offset);
    let bytes: Buffer;
    if (item.source.kind === 'memory') {
      bytes = item.source.bytes.subarray(offset, offset + length);
    } else {
      bytes = Buffer.alloc(length);
      const fd = fs.openSync(item.source.path, 'r');
      try {
        let got = 0;
        while (got < length) {
          const n = fs.readSync(fd, bytes, got, length - got, offset + got);
          if (n === 0) break;
          got += n;
        }
        bytes = bytes.subarray(0, got);
      } finally {
        fs.closeSync(fd);
      }
    }
    const data = bytes.toString('base64');
    const done = offset + bytes.length >= item.total;
    if (done) this.forget(id, item);
    return { data, offset, total: item.total, done };
  }

  clear(): void {
    for (const [id, item] of this.items) this.forget(id, item);
  }
}
