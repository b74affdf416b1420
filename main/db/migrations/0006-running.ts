/**
 * Version 6: running programmes, soreness rule sets and check-in visits.
 *
 * What is clinical history is append-only (triggers abort UPDATE and DELETE, as on audit_log):
 * every version of a rule set or clinic programme, every programme given to an episode, every
 * check-in with the engine's decision and the clinician's override. A correction is a new
 * check-in whose corrects_id points at the entry it corrects; a clinic edit of a rule set or
 * programme is a new version. Only running_settings (the clinic's default rule set) is updated in
 * place, and that change is audited.
 */
import type { Migration } from '../migrate';

export const migration0006: Migration = {
  version: 6,
  name: 'running programmes and check-ins',
  sql: /* sql */ `
CREATE TABLE running_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  default_rule_set_id TEXT NOT NULL CHECK (length(default_rule_set_id) BETWEEN 2 AND 64),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES clinicians (id)
) STRICT;

-- Every version of every soreness rule set that a decision used or the clinic wrote. Shipped sets
-- are copied in when first used, so a decision can always be shown in the words of the version
-- that made it, even after an app update ships a new version of the set.
CREATE TABLE rule_set_versions (
  rule_set_id TEXT NOT NULL CHECK (length(rule_set_id) BETWEEN 2 AND 64),
  version INTEGER NOT NULL CHECK (version >= 1),
  origin TEXT NOT NULL CHECK (origin IN ('shipped', 'clinic')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  data_json TEXT NOT NULL CHECK (json_valid(data_json)),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  PRIMARY KEY (rule_set_id, version),
  CHECK (json_extract(data_json, '$.id') = rule_set_id AND json_extract(data_json, '$.version') = version
    AND json_extract(data_json, '$.name') = name)
) STRICT;

-- The clinic's own programmes (duplicated from a template or another clinic programme), every
-- version. The shipped templates live in the app's code.
CREATE TABLE programme_versions (
  programme_id TEXT NOT NULL CHECK (length(programme_id) BETWEEN 2 AND 64),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  data_json TEXT NOT NULL CHECK (json_valid(data_json)),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  PRIMARY KEY (programme_id, version),
  CHECK (json_extract(data_json, '$.id') = programme_id AND json_extract(data_json, '$.version') = version
    AND json_extract(data_json, '$.name') = name)
) STRICT;

-- A clinic copy's versions run 1, 2, 3...: an edit names the version it started from, and the
-- next number is taken once.
CREATE TRIGGER rule_set_versions_in_order BEFORE INSERT ON rule_set_versions
WHEN new.origin = 'clinic'
  AND new.version <> coalesce((SELECT max(version) FROM rule_set_versions WHERE rule_set_id = new.rule_set_id), 0) + 1
BEGIN
  SELECT RAISE(ABORT, 'A rule set version must follow the latest version of the set.');
END;
CREATE TRIGGER programme_versions_in_order BEFORE INSERT ON programme_versions
WHEN new.version <> coalesce((SELECT max(version) FROM programme_versions WHERE programme_id = new.programme_id), 0) + 1
BEGIN
  SELECT RAISE(ABORT, 'A programme version must follow the latest version of the programme.');
END;

-- A programme given to an episode: the patient's own copy, a starting level and a rule set. The
-- latest row of an episode is its current programme; earlier rows are kept with their check-ins.
CREATE TABLE programme_assignments (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes (id),
  -- What the copy was taken from: a shipped template or a clinic programme, at this version.
  programme_id TEXT NOT NULL CHECK (length(programme_id) BETWEEN 2 AND 64),
  programme_version INTEGER NOT NULL CHECK (programme_version >= 1),
  programme_json TEXT NOT NULL CHECK (json_valid(programme_json)),
  level_count INTEGER NOT NULL CHECK (level_count BETWEEN 1 AND 60),
  start_level INTEGER NOT NULL CHECK (start_level BETWEEN 1 AND level_count),
  rule_set_id TEXT NOT NULL CHECK (length(rule_set_id) BETWEEN 2 AND 64),
  assigned_on TEXT NOT NULL CHECK (assigned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES clinicians (id),
  CHECK (json_extract(programme_json, '$.id') = programme_id
    AND json_extract(programme_json, '$.version') = programme_version
    AND json_array_length(programme_json, '$.levels') = level_count)
) STRICT;

CREATE INDEX programme_assignments_by_episode ON programme_assignments (episode_id, id);

-- One check-in: the patient's report, the engine's decision (whole, and the numbers the progress
-- replay reads, which CHECKs tie to the stored decision), the clinician's override beside it, and
-- what applied and what the patient was told.
CREATE TABLE check_ins (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes (id),
  assignment_id INTEGER NOT NULL REFERENCES programme_assignments (id),
  -- A correction points at the entry it corrects; an entry is corrected at most once (to change
  -- a correction, correct the correction).
  corrects_id INTEGER UNIQUE REFERENCES check_ins (id),
  recorded_on TEXT NOT NULL CHECK (recorded_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  run_date TEXT NOT NULL CHECK (run_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  rule_set_id TEXT NOT NULL,
  rule_set_version INTEGER NOT NULL,
  -- The engine's decision: the numbers the progress replay reads (CHECKs below tie them to the
  -- stored decision).
  level_before INTEGER NOT NULL CHECK (level_before >= 1),
  engine_level_after INTEGER NOT NULL CHECK (engine_level_after >= 1),
  engine_days_off INTEGER NOT NULL CHECK (engine_days_off >= 0),
  clean_sessions_after INTEGER NOT NULL CHECK (clean_sessions_after >= 0),
  engine_complete INTEGER NOT NULL CHECK (engine_complete IN (0, 1)),
  entry_check_level INTEGER CHECK (entry_check_level IS NULL OR entry_check_level >= 1),
  -- The clinician's override, beside the engine's decision (all null when confirmed).
  override_level INTEGER CHECK (override_level IS NULL OR override_level >= 1),
  override_days_off INTEGER CHECK (override_days_off IS NULL OR override_days_off BETWEEN 0 AND 14),
  -- What applied.
  level_after INTEGER NOT NULL CHECK (level_after >= 1),
  days_off INTEGER NOT NULL CHECK (days_off >= 0),
  next_run_date TEXT NOT NULL CHECK (next_run_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES clinicians (id),
  -- The long text last, so reading the short columns above never walks past it.
  override_reason TEXT,
  correction_reason TEXT NOT NULL DEFAULT '',
  patient_instruction TEXT NOT NULL CHECK (length(patient_instruction) >= 1),
  report_json TEXT NOT NULL CHECK (json_valid(report_json)),
  decision_json TEXT NOT NULL CHECK (json_valid(decision_json)),
  FOREIGN KEY (rule_set_id, rule_set_version) REFERENCES rule_set_versions (rule_set_id, version),
  -- An override has a level, days off and a reason, or none of them.
  CHECK ((override_level IS NULL) = (override_days_off IS NULL)
    AND (override_level IS NULL) = (override_reason IS NULL)),
  CHECK (override_reason IS NULL OR length(trim(override_reason)) >= 1),
  CHECK ((corrects_id IS NULL) = (correction_reason = '')),
  -- What applied is the override where there is one, else the engine's decision.
  CHECK (level_after = coalesce(override_level, engine_level_after)),
  CHECK (days_off = coalesce(override_days_off, engine_days_off)),
  CHECK (next_run_date > run_date),
  CHECK (json_extract(decision_json, '$.runDate') = run_date
    AND json_extract(decision_json, '$.levelBefore') = level_before
    AND json_extract(decision_json, '$.levelAfter') = engine_level_after
    AND json_extract(decision_json, '$.daysOff') = engine_days_off
    AND json_extract(decision_json, '$.cleanSessionsAtLevel') = clean_sessions_after
    AND json_extract(decision_json, '$.programmeComplete') = engine_complete
    AND json_extract(decision_json, '$.ruleSet.id') = rule_set_id
    AND json_extract(decision_json, '$.ruleSet.version') = rule_set_version)
) STRICT;

-- The history (newest first) and the newest entry of an episode.
CREATE INDEX check_ins_by_episode ON check_ins (episode_id, id);
-- The progress replay: a programme's entries in run order, with every number it reads, so the
-- replay reads the index alone.
CREATE INDEX check_ins_by_assignment ON check_ins (assignment_id, run_date, id, corrects_id, level_before,
  engine_level_after, engine_days_off, clean_sessions_after, engine_complete, entry_check_level, override_level,
  override_days_off);

CREATE TRIGGER check_ins_same_episode BEFORE INSERT ON check_ins
WHEN (SELECT episode_id FROM programme_assignments WHERE id = new.assignment_id) IS NOT new.episode_id
BEGIN
  SELECT RAISE(ABORT, 'A check-in belongs to the episode of its programme.');
END;
CREATE TRIGGER check_ins_correct_same_programme BEFORE INSERT ON check_ins
WHEN new.corrects_id IS NOT NULL
  AND (SELECT assignment_id FROM check_ins WHERE id = new.corrects_id) IS NOT new.assignment_id
BEGIN
  SELECT RAISE(ABORT, 'A correction belongs to the programme of the check-in it corrects.');
END;

CREATE TRIGGER check_ins_append_only_update BEFORE UPDATE ON check_ins BEGIN
  SELECT RAISE(ABORT, 'Check-ins are kept as recorded: record a correction instead of changing one.');
END;
CREATE TRIGGER check_ins_append_only_delete BEFORE DELETE ON check_ins BEGIN
  SELECT RAISE(ABORT, 'Check-ins are kept as recorded: they cannot be deleted.');
END;
CREATE TRIGGER programme_assignments_append_only_update BEFORE UPDATE ON programme_assignments BEGIN
  SELECT RAISE(ABORT, 'A programme given to a patient is kept as given: give a new one instead.');
END;
CREATE TRIGGER programme_assignments_append_only_delete BEFORE DELETE ON programme_assignments BEGIN
  SELECT RAISE(ABORT, 'A programme given to a patient is kept as given: it cannot be deleted.');
END;
CREATE TRIGGER rule_set_versions_append_only_update BEFORE UPDATE ON rule_set_versions BEGIN
  SELECT RAISE(ABORT, 'Rule set versions are kept as written: save a new version instead.');
END;
CREATE TRIGGER rule_set_versions_append_only_delete BEFORE DELETE ON rule_set_versions BEGIN
  SELECT RAISE(ABORT, 'Rule set versions are kept as written: they cannot be deleted.');
END;
CREATE TRIGGER programme_versions_append_only_update BEFORE UPDATE ON programme_versions BEGIN
  SELECT RAISE(ABORT, 'Programme versions are kept as written: save a new version instead.');
END;
CREATE TRIGGER programme_versions_append_only_delete BEFORE DELETE ON programme_versions BEGIN
  SELECT RAISE(ABORT, 'Programme versions are kept as written: they cannot be deleted.');
END;
`,
};
