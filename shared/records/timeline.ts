/**
 * An episode's history from its stored facts: the timeline of events (newest first, the order a
 * clinician reads a record in: what happened last is what matters at the next visit) and the
 * chart series (oldest first, time running left to right).
 *
 * Pure: the main process gathers the facts (main/records/timeline.ts) with dates already on the
 * clinic's calendar, and this turns them into words and numbers. No clock, no database.
 */
import { LEFS_MAX } from '../clinical/intake/measures/lefs';
import { PSFS_MAX } from '../clinical/intake/measures/psfs';
import { VISA_A_MAX } from '../clinical/intake/measures/visa-a';
import { changeWords, MINIMAL_IMPORTANT_CHANGE, outcomeChange, type OutcomeMeasure } from '../clinical/outcome-change';
import type { NextDayAnswer, WarmUpAnswer } from '../clinical/soreness-report';
import type {
  EpisodeTimeline,
  LevelPoint,
  MeaningfulChangeBand,
  OutcomeChangeLine,
  OutcomePoint,
  PainPoint,
  RestSpan,
  StepBack,
  TimelineBadge,
  TimelineEvent,
  TimelineKind,
  TimelineSeries,
} from '../domain/timeline';
import type { DateFormat, IsoDate } from '../time/dates';
import { addDays, formatDate } from '../time/dates';

// --- The facts, as the main process reads them -------------------------------------------------

export interface EpisodeFact {
  id: number;
  patientId: number;
  title: string;
  openedOn: IsoDate;
  createdAt: string;
  createdBy: string | null;
}

/** A discharge or reopening, from the audit trail (the episode row keeps only the last). */
export interface StatusChangeFact {
  id: number;
  action: 'discharge' | 'reopen';
  date: IsoDate;
  at: string;
  by: string | null;
}

export interface IntakeFact {
  id: number;
  noteId: number;
  visitDate: IsoDate;
  startedOn: IsoDate;
  startedAt: string;
  startedBy: string | null;
  status: 'draft' | 'signed';
  signedOn: IsoDate | null;
  signedAt: string | null;
  signedBy: string | null;
  /** "Walking stage", "Running level 3", "Not ready to run"; null before a choice. */
  startingPoint: string | null;
}

export interface NoteFact {
  id: number;
  kind: 'intake' | 'visit';
  visitDate: IsoDate;
  status: 'draft' | 'signed';
  createdBy: string | null;
  createdAt: string;
  signedOn: IsoDate | null;
  signedAt: string | null;
  signerName: string | null;
}

export interface AddendumFact {
  id: number;
  noteId: number;
  noteKind: 'intake' | 'visit';
  noteVisitDate: IsoDate;
  signedOn: IsoDate;
  signedAt: string;
  signerName: string;
}

export interface AssignmentFact {
  id: number;
  programmeName: string;
  levelCount: number;
  startLevel: number;
  assignedOn: IsoDate;
  createdAt: string;
  assignedBy: string | null;
  reason: string;
}

export interface CheckInFact {
  id: number;
  assignmentId: number;
  recordedOn: IsoDate;
  createdAt: string;
  recordedBy: string | null;
  runDate: IsoDate;
  warmUp: WarmUpAnswer;
  /** Warm-up soreness that went away came back; 'unknown' when not known. */
  cameBack: boolean | 'unknown';
  nextDay: NextDayAnswer;
  painDuring: number | null;
  painAfter: number | null;
  swelling: boolean | 'unknown';
  levelBefore: number;
  governingRule: number;
  /** The governing rule in the words of the rule set version that decided. */
  ruleCondition: string;
  ruleSetName: string;
  engineLevelAfter: number;
  engineDaysOff: number;
  override: { level: number; daysOff: number; reason: string } | null;
  levelAfter: number;
  daysOff: number;
  nextRunDate: IsoDate;
  complete: boolean;
  correctsId: number | null;
  correctsRunDate: IsoDate | null;
  correctionReason: string;
  correctedById: number | null;
}

export interface PrescriptionFact {
  id: number;
  version: number;
  savedOn: IsoDate;
  savedAt: string;
  savedBy: string | null;
  exerciseNames: string[];
}

