/**
 * The episode page's running section: the current programme and level in words, the next run
 * date, the check-in form with its live decision, and the history of check-ins.
 */
import { useEffect, useRef, useState } from 'react';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import type { Patient } from '../../../shared/domain/patient';
import type { CheckInEntry, EpisodeRunning } from '../../../shared/domain/running';
import { formatDate } from '../../../shared/time/dates';
import { Loaded, records, useRead } from '../data';
import { useApp } from '../app/context';
import { hrefOf, useRoute } from '../app/router';
import { SuccessNotice } from '../ui/feedback';
import { AssignProgrammeForm } from './AssignProgrammeForm';
import { CheckInForm } from './CheckInForm';
import { CheckInHistory } from './CheckInHistory';
import { daysOffText, levelChangeShort, levelLine, nextRunText } from './words';

type Mode = { kind: 'view' } | { kind: 'assign' } | { kind: 'check-in'; correcting: CheckInEntry | null };

export function RunningSection({ patient, episode }: { patient: Patient; episode: EpisodeSummary }) {
  const route = useRoute();
  // Discharging or reopening the episode loads this again: what may be recorded changes.
  const query = useRead(records.episode(episode.id), 'running.episode', { episodeId: episode.id });
  const data = query.data ?? null;
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [saved, setSaved] = useState<string | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  // "New check-in" on the patient page opens this page with the form open.
  const askedForCheckIn = route.name === 'episode' && route.checkIn === true;
  const canRecord = data !== null && data.assignment !== null && data.episodeOpen && !patient.archived;
  useEffect(() => {
    if (askedForCheckIn && canRecord) setMode({ kind: 'check-in', correcting: null });
  }, [askedForCheckIn, canRecord]);

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  function leaveForm() {
    setMode({ kind: 'view' });
    if (askedForCheckIn) {
      window.location.replace(hrefOf({ name: 'episode', patientId: patient.id, episodeId: episode.id }));
    }
  }

  function afterCheckIn(next: EpisodeRunning, correcting: boolean) {
    const entry = next.history.items[0];
    const level = next.assignment?.programme.levels[(entry?.levelAfter ?? 1) - 1];
    setSaved(
      entry
        ? `${correcting ? 'Correction' : 'Check-in'} saved: ${daysOffText(entry.daysOff).toLowerCase()}, ` +
            `${levelChangeShort(entry.decision.levelBefore, entry.levelAfter)}. ${nextRunText(entry.nextRunDate, level)}.`
        : 'Check-in saved.',
    );
    leaveForm();
  }

  return (
    <>
      <section className="panel running" aria-labelledby="running-title">
        <div className="panel__header">
          <h2 id="running-title" className="panel__title">
            Running programme
          </h2>
          {data?.assignment && mode.kind === 'view' && canRecord ? (
            <div className="running__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setSaved(null);
                  setMode({ kind: 'check-in', correcting: null });
                }}
              >
                New check-in
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setSaved(null);
                  setMode({ kind: 'assign' });
                }}
              >
                Change programme or level
              </button>
            </div>
          ) : null}
        </div>
        {saved ? (
          <div ref={savedRef} tabIndex={-1} className="running__saved">
            <SuccessNotice>{saved}</SuccessNotice>
          </div>
        ) : null}
        <Loaded query={query} loading="Loading the running programme…" />
        {data && !data.assignment && mode.kind !== 'assign' ? (
          <NoProgramme canGive={data.episodeOpen && !patient.archived} onGive={() => setMode({ kind: 'assign' })} />
        ) : null}
        {data?.assignment && mode.kind !== 'assign' ? <ProgrammeCard data={data} /> : null}
        {data && mode.kind === 'assign' ? (
          <AssignProgrammeForm
            data={data}
            onSaved={(next) => {
              const a = next.assignment;
              setSaved(a ? `Programme saved: ${a.programme.name}, starting at level ${a.startLevel}.` : null);
              setMode({ kind: 'view' });
            }}
            onCancel={() => setMode({ kind: 'view' })}
          />
        ) : null}
        {data && !data.episodeOpen ? (
          <p className="muted">This episode is discharged: its programme and check-ins are kept as they were.</p>
        ) : null}
      </section>
      {data && mode.kind === 'check-in' ? (
        <CheckInForm
          key={mode.correcting?.id ?? 'new'}
          data={data}
          correcting={mode.correcting}
          onSaved={(next) => afterCheckIn(next, mode.correcting !== null)}
          onCancel={leaveForm}
          onReload={async () => {
            await query.refetch();
          }}
        />
      ) : null}
      {data && (data.assignment || data.history.total > 0) ? (
        <CheckInHistory
          data={data}
          onCorrect={
            canRecord && mode.kind === 'view'
              ? (entry) => {
                  setSaved(null);
                  setMode({ kind: 'check-in', correcting: entry });
                }
              : undefined
          }
        />
      ) : null}
    </>
  );
}

