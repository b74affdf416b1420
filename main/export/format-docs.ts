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
      emergency_number: 'Number to call for an ambulance, printed on handouts: 2 to 6 digits, like 999, 911 or 112.',
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
      role: "owner (the clinic's first clinician), administrator (both manage clinicians) or clinician.",
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

  exercise_images: {
    about:
      'Pictures uploaded for the clinic’s own exercises, stored once per content. Never changed or deleted (prescriptions may show them).',
    columns: {
      sha256: 'SHA-256 (hex) of the picture’s bytes: its identity, referred to by clinic_exercise_versions.image_id.',
      media_type: '"image/png" or "image/jpeg".',
      byte_size: 'Size of the picture in bytes.',
      width: 'Width in pixels.',
      height: 'Height in pixels.',
      data: 'The picture’s bytes (base64 text in exports).',
      created_at: `When it was uploaded, ${WHEN}.`,
      created_by: 'clinicians.id of who uploaded it.',
    },
  },
  clinic_exercises: {
    about:
      'The clinic’s own exercises (the built-in library lives in the app, not in the records): which version is current, and whether the exercise is retired.',
    columns: {
      id: 'Clinic exercise number; prescriptions name it "clinic-<id>".',
      current_version: 'The version in use (clinic_exercise_versions.version).',
      copied_from: 'The built-in exercise it was copied from (its id), or empty.',
      retired_at: `When it was retired (no longer offered), ${WHEN}; empty while in use.`,
      created_at: `When it was created, ${WHEN}.`,
      created_by: 'clinicians.id of who created it.',
      updated_at: `When it last changed, ${WHEN}.`,
      updated_by: 'clinicians.id of who last changed it.',
    },
  },
  clinic_exercise_versions: {
    about: 'Every saved version of a clinic exercise, never changed: an edit saves a new version.',
    columns: {
      exercise_id: 'clinic_exercises.id.',
      version: 'Version number, 1, 2, 3… per exercise.',
      name: 'Exercise name.',
      purpose: 'What the exercise is for, one sentence.',
      starting_position: 'How to start.',
      steps_json: 'The steps, as a JSON array of texts.',
      cues_json: 'Cues while doing it, as a JSON array of texts.',
      mistakes_json: 'Common mistakes, as a JSON array of texts.',
      dosage_json: 'The usual dosage (sets, repetitions or time, frequency…), as a JSON object.',
      easier_json: 'Easier variations, as a JSON array.',
      harder_json: 'Harder variations, as a JSON array.',
      regions_json: 'Body regions it works, as a JSON array of region codes.',
      exercise_type: '"mobility", "strength" or "cross-training".',
      illustration_json: 'The picture: a pose drawing or an uploaded picture, as a JSON object ({"kind": …}).',
      image_id: 'exercise_images.sha256 of an uploaded picture, or empty for a drawing.',
      clinician_note: 'A note for clinicians (may be empty).',
      created_at: `When this version was saved, ${WHEN}.`,
      created_by: 'clinicians.id of who saved it.',
    },
  },
  prescriptions: {
    about:
      'A patient’s home exercise programme for one episode, version 1, 2, 3…: each version is written once with all its items and never changed; the newest is current.',
    columns: {
      id: 'Prescription number.',
      episode_id: 'episodes.id of the episode.',
      version: 'Version number within the episode.',
      item_count: 'How many exercises it holds (prescription_items).',
      created_at: `When it was saved, ${WHEN}.`,
      created_by: 'clinicians.id of who prescribed it.',
    },
  },
  prescription_items: {
    about: 'The exercises of one prescription version, in order, as prescribed.',
    columns: {
      prescription_id: 'prescriptions.id.',
      position: 'Order in the programme, from 1.',
      exercise_id: 'The exercise: a built-in id, or "clinic-<n>" for clinic exercise n.',
      clinic_exercise_id: 'clinic_exercises.id for a clinic exercise, else empty.',
      clinic_exercise_version: 'The version of that clinic exercise that was prescribed, else empty.',
      dosage_json: 'The dosage prescribed, as a JSON object.',
      note: 'A note for the patient about this exercise (may be empty).',
      exercise_json:
        'The exercise as prescribed (instructions and picture), as a JSON object: what the handout prints.',
    },
  },
  prescription_templates: {
    about: 'The clinic’s reusable exercise programmes.',
    columns: {
      id: 'Template number.',
      name: 'Template name.',
      items_json: 'The exercises, as a JSON array of {exerciseId, dosage, note}.',
      removed_at: `When it was removed from the list, ${WHEN}; empty while offered.`,
      created_at: `When it was created, ${WHEN}.`,
      created_by: 'clinicians.id of who created it.',
      updated_at: `When it last changed, ${WHEN}.`,
      updated_by: 'clinicians.id of who last changed it.',
      version: 'Starts at 1; goes up by one with every change.',
    },
    internal: ['name_key'],
  },
  clinical_notes: {
    about:
      'SOAP notes, one per visit (or the intake’s note). A signed note never changes: corrections are addenda (note_addenda).',
    columns: {
      id: 'Note number.',
      episode_id: 'episodes.id of the episode.',
      kind: '"intake" or "visit".',
      visit_date: `Day of the visit, ${DAY}.`,
      subjective: 'S: what the patient reports (may be empty).',
      objective: 'O: findings, measures and tests (may be empty).',
      assessment: 'A: the clinician’s assessment (may be empty).',
      plan: 'P: the plan (may be empty).',
      status: '"draft" or "signed".',
      signed_at: `When it was signed, ${WHEN}; empty for a draft.`,
      signed_by: 'clinicians.id of the signer; empty for a draft.',
      signer_name: 'The signer’s name as it was on the day.',
      signer_profession: 'The signer’s profession as it was on the day.',
      signer_registration: 'The signer’s registration number as it was on the day.',
      content_hash: 'SHA-256 of the signed content (canonical JSON), also in the audit trail.',
      created_at: `When it was started, ${WHEN}.`,
      created_by: 'clinicians.id of who started it.',
      updated_at: `When it last changed, ${WHEN}.`,
      updated_by: 'clinicians.id of who last changed it.',
      version: 'Starts at 1; goes up by one with every change.',
    },
  },
  note_addenda: {
    about: 'Addenda to signed notes: signed, append-only, never changed.',
    columns: {
      id: 'Addendum number.',
      note_id: 'clinical_notes.id of the note it adds to.',
      text: 'The addendum.',
      signed_at: `When it was signed, ${WHEN}.`,
      signed_by: 'clinicians.id of the signer.',
      signer_name: 'The signer’s name as it was on the day.',
      signer_profession: 'The signer’s profession as it was on the day.',
      signer_registration: 'The signer’s registration number as it was on the day.',
      content_hash: 'SHA-256 of the signed content.',
    },
  },
  intakes: {
    about:
      'The intake of an episode (one per episode): the answers, the scores, the readiness result and the starting point.',
    columns: {
      id: 'Intake number.',
      episode_id: 'episodes.id of the episode.',
      note_id: 'clinical_notes.id of the intake’s note.',
      draft_json: 'Every answer and measure of the intake form, as a JSON object.',
      typed_json: 'The clinician’s own words for each section of the note, as a JSON object.',
      status: '"draft" or "signed".',
      start_stage: 'The starting point chosen: "hold" (not ready to run), "walking" or "running"; empty until chosen.',
      start_level: 'The running level to start at (when start_stage is "running").',
      start_recommended:
        'What the readiness rules recommended: "not_ready_refer", "walking_stage" or "running_level_1".',
      start_reason: 'Why the clinician chose differently from the recommendation (may be empty).',
      start_decided_at: `When the starting point was chosen, ${WHEN}.`,
      start_decided_by: 'clinicians.id of who chose it.',
      start_decider_name: 'Their name as it was on the day.',
      start_decider_profession: 'Their profession as it was on the day.',
      start_decider_registration: 'Their registration number as it was on the day.',
      readiness_json: 'The readiness result at signing, with the thresholds it used, as a JSON object.',
      signed_at: `When it was signed, ${WHEN}; empty for a draft.`,
      signed_by: 'clinicians.id of the signer.',
      created_at: `When it was started, ${WHEN}.`,
      created_by: 'clinicians.id of who started it.',
      updated_at: `When it last changed, ${WHEN}.`,
      updated_by: 'clinicians.id of who last changed it.',
      version: 'Starts at 1; goes up by one with every change.',
    },
  },
  readiness_thresholds: {
    about: 'The clinic’s readiness-to-run thresholds (one row, id 1; no row means the app’s defaults).',
    columns: {
      id: 'Always 1.',
      brisk_walk_minutes: 'Minutes of brisk walking required.',
      walking_pain_below: 'Pain while walking must be below this (0–10 scale).',
      hopping_pain_below: 'Pain while hopping must be below this (0–10 scale).',
      heel_raise_lsi_at_least: 'Heel raises: injured side at least this percent of the other (limb symmetry index).',
      hop_lsi_at_least: 'Hops: injured side at least this percent of the other.',
      knee_swelling_at_most: 'Most knee swelling allowed: "zero", "trace", "one_plus", "two_plus" or "three_plus".',
      acl_weeks_after_surgery: 'ACL reconstruction: weeks since surgery before running, at least this many.',
      knee_rom_percent_at_least: 'Knee surgery: knee range of motion at least this percent of the other side.',
      knee_strength_lsi_at_least:
        'Knee surgery: quadriceps and hamstring strength, injured side at least this percent of the other.',
      knee_surgery_hop_lsi_at_least: 'Knee surgery: hops, injured side at least this percent of the other.',
      bone_stress_walk_phase_weeks:
        'Bone stress injury at a high-risk site: weeks of walking before running, at least this many.',
      postnatal_weeks_at_least: 'Return after childbirth: weeks since the birth before running, at least this many.',
      updated_at: `When they last changed, ${WHEN}.`,
      updated_by: 'clinicians.id of who changed them.',
      version: 'Starts at 1; goes up by one with every change.',
    },
  },
  running_settings: {
    about: 'The clinic’s running settings (one row, id 1).',
    columns: {
      id: 'Always 1.',
      default_rule_set_id: 'The soreness rule set new programmes use (rule_set_versions.rule_set_id).',
      updated_at: `When it last changed, ${WHEN}.`,
      updated_by: 'clinicians.id of who changed it.',
    },
  },
  rule_set_versions: {
    about:
      'Every version of every soreness rule set a decision used or the clinic wrote; never changed, so each decision can be shown in the words of the version that made it.',
    columns: {
      rule_set_id: 'Rule set identifier.',
      version: 'Version number within the set.',
      origin: '"shipped" (from the app) or "clinic" (written by the clinic).',
      name: 'Rule set name.',
      data_json: 'The whole rule set, as a JSON object.',
      created_at: `When this version was stored, ${WHEN}.`,
      created_by: 'clinicians.id of who wrote it (empty for shipped sets).',
    },
  },
  programme_versions: {
    about: 'Every version of the clinic’s own running programmes (the shipped templates live in the app).',
    columns: {
      programme_id: 'Programme identifier.',
      version: 'Version number within the programme.',
      name: 'Programme name.',
      data_json: 'The whole programme (levels, sessions), as a JSON object.',
      created_at: `When this version was saved, ${WHEN}.`,
      created_by: 'clinicians.id of who saved it.',
    },
  },
  programme_assignments: {
    about:
      'A running programme given to an episode: the patient’s own copy, the starting level and the rule set. The latest row of an episode is its current programme.',
    columns: {
      id: 'Assignment number.',
      episode_id: 'episodes.id of the episode.',
      programme_id: 'The template or clinic programme it was copied from.',
      programme_version: 'The version it was copied at.',
      programme_json: 'The patient’s copy of the programme, as a JSON object.',
      level_count: 'How many levels the programme has.',
      start_level: 'The level the patient starts at.',
      rule_set_id: 'The soreness rule set used for this programme.',
      assigned_on: `Day it was given, ${DAY}.`,
      reason: 'Why (for a change of programme; may be empty).',
      created_at: `When it was recorded, ${WHEN}.`,
      created_by: 'clinicians.id of who gave it.',
    },
  },
  check_ins: {
    about:
      'Check-in visits: the patient’s soreness report, the rules’ decision, the clinician’s override, and what applied. Append-only: a correction is a new row whose corrects_id names the row it corrects.',
    columns: {
      id: 'Check-in number.',
      episode_id: 'episodes.id of the episode.',
      assignment_id: 'programme_assignments.id of the programme it belongs to.',
      corrects_id: 'check_ins.id of the entry this one corrects, or empty.',
      recorded_on: `Day it was recorded, ${DAY}.`,
      run_date: `Day of the run reported, ${DAY}.`,
      rule_set_id: 'The rule set that decided.',
      rule_set_version: 'Its version.',
      level_before: 'Programme level before this run.',
      engine_level_after: 'The level the rules gave.',
      engine_days_off: 'The days off the rules gave.',
      clean_sessions_after: 'Sessions without soreness at the level, after this run (by the rules).',
      engine_complete: '1 if the rules found the programme complete, else 0.',
      entry_check_level: 'The level of an entry check, where one was done; else empty.',
      override_level: 'The clinician’s level, when they overrode the rules; else empty.',
      override_days_off: 'The clinician’s days off, when they overrode; else empty.',
      level_after: 'The level that applied (the override’s, else the rules’).',
      days_off: 'The days off that applied.',
      next_run_date: `Day of the next run, ${DAY}.`,
      complete: '1 if the programme is complete, else 0.',
      created_at: `When it was recorded, ${WHEN}.`,
      created_by: 'clinicians.id of who recorded it.',
      override_reason: 'Why the clinician overrode the rules; empty when they did not.',
      correction_reason: 'Why this entry corrects another (empty when it does not).',
      patient_instruction: 'What the patient was told, in their words.',
      report_json: 'The patient’s soreness report, as a JSON object.',
      decision_json: 'The rules’ whole decision, as a JSON object.',
    },
  },
  handouts: {
    about:
      'Take-home handouts given to patients. The PDF is not stored: it is made again from data_json, and pdf_sha256 proves it is the same file.',
    columns: {
      id: 'Handout number.',
      patient_id: 'patients.id of the patient.',
      episode_id: 'episodes.id of the episode.',
      clinician_id: 'clinicians.id of who gave it.',
      issued_on: `Day it was given, ${DAY}.`,
      issued_at: `When it was given, ${WHEN}.`,
      data_json: 'Everything the handout was made from, as a JSON object.',
      data_format: 'Version of the data_json format.',
      layout_version: 'Version of the page layout used.',
      pdf_sha256: 'SHA-256 (hex) of the PDF file.',
      pdf_bytes: 'Size of the PDF in bytes.',
      page_count: 'Number of pages.',
      paper_size: '"A4" or "Letter".',
      level_summary: 'The running level, as shown in the history (e.g. "Level 6 of 15"; empty without a running plan).',
      exercise_names_json: 'The exercises’ names, as a JSON array.',
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
