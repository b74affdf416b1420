/**
 * The handout as it will print, inside the app (an <iframe> on a blob: URL of the PDF), with what
 * can be done with it: on the desktop, print through the system dialog, save as a file, or open
 * in the system's PDF viewer; in the browser preview, download it.
 */
import { useState } from 'react';
import type { HandoutPdf } from '../../../shared/domain/handout';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { ErrorNotice, InfoNotice, SuccessNotice } from '../ui/feedback';
import { usePdfUrl } from './pdf-blob';
import type { PlatformKind } from './usePlatformKind';

type Busy = 'print' | 'save' | 'open' | null;

const BUSY_LABEL: Record<Exclude<Busy, null>, string> = {
  print: 'Opening the print dialog…',
  save: 'Saving…',
  open: 'Opening the PDF viewer…',
};

export function HandoutPreview({
  pdf,
  platform,
  reprint,
  onClose,
}: {
  pdf: HandoutPdf;
  platform: PlatformKind | null;
  /** Shown as a reprint (made again from the stored data) rather than a new handout. */
  reprint: boolean;
  onClose(): void;
}) {
  const url = usePdfUrl(pdf.pdfBase64);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { handout } = pdf;

  async function act(what: Exclude<Busy, null>) {
    setBusy(what);
    setError(null);
    setDone(null);
    const id = { id: handout.id };
    if (what === 'save') {
      const r = await call('handouts.saveAs', id);
      if (!r.ok) setError(r.error);
      else if (r.value.outcome === 'saved') setDone(`Saved as ${r.value.path}`);
    } else if (what === 'print') {
      const r = await call('handouts.print', id);
      if (!r.ok) setError(r.error);
    } else {
      const r = await call('handouts.openInViewer', id);
      if (!r.ok) setError(r.error);
    }
    setBusy(null);
  }

  const pages = `${handout.pageCount} ${handout.pageCount === 1 ? 'page' : 'pages'}, ${handout.paperSize}`;
  return (
    <section className="handout-preview" aria-labelledby="handout-preview-title">
      <div className="handout-preview__bar">
        <div>
          <h3 id="handout-preview-title" className="handout-preview__title" tabIndex={-1}>
            {reprint ? 'Reprint of the handout' : 'Handout ready'}
          </h3>
          <p className="handout-preview__meta">
            <span className="mono">{handout.fileName}</span> · {pages}
          </p>
        </div>
        <div className="handout-preview__actions" role="group" aria-label="What to do with the handout">
          {platform === 'desktop' ? (
            <>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void act('print')}
                disabled={busy !== null}
              >
                Print…
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void act('save')}
                disabled={busy !== null}
              >
                Save as…
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void act('open')}
                disabled={busy !== null}
              >
                Open in viewer
              </button>
            </>
          ) : null}
          {platform === 'browser' && url ? (
            <a className="button button--primary" href={url} download={handout.fileName}>
              Download PDF
            </a>
          ) : null}
          <button type="button" className="button button--secondary" onClick={onClose} disabled={busy !== null}>
            Close preview
          </button>
        </div>
      </div>
      {busy ? (
        <p className="handout-preview__busy" role="status">
          {BUSY_LABEL[busy]}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      {platform === 'browser' ? (
        <InfoNotice>
          <p>In the browser preview, download the PDF, then print it or save it from your PDF viewer.</p>
        </InfoNotice>
      ) : null}
      {pdf.notes.length > 0 ? (
        <InfoNotice>
          <ul className="handout-preview__notes">
            {pdf.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </InfoNotice>
      ) : null}
      {url ? (
        <iframe className="handout-preview__frame" src={url} title={`Preview of ${handout.fileName}`} />
      ) : (
        <p className="muted">Opening the preview…</p>
      )}
    </section>
  );
}
