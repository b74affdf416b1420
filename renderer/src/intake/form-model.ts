/**
 * The intake form's state: what the clinician typed, as text, keyed by the draft's own paths
 * ("physicalTests.heelRaises.left"). Keeping the typed text (not numbers) means the form never
 * loses what was typed, even when a value is refused; the same paths address the errors from the
 * shared schema and from the backend, so each message shows beside its field.
 *
 * `toDraft` turns the text into an IntakeDraft for the schema to check: numbers and dates that do
 * not parse are passed on as text so the schema's own message ("Heel raises (left) must be a whole
 * number from 0 to 200.") names the field; `fromDraft` does the reverse when an intake is opened.
 */
import type { DistanceUnit } from '../../../shared/domain/settings';
import { distanceFromEntry, distanceIn, type Distance } from '../../../shared/clinical/intake/distance';
import type { FieldProblem } from '../../../shared/clinical/intake/fields';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import { LEFS_ITEM_COUNT } from '../../../shared/clinical/intake/measures/lefs';
import { PSFS_MAX_ACTIVITIES } from '../../../shared/clinical/intake/measures/psfs';
import {
  POSTNATAL_LOAD_TEST_IDS,
  POSTNATAL_STRENGTH_TEST_IDS,
  RED_S_IDS,
} from '../../../shared/clinical/intake/diagnosis-checks';
import { RED_FLAG_IDS } from '../../../shared/clinical/intake/red-flags';
import { formatNumber } from '../../../shared/clinical/units';
import { formatDate, parseTypedDate, type DateFormat } from '../../../shared/time/dates';

export type FormValues = Readonly<Record<string, string>>;

type Kind = 'text' | 'int' | 'decimal' | 'date' | 'choice' | 'yesno';

/** Every single-value field of the draft, by path, in page order. */
export const SCALAR_FIELDS: Readonly<Record<string, Kind>> = {
  'episode.diagnosis': 'choice',
  'episode.diagnosisDetail': 'text',
  'episode.boneStressSite': 'choice',
  'episode.region': 'choice',
  'episode.side': 'choice',
  'episode.onsetDate': 'date',
  'episode.onsetType': 'choice',
  'episode.mechanism': 'text',
  'episode.surgery.performed': 'choice',
  'episode.surgery.type': 'text',
  'episode.surgery.date': 'date',
  'episode.referralSource': 'choice',
  'episode.referralDetail': 'text',
  'runningHistory.yearsRunning': 'decimal',
  'runningHistory.usualSurface': 'choice',
  'runningHistory.goal.description': 'text',
  'runningHistory.goal.eventDate': 'date',
  'symptoms.painAtRest': 'int',
  'symptoms.painWalking': 'int',
  'symptoms.painHopping': 'int',
  'symptoms.eases': 'text',
  'symptoms.aggravates': 'text',
  ...Object.fromEntries(RED_FLAG_IDS.map((id) => [`symptoms.redFlags.${id}`, 'choice'])),
  ...Object.fromEntries(RED_FLAG_IDS.map((id) => [`symptoms.redFlagReasons.${id}`, 'text'])),
  'measures.visaA.item1': 'int',
  'measures.visaA.item2': 'int',
  'measures.visaA.item3': 'int',
  'measures.visaA.item4': 'int',
  'measures.visaA.item5': 'int',
  'measures.visaA.item6': 'int',
  'measures.visaA.item7': 'choice',
  'measures.visaA.item8.part': 'choice',
  'measures.visaA.item8.duration': 'choice',
  'physicalTests.heelRaises.left': 'int',
  'physicalTests.heelRaises.right': 'int',
  'physicalTests.kneeToWallCm.left': 'decimal',
  'physicalTests.kneeToWallCm.right': 'decimal',
  'physicalTests.singleHopCm.left': 'int',
  'physicalTests.singleHopCm.right': 'int',
  'physicalTests.tripleHopCm.left': 'int',
  'physicalTests.tripleHopCm.right': 'int',
  'physicalTests.squatQuality.left': 'choice',
  'physicalTests.squatQuality.right': 'choice',
  'physicalTests.kneeSwelling.left': 'choice',
  'physicalTests.kneeSwelling.right': 'choice',
  'physicalTests.briskWalk.minutes': 'int',
  'physicalTests.briskWalk.painFree': 'yesno',
  'physicalTests.kneeFlexionDeg.left': 'int',
  'physicalTests.kneeFlexionDeg.right': 'int',
  'physicalTests.kneeExtensionDeficitDeg.left': 'int',
  'physicalTests.kneeExtensionDeficitDeg.right': 'int',
  'physicalTests.quadricepsStrength.left': 'decimal',
  'physicalTests.quadricepsStrength.right': 'decimal',
  'physicalTests.quadricepsStrength.method': 'choice',
  'physicalTests.hamstringStrength.left': 'decimal',
  'physicalTests.hamstringStrength.right': 'decimal',
  'physicalTests.hamstringStrength.method': 'choice',
  // What some diagnoses need before running (shared/clinical/intake/diagnosis-checks.ts).
  'diagnosisChecks.meniscus.surgeonEarliestRunDate': 'date',
  'diagnosisChecks.meniscus.surgeonCleared': 'yesno',
  'diagnosisChecks.boneStress.healingClearance': 'choice',
  'diagnosisChecks.boneStress.walkPhaseWeeks': 'int',
  'diagnosisChecks.boneStress.siteTender': 'yesno',
  'diagnosisChecks.boneStress.hopOnSpotPainFree': 'yesno',
  ...Object.fromEntries(RED_S_IDS.map((id) => [`diagnosisChecks.boneStress.redS.${id}`, 'choice'])),
  'diagnosisChecks.hamstring.walkingStridePainFree': 'yesno',
  'diagnosisChecks.hamstring.isometricFlexionPainFree': 'yesno',
  'diagnosisChecks.hamstring.slowJogPainFree': 'yesno',
  'diagnosisChecks.postnatal.birthDate': 'date',
  'diagnosisChecks.postnatal.pelvicFloorSymptoms': 'yesno',
  ...Object.fromEntries(POSTNATAL_LOAD_TEST_IDS.map((id) => [`diagnosisChecks.postnatal.loadTests.${id}`, 'choice'])),
  ...Object.fromEntries(
    POSTNATAL_STRENGTH_TEST_IDS.map((id) => [`diagnosisChecks.postnatal.strengthTests.${id}`, 'choice']),
  ),
};

