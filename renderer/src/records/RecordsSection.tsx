/**
 * Settings, "Backups and exports": back up now, the data folder's snapshots (time, kind, size),
 * how many automatic snapshots to keep, restore from a backup, and export the whole clinic.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BackupList, BackupOutcome, RestoreSource } from '../../../shared/domain/records';
import {
  BACKUP_KIND_LABELS,
  BACKUP_KEEP_MAX,
  BACKUP_KEEP_MIN,
  BackupKeep,
  countOf,
} from '../../../shared/domain/records';
import type { DateFormat } from '../../../shared/time/dates';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call, isDesktop } from '../api/client';
import { useApp } from '../app/context';
import { ErrorNotice, Loading, SuccessNotice } from '../ui/feedback';
import { TextField } from '../ui/fields';
import { downloadFile, formatBytes } from './download';
import { ExportDialog } from './ExportDialog';
import { ProgressView } from './ProgressView';
import { RestorePanel, when } from './RestorePanel';
import { useOperation } from './useOperation';

export function RecordsSection() {
  const { status, settings } = useApp();
  const demo = status.clinicKind === 'demo';
  const [list, setList] = useState<BackupList | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [restoring, setRestoring] = useState<{ initial: RestoreSource | null } | null>(null);
  const [exporting, setExporting] = useState<'json' | 'csv' | null>(null);

  const load = useCallback(async () => {
    const r = await call('backups.list', {});
    if (r.ok) {
      setList(r.value);
      setFailure(null);
    } else setFailure(r.error);
  }, []);

  useEffect(() => {
    if (!demo) void load();
  }, [load, demo]);

  return (
    <section className="panel records" aria-labelledby="records-title">
      <h2 id="records-title" className="panel__title">
        Backups and exports
      </h2>
      {demo ? (
        <p className="muted">
          The demo clinic has no backups: its patients are fictional. Exports work, to show what they look like.
        </p>
      ) : (
        <>
          <p className="muted">
            A backup is one encrypted file holding all the records and the key file that unlocks them. It opens with a
            clinician’s password as it was when the backup was made. Keep a recent one away from this computer.
          </p>
          <BackupNow onDone={() => void load()} />
          <h3 className="subsection-title">Backups in the data folder</h3>
          {failure ? <ErrorNotice error={failure} /> : null}
          {list === null && !failure ? <Loading label="Looking for backups…" /> : null}
          {list?.automaticProblem ? <ErrorNotice error={list.automaticProblem} /> : null}
          {list ? (
            <SnapshotTable
              dateFormat={settings.dateFormat}
              list={list}
              onRestore={(name) => setRestoring({ initial: { kind: 'snapshot', name } })}
              onFailure={setFailure}
            />
          ) : null}
          {list && list.keep !== null ? <KeepSetting keep={list.keep} onSaved={() => void load()} /> : null}
          {restoring ? (
            <RestorePanel
              key={restoring.initial?.kind === 'snapshot' ? restoring.initial.name : 'choose'}
              initial={restoring.initial}
              dateFormat={settings.dateFormat}
              onCancel={() => setRestoring(null)}
            />
          ) : (
            <div className="form-actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setRestoring({ initial: null })}
              >
                Restore from a backup…
              </button>
            </div>
          )}
        </>
      )}
      <h3 className="subsection-title">Export the whole clinic</h3>
      <p className="muted">
        Every record of every patient, for moving to another system or keeping outside the app: one JSON file, or one
        CSV file per table (in a ZIP, with a README describing each column). Exports are not encrypted.
      </p>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => setExporting('json')}>
          Export as JSON…
        </button>
        <button type="button" className="button button--secondary" onClick={() => setExporting('csv')}>
          Export as CSV files…
        </button>
      </div>
      <ExportDialog
        open={exporting !== null}
        title={exporting === 'csv' ? 'Export the clinic as CSV files' : 'Export the clinic as JSON'}
        what={
          exporting === 'csv'
            ? 'All the clinic’s records, one CSV file per table, in a ZIP file with a README that describes every column.'
            : 'All the clinic’s records in one JSON file that describes its own tables and columns.'
        }
        onClose={() => setExporting(null)}
        start={(progressId) => call('export.clinic', { format: exporting ?? 'json', progressId })}
      />
    </section>
  );
}

function BackupNow({ onDone }: { onDone(): void }) {
  const operation = useOperation();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [result, setResult] = useState<Extract<BackupOutcome, { saved: true }> | null>(null);

  async function backUp() {
    setFailure(null);
    setResult(null);
    const r = await operation.run((progressId) => call('backups.create', { progressId }));
    if (!r.ok) return setFailure(r.error);
    if (r.value.saved) {
      setResult(r.value);
      onDone();
    }
  }

  return (
    <div className="records__backup-now">
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void backUp()}
          disabled={operation.running}
        >
          {operation.running ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {operation.running ? <ProgressView progress={operation.progress} starting="Starting the backup" /> : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      {result ? (
        <SuccessNotice>
          Backup made and checked: {countOf(result.patients, 'patient')}, {formatBytes(result.bytes)}, in{' '}
          {result.seconds < 0.1 ? 'under 0.1' : result.seconds.toFixed(1)} s.{' '}
          {result.inDataFolder ? (
            <>It is in the data folder’s backups as “{result.name}”: download it to keep a copy elsewhere.</>
          ) : (
            <>
              Saved to <span className="path">{result.file}</span>.
            </>
          )}
        </SuccessNotice>
      ) : null}
    </div>
  );
}

function SnapshotTable({
  list,
  onRestore,
  onFailure,
  dateFormat,
}: {
  dateFormat: DateFormat;
  list: BackupList;
  onRestore(name: string): void;
  onFailure(error: AppErrorShape): void;
}) {
  const [downloading, setDownloading] = useState<string | null>(null);

  async function download(name: string) {
    setDownloading(name);
    const r = await call('backups.download', { name });
    const error = r.ok ? await downloadFile(r.value.downloadId, r.value.fileName, 'application/octet-stream') : r.error;
    setDownloading(null);
    if (error) onFailure(error);
  }

  if (list.backups.length === 0) {
    return (
      <p className="muted">
        None yet. A snapshot is taken automatically at the first sign-in of each day, and before every update or
        restore.
      </p>
    );
  }
  return (
    <table className="table records__snapshots">
      <caption className="visually-hidden">Backups in the data folder, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Made</th>
          <th scope="col">Kind</th>
          <th scope="col">Size</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.backups.map((b) => (
          <tr key={b.name}>
            <td>{b.facts ? when(b.facts.createdAt, dateFormat) : <span className="muted">{b.name}</span>}</td>
            <td>
              {b.facts ? BACKUP_KIND_LABELS[b.facts.kind] : <span className="badge badge--danger">Unreadable</span>}
            </td>
            <td>{formatBytes(b.bytes)}</td>
            <td>
              {b.facts ? (
                <div className="table__actions">
                  {list.restore.allowed ? (
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => onRestore(b.name)}
                    >
                      Restore…
                      <span className="visually-hidden"> the backup made {when(b.facts.createdAt, dateFormat)}</span>
                    </button>
                  ) : null}
                  {isDesktop ? null : (
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => void download(b.name)}
                      disabled={downloading !== null}
                    >
                      {downloading === b.name ? 'Downloading…' : 'Download'}
                      <span className="visually-hidden"> the backup made {when(b.facts.createdAt, dateFormat)}</span>
                    </button>
                  )}
                </div>
              ) : (
                <span className="muted">{b.problem}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function KeepSetting({ keep, onSaved }: { keep: number; onSaved(): void }) {
  const [value, setValue] = useState(String(keep));
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  async function save() {
    setSaved(false);
    const parsed = BackupKeep.safeParse(value.trim() === '' ? NaN : Number(value));
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    const r = await call('backups.setKeep', { keep: parsed.data });
    if (!r.ok) return setError(r.error.fields?.keep ?? r.error.message);
    setError(undefined);
    setSaved(true);
    onSaved();
  }

  return (
    <form
      className="records__keep"
      noValidate
      aria-label="Automatic snapshots to keep"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label="Automatic snapshots to keep"
        type="number"
        inputMode="numeric"
        value={value}
        onChange={setValue}
        error={error}
        hint={`The newest ${keep} daily, before-update and before-restore snapshots are kept (${BACKUP_KEEP_MIN} to ${BACKUP_KEEP_MAX}); backups made with “Back up now” are never removed.`}
      />
      <button type="submit" className="button button--secondary">
        Save
      </button>
      {saved ? <SuccessNotice>Saved.</SuccessNotice> : null}
    </form>
  );
}
