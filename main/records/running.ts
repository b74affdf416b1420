/**
 * Deciding and recording an episode's check-in visits.
 *
 * - Giving a programme (running-assign.ts) stores the patient's own copy of it, a starting level
 *   and a rule set.
 * - A check-in stores the patient's report, the engine's decision exactly as made, and the
 *   clinician's confirmation or override beside it, in one append-only row. A correction is a new
 *   row whose corrects_id points at the corrected one.
 * - The patient's progress (current level, clean sessions, advances, next run date) is derived by
 *   replaying the programme's standing entries in run order (running-course.ts; shared/clinical/check-in.ts explains
 *   why it is derived rather than stored). The replay reads only the decision's numbers, kept in
 *   columns that CHECK constraints tie to the stored decision.
 */
import { applyOutcome, overrideProblems, progressForDecision, replayCourse } from '../../shared/clinical/check-in';
import type { Decision } from '../../shared/clinical/decision';
import { decide, DecisionInputError } from '../../shared/clinical/engine';
import { readStoredProgramme, type Programme } from '../../shared/clinical/programme';
import type { Progress } from '../../shared/clinical/progress';
import type { RuleSet } from '../../shared/clinical/rule-set';
import { decisionContextOf } from '../../shared/clinical/injury';
import type { CheckInCreate, CheckInPreview, CheckInPreviewResult, EpisodeRunning } from '../../shared/domain/running';
import { shownDecision } from '../../shared/domain/running';
import type { IsoDate } from '../../shared/time/dates';
import { formatDate } from '../../shared/time/dates';
import { appendAudit } from '../audit/audit-log';
import { canonicalJson } from '../../shared/text/canonical-json';
import type { Db } from '../db/open';
import { onlyRow } from '../db/rows';
import type { Clock } from '../util/clock';
import { AppError, notFound, stale } from '../util/errors';
import { requireSettings } from './clinic';
import type { getEpisode } from './episodes';
import { currentRuleSet, keepShippedRuleSet, ruleSetVersion } from './running-library';
import { currentAssignmentRow, fieldsError, requireWritableEpisode } from './running-assignments';
import { standingSteps } from './running-course';
import { governingCondition, readEpisodeRunning } from './running-history';

interface DecisionContext {
  episode: ReturnType<typeof getEpisode>;
  assignmentId: number;
  programme: Programme;
  ruleSet: RuleSet;
  progress: Progress;
  decision: Decision;
}

/**
 * The engine's decision for a report, from the progress as it stood before the run: after every
 * standing entry for a new check-in, or after the entries before the corrected one for a
 * correction (which is decided with the rule set version the corrected entry used: a correction
 * fixes the answers, not the rules).
 */
