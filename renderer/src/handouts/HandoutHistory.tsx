/** The handouts given for an episode: when, at which level, which exercises, by whom; each can be reprinted. */
import type { HandoutRecord } from '../../../shared/domain/handout';
import { formatDate } from '../../../shared/time/dates';
import { useApp } from '../app/context';

export function HandoutHistory({
  handouts,
  busyId,
  onReprint,
}: {
  handouts: HandoutRecord[];
  busyId: number | null;
  onReprint(h: HandoutRecord): void;
}) {
  const { settings } = useApp();
  if (handouts.length === 0) return <p className="muted">No handouts given for this episode yet.</p>;
  return (
    <table className="table handout-history" aria-label="Handouts given">
      <thead>
        <tr>
          <th scope="col">Given</th>
          <th scope="col">Running level</th>
          <th scope="col">Exercises</th>
          <th scope="col">By</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {handouts.map((h) => (
          <tr key={h.id}>
            <td>
              {formatDate(h.issuedOn, settings.dateFormat)}
              <div className="muted handout-history__pages">
                {h.pageCount} {h.pageCount === 1 ? 'page' : 'pages'}
              </div>
            </td>
            <td>{h.levelSummary === '' ? <span className="muted">No running plan</span> : h.levelSummary}</td>
            <td>
              {h.exerciseNames.length === 0 ? (
                <span className="muted">None</span>
              ) : (
                <ul className="handout-history__exercises">
                  {h.exerciseNames.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              )}
            </td>
            <td>{h.clinicianName}</td>
            <td className="handout-history__action">
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onReprint(h)}
                disabled={busyId !== null}
                aria-label={`Reprint the handout of ${formatDate(h.issuedOn, settings.dateFormat)}`}
              >
                {busyId === h.id ? 'Preparing…' : 'Reprint'}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
