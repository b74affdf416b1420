/**
 * A programme as the settings editor holds it: numbers as the clinician typed them, distances and
 * speeds in the clinic's unit (km or mi), and back. The stored programme keeps metres and km/h
 * (shared/clinical/units.ts); the schema then says what to fix, level by level.
 */
import type { Activity, EffortCue, Measure, Programme, RunLevel, Surface } from '../../../shared/clinical/programme';
import { formatNumber, METRES_PER_KM, METRES_PER_MILE, mph } from '../../../shared/clinical/units';
import type { DistanceUnit } from '../../../shared/domain/settings';

export type EffortKind = EffortCue['kind'];

/**
 * A number as the clinician sees and types it. `exact` keeps the stored value while the text is
 * untouched, so a distance shown as "0.1 mi" is saved back as the 160.9344 m it was, not as the
 * metres of the rounded text (an unedited level must not change).
 */
export interface TypedAmount {
  text: string;
  exact: number | null;
}

/** What the clinician typed: no stored value behind it any more. */
export function typed(text: string): TypedAmount {
  return { text, exact: null };
}

export interface BoutDraft {
  activity: Activity;
  amount: TypedAmount;
}

export interface LevelDraft {
  /** Stable across moves, for React lists. */
  key: string;
  title: string;
  measure: Measure;
  bouts: BoutDraft[];
  repeat: 'times' | 'total';
  repetitions: string;
  totalMeasure: Measure;
  totalAmount: TypedAmount;
  effortKind: EffortKind;
  effortText: string;
  rpe: string;
  rpeWords: string;
  runSpeed: TypedAmount;
  walkSpeed: TypedAmount;
  percent: string;
  surface: Surface;
  sessionsPerWeek: string;
  minRestDays: string;
  cleanSessionsToAdvance: string;
  entryCheck: string;
  notes: string;
}

export interface ProgrammeDraft {
  name: string;
  summary: string;
  source: string;
  warmUpDescription: string;
  warmUpMinutes: string;
  maxAdvancesPer7Days: string;
  painLimit: string;
  levels: LevelDraft[];
}

const perUnit = (units: DistanceUnit) => (units === 'km' ? METRES_PER_KM : METRES_PER_MILE);

function shownAmount(measure: Measure, amount: number, units: DistanceUnit): TypedAmount {
  const text = measure === 'time' ? formatNumber(amount, 2) : formatNumber(amount / perUnit(units), 3);
  return { text, exact: amount };
}

function shownSpeed(kmh: number, units: DistanceUnit): TypedAmount {
  return { text: formatNumber(units === 'km' ? kmh : kmh / mph(1), 2), exact: kmh };
}

/** A typed number; NaN when empty or unreadable, so the schema asks for it. Accepts "2,5". */
export function typedNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return t === '' || !/^-?\d*\.?\d+$/.test(t) ? NaN : Number(t);
}

function typedAmount(measure: Measure, amount: TypedAmount, units: DistanceUnit): number {
  if (amount.exact !== null) return amount.exact;
  const n = typedNumber(amount.text);
  // Metres to the millimetre: enough, and free of float noise.
  return measure === 'time' ? n : Math.round(n * perUnit(units) * 1000) / 1000;
}

function typedSpeed(speed: TypedAmount, units: DistanceUnit): number {
  if (speed.exact !== null) return speed.exact;
  const n = typedNumber(speed.text);
  return units === 'km' ? n : Math.round(mph(n) * 1000) / 1000;
}

let nextKey = 0;
export function newKey(): string {
  nextKey += 1;
  return `level-${nextKey}`;
}

export function levelDraftOf(level: RunLevel, units: DistanceUnit): LevelDraft {
  const e = level.effort;
  return {
    key: newKey(),
    title: level.title,
    measure: level.measure,
    bouts: level.bouts.map((b) => ({ activity: b.activity, amount: shownAmount(level.measure, b.amount, units) })),
    repeat: level.untilTotal === null ? 'times' : 'total',
    repetitions: level.repetitions === null ? '1' : String(level.repetitions),
    totalMeasure: level.untilTotal?.measure ?? level.measure,
    totalAmount: level.untilTotal ? shownAmount(level.untilTotal.measure, level.untilTotal.amount, units) : typed(''),
    effortKind: e.kind,
    effortText: e.kind === 'words' ? e.text : '',
    rpe: e.kind === 'rpe' ? String(e.rpe) : '',
    rpeWords: e.kind === 'rpe' ? e.words : '',
    runSpeed: e.kind === 'speed' ? shownSpeed(e.runKmh, units) : typed(''),
    walkSpeed: e.kind === 'speed' && e.walkKmh !== null ? shownSpeed(e.walkKmh, units) : typed(''),
    percent: e.kind === 'top_speed' ? String(e.percent) : '',
    surface: level.surface,
    sessionsPerWeek: String(level.sessionsPerWeek),
    minRestDays: String(level.minRestDays),
    cleanSessionsToAdvance: String(level.cleanSessionsToAdvance),
    entryCheck: level.entryCheck,
    notes: level.notes,
  };
}