/** Distances: the number typed at `${path}.value`, its unit at `${path}.unit`. */
export const DISTANCE_FIELDS = [
  'runningHistory.weeklyDistanceBeforeInjury',
  'runningHistory.longestRecentRun',
  'runningHistory.goal.eventDistance',
] as const;

/** The VISA-A's fields: the section shows while any holds an answer, whatever the diagnosis. */
export const VISA_A_PATHS = Object.keys(SCALAR_FIELDS).filter((p) => p.startsWith('measures.visaA.'));

/** The labels used in date messages (the schema's example is ISO; the clinic types its own format). */
const DATE_LABELS: Readonly<Record<string, string>> = {
  'episode.onsetDate': 'Date of onset',
  'episode.surgery.date': 'Date of surgery',
  'runningHistory.goal.eventDate': 'Goal event date',
  'diagnosisChecks.meniscus.surgeonEarliestRunDate': 'The surgeon’s earliest running date',
  'diagnosisChecks.postnatal.birthDate': 'Date of the birth',
};

export const lefsPath = (index: number) => `measures.lefs.items.${index}`;
export const psfsPath = (row: number, part: 'activity' | 'score') => `measures.psfs.activities.${row}.${part}`;
/** How many PSFS rows the form shows (0-5). */
export const PSFS_ROWS = 'measures.psfs.rows';

/** The note's own words, in the same map so one save covers the page. */
export const TYPED_FIELDS = ['typed.subjective', 'typed.objective', 'typed.assessment', 'typed.plan'] as const;

/** The DOM id of a field, from its path: "physicalTests.heelRaises.left" -> "f-physicalTests-heelRaises-left". */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

/** "12", " 12 ", "11,5" -> numbers; anything else stays text for the schema to name. */
export function parseNumber(raw: string): number | string {
  const t = raw.trim().replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : raw.trim();
}

function setIn(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}

