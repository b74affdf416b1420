/**
 * The clinician intake: SOAP notes per visit with signed addenda, the intake of each episode, and
 * the clinic's readiness thresholds.
 *
 * Version 5 (after 4, exercises and prescriptions). Tests use `migration0005.version`, never the
 * number.
 *
 * Signed records are immutable in SQLite itself, not only in the app: triggers abort any UPDATE or
 * DELETE of a signed note or a signed intake, addenda are append-only, and an addendum can only be
 * added to a signed note. The app checks the same rules first, to answer with a clear sentence.
 */
import type { Migration } from '../migrate';

export const migration0005: Migration = {
  version: 5,
  name: 'intake, notes and readiness thresholds',
  sql: /* sql */ `
CREATE TABLE clinical_notes (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes (id),
  kind TEXT NOT NULL CHECK (kind IN ('intake', 'visit')),
  visit_date TEXT NOT NULL CHECK (visit_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  subjective TEXT NOT NULL DEFAULT '' CHECK (length(subjective) <= 40000),
  objective TEXT NOT NULL DEFAULT '' CHECK (length(objective) <= 40000),
  assessment TEXT NOT NULL DEFAULT '' CHECK (length(assessment) <= 40000),
  plan TEXT NOT NULL DEFAULT '' CHECK (length(plan) <= 40000),
  status TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
  signed_at TEXT,
  signed_by INTEGER REFERENCES clinicians (id),
  -- The signer as named on the day, so a later change of name never rewrites a signed note.
  signer_name TEXT,
  signer_profession TEXT,
  signer_registration TEXT,
  -- SHA-256 of the signed content (canonical JSON), also written to the audit trail at signing.
  content_hash TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES clinicians (id),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (
    (status = 'draft' AND signed_at IS NULL AND signed_by IS NULL AND signer_name IS NULL AND content_hash IS NULL)
    OR (status = 'signed' AND signed_at IS NOT NULL AND signed_by IS NOT NULL AND signer_name IS NOT NULL
        AND signer_profession IS NOT NULL AND signer_registration IS NOT NULL AND content_hash IS NOT NULL)
  )
) STRICT;

CREATE INDEX clinical_notes_by_episode ON clinical_notes (episode_id, visit_date, id);

CREATE TRIGGER clinical_notes_signed_no_update BEFORE UPDATE ON clinical_notes
WHEN old.status = 'signed' BEGIN
  SELECT RAISE(ABORT, 'A signed note cannot be changed: add an addendum instead.');
END;
CREATE TRIGGER clinical_notes_signed_no_delete BEFORE DELETE ON clinical_notes
WHEN old.status = 'signed' BEGIN
  SELECT RAISE(ABORT, 'A signed note cannot be deleted.');
END;

CREATE TABLE note_addenda (
  id INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES clinical_notes (id),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
  signed_at TEXT NOT NULL,
  signed_by INTEGER NOT NULL REFERENCES clinicians (id),
  signer_name TEXT NOT NULL,
  signer_profession TEXT NOT NULL,
  signer_registration TEXT NOT NULL,
  content_hash TEXT NOT NULL
) STRICT;

CREATE INDEX note_addenda_by_note ON note_addenda (note_id, id);

CREATE TRIGGER note_addenda_only_on_signed BEFORE INSERT ON note_addenda
WHEN (SELECT status FROM clinical_notes WHERE id = new.note_id) IS NOT 'signed' BEGIN
  SELECT RAISE(ABORT, 'An addendum can only be added to a signed note.');
END;
CREATE TRIGGER note_addenda_no_update BEFORE UPDATE ON note_addenda BEGIN
  SELECT RAISE(ABORT, 'An addendum cannot be changed: add another addendum.');
END;
CREATE TRIGGER note_addenda_no_delete BEFORE DELETE ON note_addenda BEGIN
  SELECT RAISE(ABORT, 'An addendum cannot be deleted.');
END;

-- One intake per episode. draft_json holds the IntakeDraft (shared/clinical/intake/intake.ts),
-- typed_json the clinician's own words for each section of the note; the note itself is the
-- clinical_notes row, written from both.
CREATE TABLE intakes (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL UNIQUE REFERENCES episodes (id),
  note_id INTEGER NOT NULL UNIQUE REFERENCES clinical_notes (id),
  draft_json TEXT NOT NULL CHECK (json_valid(draft_json) AND length(draft_json) <= 200000),
  typed_json TEXT NOT NULL CHECK (json_valid(typed_json) AND length(typed_json) <= 200000),
  status TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
  -- The starting point: hold (not ready to run), walking stage, or running level N.
  start_stage TEXT CHECK (start_stage IN ('hold', 'walking', 'running')),
  start_level INTEGER CHECK (start_level BETWEEN 1 AND 30),
  start_recommended TEXT CHECK (start_recommended IN ('not_ready_refer', 'walking_stage', 'running_level_1')),
  start_reason TEXT NOT NULL DEFAULT '' CHECK (length(start_reason) <= 1000),
  start_decided_at TEXT,
  start_decided_by INTEGER REFERENCES clinicians (id),
  start_decider_name TEXT,
  start_decider_profession TEXT,
  start_decider_registration TEXT,
  -- The readiness result at signing, with the thresholds it used.
  readiness_json TEXT CHECK (readiness_json IS NULL OR json_valid(readiness_json)),
  signed_at TEXT,
  signed_by INTEGER REFERENCES clinicians (id),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES clinicians (id),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (
    (start_stage IS NULL AND start_level IS NULL AND start_recommended IS NULL AND start_decided_at IS NULL
      AND start_decided_by IS NULL)
    OR (start_stage IS NOT NULL AND start_recommended IS NOT NULL AND start_decided_at IS NOT NULL
      AND start_decided_by IS NOT NULL AND start_decider_name IS NOT NULL
      AND (start_stage = 'running') = (start_level IS NOT NULL))
  ),
  CHECK (
    (status = 'draft' AND signed_at IS NULL AND signed_by IS NULL AND readiness_json IS NULL)
    OR (status = 'signed' AND signed_at IS NOT NULL AND signed_by IS NOT NULL AND readiness_json IS NOT NULL
      AND start_stage IS NOT NULL)
  )
) STRICT;

CREATE TRIGGER intakes_signed_no_update BEFORE UPDATE ON intakes
WHEN old.status = 'signed' BEGIN
  SELECT RAISE(ABORT, 'A signed intake cannot be changed: add an addendum to its note instead.');
END;
CREATE TRIGGER intakes_signed_no_delete BEFORE DELETE ON intakes
WHEN old.status = 'signed' BEGIN
  SELECT RAISE(ABORT, 'A signed intake cannot be deleted.');
END;

-- The clinic's readiness thresholds (shared/clinical/intake/readiness.ts). No row: the defaults.
CREATE TABLE readiness_thresholds (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  brisk_walk_minutes INTEGER NOT NULL CHECK (brisk_walk_minutes BETWEEN 10 AND 90),
  walking_pain_below INTEGER NOT NULL CHECK (walking_pain_below BETWEEN 1 AND 10),
  hopping_pain_below INTEGER NOT NULL CHECK (hopping_pain_below BETWEEN 1 AND 10),
  heel_raise_lsi_at_least INTEGER NOT NULL CHECK (heel_raise_lsi_at_least BETWEEN 50 AND 100),
  hop_lsi_at_least INTEGER NOT NULL CHECK (hop_lsi_at_least BETWEEN 50 AND 100),
  knee_swelling_at_most TEXT NOT NULL CHECK (knee_swelling_at_most IN ('zero', 'trace', 'one_plus', 'two_plus', 'three_plus')),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES clinicians (id),
  version INTEGER NOT NULL CHECK (version >= 1)
) STRICT;
`,
};
