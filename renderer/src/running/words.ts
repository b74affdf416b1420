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

/** A pain answer in the history: "pain 2/10 during", or nothing when it says nothing. */
function painWords(answer: SorenessReport['painDuring'], when: 'during' | 'after'): string | null {
  if (answer === 'not_run') return 'did not run (stopped in the warm-up)';
  return typeof answer === 'number' ? `pain ${answer}/10 ${when}` : null;
}

/**
 * What the patient said, in one line for the history, in the order the form asks: what was felt,
 * then what is not known (never left out, so "not asked" cannot read as "no"). A plain "no" to
 * swelling, a limp or new pain, and a session completed as written, go without saying.
 */
export function answersText(report: SorenessReport): string {
  const parts: string[] = [];
  const notKnown: string[] = [];
  if (report.warmUp === 'none') parts.push('No soreness in the warm-up');
  else if (report.warmUp === 'continued') parts.push('Sore in the warm-up and it did not go away');
  else if (report.warmUp === 'unknown') parts.push('Warm-up not known');
  else if (report.cameBackDuringRun === true) parts.push('Sore in the warm-up, went away, came back during the run');
  else if (report.cameBackDuringRun === false) parts.push('Sore in the warm-up, went away and stayed away');
  else {
    parts.push('Sore in the warm-up, went away');
    notKnown.push('whether it came back');
  }
  if (report.painStartedInRun === true) parts.push('pain started during the run');
  else if (report.painStartedInRun === 'unknown') notKnown.push('new pain in the run');
  for (const [answer, when] of [
    [report.painDuring, 'during'],
    [report.painAfter, 'after'],
  ] as const) {
    const words = painWords(answer, when);
    if (words) parts.push(words);
    else if (answer === 'unknown') notKnown.push(`pain ${when}`);
  }
  if (report.nextDay === 'none') parts.push('nothing the day after');
  else if (report.nextDay === 'muscular') parts.push('general muscle soreness the day after');
  else if (report.nextDay === 'injury_site') parts.push('sore at the injury site the day after');
  else if (report.nextDay === 'not_muscular') parts.push('sore the day after, not in the muscle');
  else notKnown.push('the day after');
  if (report.swelling === true) parts.push('swelling');
  else if (report.swelling === 'unknown') notKnown.push('swelling');
  if (report.limp === true) parts.push('limp or changed stride');
  else if (report.limp === 'unknown') notKnown.push('limp');
  if (report.completed === 'stopped_early') parts.push('stopped early');
  else if (report.completed === 'unknown') notKnown.push('whether completed');
  if (notKnown.length > 0) parts.push(`not known: ${notKnown.join(', ')}`);
  return parts.join(' · ');
}
