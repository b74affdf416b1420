/**
 * What the readable PDF of a patient's record says, part by part, as the same content blocks the
 * handout uses (shared/handout/content.ts): words, facts, tables and boxes, with no geometry.
 * Written for a clinician or a receiving doctor, not for the patient: clinical terms, every
 * signature with who and when, drafts marked as drafts, positive red flags in a box of their own.
 *
 * Order: the patient's details, then each episode of care, newest first: the episode, the intake
 * (running history, symptoms, red-flag screen, measures and tests, readiness and the starting
 * point), the notes (oldest visit first, each with its signed addenda), the running programmes
 * with their check-ins as a table, the home exercise prescriptions (every version), the handouts
 * given; and a closing line about the document itself. A part with nothing in it says so in one
 * line rather than print an empty table.
 */
import { describeDosage } from '../clinical/exercises/dosage';
import { SIDE_LABELS } from '../clinical/intake/episode';
import { episodeLines, positiveRedFlags, runningLines, symptomLines } from '../clinical/intake/note-text';
import { RECOMMENDATION_LABELS } from '../clinical/intake/readiness';
import { objectiveLines } from '../clinical/intake/soap';
import { startingPointLine } from '../clinical/intake/starting-point';
import type { NextDayAnswer, SorenessReport, WarmUpAnswer } from '../clinical/soreness-report';
import { NOTE_KIND_LABELS } from '../domain/notes';
import type { ClinicalNote, Signer } from '../domain/notes';
import { patientDisplayName, SEX_LABELS } from '../domain/patient';
import type { CheckInEntry } from '../domain/running';
import type { Block, Cell, Run } from '../handout/content-blocks';
import { formatDate } from '../time/dates';
import type { PatientRecordData, RecordCourse, RecordEpisode } from './record-data';

