/**
 * Files handed to another program (the system's PDF viewer) must exist on disk for a while, but a
 * handout is patient data outside the encrypted records: each one is written to a folder only
 * this user can read (0700, files 0600), removed a few minutes later once the viewer has read it,
 * and the whole folder is removed when the records lock or close and when the app quits. Each run's
 * folder carries its process number: folders left by a run that crashed are removed at the next
 * start (those of another copy of the app still running are left alone; any older than a day go).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from '../util/process';

const PREFIX = 'stride-clinic-view-';
/** Long enough for any viewer to open the file; short enough not to leave patient data lying about. */
export const VIEWER_FILE_LIFETIME_MS = 10 * 60 * 1000;
const STALE_MS = 24 * 60 * 60 * 1000;

export class PrivateTempFiles {
  private dir: string | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly root: string = os.tmpdir()) {}

  /** The private folder, made on first use (and old folders from crashed runs swept then). */
  private folder(): string {
    if (this.dir === null || !fs.existsSync(this.dir)) {
      this.sweepLeftovers();
      this.dir = fs.mkdtempSync(path.join(this.root, `${PREFIX}${process.pid}-`));
      fs.chmodSync(this.dir, 0o700);
    }
    return this.dir;
  }

  /** Writes `bytes` under a readable name (shown in the viewer's title bar); returns the path. */
  write(name: string, bytes: Uint8Array): string {
    const safe = name.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 120) || 'handout.pdf';
    const dir = fs.mkdtempSync(path.join(this.folder(), 'f-'));
    const file = path.join(dir, safe);
    fs.writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
    return file;
  }

  /** Removes the file (and its own folder) after `ms`. */
  removeLater(file: string, ms = VIEWER_FILE_LIFETIME_MS): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  /** Removes every file now (the app is closing). */
  removeAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  /** Removes the folders of runs that are no longer running (called at start and on first use). */
  sweepLeftovers(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.root).filter((n) => n.startsWith(PREFIX));
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(this.root, name);
      try {
        const stat = fs.lstatSync(full);
        if (!stat.isDirectory() || full === this.dir) continue;
        const pid = /^stride-clinic-view-(\d+)-/.exec(name)?.[1];
        const runGone = pid !== undefined && Number(pid) !== process.pid && !processAlive(Number(pid));
        if (runGone || Date.now() - stat.mtimeMs > STALE_MS) fs.rmSync(full, { recursive: true, force: true });
      } catch {
        // Another user's folder, or already gone: not ours to worry about.
      }
    }
  }
}
