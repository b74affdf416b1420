/** Giving an episode a running programme, or changing it, with the reason kept in the audit trail. */
import { readStoredProgramme } from '../../shared/clinical/programme';
import type { RuleSet } from '../../shared/clinical/rule-set';
import type { EpisodeRunning, ProgrammeAssign } from '../../shared/domain/running';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { stale } from '../util/errors';
import { currentProgramme, currentRuleSet, defaultRuleSetId, keepShippedRuleSet } from './running-library';
import { fieldsError, requireWritableEpisode, currentAssignmentRow } from './running-assignments';
import { readEpisodeRunning } from './running-history';

/**
 * Gives an episode a running programme: a copy of a template or clinic programme as it stands
 * today, a starting level, and the rule set its decisions use (the clinic default unless chosen).
 * The intake's readiness result maps to the starting level with `startingLevel` (shared).
 */
export function assignProgramme(db: Db, clock: Clock, clinicianId: number, req: ProgrammeAssign): EpisodeRunning {
  return db
    .transaction(() => {
      const episode = requireWritableEpisode(db, req.episodeId);
      const current = currentAssignmentRow(db, req.episodeId);
      if ((current?.id ?? null) !== req.expectedAssignmentId) throw stale('The running programme of this episode');
      const { programme } = currentProgramme(db, req.programmeId);
      const last = programme.levels.length;
      const fields: Record<string, string> = {};
      if (req.startLevel > last) fields.startLevel = `"${programme.name}" has levels 1 to ${last}: choose one of them.`;
      if (current && req.reason.trim() === '') {
        fields.reason = 'Say why the programme changes: the reason is kept with the history.';
      }
      const ruleSetId = req.ruleSetId ?? defaultRuleSetId(db);
      let ruleSet: RuleSet | null = null;
      try {
        ruleSet = currentRuleSet(db, ruleSetId);
      } catch {
        fields.ruleSetId = 'Choose a soreness rule set from the list.';
      }
      if (Object.keys(fields).length > 0 || !ruleSet) throw fieldsError(fields);
      keepShippedRuleSet(db, clock, ruleSet);
      const info = db
        .prepare(
          `INSERT INTO programme_assignments (episode_id, programme_id, programme_version, programme_json, level_count,
             start_level, rule_set_id, assigned_on, reason, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          req.episodeId,
          programme.id,
          programme.version,
          JSON.stringify(programme),
          last,
          req.startLevel,
          ruleSet.id,
          clock.today(),
          req.reason.trim(),
          clock.now().toISOString(),
          clinicianId,
        );
      const previous = current ? readStoredProgramme(current.programme_json) : null;
      appendAudit(db, clock, {
        clinicianId,
        action: 'assign',
        entity: 'running_programme',
        entityId: Number(info.lastInsertRowid),
        patientId: episode.patientId,
        summary:
          (previous
            ? `Changed the running programme of ${episode.title} from "${previous.name}" to "${programme.name}"`
            : `Gave ${episode.title} the running programme "${programme.name}"`) +
          `, starting at Level ${req.startLevel}, with the rule set "${ruleSet.name}"`,
        ...(current ? { before: { assignmentId: current.id, programmeId: previous?.id } } : {}),
        after: {
          programmeId: programme.id,
          programmeVersion: programme.version,
          startLevel: req.startLevel,
          ruleSetId: ruleSet.id,
          reason: req.reason.trim(),
        },
      });
      return readEpisodeRunning(db, clock, req.episodeId);
    })
    .immediate();
}
