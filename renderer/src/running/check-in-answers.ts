/**
 * The check-in form's answers, one per question of the report in the order the form asks them
 * (REPORT_QUESTIONS, the same columns as the handout's log), and the soreness report they make.
 * Pure: no React.
 *
 * Every question must be answered before a report is made: "Not known" is an answer, an empty
 * question is not. A missing answer is never read as "no symptoms" (engine.ts, point 9), so a
 * check-in with only the soreness answers makes no report and no decision.
 */
import type {
  CompletedAnswer,
  NextDayAnswer,
  SorenessReport,
  WarmUpAnswer,
  YesNoUnknown,
} from '../../../shared/clinical/soreness-report';
import { REPORT_QUESTIONS } from '../../../shared/clinical/soreness-report';
import type { DateFormat } from '../../../shared/time/dates';
import { formatDate, parseTypedDate } from '../../../shared/time/dates';

/** A yes / no question: '' until answered. */
export type YesNoAnswer = '' | 'yes' | 'no' | 'unknown';
/** A pain question: '' until answered, a score '0' to '10', not known, or (during) did not run. */
export type PainAnswer = '' | 'unknown' | 'not_run' | `${number}`;

export interface CheckInAnswers {
  runDate: string;
  levelRun: string;
  warmUp: WarmUpAnswer | '';
  /** Asked only when the warm-up soreness went away. */
  cameBackDuringRun: YesNoAnswer;
  painStartedInRun: YesNoAnswer;
  painDuring: PainAnswer;
  painAfter: PainAnswer;
  nextDay: NextDayAnswer | '';
  swelling: YesNoAnswer;
  limp: YesNoAnswer;
  completed: CompletedAnswer | '';
  notes: string;
}

/** The report's questions the form asks, in their order. */
export type QuestionField = (typeof REPORT_QUESTIONS)[number]['field'];

export function emptyAnswers(levelRun: number): CheckInAnswers {
  return {
    runDate: '',
    levelRun: String(levelRun),
    warmUp: '',
    cameBackDuringRun: '',
    painStartedInRun: '',
    painDuring: '',
    painAfter: '',
    nextDay: '',
    swelling: '',
    limp: '',
    completed: '',
    notes: '',
  };
}

/** Whether a question is asked, given the answers so far (the follow-up on the warm-up). */
export function questionApplies(field: QuestionField, a: Pick<CheckInAnswers, 'warmUp'>): boolean {
  return field !== 'cameBackDuringRun' || a.warmUp === 'went_away';
}

/**
 * The answers after one changes: follow-ups that no longer apply are cleared, so they cannot be
 * sent ("came back?" once the warm-up soreness did not go away; "did not run" once the session
 * was not stopped early).
 */
export function withAnswer<K extends keyof CheckInAnswers>(
  a: CheckInAnswers,
  key: K,
  value: CheckInAnswers[K],
): CheckInAnswers {
  const next = { ...a, [key]: value };
  if (next.warmUp !== 'went_away') next.cameBackDuringRun = '';
  if (next.completed !== 'stopped_early' && next.painDuring === 'not_run') next.painDuring = '';
  return next;
}

function yesNoOf(answer: YesNoUnknown | null): YesNoAnswer {
  if (answer === null) return '';
  if (answer === 'unknown') return 'unknown';
  return answer ? 'yes' : 'no';
}

function painOf(answer: SorenessReport['painDuring']): PainAnswer {
  return typeof answer === 'number' ? `${answer}` : answer;
}

/**
 * The answers of a stored report, to correct it. A report from before a question was asked
 * (format 1, read with `recordedReport`) has 'unknown' there, so it opens as "Not known".
 */
export function answersOf(report: SorenessReport, format: DateFormat): CheckInAnswers {
  return {
    runDate: formatDate(report.runDate, format),
    levelRun: String(report.levelRun),
    warmUp: report.warmUp,
    cameBackDuringRun: yesNoOf(report.cameBackDuringRun),
    painStartedInRun: yesNoOf(report.painStartedInRun),
    painDuring: painOf(report.painDuring),
    painAfter: painOf(report.painAfter),
    nextDay: report.nextDay,
    swelling: yesNoOf(report.swelling),
    limp: yesNoOf(report.limp),
    completed: report.completed,
    notes: report.notes ?? '',
  };
}

