/**
 * The check-in form's answers, asked the way a patient talks ("Did it hurt during the warm-up?
 * Did it go away? Did it come back?"), and the soreness report they make. Pure: no React.
 */
import type { NextDayAnswer, SorenessReport } from '../../../shared/clinical/soreness-report';
import type { DateFormat } from '../../../shared/time/dates';
import { formatDate, parseTypedDate } from '../../../shared/time/dates';

export type YesNo = '' | 'yes' | 'no';

export interface CheckInAnswers {
  runDate: string;
  levelRun: string;
  hurtInWarmUp: YesNo;
  wentAway: YesNo;
  cameBack: YesNo;
  nextDay: NextDayAnswer | '';
  swelling: YesNo;
  painDuring: string;
  painAfter: string;
  notes: string;
}

export function emptyAnswers(levelRun: number): CheckInAnswers {
  return {
    runDate: '',
    levelRun: String(levelRun),
    hurtInWarmUp: '',
    wentAway: '',
    cameBack: '',
    nextDay: '',
    swelling: '',
    painDuring: '',
    painAfter: '',
    notes: '',
  };
}

/** The answers of a stored report, to correct it. */
export function answersOf(report: SorenessReport, format: DateFormat): CheckInAnswers {
  return {
    runDate: formatDate(report.runDate, format),
    levelRun: String(report.levelRun),
    hurtInWarmUp: report.warmUp === 'none' ? 'no' : 'yes',
    wentAway: report.warmUp === 'none' ? '' : report.warmUp === 'went_away' ? 'yes' : 'no',
    cameBack: report.warmUp !== 'went_away' ? '' : report.cameBackDuringRun ? 'yes' : 'no',
    nextDay: report.nextDay,
    swelling: report.swelling === undefined ? '' : report.swelling ? 'yes' : 'no',
    painDuring: report.painDuring === undefined ? '' : String(report.painDuring),
    painAfter: report.painAfter === undefined ? '' : String(report.painAfter),
    notes: report.notes ?? '',
  };
}

/** A pain score as typed: undefined when empty, NaN when it does not read as a whole number. */
function score(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

export interface ReportDraft {
  /** The report, when every required question is answered and every value reads. */
  report: SorenessReport | null;
  /** What is still to answer, as the questions a clinician asks: shown calmly, not as errors. */
  missing: string[];
  /** Values that do not read (field -> what to fix). */
  problems: Record<string, string>;
}

/** The report the answers make, or what is still missing. Questions that do not apply are left out. */
export function reportFrom(a: CheckInAnswers, format: DateFormat): ReportDraft {
  const missing: string[] = [];
  const problems: Record<string, string> = {};
  const runDate = a.runDate.trim() === '' ? null : parseTypedDate(a.runDate, format);
  if (a.runDate.trim() === '') missing.push('the date of the run');
  else if (runDate === null) {
    problems.runDate = `The run date is not a real date: enter it like ${formatDate('2026-12-03', format)}.`;
  }
  if (a.hurtInWarmUp === '') missing.push('did it hurt during the warm-up?');
  else if (a.hurtInWarmUp === 'yes' && a.wentAway === '') missing.push('did it go away?');
  else if (a.hurtInWarmUp === 'yes' && a.wentAway === 'yes' && a.cameBack === '') missing.push('did it come back?');
  if (a.nextDay === '') missing.push('how did it feel the day after?');
  const painDuring = score(a.painDuring);
  const painAfter = score(a.painAfter);
  const painRange = 'enter a whole number from 0 (no pain) to 10 (worst pain), or leave it empty.';
  if (Number.isNaN(painDuring) || (painDuring ?? 0) > 10) problems.painDuring = `Pain during the run: ${painRange}`;
  if (Number.isNaN(painAfter) || (painAfter ?? 0) > 10) problems.painAfter = `Pain after the run: ${painRange}`;
  if (missing.length > 0 || Object.keys(problems).length > 0 || runDate === null || a.nextDay === '') {
    return { report: null, missing, problems };
  }
  const warmUp = a.hurtInWarmUp === 'no' ? 'none' : a.wentAway === 'yes' ? 'went_away' : 'continued';
  const report: SorenessReport = {
    runDate,
    levelRun: Number(a.levelRun),
    warmUp,
    cameBackDuringRun: warmUp === 'went_away' ? a.cameBack === 'yes' : null,
    nextDay: a.nextDay,
    ...(painDuring === undefined ? {} : { painDuring }),
    ...(painAfter === undefined ? {} : { painAfter }),
    ...(a.swelling === '' ? {} : { swelling: a.swelling === 'yes' }),
    ...(a.notes.trim() === '' ? {} : { notes: a.notes.trim() }),
  };
  return { report, missing, problems };
}
