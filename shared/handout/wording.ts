/**
 * The handout's own words: headings, the short instructions around the tables, and the small
 * formatters for dates and levels. Written for the patient at grade 6 or lower (docs/clinical-sources.md
 * section 6): "you", short sentences, no jargon, no capitals for emphasis. Every fixed sentence
 * lives here so one test reads them all (tests/unit/handout/readability.test.ts).
 */
import type { LevelBreakdown } from '../clinical/describe-level';
import type { Dosage } from '../clinical/exercises/dosage';
import type { RunLevel, Surface } from '../clinical/programme';
import type { DayMonthOrder } from '../clinical/wording';
import { capitalize, longDate, MONTHS, WEEKDAYS } from '../clinical/wording';
import type { IsoDate } from '../time/dates';

export const HANDOUT_TEXT = {
  titleRunning: 'Your plan to get back to running',
  titleExercises: 'Your exercise plan',
  titlePlain: 'Your plan until your next visit',
  glance: 'Your plan at a glance',
  noRunningYet: 'Not in this plan yet. Ask us before you start to run.',
  ifItHurts: 'Use the self-check in this handout. It tells you what to do.',
  running: 'Your running',
  walking: 'Your walking',
  levelIntro: 'Each time you go out, do this:',
  comingLevels: 'The next levels',
  comingLevelsIntro: 'Move up one level at a time, only when the self-check says so.',
  lastLevel: 'This is the last level of your plan.',
  calendar: 'Your run days',
  calendarWalking: 'Your walk days',
  calendarIntro: 'Go out on the days marked "Run". Rest on the other days.',
  calendarIntroWalking: 'Go out on the days marked "Walk". Rest on the other days.',
  selfCheck: 'Check how it feels',
  selfCheckIntro:
    'Check for pain in the warm-up, during the run, and the next day. Find what you notice in the table. Then do what it says.',
  selfCheckIntroWalking:
    'Check for pain in the warm-up, during the walk, and the next day. Find what you notice in the table. Then do what it says.',
  selfCheckMissing:
    'This copy was made before the self-check was added. Ask the clinic for a new handout before your next run.',
  selfCheckNotice: 'If you notice this',
  selfCheckDo: 'Do this',
  exercises: 'Your exercises',
  exercisesIntro: 'Move slowly and with control. Stop an exercise if it gives you sharp pain.',
  howMuch: 'How much:',
  start: 'Start:',
  tips: 'Tips:',
  log: 'Your log',
  logIntroRunning:
    'Fill in one column after each run, and finish it the next day. Circle what fits, or write a number. Bring this page to your next visit.',
  logIntroWalking:
    'Fill in one column after each walk, and finish it the next day. Circle what fits, or write a number. Bring this page to your next visit.',
  logIntroExercises: 'Fill in one row each day. Circle yes or no. Bring this page to your next visit.',
  logDate: 'Date',
  logLevel: 'Level',
  logPain: 'Pain 0 to 10',
  logExercises: 'Exercises done?',
  logNotes: 'Notes',
  yes: 'yes',
  no: 'no',
  stopAndCall: 'Stop and call us',
  getHelpNow: 'Get help now',
  getUrgentHelp: 'Stop and get urgent help',
  exercisePictures:
    'The pictures: the solid figure shows how to start. The faint figure shows where you end. The arrow shows which way to move.',
  exerciseWords: 'Words we use:',
  wordRep: 'One time through the move.',
  wordSet: 'A number of reps in a row. Then you rest.',
  wordHold: 'Stay still in that spot for the time given.',
  wordEffort: 'How hard it feels. 0 is at rest and 10 is as hard as you can go. At 3 you can still talk.',
  avoid: 'Avoid:',
  tooHard: 'Too hard? Do this instead:',
  tooEasy: 'Too easy? Ask us about:',
  exerciseLog: 'Your exercise log',
  exerciseLogIntro: 'Tick the box on each day you do the exercise. Bring this page to your next visit.',
  exerciseLogExercise: 'Exercise',
  exerciseLogPain: 'Pain 0 to 10',
  questions: 'Do you have a question? Call us. We are glad to help.',
  steps: 'Steps',
} as const;

