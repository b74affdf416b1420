/**
 * The running programmes given to an episode, as stored rows, and the checks every running write
 * shares (the episode is open, its patient active; a form's field problems become one error).
 */
import { readStoredProgramme } from '../../shared/clinical/programme';
import type { Assignment } from '../../shared/domain/running';
import type { Db } from '../db/open';
import { AppError } from '../util/errors';
import { getEpisode } from './episodes';
import { getPatient } from './patients';
import { currentRuleSet } from './running-library';

// --- Programmes given to an episode --------------------------------------------------------------

export interface AssignmentRow {
  id: number;
  episode_id: number;
  programme_json: string;
  start_level: number;
  rule_set_id: string;
  assigned_on: string;
  reason: string;
  assigned_by: string;
}

const ASSIGNMENT_COLUMNS = `a.id, a.episode_id, a.programme_json, a.start_level, a.rule_set_id, a.assigned_on, a.reason,
  c.name AS assigned_by`;

export function assignmentsOf(db: Db, episodeId: number): AssignmentRow[] {
  return db
    .prepare<unknown[], AssignmentRow>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM programme_assignments a JOIN clinicians c ON c.id = a.created_by
       WHERE a.episode_id = ? ORDER BY a.id DESC`,
    )
    .all(episodeId);
}

export function currentAssignmentRow(db: Db, episodeId: number): AssignmentRow | undefined {
  return db
    .prepare<unknown[], AssignmentRow>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM programme_assignments a JOIN clinicians c ON c.id = a.created_by
       WHERE a.episode_id = ? ORDER BY a.id DESC LIMIT 1`,
    )
    .get(episodeId);
}

function ruleSetName(db: Db, id: string): string {
  try {
    return currentRuleSet(db, id).name;
  } catch {
    return id;
  }
}

export function toAssignment(db: Db, row: AssignmentRow): Assignment {
  return {
    id: row.id,
    episodeId: row.episode_id,
    programme: readStoredProgramme(row.programme_json),
    startLevel: row.start_level,
    ruleSetId: row.rule_set_id,
    ruleSetName: ruleSetName(db, row.rule_set_id),
    assignedOn: row.assigned_on,
    assignedBy: row.assigned_by,
    reason: row.reason,
  };
}

/** Check-ins and programmes are recorded for open episodes of patients on the active list only. */
export function requireWritableEpisode(db: Db, episodeId: number) {
  const episode = getEpisode(db, episodeId);
  if (episode.status !== 'open') {
    throw new AppError('conflict', 'This episode is discharged. Reopen it to change its running programme.');
  }
  if (getPatient(db, episode.patientId).archived) {
    throw new AppError('conflict', 'This patient is archived. Bring them back from the archive first.');
  }
  return episode;
}

export function fieldsError(fields: Record<string, string>): AppError {
  const messages = Object.values(fields);
  const message =
    messages.length === 1
      ? (messages[0] ?? '')
      : `${messages.length} entries need attention: ${messages.slice(0, 3).join(' ')}`;
  return new AppError('invalid_request', message, fields);
}
