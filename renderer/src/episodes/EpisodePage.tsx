/**
 * One episode of care: the injury, its status, and everything the clinic does for it. Feature
 * sections (intake, running programme and check-ins, exercises, handouts) are added below the
 * header, each in its own component.
 */
import { useState } from 'react';
import { REGION_LABELS } from '../../../shared/clinical/intake/episode';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import type { Patient } from '../../../shared/domain/patient';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { formatDate } from '../../../shared/time/dates';
import { combine, Loaded, records, useRead, useWrite } from '../data';
import { useApp } from '../app/context';
import { hrefOf } from '../app/router';
import { ConfirmDialog } from '../ui/Dialog';
import { RunningSection } from '../running/RunningSection';
import { ErrorNotice } from '../ui/feedback';
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
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [confirming, setConfirming] = useState(false);
  const both = combine(
    useRead(records.patient(patientId), 'patients.get', { id: patientId }),
    useRead(records.episode(episodeId), 'episodes.get', { id: episodeId }),
  );
  const close = useWrite('episodes.close', (r) => records.ofEpisode(r.id));

  const [patient, episode] = both.data ?? [null, null];
  const elsewhere = episode !== null && episode.patientId !== patientId;
  const backToPatient = <a href={hrefOf({ name: 'patient', id: patientId })}>Back to the patient</a>;
  if (!patient || !episode || both.error) {
    return (
      <div className="page">
        <Loaded query={both} loading="Loading the episode…" errorAction={backToPatient} />
      </div>
    );
  }
  if (elsewhere || failure) {
    return (
      <div className="page">
        <ErrorNotice
          error={failure ?? { code: 'not_found', message: 'This episode belongs to another patient.' }}
          action={backToPatient}
        />
      </div>
    );
  }

  async function toggle() {
    if (!episode) return;
    const r = await close({
      id: episode.id,
      expectedVersion: episode.version,
      closed: episode.status === 'open',
    });
    setConfirming(false);
    if (!r.ok) setFailure(r.error);
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
