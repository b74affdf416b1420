/**
 * What the handout says, section by section, as plain data: the words, tables, calendar and
 * exercise blocks, with no page geometry. The PDF renderer (main/pdf) lays this out on paper;
 * the benchmark lays the same content out as HTML for Chromium. Keeping the words here, pure,
 * lets the tests read every sentence for reading level and check every part is present
 * without going through a PDF.
 *
 * Sections appear only when they have something to say: no running programme, no running
 * section, self-check or calendar; no exercises, no exercise section; no plan at all, no log.
 * No table is ever printed empty.
 */
import { levelBreakdown } from '../clinical/describe-level';
import type { LevelBreakdown } from '../clinical/describe-level';
import { stopAndCallItems } from '../clinical/intake/red-flags';
import type { Activity, RunLevel } from '../clinical/programme';
import { levelKind } from '../clinical/programme';
import type { SelfCheck } from '../clinical/self-check';
import { PRECEDENCE } from '../clinical/self-check';
import { REPORT_QUESTIONS } from '../clinical/soreness-report';
import { capitalize, longDate } from '../clinical/wording';
import type { Drawing } from '../drawing/drawing';
import type { IsoDate } from '../time/dates';
import { addDays } from '../time/dates';
import { exerciseLogSection, exercisesSection } from './exercises-section';
import type { HandoutData, HandoutExercise } from './handout-data';
import { calendarWeeks, planEnd } from './plan';
import {
  ambulanceIntro,
  callUsIntro,
  dateWithYear,
  planEndWords,
  warmUpWords,
  daysChangeWords,
  daysOffMoveWords,
  fullDate,
  HANDOUT_TEXT as T,
  howOftenWords,
  levelName,
  levelTableWords,
  levelWords,
  restWords,
  shortDate,
  shortDosage,
  shortMonth,
  surfaceWords,
  weekdayNames,
} from './wording';

/** A stretch of text in one weight. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
}

export type Cell =
  | { readonly kind: 'text'; readonly runs: readonly Run[] }
  | { readonly kind: 'choice'; readonly options: readonly string[] }
  /** An empty box to tick by hand. */
  | { readonly kind: 'tick' };

export interface Column {
  readonly header: string;
  /** Share of the table's width, relative to the other columns. */
  readonly weight: number;
}

export type Picture =
  | { readonly kind: 'drawing'; readonly drawing: Drawing; readonly description: string }
  | {
      readonly kind: 'image';
      readonly mediaType: 'image/png' | 'image/jpeg';
      readonly base64: string;
      readonly description: string;
    };

