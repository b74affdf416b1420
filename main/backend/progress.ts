/**
 * Progress of long operations (backups, restores, exports). The page chooses an id, passes it
 * with its request, and polls `progress.get` with it while the request runs; the backend reports
 * each step under that id and forgets it when the operation ends. Only what the operation really
 * knows is reported: a step that cannot measure itself reports no percentage.
 */
import type { Progress } from '../../shared/domain/records';

const MAX_ENTRIES = 64;

export class ProgressBoard {
  private readonly entries = new Map<string, Progress>();

  /** A reporter for one operation; a no-op when the page did not ask to follow it. */
  reporter(id: string | undefined): (p: Progress) => void {
    if (id === undefined) return () => {};
    return (p) => {
      if (!this.entries.has(id) && this.entries.size >= MAX_ENTRIES) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(id, p);
    };
  }

  get(id: string): Progress | null {
    return this.entries.get(id) ?? null;
  }

  end(id: string | undefined): void {
    if (id !== undefined) this.entries.delete(id);
  }

  /** Runs an operation under a progress id, forgetting the id when it ends either way. */
  async follow<T>(id: string | undefined, run: (report: (p: Progress) => void) => Promise<T>): Promise<T> {
    try {
      return await run(this.reporter(id));
    } finally {
      this.end(id);
    }
  }
}
