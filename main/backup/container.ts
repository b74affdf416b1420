/**
 * The backup file: one self-contained file that holds the encrypted records and the key file
 * that unlocks them, so a backup can be restored on its own (on this computer or a new one).
 *
 * Layout (all sizes in bytes):
 *
 *   0        16   magic: "STRIDE-BACKUP\r\n\x1a" (the CR LF and ^Z catch a copy that changed line endings)
 *   16       4    header length H, unsigned 32-bit big-endian (at most 1 MiB)
 *   20       H    header: UTF-8 JSON (BackupHeader below)
 *   20+H     D    the records: the encrypted SQLite file, D = header.database.bytes
 *   20+H+D   32   SHA-256 of every byte before it
 *
 * The header is in clear so the app can say what a file is before anyone types a password: when
 * it was made, by which app and records version, for which clinic, and who can unlock it. It
 * holds nothing a patient could be identified by: the clinic name and clinician names are already
 * in clear in keys.json, and the database key is only there wrapped (by each clinician's password
 * and by the recovery key). Patient counts and dates of last change are read from the encrypted
 * records after the password is given.
 *
 * Byte loops are generators that yield progress after each chunk, so the same code runs to
 * completion synchronously (the safety copy before a migration) or with pauses that let the app
 * answer other requests and report progress (everything else).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { temporaryBeside } from '../files/durable-write';
import { AuditAnchor } from '../audit/anchor';
import { fsyncFolder, holdsKeychainSlot, KeyFile, TOO_COSTLY } from '../security/key-file';
import { errorCodeOf } from '../util/errors';

export const BACKUP_EXTENSION = '.stridebackup';
export const BACKUP_MAGIC = Buffer.from('STRIDE-BACKUP\r\n\x1a', 'latin1');
export const BACKUP_FORMAT = 'stride-clinic-backup';
/**
 * 2: the key file inside may hold Argon2id slots and slots whose associated data binds the
 * clinician (key file version 2), and never a keychain slot. 3: the key file's slots may own
 * X25519 key pairs (key file version 3, docs/key-rotation.md). 1 and 2 are still read.
 */
export const BACKUP_FORMAT_VERSION = 3;
const PREFIX_BYTES = BACKUP_MAGIC.length + 4;
const TRAILER_BYTES = 32;
const MAX_HEADER_BYTES = 1 << 20;
/** Bytes copied or hashed between two progress reports. */
export const CHUNK_BYTES = 4 << 20;

