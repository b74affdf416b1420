/** The only source of "now" in the backend, so tests and benchmarks can fix the date. */
import type { IsoDate } from '../../shared/time/dates';

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date on the clinic's computer (local time zone), as YYYY-MM-DD. */
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => localIsoDate(new Date()),
};

export function localIsoDate(d: Date): IsoDate {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** A clock stopped at one instant; `advance` moves it. For tests and the benchmark. */
export function fixedClock(start: string | Date): Clock & { advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    today: () => new Date(t).toISOString().slice(0, 10),
    advance(ms: number) {
      t += ms;
    },
  };
}
