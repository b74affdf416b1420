/** The patient list: search by name, record number or date of birth, in family-name order. */
import { useEffect, useRef, useState } from 'react';
import { patientListName } from '../../../shared/domain/patient';
import { useApp } from '../app/context';
import { hrefOf, navigate } from '../app/router';
import { EmptyState, ErrorNotice, Loading } from '../ui/feedback';
import { dateWithAge } from '../ui/format';
import { VirtualList } from '../ui/VirtualList';
import { usePatientSearch } from './usePatientSearch';

const ROW_HEIGHT = 56;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

export function PatientListPage() {
  const { settings } = useApp();
  const [text, setText] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const query = useDebounced(text, 120);
  const search = usePatientSearch(query.trim(), includeArchived);
  const searchBox = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = (index: number) => {
    const p = search.rowAt(index);
    if (p) navigate({ name: 'patient', id: p.id });
  };

  const datePattern = settings.dateFormat;
  const searching = query.trim() !== '';

  return (
    <div className="page page--list">
      <div className="page__header">
        <h1>Patients</h1>
        <a className="button button--primary" href={hrefOf({ name: 'patient-new' })}>
          New patient
        </a>
      </div>
      <div className="search-bar" role="search">
        <label htmlFor="patient-search" className="field__label">
          Find a patient
        </label>
        <input
          id="patient-search"
          ref={searchBox}
          className="field__input search-bar__input"
          type="search"
          value={text}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          aria-describedby="patient-search-hint"
          aria-controls="patient-list"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || (e.key === 'Enter' && (search.total ?? 0) > 0)) {
              e.preventDefault();
              if (e.key === 'Enter' && search.total === 1) open(0);
              else list.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus();
            }
          }}
        />
        <p id="patient-search-hint" className="field__hint">
          Name, record number or date of birth ({datePattern}). Accents and capitals do not matter. Ctrl+F jumps here.
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          Include archived patients
        </label>
      </div>
      <p className="result-count" aria-live="polite">
        {search.total === null
          ? ''
          : searching
            ? `${search.total.toLocaleString()} ${search.total === 1 ? 'patient matches' : 'patients match'}${search.interpretedAs === 'date_of_birth' ? ' this date of birth' : ''}`
            : `${search.total.toLocaleString()} ${search.total === 1 ? 'patient' : 'patients'}`}
      </p>
      {search.error ? <ErrorNotice error={search.error} /> : null}
      <div className="patient-list" ref={list} id="patient-list">
        {search.total === null && !search.error ? <Loading label="Loading patients…" /> : null}
        {search.total === 0 && !searching ? (
          <EmptyState
            title="No patients yet"
            action={
              <a className="button button--primary" href={hrefOf({ name: 'patient-new' })}>
                Add the first patient
              </a>
            }
          >
            Add a patient to start an intake, a running programme and a handout.
          </EmptyState>
        ) : null}
        {search.total === 0 && searching ? (
          <EmptyState title="No patient matches">
            Check the spelling, try part of the family name, or search by record number or date of birth.
            {!includeArchived ? ' Archived patients are not included.' : ''}
          </EmptyState>
        ) : null}
        {search.total !== null && search.total > 0 ? (
          <VirtualList
            count={search.total}
            rowHeight={ROW_HEIGHT}
            label="Patients"
            idPrefix="patient-row"
            onActivate={open}
            onRangeChange={search.ensureRows}
            renderRow={(i) => {
              const p = search.rowAt(i);
              if (!p) return <div className="patient-row patient-row--placeholder" aria-hidden="true" />;
              return (
                <div className="patient-row">
                  <span className="patient-row__name">
                    {patientListName(p)}
                    {p.archived ? <span className="badge badge--muted">Archived</span> : null}
                  </span>
                  <span className="patient-row__dob">{dateWithAge(p.dateOfBirth, settings.dateFormat)}</span>
                  <span className="patient-row__record">{p.recordNumber}</span>
                </div>
              );
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