function decisionFor(db: Db, clock: Clock, req: CheckInPreview): DecisionContext {
  const episode = requireWritableEpisode(db, req.episodeId);
  const assignment = currentAssignmentRow(db, req.episodeId);
  if (!assignment) {
    throw new AppError('conflict', 'Give this episode a running programme before recording a check-in.');
  }
  if (assignment.id !== req.assignmentId) throw stale('The running programme of this episode');
  const programme = readStoredProgramme(assignment.programme_json);
  const { dateFormat } = requireSettings(db);
  const date = (d: IsoDate) => formatDate(d, dateFormat);
  const report = req.report;
  const fields: Record<string, string> = {};

  let steps = standingSteps(db, assignment.id);
  let ruleSet: RuleSet;
  if (req.correctsId !== null) {
    const target = db
      .prepare<
        unknown[],
        { assignment_id: number; rule_set_id: string; rule_set_version: number; corrected_by_id: number | null }
      >(
        `SELECT c.assignment_id, c.rule_set_id, c.rule_set_version, k.id AS corrected_by_id
         FROM check_ins c LEFT JOIN check_ins k ON k.corrects_id = c.id WHERE c.id = ? AND c.episode_id = ?`,
      )
      .get(req.correctsId, req.episodeId);
    if (!target) throw notFound('The check-in to correct');
    if (target.corrected_by_id !== null) {
      throw new AppError('conflict', 'This check-in has already been corrected: correct the newer entry instead.');
    }
    if (target.assignment_id !== assignment.id) {
      throw new AppError(
        'conflict',
        'This check-in belongs to an earlier programme of the episode, so it can no longer be corrected.',
      );
    }
    const at = steps.findIndex((s) => s.id === req.correctsId);
    const next = steps[at + 1];
    if (next && report.runDate >= next.runDate) {
      fields['report.runDate'] =
        `The run date must be before the run of the next check-in (${date(next.runDate)}): check the date.`;
    }
    steps = steps.slice(0, Math.max(0, at));
    ruleSet = ruleSetVersion(db, target.rule_set_id, target.rule_set_version);
  } else {
    ruleSet = currentRuleSet(db, assignment.rule_set_id);
  }

  const { progress: before } = replayCourse(assignment.start_level, steps);
  if (report.runDate > clock.today()) {
    fields['report.runDate'] = 'The run date is after today: enter the day the patient ran.';
  } else if (before.lastRunDate !== null && report.runDate <= before.lastRunDate) {
    fields['report.runDate'] =
      `The run date must be after the last run on record (${date(before.lastRunDate)}): check the date.`;
  }
  const last = programme.levels.length;
  if (report.levelRun > last) {
    fields['report.levelRun'] = `"${programme.name}" has levels 1 to ${last}: choose the level the patient ran.`;
  }
  if (req.entryCheckLevel !== null) {
    const nextLevel = programme.levels[before.currentLevel];
    if (!nextLevel || nextLevel.number !== req.entryCheckLevel || nextLevel.entryCheck === '') {
      fields.entryCheckLevel = nextLevel?.entryCheck
        ? `Only the entry check of the next level (Level ${nextLevel.number}) can be signed off at this check-in.`
        : 'The next level has no entry check to sign off.';
    }
  }
  if (Object.keys(fields).length > 0) throw fieldsError(fields);

  const progress = progressForDecision(before, req.entryCheckLevel);
  try {
    const decision = decide(report, progress, ruleSet, programme, decisionContextOf(episode.diagnosis));
    return { episode, assignmentId: assignment.id, programme, ruleSet, progress, decision };
  } catch (err) {
    if (err instanceof DecisionInputError) throw new AppError('invalid_request', err.problems.join(' '));
    throw err;
  }
}

/** The decision the engine would make, without recording anything: the form shows it live. */
export function previewCheckIn(db: Db, clock: Clock, req: CheckInPreview): CheckInPreviewResult {
  const { decision, ruleSet, progress } = decisionFor(db, clock, req);
  return {
    decision,
    ruleSetName: ruleSet.name,
    governingCondition: governingCondition(ruleSet, decision),
    progressBefore: progress,
  };
}

function levelWords(before: number, after: number): string {
  if (after > before) return `up to Level ${after}`;
  if (after < before) return `down to Level ${after}`;
  return `stay at Level ${after}`;
}

/**
 * Records a check-in: the engine's decision and the clinician's confirmation or override, in one
 * transaction with its audit rows. `expectedLatestId` is the newest entry the clinician saw, so two
 * clinicians recording at once cannot base a decision on a history that has moved on.
 */
