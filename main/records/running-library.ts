/**
 * The clinic's running library: the soreness rule sets and programme templates the app ships,
 * the clinic's own copies of them (every version kept), and the clinic's default rule set.
 *
 * Shipped items live in code (shared/clinical). A clinic never edits them: it copies one and
 * tunes the copy. Each save of a copy is a new version row (the tables refuse UPDATE and DELETE),
 * so a decision made with version 2 of a set is always shown in version 2's words.
 */
import { z } from 'zod';
import type { Programme } from '../../shared/clinical/programme';
import { duplicateProgramme, readStoredProgramme } from '../../shared/clinical/programme';
import { PROGRAMME_TEMPLATES } from '../../shared/clinical/programme-templates';
import type { RuleSet } from '../../shared/clinical/rule-set';
import { copyRuleSet, recordedRuleSet } from '../../shared/clinical/rule-set';
import { DEFAULT_RULE_SET, SHIPPED_RULE_SETS } from '../../shared/clinical/rule-sets';
import type {
  Origin,
  ProgrammeDuplicate,
  ProgrammeEntry,
  RuleSetCopy,
  RuleSetEntry,
  RunningLibrary,
} from '../../shared/domain/running';
import { foldText } from '../../shared/text/fold';
import { appendAudit } from '../audit/audit-log';
import { canonicalJson } from '../../shared/text/canonical-json';
import { damagedRecord, readJsonColumn } from '../db/json-column';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { AppError, notFound, stale } from '../util/errors';

interface VersionRow {
  id: string;
  version: number;
  data_json: string;
  created_at: string;
  created_by_name: string | null;
}

/**
 * A clinic rule set as stored (older formats upgraded). One another program changed into
 * something no format fits is refused with a sentence naming it.
 */
function storedRuleSet(text: string, id: string): RuleSet {
  const what = `The soreness rule set "${id}"`;
  const stored = readJsonColumn(z.unknown(), text, what);
  try {
    return recordedRuleSet(stored);
  } catch {
    throw damagedRecord(what);
  }
}

const SHIPPED_SET_BY_ID = new Map(SHIPPED_RULE_SETS.map((s) => [s.id, s]));
const TEMPLATE_BY_ID = new Map(PROGRAMME_TEMPLATES.map((p) => [p.id, p]));

export function isShippedRuleSet(id: string): boolean {
  return SHIPPED_SET_BY_ID.has(id);
}

export function isTemplate(id: string): boolean {
  return TEMPLATE_BY_ID.has(id);
}

// --- Rule sets -----------------------------------------------------------------------------------

const LATEST_CLINIC_RULE_SETS = `
  SELECT r.rule_set_id AS id, r.version, r.data_json, r.created_at, c.name AS created_by_name
  FROM rule_set_versions r LEFT JOIN clinicians c ON c.id = r.created_by
  WHERE r.origin = 'clinic'
    AND r.version = (SELECT max(version) FROM rule_set_versions WHERE rule_set_id = r.rule_set_id)`;

function latestClinicRuleSetRow(db: Db, id: string): VersionRow | undefined {
  return db.prepare<unknown[], VersionRow>(`${LATEST_CLINIC_RULE_SETS} AND r.rule_set_id = ?`).get(id);
}

export function defaultRuleSetId(db: Db): string {
  const row = db
    .prepare<unknown[], { id: string }>('SELECT default_rule_set_id AS id FROM running_settings WHERE id = 1')
    .get();
  return row?.id ?? DEFAULT_RULE_SET.id;
}

/** The version of a set the next decision uses: the shipped set, or the clinic copy's latest. */
export function currentRuleSet(db: Db, id: string): RuleSet {
  const shipped = SHIPPED_SET_BY_ID.get(id);
  if (shipped) return shipped;
  const row = latestClinicRuleSetRow(db, id);
  if (!row) throw notFound('This soreness rule set');
  return storedRuleSet(row.data_json, id);
}

/** One version of a set, as a decision used it. */
export function ruleSetVersion(db: Db, id: string, version: number): RuleSet {
  const row = db
    .prepare<unknown[], { data_json: string }>(
      'SELECT data_json FROM rule_set_versions WHERE rule_set_id = ? AND version = ?',
    )
    .get(id, version);
  if (row) return storedRuleSet(row.data_json, id);
  const shipped = SHIPPED_SET_BY_ID.get(id);
  if (shipped && shipped.version === version) return shipped;
  throw notFound(`Version ${version} of the soreness rule set "${id}"`);
}

