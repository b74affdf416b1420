/**
 * The timeline's events, in words: one per thing that happened to the episode (opened, intake,
 * notes, programme given, check-ins, prescriptions, handouts...), and their chronological order.
 */
import type { NextDayAnswer, WarmUpAnswer } from '../clinical/soreness-report';
import type { TimelineBadge, TimelineEvent, TimelineKind } from '../domain/timeline';
import type { DateFormat } from '../time/dates';
import { formatDate } from '../time/dates';
import type { CheckInFact, TimelineFacts } from './timeline-facts';
import { standing } from './timeline-facts';

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

export function eventsOf(facts: TimelineFacts, dateFormat: DateFormat): TimelineEvent[] {
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
export function chronological(a: TimelineEvent, b: TimelineEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const at = (a.at ?? '').localeCompare(b.at ?? '');
  if (at !== 0) return at;
  const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return kind !== 0 ? kind : idOf(a.key) - idOf(b.key);
}
