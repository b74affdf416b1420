/** An open episode's current home exercises in one compact line, for the patient page. */
import type { EpisodeProgramme } from '../../../shared/domain/prescription';
import { useApp } from '../app/context';
import { formatTimestampDate } from '../ui/format';

export function ProgrammeLine({ programme }: { programme: EpisodeProgramme | null }) {
  const { settings } = useApp();
  if (!programme) return <p className="programme-line programme-line--none">No home exercises prescribed yet.</p>;
  if (programme.items.length === 0) {
    return <p className="programme-line programme-line--none">Home exercises stopped.</p>;
  }
  return (
    <div className="programme-line">
      <span className="programme-line__label">
        Home exercises ({programme.items.length}), saved {formatTimestampDate(programme.savedAt, settings.dateFormat)}:
      </span>{' '}
      <ul className="programme-line__items" aria-label="Current home exercises">
        {programme.items.map((i) => (
          <li key={i.exerciseId}>{i.name}</li>
        ))}
      </ul>
    </div>
  );
}