/**
 * Keeps a copy of a shipped set's version in the database before a decision refers to it (the
 * decision's foreign key needs the row, and a later app update may ship a new version). A stored
 * copy that differs from the code means a shipped set was changed without a version bump: that is
 * a bug in the app, and it stops here rather than showing decisions in the wrong words.
 */
export function keepShippedRuleSet(db: Db, clock: Clock, set: RuleSet): void {
  if (!SHIPPED_SET_BY_ID.has(set.id)) return;
  const json = canonicalJson(set);
  const row = db
    .prepare<unknown[], { data_json: string }>(
      'SELECT data_json FROM rule_set_versions WHERE rule_set_id = ? AND version = ?',
    )
    .get(set.id, set.version);
  if (row) {
    if (row.data_json !== json) {
      throw new Error(`Shipped rule set ${set.id} version ${set.version} differs from the stored copy.`);
    }
    return;
  }
  db.prepare(
    `INSERT INTO rule_set_versions (rule_set_id, version, origin, name, data_json, created_at, created_by)
     VALUES (?, ?, 'shipped', ?, ?, ?, NULL)`,
  ).run(set.id, set.version, set.name, json, clock.now().toISOString());
}

function ruleSetEntry(set: RuleSet, origin: Origin, defaultId: string, row?: VersionRow): RuleSetEntry {
  return {
    ruleSet: set,
    origin,
    isDefault: set.id === defaultId,
    saved: row ? { at: row.created_at, by: row.created_by_name ?? 'Unknown clinician' } : null,
  };
}

export function listRuleSets(db: Db): RuleSetEntry[] {
  const defaultId = defaultRuleSetId(db);
  const rows = db.prepare<unknown[], VersionRow>(LATEST_CLINIC_RULE_SETS).all();
  const clinic = rows
    .map((row) => ruleSetEntry(storedRuleSet(row.data_json, row.id), 'clinic', defaultId, row))
    .sort((a, b) => a.ruleSet.name.localeCompare(b.ruleSet.name) || a.ruleSet.id.localeCompare(b.ruleSet.id));
  return [...SHIPPED_RULE_SETS.map((s) => ruleSetEntry(s, 'shipped', defaultId)), ...clinic];
}

function ruleSetEntryOf(db: Db, id: string): RuleSetEntry {
  const row = latestClinicRuleSetRow(db, id);
  if (!row) throw notFound('This soreness rule set');
  return ruleSetEntry(storedRuleSet(row.data_json, id), 'clinic', defaultRuleSetId(db), row);
}

