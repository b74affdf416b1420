/** Display helpers that follow the clinic's settings. */
import type { DateFormat } from '../../../shared/time/dates';
import { ageOn, formatDate } from '../../../shared/time/dates';

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function dateWithAge(dateOfBirth: string, format: DateFormat): string {
  return `${formatDate(dateOfBirth, format)} (${ageOn(dateOfBirth, todayIso())} y)`;
}

export function formatTimestamp(iso: string, format: DateFormat): string {
  const d = new Date(iso);
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${formatDate(local, format)} ${time}`;
}

/** The local date of an instant, without the time ("27/11/2026"). */
export function formatTimestampDate(iso: string, format: DateFormat): string {
  const d = new Date(iso);
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return formatDate(local, format);
}