export interface CalendarDay {
  readonly date: IsoDate;
  /** "28", or "1 Dec" on the first day of a month and the calendar's first day. */
  readonly label: string;
  /** What happens that day, in words: "Run", "Visit", "Today". Empty for a rest day. */
  readonly marks: readonly string[];
  /** Outside the plan (before the handout date or after the last planned day): drawn quietly. */
  readonly outside: boolean;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  /** `keepWithNext`: a lead-in sentence that belongs on the same page as what follows it. */
  | {
      readonly kind: 'paragraph';
      readonly runs: readonly Run[];
      readonly keepWithNext?: boolean;
      /** Points above it (7 when not given): more to start a group, like each note of the record. */
      readonly spaceBefore?: number;
    }
  /** `columns: 2` for a long list of short items (the warning signs). */
  | { readonly kind: 'bullets'; readonly items: readonly (readonly Run[])[]; readonly columns?: 1 | 2 }
  /** Two columns: a bold label and its value, one row each. */
  | {
      readonly kind: 'facts';
      readonly rows: readonly { readonly label: string; readonly lines: readonly (readonly Run[])[] }[];
    }
  | {
      readonly kind: 'table';
      readonly columns: readonly Column[];
      readonly rows: readonly (readonly Cell[])[];
      /** 'write': tall rows with room to write by hand. */
      readonly rowStyle: 'text' | 'write';
      /** Short tables the patient reads as a whole: never split across pages. */
      readonly keepTogether?: boolean;
      /** 11 pt text, for wide tables read by clinicians (the record's check-ins), never the handout's. */
      readonly compact?: boolean;
    }
  /** One round of a running level as a strip of walk and run segments, each labelled. */
  | {
      readonly kind: 'bouts';
      readonly segments: readonly { readonly activity: Activity; readonly label: string; readonly share: number }[];
      readonly repeat: string;
    }
  | {
      readonly kind: 'calendar';
      readonly weekdays: readonly string[];
      readonly weeks: readonly (readonly CalendarDay[])[];
    }
  | {
      readonly kind: 'exercise';
      readonly number: number;
      readonly name: string;
      readonly purpose: string;
      /** How much, as short rows: "Sets 3", "Reps 12 each side", "Rest 1 to 2 min", "Days 3 a week". */
      readonly dosage: readonly { readonly label: string; readonly value: string }[];
      readonly start: string;
      readonly steps: readonly string[];
      readonly tips: readonly string[];
      /** Common mistakes; the names of the easier and harder versions. Each may be empty. */
      readonly mistakes: readonly string[];
      readonly easier: readonly string[];
      readonly harder: readonly string[];
      /** "Note from Priya Shah:" and the note; null when there is none. */
      readonly note: { readonly label: string; readonly text: string } | null;
      readonly picture: Picture | null;
    }
  /** A framed group: the plan at a glance, or the emergency signs. */
  | {
      readonly kind: 'box';
      readonly tone: 'plan' | 'urgent';
      readonly title: string;
      readonly blocks: readonly Block[];
    };

export type SectionId =
  'glance' | 'urgent' | 'running' | 'self-check' | 'exercises' | 'log' | 'exercise-log' | 'stop-and-call';

export interface Section {
  readonly id: SectionId;
  /** Empty for the glance box, which carries its own title. */
  readonly title: string;
  readonly blocks: readonly Block[];
  /**
   * Read as a whole (the warning signs): the title and this many first blocks are never split
   * across pages. What follows them (a closing line) may go on the next page.
   */
  readonly keepTogether?: number;
}

export interface HandoutContent {
  /** The PDF's title (document properties) and the window title of a viewer. */
  readonly documentTitle: string;
  readonly header: {
    readonly clinicName: string;
    /** "Phone +44 113 496 0000 · desk@riverside.example" (what the clinic has). */
    readonly contact: string;
    readonly patientName: string;
    readonly date: string;
  };
  readonly title: string;
  /** Who it is for, from whom, and when. */
  readonly byline: readonly Run[];
  readonly sections: readonly Section[];
}

/**
 * A number and its unit never part at a line end: "3 s", "20 min", "1.5 mi" are joined by a
 * no-break space. Readers of the PDF's text see an ordinary space (tests fold it).
 */
export function keepUnitsTogether(t: string): string {
  return t.replace(/(\d) (s|min|minutes|km|mi|km\/h|mph|days?|sets?|holds?)\b/g, '$1\u00a0$2');
}

const text = (t: string, bold = false): Run => {
  const kept = keepUnitsTogether(t);
  return bold ? { text: kept, bold } : { text: kept };
};
const cell = (t: string, bold = false): Cell => ({ kind: 'text', runs: [text(t, bold)] });
const paragraph = (t: string, bold = false): Block => ({ kind: 'paragraph', runs: [text(t, bold)] });
const leadIn = (t: string, bold = false): Block => ({ kind: 'paragraph', runs: [text(t, bold)], keepWithNext: true });

export function patientName(data: Pick<HandoutData, 'patient'>): string {
  return `${data.patient.givenName} ${data.patient.familyName}`;
}

function contactLine(data: HandoutData): string {
  const parts: string[] = [];
  if (data.clinic.phone.trim() !== '') parts.push(`Phone ${data.clinic.phone}`);
  if (data.clinic.email.trim() !== '') parts.push(data.clinic.email);
  return parts.join(' · ');
}

function exerciseLine(e: HandoutExercise): Run[] {
  return [text(`${e.name}: `, true), text(shortDosage(e.dosage))];
}

function glance(data: HandoutData, level: LevelBreakdown | null): Section {
  const rows: { label: string; lines: Run[][] }[] = [];
  const running = data.running;
  if (running && level) {
    const walking = level.kind === 'walk';
    rows.push({
      label: walking ? 'Walking' : 'Running',
      lines: [[text(`${levelName(level, running.levelCount)}: `, true), text(levelWords(level))]],
    });
    rows.push({
      label: 'How often',
      lines: [
        [text(`${howOftenWords(level.sessionsPerWeek)} ${restWords(running.currentLevel.minRestDays, walking)}`)],
      ],
    });
    if (running.nextRunDate) {
      rows.push({
        label: walking ? 'Next walk' : 'Next run',
        lines: [[text(longDate(running.nextRunDate, data.dateOrder))]],
      });
    }
    if (data.ruleSet) rows.push({ label: 'If it hurts', lines: [[text(T.ifItHurts)]] });
  } else {
    rows.push({ label: 'Running', lines: [[text(T.noRunningYet)]] });
  }
  if (data.exercises.length > 0) {
    rows.push({ label: 'Exercises', lines: data.exercises.map(exerciseLine) });
  }
  if (data.nextVisit) rows.push({ label: 'Next visit', lines: [[text(fullDate(data.nextVisit, data.dateOrder))]] });
  else {
    const last = addDays(planEnd(data.issuedOn, null), -1);
    rows.push({ label: 'Next visit', lines: [[text(planEndWords(longDate(last, data.dateOrder)))]] });
  }
  const phone = data.clinic.phone.trim();
  rows.push({
    label: 'Call us',
    lines: [
      phone === ''
        ? [text(`Call ${data.clinic.name} if you notice a warning sign (see below).`)]
        : [text(phone, true), text(' if you notice a warning sign (see below).')],
    ],
  });
  return {
    id: 'glance',
    title: '',
    blocks: [{ kind: 'box', tone: 'plan', title: T.glance, blocks: [{ kind: 'facts', rows }] }],
  };
}

function boutsBlock(level: LevelBreakdown, raw: RunLevel): Block {
  const total = raw.bouts.reduce((sum, b) => sum + b.amount, 0);
  return {
    kind: 'bouts',
    segments: level.bouts.map((b, i) => ({
      activity: b.activity,
      label: `${capitalize(b.activity)} ${b.amount}`,
      share: (raw.bouts[i]?.amount ?? 0) / total,
    })),
    repeat:
      level.repetitions === null
        ? `Repeat until you reach ${level.total} in all.`
        : level.repetitions === 1
          ? `${level.total} in all.`
          : `Do this ${level.repetitions} times: ${level.total} in all.`,
  };
}

function comingLevels(data: HandoutData, walking: boolean): Block[] {
  const running = data.running!;
  if (running.nextLevels.length === 0) return [{ kind: 'heading', text: T.comingLevels }, paragraph(T.lastLevel)];
  const current = levelBreakdown(running.currentLevel, data.units).effort;
  const levels = running.nextLevels.map((raw) => levelBreakdown(raw, data.units));
  // "How hard" only earns a column when it changes from level to level.
  const effortChanges = levels.some((b) => b.effort !== current);
  const rows = levels.map((b): Cell[] => [
    cell(String(b.number), true),
    cell(levelTableWords(b)),
    cell(b.total),
    ...(effortChanges ? [cell(`${capitalize(b.effort)}.`)] : []),
  ]);
  const blocks: Block[] = [{ kind: 'heading', text: T.comingLevels }];
  if (data.ruleSet && !walking) blocks.push(leadIn(T.comingLevelsIntro));
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'Level', weight: 0.9 },
      { header: 'What to do', weight: effortChanges ? 4.2 : 6 },
      { header: 'In all', weight: 1.3 },
      ...(effortChanges ? [{ header: 'How hard', weight: 2.2 }] : []),
    ],
    rows,
    rowStyle: 'text',
    keepTogether: true,
  });
  return blocks;
}