export const BACKUP_KINDS = ['manual', 'daily', 'before_migration', 'before_restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
/** Made by the app on its own, and pruned to the clinic's "keep the last N" setting. */
export const AUTOMATIC_KINDS: readonly BackupKind[] = ['daily', 'before_migration', 'before_restore'];

export const BackupHeader = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  kind: z.enum(BACKUP_KINDS),
  appVersion: z.string().min(1).max(40),
  /** The records' schema version (PRAGMA user_version) at the time of the backup. */
  schemaVersion: z.number().int().positive(),
  database: z.strictObject({
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  keys: KeyFile,
  /** The audit trail's anchor for these records (audit/anchor.ts). Absent in backups made before anchors. */
  auditAnchor: AuditAnchor.optional(),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export type BackupFileProblem =
  'empty' | 'not_ours' | 'sqlite_file' | 'truncated' | 'damaged' | 'newer_format' | 'unreadable' | 'missing';

/** Why a file is not a usable backup, in words for the clinician. */
export class BackupFileError extends Error {
  readonly problem: BackupFileProblem;
  constructor(problem: BackupFileProblem, message: string) {
    super(message);
    this.name = 'BackupFileError';
    this.problem = problem;
  }
}

export interface ByteProgress {
  done: number;
  total: number;
}

export interface OpenedBackup {
  file: string;
  header: BackupHeader;
  /** Where the records start in the file. */
  databaseOffset: number;
  /** The file's size. */
  bytes: number;
  /** The header held a slot that was dropped on reading (version 1's keychain slot). */
  hadLegacySlot: boolean;
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = fs.readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/**
 * Reads and checks a backup file's header and size. Does not read the records (see
 * `verifySteps` for the checksum). Throws BackupFileError.
 */
export function openBackup(file: string): OpenedBackup {
  let fd: number;
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new BackupFileError('unreadable', `${file} is a folder, not a backup file.`);
    size = stat.size;
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    const code = errorCodeOf(err);
    throw new BackupFileError(
      code === 'ENOENT' ? 'missing' : 'unreadable',
      code === 'ENOENT'
        ? `There is no file at ${file}. Check the name and folder.`
        : `The file ${file} could not be read (${code ?? 'unknown error'}).`,
    );
  }
  try {
    if (size === 0) {
      throw new BackupFileError('empty', 'This file is empty: it holds no backup. Choose another file.');
    }
    const prefix = readExactly(fd, PREFIX_BYTES, 0);
    if (prefix.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') {
      throw new BackupFileError(
        'sqlite_file',
        'This is an SQLite database, not a Stride Clinic backup. Choose a file ending in .stridebackup, made with “Back up now” or by the automatic snapshots.',
      );
    }
    if (prefix.length < BACKUP_MAGIC.length || !prefix.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
      throw new BackupFileError(
        'not_ours',
        'This file is not a Stride Clinic backup. Choose a file ending in .stridebackup, made with “Back up now” or by the automatic snapshots.',
      );
    }
    if (prefix.length < PREFIX_BYTES) throw truncated(size, null);
    const headerBytes = prefix.readUInt32BE(BACKUP_MAGIC.length);
    if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES) {
      throw new BackupFileError(
        'damaged',
        'This backup file is damaged: its description block is unreadable. Use another backup.',
      );
    }
    const headerBuf = readExactly(fd, headerBytes, PREFIX_BYTES);
    if (headerBuf.length < headerBytes) throw truncated(size, null);
    let json: unknown;
    try {
      json = JSON.parse(headerBuf.toString('utf8'));
    } catch {
      throw new BackupFileError(
        'damaged',
        'This backup file is damaged: its description block is unreadable. Use another backup.',
      );
    }
    const version = z.object({ formatVersion: z.unknown() }).safeParse(json).data?.formatVersion;
    if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
      throw new BackupFileError(
        'newer_format',
        'This backup was made by a newer version of Stride Clinic, in a format this version cannot read. Install the latest version of Stride Clinic, then restore it.',
      );
    }
    const parsed = BackupHeader.safeParse(json);
    if (!parsed.success && parsed.error.issues.some((i) => i.message.includes(TOO_COSTLY))) {
      // Checked before any password is tried: no memory or time bomb while a file is looked at.
      throw new BackupFileError(
        'damaged',
        'This backup file asks for a password check thousands of times costlier than Stride Clinic ever uses, so it is refused before any password is tried: it was not made by Stride Clinic, or was altered. Use another backup.',
      );
    }
    if (!parsed.success) {
      throw new BackupFileError(
        'damaged',
        'This backup file is damaged: its description block is unreadable. Use another backup.',
      );
    }
    const header = parsed.data;
    const expected = PREFIX_BYTES + headerBytes + header.database.bytes + TRAILER_BYTES;
    if (size < expected) throw truncated(size, expected);
    if (size > expected) {
      throw new BackupFileError(
        'damaged',
        `This backup file is damaged: it is longer than it should be (${size} bytes instead of ${expected}). Use another backup.`,
      );
    }
    const hadLegacySlot = holdsKeychainSlot(z.object({ keys: z.unknown() }).safeParse(json).data?.keys);
    return { file, header, databaseOffset: PREFIX_BYTES + headerBytes, bytes: size, hadLegacySlot };
  } finally {
    fs.closeSync(fd);
  }
}

function truncated(size: number, expected: number | null): BackupFileError {
  return new BackupFileError(
    'truncated',
    `This backup file is incomplete: it ends early${expected ? ` (${size.toLocaleString('en')} of ${expected.toLocaleString('en')} bytes)` : ''}. It may not have finished copying. Use another backup.`,
  );
}

/**
 * Hashes the whole file and compares it with its trailer and the records' own checksum.
 * Yields progress after each chunk; throws BackupFileError('damaged') on a mismatch.
 */
export function* verifySteps(backup: OpenedBackup): Generator<ByteProgress, void> {
  const fd = fs.openSync(backup.file, 'r');
  try {
    const whole = createHash('sha256');
    const records = createHash('sha256');
    const body = backup.bytes - TRAILER_BYTES;
    const dbEnd = backup.databaseOffset + backup.header.database.bytes;
    const buf = Buffer.alloc(CHUNK_BYTES);
    for (let pos = 0; pos < body;) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK_BYTES, body - pos), pos);
      if (n === 0) throw truncated(pos, backup.bytes);
      const chunk = buf.subarray(0, n);
      whole.update(chunk);
      const from = Math.max(pos, backup.databaseOffset);
      const to = Math.min(pos + n, dbEnd);
      if (to > from) records.update(chunk.subarray(from - pos, to - pos));
      pos += n;
      yield { done: pos, total: backup.bytes };
    }
    const trailer = readExactly(fd, TRAILER_BYTES, body);
    if (!whole.digest().equals(trailer) || records.digest('hex') !== backup.header.database.sha256) {
      throw new BackupFileError(
        'damaged',
        'This backup file is damaged: its contents do not match its checksum, so it was changed or corrupted after it was made. Use another backup.',
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

function syncFile(fd: number): void {
  fs.fsyncSync(fd);
}

/** Copies the records out of a backup into `dest` (flushed to disk). The file should be verified first. */
export function* extractSteps(backup: OpenedBackup, dest: string): Generator<ByteProgress, void> {
  const input = fs.openSync(backup.file, 'r');
  const output = fs.openSync(dest, 'wx', 0o600);
  try {
    const buf = Buffer.alloc(CHUNK_BYTES);
    const total = backup.header.database.bytes;
    const hash = createHash('sha256');
    for (let done = 0; done < total;) {
      const n = fs.readSync(input, buf, 0, Math.min(CHUNK_BYTES, total - done), backup.databaseOffset + done);
      if (n === 0) throw truncated(backup.databaseOffset + done, backup.bytes);
      hash.update(buf.subarray(0, n));
      fs.writeSync(output, buf, 0, n);
      done += n;
      yield { done, total };
    }
    // The file may have changed since it was verified: check what was actually copied.
    if (hash.digest('hex') !== backup.header.database.sha256) {
      throw new BackupFileError('damaged', 'This backup file changed while it was being read. Try again.');
    }
    syncFile(output);
  } finally {
    fs.closeSync(output);
    fs.closeSync(input);
  }
}

/** Hex SHA-256 of a file, with progress. */
export function* hashFileSteps(file: string): Generator<ByteProgress, string> {
  const fd = fs.openSync(file, 'r');
  try {
    const total = fs.fstatSync(fd).size;
    const hash = createHash('sha256');
    const buf = Buffer.alloc(CHUNK_BYTES);
    for (let done = 0; done < total;) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK_BYTES, total - done), done);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      done += n;
      yield { done, total };
    }
    return hash.digest('hex');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a backup file: header, the records file `databaseFile`, trailer; under a temporary name
 * beside `dest`, flushed, then renamed over `dest` and the folder flushed. A failure removes the
 * temporary file and leaves `dest` as it was.
 */
export function* writeBackupSteps(
  dest: string,
  header: Omit<BackupHeader, 'format' | 'formatVersion' | 'database'>,
  databaseFile: string,
  databaseSha256: string,
): Generator<ByteProgress, { bytes: number; header: BackupHeader }> {
  const dbBytes = fs.statSync(databaseFile).size;
  const full: BackupHeader = BackupHeader.parse({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    ...header,
    database: { bytes: dbBytes, sha256: databaseSha256 },
  });
  const headerBuf = Buffer.from(JSON.stringify(full), 'utf8');
  const total = PREFIX_BYTES + headerBuf.length + dbBytes + TRAILER_BYTES;

  const tmp = temporaryBeside(dest);
  const output = fs.openSync(tmp, 'wx', 0o600);
  let renamed = false;
  try {
    const input = fs.openSync(databaseFile, 'r');
    try {
      const written = writeContainer(output, headerBuf, input, 0, dbBytes, databaseSha256, {
        shrank: () => new Error('the copy of the records shrank while it was being written'),
        // The bytes written must be the bytes that were checked.
        changed: () => new Error('the copy of the records changed after it was checked'),
      });
      for (const done of written) yield { done: PREFIX_BYTES + headerBuf.length + done, total };
    } finally {
      fs.closeSync(input);
    }
    fs.closeSync(output);
    fs.renameSync(tmp, dest);
    renamed = true;
    fsyncFolder(path.dirname(dest));
    yield { done: total, total };
    return { bytes: total, header: full };
  } finally {
    if (!renamed) {
      try {
        fs.closeSync(output);
      } catch {
        // already closed
      }
      fs.rmSync(tmp, { force: true });
    }
  }
}

/**
 * Writes a whole backup file to `output`, flushed: the prefix (magic bytes, header length), the
 * header, `dbBytes` of records read from `input` at `inputOffset`, and the trailer (the SHA-256 of
 * all before it). The records written are checked against `sha256`. Yields the records bytes
 * written so far after each chunk.
 */
function* writeContainer(
  output: number,
  headerBuf: Buffer,
  input: number,
  inputOffset: number,
  dbBytes: number,
  sha256: string,
  problems: { shrank: (done: number) => Error; changed: () => Error },
): Generator<number, void> {
  const prefix = Buffer.alloc(PREFIX_BYTES);
  BACKUP_MAGIC.copy(prefix, 0);
  prefix.writeUInt32BE(headerBuf.length, BACKUP_MAGIC.length);
  const whole = createHash('sha256');
  const records = createHash('sha256');
  const put = (buf: Buffer) => {
    whole.update(buf);
    let off = 0;
    while (off < buf.length) off += fs.writeSync(output, buf, off, buf.length - off);
  };
  put(prefix);
  put(headerBuf);
  const buf = Buffer.alloc(CHUNK_BYTES);
  for (let done = 0; done < dbBytes;) {
    const n = fs.readSync(input, buf, 0, Math.min(CHUNK_BYTES, dbBytes - done), inputOffset + done);
    if (n === 0) throw problems.shrank(done);
    const chunk = buf.subarray(0, n);
    records.update(chunk);
    put(chunk);
    done += n;
    yield done;
  }
  if (records.digest('hex') !== sha256) throw problems.changed();
  const trailer = whole.digest();
  let off = 0;
  while (off < trailer.length) off += fs.writeSync(output, trailer, off, trailer.length - off);
  syncFile(output);
}

/** Runs a generator to completion, without pauses. */
export function runSync<T, R>(steps: Generator<T, R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs a generator, reporting each step and pausing after each so the app keeps answering.
 * `shouldStop` is checked between steps: the generator is then closed (its `finally` blocks clean up).
 */
export async function runSteps<T, R>(
  steps: Generator<T, R>,
  onStep: (value: T) => void,
  shouldStop: () => string | null = () => null,
): Promise<R> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onStep(next.value);
    await pause();
    const reason = shouldStop();
    if (reason !== null) {
      // Safe: the generator is stopped before its end, so no return value is ever read.
      steps.return(undefined as never);
      throw new Error(reason);
    }
  }
}

