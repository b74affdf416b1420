/**
 * Home exercise prescriptions: each save of an episode's programme is a new version; saved
 * versions are never changed (the tables refuse UPDATE and DELETE, and a saved version refuses
 * more items). Each item keeps the exercise as it was prescribed (a clinic exercise also by its
 * version), so later edits to the library never rewrite what a patient was given.
 *
 * `currentPrescription` is what the handout prints.
 */
import type { Dosage } from '../../shared/clinical/exercises/dosage';
import { Dosage as DosageSchema } from '../../shared/clinical/exercises/dosage';
import { Exercise as ExerciseSchema } from '../../shared/clinical/exercises/exercise';
import type {
  EpisodeProgramme,
  PrescribedExercise,
  Prescription,
  PrescriptionItemInput,
  PrescriptionSave,
  PrescriptionVersionSummary,
} from '../../shared/domain/prescription';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { AppError, notFound } from '../util/errors';
import type { LibraryExercise } from './clinic-exercises';
import { findLibraryExercise } from './clinic-exercises';
import { getEpisode } from './episodes';
import { getPatient } from './patients';
import { onlyRow } from '../db/rows';
import { JsonNames, readJsonColumn } from '../db/json-column';

interface PrescriptionRow {
  id: number;
  episode_id: number;
  patient_id: number;
  version: number;
  item_count: number;
  created_at: string;
  author: string | null;
}

interface ItemRow {
  position: number;
  exercise_id: string;
  clinic_exercise_id: number | null;
  clinic_exercise_version: number | null;
  dosage_json: string;
  note: string;
  exercise_json: string;
}

const SELECT_PRESCRIPTION = `
  SELECT p.id, p.episode_id, e.patient_id, p.version, p.item_count, p.created_at, c.name AS author
  FROM prescriptions p
  JOIN episodes e ON e.id = p.episode_id
  LEFT JOIN clinicians c ON c.id = p.created_by`;

function unreadable(): AppError {
  return new AppError(
    'database_unavailable',
    'This home exercise programme could not be read from the records file. Restore the most recent backup.',
  );
}

function readItems(db: Db, prescriptionId: number): ItemRow[] {
  return db
    .prepare<unknown[], ItemRow>(
      `SELECT position, exercise_id, clinic_exercise_id, clinic_exercise_version, dosage_json, note, exercise_json
       FROM prescription_items WHERE prescription_id = ? ORDER BY position`,
    )
    .all(prescriptionId);
}

function toItem(r: ItemRow): PrescribedExercise {
  const dosage = DosageSchema.safeParse(JSON.parse(r.dosage_json));
  const exercise = ExerciseSchema.safeParse(JSON.parse(r.exercise_json));
  if (!dosage.success || !exercise.success) throw unreadable();
  return {
    position: r.position,
    exerciseId: r.exercise_id,
    source: r.clinic_exercise_id === null ? 'built-in' : 'clinic',
    clinicExerciseVersion: r.clinic_exercise_version,
    dosage: dosage.data,
    note: r.note,
    exercise: exercise.data,
  };
}

function toPrescription(db: Db, r: PrescriptionRow): Prescription {
  const items = readItems(db, r.id);
  // The version was written with all its items in one transaction; fewer means a damaged file.
  if (items.length !== r.item_count) throw unreadable();
  return {
    id: r.id,
    episodeId: r.episode_id,
    patientId: r.patient_id,
    version: r.version,
    savedAt: r.created_at,
    savedBy: r.author ?? 'Unknown clinician',
    items: items.map(toItem),
  };
}

function latestVersion(db: Db, episodeId: number): number | null {
  const row = onlyRow(
    db.prepare<
      unknown[],
      {
        v: number | null;
      }
    >('SELECT max(version) AS v FROM prescriptions WHERE episode_id = ?'),
    episodeId,
  );
  return row.v;
}

/** The episode's current programme (its newest version), or null before the first is saved. */
export function currentPrescription(db: Db, episodeId: number): Prescription | null {
  getEpisode(db, episodeId);
  const row = db
    .prepare<unknown[], PrescriptionRow>(
      `${SELECT_PRESCRIPTION} WHERE p.episode_id = ? ORDER BY p.version DESC LIMIT 1`,
    )
    .get(episodeId);
  return row ? toPrescription(db, row) : null;
}

/** One saved version, exactly as it was saved. */
export function getPrescription(db: Db, episodeId: number, version: number): Prescription {
  const row = db
    .prepare<unknown[], PrescriptionRow>(`${SELECT_PRESCRIPTION} WHERE p.episode_id = ? AND p.version = ?`)
    .get(episodeId, version);
  if (!row) throw notFound(`Version ${version} of this home exercise programme`);
  return toPrescription(db, row);
}

/** Every saved version of the episode's programme, newest first. */
export function prescriptionHistory(db: Db, episodeId: number): PrescriptionVersionSummary[] {
  getEpisode(db, episodeId);
  const rows = db
    .prepare<unknown[], { version: number; created_at: string; author: string | null; names: string }>(
      `SELECT p.version, p.created_at, c.name AS author,
              (SELECT json_group_array(json_extract(i.exercise_json, '$.name') ORDER BY i.position)
                 FROM prescription_items i WHERE i.prescription_id = p.id) AS names
       FROM prescriptions p LEFT JOIN clinicians c ON c.id = p.created_by
       WHERE p.episode_id = ? ORDER BY p.version DESC`,
    )
    .all(episodeId);
  return rows.map((r) => ({
    version: r.version,
    savedAt: r.created_at,
    savedBy: r.author ?? 'Unknown clinician',
    exerciseNames: readJsonColumn(JsonNames, r.names, `Version ${r.version} of the home exercises`),
  }));
}