/** A readable, unique id for a clinic copy: "clinic-" and the folded name. */
function newCopyId(name: string, taken: (id: string) => boolean): string {
  const words = foldText(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .join('-');
  const base = `clinic-${(words || 'copy').slice(0, 48).replace(/-+$/, '')}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const id = `${base}-${n}`;
    if (!taken(id)) return id;
  }
}

function sameName(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}

function insertRuleSetVersion(db: Db, clock: Clock, clinicianId: number, set: RuleSet): void {
  db.prepare(
    `INSERT INTO rule_set_versions (rule_set_id, version, origin, name, data_json, created_at, created_by)
     VALUES (?, ?, 'clinic', ?, ?, ?, ?)`,
  ).run(set.id, set.version, set.name, canonicalJson(set), clock.now().toISOString(), clinicianId);
}

/** A clinic copy of a shipped or clinic set, to tune: version 1, remembering what it is based on. */
export function copyClinicRuleSet(db: Db, clock: Clock, clinicianId: number, req: RuleSetCopy): RuleSetEntry {
  return db
    .transaction(() => {
      const from = currentRuleSet(db, req.fromId);
      if (listRuleSets(db).some((e) => sameName(e.ruleSet.name, req.name))) {
        throw new AppError('conflict', `There is already a rule set called "${req.name}": choose another name.`, {
          name: `There is already a rule set called "${req.name}": choose another name.`,
        });
      }
      const exists = db.prepare('SELECT 1 FROM rule_set_versions WHERE rule_set_id = ? LIMIT 1');
      const id = newCopyId(req.name, (candidate) => isShippedRuleSet(candidate) || exists.get(candidate) !== undefined);
      const copy = copyRuleSet(from, { id, name: req.name });
      insertRuleSetVersion(db, clock, clinicianId, copy);
      appendAudit(db, clock, {
        clinicianId,
        action: 'create',
        entity: 'rule_set',
        entityId: null,
        patientId: null,
        summary: `Copied the soreness rule set "${from.name}" (version ${from.version}) as "${copy.name}"`,
        after: copy,
      });
      return ruleSetEntryOf(db, id);
    })
    .immediate();
}

/** Saves an edited clinic set as its next version. `set.version` is the version the edit started from. */
export function saveClinicRuleSet(db: Db, clock: Clock, clinicianId: number, set: RuleSet): RuleSetEntry {
  return db
    .transaction(() => {
      if (isShippedRuleSet(set.id)) {
        throw new AppError(
          'forbidden',
          'The rule sets that come with the app cannot be changed: make a copy and tune the copy.',
        );
      }
      const row = latestClinicRuleSetRow(db, set.id);
      if (!row) throw notFound('This soreness rule set');
      const before = storedRuleSet(row.data_json, set.id);
      if (before.version !== set.version) throw stale('This rule set');
      if (
        !sameName(before.name, set.name) &&
        listRuleSets(db).some((e) => e.ruleSet.id !== set.id && sameName(e.ruleSet.name, set.name))
      ) {
        throw new AppError('conflict', `There is already a rule set called "${set.name}": choose another name.`, {
          'ruleSet.name': `There is already a rule set called "${set.name}": choose another name.`,
        });
      }
      // What it is based on is history, not something an edit can change.
      const after: RuleSet = { ...set, basedOn: before.basedOn, version: before.version + 1 };
      if (canonicalJson({ ...after, version: before.version }) === canonicalJson(before)) {
        return ruleSetEntryOf(db, set.id);
      }
      insertRuleSetVersion(db, clock, clinicianId, after);
      appendAudit(db, clock, {
        clinicianId,
        action: 'update',
        entity: 'rule_set',
        entityId: null,
        patientId: null,
        summary: `Changed the soreness rule set "${after.name}" (version ${before.version} to ${after.version})`,
        before,
        after,
      });
      return ruleSetEntryOf(db, set.id);
    })
    .immediate();
}

export function setDefaultRuleSet(db: Db, clock: Clock, clinicianId: number, id: string): RunningLibrary {
  return db
    .transaction(() => {
      const set = currentRuleSet(db, id);
      const before = defaultRuleSetId(db);
      if (before !== id) {
        const now = clock.now().toISOString();
        db.prepare(
          `INSERT INTO running_settings (id, default_rule_set_id, updated_at, updated_by) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET default_rule_set_id = excluded.default_rule_set_id,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        ).run(id, now, clinicianId);
        appendAudit(db, clock, {
          clinicianId,
          action: 'update',
          entity: 'running_settings',
          entityId: 1,
          patientId: null,
          summary: `Made "${set.name}" the clinic's default soreness rule set`,
          before: { defaultRuleSetId: before },
          after: { defaultRuleSetId: id },
        });
      }
      return readLibrary(db);
    })
    .immediate();
}

// --- Programmes ----------------------------------------------------------------------------------

const LATEST_CLINIC_PROGRAMMES = `
  SELECT p.programme_id AS id, p.version, p.data_json, p.created_at, c.name AS created_by_name
  FROM programme_versions p LEFT JOIN clinicians c ON c.id = p.created_by
  WHERE p.version = (SELECT max(version) FROM programme_versions WHERE programme_id = p.programme_id)`;

function latestClinicProgrammeRow(db: Db, id: string): VersionRow | undefined {
  return db.prepare<unknown[], VersionRow>(`${LATEST_CLINIC_PROGRAMMES} AND p.programme_id = ?`).get(id);
}

/** The programme as it stands now: a shipped template, or the latest version of a clinic programme. */
export function currentProgramme(db: Db, id: string): { programme: Programme; origin: Origin } {
  const template = TEMPLATE_BY_ID.get(id);
  if (template) return { programme: template, origin: 'shipped' };
  const row = latestClinicProgrammeRow(db, id);
  if (!row) throw notFound('This running programme');
  return { programme: readStoredProgramme(row.data_json), origin: 'clinic' };
}

function programmeEntry(programme: Programme, origin: Origin, row?: VersionRow): ProgrammeEntry {
  return {
    programme,
    origin,
    saved: row ? { at: row.created_at, by: row.created_by_name ?? 'Unknown clinician' } : null,
  };
}

