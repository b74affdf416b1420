/**
 * Patient-Specific Functional Scale (PSFS; Stratford et al., Physiother Can 1995;47:258-63).
 *
 * The patient names 1 to 5 activities they find hard because of the injury ("run 30 minutes")
 * and rates each from 0 (unable to do it) to 10 (able to do it as before the injury). The score
 * is the mean of the ratings, shown with one decimal. The activities are the patient's own words,
 * so no questionnaire wording is reproduced here.
 */
import { z } from 'zod';
import { optionalText } from '../../../text/fields';
import { joinList } from '../format';
import { positionInPath, wholeNumber } from '../fields';
import type { ScoreIncomplete } from './score';

export const PSFS_MAX_ACTIVITIES = 5;
export const PSFS_MAX = 10;

const activityScore = wholeNumber(
  (path) => {
    const n = positionInPath(path, 2);
    return n === undefined ? 'Each PSFS score' : `PSFS activity ${n} score`;
  },
  0,
  10,
);

export const PsfsActivity = z.strictObject({
  activity: optionalText('PSFS activity', 120),
  score: activityScore.nullable(),
});
export type PsfsActivity = z.infer<typeof PsfsActivity>;

/** Rows as typed; a row with neither activity nor score is a blank row and is ignored. */
export const PsfsDraft = z.strictObject({
  activities: z
    .array(PsfsActivity)
    .max(PSFS_MAX_ACTIVITIES, { error: `The PSFS takes at most ${PSFS_MAX_ACTIVITIES} activities: remove one.` }),
});
export type PsfsDraft = z.infer<typeof PsfsDraft>;

export interface PsfsScore {
  computable: true;
  /** Mean of the activity scores, one decimal. */
  average: number;
  activityCount: number;
  max: typeof PSFS_MAX;
}

function isBlankRow(row: PsfsActivity): boolean {
  return row.activity.trim() === '' && row.score === null;
}

export function scorePsfs(psfs: PsfsDraft): PsfsScore | ScoreIncomplete {
  const missing: string[] = [];
  let sum = 0;
  let count = 0;
  psfs.activities.forEach((row, i) => {
    if (isBlankRow(row)) return;
    if (row.activity.trim() === '') missing.push(`the name of activity ${i + 1}`);
    if (row.score === null) missing.push(`the score of activity ${i + 1}`);
    else {
      sum += row.score;
      count += 1;
    }
  });
  const rows = psfs.activities.filter((row) => !isBlankRow(row)).length;
  if (rows === 0) {
    return {
      computable: false,
      missing: ['at least one activity'],
      answered: 0,
      started: false,
      message: 'PSFS not recorded.',
    };
  }
  if (missing.length > 0) {
    return {
      computable: false,
      missing,
      answered: count,
      started: true,
      message: `PSFS score not computable: ${joinList(missing)} ${missing.length === 1 ? 'is' : 'are'} missing.`,
    };
  }
  // sum * 10 is a whole number: one division and one rounding give the one-decimal mean, halves up.
  return { computable: true, average: Math.round((sum * 10) / count) / 10, activityCount: count, max: PSFS_MAX };
}
