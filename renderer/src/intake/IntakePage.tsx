/**
 * The intake of an episode, on one calm page in the order of the conversation: episode, running
 * history, symptoms and red flags, LEFS, PSFS, VISA-A (Achilles), physical tests with live LSI,
 * readiness with the starting point, the SOAP note, and signing. A summary beside it follows the
 * typing.
 *
 * The form keeps what was typed, always: values are text (form-model.ts), checked with the shared
 * schema as the backend will, and autosaved when typing pauses. A value that cannot be saved is
 * marked beside its field and the rest waits; a refusal from the backend does the same. Once
 * signed, the page shows the signed note with its addenda, and the recorded data read-only.
 */
import type { KeyboardEvent } from 'react';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { isAchillesEpisode } from '../../../shared/clinical/intake/episode';
import type { FieldProblem } from '../../../shared/clinical/intake/fields';
import { parseIntakeDraft, type IntakeDraft } from '../../../shared/clinical/intake/intake';
import { positiveRedFlags, subjectiveLines } from '../../../shared/clinical/intake/note-text';
import { intakeRedFlagScreen, type ReadinessResult } from '../../../shared/clinical/intake/readiness';
import { checkIntakeForSigning } from '../../../shared/clinical/intake/signing';
import { objectiveText, SoapNote } from '../../../shared/clinical/intake/soap';
import { startingPointLine, type StartingPoint } from '../../../shared/clinical/intake/starting-point';
import { summarizeIntake } from '../../../shared/clinical/intake/summary';
import type { IntakeRecord } from '../../../shared/domain/intake';
import type { Patient } from '../../../shared/domain/patient';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { hrefOf } from '../app/router';
import { ConfirmDialog } from '../ui/Dialog';
import { ErrorNotice, InfoNotice, Loading } from '../ui/feedback';
import { todayIso } from '../ui/format';
import { focusField, IntakeFormContext, type IntakeForm } from './controls';
import { DiagnosisChecksSection, diagnosisCheckParts } from './DiagnosisChecksSection';
import { EpisodeSection } from './EpisodeSection';
import { errorsOf, formPath, fromDraft, toDraft, typedOf, VISA_A_PATHS, type FormValues } from './form-model';
import { createFormStore, useFormValues } from './form-store';
import { HistorySection } from './HistorySection';
import { LefsSection } from './LefsSection';
import { NoteSection } from './NoteSection';
import { NoteView } from './NoteView';
import { PhysicalTestsSection } from './PhysicalTestsSection';
import { PsfsSection } from './PsfsSection';
import { ReadinessSection, START_IDS, type ChooseResult } from './ReadinessSection';
import { IntakeSection, SECTION_IDS } from './Section';
import { canonicalJson } from '../../../shared/text/canonical-json';
import { saveStateText, SummaryPanel } from './SummaryPanel';
import { RedFlagAlert, SymptomsSection } from './SymptomsSection';
import { useAutosave } from './useAutosave';
import { VisaASection } from './VisaASection';