export function listProgrammes(db: Db): ProgrammeEntry[] {
  const rows = db.prepare<unknown[], VersionRow>(LATEST_CLINIC_PROGRAMMES).all();
  const clinic = rows
    .map((row) => programmeEntry(readStoredProgramme(row.data_json), 'clinic', row))
    .sort((a, b) => a.programme.name.localeCompare(b.programme.name) || a.programme.id.localeCompare(b.programme.id));
  return [...PROGRAMME_TEMPLATES.map((p) => programmeEntry(p, 'shipped')), ...clinic];
}

function programmeEntryOf(db: Db, id: string): ProgrammeEntry {
  const row = latestClinicProgrammeRow(db, id);
  if (!row) throw notFound('This running programme');
  return programmeEntry(readStoredProgramme(row.data_json), 'clinic', row);
}

function insertProgrammeVersion(db: Db, clock: Clock, clinicianId: number, programme: Programme): void {
  db.prepare(
    `INSERT INTO programme_versions (programme_id, version, name, data_json, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    programme.id,
    programme.version,
    programme.name,
    canonicalJson(programme),
    clock.now().toISOString(),
    clinicianId,
  );
}

export function duplicateClinicProgramme(
  db: Db,
  clock: Clock,
  clinicianId: number,
  req: ProgrammeDuplicate,
): ProgrammeEntry {
  return db
    .transaction(() => {
      const { programme: from } = currentProgramme(db, req.fromId);
      if (listProgrammes(db).some((e) => sameName(e.programme.name, req.name))) {
        throw new AppError('conflict', `There is already a programme called "${req.name}": choose another name.`, {
          name: `There is already a programme called "${req.name}": choose another name.`,
        });
      }
      const exists = db.prepare('SELECT 1 FROM programme_versions WHERE programme_id = ? LIMIT 1');
      const id = newCopyId(req.name, (candidate) => isTemplate(candidate) || exists.get(candidate) !== undefined);
      const copy = duplicateProgramme(from, { id, name: req.name });
      insertProgrammeVersion(db, clock, clinicianId, copy);
      appendAudit(db, clock, {
        clinicianId,
        action: 'create',
        entity: 'programme',
        entityId: null,
        patientId: null,
        summary: `Duplicated the running programme "${from.name}" (version ${from.version}) as "${copy.name}"`,
        after: copy,
      });
      return programmeEntryOf(db, id);
    })
    .immediate();
}

/** Saves an edited clinic programme as its next version. `programme.version` is where the edit started. */
export function saveClinicProgramme(db: Db, clock: Clock, clinicianId: number, programme: Programme): ProgrammeEntry {
  return db
    .transaction(() => {
      if (isTemplate(programme.id)) {
        throw new AppError(
          'forbidden',
          'The programme templates that come with the app cannot be changed: duplicate one and edit the copy.',
        );
      }
      const row = latestClinicProgrammeRow(db, programme.id);
      if (!row) throw notFound('This running programme');
      const before = readStoredProgramme(row.data_json);
      if (before.version !== programme.version) throw stale('This programme');
      if (
        !sameName(before.name, programme.name) &&
        listProgrammes(db).some((e) => e.programme.id !== programme.id && sameName(e.programme.name, programme.name))
      ) {
        throw new AppError(
          'conflict',
          `There is already a programme called "${programme.name}": choose another name.`,
          { 'programme.name': `There is already a programme called "${programme.name}": choose another name.` },
        );
      }
      const after: Programme = { ...programme, basedOn: before.basedOn, version: before.version + 1 };
      if (canonicalJson({ ...after, version: before.version }) === canonicalJson(before)) {
        return programmeEntryOf(db, programme.id);
      }
      insertProgrammeVersion(db, clock, clinicianId, after);
      appendAudit(db, clock, {
        clinicianId,
        action: 'update',
        entity: 'programme',
        entityId: null,
        patientId: null,
        summary: `Changed the running programme "${after.name}" (version ${before.version} to ${after.version})`,
        before,
        after,
      });
      return programmeEntryOf(db, programme.id);
    })
    .immediate();
}

export function readLibrary(db: Db): RunningLibrary {
  return { ruleSets: listRuleSets(db), programmes: listProgrammes(db), defaultRuleSetId: defaultRuleSetId(db) };
}