/** "Sun", "Jan": the first three letters, as printed in a log's narrow columns. */
const SHORT_WEEKDAYS = WEEKDAYS.map((w) => w.slice(0, 3));
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

function parts(date: IsoDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

export type { DayMonthOrder };

export function weekdayOf(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return SHORT_WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
}

/** "Sat 28 Nov", or "Sat Nov 28" where the clinic writes the month first: a log's date. */
export function shortDate(date: IsoDate, order: DayMonthOrder = 'dmy'): string {
  const [, m, d] = parts(date);
  const month = SHORT_MONTHS[m - 1] ?? '';
  return order === 'dmy' ? `${weekdayOf(date)} ${d} ${month}` : `${weekdayOf(date)} ${month} ${d}`;
}

/** "27 November 2026", or "November 27, 2026" month first: the handout's date in the header. */
export function dateWithYear(date: IsoDate, order: DayMonthOrder = 'dmy'): string {
  const [y, m, d] = parts(date);
  const month = MONTHS[m - 1] ?? '';
  return order === 'dmy' ? `${d} ${month} ${y}` : `${month} ${d}, ${y}`;
}

/** "Friday 27 November 2026", or "Friday, November 27, 2026" month first. */
export function fullDate(date: IsoDate, order: DayMonthOrder = 'dmy'): string {
  return `${longDate(date, order)}${order === 'dmy' ? ' ' : ', '}${parts(date)[0]}`;
}

/** "Nov" for the calendar's first day of a month. */
export function shortMonth(date: IsoDate): string {
  return SHORT_MONTHS[parts(date)[1] - 1] ?? '';
}

/** "Mon" .. "Sun" in the calendar's order. */
export function weekdayNames(weekStartsOn: 'monday' | 'sunday'): string[] {
  return weekStartsOn === 'monday' ? [...SHORT_WEEKDAYS.slice(1), ...SHORT_WEEKDAYS.slice(0, 1)] : [...SHORT_WEEKDAYS];
}

/** "once", "twice", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** "walk 1 min, then run 4 min": one round of a level. */
export function roundWords(b: LevelBreakdown): string {
  return b.bouts.map((bout, i) => `${i === 0 ? '' : 'then '}${bout.activity} ${bout.amount}`).join(', ');
}

/** How many times through the round, as a sentence: "Do this 4 times." or "Keep going until 2 mi in all." */
export function repeatWords(b: LevelBreakdown): string {
  if (b.repetitions === null) return `Keep going until you reach ${b.total} in all.`;
  if (b.repetitions === 1) return b.bouts.length > 1 ? 'Do this once.' : '';
  return `Do this ${times(b.repetitions)}.`;
}

/** "Walk 1 min, then run 4 min. Do this 4 times." */
export function levelWords(b: LevelBreakdown): string {
  return [`${capitalize(roundWords(b))}.`, repeatWords(b)].filter((s) => s !== '').join(' ');
}

/** A level in the coming-levels table, whose "In all" column gives the total: "Walk 2 min, then run 4 min. Repeat." */
export function levelTableWords(b: LevelBreakdown): string {
  return b.repetitions === null ? `${capitalize(roundWords(b))}. Repeat.` : levelWords(b);
}

/** "Level 6 of 15" with the source's own label when it has one: "Level 6 of 15 (week 2)". */
export function levelName(b: Pick<LevelBreakdown, 'number' | 'title'>, levelCount: number): string {
  const title = b.title.trim();
  return `Level ${b.number} of ${levelCount}${title === '' ? '' : ` (${title.charAt(0).toLowerCase()}${title.slice(1)})`}`;
}

const SURFACE_WORDS: Readonly<Record<Surface, string>> = {
  treadmill: 'On a treadmill.',
  track: 'On a running track.',
  level_ground: 'On flat ground.',
  road: 'On a road or path.',
  grass: 'On grass.',
  trail: 'On a trail.',
};

/** Where to run, as a sentence. */
export function surfaceWords(surface: Surface): string {
  return SURFACE_WORDS[surface];
}

/** "3 times a week." */
export function howOftenWords(sessionsPerWeek: number): string {
  return sessionsPerWeek === 7 ? 'Every day.' : `${capitalize(times(sessionsPerWeek))} a week.`;
}

/** "Rest at least 1 day between runs." */
export function restWords(minRestDays: number, walking: boolean): string {
  const outings = walking ? 'walks' : 'runs';
  if (minRestDays === 0) return `You do not need a rest day between ${outings}.`;
  return `Rest at least ${minRestDays === 1 ? '1 day' : `${minRestDays} days`} between ${outings}.`;
}

/**
 * How days off move the calendar, in the engine's terms (next-run.ts): the next outing is the day
 * after the days off; then the level's rest and weekly count apply again.
 */
export function daysOffMoveWords(level: Pick<RunLevel, 'minRestDays' | 'sessionsPerWeek'>, walking: boolean): string {
  const outing = walking ? 'walk' : 'run';
  return (
    `If the self-check gives you days off, count them from your ${outing} day. ` +
    `Go out again on the day after your last day off. Do this even if the calendar says rest. ` +
    `After that: ${restAndCount(level, walking)}`
  );
}

/** "Rest at least 1 day between runs. Run no more than 3 times in 7 days." */
function restAndCount(level: Pick<RunLevel, 'minRestDays' | 'sessionsPerWeek'>, walking: boolean): string {
  const outing = walking ? 'walk' : 'run';
  const rest =
    level.minRestDays === 0
      ? ''
      : `Rest at least ${level.minRestDays === 1 ? '1 day' : `${level.minRestDays} days`} between ${outing}s. `;
  return `${rest}${capitalize(outing)} no more than ${times(level.sessionsPerWeek)} in 7 days.`;
}

/** How the days change after moving up to a level with other rest or sessions. */
export function daysChangeWords(
  number: number,
  level: Pick<RunLevel, 'minRestDays' | 'sessionsPerWeek'>,
  walking: boolean,
): string {
  return `When you move up to Level ${number}, your days change. ${restAndCount(level, walking)}`;
}

/** "Stop running and call us on +44 113 496 0000 if:" (or the clinic's name when it has no phone). */
export function callUsIntro(
  clinicName: string,
  phone: string,
  activity: 'running' | 'walking' | 'exercising' | null = 'running',
): string {
  const stop =
    activity === null ? 'Call' : activity === 'exercising' ? 'Stop the exercise and call' : `Stop ${activity} and call`;
  return phone.trim() === '' ? `${stop} ${clinicName} if:` : `${stop} us on ${phone} if:`;
}

/** "Call an ambulance (999) now if:", or without a number in handouts stored before the setting. */
export function ambulanceIntro(emergencyNumber: string): string {
  return emergencyNumber.trim() === ''
    ? 'Call an ambulance now if:'
    : `Call an ambulance (${emergencyNumber.trim()}) now if:`;
}

/** "Walk at a brisk pace for 5 minutes. (5 minutes)": the programme's warm-up, with how long. */
export function warmUpWords(warmUp: { description: string; minutes: number }): string {
  const described = warmUp.description.trim().replace(/\.?$/, '.');
  return /\bminutes?\b/.test(described) ? described : `${described} About ${warmUp.minutes} minutes.`;
}

/** What to do when the printed plan runs out and no visit is booked. */
export function planEndWords(lastDay: string): string {
  return `Not booked yet. This plan runs to ${lastDay}. Call us before then to book your next visit.`;
}

/** "Note from Priya Shah:" */
export function noteFrom(clinicianName: string): string {
  return `Note from ${clinicianName}:`;
}

/** The dosage in a few words for the plan at a glance: "3 sets of 12, 3 days a week". */
export function shortDosage(d: Dosage): string {
  const amount =
    d.amount.kind === 'reps'
      ? `${d.sets} ${d.sets === 1 ? 'set' : 'sets'} of ${d.amount.reps}`
      : d.amount.kind === 'hold'
        ? `${d.sets} ${d.sets === 1 ? 'hold' : 'holds'} of ${d.amount.seconds} s`
        : d.sets === 1
          ? `${d.amount.minutes} minutes`
          : `${d.sets} sets of ${d.amount.minutes} minutes`;
  return `${amount}, ${d.daysPerWeek === 7 ? 'every day' : `${d.daysPerWeek} ${d.daysPerWeek === 1 ? 'day' : 'days'} a week`}`;
}