export interface HandoutFact {
  id: number;
  issuedOn: IsoDate;
  issuedAt: string;
  issuedBy: string | null;
  levelSummary: string;
  exerciseNames: string[];
  pageCount: number;
}

/** Outcome measure totals from an intake (this episode's, or an earlier episode's signed one). */
export interface MeasureFact {
  episodeId: number;
  episodeTitle: string;
  date: IsoDate;
  signed: boolean;
  lefs: number | null;
  visaA: number | null;
  psfs: number | null;
}

export interface TimelineFacts {
  episode: EpisodeFact;
  statusChanges: StatusChangeFact[];
  intake: IntakeFact | null;
  notes: NoteFact[];
  addenda: AddendumFact[];
  assignments: AssignmentFact[];
  checkIns: CheckInFact[];
  prescriptions: PrescriptionFact[];
  handouts: HandoutFact[];
  measures: MeasureFact[];
}

// --- Words -------------------------------------------------------------------------------------

const WARM_UP_WORDS: Record<WarmUpAnswer, string> = {
  none: 'no soreness in the warm-up',
  went_away: 'soreness in the warm-up that went away',
  continued: 'soreness in the warm-up that continued',
  unknown: 'warm-up soreness not known',
};

const NEXT_DAY_WORDS: Record<NextDayAnswer, string> = {
  none: 'no soreness the day after',
  muscular: 'muscle soreness only the day after',
  injury_site: 'soreness at the injury site the day after',
  not_muscular: 'soreness the day after that was not muscular',
  unknown: 'the day after not known',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a check-in did to the level, in a few words. */
export function levelChangeWords(before: number, after: number, complete: boolean): string {
  if (complete) return `programme complete at level ${after}`;
  if (after > before) return `up to level ${after}`;
  if (after < before) return `stepped back to level ${after}`;
  return `stays at level ${after}`;
}

function reportWords(c: CheckInFact, dateFormat: DateFormat): string {
  const warmUp =
    c.warmUp === 'went_away' && c.cameBack === true
      ? 'soreness in the warm-up that went away and came back'
      : WARM_UP_WORDS[c.warmUp];
  const parts = [warmUp, NEXT_DAY_WORDS[c.nextDay]];
  if (c.painDuring !== null) parts.push(`pain during ${c.painDuring}/10`);
  if (c.painAfter !== null) parts.push(`pain after ${c.painAfter}/10`);
  if (c.swelling === true) parts.push('swelling');
  if (c.swelling === 'unknown') parts.push('swelling not known');
  return `Run of ${formatDate(c.runDate, dateFormat)}: ${parts.join(', ')}.`;
}

function checkInEvent(c: CheckInFact, dateFormat: DateFormat): TimelineEvent {
  const badges: TimelineBadge[] = [];
  if (c.complete) badges.push({ label: 'Programme complete', tone: 'up' });
  else if (c.levelAfter > c.levelBefore) badges.push({ label: 'Level up', tone: 'up' });
  else if (c.levelAfter < c.levelBefore) badges.push({ label: 'Step back', tone: 'down' });
  if (c.daysOff > 0) badges.push({ label: `${plural(c.daysOff, 'day')} off`, tone: 'rest' });
  if (c.override) badges.push({ label: 'Decision changed', tone: 'override' });
  if (c.correctsId !== null) badges.push({ label: 'Correction', tone: 'warning' });
  if (c.correctedById !== null) badges.push({ label: 'Corrected later', tone: 'warning' });

  const details = [reportWords(c, dateFormat)];
  details.push(`Rule ${c.governingRule} (${c.ruleSetName}): ${c.ruleCondition}`.trim());
  if (c.override) {
    details.push(
      `Decision changed by the clinician: level ${c.override.level}, ${plural(c.override.daysOff, 'day')} off ` +
        `(the rules said level ${c.engineLevelAfter}, ${plural(c.engineDaysOff, 'day')} off). ` +
        `Reason: “${c.override.reason}”`,
    );
  }
  details.push(
    `Level ${c.levelBefore} → ${c.levelAfter}; ${c.daysOff === 0 ? 'no days off' : `${plural(c.daysOff, 'day')} off`}; ` +
      `next run ${formatDate(c.nextRunDate, dateFormat)}.`,
  );
  if (c.correctsId !== null) {
    const of = c.correctsRunDate ? ` for the run of ${formatDate(c.correctsRunDate, dateFormat)}` : '';
    details.push(`Corrects the entry${of}. Reason: “${c.correctionReason}”`);
  }
  if (c.correctedById !== null) details.push('A later entry corrects this one: it no longer counts.');
  return {
    key: `check_in-${c.id}`,
    kind: 'check_in',
    date: c.recordedOn,
    at: c.createdAt,
    title: `Check-in: ${levelChangeWords(c.levelBefore, c.levelAfter, c.complete)}`,
    details,
    by: c.recordedBy,
    badges,
    link: { to: 'section', section: 'running' },
  };
}

// --- Events ------------------------------------------------------------------------------------

function eventsOf(facts: TimelineFacts, dateFormat: DateFormat): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const e = facts.episode;
  events.push({
    key: `episode_opened-${e.id}`,
    kind: 'episode_opened',
    date: e.openedOn,
    at: e.createdAt,
    title: 'Episode opened',
    details: [e.title],
    by: e.createdBy,
    badges: [],
    link: null,
  });
  for (const s of facts.statusChanges) {
    const discharged = s.action === 'discharge';
    events.push({
      key: `episode_${discharged ? 'discharged' : 'reopened'}-${s.id}`,
      kind: discharged ? 'episode_discharged' : 'episode_reopened',
      date: s.date,
      at: s.at,
      title: discharged ? 'Discharged' : 'Episode reopened',
      details: [],
      by: s.by,
      badges: [],
      link: null,
    });
  }

  const intake = facts.intake;
  if (intake) {
    events.push({
      key: `intake_started-${intake.id}`,
      kind: 'intake_started',
      date: intake.startedOn,
      at: intake.startedAt,
      title: 'Intake started',
      details: [`Visit of ${formatDate(intake.visitDate, dateFormat)}.`],
      by: intake.startedBy,
      badges: intake.status === 'draft' ? [{ label: 'Not signed yet', tone: 'warning' }] : [],
      link: { to: 'intake' },
    });
    if (intake.status === 'signed' && intake.signedOn && intake.signedAt) {
      events.push({
        key: `intake_signed-${intake.id}`,
        kind: 'intake_signed',
        date: intake.signedOn,
        at: intake.signedAt,
        title: 'Intake signed',
        details: intake.startingPoint ? [`Starting point: ${intake.startingPoint}.`] : [],
        by: intake.signedBy,
        badges: [{ label: 'Signed', tone: 'neutral' }],
        link: { to: 'intake' },
      });
    }
  }

  for (const n of facts.notes) {
    if (n.kind === 'intake') continue; // the intake's events stand for its note
    const signed = n.status === 'signed';
    events.push({
      key: `note-${n.id}`,
      kind: 'note',
      date: signed && n.signedOn ? n.signedOn : n.visitDate,
      at: signed ? n.signedAt : n.createdAt,
      title: signed ? 'Visit note signed' : 'Visit note (draft, not signed)',
      details: [`Visit of ${formatDate(n.visitDate, dateFormat)}.`],
      by: signed ? n.signerName : n.createdBy,
      badges: signed ? [{ label: 'Signed', tone: 'neutral' }] : [{ label: 'Draft', tone: 'warning' }],
      link: { to: 'note', noteId: n.id },
    });
  }

  for (const a of facts.addenda) {
    const of = a.noteKind === 'intake' ? 'the intake note' : 'the visit note';
    events.push({
      key: `addendum-${a.id}`,
      kind: 'addendum',
      date: a.signedOn,
      at: a.signedAt,
      title: `Addendum to ${of}`,
      details: [`Added to ${of} of ${formatDate(a.noteVisitDate, dateFormat)}, signed when written.`],
      by: a.signerName,
      badges: [{ label: 'Signed', tone: 'neutral' }],
      link: a.noteKind === 'intake' ? { to: 'intake' } : { to: 'note', noteId: a.noteId },
    });
  }

  for (const a of facts.assignments) {
    const details = [`Starts at level ${a.startLevel} of ${a.levelCount}.`];
    if (a.reason.trim() !== '') details.push(`Reason: “${a.reason}”`);
    events.push({
      key: `programme_assigned-${a.id}`,
      kind: 'programme_assigned',
      date: a.assignedOn,
      at: a.createdAt,
      title: `Running programme given: ${a.programmeName}`,
      details,
      by: a.assignedBy,
      badges: [],
      link: { to: 'section', section: 'running' },
    });
  }

  // A programme is complete once: at its first standing check-in that says so (in run order).
  const completing = new Set<number>();
  const completed = new Set<number>();
  for (const c of standing(facts.checkIns)) {
    if (c.complete && !completed.has(c.assignmentId)) {
      completed.add(c.assignmentId);
      completing.add(c.id);
    }
  }
  for (const c of facts.checkIns) {
    events.push(checkInEvent(c, dateFormat));
    if (completing.has(c.id)) {
      events.push({
        key: `programme_complete-${c.id}`,
        kind: 'programme_complete',
        date: c.recordedOn,
        at: c.createdAt,
        title: 'Running programme complete',
        details: [`Finished at level ${c.levelAfter}.`],
        by: c.recordedBy,
        badges: [{ label: 'Complete', tone: 'up' }],
        link: { to: 'section', section: 'running' },
      });
    }
  }

  for (const p of facts.prescriptions) {
    const names = p.exerciseNames;
    events.push({
      key: `prescription-${p.id}`,
      kind: 'prescription',
      date: p.savedOn,
      at: p.savedAt,
      title: `Home exercises, version ${p.version}`,
      details: [names.length === 0 ? 'No exercises.' : `${plural(names.length, 'exercise')}: ${names.join(', ')}.`],
      by: p.savedBy,
      badges: [],
      link: { to: 'section', section: 'exercises' },
    });
  }

  for (const h of facts.handouts) {
    const parts = [h.levelSummary, h.exerciseNames.length > 0 ? plural(h.exerciseNames.length, 'exercise') : '']
      .filter((p) => p !== '')
      .join(', ');
    events.push({
      key: `handout-${h.id}`,
      kind: 'handout',
      date: h.issuedOn,
      at: h.issuedAt,
      title: 'Handout given',
      details: [
        `${capitalise(parts === '' ? 'no running plan or exercises' : parts)}; ${plural(h.pageCount, 'page')}.`,
      ],
      by: h.issuedBy,
      badges: [],
      link: { to: 'section', section: 'handouts' },
    });
  }
  return events;
}

