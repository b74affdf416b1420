/**
 * The handout's running parts: the current level with its bouts, the coming levels, the calendar
 * of planned runs, the self-check table, and the running log to fill in and bring back.
 */
import { levelBreakdown } from '../clinical/describe-level';
import type { LevelBreakdown } from '../clinical/describe-level';
import type { RunLevel } from '../clinical/programme';
import { levelKind } from '../clinical/programme';
import type { SelfCheck } from '../clinical/self-check';
import { PRECEDENCE } from '../clinical/self-check';
import { capitalize } from '../clinical/wording';
import type { IsoDate } from '../time/dates';
import { addDays } from '../time/dates';
import type { HandoutData } from './handout-data';
import { calendarWeeks, planEnd } from './plan';
import {
  warmUpWords,
  daysChangeWords,
  daysOffMoveWords,
  HANDOUT_TEXT as T,
  howOftenWords,
  levelName,
  levelTableWords,
  restWords,
  shortDate,
  shortMonth,
  surfaceWords,
  weekdayNames,
} from './wording';
import { REPORT_QUESTIONS } from '../clinical/soreness-report';
import type { Block, CalendarDay, Cell, Run, Section } from './content-blocks';
import { cell, leadIn, paragraph, text } from './content-blocks';

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

export function runningSection(data: HandoutData, level: LevelBreakdown): Section {
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

export function selfCheckSection(check: SelfCheck): Section {
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

export function logSection(data: HandoutData): Section | null {
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
