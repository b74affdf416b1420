/**
 * Restoring from a backup, in the order the backend checks it:
 *  1. choose the backup (one of the data folder's, or a file: the desktop's "Open" dialog, or a
 *     typed path in the browser preview) and see what its description says;
 *  2. unlock it with a clinician's password as it was when the backup was made; the backend
 *     checks the records inside and counts them;
 *  3. compare it with the current records, read the warnings, and confirm once. A snapshot of
 *     the current records is kept first; the clinician is signed in to the restored records.
 * Used in Settings, on the "records cannot be opened" screen and on the first-start screen.
 */
import { useEffect, useState } from 'react';
import type {
  BackupFacts,
  RecordsSummary,
  RestorePreview,
  RestoreSource,
  SnapshotEntry,
} from '../../../shared/domain/records';
import { BACKUP_KIND_LABELS, countOf } from '../../../shared/domain/records';
import type { AppStatus } from '../../../shared/domain/session';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call, isDesktop } from '../api/client';
import { ErrorNotice, InfoNotice, Loading } from '../ui/feedback';
import { RadioGroup, TextField } from '../ui/fields';
import { formatBytes } from './download';
import type { DateFormat } from '../../../shared/time/dates';
import { formatTimestamp } from '../ui/format';
import { ProgressView } from './ProgressView';
import { useOperation } from './useOperation';

/** Set before the page reloads after a restore; the workspace shows it once. */
export const RESTORED_NOTICE_KEY = 'stride-restored-notice';

/** A moment in the clinic's date format (year first where the clinic's settings are not open yet). */
export function when(iso: string, format: DateFormat = 'YYYY-MM-DD'): string {
  return formatTimestamp(iso, format);
}

interface Props {
  /** Start with this backup chosen (from the list in Settings). */
  initial?: RestoreSource | null;
  onCancel(): void;
  /** Heading level context: where the panel sits. */
  headingLevel?: 2 | 3;
  /** The clinic's date format, where its settings are open. */
  dateFormat?: DateFormat;
}

type Stage =
  | { kind: 'choose' }
  | { kind: 'unlock'; source: RestoreSource; facts: BackupFacts }
  | { kind: 'confirm'; source: RestoreSource; preview: RestorePreview };