export interface RecordSection {
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface RecordContent {
  readonly documentTitle: string;
  readonly title: string;
  readonly byline: readonly Run[];
  readonly header: {
    readonly clinicName: string;
    readonly contact: string;
    readonly exported: string;
    readonly patientName: string;
    readonly patientLine: string;
  };
  readonly sections: readonly RecordSection[];
}

const text = (t: string, bold = false): Run[] => [bold ? { text: t, bold } : { text: t }];
const cell = (t: string, bold = false): Cell => ({ kind: 'text', runs: text(t, bold) });
const para = (t: string | readonly Run[], keepWithNext = false): Block => ({
  kind: 'paragraph',
  runs: typeof t === 'string' ? text(t) : t,
  ...(keepWithNext ? { keepWithNext } : {}),
});
const heading = (t: string): Block => ({ kind: 'heading', text: t });
/** The title line of a group (a note, a programme, a prescription version): more space above, kept with what follows. */
const groupTitle = (runs: readonly Run[]): Block => ({ kind: 'paragraph', runs, keepWithNext: true, spaceBefore: 16 });

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The words of the record, for one patient's data. */
export function recordContent(data: PatientRecordData): RecordContent {
  const date = (d: string) => formatDate(d, data.dateFormat);
  /** A moment in the clinic's date format and the computer's local time: "27/11/2026 10:42". */
  const when = (iso: string) => {
    const t = new Date(iso);
    const day = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
    return `${date(day)} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
  };
  const signerText = (s: Signer) =>
    [s.name, s.profession, s.registrationNumber === '' ? '' : `reg. ${s.registrationNumber}`]
      .filter((p) => p !== '')
      .join(', ');

  const p = data.patient;
  const name = patientDisplayName(p);
  const by = data.exportedBy;
  const contact = [data.clinic.phone, data.clinic.email].filter((c) => c !== '').join(' · ');

  const details: Block = {
    kind: 'facts',
    rows: [
      { label: 'Name', lines: [text(name, true)] },
      { label: 'Record no.', lines: [text(p.recordNumber)] },
      { label: 'Born', lines: [text(date(p.dateOfBirth))] },
      { label: 'Sex', lines: [text(SEX_LABELS[p.sex])] },
      ...(p.phone === '' ? [] : [{ label: 'Phone', lines: [text(p.phone)] }]),
      ...(p.email === '' ? [] : [{ label: 'Email', lines: [text(p.email)] }]),
      ...(p.notes.trim() === '' ? [] : factsOf('Notes', p.notes).rows),
      {
        label: 'Status',
        lines: [text(p.archivedAt ? `Archived on ${when(p.archivedAt)}` : 'Active')],
      },
    ],
  };

  const sections: RecordSection[] = [{ title: 'Patient', blocks: [details] }];
  if (data.episodes.length === 0) {
    sections.push({ title: 'Episodes of care', blocks: [para('No episode of care is recorded.')] });
  }
  data.episodes.forEach((e, i) => {
    sections.push({
      title: `Episode ${data.episodes.length - i}: ${e.episode.title}`,
      blocks: episodeBlocks(e, { date, when, signerText }),
    });
  });
  sections.push({
    title: 'About this document',
    blocks: [
      para(
        `Generated by Stride Clinic version ${data.appVersion} from the records of ${data.clinic.name} on ` +
          `${date(data.exportedOn)}, by ${by.name}. It holds this patient’s record only. ` +
          'This file is not encrypted: handle it with care, send it only by a secure route, and delete it when it is no longer needed.',
      ),
    ],
  });

  return {
    documentTitle: `Clinical record: ${name} (${p.recordNumber})`,
    title: 'Clinical record',
    byline: [
      { text: `The full record of ` },
      { text: name, bold: true },
      {
        text: `, exported on ${date(data.exportedOn)} by ${signerText({ clinicianId: 1, ...by })}, for a referral or the patient’s own request. ${countWords(data.episodes.length, 'episode of care', 'episodes of care')}, newest first.`,
      },
    ],
    header: {
      clinicName: data.clinic.name,
      contact,
      exported: `Exported ${date(data.exportedOn)} by ${by.name}`,
      patientName: name,
      patientLine: `Record ${p.recordNumber} · born ${date(p.dateOfBirth)}`,
    },
    sections,
  };
}

function countWords(n: number, one: string, many: string): string {
  return `${n === 0 ? 'No' : n} ${n === 1 ? one : many}`;
}

interface Formats {
  date(d: string): string;
  when(iso: string): string;
  signerText(s: Signer): string;
}

const STATUS_WORDS = { open: 'Open', closed: 'Discharged' } as const;

function episodeBlocks(e: RecordEpisode, f: Formats): Block[] {
  const ep = e.episode;
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        {
          label: 'Diagnosis',
          lines: [
            text(
              ep.diagnosisDetail.trim() !== '' && ep.diagnosis !== 'other'
                ? `${ep.title} (${ep.diagnosisDetail.trim()})`
                : ep.title,
            ),
          ],
        },
        { label: 'Side', lines: [text(SIDE_LABELS[ep.side])] },
        { label: 'Onset', lines: [text(ep.onsetDate ? f.date(ep.onsetDate) : 'Not recorded')] },
        {
          label: 'Status',
          lines: [
            text(
              `${STATUS_WORDS[ep.status]}: opened ${f.date(ep.openedOn)}${ep.closedOn ? `, discharged ${f.date(ep.closedOn)}` : ''}`,
            ),
          ],
        },
      ],
    },
  ];
  blocks.push(...intakeBlocks(e, f));
  blocks.push(...notesBlocks(e.notes, e, f));
  blocks.push(...runningBlocks(e.courses, f));
  blocks.push(...prescriptionBlocks(e, f));
  blocks.push(...handoutBlocks(e, f));
  return blocks;
}

function linesBlock(lines: readonly string[]): Block[] {
  return lines.map((l) => para(l));
}

function intakeBlocks(e: RecordEpisode, f: Formats): Block[] {
  const intake = e.intake;
  if (!intake) return [heading('Intake'), para('No intake is recorded for this episode.')];
  const draft = intake.draft;
  const status =
    intake.status === 'signed' && intake.signedAt && intake.signedBy
      ? `Signed by ${f.signerText(intake.signedBy)} on ${f.when(intake.signedAt)}.`
      : `Unsigned draft, last changed ${f.when(intake.updatedAt)}.`;
  const blocks: Block[] = [heading('Intake'), para(text(status, intake.status !== 'signed'))];

  const flags = positiveRedFlags(draft);
  if (flags.length > 0) {
    blocks.push({
      kind: 'box',
      tone: 'urgent',
      title: `Red flag positive (${flags.length})`,
      blocks: [
        { kind: 'bullets', items: flags.map((fl) => text(fl, true)) },
        para('Assess further or refer before running.'),
      ],
    });
  }

  const history = [...episodeLines(draft), ...runningLines(draft)];
  if (history.length > 0) blocks.push(para(text('Injury and running history', true), true), ...linesBlock(history));
  const symptoms = symptomLines(draft);
  if (symptoms.length > 0) blocks.push(para(text('Symptoms and red-flag screen', true), true), ...linesBlock(symptoms));

  const tests = objectiveLines(draft, {
    thresholds: intake.thresholds,
    ...(intake.previousLefs ? { previousLefs: intake.previousLefs } : {}),
    withReadiness: false,
  });
  if (tests.length > 0) {
    blocks.push(para(text('Outcome measures and physical tests', true), true));
    blocks.push({ kind: 'bullets', items: tests.map((t) => text(t)) });
  }

  const readiness = intake.readiness;
  if (readiness) {
    blocks.push(para(text('Readiness to run (at signing)', true), true));
    blocks.push(para(readiness.headline));
    const criteria = readiness.criteria.filter((c) => c.status !== 'not_applicable');
    if (criteria.length > 0) {
      blocks.push({
        kind: 'table',
        rowStyle: 'text',
        compact: true,
        columns: [
          { header: 'Criterion', weight: 2 },
          { header: 'Result', weight: 1 },
          { header: 'Why', weight: 3 },
        ],
        rows: criteria.map((c) => [cell(c.label), cell(CRITERION_WORDS[c.status], c.status !== 'met'), cell(c.reason)]),
      });
    }
  } else {
    // The readiness lines as the draft note has them now, criteria not met and not tested named.
    const lines = objectiveLines(draft, { thresholds: intake.thresholds }).filter((l) => !tests.includes(l));
    if (lines.length > 0)
      blocks.push(para(text('Readiness to run (draft, not signed)', true), true), ...linesBlock(lines));
  }

  const decision = intake.decision;
  if (decision) {
    blocks.push(para(text('Starting point', true), true));
    blocks.push(
      para(
        `${startingPointLine(decision.recommended, decision.choice, decision.reason)} ` +
          `Decided by ${decision.decidedBy.name} on ${f.when(decision.decidedAt)}.` +
          (intake.decisionOutdated ? ' The readiness result changed after this choice.' : ''),
      ),
    );
  } else if (readiness) {
    blocks.push(para(`Recommended: ${RECOMMENDATION_LABELS[readiness.recommendation]} No starting point was chosen.`));
  }
  return blocks;
}

const CRITERION_WORDS = { met: 'Met', not_met: 'Not met', not_tested: 'Not tested', not_applicable: '' } as const;

/** Longest piece of one paragraph in one unit: a long paragraph still breaks across pages. */
const CHUNK = 700;

/** A paragraph as pieces of at most CHUNK characters, cut between words. */
function chunks(line: string): string[] {
  if (line.length <= CHUNK) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > CHUNK) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') out.push(current);
  return out;
}

/**
 * A labelled text (a note's section, an addendum) as facts rows: the label beside the first
 * paragraph, one row per paragraph (each a unit of its own), so a long note breaks across pages.
 */
function factsOf(label: string, body: string, first?: Run[]): Extract<Block, { kind: 'facts' }> {
  const lines = body
    .trim()
    .split(/\r?\n/)
    .flatMap((l) => chunks(l.trimEnd()));
  const rows = lines.map((l, i) => ({ label: i === 0 && !first ? label : '', lines: [text(l === '' ? ' ' : l)] }));
  return { kind: 'facts', rows: first ? [{ label, lines: [first] }, ...rows] : rows };
}

function noteBlocks(note: ClinicalNote, f: Formats): Block[] {
  const kind = NOTE_KIND_LABELS[note.kind];
  const signed = note.status === 'signed' && note.signedAt && note.signedBy;
  const title: Run[] = [
    { text: `${kind} note, ${f.date(note.visitDate)}`, bold: true },
    {
      text: signed
        ? ` · signed by ${f.signerText(note.signedBy!)} on ${f.when(note.signedAt!)}`
        : ` · UNSIGNED DRAFT, last changed ${f.when(note.updatedAt)}`,
      bold: !signed,
    },
  ];
  const blocks: Block[] = [groupTitle(title)];
  if (note.alerts.length > 0) {
    blocks.push(para([{ text: 'Red flag positive: ', bold: true }, { text: note.alerts.join('; ') }]));
  }
  const parts = (
    [
      ['Subjective', note.subjective],
      ['Objective', note.objective],
      ['Assessment', note.assessment],
      ['Plan', note.plan],
    ] as const
  ).filter(([, t]) => t.trim() !== '');
  if (parts.length === 0) blocks.push(para('(Nothing written.)'));
  for (const [label, t] of parts) blocks.push(factsOf(label, t));
  for (const a of note.addenda) {
    blocks.push(
      factsOf('Addendum', a.text, text(`Signed by ${f.signerText(a.signedBy)} on ${f.when(a.signedAt)}`, true)),
    );
  }
  return blocks;
}

function notesBlocks(notes: readonly ClinicalNote[], e: RecordEpisode, f: Formats): Block[] {
  if (notes.length === 0) return [heading('Clinical notes'), para('No notes are recorded for this episode.')];
  const intakeNote = e.intake?.note;
  return [
    heading(`Clinical notes (${notes.length})`),
    // The intake's draft note is shown as it would be signed now, like the app shows it.
    ...notes.flatMap((n) =>
      noteBlocks(intakeNote && intakeNote.id === n.id && n.status === 'draft' ? intakeNote : n, f),
    ),
  ];
}

const WARM_UP_WORDS: Readonly<Record<WarmUpAnswer, string>> = {
  none: 'none',
  went_away: 'went away',
  continued: 'continued',
  unknown: 'not known',
};
const NEXT_DAY_WORDS: Readonly<Record<NextDayAnswer, string>> = {
  none: 'none',
  muscular: 'general muscle soreness only',
  injury_site: 'at the injury site',
  not_muscular: 'not muscular',
  unknown: 'not known',
};

function sorenessWords(r: SorenessReport): string {
  const warm =
    r.warmUp === 'went_away' && r.cameBackDuringRun === true
      ? 'went away, came back'
      : r.warmUp === 'went_away' && r.cameBackDuringRun === 'unknown'
        ? 'went away (came back: not known)'
        : WARM_UP_WORDS[r.warmUp];
  const extra = [
    r.painStartedInRun === true ? ' Pain started in the run.' : '',
    r.limp === true ? ' Limp.' : '',
    r.swelling === true ? ' Swelling.' : '',
    r.completed === 'stopped_early' ? ' Stopped early.' : '',
  ].join('');
  return `Warm-up: ${warm}. Next day: ${NEXT_DAY_WORDS[r.nextDay]}.${extra}`;
}

function painWords(r: SorenessReport): string {
  const score = (p: SorenessReport['painDuring']) =>
    p === 'unknown' ? 'not known' : p === 'not_run' ? 'did not run' : String(p);
  const notKnown = [
    r.limp === 'unknown' ? 'limp' : null,
    r.swelling === 'unknown' ? 'swelling' : null,
    r.painStartedInRun === 'unknown' ? 'pain started in the run' : null,
  ].filter((x) => x !== null);
  return `during ${score(r.painDuring)}, after ${score(r.painAfter)}${notKnown.length > 0 ? `; not known: ${notKnown.join(', ')}` : ''}`;
}

function checkInRow(c: CheckInEntry, f: Formats): Cell[] {
  const d = c.decision;
  const decision: Run[] = [
    // "to", not an arrow: the embedded font has no arrow glyph.
    { text: `Level ${d.levelBefore} to ${d.levelAfter}, ${d.daysOff} ${d.daysOff === 1 ? 'day' : 'days'} off. ` },
    // A no-break space keeps "Rule 5:" on one line.
    { text: `Rule\u00a0${d.governingRule}: `, bold: true },
    { text: c.governingCondition },
  ];
  const outcome: Run[] = c.override
    ? [
        { text: 'Overridden: ', bold: true },
        {
          text: `level ${c.override.levelAfter}, ${c.override.daysOff} ${c.override.daysOff === 1 ? 'day' : 'days'} off. Reason: ${c.override.reason} (${c.recordedBy})`,
        },
      ]
    : text(`Confirmed (${c.recordedBy})`);
  const run: Run[] = [{ text: f.date(c.report.runDate), bold: true }, { text: `\nlevel ${c.report.levelRun}` }];
  if (c.correctsId !== null) {
    outcome.push({
      text: `\nCorrects the entry for ${f.date(c.correctsRunDate ?? c.report.runDate)}: ${c.correctionReason}`,
    });
  }
  if (c.correctedById !== null) run.push({ text: '\n(corrected below)', bold: true });
  if (c.report.notes && c.report.notes.trim() !== '') outcome.push({ text: `\nPatient: ${c.report.notes.trim()}` });
  return [
    { kind: 'text', runs: run },
    cell(sorenessWords(c.report)),
    cell(painWords(c.report)),
    { kind: 'text', runs: decision },
    { kind: 'text', runs: outcome },
  ];
}

function courseBlocks(course: RecordCourse, f: Formats): Block[] {
  const a = course.assignment;
  const blocks: Block[] = [
    groupTitle([
      { text: a.programme.name, bold: true },
      {
        text: ` (${a.programme.levels.length} levels): given on ${f.date(a.assignedOn)} by ${a.assignedBy}, starting at level ${a.startLevel}; rule set: ${a.ruleSetName}.${a.reason.trim() === '' ? '' : ` Reason for the change: ${a.reason.trim()}`}`,
      },
    ]),
  ];
  if (course.checkIns.length === 0) {
    blocks.push(para('No check-ins recorded with this programme.'));
    return blocks;
  }
  blocks.push({
    kind: 'table',
    rowStyle: 'text',
    compact: true,
    columns: [
      { header: 'Run', weight: 1.5 },
      { header: 'Soreness', weight: 1.8 },
      { header: 'Pain (0–10)', weight: 1.2 },
      { header: 'Decision and governing rule', weight: 2.85 },
      { header: 'Confirmed or changed by', weight: 1.9 },
    ],
    rows: course.checkIns.map((c) => checkInRow(c, f)),
  });
  return blocks;
}

function runningBlocks(courses: readonly RecordCourse[], f: Formats): Block[] {
  if (courses.length === 0) return [heading('Running programme'), para('No running programme was given.')];
  const count = courses.reduce((n, c) => n + c.checkIns.length, 0);
  return [heading(`Running programme and check-ins (${count})`), ...courses.flatMap((c) => courseBlocks(c, f))];
}

function prescriptionBlocks(e: RecordEpisode, f: Formats): Block[] {
  if (e.prescriptions.length === 0) {
    return [heading('Home exercises'), para('No home exercises were prescribed.')];
  }
  const newest = e.prescriptions[e.prescriptions.length - 1]!.version;
  return [
    heading('Home exercises'),
    ...e.prescriptions.flatMap((rx): Block[] => [
      groupTitle([
        { text: `Version ${rx.version}${rx.version === newest ? ' (current)' : ''}`, bold: true },
        { text: `, saved ${f.when(rx.savedAt)} by ${rx.savedBy}` },
      ]),
      rx.items.length === 0
        ? para('Home exercises stopped (no exercises).')
        : {
            kind: 'table',
            rowStyle: 'text',
            compact: true,
            columns: [
              { header: '#', weight: 0.35 },
              { header: 'Exercise', weight: 2.2 },
              { header: 'Dosage', weight: 2.6 },
              { header: 'Note', weight: 2.2 },
            ],
            rows: rx.items.map((item) => [
              cell(String(item.position)),
              cell(item.exercise.name),
              cell(describeDosage(item.dosage)),
              cell(item.note),
            ]),
          },
    ]),
  ];
}

function handoutBlocks(e: RecordEpisode, f: Formats): Block[] {
  if (e.handouts.length === 0) return [heading('Handouts given'), para('No handout was given.')];
  return [
    heading(`Handouts given (${e.handouts.length})`),
    {
      kind: 'table',
      rowStyle: 'text',
      compact: true,
      columns: [
        { header: 'Given', weight: 1.2 },
        { header: 'Running level', weight: 1.6 },
        { header: 'Clinician', weight: 1.3 },
        { header: 'SHA-256 of the PDF', weight: 2.7 },
      ],
      rows: e.handouts.map((h) => [
        cell(f.when(h.issuedAt)),
        cell(h.levelSummary === '' ? 'No running plan' : h.levelSummary),
        cell(h.clinicianName),
        cell(h.sha256),
      ]),
    },
  ];
}
