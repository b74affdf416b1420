/**
 * Where a patient's running course stands, derived by replaying the programme's standing check-ins
 * in run order (shared/clinical/check-in.ts explains why it is derived rather than stored).
 */
import type { CourseStep } from '../../shared/clinical/check-in';
import { replayCourse } from '../../shared/clinical/check-in';
import { readStoredProgramme, type Programme } from '../../shared/clinical/programme';
import type { RuleSet } from '../../shared/clinical/rule-set';
import type { CourseState } from '../../shared/domain/running';
import type { Db } from '../db/open';
import { currentRuleSet } from './running-library';
import { currentAssignmentRow } from './running-assignments';

/** A step row as an array (better-sqlite3 raw mode: no object per row), in the SELECT's order. */
type StepRow = [
  id: number,
  correctsId: number | null,
  runDate: string,
  levelBefore: number,
  engineLevelAfter: number,
  engineDaysOff: number,
  cleanSessionsAfter: number,
  engineComplete: number,
  entryCheckLevel: number | null,
  overrideLevel: number | null,
  overrideDaysOff: number | null,
];

/**
 * The entries of a programme that stand (not corrected), in run order, as course steps. One scan of
 * the covering index; the few corrected entries are left out here rather than by a NOT EXISTS per
 * row, which cost more than the rest of the page with a thousand entries.
 */
export function standingSteps(db: Db, assignmentId: number): (CourseStep & { id: number })[] {
  const rows = db
    .prepare<unknown[], StepRow>(
      `SELECT id, corrects_id, run_date, level_before, engine_level_after, engine_days_off, clean_sessions_after,
         engine_complete, entry_check_level, override_level, override_days_off
       FROM check_ins
       WHERE assignment_id = ?
       ORDER BY run_date, id`,
    )
    .raw(true)
    .all(assignmentId);
  const corrected = new Set<number>();
  for (const r of rows) if (r[1] !== null) corrected.add(r[1]);
  const steps: (CourseStep & { id: number })[] = [];
  for (const [id, , runDate, levelBefore, levelAfter, daysOff, clean, complete, entryCheck, oLevel, oDays] of rows) {
    if (corrected.has(id)) continue;
    steps.push({
      id,
      runDate,
      levelBefore,
      levelAfter,
      daysOff,
      cleanSessionsAtLevel: clean,
      programmeComplete: complete === 1,
      entryCheckLevel: entryCheck,
      override: oLevel !== null && oDays !== null ? { levelAfter: oLevel, daysOff: oDays } : null,
    });
  }
  return steps;
}

export function courseStateOf(db: Db, assignment: { id: number; start_level: number }): CourseState {
  return courseOf(db, assignment).state;
}

export function courseOf(
  db: Db,
  assignment: { id: number; start_level: number },
): { state: CourseState; lastStep: CourseStep | null } {
  const steps = standingSteps(db, assignment.id);
  const { progress, complete, lastStep } = replayCourse(assignment.start_level, steps);
  return { state: { progress, complete, checkIns: steps.length }, lastStep };
}

/**
 * Where the episode's running stands, for the handout: its programme (the episode's own copy),
 * the rule set its decisions use, and the progress replayed from the standing check-ins.
 * Null before a programme is given.
 */
export function currentCourse(
  db: Db,
  episodeId: number,
): { programme: Programme; ruleSet: RuleSet; state: CourseState; lastStep: CourseStep | null } | null {
  const row = currentAssignmentRow(db, episodeId);
  if (!row) return null;
  return {
    programme: readStoredProgramme(row.programme_json),
    ruleSet: currentRuleSet(db, row.rule_set_id),
    ...courseOf(db, row),
  };
}
