/** One section of the intake page: a numbered heading in the order of the conversation. */
import type { ReactNode } from 'react';

export const SECTION_IDS = {
  episode: 'intake-episode',
  history: 'intake-history',
  symptoms: 'intake-symptoms',
  lefs: 'intake-lefs',
  psfs: 'intake-psfs',
  visaA: 'intake-visa-a',
  tests: 'intake-tests',
  checks: 'intake-checks',
  readiness: 'intake-readiness',
  note: 'intake-note',
  sign: 'intake-sign',
} as const;

export function IntakeSection({
  id,
  title,
  intro,
  children,
  aside,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  /** Shown at the right of the heading: a live total, say. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="panel intake-section" id={id} aria-labelledby={`${id}-title`}>
      <div className="intake-section__header">
        <h2 id={`${id}-title`} className="panel__title">
          {title}
        </h2>
        {aside ? <div className="intake-section__aside">{aside}</div> : null}
      </div>
      {intro ? <div className="intake-section__intro">{intro}</div> : null}
      {children}
    </section>
  );
}
