/**
 * Version 4: the clinic's own exercises (versioned, with uploaded pictures), home exercise
 * prescriptions per episode (append-only versions), and prescription templates.
 *
 * What must never change once saved is enforced here, not only in the code: pictures, exercise
 * versions and prescription versions refuse UPDATE and DELETE, and a saved prescription refuses
 * extra items. Built-in exercises live in code (shared/clinical/exercises) and have no rows.
 */
import type { Migration } from '../migrate';

export const migration0004: Migration = {
  version: 4,
  name: 'exercise library and prescriptions',
  sql: /* sql */ `
-- Pictures uploaded for the clinic's exercises, stored once per content (SHA-256 of the bytes).
-- Type, size and pixel dimensions were read from the bytes by the backend before storing.
CREATE TABLE exercise_images (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
  byte_size INTEGER NOT NULL CHECK (byte_size BETWEEN 1 AND 2097152),
  width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 6000),
  height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 6000),
  data BLOB NOT NULL CHECK (length(data) = byte_size),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id)
) STRICT;

CREATE TRIGGER exercise_images_no_update BEFORE UPDATE ON exercise_images BEGIN
  SELECT RAISE(ABORT, 'A stored picture cannot be changed: upload a new one.');
END;
CREATE TRIGGER exercise_images_no_delete BEFORE DELETE ON exercise_images BEGIN
  SELECT RAISE(ABORT, 'A stored picture cannot be deleted: prescriptions may show it.');
END;

-- One row per clinic exercise: which version is current, and whether it is retired.
CREATE TABLE clinic_exercises (
  id INTEGER PRIMARY KEY,
  current_version INTEGER NOT NULL CHECK (current_version >= 1),
  -- The built-in exercise it was copied from ("Copy to edit"), if any.
  copied_from TEXT CHECK (copied_from IS NULL OR length(copied_from) BETWEEN 2 AND 60),
  retired_at TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES clinicians (id),
  -- The current version exists (checked at commit, since both rows are written together).
  FOREIGN KEY (id, current_version) REFERENCES clinic_exercise_versions (exercise_id, version)
    DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- Every saved version of a clinic exercise, with the fields of the shared Exercise schema.
-- Lists and the dosage are JSON, checked against the schema by the backend on the way in and out.
CREATE TABLE clinic_exercise_versions (
  exercise_id INTEGER NOT NULL REFERENCES clinic_exercises (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  purpose TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 160),
  starting_position TEXT NOT NULL CHECK (length(starting_position) BETWEEN 1 AND 300),
  steps_json TEXT NOT NULL CHECK (json_valid(steps_json) AND json_type(steps_json) = 'array'),
  cues_json TEXT NOT NULL CHECK (json_valid(cues_json) AND json_type(cues_json) = 'array'),
  mistakes_json TEXT NOT NULL CHECK (json_valid(mistakes_json) AND json_type(mistakes_json) = 'array'),
  dosage_json TEXT NOT NULL CHECK (json_valid(dosage_json) AND json_type(dosage_json) = 'object'),
  easier_json TEXT NOT NULL CHECK (json_valid(easier_json) AND json_type(easier_json) = 'array'),
  harder_json TEXT NOT NULL CHECK (json_valid(harder_json) AND json_type(harder_json) = 'array'),
  regions_json TEXT NOT NULL CHECK (json_valid(regions_json) AND json_type(regions_json) = 'array'),
  exercise_type TEXT NOT NULL CHECK (exercise_type IN ('mobility', 'strength', 'cross-training')),
  -- A pose drawing (copied from a built-in) or an uploaded picture, as the shared Illustration.
  illustration_json TEXT NOT NULL CHECK (json_valid(illustration_json) AND json_type(illustration_json) = 'object'),
  image_id TEXT REFERENCES exercise_images (sha256),
  clinician_note TEXT NOT NULL DEFAULT '' CHECK (length(clinician_note) <= 2000),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  PRIMARY KEY (exercise_id, version),
  CHECK ((json_extract(illustration_json, '$.kind') = 'image') = (image_id IS NOT NULL)),
  CHECK (image_id IS NULL OR json_extract(illustration_json, '$.imageId') = image_id)
) STRICT;

CREATE TRIGGER clinic_exercise_versions_no_update BEFORE UPDATE ON clinic_exercise_versions BEGIN
  SELECT RAISE(ABORT, 'A saved version of an exercise cannot be changed: save a new version.');
END;
CREATE TRIGGER clinic_exercise_versions_no_delete BEFORE DELETE ON clinic_exercise_versions BEGIN
  SELECT RAISE(ABORT, 'A saved version of an exercise cannot be deleted: retire the exercise instead.');
END;

-- A patient's home exercise programme for one episode: version 1, 2, 3... Each version is
-- written once, with all its items, and never changed; the newest is the current programme.
CREATE TABLE prescriptions (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episodes (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  item_count INTEGER NOT NULL CHECK (item_count BETWEEN 0 AND 20),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  UNIQUE (episode_id, version)
) STRICT;

CREATE TRIGGER prescriptions_next_version BEFORE INSERT ON prescriptions
WHEN NEW.version <> coalesce((SELECT max(version) FROM prescriptions WHERE episode_id = NEW.episode_id), 0) + 1
BEGIN
  SELECT RAISE(ABORT, 'A new prescription must follow the latest version of the episode.');
END;
CREATE TRIGGER prescriptions_no_update BEFORE UPDATE ON prescriptions BEGIN
  SELECT RAISE(ABORT, 'A saved prescription cannot be changed: save a new version.');
END;
CREATE TRIGGER prescriptions_no_delete BEFORE DELETE ON prescriptions BEGIN
  SELECT RAISE(ABORT, 'A saved prescription cannot be deleted: it stays in the history.');
END;

-- The exercises of one prescription version, positions 1..item_count. exercise_json is the
-- exercise as prescribed (instructions and picture): what the handout prints.
CREATE TABLE prescription_items (
  prescription_id INTEGER NOT NULL REFERENCES prescriptions (id),
  position INTEGER NOT NULL CHECK (position >= 1),
  exercise_id TEXT NOT NULL CHECK (length(exercise_id) BETWEEN 2 AND 60),
  clinic_exercise_id INTEGER,
  clinic_exercise_version INTEGER,
  dosage_json TEXT NOT NULL CHECK (json_valid(dosage_json) AND json_type(dosage_json) = 'object'),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  exercise_json TEXT NOT NULL CHECK (json_valid(exercise_json) AND json_type(exercise_json) = 'object'),
  PRIMARY KEY (prescription_id, position),
  UNIQUE (prescription_id, exercise_id),
  FOREIGN KEY (clinic_exercise_id, clinic_exercise_version)
    REFERENCES clinic_exercise_versions (exercise_id, version),
  CHECK ((clinic_exercise_id IS NULL) = (clinic_exercise_version IS NULL)),
  CHECK (CASE WHEN clinic_exercise_id IS NULL THEN exercise_id NOT LIKE 'clinic-%'
              ELSE exercise_id = 'clinic-' || clinic_exercise_id END)
) STRICT;

-- Positions run 1..item_count and are unique, so once a version has its items no more fit.
CREATE TRIGGER prescription_items_sealed BEFORE INSERT ON prescription_items
WHEN NEW.position > (SELECT item_count FROM prescriptions WHERE id = NEW.prescription_id)
BEGIN
  SELECT RAISE(ABORT, 'A saved prescription cannot take more exercises: save a new version.');
END;
CREATE TRIGGER prescription_items_no_update BEFORE UPDATE ON prescription_items BEGIN
  SELECT RAISE(ABORT, 'A saved prescription cannot be changed: save a new version.');
END;
CREATE TRIGGER prescription_items_no_delete BEFORE DELETE ON prescription_items BEGIN
  SELECT RAISE(ABORT, 'A saved prescription cannot be deleted: it stays in the history.');
END;

CREATE INDEX prescription_items_by_clinic_exercise ON prescription_items (clinic_exercise_id, clinic_exercise_version)
  WHERE clinic_exercise_id IS NOT NULL;

-- The clinic's reusable programmes. Items are [{exerciseId, dosage, note}], checked by the backend.
CREATE TABLE prescription_templates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  -- The name as compared for uniqueness: case-, accent- and punctuation-insensitive.
  name_key TEXT NOT NULL,
  items_json TEXT NOT NULL CHECK (json_valid(items_json) AND json_type(items_json) = 'array'),
  removed_at TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES clinicians (id),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

CREATE UNIQUE INDEX prescription_templates_by_name ON prescription_templates (name_key) WHERE removed_at IS NULL;
`,
};
