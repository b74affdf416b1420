/**
 * The clinic's own exercises: add, edit (each edit a new version, old versions kept), retire or
 * bring back, and copy a built-in one ("Copy to edit", keeping its pose drawing). Also
 * `findLibraryExercise`, which looks an exercise id up in the built-in library and the clinic's.
 */
import type { Exercise, Illustration } from '../../shared/clinical/exercises/exercise';
import { Exercise as ExerciseSchema } from '../../shared/clinical/exercises/exercise';
import { findExercise } from '../../shared/clinical/exercises/lookup';
import type {
  ClinicExercise,
  ClinicExerciseCreate,
  ClinicExerciseInput,
  ClinicExerciseRetire,
  ClinicExerciseUpdate,
  StoredImageFacts,
} from '../../shared/domain/clinic-exercise';
import { clinicExerciseKey, clinicExerciseRowId } from '../../shared/domain/clinic-exercise';
import { fieldErrors } from '../../shared/ipc/field-errors';
import { appendAudit } from '../audit/audit-log';
import { canonicalJson } from '../../shared/text/canonical-json';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { AppError, notFound, stale } from '../util/errors';
import type { CheckedImage } from './exercise-images';
import { checkUpload, storeImage } from './exercise-images';
import { jsonValue } from '../db/json-column';

interface ClinicExerciseRow {
  id: number;
  current_version: number;
  copied_from: string | null;
  retired_at: string | null;
  head_created_at: string;
  version: number;
  name: string;
  purpose: string;
  starting_position: string;
  steps_json: string;
  cues_json: string;
  mistakes_json: string;
  dosage_json: string;
  easier_json: string;
  harder_json: string;
  regions_json: string;
  exercise_type: string;
  illustration_json: string;
  clinician_note: string;
  created_at: string;
  author: string | null;
  image_id: string | null;
  media_type: StoredImageFacts['mediaType'] | null;
  width: number | null;
  height: number | null;
  byte_size: number | null;
}

const SELECT = `
  SELECT h.id, h.current_version, h.copied_from, h.retired_at, h.created_at AS head_created_at,
         v.version, v.name, v.purpose, v.starting_position, v.steps_json, v.cues_json, v.mistakes_json,
         v.dosage_json, v.easier_json, v.harder_json, v.regions_json, v.exercise_type, v.illustration_json,
         v.clinician_note, v.created_at, c.name AS author,
         i.sha256 AS image_id, i.media_type, i.width, i.height, i.byte_size
  FROM clinic_exercises h
  JOIN clinic_exercise_versions v ON v.exercise_id = h.id
  LEFT JOIN clinicians c ON c.id = v.created_by
  LEFT JOIN exercise_images i ON i.sha256 = v.image_id`;

const NOT_JSON = Symbol('not JSON');

/** The stored row back in the shared Exercise shape, checked on the way out. */
function toExercise(r: ClinicExerciseRow): Exercise {
  // Text that is not JSON at all is refused like a value the schema refuses.
  const json = (text: string): unknown => {
    try {
      return jsonValue(text);
    } catch {
      return NOT_JSON;
    }
  };
  const parsed = ExerciseSchema.safeParse({
    id: clinicExerciseKey(r.id),
    name: r.name,
    purpose: r.purpose,
    startingPosition: r.starting_position,
    steps: json(r.steps_json),
    cues: json(r.cues_json),
    mistakes: json(r.mistakes_json),
    dosage: json(r.dosage_json),
    easier: json(r.easier_json),
    harder: json(r.harder_json),
    tags: { regions: json(r.regions_json), type: r.exercise_type },
    illustration: json(r.illustration_json),
    clinicianNote: r.clinician_note,
  });
  if (!parsed.success) {
    throw new AppError(
      'database_unavailable',
      `The clinic exercise "${r.name}" could not be read from the records file. Restore the most recent backup.`,
    );
  }
  return parsed.data;
}

function toClinicExercise(r: ClinicExerciseRow): ClinicExercise {
  return {
    id: r.id,
    version: r.version,
    exercise: toExercise(r),
    retired: r.retired_at !== null,
    copiedFrom: r.copied_from,
    image:
      r.image_id && r.media_type && r.width && r.height && r.byte_size
        ? { imageId: r.image_id, mediaType: r.media_type, width: r.width, height: r.height, byteSize: r.byte_size }
        : null,
    createdAt: r.head_created_at,
    updatedAt: r.created_at,
    updatedBy: r.author ?? 'Unknown clinician',
  };
}

/** One clinic exercise, at its current version or at an earlier one. */
export function getClinicExercise(db: Db, id: number, version?: number): ClinicExercise {
  const row = db
    .prepare<unknown[], ClinicExerciseRow>(
      `${SELECT} WHERE h.id = ? AND v.version = ${version === undefined ? 'h.current_version' : '?'}`,
    )
    .get(...(version === undefined ? [id] : [id, version]));
  if (!row) throw notFound(version === undefined ? 'This exercise' : `Version ${version} of this exercise`);
  return toClinicExercise(row);
}