/** The current programme of each of a patient's open episodes, in brief (the patient page). */
export function currentProgrammesForPatient(db: Db, patientId: number): EpisodeProgramme[] {
  getPatient(db, patientId);
  const rows = db
    .prepare<unknown[], PrescriptionRow>(
      `${SELECT_PRESCRIPTION}
       WHERE e.patient_id = ? AND e.status = 'open'
         AND p.version = (SELECT max(version) FROM prescriptions WHERE episode_id = p.episode_id)
       ORDER BY e.opened_on DESC, e.id DESC`,
    )
    .all(patientId);
  return rows.map((r) => {
    const full = toPrescription(db, r);
    return {
      episodeId: full.episodeId,
      version: full.version,
      savedAt: full.savedAt,
      items: full.items.map((i) => ({ exerciseId: i.exerciseId, name: i.exercise.name, dosage: i.dosage })),
    };
  });
}

/**
 * Each requested exercise found in the library, ready to store. Unknown and retired exercises
 * are refused, keyed by the request's field ("items.2.exerciseId"), with what to do.
 */
export function resolveItems(db: Db, items: readonly PrescriptionItemInput[], prefix = 'items'): LibraryExercise[] {
  const errors: Record<string, string> = {};
  const found: LibraryExercise[] = [];
  items.forEach((item, i) => {
    const entry = findLibraryExercise(db, item.exerciseId);
    const field = `${prefix}.${i}.exerciseId`;
    if (!entry) {
      errors[field] = `Exercise ${i + 1} ("${item.exerciseId}") is not in the exercise library: remove it.`;
    } else if (entry.source === 'clinic' && entry.retired) {
      errors[field] =
        `"${entry.exercise.name}" was retired from the library: remove it, or bring it back in the exercise library first.`;
    } else {
      found.push(entry);
    }
  });
  const messages = Object.values(errors);
  if (messages.length > 0) {
    throw new AppError(
      'invalid_request',
      messages.length === 1 ? messages[0]! : `${messages.length} exercises need attention: ${messages.join(' ')}`,
      errors,
    );
  }
  return found;
}

function brief(items: readonly { exerciseId: string; dosage: Dosage; note: string }[], versions: (number | null)[]) {
  return items.map((i, n) => ({
    exerciseId: i.exerciseId,
    ...(versions[n] ? { clinicExerciseVersion: versions[n] } : {}),
    dosage: i.dosage,
    note: i.note,
  }));
}

/** Saves the episode's programme as a new version; the earlier versions stay exactly as they were. */
export function savePrescription(db: Db, clock: Clock, clinicianId: number, req: PrescriptionSave): Prescription {
  return db
    .transaction(() => {
      const episode = getEpisode(db, req.episodeId);
      const patient = getPatient(db, episode.patientId);
      if (patient.archived) {
        throw new AppError(
          'conflict',
          'This patient is archived. Bring them back from the archive before changing their home exercises.',
        );
      }
      if (episode.status !== 'open') {
        throw new AppError('conflict', 'This episode is discharged. Reopen it to change the home exercises.');
      }
      const latest = latestVersion(db, req.episodeId);
      if (latest !== req.basedOnVersion) {
        throw new AppError(
          'stale',
          latest === null
            ? 'The programme you started from is no longer in the records. Reload the page, then make your change again.'
            : `Someone saved a newer version of this programme (version ${latest}) since you opened it. Reload to see it, then make your change again.`,
        );
      }
      const library = resolveItems(db, req.items);
      const before = latest === null ? null : getPrescription(db, req.episodeId, latest);
      const version = (latest ?? 0) + 1;
      const now = clock.now().toISOString();
      const id = Number(
        db
          .prepare(
            'INSERT INTO prescriptions (episode_id, version, item_count, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
          )
          .run(req.episodeId, version, req.items.length, now, clinicianId).lastInsertRowid,
      );
      const insert = db.prepare(
        `INSERT INTO prescription_items (prescription_id, position, exercise_id, clinic_exercise_id, clinic_exercise_version,
           dosage_json, note, exercise_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      req.items.forEach((item, i) => {
        const entry = library[i]!;
        insert.run(
          id,
          i + 1,
          item.exerciseId,
          entry.source === 'clinic' ? entry.clinicExerciseId : null,
          entry.source === 'clinic' ? entry.version : null,
          JSON.stringify(item.dosage),
          item.note,
          JSON.stringify(entry.exercise),
        );
      });
      appendAudit(db, clock, {
        clinicianId,
        action: 'prescribe',
        entity: 'prescription',
        entityId: id,
        patientId: episode.patientId,
        summary:
          req.items.length === 0
            ? `Stopped the home exercises for ${episode.title} (version ${version})`
            : `Saved home exercises for ${episode.title} (version ${version}, ${req.items.length} exercise${req.items.length === 1 ? '' : 's'})`,
        ...(before
          ? {
              before: {
                version: before.version,
                items: brief(
                  before.items,
                  before.items.map((i) => i.clinicExerciseVersion),
                ),
              },
            }
          : {}),
        after: {
          episodeId: req.episodeId,
          version,
          items: brief(
            req.items,
            library.map((l) => (l.source === 'clinic' ? l.version : null)),
          ),
        },
      });
      return getPrescription(db, req.episodeId, version);
    })
    .immediate();
}
