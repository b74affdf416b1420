/**
 * The chart series of an episode, oldest first: level and pain over the runs, rest spans and
 * step-backs, and the outcome scores with their meaningful-change bands.
 */
import { LEFS_MAX } from '../clinical/intake/measures/lefs';
import { PSFS_MAX } from '../clinical/intake/measures/psfs';
import { VISA_A_MAX } from '../clinical/intake/measures/visa-a';
import { changeWords, MINIMAL_IMPORTANT_CHANGE, outcomeChange, type OutcomeMeasure } from '../clinical/outcome-change';
import type {
  LevelPoint,
  MeaningfulChangeBand,
  OutcomeChangeLine,
  OutcomePoint,
  PainPoint,
  RestSpan,
  StepBack,
  TimelineSeries,
} from '../domain/timeline';
import type { IsoDate } from '../time/dates';
import { addDays } from '../time/dates';
import type { CheckInFact, MeasureFact, TimelineFacts } from './timeline-facts';
import { standing } from './timeline-facts';

function levelSeries(facts: TimelineFacts, runs: readonly CheckInFact[]): TimelineSeries['level'] {
  const points: LevelPoint[] = [];
  const rests: RestSpan[] = [];
  const stepBacks: StepBack[] = [];
  // Sorted by day, then programme (the one given earlier first, so on a day a new programme is
  // given after a run of the old one the line ends on the new one), then start before runs.
  type Step = { date: IsoDate; programme: number; order: number; point: LevelPoint };
  const programmeOf = new Map(facts.assignments.map((a, i) => [a.id, i]));
  // A programme starts on the day it was given, or on its first run if that was recorded as
  // earlier (runs typed in after the fact), so the line never starts after its own runs.
  const steps: Step[] = facts.assignments.map((a) => {
    const first = runs.find((c) => c.assignmentId === a.id)?.runDate;
    const date = first !== undefined && first < a.assignedOn ? first : a.assignedOn;
    return {
      date,
      programme: programmeOf.get(a.id) ?? 0,
      order: 0,
      point: { date, level: a.startLevel, change: 'start', override: false, checkInId: null },
    };
  });
  for (const c of runs) {
    const change = c.levelAfter > c.levelBefore ? 'up' : c.levelAfter < c.levelBefore ? 'down' : 'same';
    steps.push({
      date: c.runDate,
      programme: programmeOf.get(c.assignmentId) ?? 0,
      order: 1,
      point: { date: c.runDate, level: c.levelAfter, change, override: c.override !== null, checkInId: c.id },
    });
    if (c.levelAfter < c.levelBefore) {
      stepBacks.push({ checkInId: c.id, date: c.runDate, from: c.levelBefore, to: c.levelAfter });
    }
    if (c.daysOff > 0) {
      rests.push({ checkInId: c.id, from: addDays(c.runDate, 1), to: addDays(c.runDate, c.daysOff), days: c.daysOff });
    }
  }
  steps.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.programme - b.programme || a.order - b.order,
  );
  for (const s of steps) points.push(s.point);
  const counts = facts.assignments.map((a) => a.levelCount);
  return { levelCount: counts.length > 0 ? Math.max(...counts) : null, points, rests, stepBacks };
}

function outcomePoints(
  measures: readonly MeasureFact[],
  episodeId: number,
  pick: (m: MeasureFact) => number | null,
): OutcomePoint[] {
  const points: OutcomePoint[] = [];
  for (const m of measures) {
    const value = pick(m);
    if (value === null) continue;
    const thisEpisode = m.episodeId === episodeId;
    const label = thisEpisode
      ? `Intake, this episode${m.signed ? '' : ' (draft)'}`
      : `Intake, earlier episode: ${m.episodeTitle}`;
    points.push({ date: m.date, value, label, thisEpisode });
  }
  return points;
}

export function seriesOf(facts: TimelineFacts): TimelineSeries {
  const runs = standing(facts.checkIns);
  const pain: PainPoint[] = runs.map((c) => ({
    checkInId: c.id,
    runDate: c.runDate,
    painDuring: c.painDuring,
    painAfter: c.painAfter,
    warmUp: c.warmUp,
    cameBack: c.cameBack,
    nextDay: c.nextDay,
    swelling: c.swelling,
  }));
  const measures = [...facts.measures].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.episodeId - b.episodeId,
  );
  const lefs = outcomePoints(measures, facts.episode.id, (m) => m.lefs);
  const visaA = outcomePoints(measures, facts.episode.id, (m) => m.visaA);
  const psfs = outcomePoints(measures, facts.episode.id, (m) => m.psfs);
  const changes = [changeLine('lefs', lefs), changeLine('psfs', psfs), changeLine('visaA', visaA)].filter(
    (c): c is OutcomeChangeLine => c !== null,
  );
  return {
    pain,
    level: levelSeries(facts, runs),
    outcomes: {
      lefs,
      lefsBand: band('lefs', lefs, LEFS_MAX),
      visaA,
      visaABand: band('visaA', visaA, VISA_A_MAX),
      psfs,
      psfsBand: band('psfs', psfs, PSFS_MAX),
      changes,
    },
  };
}

/** The minimal-important-change band around the first score, inside 0..max. */
function band(measure: OutcomeMeasure, points: readonly OutcomePoint[], max: number): MeaningfulChangeBand | null {
  const first = points[0];
  if (!first) return null;
  const mic = MINIMAL_IMPORTANT_CHANGE[measure];
  return {
    baseline: first.value,
    date: first.date,
    meaningfulChange: mic,
    lower: Math.max(0, first.value - mic),
    upper: Math.min(max, first.value + mic),
  };
}

/** The change from the first (baseline) score to the last; null with fewer than two scores. */
function changeLine(measure: OutcomeMeasure, points: readonly OutcomePoint[]): OutcomeChangeLine | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) return null;
  const c = outcomeChange(measure, first.value, last.value);
  return {
    measure,
    fromDate: first.date,
    toDate: last.date,
    change: c.change,
    reached: c.reached,
    direction: c.direction,
    words: changeWords(c),
  };
}
