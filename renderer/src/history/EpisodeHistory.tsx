/**
 * The episode page's history: charts a clinician reads at a glance (pain and soreness, running
 * level, outcome measures) above the timeline of everything recorded, from `episodes.timeline`.
 */
import { useEffect, useRef } from 'react';
import { LEFS_MAX } from '../../../shared/clinical/intake/measures/lefs';
import { PSFS_MAX } from '../../../shared/clinical/intake/measures/psfs';
import { VISA_A_MAX } from '../../../shared/clinical/intake/measures/visa-a';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import { addDays } from '../../../shared/time/dates';
import { useApp } from '../app/context';
import { useRoute } from '../app/router';
import { Loaded, records, useRead } from '../data';
import { dateDomain } from './chart-scale';
import { LevelChart } from './LevelChart';
import { OutcomeChart } from './OutcomeChart';
import { PainChart } from './PainChart';
import { TimelineList } from './TimelineList';

export function EpisodeHistory({ episode }: { episode: EpisodeSummary }) {
  const { settings } = useApp();
  // A change to the episode anywhere (a check-in saved, a note signed) loads the history again.
  const query = useRead(records.episode(episode.id), 'episodes.timeline', { episodeId: episode.id });
  const route = useRoute();
  const askedForHistory = route.name === 'episode' && route.history === true;
  const titleRef = useRef<HTMLHeadingElement>(null);

  const timeline = query.data;
  const loaded = timeline !== undefined;
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
    <section className="panel history" aria-labelledby="history-title" aria-busy={query.isFetching}>
      <div className="panel__header">
        <h2 id="history-title" className="panel__title" ref={titleRef} tabIndex={-1}>
          History: charts and timeline
        </h2>
      </div>
      <Loaded query={query} loading="Loading the history…" />
      {timeline && series && !query.error ? (
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