/** The clinic's exercises at their current versions, by name. */
export function listClinicExercises(db: Db, options: { includeRetired: boolean }): ClinicExercise[] {
  const rows = db
    .prepare<unknown[], ClinicExerciseRow>(
      `${SELECT} WHERE v.version = h.current_version ${options.includeRetired ? '' : 'AND h.retired_at IS NULL'}
       ORDER BY v.name COLLATE NOCASE, h.id`,
    )
    .all();
  return rows.map(toClinicExercise);
}

export type LibraryExercise =
  | { source: 'built-in'; exercise: Exercise }
  | { source: 'clinic'; exercise: Exercise; clinicExerciseId: number; version: number; retired: boolean };

/** An exercise id ("ankle-knee-to-wall" or "clinic-12") in the built-in library or the clinic's. */
export function findLibraryExercise(db: Db, exerciseId: string): LibraryExercise | null {
  const rowId = clinicExerciseRowId(exerciseId);
  if (rowId === null) {
    const builtIn = findExercise(exerciseId);
    return builtIn ? { source: 'built-in', exercise: builtIn } : null;
  }
  const row = db
    .prepare<unknown[], ClinicExerciseRow>(`${SELECT} WHERE h.id = ? AND v.version = h.current_version`)
    .get(rowId);
  if (!row) return null;
  return {
    source: 'clinic',
    exercise: toExercise(row),
    clinicExerciseId: row.id,
    version: row.version,
    retired: row.retired_at !== null,
  };
}

function invalid(fields: Record<string, string>): AppError {
  const messages = Object.values(fields);
  const message =
    messages.length === 1
      ? messages[0]!
      : `${messages.length} entries need attention: ${messages.slice(0, 3).join(' ')}`;
  return new AppError('invalid_request', message, fields);
}

/**
 * The exercise as it will be stored, checked with the shared schema (so the clinic's exercises
 * meet the same rules as the built-in ones), its variants checked against the library.
 * Field errors are keyed like the request ("exercise.steps.2").
 */
function checkedExercise(db: Db, id: string, input: ClinicExerciseInput, illustration: Illustration): Exercise {
  const { picture: _picture, ...fields } = input;
  const parsed = ExerciseSchema.safeParse({ id, ...fields, illustration });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
      errors[`exercise.${path.startsWith('illustration') ? 'picture' : path}`] = message;
    }
    throw invalid(errors);
  }
  const errors: Record<string, string> = {};
  for (const direction of ['easier', 'harder'] as const) {
    for (const variantId of parsed.data[direction]) {
      if (!findLibraryExercise(db, variantId)) {
        errors[`exercise.${direction}`] ??=
          `"${variantId}" is not in the exercise library: choose ${direction} exercises from the list.`;
      }
    }
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return parsed.data;
}

/**
 * The picture the new version will have: an upload (checked now, stored in the caller's
 * transaction), or the one to keep (the current version's, or the copied built-in's drawing).
 */
function choosePicture(
  input: ClinicExerciseInput,
  keep: Illustration | null,
): { illustration: Illustration; upload: CheckedImage | null } {
  const picture = input.picture;
  if (picture.kind === 'upload') {
    const upload = checkUpload(picture.dataBase64, 'exercise.picture');
    return {
      illustration: {
        kind: 'image',
        description: picture.description,
        imageId: upload.imageId,
        mediaType: upload.mediaType,
      },
      upload,
    };
  }
  if (!keep) {
    throw invalid({ 'exercise.picture': 'Add a picture: choose a PNG or JPEG file.' });
  }
  return { illustration: { ...keep, description: picture.description }, upload: null };
}

function insertVersion(db: Db, id: number, version: number, exercise: Exercise, now: string, clinicianId: number) {
  const illustration = exercise.illustration;
  db.prepare(
    `INSERT INTO clinic_exercise_versions (exercise_id, version, name, purpose, starting_position, steps_json, cues_json,
       mistakes_json, dosage_json, easier_json, harder_json, regions_json, exercise_type, illustration_json, image_id,
       clinician_note, created_at, created_by)
     VALUES (@id, @version, @name, @purpose, @startingPosition, @steps, @cues, @mistakes, @dosage, @easier, @harder,
       @regions, @type, @illustration, @imageId, @clinicianNote, @now, @clinicianId)`,
  ).run({
    id,
    version,
    name: exercise.name,
    purpose: exercise.purpose,
    startingPosition: exercise.startingPosition,
    steps: JSON.stringify(exercise.steps),
    cues: JSON.stringify(exercise.cues),
    mistakes: JSON.stringify(exercise.mistakes),
    dosage: JSON.stringify(exercise.dosage),
    easier: JSON.stringify(exercise.easier),
    harder: JSON.stringify(exercise.harder),
    regions: JSON.stringify(exercise.tags.regions),
    type: exercise.tags.type,
    illustration: JSON.stringify(illustration),
    imageId: illustration.kind === 'image' ? illustration.imageId : null,
    clinicianNote: exercise.clinicianNote,
    now,
    clinicianId,
  });
}

