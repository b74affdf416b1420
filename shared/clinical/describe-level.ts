/**
 * Running levels in words, in the clinic's unit: one line for lists and decisions
 * ("Level 4: 3 x (1 min walk, 7 min run), easy pace, treadmill") and a breakdown the handout
 * prints as a table.
 */
import type { Activity, Amount, EffortCue, LevelKind, Measure, RunLevel } from './programme';
import { levelKind, levelTotal, SURFACE_LABELS } from './programme';
import { formatDistance, formatMinutes, formatSpeed, inTenths, type DistanceUnit } from './units';

export interface LevelBreakdown {
  number: number;
  title: string;
  kind: LevelKind;
  /** One round, in order, with amounts in the clinic's unit: { activity: 'walk', amount: '1 min' }. */
  bouts: { activity: Activity; amount: string }[];
  /** Times through the round, or null when the round repeats until the total is reached. */
  repetitions: number | null;
  /** "3 times", "once" or "until 2 mi in all". */
  repeat: string;
  /** The whole session: "24 min", "2 mi", "3.22 km". */
  total: string;
  effort: string;
  surface: string;
  sessionsPerWeek: number;
  /** "at least 1 rest day between sessions", or "no rest day needed". */
  rest: string;
  cleanSessionsToAdvance: number;
  entryCheck: string;
  notes: string;
}

/** An amount of a level's measure in the clinic's unit: "4 min", "0.1 mi". */
export function formatAmount(measure: Measure, amount: number, units: DistanceUnit): string {
  return measure === 'time' ? formatMinutes(amount) : formatDistance(amount, units);
}

function formatTotal(total: Amount, units: DistanceUnit): string {
  return formatAmount(total.measure, total.amount, units);
}

/** The effort cue in words: "easy pace", "effort 3/10 (easy)", "run at 6 mph, walk at 3.5 mph". */
export function describeEffort(effort: EffortCue, units: DistanceUnit): string {
  switch (effort.kind) {
    case 'words':
      return effort.text;
    case 'rpe':
      return effort.words === '' ? `effort ${effort.rpe}/10` : `effort ${effort.rpe}/10 (${effort.words})`;
    case 'speed': {
      const run = `run at ${formatSpeed(effort.runKmh, units)}`;
      return effort.walkKmh === null ? run : `${run}, walk at ${formatSpeed(effort.walkKmh, units)}`;
    }
    case 'top_speed':
      return `${effort.percent}% of top speed`;
  }
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/**
 * The unit a level's distances are printed in: the clinic's, unless the level's own table was in
 * the other unit (its every distance a whole number of tenths there, and not in the clinic's), so
 * a miles table reads "walk 0.1 mi, jog 0.1 mi, 2 mi in all" and never "0.16 km ... 3.22 km".
 */
export function levelUnits(level: RunLevel, units: DistanceUnit): DistanceUnit {
  const amounts = [
    ...(level.measure === 'distance' ? level.bouts.map((b) => b.amount) : []),
    ...(level.untilTotal?.measure === 'distance' ? [level.untilTotal.amount] : []),
    ...(level.measure === 'distance' ? [levelTotal(level).amount] : []),
  ];
  if (amounts.length === 0) return units;
  const other: DistanceUnit = units === 'km' ? 'mi' : 'km';
  return amounts.every((m) => inTenths(m, units)) || !amounts.every((m) => inTenths(m, other)) ? units : other;
}

export function levelBreakdown(level: RunLevel, clinicUnits: DistanceUnit): LevelBreakdown {
  const units = levelUnits(level, clinicUnits);
  return {
    number: level.number,
    title: level.title,
    kind: levelKind(level),
    bouts: level.bouts.map((b) => ({ activity: b.activity, amount: formatAmount(level.measure, b.amount, units) })),
    repetitions: level.repetitions,
    repeat:
      level.untilTotal !== null
        ? `until ${formatTotal(level.untilTotal, units)} in all`
        : times(level.repetitions ?? 1),
    total: formatTotal(levelTotal(level), units),
    effort: describeEffort(level.effort, units),
    surface: SURFACE_LABELS[level.surface],
    sessionsPerWeek: level.sessionsPerWeek,
    rest:
      level.minRestDays === 0
        ? 'no rest day needed'
        : `at least ${level.minRestDays} rest day${level.minRestDays === 1 ? '' : 's'} between sessions`,
    cleanSessionsToAdvance: level.cleanSessionsToAdvance,
    entryCheck: level.entryCheck,
    notes: level.notes,
  };
}

/** One line: "Level 4: 3 x (1 min walk, 7 min run), easy pace, treadmill". */
export function describeLevel(level: RunLevel, units: DistanceUnit): string {
  const b = levelBreakdown(level, units);
  const round = b.bouts.map((bout) => `${bout.amount} ${bout.activity}`).join(', ');
  const pattern =
    level.untilTotal !== null
      ? `${round}, repeated to ${b.total} in all`
      : b.repetitions !== null && b.repetitions > 1
        ? `${b.repetitions} x (${round})`
        : round;
  return `Level ${b.number}: ${pattern}, ${b.effort}, ${b.surface}`;
}
