/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3): deflated entries with UTF-8 names, a central
 * directory, no ZIP64 (exports stay far below 4 GB; larger entries are refused). Enough for the
 * clinic's CSV export to be one file every operating system opens, without a dependency.
 */
import zlib from 'node:zlib';

export interface ZipSink {
  write(bytes: Buffer): void;
}

interface Entry {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

const LIMIT = 0xffffffff;

function dosTimeDate(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;

  constructor(
    private readonly sink: ZipSink,
    private readonly modified: Date,
  ) {}

  private put(bytes: Buffer): void {
    this.sink.write(bytes);
    this.offset += bytes.length;
  }

  add(name: string, content: Buffer): void {
    const compressed = zlib.deflateRawSync(content, { level: 6 });
    if (content.length >= LIMIT || compressed.length >= LIMIT || this.offset >= LIMIT) {
      throw new Error('The export is too large for a ZIP file without ZIP64.');
    }
    const nameBytes = Buffer.from(name, 'utf8');
    const { time, date } = dosTimeDate(this.modified);
    const entry: Entry = {
      name: nameBytes,
      crc: zlib.crc32(content) >>> 0,
      compressedSize: compressed.length,
      size: content.length,
      offset: this.offset,
      time,
      date,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.put(header);
    this.put(nameBytes);
    this.put(compressed);
    this.entries.push(entry);
  }

  finish(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(e.time, 12);
      h.writeUInt16LE(e.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressedSize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt16LE(0, 30); // extra
      h.writeUInt16LE(0, 32); // comment
      h.writeUInt16LE(0, 34); // disk
      h.writeUInt16LE(0, 36); // internal attributes
      h.writeUInt32LE((0o100600 << 16) >>> 0, 38); // external: a regular file, rw for its owner
      h.writeUInt32LE(e.offset, 42);
      this.put(h);
      this.put(e.name);
    }
    const size = this.offset - start;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0, 4);
    end.writeUInt16LE(0, 6);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    end.writeUInt16LE(0, 20);
    this.put(end);
  }
}
