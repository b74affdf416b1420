/**
 * What only the desktop shell can do: native file dialogs, the system's PDF viewer, printing.
 * The Electron shell passes an implementation to createBackend; the browser preview passes none
 * (the page offers downloads and typed paths instead), and tests pass a fake.
 *
 * Files are written only where the clinician chose in a dialog: the backend remembers each path a
 * save dialog returned and refuses to write anywhere else, so a compromised page cannot make the
 * app write over arbitrary files.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  readonly kind: 'desktop';
  /** A native "Save as" dialog; null when the clinician cancels. */
  chooseSavePath(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** A native "Open" dialog; null when the clinician cancels. */
  chooseOpenPath(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** Opens a file with the system's default application (a PDF viewer). */
  openPath(path: string): Promise<void>;
  /** Shows the system print dialog for a PDF. */
  printPdf(pdf: Buffer, title: string): Promise<void>;
}

/** Paths the clinician chose in a save dialog during this session, usable once each. */
export class ApprovedPaths {
  private readonly approved = new Set<string>();

  approve(path: string): void {
    this.approved.add(path);
  }

  /** True (and forgotten) when the path came from a save dialog. */
  consume(path: string): boolean {
    return this.approved.delete(path);
  }
}
