/**
 * Version 7: handouts given to patients. Each row is one issued handout: the data it was made
 * from (so a reprint makes the same file again), the SHA-256 of the PDF, and what the history
 * list shows. Append-only: a handout given is never changed or removed. The PDF itself is not
 * stored; it is made again from the data, and the hash proves it is the same file. Uploaded
 * exercise pictures are referred to by their SHA-256: they live once each in exercise_images
 * (migration 4), which never changes or deletes a picture.
 */
import type { Migration } from '../migrate';

export const migration0007: Migration = {
  version: 7,
  name: 'handouts',
  sql: /* sql */ `
CREATE TABLE handouts (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  episode_id INTEGER NOT NULL REFERENCES episodes (id),
  clinician_id INTEGER NOT NULL REFERENCES clinicians (id),
  issued_on TEXT NOT NULL CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  issued_at TEXT NOT NULL,
  -- The HandoutSnapshot (shared/handout/handout-data.ts) the PDF was made from, as JSON.
  data_json TEXT NOT NULL CHECK (json_valid(data_json)),
  data_format INTEGER NOT NULL CHECK (data_format >= 1),
  layout_version INTEGER NOT NULL CHECK (layout_version >= 1),
  pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64 AND pdf_sha256 NOT GLOB '*[^0-9a-f]*'),
  pdf_bytes INTEGER NOT NULL CHECK (pdf_bytes > 0),
  page_count INTEGER NOT NULL CHECK (page_count BETWEEN 1 AND 200),
  paper_size TEXT NOT NULL CHECK (paper_size IN ('A4', 'Letter')),
  -- For the history list: "Level 6 of 15" (empty without a running plan) and the exercise names.
  level_summary TEXT NOT NULL DEFAULT '',
  exercise_names_json TEXT NOT NULL CHECK (json_valid(exercise_names_json) AND json_type(exercise_names_json) = 'array')
) STRICT;

CREATE INDEX handouts_by_episode ON handouts (episode_id, id);
CREATE INDEX handouts_by_patient ON handouts (patient_id, id);

CREATE TRIGGER handouts_append_only_update BEFORE UPDATE ON handouts BEGIN
  SELECT RAISE(ABORT, 'Handouts given are kept as they were: their rows cannot be changed.');
END;
CREATE TRIGGER handouts_append_only_delete BEFORE DELETE ON handouts BEGIN
  SELECT RAISE(ABORT, 'Handouts given are kept as they were: their rows cannot be deleted.');
END;
`,
};