export function IntakePage({ patientId, episodeId }: { patientId: number; episodeId: number }) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [record, setRecord] = useState<IntakeRecord | null | undefined>(undefined);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const load = useCallback(async () => {
    const [p, i] = await Promise.all([call('patients.get', { id: patientId }), call('intake.get', { episodeId })]);
    if (!p.ok) return setError(p.error);
    if (!i.ok) return setError(i.error);
    if (i.value && i.value.patientId !== patientId) {
      return setError({ code: 'not_found', message: 'This intake belongs to another patient.' });
    }
    setPatient(p.value);
    setRecord(i.value);
  }, [patientId, episodeId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function start() {
    const r = await call('intake.start', { episodeId });
    if (r.ok) setRecord(r.value);
    else setError(r.error);
  }

  if (error) {
    return (
      <div className="page">
        <ErrorNotice
          error={error}
          action={<a href={hrefOf({ name: 'episode', patientId, episodeId })}>Back to the episode</a>}
        />
      </div>
    );
  }
  if (!patient || record === undefined) return <Loading label="Loading the intake…" />;
  if (record === null) {
    return (
      <div className="page page--narrow">
        <h1>Intake</h1>
        <p>This episode has no intake yet.</p>
        <button type="button" className="button button--primary" onClick={() => void start()}>
          Start the intake
        </button>
      </div>
    );
  }
  return <IntakeEditor key={record.id} patient={patient} initial={record} />;
}

interface Checked {
  /** The draft when every value is valid. */
  valid: IntakeDraft | null;
  /** The draft as typed, before the check. */
  raw: Record<string, unknown>;
  problems: FieldProblem[];
}

/** The typed values checked as the backend will check them (with today's date). */
function checkValues(values: FormValues, format: Parameters<typeof toDraft>[1]): Checked {
  const { draft, problems } = toDraft(values, format);
  const parsed = parseIntakeDraft(draft, todayIso());
  const typed = SoapNote.safeParse(typedOf(values));
  const typedProblems = typed.success
    ? []
    : Object.entries(fieldErrors(typed.error)).map(([path, message]) => ({ path: `typed.${path}`, message }));
  const all = [...problems, ...(parsed.ok ? [] : parsed.problems), ...typedProblems];
  return { valid: parsed.ok && all.length === 0 ? parsed.value : null, raw: draft, problems: all };
}

/** The draft without the fields that fail, for the live summary while something is being fixed. */
function withoutProblems(
  draft: Record<string, unknown>,
  problems: readonly FieldProblem[],
  fallback: IntakeDraft,
): IntakeDraft {
  const copy = structuredClone(draft);
  for (const p of problems) {
    const keys = p.path.split('.');
    let node: unknown = copy;
    for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[key];
    const last = keys[keys.length - 1]!;
    if (Array.isArray(node)) node[Number(last)] = null;
    else if (node !== null && typeof node === 'object') delete (node as Record<string, unknown>)[last];
  }
  const parsed = parseIntakeDraft(copy, todayIso());
  return parsed.ok ? parsed.value : fallback;
}

function IntakeEditor({ patient, initial }: { patient: Patient; initial: IntakeRecord }) {
  const { settings, status } = useApp();
  const [record, setRecord] = useState(initial);
  const [store] = useState(() =>
    createFormStore(fromDraft(initial.draft, initial.typed, settings.dateFormat, settings.units)),
  );
  // Fields follow the store at once; what is computed from the whole form follows a moment later.
  const values = useDeferredValue(useFormValues(store));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [signErrors, setSignErrors] = useState<Record<string, string> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [signing, setSigning] = useState(false);
  const [signFailure, setSignFailure] = useState<AppErrorShape | null>(null);
  const versionRef = useRef(initial.version);
  const problemsRef = useRef<HTMLDivElement>(null);
  const episodeId = initial.episodeId;
  const signed = record.status === 'signed';
  // A discharged episode's draft is shown but not changed: reopen the episode first.
  const closed = record.episode.status === 'closed';
  const readOnly = signed || closed;

  const checked = useMemo(() => checkValues(values, settings.dateFormat), [values, settings.dateFormat]);
  const liveDraft = useMemo(
    () => (readOnly ? record.draft : (checked.valid ?? withoutProblems(checked.raw, checked.problems, record.draft))),
    [checked, readOnly, record.draft],
  );
  const thresholds = record.thresholds;
  // Today's date for the time-based gates (weeks since surgery or birth).
  const summary = useMemo(() => summarizeIntake(liveDraft, thresholds, todayIso()), [liveDraft, thresholds]);
  const readiness: ReadinessResult = signed && record.readiness ? record.readiness : summary.readiness;
  const redFlags = useMemo(() => positiveRedFlags(liveDraft), [liveDraft]);
  const redFlagScreen = useMemo(() => intakeRedFlagScreen(liveDraft), [liveDraft]);
  const checkParts = useMemo(() => diagnosisCheckParts(liveDraft, values), [liveDraft, values]);
  const signCheck = useMemo(() => checkIntakeForSigning(liveDraft, todayIso()), [liveDraft]);

  const autosave = useAutosave({
    label: 'the intake',
    initialKey: canonicalJson({ draft: initial.draft, typed: initial.typed }),
    prepare: () => {
      const c = checkValues(store.snapshot(), settings.dateFormat);
      setErrors(errorsOf(c.problems));
      if (c.valid === null) return { ok: false, count: Object.keys(errorsOf(c.problems)).length };
      const typed = typedOf(store.snapshot());
      return { ok: true, payload: { draft: c.valid, typed }, key: canonicalJson({ draft: c.valid, typed }) };
    },
    send: async ({ draft, typed }) => {
      const r = await call('intake.saveDraft', { episodeId, expectedVersion: versionRef.current, draft, typed });
      if (r.ok) {
        versionRef.current = r.value.version;
        setRecord(r.value);
      } else if (r.error.fields) {
        const fields = r.error.fields;
        setErrors((prev) => ({
          ...prev,
          ...errorsOf(Object.entries(fields).map(([path, message]) => ({ path, message }))),
        }));
      }
      return r;
    },
  });

  const { schedule, flush } = autosave;
  const setMany = useCallback(
    (changes: Readonly<Record<string, string>>) => {
      if (readOnly) return;
      store.update(changes);
      // An edited field's old message goes; the next check says whether it still applies.
      setErrors((prev) => dropKeys(prev, Object.keys(changes)));
      setSignErrors((prev) => (prev ? dropKeys(prev, Object.keys(changes)) : prev));
      schedule();
    },
    [readOnly, store, schedule],
  );
  const shownErrors = useMemo(() => (signErrors ? { ...signErrors, ...errors } : errors), [errors, signErrors]);
  const form: IntakeForm = useMemo(
    () => ({ store, errors: shownErrors, readOnly, set: (path, value) => setMany({ [path]: value }), setMany }),
    [store, shownErrors, readOnly, setMany],
  );

  const choose = useCallback(
    async (choice: StartingPoint, reason: string): Promise<ChooseResult> => {
      if (!(await flush())) {
        return {
          error: {
            code: 'invalid_request',
            message: 'The intake is not saved: fix the entries marked above, then record the starting point.',
          },
        };
      }
      const r = await call('intake.chooseStart', { episodeId, expectedVersion: versionRef.current, choice, reason });
      if (!r.ok) return { error: r.error };
      versionRef.current = r.value.version;
      setRecord(r.value);
      setSignErrors((prev) => (prev ? dropKeys(prev, ['startingPoint']) : prev));
      return { error: null };
    },
    [episodeId, flush],
  );

  async function askToSign() {
    setSignFailure(null);
    const saved = await autosave.flush();
    // Checked on what is typed now, not on the summary's deferred copy.
    const now = checkValues(store.snapshot(), settings.dateFormat);
    const problems = now.valid ? [...checkIntakeForSigning(now.valid, todayIso()).problems] : now.problems;
    const latest = record;
    if (!latest.decision) {
      problems.push({
        path: 'startingPoint',
        message: 'Choose the starting point: accept the recommendation or pick another.',
      });
    } else if (latest.decisionOutdated) {
      problems.push({
        path: 'startingPoint',
        message: 'The readiness result changed: record the starting point again.',
      });
    }
    if (!saved || problems.length > 0) {
      setSignErrors(errorsOf(problems));
      problemsRef.current?.focus();
      return;
    }
    setSignErrors(null);
    setConfirming(true);
  }

  async function sign() {
    setSigning(true);
    const r = await call('intake.sign', { episodeId, expectedVersion: versionRef.current });
    setSigning(false);
    setConfirming(false);
    if (!r.ok) {
      setSignFailure(r.error);
      if (r.error.fields)
        setSignErrors(errorsOf(Object.entries(r.error.fields).map(([path, message]) => ({ path, message }))));
      problemsRef.current?.focus();
      return;
    }
    versionRef.current = r.value.version;
    setRecord(r.value);
    window.scrollTo({ top: 0 });
    document.getElementById('intake-title')?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void autosave.flush();
    }
  }

  const { previousLefs, decision } = record;
  const generated = useMemo(
    () => ({
      subjective: subjectiveLines(liveDraft).join('\n'),
      objective: objectiveText(liveDraft, {
        thresholds,
        today: todayIso(),
        ...(previousLefs ? { previousLefs } : {}),
      }),
      assessment: '',
      plan: decision ? startingPointLine(decision.recommended, decision.choice, decision.reason) : '',
    }),
    [liveDraft, thresholds, previousLefs, decision],
  );
  const showVisaA = isAchillesEpisode(liveDraft.episode) || VISA_A_PATHS.some((p) => (values[p] ?? '') !== '');
  const saveText = saveStateText(autosave.state, signed);
  const shownProblems = signErrors ? Object.entries(signErrors) : [];
  const episode = record.episode;

  return (
    <div className="page page--intake" onKeyDown={onKeyDown}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ name: 'patients' })}>Patients</a> <span aria-hidden="true">›</span>{' '}
        <a href={hrefOf({ name: 'patient', id: patient.id })}>
          {patient.givenName} {patient.familyName}
        </a>{' '}
        <span aria-hidden="true">›</span>{' '}
        <a href={hrefOf({ name: 'episode', patientId: patient.id, episodeId })}>{episode.title}</a>{' '}
        <span aria-hidden="true">›</span> <span aria-current="page">Intake</span>
      </nav>
      <header className="intake-header">
        <div>
          <p className="eyebrow">
            {patient.givenName} {patient.familyName} · Record {patient.recordNumber}
          </p>
          <h1 id="intake-title" tabIndex={-1}>
            Intake: {episode.title}
            <span className={`badge ${signed ? 'badge--success' : 'badge--warning'}`}>
              {signed ? 'Signed' : 'Draft'}
            </span>
          </h1>
        </div>
        <div className="intake-header__save">
          <span
            className={`save-state save-state--${signed ? 'signed' : autosave.state.kind}`}
            role="status"
            aria-live="polite"
          >
            {saveText}
          </span>
          {readOnly ? null : (
            <button type="button" className="button button--secondary" onClick={() => void autosave.flush()}>
              Save draft
            </button>
          )}
        </div>
      </header>
      {autosave.state.kind === 'failed' ? (
        <ErrorNotice
          error={autosave.state.error}
          action={
            autosave.stopped() ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => window.location.reload()}
              >
                Reload the intake
              </button>
            ) : undefined
          }
        />
      ) : null}
      {signed ? null : <RedFlagAlert screen={redFlagScreen} />}
      {closed && !signed ? (
        <InfoNotice>
          <p>
            This episode is discharged, so its draft intake is shown read-only. Reopen the episode to go on with it.
          </p>
        </InfoNotice>
      ) : null}
      {signed ? (
        <section className="panel" aria-label="Signed intake note">
          <NoteView note={record.note} onChanged={(note) => setRecord({ ...record, note })} />
        </section>
      ) : null}

      <div className="intake-layout">
        <IntakeFormContext.Provider value={form}>
          <form
            className="intake-form"
            aria-label={signed ? 'Recorded intake data (read-only)' : 'Intake'}
            noValidate
            onSubmit={(e) => e.preventDefault()}
          >
            {signed ? <h2 className="intake-readonly-title">Recorded data (read-only)</h2> : null}
            <fieldset className="intake-fieldset" disabled={readOnly}>
              <legend className="visually-hidden">Intake</legend>
              <EpisodeSection />
              <HistorySection />
              <SymptomsSection draft={liveDraft} screen={redFlagScreen} />
              <LefsSection score={summary.lefs} previous={record.previousLefs} />
              <PsfsSection score={summary.psfs} />
              {showVisaA ? (
                <VisaASection score={summary.visaA} forAchilles={isAchillesEpisode(liveDraft.episode)} />
              ) : null}
              <PhysicalTestsSection draft={liveDraft} summary={summary} thresholds={thresholds} />
              {checkParts.length > 0 ? (
                <DiagnosisChecksSection draft={liveDraft} parts={checkParts} thresholds={thresholds} />
              ) : null}
            </fieldset>
            <ReadinessSection
              readiness={readiness}
              decision={record.decision}
              outdated={record.decisionOutdated}
              readOnly={readOnly}
              onChoose={choose}
              signError={signErrors?.startingPoint}
            />
            {signed ? null : (
              <>
                <fieldset className="intake-fieldset" disabled={closed}>
                  <legend className="visually-hidden">Note</legend>
                  <NoteSection generated={generated} />
                </fieldset>
                {closed ? null : (
                  <IntakeSection id={SECTION_IDS.sign} title="10. Sign">
                    <div
                      ref={problemsRef}
                      tabIndex={-1}
                      className="sign-problems"
                      aria-labelledby="sign-problems-title"
                    >
                      {signFailure && !signFailure.fields ? <ErrorNotice error={signFailure} /> : null}
                      {shownProblems.length > 0 ? (
                        <div className="notice notice--error" role="alert">
                          <span className="notice__icon" aria-hidden="true">
                            !
                          </span>
                          <div className="notice__body">
                            <p className="notice__text" id="sign-problems-title">
                              Before signing, fix{' '}
                              {shownProblems.length === 1 ? 'this' : `these ${shownProblems.length}`}:
                            </p>
                            <ul className="problem-list">
                              {shownProblems.map(([path, message]) => (
                                <li key={path}>
                                  <button
                                    type="button"
                                    className="button--link"
                                    onClick={() =>
                                      path === 'startingPoint'
                                        ? document.getElementById(START_IDS.mode)?.querySelector('input')?.focus()
                                        : focusField(formPath(path))
                                    }
                                  >
                                    {message}
                                  </button>
                                </li>
                              ))}
                            </ul>
                          </div>
                        </div>
                      ) : (
                        <p id="sign-problems-title" className="muted">
                          {signCheck.canSign
                            ? 'The intake is complete enough to sign.'
                            : `${signCheck.problems.length} ${signCheck.problems.length === 1 ? 'thing is' : 'things are'} still missing before signing (listed when you sign).`}
                        </p>
                      )}
                    </div>
                    {signCheck.warnings.length > 0 ? (
                      <ul className="warning-list" aria-label="Worth a look before signing">
                        {signCheck.warnings.map((w) => (
                          <li key={w.path}>{w.message}</li>
                        ))}
                      </ul>
                    ) : null}
                    <p className="field__hint">
                      Signing locks the note as {status.clinician?.name}: it cannot be changed afterwards; corrections
                      are added as signed addenda.
                    </p>
                    <div className="form-actions">
                      <button
                        type="button"
                        className="button button--primary"
                        onClick={() => void askToSign()}
                        disabled={signing}
                      >
                        Sign the intake note
                      </button>
                    </div>
                  </IntakeSection>
                )}
              </>
            )}
          </form>
        </IntakeFormContext.Provider>
        <SummaryPanel
          summary={summary}
          readiness={readiness}
          thresholds={thresholds}
          redFlags={redFlags}
          decision={record.decision}
          showVisaA={showVisaA}
          saveText={saveText}
        />
      </div>
      {readOnly ? null : (
        <ConfirmDialog
          open={confirming}
          title="Sign the intake note?"
          confirmLabel="Sign the note"
          onConfirm={() => void sign()}
          onCancel={() => setConfirming(false)}
          busy={signing}
        >
          <p>
            You sign as <strong>{status.clinician?.name}</strong>. The note and the intake are locked: nothing in them
            can be changed afterwards. Corrections and additions are added as signed addenda under the note.
          </p>
          <p>
            Starting point:{' '}
            <strong>
              {record.decision
                ? startingPointLine(
                    record.decision.recommended,
                    record.decision.choice,
                    record.decision.reason,
                  ).replace(/^Starting point: /, '')
                : ''}
            </strong>
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** The map without `keys`; the same object when none was there, so nothing re-renders for nothing. */
function dropKeys(source: Record<string, string>, keys: readonly string[]): Record<string, string> {
  if (!keys.some((k) => k in source)) return source;
  const out = { ...source };
  for (const k of keys) delete out[k];
  return out;
}
