/**
 * The handout's exercise parts, as content blocks: the exercise section (what the pictures and
 * the dosage words mean, once, then one block per exercise with its dosage as a small grid, its
 * steps, tips, common mistakes, and easier and harder versions) and the exercise log (a row per
 * exercise, a tick box per day until the next visit, a week to a table).
 *
 * Kept apart from content.ts, which holds the running, self-check and calendar parts.
 */
import type { Dosage } from '../clinical/exercises/dosage';
import { illustrationDrawing } from '../clinical/exercises/lookup';
import type { Drawing } from '../drawing/drawing';
import type { IsoDate } from '../time/dates';
import { addDays } from '../time/dates';
import type { Block, Cell, Column, Picture, Section } from './content-blocks';
import type { Run } from './content-blocks';
import { keepUnitsTogether, text } from './content-blocks';
import type { HandoutData, HandoutExercise } from './handout-data';
import { planEnd } from './plan';
import { HANDOUT_TEXT as T, noteFrom, shortDate, weekdayOf } from './wording';

/**
 * Drawings already made from a pose scene. A Drawing is a pure function of the scene, and posing
 * a figure is most of the work of making the handout's content, so the same exercise is posed
 * once per process (and the PDF renderer can keep its operators for the same Drawing object).
 */
const drawings = new Map<string, Drawing | null>();
const DRAWING_CACHE_LIMIT = 200;

function drawingOf(
  name: string,
  illustration: Extract<HandoutExercise['illustration'], { kind: 'pose' }>,
): Drawing | null {
  const key = JSON.stringify([name, illustration]);
  let drawing = drawings.get(key);
  if (drawing === undefined) {
    if (drawings.size >= DRAWING_CACHE_LIMIT) drawings.clear();
    drawing = illustrationDrawing({ name, illustration });
    drawings.set(key, drawing);
  }
  return drawing;
}

function pictureOf(data: HandoutData, e: HandoutExercise): Picture | null {
  const illustration = e.illustration;
  if (illustration.kind === 'pose') {
    const drawing = drawingOf(e.name, illustration);
    return drawing ? { kind: 'drawing', drawing, description: illustration.description } : null;
  }
  const image = data.images.find((i) => i.id === illustration.imageId);
  return image
    ? { kind: 'image', mediaType: image.mediaType, base64: image.base64, description: illustration.description }
    : null;
}

/**
 * Rest between sets. The dosage records none, so the handout gives the usual rest for the kind
 * of work: a minute or two between sets of a strength exercise, half a minute between holds.
 */
function restWords(d: Dosage): string | null {
  if (d.sets === 1) return null;
  if (d.amount.kind === 'reps') return '1 to 2 min';
  if (d.amount.kind === 'hold') return '30 s';
  return '2 min';
}

/** The dosage as a grid of short rows: "Sets 3", "Reps 12 each side", "Rest 1 to 2 min", "Days 3 a week". */
export function dosageRows(d: Dosage): { label: string; value: string }[] {
  const side = d.perSide ? ' each side' : '';
  const rows: { label: string; value: string }[] = [];
  if (d.amount.kind !== 'time' || d.sets > 1) rows.push({ label: 'Sets', value: String(d.sets) });
  if (d.amount.kind === 'reps') rows.push({ label: 'Reps', value: `${d.amount.reps}${side}` });
  if (d.amount.kind === 'hold') rows.push({ label: 'Hold', value: `${d.amount.seconds} s${side}` });
  if (d.amount.kind === 'time') rows.push({ label: 'Time', value: `${d.amount.minutes} min${side}` });
  const rest = restWords(d);
  if (rest) rows.push({ label: 'Rest', value: rest });
  rows.push({ label: 'Days', value: d.daysPerWeek === 7 ? 'every day' : `${d.daysPerWeek} a week` });
  if (d.tempo) rows.push({ label: 'Speed', value: `${d.tempo.upSeconds} s up, ${d.tempo.downSeconds} s down` });
  if (d.effort !== undefined) rows.push({ label: 'Effort', value: `${d.effort} out of 10` });
  return rows.map((r) => ({ label: r.label, value: keepUnitsTogether(r.value) }));
}

