/** Version 1: clinic settings, clinicians, patients with their search index, and the audit trail. */
import type { Migration } from '../migrate';

export const migration0001: Migration = {
  version: 1,
  name: 'clinic core',
  sql: /* sql */ `
CREATE TABLE clinic_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  clinic_name TEXT NOT NULL CHECK (length(clinic_name) BETWEEN 1 AND 120),
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  units TEXT NOT NULL CHECK (units IN ('km', 'mi')),
  paper_size TEXT NOT NULL CHECK (paper_size IN ('A4', 'Letter')),
  date_format TEXT NOT NULL CHECK (date_format IN ('DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD')),
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE clinicians (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  profession TEXT NOT NULL CHECK (length(profession) BETWEEN 1 AND 80),
  registration_number TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  given_name TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  date_of_birth TEXT NOT NULL CHECK (date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'intersex', 'not_stated')),
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  record_number TEXT NOT NULL CHECK (length(record_number) BETWEEN 1 AND 32),
  -- The record number as compared for uniqueness: case- and space-insensitive.
  record_number_key TEXT NOT NULL UNIQUE,
  notes TEXT NOT NULL DEFAULT '',
  archived_at TEXT,
  -- Folded "family given" for ordering lists; folded names and record number for search.
  sort_key TEXT NOT NULL,
  search_text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES clinicians (id),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

-- Lists walk this index in name order without touching the table: it holds what the list filters
-- on (archived_at) and what a broad search tests (search_text).
CREATE INDEX patients_by_name ON patients (sort_key, id, archived_at, search_text);
-- The few archived patients, so search totals can leave them out cheaply.
CREATE INDEX patients_archived ON patients (id, search_text) WHERE archived_at IS NOT NULL;
CREATE INDEX patients_by_date_of_birth ON patients (date_of_birth, sort_key);

CREATE VIRTUAL TABLE patients_search USING fts5 (
  search_text,
  content = 'patients',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

CREATE TRIGGER patients_search_insert AFTER INSERT ON patients BEGIN
  INSERT INTO patients_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER patients_search_delete AFTER DELETE ON patients BEGIN
  INSERT INTO patients_search (patients_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER patients_search_update AFTER UPDATE OF search_text ON patients BEGIN
  INSERT INTO patients_search (patients_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO patients_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

-- Every change to clinical data appends one row. Rows are chained: each row's hash covers its
-- content and the previous row's hash, so an edit made outside the app breaks the chain.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  clinician_id INTEGER,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  patient_id INTEGER,
  summary TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_patient ON audit_log (patient_id, id);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, id);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'The audit trail is append-only: its rows cannot be changed.');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'The audit trail is append-only: its rows cannot be deleted.');
END;
`,
};