/** Within one instant, the order things happen in (the episode before its intake, and so on). */
const KIND_ORDER: Record<TimelineKind, number> = {
  episode_opened: 0,
  intake_started: 1,
  intake_signed: 2,
  note: 3,
  addendum: 4,
  programme_assigned: 5,
  check_in: 6,
  programme_complete: 7,
  prescription: 8,
  handout: 9,
  episode_reopened: 10,
  episode_discharged: 11,
};

function idOf(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

/** Oldest first: by day, then instant, then the order things happen in, then record id. */
function chronological(a: TimelineEvent, b: TimelineEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const at = (a.at ?? '').localeCompare(b.at ?? '');
  if (at !== 0) return at;
  const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return kind !== 0 ? kind : idOf(a.key) - idOf(b.key);
}

// --- Series ------------------------------------------------------------------------------------

/** Check-ins that count: corrected entries are left out, in run order. */
function standing(checkIns: readonly CheckInFact[]): CheckInFact[] {
  return checkIns
    .filter((c) => c.correctedById === null)
    .sort((a, b) => (a.runDate !== b.runDate ? (a.runDate < b.runDate ? -1 : 1) : a.id - b.id));
}

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

function seriesOf(facts: TimelineFacts): TimelineSeries {
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

/** The timeline (newest first) and chart series (oldest first) of one episode. */
export function buildTimeline(facts: TimelineFacts, dateFormat: DateFormat): EpisodeTimeline {
  const events = eventsOf(facts, dateFormat).sort(chronological).reverse();
  return { episodeId: facts.episode.id, patientId: facts.episode.patientId, events, series: seriesOf(facts) };
}
