/**
 * The episode page's history: charts a clinician reads at a glance (pain and soreness, running
 * level, outcome measures) above the timeline of everything recorded, from `episodes.timeline`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { LEFS_MAX } from '../../../shared/clinical/intake/measures/lefs';
import { PSFS_MAX } from '../../../shared/clinical/intake/measures/psfs';
import { VISA_A_MAX } from '../../../shared/clinical/intake/measures/visa-a';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import type { EpisodeTimeline } from '../../../shared/domain/timeline';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { addDays } from '../../../shared/time/dates';
import { call } from '../api/client';
import { useApp } from '../app/context';
import { useRoute } from '../app/router';
import { ErrorNotice, Loading } from '../ui/feedback';
import { dateDomain } from './chart-scale';
import { LevelChart } from './LevelChart';
import { OutcomeChart } from './OutcomeChart';
import { PainChart } from './PainChart';
import { TimelineList } from './TimelineList';

export function EpisodeHistory({ episode }: { episode: EpisodeSummary }) {
  const { settings } = useApp();
  const [timeline, setTimeline] = useState<EpisodeTimeline | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(false);
  const route = useRoute();
  const askedForHistory = route.name === 'episode' && route.history === true;
  const titleRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const r = await call('episodes.timeline', { episodeId: episode.id });
    setLoading(false);
    if (r.ok) {
      setTimeline(r.value);
      setError(null);
    } else setError(r.error);
  }, [episode.id]);

  useEffect(() => {
    void load();
  }, [load, episode.version]);

  const loaded = timeline !== null;
  useEffect(() => {
    // Opened from the patient page's "Timeline and charts": bring the history into view.
    if (askedForHistory && loaded) {
      titleRef.current?.scrollIntoView({ block: 'start' });
      titleRef.current?.focus();
    }
  }, [askedForHistory, loaded]);

  const series = timeline?.series;
  // Pain and level share one time axis, so a step back lines up with the soreness that caused it.
  const runDomain = series
    ? dateDomain([
        ...series.pain.map((p) => p.runDate),
        ...series.level.points.map((p) => p.date),
        ...series.level.rests.map((r) => addDays(r.to, 1)),
      ])
    : null;

  return (
    <section className="panel history" aria-labelledby="history-title" aria-busy={loading}>
      <div className="panel__header">
        <h2 id="history-title" className="panel__title" ref={titleRef} tabIndex={-1}>
          History: charts and timeline
        </h2>
        <button type="button" className="button button--secondary" onClick={() => void load()} disabled={loading}>
          Refresh
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {!timeline && !error ? <Loading label="Loading the history…" /> : null}
      {timeline && series ? (
        <>
          <div className="history__charts">
            <PainChart points={series.pain} domain={runDomain} dateFormat={settings.dateFormat} />
            <LevelChart level={series.level} domain={runDomain} dateFormat={settings.dateFormat} />
            <OutcomeChart
              title="LEFS (lower extremity function)"
              unit="LEFS total (0–80)"
              max={LEFS_MAX}
              ticks={[0, 20, 40, 60, 80]}
              points={series.outcomes.lefs}
              band={series.outcomes.lefsBand}
              change={series.outcomes.changes.find((c) => c.measure === 'lefs') ?? null}
              empty="No LEFS score yet: it appears here once the intake records all 20 items."
              dateFormat={settings.dateFormat}
            />
            {series.outcomes.visaA.length > 0 ? (
              <OutcomeChart
                title="VISA-A (Achilles)"
                unit="VISA-A total (0–100)"
                max={VISA_A_MAX}
                ticks={[0, 25, 50, 75, 100]}
                points={series.outcomes.visaA}
                band={series.outcomes.visaABand}
                change={series.outcomes.changes.find((c) => c.measure === 'visaA') ?? null}
                empty=""
                dateFormat={settings.dateFormat}
              />
            ) : null}
            {series.outcomes.psfs.length > 0 ? (
              <OutcomeChart
                title="PSFS (patient-specific function, average)"
                unit="PSFS average (0–10)"
                max={PSFS_MAX}
                ticks={[0, 2, 4, 6, 8, 10]}
                points={series.outcomes.psfs}
                band={series.outcomes.psfsBand}
                change={series.outcomes.changes.find((c) => c.measure === 'psfs') ?? null}
                empty=""
                dateFormat={settings.dateFormat}
              />
            ) : null}
          </div>
          <TimelineList
            events={timeline.events}
            patientId={timeline.patientId}
            episodeId={timeline.episodeId}
            dateFormat={settings.dateFormat}
          />
        </>
      ) : null}
    </section>
  );
}
