/** The signed-in workspace: navigation, header, the demo banner, and the page for the route. */
import { call } from '../api/client';
import { PatientEditPage, PatientNewPage } from '../patients/PatientFormPage';
import { PatientListPage } from '../patients/PatientListPage';
import { PatientPage } from '../patients/PatientPage';
import { EpisodePage } from '../episodes/EpisodePage';
import { ExerciseDetailPage } from '../exercises/ExerciseDetailPage';
import { ExerciseEditorPage } from '../exercises/ExerciseEditorPage';
import { ExerciseLibraryPage } from '../exercises/ExerciseLibraryPage';
import { IntakePage } from '../intake/IntakePage';
import { NotePage } from '../intake/NotePage';
import { SettingsPage } from '../settings/SettingsPage';
import { AuditPage } from '../audit/AuditPage';
import { RestoredNotice } from '../records/RestoredNotice';
import { useApp } from './context';
import { DemoBanner } from './DemoBanner';
import { hrefOf, useRoute } from './router';

export function Workspace() {
  const { status, setStatus, lock } = useApp();
  const route = useRoute();
  const section =
    route.name === 'settings'
      ? 'settings'
      : route.name === 'audit'
        ? 'audit'
        : route.name.startsWith('exercise')
          ? 'exercises'
          : 'patients';

  return (
    <div className="workspace">
      {status.clinicKind === 'demo' ? <DemoBanner onStatus={setStatus} /> : null}
      {status.diskFull ? (
        <div className="demo-banner" role="alert" aria-label="Disk full">
          {status.diskFull}
        </div>
      ) : null}
      <header className="topbar">
        <a className="skip-link" href="#main-content">
          Skip to content
        </a>
        <div className="topbar__brand">
          <span className="topbar__logo" aria-hidden="true">
            ◗
          </span>
          <span className="topbar__clinic">{status.clinicName}</span>
        </div>
        <nav className="topbar__nav" aria-label="Main">
          <a
            className="topbar__link"
            href={hrefOf({ name: 'patients' })}
            aria-current={section === 'patients' ? 'page' : undefined}
          >
            Patients
          </a>
          <a
            className="topbar__link"
            href={hrefOf({ name: 'exercises' })}
            aria-current={section === 'exercises' ? 'page' : undefined}
          >
            Exercises
          </a>
          <a
            className="topbar__link"
            href={hrefOf({ name: 'audit', patientId: null })}
            aria-current={section === 'audit' ? 'page' : undefined}
          >
            Audit trail
          </a>
          <a
            className="topbar__link"
            href={hrefOf({ name: 'settings' })}
            aria-current={section === 'settings' ? 'page' : undefined}
          >
            Settings
          </a>
        </nav>
        <div className="topbar__user">
          <span className="topbar__who">
            {status.clinician?.name}
            <span className="topbar__role">{status.clinician?.profession}</span>
          </span>
          {status.clinicKind === 'real' ? (
            <button
              type="button"
              className="button button--small button--secondary"
              title="Lock (Ctrl+L)"
              onClick={lock}
            >
              Lock
            </button>
          ) : null}
          {status.clinicKind === 'real' ? (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => void call('session.signOut', {}).then((r) => r.ok && setStatus(r.value))}
            >
              Sign out
            </button>
          ) : null}
        </div>
      </header>
      <main id="main-content" className="workspace__main" tabIndex={-1}>
        <RestoredNotice />
        {route.name === 'patients' ? <PatientListPage /> : null}
        {route.name === 'patient-new' ? <PatientNewPage /> : null}
        {route.name === 'patient' ? <PatientPage key={route.id} id={route.id} /> : null}
        {route.name === 'patient-edit' ? <PatientEditPage key={route.id} id={route.id} /> : null}
        {route.name === 'episode' ? (
          <EpisodePage key={route.episodeId} patientId={route.patientId} episodeId={route.episodeId} />
        ) : null}
        {route.name === 'exercises' ? <ExerciseLibraryPage /> : null}
        {route.name === 'exercise' ? <ExerciseDetailPage key={route.id} id={route.id} /> : null}
        {route.name === 'exercise-new' ? <ExerciseEditorPage key="new" mode={{ kind: 'new' }} /> : null}
        {route.name === 'exercise-edit' ? (
          <ExerciseEditorPage key={`edit-${route.id}`} mode={{ kind: 'edit', id: route.id }} />
        ) : null}
        {route.name === 'exercise-copy' ? (
          <ExerciseEditorPage key={`copy-${route.id}`} mode={{ kind: 'copy', id: route.id }} />
        ) : null}
        {route.name === 'intake' ? (
          <IntakePage key={route.episodeId} patientId={route.patientId} episodeId={route.episodeId} />
        ) : null}
        {route.name === 'note' ? (
          <NotePage key={route.noteId} patientId={route.patientId} episodeId={route.episodeId} noteId={route.noteId} />
        ) : null}
        {route.name === 'settings' ? <SettingsPage /> : null}
        {route.name === 'audit' ? <AuditPage key={route.patientId ?? 'all'} patientId={route.patientId} /> : null}
      </main>
    </div>
  );
}