export function programmeDraftOf(p: Programme, units: DistanceUnit): ProgrammeDraft {
  return {
    name: p.name,
    summary: p.summary,
    source: p.source,
    warmUpDescription: p.warmUp.description,
    warmUpMinutes: String(p.warmUp.minutes),
    maxAdvancesPer7Days: p.maxAdvancesPer7Days === null ? '' : String(p.maxAdvancesPer7Days),
    painLimit: p.painLimit === null ? '' : String(p.painLimit),
    levels: p.levels.map((l) => levelDraftOf(l, units)),
  };
}

function effortOf(d: LevelDraft, units: DistanceUnit): EffortCue {
  switch (d.effortKind) {
    case 'words':
      return { kind: 'words', text: d.effortText };
    case 'rpe':
      return { kind: 'rpe', rpe: typedNumber(d.rpe), words: d.rpeWords };
    case 'speed':
      return {
        kind: 'speed',
        runKmh: typedSpeed(d.runSpeed, units),
        walkKmh: d.walkSpeed.text.trim() === '' ? null : typedSpeed(d.walkSpeed, units),
      };
    case 'top_speed':
      return { kind: 'top_speed', percent: typedNumber(d.percent) };
  }
}

/** The level the draft describes, numbered by its position; the schema checks it. */
export function levelOf(d: LevelDraft, number: number, units: DistanceUnit): RunLevel {
  return {
    number,
    title: d.title,
    measure: d.measure,
    bouts: d.bouts.map((b) => ({ activity: b.activity, amount: typedAmount(d.measure, b.amount, units) })),
    repetitions: d.repeat === 'times' ? typedNumber(d.repetitions) : null,
    untilTotal:
      d.repeat === 'total'
        ? { measure: d.totalMeasure, amount: typedAmount(d.totalMeasure, d.totalAmount, units) }
        : null,
    effort: effortOf(d, units),
    surface: d.surface,
    sessionsPerWeek: typedNumber(d.sessionsPerWeek),
    minRestDays: typedNumber(d.minRestDays),
    cleanSessionsToAdvance: typedNumber(d.cleanSessionsToAdvance),
    entryCheck: d.entryCheck,
    notes: d.notes,
  };
}

/** The programme the draft describes, keeping what an edit does not change (id, version, basedOn). */
export function programmeOf(base: Programme, d: ProgrammeDraft, units: DistanceUnit): Programme {
  const limit = (text: string) => (text.trim() === '' ? null : typedNumber(text));
  return {
    id: base.id,
    version: base.version,
    basedOn: base.basedOn,
    name: d.name,
    summary: d.summary,
    source: d.source,
    warmUp: { description: d.warmUpDescription, minutes: typedNumber(d.warmUpMinutes) },
    maxAdvancesPer7Days: limit(d.maxAdvancesPer7Days),
    painLimit: limit(d.painLimit),
    levels: d.levels.map((l, i) => levelOf(l, i + 1, units)),
  };
}

/** The level measured another way: amounts typed for the old measure no longer stand for a stored value. */
export function withMeasure(level: LevelDraft, measure: Measure): LevelDraft {
  return { ...level, measure, bouts: level.bouts.map((b) => ({ ...b, amount: typed(b.amount.text) })) };
}

/** A new level after `after`: a copy of it, so the clinician edits what changes. */
export function levelAfter(after: LevelDraft): LevelDraft {
  return { ...after, key: newKey(), bouts: after.bouts.map((b) => ({ ...b })), title: '', entryCheck: '', notes: '' };
}

/** Unit labels for the editor: "min", "km", "mi", "km/h", "mph". */
export function amountUnit(measure: Measure, units: DistanceUnit): string {
  return measure === 'time' ? 'min' : units;
}

export function speedUnit(units: DistanceUnit): string {
  return units === 'km' ? 'km/h' : 'mph';
}