/** What the audit trail keeps of an exercise: everything but the drawing's geometry. */
function auditView(e: Exercise): unknown {
  const { illustration, ...rest } = e;
  return {
    ...rest,
    illustration:
      illustration.kind === 'image'
        ? { kind: 'image', imageId: illustration.imageId, description: illustration.description }
        : { kind: 'pose', description: illustration.description },
  };
}

export function createClinicExercise(
  db: Db,
  clock: Clock,
  clinicianId: number,
  req: ClinicExerciseCreate,
): ClinicExercise {
  let keep: Illustration | null = null;
  if (req.copiedFrom !== null) {
    const source = findExercise(req.copiedFrom);
    if (!source) {
      throw new AppError('not_found', `The built-in exercise "${req.copiedFrom}" is not in the library any more.`);
    }
    keep = source.illustration;
  }
  const { illustration, upload } = choosePicture(req.exercise, keep);
  return db
    .transaction(() => {
      const now = clock.now().toISOString();
      const id = Number(
        db
          .prepare(
            `INSERT INTO clinic_exercises (current_version, copied_from, created_at, created_by, updated_at, updated_by)
             VALUES (1, ?, ?, ?, ?, ?)`,
          )
          .run(req.copiedFrom, now, clinicianId, now, clinicianId).lastInsertRowid,
      );
      const exercise = checkedExercise(db, clinicExerciseKey(id), req.exercise, illustration);
      if (upload) storeImage(db, clock, clinicianId, upload);
      insertVersion(db, id, 1, exercise, now, clinicianId);
      appendAudit(db, clock, {
        clinicianId,
        action: 'create',
        entity: 'exercise',
        entityId: id,
        patientId: null,
        summary: req.copiedFrom
          ? `Copied the built-in exercise "${findExercise(req.copiedFrom)?.name ?? req.copiedFrom}" as "${exercise.name}"`
          : `Added the clinic exercise "${exercise.name}"`,
        after: { copiedFrom: req.copiedFrom, exercise: auditView(exercise) },
      });
      return getClinicExercise(db, id);
    })
    .immediate();
}

/** Saves the edit as a new version; the earlier versions stay as they were. */
export function updateClinicExercise(
  db: Db,
  clock: Clock,
  clinicianId: number,
  req: ClinicExerciseUpdate,
): ClinicExercise {
  const { illustration: uploaded, upload } =
    req.exercise.picture.kind === 'upload' ? choosePicture(req.exercise, null) : { illustration: null, upload: null };
  return db
    .transaction(() => {
      const before = getClinicExercise(db, req.id);
      if (before.version !== req.expectedVersion) throw stale(`"${before.exercise.name}"`);
      if (before.retired) {
        throw new AppError('conflict', `"${before.exercise.name}" is retired. Bring it back before you edit it.`);
      }
      const illustration = uploaded ?? {
        ...before.exercise.illustration,
        description: req.exercise.picture.description,
      };
      const exercise = checkedExercise(db, before.exercise.id, req.exercise, illustration);
      if (canonicalJson(exercise) === canonicalJson(before.exercise)) return before;
      if (upload) storeImage(db, clock, clinicianId, upload);
      const now = clock.now().toISOString();
      const version = before.version + 1;
      insertVersion(db, req.id, version, exercise, now, clinicianId);
      db.prepare('UPDATE clinic_exercises SET current_version = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
        version,
        now,
        clinicianId,
        req.id,
      );
      appendAudit(db, clock, {
        clinicianId,
        action: 'update',
        entity: 'exercise',
        entityId: req.id,
        patientId: null,
        summary: `Changed the clinic exercise "${exercise.name}" (version ${version})`,
        before: auditView(before.exercise),
        after: auditView(exercise),
      });
      return getClinicExercise(db, req.id);
    })
    .immediate();
}

export function setClinicExerciseRetired(
  db: Db,
  clock: Clock,
  clinicianId: number,
  req: ClinicExerciseRetire,
): ClinicExercise {
  return db
    .transaction(() => {
      const before = getClinicExercise(db, req.id);
      if (before.version !== req.expectedVersion) throw stale(`"${before.exercise.name}"`);
      if (before.retired === req.retired) return before;
      const now = clock.now().toISOString();
      db.prepare('UPDATE clinic_exercises SET retired_at = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
        req.retired ? now : null,
        now,
        clinicianId,
        req.id,
      );
      appendAudit(db, clock, {
        clinicianId,
        action: req.retired ? 'retire' : 'restore',
        entity: 'exercise',
        entityId: req.id,
        patientId: null,
        summary: `${req.retired ? 'Retired' : 'Brought back'} the clinic exercise "${before.exercise.name}"`,
        before: { retired: before.retired },
        after: { retired: req.retired },
      });
      return getClinicExercise(db, req.id);
    })
    .immediate();
}
