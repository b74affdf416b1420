/**
 * The audit trail: every change, view, export, backup, restore, sign-in and lock, newest first,
 * filtered by clinician, patient, action, days and text, 50 entries a page. Read-only: the app
 * has no way to change or remove an entry. Viewing the trail is itself recorded.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { AuditFilterChoices, AuditItem, AuditPage as Page, AuditQuery } from '../../../shared/domain/records';
import { auditActionLabel } from '../../../shared/domain/records';
import type { PatientSummary } from '../../../shared/domain/patient';
import { patientListName } from '../../../shared/domain/patient';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { hrefOf } from '../app/router';
import { EmptyState, ErrorNotice, Loading } from '../ui/feedback';
import { SelectField, TextField } from '../ui/fields';
import { formatTimestamp } from '../ui/format';

const PAGE_SIZE = 50;

type Filters = Omit<AuditQuery, 'offset' | 'limit' | 'asOf'>;

const NO_FILTERS: Filters = { clinicianId: null, patientId: null, action: null, from: null, to: null, text: '' };

export function AuditPage({ patientId = null }: { patientId?: number | null }) {
  const { settings } = useApp();
  const [choices, setChoices] = useState<AuditFilterChoices | null>(null);
  const [draft, setDraft] = useState<Filters>({ ...NO_FILTERS, patientId });
  const [patientLabel, setPatientLabel] = useState<string | null>(null);
  const [applied, setApplied] = useState<Filters>({ ...NO_FILTERS, patientId });
  const [page, setPage] = useState<Page | null>(null);
  const [offset, setOffset] = useState(0);
  const [asOf, setAsOf] = useState<number | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    void call('audit.filters', {}).then((r) => (r.ok ? setChoices(r.value) : setFailure(r.error)));
  }, []);

  const load = useCallback(async (filters: Filters, at: number, since: number | null) => {
    setLoading(true);
    const r = await call('audit.list', { ...filters, offset: at, limit: PAGE_SIZE, asOf: since });
    setLoading(false);
    if (!r.ok) {
      setFailure(r.error.fields ? null : r.error);
      setErrors(r.error.fields ?? {});
      return;
    }
    setFailure(null);
    setErrors({});
    setPage(r.value);
    setAsOf(r.value.asOf);
    // A patient chosen from their page: name them from the entries.
    if (filters.patientId !== null) {
      const named = r.value.items.find((i) => i.patientId === filters.patientId && i.patientName);
      if (named?.patientName) setPatientLabel((l) => l ?? named.patientName);
    }
  }, []);

  useEffect(() => {
    void load(applied, offset, offset === 0 ? null : asOf);
    // asOf belongs to the search being paged, not a reason to reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [applied, offset, load]);

  function apply() {
    setOffset(0);
    setAsOf(null);
    setApplied({ ...draft, text: draft.text.trim() });
  }

  const total = page?.total ?? 0;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + PAGE_SIZE, total);

  return (
    <div className="page audit">
      <div className="page__header">
        <h1>Audit trail</h1>
      </div>
      <p className="muted">
        Every change to the records, and every view, export, backup, restore, sign-in and lock, with who did it and
        when. Entries cannot be changed or removed; Settings, Security checks that none was altered outside the app.
      </p>
      <form
        className="panel audit__filters"
        aria-label="Filter the audit trail"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <div className="audit__filter-grid">
          <SelectField
            label="Clinician"
            value={draft.clinicianId === null ? 'all' : String(draft.clinicianId)}
            options={[
              { value: 'all', label: 'Everyone' },
              ...(choices?.clinicians ?? []).map((c) => ({ value: String(c.id), label: c.name })),
            ]}
            onChange={(v) => setDraft({ ...draft, clinicianId: v === 'all' ? null : Number(v) })}
          />
          <SelectField
            label="Action"
            value={draft.action ?? 'all'}
            options={[
              { value: 'all', label: 'All actions' },
              ...(choices?.actions ?? []).map((a) => ({ value: a, label: auditActionLabel(a) })),
            ]}
            onChange={(v) => setDraft({ ...draft, action: v === 'all' ? null : v })}
          />
          <DateField
            label="From"
            value={draft.from}
            onChange={(from) => setDraft({ ...draft, from })}
            error={errors.from}
          />
          <DateField label="To" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} error={errors.to} />
          <PatientPicker
            patientId={draft.patientId}
            label={patientLabel}
            onChange={(id, label) => {
              setDraft({ ...draft, patientId: id });
              setPatientLabel(label);
            }}
          />
          <TextField
            label="Text in the entry"
            type="search"
            value={draft.text}
            onChange={(text) => setDraft({ ...draft, text })}
            error={errors.text}
            hint="Searches the description and what changed."
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            Show entries
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setPatientLabel(null);
              setOffset(0);
              setAsOf(null);
              setApplied(NO_FILTERS);
            }}
          >
            Clear filters
          </button>
        </div>
      </form>
      {failure ? <ErrorNotice error={failure} /> : null}
      {page === null && !failure ? <Loading label="Reading the audit trail…" /> : null}
      {page && page.items.length === 0 ? (
        <EmptyState title="No entries match these filters">Change or clear the filters to see more.</EmptyState>
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <p className="result-count" aria-live="polite">
            Entries {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()}, newest first
            {loading ? ' (loading…)' : ''}
          </p>
          <table className="table audit__table">
            <caption className="visually-hidden">Audit trail entries</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Patient</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <AuditRow key={item.id} item={item} dateFormat={settings.dateFormat} />
              ))}
            </tbody>
          </table>
          <nav className="audit__paging" aria-label="Pages of entries">
            <button
              type="button"
              className="button button--secondary"
              disabled={offset === 0 || loading}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              Newer entries
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={last >= total || loading}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              Older entries
            </button>
          </nav>
        </>
      ) : null}
    </div>
  );
}

function AuditRow({ item, dateFormat }: { item: AuditItem; dateFormat: Parameters<typeof formatTimestamp>[1] }) {
  return (
    <tr>
      <td className="audit__when">
        <time dateTime={item.at}>{formatTimestamp(item.at, dateFormat)}</time>
        <span className="audit__number">No. {item.id}</span>
      </td>
      <td>
        {item.clinicianName ?? (
          <span className="muted">{item.clinicianId === null ? 'The app' : `Clinician ${item.clinicianId}`}</span>
        )}
      </td>
      <td>{auditActionLabel(item.action)}</td>
      <td>
        {item.patientId !== null ? (
          <a href={hrefOf({ name: 'patient', id: item.patientId })}>
            {item.patientName ?? `Patient ${item.patientId}`}
          </a>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
      <td>
        {item.summary}
        {item.before !== null || item.after !== null ? (
          <details className="audit__change">
            <summary>What changed</summary>
            <ChangeTable before={item.before} after={item.after} />
          </details>
        ) : null}
      </td>
    </tr>
  );
}

function parse(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { value: json };
  }
}

function show(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '(none)';
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  return JSON.stringify(v);
}

function ChangeTable({ before, after }: { before: string | null; after: string | null }) {
  const b = parse(before);
  const a = parse(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return (
    <table className="table audit__diff">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f}>
            <th scope="row">{f}</th>
            <td className="prewrap">{show(b[f])}</td>
            <td className="prewrap">{show(a[f])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="date"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Choose a patient by name or record number; the choice can be cleared. */
function PatientPicker({
  patientId,
  label,
  onChange,
}: {
  patientId: number | null;
  label: string | null;
  onChange(id: number | null, label: string | null): void;
}) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PatientSummary[]>([]);
  const listId = useId();

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setMatches([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void call('patients.search', { query: q, includeArchived: true, offset: 0, limit: 8 }).then((r) => {
        if (current && r.ok) setMatches(r.value.items);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  if (patientId !== null) {
    return (
      <div className="field">
        <span className="field__label">Patient</span>
        <div className="audit__chosen">
          <span>{label ?? `Patient ${patientId}`}</span>
          <button type="button" className="button button--small button--secondary" onClick={() => onChange(null, null)}>
            Any patient
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="audit__picker">
      <TextField
        label="Patient"
        type="search"
        value={query}
        onChange={setQuery}
        placeholder="Name or record number"
        hint="Type two letters or more, then choose below."
      />
      {matches.length > 0 ? (
        <ul className="audit__matches" id={listId} aria-label="Matching patients">
          {matches.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="button button--link"
                onClick={() => {
                  onChange(p.id, `${p.givenName} ${p.familyName}`);
                  setQuery('');
                }}
              >
                {patientListName(p)} ({p.recordNumber})
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
