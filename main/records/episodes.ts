/** Episodes of care: open one for an injury, list a patient's episodes, discharge or reopen. */
import type { EpisodeClose, EpisodeCreate, EpisodeSummary } from '../../shared/domain/episode';
import { episodeTitle } from '../../shared/domain/episode';
import type { DiagnosisCode, Region, Side } from '../../shared/clinical/intake/episode';
import { diagnosisEntry } from '../../shared/clinical/intake/episode';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { AppError, notFound, stale } from '../util/errors';
import { getPatient } from './patients';
import { ownKeys } from '../util/keys';

interface EpisodeRow {
  id: number;
  patient_id: number;
  diagnosis: DiagnosisCode;
  diagnosis_detail: string;
  region: Region;
  side: Side;
  onset_date: string | null;
  status: 'open' | 'closed';
  opened_on: string;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const COLUMNS =
  'id, patient_id, diagnosis, diagnosis_detail, region, side, onset_date, status, opened_on, closed_on, created_at, updated_at, version';

function toSummary(r: EpisodeRow): EpisodeSummary {
  return {
    id: r.id,
    patientId: r.patient_id,
    diagnosis: r.diagnosis,
    diagnosisDetail: r.diagnosis_detail,
    region: r.region,
    side: r.side,
    onsetDate: r.onset_date,
    status: r.status,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    title: episodeTitle({ diagnosis: r.diagnosis, diagnosisDetail: r.diagnosis_detail, side: r.side }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export function getEpisode(db: Db, id: number): EpisodeSummary {
  const row = db.prepare<unknown[], EpisodeRow>(`SELECT ${COLUMNS} FROM episodes WHERE id = ?`).get(id);
  if (!row) throw notFound('This episode of care');
  return toSummary(row);
}

/** A patient's episodes, open ones first, newest first. */
export function listEpisodes(db: Db, patientId: number): EpisodeSummary[] {
  getPatient(db, patientId);
  const rows = db
    .prepare<unknown[], EpisodeRow>(
      `SELECT ${COLUMNS} FROM episodes WHERE patient_id = ? ORDER BY status = 'closed', opened_on DESC, id DESC`,
    )
    .all(patientId);
  return rows.map(toSummary);
}

export function createEpisode(db: Db, clock: Clock, clinicianId: number, req: EpisodeCreate): EpisodeSummary {
  const today = clock.today();
  if (req.onsetDate !== null && req.onsetDate > today) {
    throw new AppError('invalid_request', 'Date of onset is in the future.', {
      onsetDate: 'Date of onset cannot be after today: enter the day the symptoms started.',
    });
  }
  if (req.diagnosis === 'other' && req.diagnosisDetail.trim() === '') {
    throw new AppError('invalid_request', 'Describe the diagnosis: you chose "Other".', {
      diagnosisDetail: 'Describe the diagnosis: you chose "Other".',
    });
  }
  return db
    .transaction(() => {
      const patient = getPatient(db, req.patientId);
      if (patient.archived) {
        throw new AppError(
          'conflict',
          'This patient is archived. Bring them back from the archive before opening an episode.',
        );
      }
      const now = clock.now().toISOString();
      const info = db
        .prepare(
          `INSERT INTO episodes (patient_id, diagnosis, diagnosis_detail, region, side, onset_date, status, opened_on,
           created_at, created_by, updated_at, updated_by)
         VALUES (@patientId, @diagnosis, @diagnosisDetail, @region, @side, @onsetDate, 'open', @today, @now, @clinicianId, @now, @clinicianId)`,
        )
        .run({
          ...req,
          region: req.region ?? diagnosisEntry(req.diagnosis).region,
          today,
          now,
          clinicianId,
        });
      const episode = getEpisode(db, Number(info.lastInsertRowid));
      appendAudit(db, clock, {
        clinicianId,
        action: 'create',
        entity: 'episode',
        entityId: episode.id,
        patientId: episode.patientId,
        summary: `Opened episode: ${episode.title}`,
        after: req,
      });
      return episode;
    })
    .immediate();
}

export function setEpisodeClosed(db: Db, clock: Clock, clinicianId: number, req: EpisodeClose): EpisodeSummary {
  return db
    .transaction(() => {
      const before = getEpisode(db, req.id);
      if (before.version !== req.expectedVersion) throw stale('This episode');
      if ((before.status === 'closed') === req.closed) return before;
      const now = clock.now().toISOString();
      db.prepare(
        'UPDATE episodes SET status = ?, closed_on = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
      ).run(req.closed ? 'closed' : 'open', req.closed ? clock.today() : null, now, clinicianId, req.id);
      const after = getEpisode(db, req.id);
      appendAudit(db, clock, {
        clinicianId,
        action: req.closed ? 'discharge' : 'reopen',
        entity: 'episode',
        entityId: req.id,
        patientId: after.patientId,
        summary: `${req.closed ? 'Discharged' : 'Reopened'} episode: ${after.title}`,
        before: { status: before.status, closedOn: before.closedOn },
        after: { status: after.status, closedOn: after.closedOn },
      });
      return after;
    })
    .immediate();
}

/** The episode's own columns as the intake records them (shared/clinical/intake/episode.ts). */
export interface EpisodeDetails {
  diagnosis?: DiagnosisCode | undefined;
  diagnosisDetail?: string | undefined;
  region?: Region | undefined;
  side?: Side | undefined;
  onsetDate?: string | undefined;
}

/**
 * Brings the episode's columns in line with what the intake records: diagnosis, detail, region,
 * side and onset. The intake is the source: a cleared detail or onset date is cleared here too;
 * diagnosis, region and side cannot be empty on an episode, so an intake without them leaves
 * them as they are. Versioned and audited in the caller's transaction; nothing is written when
 * nothing differs. `expectedVersion`, when given, refuses a change made from an old copy.
 */
export function updateEpisodeDetails(
  db: Db,
  clock: Clock,
  clinicianId: number,
  id: number,
  details: EpisodeDetails,
  expectedVersion?: number,
): EpisodeSummary {
  return db
    .transaction(() => {
      const before = getEpisode(db, id);
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw stale('This episode');
      if (before.status === 'closed') {
        throw new AppError('conflict', 'This episode is discharged: reopen it before changing it.');
      }
      const next = {
        diagnosis: details.diagnosis ?? before.diagnosis,
        diagnosisDetail: details.diagnosisDetail ?? '',
        region: details.region ?? before.region,
        side: details.side ?? before.side,
        onsetDate: details.onsetDate ?? null,
      };
      const previous = {
        diagnosis: before.diagnosis,
        diagnosisDetail: before.diagnosisDetail,
        region: before.region,
        side: before.side,
        onsetDate: before.onsetDate,
      };
      const changed = ownKeys(next).filter((k) => next[k] !== previous[k]);
      if (changed.length === 0) return before;
      db.prepare(
        `UPDATE episodes SET diagnosis = @diagnosis, diagnosis_detail = @diagnosisDetail, region = @region, side = @side,
           onset_date = @onsetDate, updated_at = @now, updated_by = @clinicianId, version = version + 1 WHERE id = @id`,
      ).run({ ...next, now: clock.now().toISOString(), clinicianId, id });
      const after = getEpisode(db, id);
      appendAudit(db, clock, {
        clinicianId,
        action: 'update',
        entity: 'episode',
        entityId: id,
        patientId: after.patientId,
        summary: `Changed episode ${after.title}: ${changed.join(', ')}`,
        before: Object.fromEntries(changed.map((k) => [k, previous[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      });
      return after;
    })
    .immediate();
}