export function RestorePanel({ initial = null, onCancel, headingLevel = 3, dateFormat = 'YYYY-MM-DD' }: Props) {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function inspect(source: RestoreSource) {
    setFailure(null);
    const r = await call('restore.inspect', { source });
    if (!r.ok) return setFailure(r.error);
    setStage({ kind: 'unlock', source, facts: r.value });
  }

  useEffect(() => {
    if (initial) void inspect(initial);
    // Only the backup the panel was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section className="subform restore" aria-labelledby="restore-title">
      <Heading id="restore-title" className="subsection-title">
        Restore from a backup
      </Heading>
      {failure ? <ErrorNotice error={failure} /> : null}
      {stage.kind === 'choose' ? (
        <ChooseBackup
          onChosen={(s) => void inspect(s)}
          onCancel={onCancel}
          busy={initial !== null && !failure}
          dateFormat={dateFormat}
        />
      ) : null}
      {stage.kind === 'unlock' ? (
        <UnlockBackup
          dateFormat={dateFormat}
          source={stage.source}
          facts={stage.facts}
          onBack={() => {
            setFailure(null);
            setStage({ kind: 'choose' });
          }}
          onUnlocked={(preview) => {
            setFailure(null);
            setStage({ kind: 'confirm', source: stage.source, preview });
          }}
        />
      ) : null}
      {stage.kind === 'confirm' ? (
        <ConfirmRestore
          dateFormat={dateFormat}
          preview={stage.preview}
          onCancel={() => {
            void call('restore.cancel', { restoreId: stage.preview.restoreId });
            setStage({ kind: 'choose' });
            onCancel();
          }}
        />
      ) : null}
    </section>
  );
}

function ChooseBackup({
  onChosen,
  onCancel,
  busy,
  dateFormat,
}: {
  onChosen(source: RestoreSource): void;
  onCancel(): void;
  busy: boolean;
  dateFormat: DateFormat;
}) {
  const [list, setList] = useState<SnapshotEntry[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [choice, setChoice] = useState<string>('');
  const [typedPath, setTypedPath] = useState('');
  const [pathError, setPathError] = useState<string | undefined>();

  useEffect(() => {
    void call('backups.list', {}).then((r) => {
      if (r.ok) setList(r.value.backups.filter((b) => b.facts !== null));
      else setFailure(r.error);
    });
  }, []);

  async function chooseFile() {
    const r = await call('restore.chooseFile', {});
    if (!r.ok) return setFailure(r.error);
    if (r.value.path) onChosen({ kind: 'file', path: r.value.path });
  }

  function next() {
    if (choice === 'file') {
      if (typedPath.trim() === '') return setPathError('Type the full path of the backup file.');
      setPathError(undefined);
      return onChosen({ kind: 'file', path: typedPath.trim() });
    }
    if (choice !== '') onChosen({ kind: 'snapshot', name: choice });
  }

  if (busy) return <Loading label="Reading the backup…" />;
  const options = [
    ...(list ?? []).map((b) => ({
      value: b.name,
      label: `${when(b.facts!.createdAt, dateFormat)}: ${BACKUP_KIND_LABELS[b.facts!.kind]}`,
      hint: `${formatBytes(b.bytes)}, Stride Clinic ${b.facts!.appVersion}`,
    })),
    ...(isDesktop ? [] : [{ value: 'file', label: 'A backup file elsewhere on this computer' }]),
  ];
  return (
    <form
      noValidate
      aria-label="Choose a backup"
      onSubmit={(e) => {
        e.preventDefault();
        next();
      }}
    >
      {failure ? <ErrorNotice error={failure} /> : null}
      {list === null && !failure ? <Loading label="Looking for backups…" /> : null}
      {list !== null && list.length === 0 ? (
        <p className="muted">There are no backups in this computer’s data folder yet.</p>
      ) : null}
      {options.length > 0 ? (
        <RadioGroup
          legend="Which backup?"
          name="restore-source"
          value={choice}
          options={options}
          onChange={setChoice}
        />
      ) : null}
      {choice === 'file' ? (
        <TextField
          label="Path of the backup file"
          value={typedPath}
          onChange={setTypedPath}
          error={pathError}
          hint="The full path, for example /home/clinic/Backups/Riverside backup 2026-11-27.stridebackup"
          autoFocus
        />
      ) : null}
      <div className="form-actions">
        {choice !== '' ? (
          <button type="submit" className="button button--primary">
            Check this backup
          </button>
        ) : null}
        {isDesktop ? (
          <button type="button" className="button button--secondary" onClick={() => void chooseFile()}>
            Choose a backup file…
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function UnlockBackup({
  source,
  facts,
  onBack,
  onUnlocked,
  dateFormat,
}: {
  dateFormat: DateFormat;
  source: RestoreSource;
  facts: BackupFacts;
  onBack(): void;
  onUnlocked(preview: RestorePreview): void;
}) {
  const [clinicianId, setClinicianId] = useState<string>(
    facts.canUnlock.length === 1 ? String(facts.canUnlock[0]!.clinicianId) : '',
  );
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const operation = useOperation();

  async function unlock() {
    const local: Record<string, string> = {};
    if (clinicianId === '') local.clinicianId = 'Choose whose password you will type.';
    if (password === '') local.password = 'Type the password.';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setFailure(null);
    const r = await operation.run((progressId) =>
      call('restore.prepare', { source, clinicianId: Number(clinicianId), password, progressId }),
    );
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      if (!r.error.fields?.password) setFailure(r.error);
      return;
    }
    setPassword('');
    onUnlocked(r.value);
  }

  return (
    <form
      noValidate
      aria-label="Unlock the backup"
      onSubmit={(e) => {
        e.preventDefault();
        void unlock();
      }}
    >
      <dl className="facts">
        <div>
          <dt>Made</dt>
          <dd>{when(facts.createdAt, dateFormat)}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{BACKUP_KIND_LABELS[facts.kind]}</dd>
        </div>
        <div>
          <dt>Clinic</dt>
          <dd>{facts.clinicName}</dd>
        </div>
        <div>
          <dt>Made by</dt>
          <dd>
            Stride Clinic {facts.appVersion} (records version {facts.schemaVersion})
          </dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(facts.bytes)}</dd>
        </div>
        <div className="facts__wide">
          <dt>File</dt>
          <dd className="path">{source.kind === 'file' ? source.path : facts.fileName}</dd>
        </div>
      </dl>
      <p className="muted">
        The backup is encrypted. It opens with a clinician’s password as it was when the backup was made; what it holds
        is shown next, before anything is replaced.
      </p>
      {failure ? <ErrorNotice error={failure} /> : null}
      <RadioGroup
        legend="Whose password?"
        name="restore-clinician"
        value={clinicianId}
        options={facts.canUnlock.map((c) => ({ value: String(c.clinicianId), label: c.name }))}
        onChange={setClinicianId}
        error={errors.clinicianId}
      />
      <div className="form-grid">
        <TextField
          label="Password (as it was then)"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          autoComplete="current-password"
        />
      </div>
      {operation.running ? <ProgressView progress={operation.progress} starting="Reading the backup file" /> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={operation.running}>
          {operation.running ? 'Checking…' : 'Unlock and check the backup'}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack} disabled={operation.running}>
          Choose another backup
        </button>
      </div>
    </form>
  );
}

function Comparison({
  backup,
  current,
  dateFormat,
}: {
  backup: RecordsSummary;
  current: RecordsSummary | null;
  dateFormat: DateFormat;
}) {
  const rows: [string, (s: RecordsSummary) => string][] = [
    ['Patients', (s) => s.patients.toLocaleString()],
    ['Archived patients', (s) => s.archivedPatients.toLocaleString()],
    ['Episodes of care', (s) => s.episodes.toLocaleString()],
    ['Active clinicians', (s) => s.clinicians.toLocaleString()],
    ['Audit trail entries', (s) => s.auditEntries.toLocaleString()],
    ['Last change', (s) => (s.lastChange ? when(s.lastChange, dateFormat) : 'None')],
  ];
  return (
    <table className="table restore__compare">
      <caption className="visually-hidden">The backup compared with the current records</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">What</span>
          </th>
          <th scope="col">In the backup</th>
          {current ? <th scope="col">In the current records</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value(backup)}</td>
            {current ? <td>{value(current)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConfirmRestore({
  preview,
  onCancel,
  dateFormat,
}: {
  preview: RestorePreview;
  onCancel(): void;
  dateFormat: DateFormat;
}) {
  const operation = useOperation();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  async function confirm() {
    setFailure(null);
    const r = await operation.run((progressId) =>
      call('restore.confirm', { restoreId: preview.restoreId, progressId }),
    );
    if (!r.ok) return setFailure(r.error);
    finishRestore(r.value, preview, dateFormat);
  }

  return (
    <div>
      <p>
        This backup of <strong>{preview.backup.clinicName}</strong>, made {when(preview.facts.createdAt, dateFormat)},
        is complete and checked.
        {preview.current ? ' Here it is beside the records it would replace:' : ' It holds:'}
      </p>
      <Comparison backup={preview.backup} current={preview.current} dateFormat={dateFormat} />
      {preview.warnings.length > 0 ? (
        <InfoNotice>
          <ul className="restore__warnings">
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </InfoNotice>
      ) : null}
      <p>
        {preview.current
          ? 'The current records are kept first, as a snapshot in the backups folder, so this can be undone by restoring that snapshot. '
          : ''}
        You will be signed in as <strong>{preview.clinicianName}</strong>.
      </p>
      {failure ? <ErrorNotice error={failure} /> : null}
      {operation.running ? <ProgressView progress={operation.progress} starting="Restoring" /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button--danger"
          onClick={() => void confirm()}
          disabled={operation.running}
        >
          {operation.running
            ? 'Restoring…'
            : preview.current
              ? 'Replace the current records with this backup'
              : 'Restore this backup'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={operation.running}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/**
 * The records behind every open page changed: start the page afresh (the backend has signed the
 * clinician in) and say what happened once the patient list shows.
 */
function finishRestore(status: AppStatus, preview: RestorePreview, dateFormat: DateFormat): void {
  sessionStorage.setItem(
    RESTORED_NOTICE_KEY,
    `The records were restored from the backup made ${when(preview.facts.createdAt, dateFormat)} (${countOf(preview.backup.patients, 'patient')}).${preview.current ? ' The records it replaced are kept as a snapshot in the backups folder.' : ''}`,
  );
  void status;
  window.location.hash = '#/patients';
  window.location.reload();
}
