// @vitest-environment happy-dom
/**
 * The renderer's data layer (renderer/src/data) against the real backend: the screens run in
 * happy-dom, their requests go through the same `window.stride` bridge the preload provides, to a
 * backend on a real SQLite file. A request can be held back to play a slow answer.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import { DELAWARE_PUBLISHED_RULE_SET } from '../../../shared/clinical/rule-sets';
import type { Backend } from '../../../main/backend/backend';
import { must, patientInput, readyBackend, removeTempDirs } from '../../helpers/backend';

/** The preload's bridge, pointed at the test's backend; `hold` keeps chosen answers back. */
const bridge = vi.hoisted(() => {
  const state: {
    backend: { invoke(channel: string, request: unknown): Promise<unknown> } | null;
    hold: ((channel: string, request: unknown) => Promise<void> | null) | null;
  } = { backend: null, hold: null };
  (window as unknown as { stride: unknown }).stride = new Proxy(
    {},
    {
      get: (_target, channel) =>
        typeof channel === 'string'
          ? async (request: unknown) => {
              const answer = await state.backend!.invoke(channel, request);
              const held = state.hold?.(channel, request);
              if (held) await held;
              return answer;
            }
          : undefined,
    },
  );
  return state;
});

const { queryClient } = await import('../../../renderer/src/data');
const { AppContext } = await import('../../../renderer/src/app/context');
const { App } = await import('../../../renderer/src/app/App');
const { PatientEditPage } = await import('../../../renderer/src/patients/PatientFormPage');
const { EpisodePage } = await import('../../../renderer/src/episodes/EpisodePage');
const { hrefOf } = await import('../../../renderer/src/app/router');
const { PatientListPage } = await import('../../../renderer/src/patients/PatientListPage');

let backend: Backend;

beforeEach(async () => {
  backend = await readyBackend();
  bridge.backend = backend;
  bridge.hold = null;
  window.location.hash = '#/patients';
});

afterEach(() => {
  cleanup();
  queryClient.clear();
  backend.close();
  removeTempDirs();
});

/** A signed-in screen, as the workspace shows it. */
async function signedIn(children: ReactNode) {
  const status = await must(backend, 'app.status', {});
  const settings = await must(backend, 'settings.get', {});
  return (
    <QueryClientProvider client={queryClient}>
      <AppContext.Provider
        value={{ status, settings, setStatus() {}, lock() {}, reloadSettings: async () => {}, onSignedOut() {} }}
      >
        {children}
      </AppContext.Provider>
    </QueryClientProvider>
  );
}

/** Every cached answer, as text, to look for a patient's details in the page's memory. */
function cachedText(): string {
  return JSON.stringify(
    queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.state.data ?? null),
  );
}

