/** Where a long operation stands: its step in words, and a bar when the step can measure itself. */
import type { Progress } from '../../../shared/domain/records';

export function ProgressView({ progress, starting }: { progress: Progress | null; starting: string }) {
  const label = progress?.label ?? starting;
  const percent = progress?.percent ?? null;
  return (
    <div className="progress-view" role="status" aria-live="polite">
      <p className="progress-view__label">
        {label}
        {progress && progress.steps > 1 ? (
          <span className="progress-view__step">
            {' '}
            (step {progress.step} of {progress.steps})
          </span>
        ) : null}
        {percent !== null ? <span className="progress-view__percent"> {Math.floor(percent)}%</span> : null}
      </p>
      {/* Without a value, <progress> shows that work is going on without claiming how much is done. */}
      {percent === null ? (
        <progress className="progress-view__bar" aria-label={label} />
      ) : (
        <progress className="progress-view__bar" aria-label={label} max={100} value={percent} />
      )}
    </div>
  );
}
