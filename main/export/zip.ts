/**
 * The clinic's CSV export as one ZIP file every operating system opens, written with fflate
 * (deflated entries, UTF-8 names, streamed to the sink entry by entry). fflate writes no ZIP64,
 * so an export that would need it (4 GB) is refused with a clear error instead.
 */
import { Zip, ZipDeflate } from 'fflate';

export interface ZipSink {
  write(bytes: Buffer): void;
}

const LIMIT = 0xffffffff;
/** Unix, so the external attributes below are read as a mode. */
const MADE_BY_UNIX = 3;
/** A regular file, readable and writable by its owner only. */
const OWNER_ONLY_FILE = (0o100600 << 16) >>> 0;

export class ZipWriter {
  private readonly zip: Zip;
  private written = 0;

  constructor(
    sink: ZipSink,
    private readonly modified: Date,
  ) {
    this.zip = new Zip((error, chunk) => {
      if (error) throw error;
      this.written += chunk.length;
      sink.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    });
  }

  add(name: string, content: Buffer): void {
    if (content.length >= LIMIT || this.written + content.length >= LIMIT) {
      throw new Error('The export is too large for a ZIP file without ZIP64.');
    }
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = this.modified;
    entry.os = MADE_BY_UNIX;
    entry.attrs = OWNER_ONLY_FILE;
    this.zip.add(entry);
    entry.push(content, true);
  }

  finish(): void {
    this.zip.end();
  }
}