function calendar(data: HandoutData, walking: boolean): Block[] {
  const running = data.running!;
  const end = planEnd(data.issuedOn, data.nextVisit);
  const lastDay = addDays(end, -1);
  const runs = new Set(running.plannedRunDates);
  const weeks = calendarWeeks(data.issuedOn, data.nextVisit ?? lastDay, data.weekStartsOn);
  if (runs.size === 0) return [];
  const first = weeks[0]?.[0];
  const calendarWeeksOut = weeks.map((week) =>
    week.map((date): CalendarDay => {
      const day = Number(date.slice(8));
      const marks: string[] = [];
      if (date === data.issuedOn) marks.push('Today');
      if (runs.has(date)) marks.push(walking ? 'Walk' : 'Run');
      if (date === data.nextVisit) marks.push('Visit');
      return {
        date,
        label: day === 1 || date === first ? `${day} ${shortMonth(date)}` : String(day),
        marks,
        outside: date < data.issuedOn || date > (data.nextVisit ?? lastDay),
      };
    }),
  );
  const current = running.currentLevel;
  const next = running.nextLevels[0];
  const changes =
    next && (next.minRestDays !== current.minRestDays || next.sessionsPerWeek !== current.sessionsPerWeek)
      ? [paragraph(daysChangeWords(next.number, next, levelKind(next) === 'walk'))]
      : [];
  return [
    { kind: 'heading', text: walking ? T.calendarWalking : T.calendar },
    leadIn(walking ? T.calendarIntroWalking : T.calendarIntro),
    ...(data.ruleSet ? [leadIn(daysOffMoveWords(current, walking))] : []),
    { kind: 'calendar', weekdays: weekdayNames(data.weekStartsOn), weeks: calendarWeeksOut },
    ...changes,
  ];
}

