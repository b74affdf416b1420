/**
 * How running decisions read on screen: "2 days off", "Down to level 3: 3 x (4 min walk, 1 min
 * run), easy pace, level ground", "Next run: Thursday 3 December". Pure, so tests can read them.
 */
import { describeLevel } from '../../../shared/clinical/describe-level';
import type { Programme, RunLevel } from '../../../shared/clinical/programme';
import { levelKind } from '../../../shared/clinical/programme';
import type { SorenessReport } from '../../../shared/clinical/soreness-report';
import { longDate } from '../../../shared/clinical/wording';
import type { DistanceUnit } from '../../../shared/domain/settings';
import type { IsoDate } from '../../../shared/time/dates';

export function daysOffText(days: number): string {
  if (days === 0) return 'No days off';
  return days === 1 ? '1 day off' : `${days} days off`;
}

/** The level's pattern without its "Level 4: " prefix. */
export function levelPattern(level: RunLevel, units: DistanceUnit): string {
  return describeLevel(level, units).replace(/^Level \d+: /, '');
}

/** "Level 4: 3 x (1 min walk, 7 min run), easy pace, treadmill (Week 2)". */
export function levelLine(level: RunLevel, units: DistanceUnit): string {
  const title = level.title.trim() === '' ? '' : ` (${level.title.trim()})`;
  return `${describeLevel(level, units)}${title}`;
}

/** A short name for a pick list: "Level 9 (Week 3), planned". */
export function levelName(level: RunLevel, marked: number, mark = 'planned'): string {
  const title = level.title.trim() === '' ? '' : ` (${level.title.trim()})`;
  return `Level ${level.number}${title}${level.number === marked ? `, ${mark}` : ''}`;
}

/** "Down to level 3: ...", "Up to level 5: ...", "Stay at level 4: ...". */
export function levelChangeText(before: number, after: number, programme: Programme, units: DistanceUnit): string {
  const verb = after < before ? 'Down to' : after > before ? 'Up to' : 'Stay at';
  const level = programme.levels[after - 1];
  return level ? `${verb} level ${after}: ${levelPattern(level, units)}` : `${verb} level ${after}`;
}

/** "down to level 3", for sentences in the history. */
export function levelChangeShort(before: number, after: number): string {
  if (after < before) return `down to level ${after}`;
  if (after > before) return `up to level ${after}`;
  return `stay at level ${after}`;
}

/** "Next run: Thursday 3 December" (or "Next walk" at a walking level). */
export function nextRunText(date: IsoDate, level: RunLevel | undefined): string {
  const activity = level && levelKind(level) === 'walk' ? 'walk' : 'run';
  return `Next ${activity}: ${longDate(date)}`;
}

/** "Thursday 26 November 2026": the long date with its year, for run dates in the past. */
export function longDateWithYear(date: IsoDate): string {
  return `${longDate(date)} ${date.slice(0, 4)}`;
}

/** What the patient said, in one line for the history. */
export function answersText(report: SorenessReport): string {
  const parts: string[] = [];
  if (report.warmUp === 'none') parts.push('No soreness in the warm-up');
  else if (report.warmUp === 'continued') parts.push('Sore in the warm-up and it did not go away');
  else if (report.cameBackDuringRun) parts.push('Sore in the warm-up, went away, came back during the run');
  else parts.push('Sore in the warm-up, went away and stayed away');
  if (report.nextDay === 'none') parts.push('nothing the day after');
  else if (report.nextDay === 'muscular') parts.push('sore muscles only the day after');
  else parts.push('sore the day after, not in the muscle');
  if (report.swelling === true) parts.push('swelling');
  if (report.painDuring !== undefined) parts.push(`pain ${report.painDuring}/10 during`);
  if (report.painAfter !== undefined) parts.push(`pain ${report.painAfter}/10 after`);
  return parts.join(' · ');
}