/** The words the dosage grids use, explained once: only the ones this handout uses. */
function wordsExplained(data: HandoutData): Block | null {
  const doses = data.exercises.map((e) => e.dosage);
  const rows: { label: string; lines: Run[][] }[] = [];
  if (doses.some((d) => d.amount.kind === 'reps')) rows.push({ label: 'Rep', lines: [[text(T.wordRep)]] });
  if (doses.some((d) => d.amount.kind !== 'time' || d.sets > 1)) {
    rows.push({ label: 'Set', lines: [[text(T.wordSet)]] });
  }
  if (doses.some((d) => d.amount.kind === 'hold')) rows.push({ label: 'Hold', lines: [[text(T.wordHold)]] });
  if (doses.some((d) => d.effort !== undefined)) rows.push({ label: 'Effort 3/10', lines: [[text(T.wordEffort)]] });
  return rows.length === 0 ? null : { kind: 'facts', rows };
}

export function exercisesSection(data: HandoutData): Section {
  const blocks: Block[] = [{ kind: 'paragraph', runs: [text(T.exercisesIntro)] }];
  if (data.exercises.some((e) => e.illustration.kind === 'pose')) {
    blocks.push({ kind: 'paragraph', runs: [text(T.exercisePictures)] });
  }
  const words = wordsExplained(data);
  if (words) blocks.push({ kind: 'paragraph', runs: [text(T.exerciseWords, true)], keepWithNext: true }, words);
  blocks.push(
    ...data.exercises.map((e, i): Block => ({
      kind: 'exercise',
      number: i + 1,
      name: e.name,
      purpose: e.purpose,
      dosage: dosageRows(e.dosage),
      start: e.startingPosition,
      steps: e.steps,
      tips: e.cues,
      mistakes: e.mistakes,
      easier: e.easier,
      harder: e.harder,
      note: e.note.trim() === '' ? null : { label: noteFrom(data.clinician.name), text: e.note.trim() },
      picture: pictureOf(data, e),
    })),
  );
  return { id: 'exercises', title: T.exercises, blocks };
}

/** Days in the exercise log: from the day after the handout until the next visit, two weeks at most. */
const MAX_LOG_DAYS = 14;

export function exerciseLogDays(data: Pick<HandoutData, 'issuedOn' | 'nextVisit'>): IsoDate[] {
  const end = planEnd(data.issuedOn, data.nextVisit);
  const days: IsoDate[] = [];
  for (let d = addDays(data.issuedOn, 1); d < end && days.length < MAX_LOG_DAYS; d = addDays(d, 1)) days.push(d);
  return days;
}

const TICK: Cell = { kind: 'tick' };
const BLANK: Cell = { kind: 'text', runs: [] };

/** A row per exercise and a tick box per day, a week to a table; a last row for the day's pain. */
export function exerciseLogSection(data: HandoutData): Section | null {
  if (data.exercises.length === 0) return null;
  const days = exerciseLogDays(data);
  if (days.length === 0) return null;
  const weeks: IsoDate[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  const blocks: Block[] = [{ kind: 'paragraph', runs: [text(T.exerciseLogIntro)], keepWithNext: true }];
  weeks.forEach((week, w) => {
    const first = week[0]!;
    const last = week[week.length - 1]!;
    const columns: Column[] = [
      { header: T.exerciseLogExercise, weight: 5.7 },
      ...week.map((d): Column => ({ header: `${weekdayOf(d)}\n${Number(d.slice(8))}`, weight: 1 })),
      // A short last week keeps the same column widths as a full one.
      ...Array.from({ length: 7 - week.length }, (): Column => ({ header: '', weight: 1 })),
    ];
    const pad = Array.from({ length: 7 - week.length }, (): Cell => BLANK);
    blocks.push({
      kind: 'paragraph',
      runs: [text(`Week ${w + 1}: ${shortDate(first, data.dateOrder)} to ${shortDate(last, data.dateOrder)}`, true)],
      keepWithNext: true,
      spaceBefore: 12,
    });
    blocks.push({
      kind: 'table',
      columns,
      rows: [
        ...data.exercises.map((e, i): Cell[] => [
          { kind: 'text', runs: [text(`${i + 1}. ${e.name}`)] },
          ...week.map(() => TICK),
          ...pad,
        ]),
        [{ kind: 'text', runs: [text(T.exerciseLogPain, true)] }, ...week.map(() => BLANK), ...pad],
      ],
      rowStyle: 'text',
      keepTogether: true,
    });
  });
  return { id: 'exercise-log', title: T.exerciseLog, blocks };
}
