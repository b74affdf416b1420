/**
 * The episode page's handout section: "Print handout" makes the take-home handout from the
 * records (and records it as given), shows it in a preview with print, save, open or download,
 * and lists the handouts given so far, each of which can be reprinted exactly.
 */
import { useEffect, useRef, useState } from 'react';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import type { HandoutPdf, HandoutRecord } from '../../../shared/domain/handout';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { Loaded, records, useAction, useRead, useWrite } from '../data';
import { ErrorNotice, Loading } from '../ui/feedback';
import { HandoutHistory } from './HandoutHistory';
import { HandoutPreview } from './HandoutPreview';
import { usePlatformKind } from './usePlatformKind';

export function HandoutSection({ episode }: { episode: EpisodeSummary }) {
  const platform = usePlatformKind();
  const query = useRead(records.episode(episode.id), 'handouts.listForEpisode', { episodeId: episode.id });
  const handouts = query.data ?? null;
  const issueHandout = useWrite('handouts.issue', (r) => records.ofEpisode(r.episodeId));
  const reprintHandout = useAction('handouts.reprint');
  const [preview, setPreview] = useState<{ pdf: HandoutPdf; reprint: boolean } | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [reprinting, setReprinting] = useState<number | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Bring the new preview into view and to the keyboard: its actions come next.
    if (preview) previewRef.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [preview]);

  async function issue() {
    setPreparing(true);
    setError(null);
    setPreview(null);
    const r = await issueHandout({ episodeId: episode.id });
    setPreparing(false);
    if (!r.ok) return setError(r.error);
    setPreview({ pdf: r.value, reprint: false });
  }

  async function reprint(h: HandoutRecord) {
    setReprinting(h.id);
    setError(null);
    const r = await reprintHandout({ id: h.id });
    setReprinting(null);
    if (!r.ok) return setError(r.error);
    setPreview({ pdf: r.value, reprint: true });
  }

  return (
    <section className="panel handout-section" aria-labelledby="handouts-title" aria-busy={preparing}>
      <div className="panel__header">
        <h2 id="handouts-title" className="panel__title">
          Take-home handout
        </h2>
        <button type="button" className="button button--primary" onClick={() => void issue()} disabled={preparing}>
          Print handout
        </button>
      </div>
      <p className="muted handout-section__intro">
        For the patient to take home: the plan at a glance, the running level and calendar, the soreness self-check, the
        exercises, a log to fill in, and when to call. Each handout given is kept below and can be reprinted exactly.
      </p>
      {preparing ? <Loading label="Preparing the handout…" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {preview ? (
        <div ref={previewRef}>
          <HandoutPreview
            key={`${preview.pdf.handout.id}-${preview.reprint ? 'r' : 'i'}`}
            pdf={preview.pdf}
            platform={platform}
            reprint={preview.reprint}
            onClose={() => setPreview(null)}
          />
        </div>
      ) : null}
      <h3 className="handout-section__subtitle">Handouts given</h3>
      <Loaded query={query} loading="Loading the handouts given…" />
      {handouts ? <HandoutHistory handouts={handouts} busyId={reprinting} onReprint={(h) => void reprint(h)} /> : null}
    </section>
  );
}
