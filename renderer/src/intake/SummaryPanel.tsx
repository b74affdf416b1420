/**
 * The live summary beside the intake: save state, red flags, scores, LSIs, readiness and the
 * starting point, recomputed as the clinician types; and links to jump to each section.
 */
import { memo } from 'react';
import { formatOneDecimal } from '../../../shared/clinical/intake/format';
import { LEFS_ITEM_COUNT, LEFS_MAX } from '../../../shared/clinical/intake/measures/lefs';
import { PSFS_MAX } from '../../../shared/clinical/intake/measures/psfs';
import { VISA_A_MAX } from '../../../shared/clinical/intake/measures/visa-a';
import type { ReadinessResult, ReadinessThresholds } from '../../../shared/clinical/intake/readiness';
import type { IntakeSummary } from '../../../shared/clinical/intake/summary';
import { describeStartingPoint } from '../../../shared/clinical/intake/starting-point';
import type { StartingDecision } from '../../../shared/domain/intake';
import { lsiText } from './PhysicalTestsSection';
import { StatusWord } from './readiness-view';
import { SECTION_IDS } from './Section';
import type { SaveState } from './useAutosave';

export function saveStateText(state: SaveState, signed: boolean): string {
  if (signed) return 'Signed: read-only';
  switch (state.kind) {
    case 'saved':
      return state.at
        ? `Draft saved ${String(state.at.getHours()).padStart(2, '0')}:${String(state.at.getMinutes()).padStart(2, '0')}`
        : 'Draft saved';
    case 'pending':
      return 'Changes not saved yet…';
    case 'saving':
      return 'Saving…';
    case 'invalid':
      return `Not saved: ${state.count} ${state.count === 1 ? 'entry needs' : 'entries need'} fixing`;
    case 'failed':
      return 'Not saved';
  }
}

const JUMPS = [
  ['episode', 'Episode'],
  ['history', 'Running history'],
  ['symptoms', 'Symptoms and red flags'],
  ['lefs', 'LEFS'],
  ['psfs', 'PSFS'],
  ['visaA', 'VISA-A'],
  ['tests', 'Physical tests'],
  ['readiness', 'Readiness'],
  ['note', 'Note'],
  ['sign', 'Sign'],
] as const;

export const SummaryPanel = memo(function SummaryPanel({
  summary,
  readiness,
  thresholds,
  redFlags,
  decision,
  showVisaA,
  saveText,
}: {
  saveText: string;
  summary: IntakeSummary;
  readiness: ReadinessResult;
  thresholds: ReadinessThresholds;
  redFlags: readonly string[];
  decision: StartingDecision | null;
  showVisaA: boolean;
}) {
  const { lefs, psfs, visaA, lsi } = summary;
  const met = readiness.criteria.filter((c) => c.status === 'met').length;
  const counted = readiness.criteria.filter((c) => c.status !== 'not_applicable').length;
  return (
    <aside className="intake-summary" aria-label="Intake summary">
      <h2 className="intake-summary__title">Summary</h2>
      <p className="intake-summary__save">{saveText}</p>
      {redFlags.length > 0 ? (
        <p className="intake-summary__flags">
          <strong>Red flag{redFlags.length === 1 ? '' : 's'}:</strong> {redFlags.join('; ')}
        </p>
      ) : null}
      <dl className="intake-summary__scores">
        <div>
          <dt>LEFS</dt>
          <dd>
            {lefs?.computable
              ? `${lefs.total}/${LEFS_MAX}`
              : lefs?.started
                ? `${lefs.answered} of ${LEFS_ITEM_COUNT} items`
                : 'Not recorded'}
          </dd>
        </div>
        <div>
          <dt>PSFS</dt>
          <dd>{psfs?.computable ? `${formatOneDecimal(psfs.average)}/${PSFS_MAX}` : 'Not recorded'}</dd>
        </div>
        {showVisaA ? (
          <div>
            <dt>VISA-A</dt>
            <dd>{visaA?.computable ? `${visaA.total}/${VISA_A_MAX}` : 'Not recorded'}</dd>
          </div>
        ) : null}
        <div>
          <dt>Heel-raise LSI</dt>
          <dd>{lsiText(lsi.heelRaises, thresholds.heelRaiseLsiAtLeast).text}</dd>
        </div>
        <div>
          <dt>Single-hop LSI</dt>
          <dd>{lsiText(lsi.singleHop, thresholds.hopLsiAtLeast).text}</dd>
        </div>
        <div>
          <dt>Triple-hop LSI</dt>
          <dd>{lsiText(lsi.tripleHop, thresholds.hopLsiAtLeast).text}</dd>
        </div>
      </dl>
      <h3 className="intake-summary__subtitle">Readiness</h3>
      <p className="intake-summary__headline" aria-live="polite">
        {readiness.headline}
      </p>
      <p className="muted">
        {met} of {counted} criteria met
      </p>
      <ul className="intake-summary__criteria">
        {readiness.criteria.map((c) => (
          <li key={c.id}>
            <StatusWord status={c.status} /> <span>{c.label}</span>
          </li>
        ))}
      </ul>
      <p className="intake-summary__start">
        Starting point:{' '}
        {decision ? (
          <strong>{describeStartingPoint(decision.choice)}</strong>
        ) : (
          <span className="muted">not recorded</span>
        )}
      </p>
      <nav aria-label="Intake sections" className="intake-summary__nav">
        {JUMPS.filter(([key]) => key !== 'visaA' || showVisaA).map(([key, label]) => (
          <button
            key={key}
            type="button"
            className="button--link"
            onClick={() => {
              const section = document.getElementById(SECTION_IDS[key]);
              section?.scrollIntoView({ block: 'start' });
              section?.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
            }}
          >
            {label}
          </button>
        ))}
      </nav>
    </aside>
  );
});