function runningSection(data: HandoutData, level: LevelBreakdown): Section {
  const running = data.running!;
  const raw = running.currentLevel;
  const walking = level.kind === 'walk';
  const facts: { label: string; lines: Run[][] }[] = [
    { label: 'How hard', lines: [[text(`${capitalize(level.effort)}.`)]] },
    { label: 'Where', lines: [[text(surfaceWords(raw.surface))]] },
    {
      label: 'How often',
      lines: [[text(`${howOftenWords(level.sessionsPerWeek)} ${restWords(raw.minRestDays, walking)}`)]],
    },
  ];
  const noPain = running.selfCheck?.rows.find((r) => r.situation === 'no_pain');
  if (noPain) facts.push({ label: 'Move up', lines: [[text(noPain.action)]] });
  const blocks: Block[] = [
    { kind: 'paragraph', runs: [text('Your plan: ', true), text(running.programmeName)] },
    { kind: 'heading', text: levelName(level, running.levelCount) },
    ...(running.levelReason ? [paragraph(running.levelReason)] : []),
    ...(running.warmUp
      ? [
          {
            kind: 'paragraph',
            runs: [text('Warm up first: ', true), text(warmUpWords(running.warmUp))],
          } satisfies Block,
        ]
      : []),
    leadIn(T.levelIntro),
    boutsBlock(level, raw),
    { kind: 'facts', rows: facts },
    ...comingLevels(data, walking),
    ...calendar(data, walking),
    ...(data.ruleSet && !running.selfCheck ? [paragraph(T.selfCheckMissing, true)] : []),
  ];
  return { id: 'running', title: walking ? T.walking : T.running, blocks };
}

function selfCheckSection(check: SelfCheck): Section {
  const rows = check.rows.map((r): Cell[] => [cell(`${r.notice}.`, true), cell(r.action)]);
  const outing = check.walking ? 'walk' : 'run';
  return {
    id: 'self-check',
    title: T.selfCheck,
    // The table, how rows combine, and the level it is for: read as one, never split.
    keepTogether: 4,
    blocks: [
      leadIn(check.walking ? T.selfCheckIntroWalking : T.selfCheckIntro),
      {
        kind: 'table',
        columns: [
          { header: T.selfCheckNotice, weight: 1 },
          { header: T.selfCheckDo, weight: 1.3 },
        ],
        rows,
        rowStyle: 'text',
        keepTogether: true,
      },
      paragraph(PRECEDENCE),
      paragraph(
        `This check is for Level ${check.level}. When you move to a new level, call us before your next ${outing} and we will tell you what to check at that level.`,
      ),
    ],
  };
}

const BLANK: Cell = { kind: 'text', runs: [] };
/** Rows for writing in when no dates are planned: about two weeks of runs. */
const BLANK_LOG_ROWS = 8;
/** Runs side by side in one table of the running log (columns wide enough to circle a word). */
const RUNS_PER_LOG_TABLE = 6;

function logSection(data: HandoutData): Section | null {
  const running = data.running;
  if (running) {
    const dates: (IsoDate | null)[] =
      running.plannedRunDates.length > 0 ? running.plannedRunDates : Array.from({ length: BLANK_LOG_ROWS }, () => null);
    // One column per run, one row per check-in question in the check-in's order, so the page
    // reads down like the form the clinician fills in; at most RUNS_PER_LOG_TABLE runs a table.
    const tables: Block[] = [];
    for (let i = 0; i < dates.length; i += RUNS_PER_LOG_TABLE) {
      const chunk = dates.slice(i, i + RUNS_PER_LOG_TABLE);
      tables.push({
        kind: 'table',
        columns: [
          { header: T.logDate, weight: 2.4 },
          ...chunk.map((d) => ({ header: d === null ? '' : shortDate(d, data.dateOrder), weight: 1 })),
        ],
        rows: [
          [cell(T.logLevel, true), ...chunk.map(() => BLANK)],
          ...REPORT_QUESTIONS.map((q): Cell[] => [
            cell(q.log, true),
            ...chunk.map((): Cell => (q.choices.length > 0 ? { kind: 'choice', options: q.choices } : BLANK)),
          ]),
        ],
        rowStyle: 'write',
        keepTogether: true,
      });
    }
    return {
      id: 'log',
      title: T.log,
      blocks: [leadIn(running.selfCheck?.walking ? T.logIntroWalking : T.logIntroRunning), ...tables],
    };
  }
  // Without running, the log is the exercise log (exercises-section.ts).
  return null;
}

