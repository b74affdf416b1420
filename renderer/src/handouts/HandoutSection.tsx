/**
 * The episode page's handout section: "Print handout" makes the take-home handout from the
 * records (and records it as given), shows it in a preview with print, save, open or download,
 * and lists the handouts given so far, each of which can be reprinted exactly.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EpisodeSummary } from '../../../shared/domain/episode';
import type { HandoutPdf, HandoutRecord } from '../../../shared/domain/handout';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { call } from '../api/client';
import { ErrorNotice, Loading } from '../ui/feedback';
import { HandoutHistory } from './HandoutHistory';
import { HandoutPreview } from './HandoutPreview';
import { usePlatformKind } from './usePlatformKind';

export function HandoutSection({ episode }: { episode: EpisodeSummary }) {
  const platform = usePlatformKind();
  const [handouts, setHandouts] = useState<HandoutRecord[] | null>(null);
  const [preview, setPreview] = useState<{ pdf: HandoutPdf; reprint: boolean } | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [reprinting, setReprinting] = useState<number | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const r = await call('handouts.listForEpisode', { episodeId: episode.id });
    if (r.ok) setHandouts(r.value);
    else setError(r.error);
  }, [episode.id]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    // Bring the new preview into view and to the keyboard: its actions come next.
    if (preview) previewRef.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [preview]);

  async function issue() {
    setPreparing(true);
    setError(null);
    setPreview(null);
    const r = await call('handouts.issue', { episodeId: episode.id });
    setPreparing(false);
    if (!r.ok) return setError(r.error);
    setPreview({ pdf: r.value, reprint: false });
    await load();
  }

  async function reprint(h: HandoutRecord) {
    setReprinting(h.id);
    setError(null);
    const r = await call('handouts.reprint', { id: h.id });
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
      {handouts === null && !error ? <Loading label="Loading the handouts given…" /> : null}
      {handouts ? <HandoutHistory handouts={handouts} busyId={reprinting} onReprint={(h) => void reprint(h)} /> : null}
    </section>
  );
}