export function recordCheckIn(db: Db, clock: Clock, clinicianId: number, req: CheckInCreate): EpisodeRunning {
  return db
    .transaction(() => {
      const latest = onlyRow(
        db.prepare<unknown[], { id: number | null }>('SELECT max(id) AS id FROM check_ins WHERE episode_id = ?'),
        req.episodeId,
      );
      if (latest.id !== req.expectedLatestId) throw stale('The check-ins of this episode');
      const ctx = decisionFor(db, clock, {
        episodeId: req.episodeId,
        assignmentId: req.assignmentId,
        report: req.report,
        entryCheckLevel: req.entryCheckLevel,
        correctsId: req.correction?.correctsId ?? null,
      });
      const { decision, programme, ruleSet, episode } = ctx;
      if (req.shown !== null && canonicalJson(req.shown) !== canonicalJson(shownDecision(decision))) {
        throw new AppError(
          'stale',
          'The decision changed since it was shown (the rule set or the history changed meanwhile). Check the new decision, then save again.',
        );
      }
      const override =
        req.outcome.kind === 'override'
          ? { levelAfter: req.outcome.levelAfter, daysOff: req.outcome.daysOff, reason: req.outcome.reason.trim() }
          : null;
      if (override) {
        const problems = overrideProblems(decision, override, programme);
        if (Object.keys(problems).length > 0) {
          throw fieldsError(Object.fromEntries(Object.entries(problems).map(([k, v]) => [`outcome.${k}`, v])));
        }
      }
      const applied = applyOutcome(decision, override, programme);
      keepShippedRuleSet(db, clock, ruleSet);
      const info = db
        .prepare(
          `INSERT INTO check_ins (episode_id, assignment_id, corrects_id, correction_reason, recorded_on, run_date,
             report_json, rule_set_id, rule_set_version, decision_json, level_before, engine_level_after,
             engine_days_off, clean_sessions_after, engine_complete, entry_check_level, override_level,
             override_days_off, override_reason, level_after, days_off, next_run_date, complete, patient_instruction,
             created_at, created_by)
           VALUES (@episodeId, @assignmentId, @correctsId, @correctionReason, @recordedOn, @runDate, @reportJson,
             @ruleSetId, @ruleSetVersion, @decisionJson, @levelBefore, @engineLevelAfter, @engineDaysOff,
             @cleanSessionsAfter, @engineComplete, @entryCheckLevel, @overrideLevel, @overrideDaysOff,
             @overrideReason, @levelAfter, @daysOff, @nextRunDate, @complete, @patientInstruction, @createdAt,
             @createdBy)`,
        )
        .run({
          episodeId: req.episodeId,
          assignmentId: ctx.assignmentId,
          correctsId: req.correction?.correctsId ?? null,
          correctionReason: req.correction?.reason.trim() ?? '',
          recordedOn: clock.today(),
          runDate: decision.runDate,
          reportJson: JSON.stringify(req.report),
          ruleSetId: decision.ruleSet.id,
          ruleSetVersion: decision.ruleSet.version,
          decisionJson: JSON.stringify(decision),
          levelBefore: decision.levelBefore,
          engineLevelAfter: decision.levelAfter,
          engineDaysOff: decision.daysOff,
          cleanSessionsAfter: decision.cleanSessionsAtLevel,
          engineComplete: decision.programmeComplete ? 1 : 0,
          entryCheckLevel: req.entryCheckLevel,
          overrideLevel: override?.levelAfter ?? null,
          overrideDaysOff: override?.daysOff ?? null,
          overrideReason: override?.reason ?? null,
          levelAfter: applied.levelAfter,
          daysOff: applied.daysOff,
          nextRunDate: applied.nextRunDate,
          complete: applied.programmeComplete ? 1 : 0,
          patientInstruction: applied.patientInstruction,
          createdAt: clock.now().toISOString(),
          createdBy: clinicianId,
        });
      const id = Number(info.lastInsertRowid);
      const ruleWords = `rule ${decision.governingRule} of "${ruleSet.name}" (version ${ruleSet.version})`;
      const engineWords = `${decision.daysOff} days off, ${levelWords(decision.levelBefore, decision.levelAfter)}`;
      appendAudit(db, clock, {
        clinicianId,
        action: req.correction ? 'correct' : 'create',
        entity: 'check_in',
        entityId: id,
        patientId: episode.patientId,
        summary: req.correction
          ? `Corrected the check-in #${req.correction.correctsId} (${episode.title}): ${ruleWords}, ${engineWords}`
          : `Recorded a check-in for the run of ${decision.runDate} (${episode.title}): ${ruleWords}, ${engineWords}`,
        after: {
          report: req.report,
          decision,
          entryCheckLevel: req.entryCheckLevel,
          ...(req.correction ? { correction: req.correction } : {}),
        },
      });
      if (override) {
        appendAudit(db, clock, {
          clinicianId,
          action: 'override',
          entity: 'check_in',
          entityId: id,
          patientId: episode.patientId,
          summary:
            `Changed the decision for the run of ${decision.runDate} (${episode.title}) to ` +
            `${override.daysOff} days off, ${levelWords(decision.levelBefore, override.levelAfter)}: ${override.reason}`,
          before: { levelAfter: decision.levelAfter, daysOff: decision.daysOff, nextRunDate: decision.earliestNextRun },
          after: { ...override, nextRunDate: applied.nextRunDate },
        });
      }
      return readEpisodeRunning(db, clock, req.episodeId);
    })
    .immediate();
}