/** A question still to answer: its field and its words on the form. */
export interface MissingAnswer {
  field: QuestionField | 'runDate';
  question: string;
}

export interface ReportDraft {
  /** The report, when every question is answered and every value reads. */
  report: SorenessReport | null;
  /** The questions still to answer, in the form's words and order: shown calmly, not as errors. */
  missing: MissingAnswer[];
  /** Values that do not read (field -> what to fix). */
  problems: Record<string, string>;
}

export const RUN_DATE_WORDS = 'Date of the run';

/** A score as the report holds it; NaN when it is not a whole number from 0 to 10. */
function score(answer: string): number {
  return /^(10|\d)$/.test(answer) ? Number(answer) : NaN;
}

function painDuringValue(answer: Exclude<PainAnswer, ''>): SorenessReport['painDuring'] {
  return answer === 'unknown' || answer === 'not_run' ? answer : score(answer);
}

function painAfterValue(answer: Exclude<PainAnswer, '' | 'not_run'>): SorenessReport['painAfter'] {
  return answer === 'unknown' ? answer : score(answer);
}

function yesNoValue(answer: Exclude<YesNoAnswer, ''>): YesNoUnknown {
  return answer === 'unknown' ? 'unknown' : answer === 'yes';
}

/**
 * The report the answers make, or what is still missing. Every question that applies must be
 * answered ("Not known" counts as an answer); the follow-up on the warm-up is left out when it
 * does not apply.
 */
export function reportFrom(a: CheckInAnswers, format: DateFormat): ReportDraft {
  const missing: MissingAnswer[] = [];
  const problems: Record<string, string> = {};
  const runDate = a.runDate.trim() === '' ? null : parseTypedDate(a.runDate, format);
  if (a.runDate.trim() === '') missing.push({ field: 'runDate', question: RUN_DATE_WORDS });
  else if (runDate === null) {
    problems.runDate = `The run date is not a real date: enter it like ${formatDate('2026-12-03', format)}.`;
  }
  for (const q of REPORT_QUESTIONS) {
    if (questionApplies(q.field, a) && a[q.field] === '') missing.push({ field: q.field, question: q.clinician });
  }
  const painRange = 'choose a score from 0 (no pain) to 10 (worst pain), or "Not known".';
  if (a.painDuring !== '' && Number.isNaN(painDuringValue(a.painDuring))) {
    problems.painDuring = `Pain during the run: ${painRange}`;
  }
  if (a.painAfter !== '' && (a.painAfter === 'not_run' || Number.isNaN(painAfterValue(a.painAfter)))) {
    problems.painAfter = `Pain after the run: ${painRange}`;
  }
  if (a.painDuring === 'not_run' && a.completed !== '' && a.completed !== 'stopped_early') {
    problems.painDuring = '"Did not run" is only for a session stopped early: choose a score or "Not known".';
  }
  if (
    missing.length > 0 ||
    Object.keys(problems).length > 0 ||
    runDate === null ||
    a.warmUp === '' ||
    a.painStartedInRun === '' ||
    a.painDuring === '' ||
    a.painAfter === '' ||
    a.painAfter === 'not_run' ||
    a.nextDay === '' ||
    a.swelling === '' ||
    a.limp === '' ||
    a.completed === ''
  ) {
    return { report: null, missing, problems };
  }
  const report: SorenessReport = {
    runDate,
    levelRun: Number(a.levelRun),
    completed: a.completed,
    warmUp: a.warmUp,
    cameBackDuringRun: a.warmUp === 'went_away' && a.cameBackDuringRun !== '' ? yesNoValue(a.cameBackDuringRun) : null,
    painStartedInRun: yesNoValue(a.painStartedInRun),
    limp: yesNoValue(a.limp),
    nextDay: a.nextDay,
    painDuring: painDuringValue(a.painDuring),
    painAfter: painAfterValue(a.painAfter),
    swelling: yesNoValue(a.swelling),
    ...(a.notes.trim() === '' ? {} : { notes: a.notes.trim() }),
  };
  return { report, missing, problems };
}
