/**
 * What every exported table and column means, written for the person who imports an export into
 * another system. Each export carries these descriptions (in the JSON, and in README.txt beside
 * the CSV files), and a test checks that every column of every exported table has one: a feature
 * that adds a table or column adds its description here.
 */

export interface TableDoc {
  /** One or two sentences: what a row is. */
  about: string;
  columns: Record<string, string>;
  /** Columns the app derives for its own use (search keys); left out of exports. */
  internal?: readonly string[];
}

const WHEN = 'ISO 8601 UTC timestamp (e.g. 2026-11-27T10:00:00.000Z)';
const DAY = 'date as YYYY-MM-DD';

export const TABLE_DOCS: Readonly<Record<string, TableDoc>> = {
  clinic_settings: {
    about: 'The clinic itself: one row (id 1) with its name, contact details and display preferences.',
    columns: {
      id: 'Always 1.',
      clinic_name: 'Name of the clinic.',
      address: 'Postal address, free text (may be empty).',
      phone: 'Clinic phone number (may be empty).',
      email: 'Clinic email address (may be empty).',
      units: 'Distance unit used on screen and handouts: "km" or "mi".',
      paper_size: 'Paper size for printing: "A4" or "Letter".',
      date_format:
        'How dates are shown: "DD/MM/YYYY", "MM/DD/YYYY" or "YYYY-MM-DD". Dates in exports are always YYYY-MM-DD.',
      is_demo: '1 for the demo clinic (fictional patients), 0 for a real clinic.',
      created_at: `When the clinic was set up, ${WHEN}.`,
      updated_at: `When the settings last changed, ${WHEN}.`,
      auto_lock_minutes: 'Minutes without activity before the app locks itself.',
      backup_keep: 'How many automatic snapshots the data folder keeps.',
    },
  },
  clinicians: {
    about:
      'People who work at the clinic and sign in to the app. Never deleted; "active" 0 means they can no longer sign in.',
    columns: {
      id: 'Clinician number, referred to by other tables (created_by, updated_by, clinician_id).',
      name: 'Full name.',
      profession: 'Profession, e.g. "Physiotherapist".',
      registration_number: 'Professional registration number (may be empty).',
      active: '1 if they can sign in, 0 if no longer active.',
      created_at: `When they were added, ${WHEN}.`,
      updated_at: `When their details last changed, ${WHEN}.`,
    },
  },
  patients: {
    about: 'One row per patient. Patients are never deleted: archived_at is set instead.',
    columns: {
      id: 'Patient number, referred to by other tables (patient_id).',
      given_name: 'Given (first) name, as typed, Unicode.',
      family_name: 'Family name, as typed, Unicode.',
      date_of_birth: `Date of birth, ${DAY}.`,
      sex: 'One of "female", "male", "intersex", "not_stated".',
      phone: 'Phone number (may be empty).',
      email: 'Email address (may be empty).',
      record_number: 'The clinic’s record number for the patient, unique regardless of case and spaces.',
      notes: 'Free-text notes about the patient (may be empty; may hold line breaks).',
      archived_at: `When the patient was archived, ${WHEN}; empty if not archived.`,
      created_at: `When the record was created, ${WHEN}.`,
      created_by: 'clinicians.id of who created it (empty for records made before clinicians existed).',
      updated_at: `When the record last changed, ${WHEN}.`,
      updated_by: 'clinicians.id of who last changed it.',
      version: 'Starts at 1; goes up by one with every change.',
    },
    internal: ['record_number_key', 'sort_key', 'search_text'],
  },
  episodes: {
    about: 'Episodes of care: one injury of one patient, from the first visit to discharge.',
    columns: {
      id: 'Episode number, referred to by other tables (episode_id).',
      patient_id: 'patients.id of the patient.',
      diagnosis: 'Diagnosis code from the app’s list, e.g. "hamstring_strain", "achilles_tendinopathy", or "other".',
      diagnosis_detail: 'Free-text detail; the diagnosis itself when diagnosis is "other".',
      region: 'Body region code, e.g. "knee", "achilles", "hip_groin", "lower_leg".',
      side: 'One of "left", "right", "both", "not_applicable".',
      onset_date: `When the symptoms started, ${DAY}; empty if unknown.`,
      status: '"open" or "closed" (discharged).',
      opened_on: `Day the episode was opened, ${DAY}.`,
      closed_on: `Day of discharge, ${DAY}; empty while open.`,
      created_at: `When it was created, ${WHEN}.`,
      created_by: 'clinicians.id of who opened it.',
      updated_at: `When it last changed, ${WHEN}.`,
      updated_by: 'clinicians.id of who last changed it.',
      version: 'Starts at 1; goes up by one with every change.',
    },
  },
  audit_log: {
    about:
      'The audit trail: one row per change to the records, and per view, export, backup, restore, sign-in and lock. Append-only and hash-chained: hash = SHA-256 (hex) of prev_hash, a line feed, and the canonical JSON (keys sorted) of {action, afterJson, at, beforeJson, clinicianId, entity, entityId, patientId, summary}; the first row’s prev_hash is 64 zeros.',
    columns: {
      id: 'Entry number, in the order entries were written.',
      at: `When it happened, ${WHEN}.`,
      clinician_id: 'clinicians.id of who did it (empty for what the app did on its own, e.g. automatic snapshots).',
      action:
        'What happened, e.g. "create", "update", "view", "archive", "sign_in", "export", "backup", "restore_backup".',
      entity: 'The kind of record concerned, e.g. "patient", "episode", "settings", "session", "records".',
      entity_id: 'The id of that record in its table (empty when the entry concerns no single record).',
      patient_id: 'patients.id of the patient concerned (empty when none).',
      summary: 'One readable sentence describing the entry.',
      before_json: 'The changed fields before the change, as JSON text (empty when not a change).',
      after_json: 'The fields after the change, as JSON text (empty when not a change).',
      prev_hash: 'The hash of the previous entry (64 zeros for the first).',
      hash: 'This entry’s hash (see the table description).',
    },
  },
};

/**
 * Tables that hold no patient data but give a patient's record its context: a patient's export
 * includes the clinic's row and the clinicians named in the record.
 */
export const CLINIC_TABLE = 'clinic_settings';
export const CLINICIANS_TABLE = 'clinicians';

/** Tables never exported: the app's own bookkeeping. */
export const NOT_EXPORTED: readonly string[] = ['schema_migrations'];