function NoProgramme({ canGive, onGive }: { canGive: boolean; onGive(): void }) {
  return (
    <div className="running__empty">
      <p>
        No running programme yet. Give the patient a graded programme and a starting level; at each visit the soreness
        rules then decide the days off and the next level.
      </p>
      {canGive ? (
        <button type="button" className="button button--primary" onClick={onGive}>
          Give a running programme
        </button>
      ) : null}
    </div>
  );
}

function ProgrammeCard({ data }: { data: EpisodeRunning }) {
  const { settings } = useApp();
  const assignment = data.assignment;
  const state = data.state;
  if (!assignment || !state) return null;
  const { programme } = assignment;
  const progress = state.progress;
  const level = programme.levels[progress.currentLevel - 1];
  const needed = level?.cleanSessionsToAdvance ?? 1;
  const next = progress.earliestNextRun;
  // Why a patient with no soreness did not move up, from the latest standing entry.
  const latest = data.history.items.find((e) => e.assignmentId === assignment.id && e.correctedById === null);
  const held =
    latest && !latest.override && !state.complete && latest.decision.blockedBy.length > 0
      ? latest.decision.blockedBy.map((b) => b.detail).join('; ')
      : null;
  return (
    <div className="programme-card">
      <p className="programme-card__name">
        {programme.name}
        <span className="muted">
          {' '}
          · level {progress.currentLevel} of {programme.levels.length}
        </span>
      </p>
      {level ? <p className="programme-card__level">{levelLine(level, settings.units)}</p> : null}
      <p className="programme-card__next">
        {state.complete
          ? 'Programme complete: the last level was run without soreness.'
          : next === null
            ? 'Next run: no run reported yet'
            : next <= data.today
              ? `${nextRunText(next, level)} or any day after`
              : nextRunText(next, level)}
      </p>
      {held ? (
        <p className="programme-card__held">
          Held at level {progress.currentLevel}: {held}.
        </p>
      ) : null}
      <p className="programme-card__facts muted">
        {state.complete
          ? null
          : `${progress.cleanSessionsAtLevel} of ${needed} clean ${needed === 1 ? 'session' : 'sessions'} at this level · `}
        {state.checkIns} {state.checkIns === 1 ? 'check-in' : 'check-ins'} · {assignment.ruleSetName}
        {data.ruleSet ? `, version ${data.ruleSet.version}` : ''}
      </p>
      <details className="programme-card__details">
        <summary>All levels, source and history of this programme</summary>
        <ol className="level-list" aria-label="Levels of this programme">
          {programme.levels.map((l) => (
            <li
              key={l.number}
              className={`level-list__item${l.number === progress.currentLevel ? ' level-list__item--current' : ''}`}
              aria-current={l.number === progress.currentLevel ? 'step' : undefined}
            >
              {levelLine(l, settings.units)}
              {l.number === progress.currentLevel ? <span className="badge badge--success">Current</span> : null}
              {l.entryCheck ? <span className="level-list__check">Entry check: {l.entryCheck}</span> : null}
            </li>
          ))}
        </ol>
        <p className="muted">Source: {programme.source}</p>
        <p className="muted">
          Given on {formatDate(assignment.assignedOn, settings.dateFormat)} by {assignment.assignedBy}, starting at
          level {assignment.startLevel}
          {assignment.reason ? `. Reason: ${assignment.reason}` : ''}.
        </p>
        {data.earlierAssignments.length > 0 ? (
          <p className="muted">
            Earlier programmes:{' '}
            {data.earlierAssignments
              .map((a) => `${a.programme.name} (from ${formatDate(a.assignedOn, settings.dateFormat)})`)
              .join('; ')}
          </p>
        ) : null}
      </details>
    </div>
  );
}
