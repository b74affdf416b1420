/** The readiness checklist as a clinician reads it: each criterion met, not met, not tested or n/a, in words. */
import type { CriterionStatus, ReadinessResult } from '../../../shared/clinical/intake/readiness';

export const STATUS_TEXT: Readonly<Record<CriterionStatus, { icon: string; word: string }>> = {
  met: { icon: '✓', word: 'Met' },
  not_met: { icon: '✗', word: 'Not met' },
  not_tested: { icon: '?', word: 'Not tested' },
  not_applicable: { icon: '–', word: 'Not applicable' },
};

export function StatusWord({ status }: { status: CriterionStatus }) {
  const s = STATUS_TEXT[status];
  return (
    <span className={`status status--${status.replace('_', '-')}`}>
      <span className="status__icon" aria-hidden="true">
        {s.icon}
      </span>
      {s.word}
    </span>
  );
}

export function ReadinessChecklist({
  readiness,
  compact,
}: {
  readiness: Pick<ReadinessResult, 'criteria'>;
  compact?: boolean;
}) {
  return (
    <table className={`checklist${compact ? ' checklist--compact' : ''}`}>
      <thead className={compact ? 'visually-hidden' : undefined}>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Status</th>
          {compact ? null : <th scope="col">From the data</th>}
        </tr>
      </thead>
      <tbody>
        {readiness.criteria.map((c) => (
          <tr key={c.id} className={`checklist__row checklist__row--${c.status.replace('_', '-')}`}>
            <th scope="row">{c.label}</th>
            <td>
              <StatusWord status={c.status} />
            </td>
            {compact ? null : <td className="checklist__reason">{c.reason}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