/** Lets other requests run (and progress be read) before going on. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Rewrites a backup file with a new header and the same records (e.g. without a slot that must
 * no longer travel with it), under a temporary name, flushed, then renamed over the original.
 * The original is verified first: a damaged file is left exactly as it is (BackupFileError).
 */
export function rewriteBackupHeader(backup: OpenedBackup, header: BackupHeader): void {
  runSync(verifySteps(backup));
  const full = BackupHeader.parse(header);
  const headerBuf = Buffer.from(JSON.stringify(full), 'utf8');
  const tmp = temporaryBeside(backup.file);
  const input = fs.openSync(backup.file, 'r');
  let renamed = false;
  try {
    const output = fs.openSync(tmp, 'wx', 0o600);
    try {
      runSync(
        writeContainer(output, headerBuf, input, backup.databaseOffset, full.database.bytes, full.database.sha256, {
          shrank: (done) => truncated(backup.databaseOffset + done, backup.bytes),
          changed: () => new BackupFileError('damaged', 'This backup file changed while it was being rewritten.'),
        }),
      );
    } finally {
      fs.closeSync(output);
    }
    fs.renameSync(tmp, backup.file);
    renamed = true;
    fsyncFolder(path.dirname(backup.file));
  } finally {
    fs.closeSync(input);
    if (!renamed) fs.rmSync(tmp, { force: true });
  }
}