/** What the patient is doing: walking, running, or only exercises. */
function activityOf(data: HandoutData): 'running' | 'walking' | 'exercising' | null {
  if (!data.running) return data.exercises.length > 0 ? 'exercising' : null;
  return levelKind(data.running.currentLevel) === 'walk' ? 'walking' : 'running';
}

/** The sign alone: the box's lead-in already says to call an ambulance. */
function urgentSign(item: string): string {
  return item.replace(/\s*Call an ambulance(?: now)?\.?\s*$/i, '');
}

/**
 * The urgent signs, in their own framed box: kept whole, and on the first page under the plan at
 * a glance whenever it fits there (with the list of when to call the clinic, it often would not,
 * and the first page would be left half empty).
 */
function urgentSection(data: HandoutData): Section | null {
  const { emergency } = stopAndCallItems(data.afterSurgery);
  if (emergency.length === 0) return null;
  return {
    id: 'urgent',
    title: '',
    keepTogether: 1,
    blocks: [
      {
        kind: 'box',
        tone: 'urgent',
        title: T.getUrgentHelp,
        blocks: [
          { kind: 'paragraph', runs: [text(ambulanceIntro(data.clinic.emergencyNumber), true)], keepWithNext: true },
          { kind: 'bullets', items: emergency.map((e) => [text(urgentSign(e), true)]) },
        ],
      },
    ],
  };
}

function stopAndCallSection(data: HandoutData): Section {
  const { callUs } = stopAndCallItems(data.afterSurgery, { knee: data.kneeInjury, activity: activityOf(data) });
  const blocks: Block[] = [];
  blocks.push(leadIn(callUsIntro(data.clinic.name, data.clinic.phone, activityOf(data)), true));
  blocks.push({ kind: 'bullets', items: callUs.map((c) => [text(c)]), columns: 2 });
  // The signs and what to do are read as one: the heading, the lead-in and the list stay together.
  const keepTogether = blocks.length;
  blocks.push(paragraph(T.questions));
  const contact = [data.clinic.address.replace(/\s*\n\s*/g, ', ').trim(), data.clinic.email.trim()].filter(
    (p) => p !== '',
  );
  if (contact.length > 0) blocks.push({ kind: 'paragraph', runs: [text([data.clinic.name, ...contact].join(' · '))] });
  return { id: 'stop-and-call', title: T.stopAndCall, blocks, keepTogether };
}

/** The handout's content for its data: the words in order, ready to lay out. */
export function handoutContent(data: HandoutData): HandoutContent {
  const name = patientName(data);
  const level = data.running ? levelBreakdown(data.running.currentLevel, data.units) : null;
  // The first page holds what everyone must read: the plan in brief and when to stop and call.
  // The details follow; the log closes the handout, as the page to fill in and bring back.
  const urgent = urgentSection(data);
  const sections: Section[] = [glance(data, level), ...(urgent ? [urgent] : []), stopAndCallSection(data)];
  if (data.running && level) sections.push(runningSection(data, level));
  if (data.running?.selfCheck && data.ruleSet) sections.push(selfCheckSection(data.running.selfCheck));
  if (data.exercises.length > 0) sections.push(exercisesSection(data));
  const log = logSection(data);
  if (log) sections.push(log);
  const exerciseLog = exerciseLogSection(data);
  if (exerciseLog) sections.push(exerciseLog);

  const clinician = data.clinician;
  const role =
    clinician.registrationNumber.trim() === ''
      ? clinician.profession
      : `${clinician.profession}, registration ${clinician.registrationNumber}`;
  return {
    documentTitle: `${name}: handout of ${dateWithYear(data.issuedOn, data.dateOrder)}`,
    header: {
      clinicName: data.clinic.name,
      contact: contactLine(data),
      patientName: name,
      date: dateWithYear(data.issuedOn, data.dateOrder),
    },
    title: data.running ? T.titleRunning : data.exercises.length > 0 ? T.titleExercises : T.titlePlain,
    byline: [
      text('For ', false),
      text(name, true),
      text(`, from ${clinician.name} (${role}), on ${fullDate(data.issuedOn, data.dateOrder)}.`),
    ],
    sections,
  };
}
