/** Version 2: episodes of care. The intake, programme, check-ins and exercises hang off these. */
import type { Migration } from '../migrate';

export const migration0002: Migration = {
  version: 2,
  name: 'episodes of care',
  sql: /* sql */ `
CREATE TABLE episodes (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  -- Codes from shared/clinical/intake/episode.ts; checked at the boundary, since the list grows.
  diagnosis TEXT NOT NULL CHECK (length(diagnosis) BETWEEN 1 AND 60),
  diagnosis_detail TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'not_applicable')),
  onset_date TEXT CHECK (onset_date IS NULL OR onset_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES clinicians (id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES clinicians (id),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
) STRICT;

CREATE INDEX episodes_by_patient ON episodes (patient_id, opened_on, id);
`,
};
