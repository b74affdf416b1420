/**
 * The episode's events as a list, newest first by default (what happened last matters most at the
 * next visit), each with its day and time, who did it, badges in words, the detail, and a link to
 * where the whole record is read.
 */
import { useState } from 'react';
import type { TimelineEvent, TimelineKind, TimelineLink } from '../../../shared/domain/timeline';
import type { DateFormat } from '../../../shared/time/dates';
import { formatDate } from '../../../shared/time/dates';
import { hrefOf } from '../app/router';

const FIRST_SHOWN = 12;

/** The heading ids of the episode page's sections a link can bring into view. */
const SECTION_HEADINGS: Record<Extract<TimelineLink, { to: 'section' }>['section'], string> = {
  running: 'running-title',
  notes: 'notes-panel-title',
  exercises: 'home-exercises-title',
  handouts: 'handouts-title',
};

const SECTION_WORDS: Record<Extract<TimelineLink, { to: 'section' }>['section'], string> = {
  running: 'Show the check-in history',
  notes: 'Show the notes',
  exercises: 'Show the home exercises',
  handouts: 'Show the handouts given',
};

const KIND_GROUP: Record<TimelineKind, string> = {
  episode_opened: 'episode',
  episode_discharged: 'episode',
  episode_reopened: 'episode',
  intake_started: 'note',
  intake_signed: 'note',
  note: 'note',
  addendum: 'note',
  programme_assigned: 'running',
  check_in: 'running',
  programme_complete: 'running',
  prescription: 'exercises',
  handout: 'handout',
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The clock time the entry was made, only when that was on the event's day: a visit note typed
 * in for an earlier visit shows the visit's day, and a time from another day would mislead.
 */
function timeOf(at: string | null, date: string): string {
  if (!at) return '';
  const d = new Date(at);
  if (`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` !== date) return '';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function EventLink({ link, patientId, episodeId }: { link: TimelineLink; patientId: number; episodeId: number }) {
  switch (link.to) {
    case 'note':
      return <a href={hrefOf({ name: 'note', patientId, episodeId, noteId: link.noteId })}>Open the note</a>;
    case 'intake':
      return <a href={hrefOf({ name: 'intake', patientId, episodeId })}>Open the intake</a>;
    case 'section':
      return (
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            const heading = document.getElementById(SECTION_HEADINGS[link.section]);
            heading?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}
        >
          {SECTION_WORDS[link.section]}
        </button>
      );
  }
}

export function TimelineList({
  events,
  patientId,
  episodeId,
  dateFormat,
}: {
  events: readonly TimelineEvent[];
  patientId: number;
  episodeId: number;
  dateFormat: DateFormat;
}) {
  const [oldestFirst, setOldestFirst] = useState(false);
  const [all, setAll] = useState(false);
  const ordered = oldestFirst ? [...events].reverse() : events;
  const shown = all ? ordered : ordered.slice(0, FIRST_SHOWN);
  return (
    <div className="timeline">
      <div className="timeline__toolbar">
        <h3 className="timeline__title" id="timeline-title">
          Timeline <span className="muted">({events.length} events)</span>
        </h3>
        <label className="timeline__order">
          Order{' '}
          <select
            value={oldestFirst ? 'oldest' : 'newest'}
            onChange={(e) => setOldestFirst(e.target.value === 'oldest')}
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
      </div>
      <ol className="timeline__list" aria-labelledby="timeline-title">
        {shown.map((e) => (
          <li key={e.key} className={`timeline__event timeline__event--${KIND_GROUP[e.kind]}`}>
            <div className="timeline__when">
              <span className="timeline__date">{formatDate(e.date, dateFormat)}</span>
              <span className="timeline__time">{timeOf(e.at, e.date)}</span>
            </div>
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__body">
              <p className="timeline__headline">
                <strong className="timeline__event-title">{e.title}</strong>
                {e.badges.map((b) => (
                  <span key={b.label} className={`badge timeline-badge timeline-badge--${b.tone}`}>
                    {b.label}
                  </span>
                ))}
              </p>
              {e.by ? <p className="timeline__by">by {e.by}</p> : null}
              {e.details.map((d, i) => (
                <p key={i} className="timeline__detail">
                  {d}
                </p>
              ))}
              {e.link ? (
                <p className="timeline__link">
                  <EventLink link={e.link} patientId={patientId} episodeId={episodeId} />
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {!all && ordered.length > FIRST_SHOWN ? (
        <button type="button" className="button button--secondary" onClick={() => setAll(true)}>
          Show all {ordered.length} events
        </button>
      ) : null}
    </div>
  );
}