describe('the renderer data layer', () => {
  it('never lets a slow answer for the previous patient replace the patient on show', async () => {
    const first = await must(backend, 'patients.create', patientInput({ givenName: 'Amara', recordNumber: 'RR-1' }));
    const second = await must(backend, 'patients.create', patientInput({ givenName: 'Bruno', recordNumber: 'RR-2' }));
    let release = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    bridge.hold = (channel, request) =>
      channel === 'patients.get' && (request as { id: number }).id === first.id ? slow : null;

    const view = render(await signedIn(<PatientEditPage id={first.id} />));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Loading the patient…');
    view.rerender(await signedIn(<PatientEditPage id={second.id} />));
    await screen.findByRole('heading', { name: /Edit Bruno/ });

    // Amara's answer arrives last; Bruno stays on show.
    await act(async () => {
      release();
      await slow;
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Edit Bruno/);
    expect(screen.queryByText(/Amara/)).toBeNull();
  });

  it('keeps the patient list on screen while the next search is answered, then shows only its matches', async () => {
    await must(backend, 'patients.create', patientInput({ givenName: 'Amara', recordNumber: 'RR-1' }));
    await must(backend, 'patients.create', patientInput({ givenName: 'Bruno', recordNumber: 'RR-2' }));
    render(await signedIn(<PatientListPage />));
    const list = await screen.findByRole('listbox', { name: 'Patients' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));

    let release = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    bridge.hold = (channel, request) => {
      if (channel !== 'patients.search' || (request as { query: string }).query !== 'amara') return null;
      asked = true;
      return slow;
    };
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find a patient' }), { target: { value: 'amara' } });
    // Past the search box's pause for typing: the request for "amara" has gone out.
    await waitFor(() => expect(asked).toBe(true));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    // The answer is still on its way: the rows the clinician was looking at stay, no spinner.
    expect(screen.queryByText('Loading patients…')).toBeNull();
    expect(within(screen.getByRole('listbox', { name: 'Patients' })).getAllByRole('option')).toHaveLength(2);

    await act(async () => {
      release();
      await slow;
    });
    await waitFor(() =>
      expect(within(screen.getByRole('listbox', { name: 'Patients' })).getAllByRole('option')).toHaveLength(1),
    );
    expect(screen.getByRole('listbox', { name: 'Patients' }).textContent).toMatch(/Amara/);
  });

  it('shows a saved check-in in "History: charts and timeline" at once, without a Refresh button', async () => {
    const patient = await must(backend, 'patients.create', patientInput());
    const episode = await must(backend, 'episodes.create', {
      patientId: patient.id,
      diagnosis: 'calf_strain',
      diagnosisDetail: '',
      side: 'left',
      onsetDate: '2026-11-02',
    });
    await must(backend, 'running.assign', {
      episodeId: episode.id,
      programmeId: TIME_WALK_RUN.id,
      startLevel: 4,
      ruleSetId: DELAWARE_PUBLISHED_RULE_SET.id,
      reason: '',
      expectedAssignmentId: null,
    });
    render(await signedIn(<EpisodePage patientId={patient.id} episodeId={episode.id} />));
    const history = await screen.findByRole('region', { name: 'History: charts and timeline' });
    await waitFor(() => expect(within(history).queryByRole('status')).toBeNull());
    expect(within(history).queryByRole('button', { name: 'Refresh' })).toBeNull();
    expect(within(history).queryByText(/Check-in/)).toBeNull();

    fireEvent.click(await screen.findByRole('button', { name: 'New check-in' }));
    const form = await screen.findByRole('form', { name: 'New check-in' });
    fireEvent.click(within(form).getByRole('button', { name: 'Yesterday', exact: true } as never));
    const answer = (legend: string, label: string) =>
      fireEvent.click(
        within(within(form).getByRole('group', { name: legend })).getByRole('radio', {
          name: new RegExp(`^${label}(\\s|$)`),
        }),
      );
    answer('Soreness in the warm-up', 'No soreness');
    answer('Pain that started during the run', 'No');
    answer('Pain during the run (0-10)', '0');
    answer('Pain after the run (0-10)', '0');
    answer('Soreness the day after, and where', 'No soreness');
    answer('Swelling', 'No');
    answer('Limp or changed stride', 'No');
    answer('Session completed as written', 'Completed as written');
    fireEvent.click(await within(form).findByRole('button', { name: 'Confirm and save' }, { timeout: 5000 }));
    await screen.findByText(/Check-in saved/);

    await waitFor(() => expect(within(history).getAllByText(/Check-in/).length).toBeGreaterThan(0), {
      timeout: 5000,
    });
  });

  it('empties the cache of patient data when the clinician locks the app', async () => {
    const patient = await must(backend, 'patients.create', patientInput({ givenName: 'Ingrid' }));
    window.location.hash = hrefOf({ name: 'patient', id: patient.id });
    render(
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>,
    );
    await screen.findByRole('heading', { level: 1, name: /Ingrid/ });
    expect(cachedText()).toContain('Ingrid');

    fireEvent.click(screen.getByRole('button', { name: /^Lock/ }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Ingrid/ })).toBeNull());
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toHaveLength(0));
    expect(cachedText()).not.toContain('Ingrid');
  });

  it('shows the backend’s own sentence and a "Try again" that loads the answer once it exists', async () => {
    render(await signedIn(<PatientEditPage id={1} />));
    const alert = await screen.findByRole('alert');
    const refusal = await backend.invoke('patients.get', { id: 1 });
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) expect(alert.textContent).toContain(refusal.error.message);

    await must(backend, 'patients.create', patientInput({ givenName: 'Tomás' }));
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: /Edit Tomás/ });
  });
});
