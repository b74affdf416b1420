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
import { longDate } from '../clinical/wording';
import { addDays } from '../time/dates';
import { exerciseLogSection, exercisesSection } from './exercises-section';
import type { HandoutContent, Run, Section } from './content-blocks';
import { text } from './content-blocks';
import { logSection, runningSection, selfCheckSection } from './running-sections';
import { stopAndCallSection, urgentSection } from './safety-sections';
import type { HandoutData, HandoutExercise } from './handout-data';
import { planEnd } from './plan';
import {
  dateWithYear,
  planEndWords,
  fullDate,
  HANDOUT_TEXT as T,
  howOftenWords,
  levelName,
  levelWords,
  restWords,
  shortDosage,
} from './wording';

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