function getIn(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const isBlank = (raw: string | undefined) => (raw ?? '').trim() === '';

function convert(kind: Kind, raw: string, format: DateFormat): unknown {
  switch (kind) {
    case 'text':
    case 'choice':
      return raw;
    case 'int':
    case 'decimal':
      return parseNumber(raw);
    case 'date':
      return parseTypedDate(raw, format) ?? raw.trim();
    case 'yesno':
      return raw === 'yes' ? true : raw === 'no' ? false : raw;
  }
}

export interface FormDraft {
  /** Not checked yet: a value that does not parse is still text here, for the schema to name. */
  draft: Record<string, unknown>;
  /** Problems found before the schema runs (dates typed in a form the clinic does not use). */
  problems: FieldProblem[];
}

/**
 * The draft the typed text stands for. Empty fields are left out (a draft may be partial);
 * a questionnaire is sent only once something in it is filled.
 */
export function toDraft(values: FormValues, format: DateFormat): FormDraft {
  const draft: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [path, kind] of Object.entries(SCALAR_FIELDS)) {
    const raw = values[path];
    if (raw === undefined || isBlank(raw)) continue;
    if (kind === 'date' && parseTypedDate(raw, format) === null) {
      problems.push({
        path,
        message: `${DATE_LABELS[path] ?? 'Date'} is not a real date: enter it like ${formatDate('2026-10-03', format)}.`,
      });
    }
    setIn(draft, path, convert(kind, raw, format));
  }
  for (const path of DISTANCE_FIELDS) {
    const raw = values[`${path}.value`];
    if (raw === undefined || isBlank(raw)) continue;
    const unit = (values[`${path}.unit`] ?? 'km') as DistanceUnit;
    const value = parseNumber(raw);
    setIn(draft, path, typeof value === 'number' ? distanceFromEntry(value, unit) : { metres: value, unit });
  }
  const lefs = Array.from({ length: LEFS_ITEM_COUNT }, (_, i) => values[lefsPath(i)] ?? '');
  if (lefs.some((v) => !isBlank(v))) {
    setIn(
      draft,
      'measures.lefs.items',
      lefs.map((v) => (isBlank(v) ? null : parseNumber(v))),
    );
  }
  const rows = psfsRowCount(values);
  const activities = Array.from({ length: rows }, (_, i) => {
    const score = values[psfsPath(i, 'score')] ?? '';
    return { activity: values[psfsPath(i, 'activity')] ?? '', score: isBlank(score) ? null : parseNumber(score) };
  });
  if (activities.some((a) => a.activity.trim() !== '' || a.score !== null)) {
    setIn(draft, 'measures.psfs.activities', activities);
  }
  return { draft, problems };
}

export function psfsRowCount(values: FormValues): number {
  const n = Number(values[PSFS_ROWS] ?? '1');
  return Number.isInteger(n) ? Math.max(0, Math.min(PSFS_MAX_ACTIVITIES, n)) : 1;
}

function distanceText(distance: Distance): string {
  return formatNumber(distanceIn(distance, distance.unit), 2);
}

/** The typed text of a saved draft, as the form shows it; distances left empty take the clinic's unit. */
export function fromDraft(
  draft: IntakeDraft,
  typed: Readonly<Record<'subjective' | 'objective' | 'assessment' | 'plan', string>>,
  format: DateFormat,
  units: DistanceUnit,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [path, kind] of Object.entries(SCALAR_FIELDS)) {
    const value = getIn(draft, path);
    if (value === undefined || value === null) continue;
    if (kind === 'yesno') values[path] = value === true ? 'yes' : 'no';
    else if (kind === 'date' && typeof value === 'string') values[path] = formatDate(value, format);
    else if (typeof value === 'string' || typeof value === 'number') values[path] = String(value);
  }
  for (const path of DISTANCE_FIELDS) {
    const value = getIn(draft, path) as Distance | undefined;
    values[`${path}.unit`] = value?.unit ?? units;
    if (value !== undefined) values[`${path}.value`] = distanceText(value);
  }
  draft.measures?.lefs?.items.forEach((score, i) => {
    if (score !== null) values[lefsPath(i)] = String(score);
  });
  const activities = draft.measures?.psfs?.activities ?? [];
  values[PSFS_ROWS] = String(Math.max(1, activities.length));
  activities.forEach((row, i) => {
    values[psfsPath(i, 'activity')] = row.activity;
    if (row.score !== null) values[psfsPath(i, 'score')] = String(row.score);
  });
  values['typed.subjective'] = typed.subjective;
  values['typed.objective'] = typed.objective;
  values['typed.assessment'] = typed.assessment;
  values['typed.plan'] = typed.plan;
  return values;
}

/** The typed note sections. */
export function typedOf(values: FormValues) {
  return {
    subjective: values['typed.subjective'] ?? '',
    objective: values['typed.objective'] ?? '',
    assessment: values['typed.assessment'] ?? '',
    plan: values['typed.plan'] ?? '',
  };
}

/**
 * Where a problem shows on the form: the backend prefixes draft paths with "draft."; a distance's
 * problem (".metres", ".unit", or the whole distance) shows at its number.
 */
export function formPath(problemPath: string): string {
  const path = problemPath.startsWith('draft.') ? problemPath.slice('draft.'.length) : problemPath;
  for (const base of DISTANCE_FIELDS) {
    if (path === base || path === `${base}.metres` || path === `${base}.unit`) return `${base}.value`;
  }
  return path;
}

/** Problems as a path -> message map for the form, first message per field. */
export function errorsOf(problems: readonly FieldProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) errors[formPath(p.path)] ??= p.message;
  return errors;
}
