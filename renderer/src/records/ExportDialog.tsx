/**
 * Exporting: first a warning that the file will not be encrypted, then (desktop) the system's
 * "Save as" dialog or (browser preview) a download, with progress for the whole clinic.
 */
import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { ExportOutcome } from '../../../shared/domain/records';
import type { AppErrorShape, Result } from '../../../shared/ipc/result';
import { isDesktop } from '../api/client';
import { ErrorNotice, SuccessNotice } from '../ui/feedback';
import { RadioGroup } from '../ui/fields';
import { downloadFile, formatBytes } from './download';
import { ProgressView } from './ProgressView';
import { useOperation } from './useOperation';

export interface ExportFormatOption<F extends string> {
  value: F;
  label: string;
  hint?: string;
}

interface Props<F extends string> {
  open: boolean;
  title: string;
  /** What is being exported, in one sentence. */
  what: ReactNode;
  /** The formats to choose between (the first is chosen when the dialog opens); none: one format. */
  formats?: readonly ExportFormatOption<F>[];
  onClose(): void;
  start(progressId: string, format: F | null): Promise<Result<ExportOutcome>>;
}

/** A modal dialog (native <dialog>: focus trapped, Escape closes) for one export. */
export function ExportDialog<F extends string>({ open, title, what, formats, onClose, start }: Props<F>) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const operation = useOperation();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const firstFormat = formats?.[0]?.value ?? null;
  const [format, setFormat] = useState<F | null>(firstFormat);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setFailure(null);
      setDone(null);
      setFormat(firstFormat);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open, firstFormat]);

  async function go() {
    setFailure(null);
    const r = await operation.run((progressId) => start(progressId, format));
    if (!r.ok) return setFailure(r.error);
    const outcome = r.value;
    if (outcome.kind === 'cancelled') return onClose();
    if (outcome.kind === 'saved') {
      return setDone(`Saved ${formatBytes(outcome.bytes)} to ${outcome.file}. It is not encrypted: keep it safe.`);
    }
    const error = await downloadFile(outcome.downloadId, outcome.fileName, outcome.mimeType);
    if (error) return setFailure(error);
    setDone(`Downloaded ${outcome.fileName} (${formatBytes(outcome.bytes)}). It is not encrypted: keep it safe.`);
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!operation.running) onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div className="dialog__body">
        <p>{what}</p>
        {formats && formats.length > 1 ? (
          <RadioGroup
            legend="Format"
            name="export-format"
            value={format ?? ''}
            options={formats}
            onChange={(v) => {
              setFormat(v);
              setDone(null);
              setFailure(null);
            }}
          />
        ) : null}
        <div className="notice notice--warning" role="note">
          <span className="notice__icon" aria-hidden="true">
            !
          </span>
          <div className="notice__body">
            <p className="notice__text">
              <strong>The exported file is not encrypted.</strong> Anyone who opens it can read these health records.
              Save it only where it is protected, send it only by a secure route, and delete it when it is no longer
              needed.
            </p>
          </div>
        </div>
        {operation.running ? <ProgressView progress={operation.progress} starting="Preparing the export" /> : null}
        {failure ? <ErrorNotice error={failure} /> : null}
        {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      </div>
      <div className="dialog__actions">
        {done ? (
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button button--secondary" onClick={onClose} disabled={operation.running}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void go()}
              disabled={operation.running}
            >
              {operation.running ? 'Exporting…' : isDesktop ? 'Choose where to save' : 'Export and download'}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
