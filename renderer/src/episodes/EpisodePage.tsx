/**
 * One episode of care: the injury, its status, and everything the clinic does for it. Feature
 * sections (intake, running programme and check-ins, exercises, handouts) are added below the
 * header, each in its own component.
 */
import { useCallback, useEffect, useState } from 'react';
import { REGION_LABELS } from '../../../shared/clinical/intake/episode';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import type { Patient } from '../../../shared/domain/patient';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { formatDate } from '../../../shared/time/dates';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { hrefOf } from '../app/router';
import { ConfirmDialog } from '../ui/Dialog';
import { RunningSection } from '../running/RunningSection';
import { ErrorNotice, Loading } from '../ui/feedback';
import { EpisodeRecords } from '../intake/EpisodeRecords';
import { HomeExercises } from '../exercises/HomeExercises';
import { HandoutSection } from '../handouts/HandoutSection';
import { EpisodeHistory } from '../history/EpisodeHistory';

export interface EpisodeContext {
  patient: Patient;
  episode: EpisodeSummary;
  /** Reload the episode (after a change that bumps its version or status). */
  reload(): Promise<void>;
}

export function EpisodePage({ patientId, episodeId }: { patientId: number; episodeId: number }) {
  const { settings } = useApp();
  const [patient, setPatient] = useState<Patient | null>(null);
  const [episode, setEpisode] = useState<EpisodeSummary | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [confirming, setConfirming] = useState(false);

  const reload = useCallback(async () => {
    const [p, e] = await Promise.all([
      call('patients.get', { id: patientId }),
      call('episodes.get', { id: episodeId }),
    ]);
    if (!p.ok) return setError(p.error);
    if (!e.ok) return setError(e.error);
    if (e.value.patientId !== patientId) {
      return setError({ code: 'not_found', message: 'This episode belongs to another patient.' });
    }
    setPatient(p.value);
    setEpisode(e.value);
  }, [patientId, episodeId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (error) {
    return (
      <div className="page">
        <ErrorNotice
          error={error}
          action={<a href={hrefOf({ name: 'patient', id: patientId })}>Back to the patient</a>}
        />
      </div>
    );
  }
  if (!patient || !episode) return <Loading label="Loading the episode…" />;

  async function toggle() {
    if (!episode) return;
    const r = await call('episodes.close', {
      id: episode.id,
      expectedVersion: episode.version,
      closed: episode.status === 'open',
    });
    setConfirming(false);
    if (r.ok) setEpisode(r.value);
    else setError(r.error);
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ name: 'patients' })}>Patients</a> <span aria-hidden="true">›</span>{' '}
        <a href={hrefOf({ name: 'patient', id: patient.id })}>
          {patient.givenName} {patient.familyName}
        </a>{' '}
        <span aria-hidden="true">›</span> <span aria-current="page">{episode.title}</span>
      </nav>
      <section className="patient-header" aria-labelledby="episode-title">
        <div>
          <p className="eyebrow">
            {patient.givenName} {patient.familyName} · Record {patient.recordNumber}
          </p>
          <h1 id="episode-title" className="patient-header__name">
            {episode.title}
            <span className={`badge ${episode.status === 'open' ? 'badge--success' : 'badge--muted'}`}>
              {episode.status === 'open' ? 'Open' : 'Discharged'}
            </span>
          </h1>
          <p className="patient-header__facts">
            <span>{REGION_LABELS[episode.region]}</span>
            {episode.onsetDate ? (
              <span>Onset {formatDate(episode.onsetDate, settings.dateFormat)}</span>
            ) : (
              <span>Onset not recorded</span>
            )}
            <span>Opened {formatDate(episode.openedOn, settings.dateFormat)}</span>
            {episode.closedOn ? <span>Discharged {formatDate(episode.closedOn, settings.dateFormat)}</span> : null}
          </p>
        </div>
        <div className="patient-header__actions">
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {episode.status === 'open' ? 'Discharge' : 'Reopen'}
          </button>
        </div>
      </section>
      <RunningSection patient={patient} episode={episode} />
      <EpisodeHistory episode={episode} />
      <EpisodeRecords episode={episode} />
      <HomeExercises key={`${episode.id}-${episode.status}`} patient={patient} episode={episode} />
      <HandoutSection episode={episode} />
      <ConfirmDialog
        open={confirming}
        title={episode.status === 'open' ? 'Discharge this episode?' : 'Reopen this episode?'}
        confirmLabel={episode.status === 'open' ? 'Discharge' : 'Reopen'}
        onConfirm={() => void toggle()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {episode.status === 'open'
            ? 'The episode is marked as finished today. Its records stay as they are and can be read at any time.'
            : 'The episode is marked as open again.'}
        </p>
      </ConfirmDialog>
    </div>
  );
}
