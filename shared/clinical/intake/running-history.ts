/** Running history: how much the patient ran before the injury and what they are aiming for. */
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../text/fields';
import { SURFACES, SURFACE_LABELS } from '../programme';
import { distanceSchema } from './distance';
import { oneDecimal } from './fields';

/** The programme's surface codes (programme.ts), so a level's surface can follow the usual one, plus "mixed". */
export const USUAL_SURFACES = [...SURFACES, 'mixed'] as const;
export type UsualSurface = (typeof USUAL_SURFACES)[number];
export const USUAL_SURFACE_LABELS: Readonly<Record<UsualSurface, string>> = {
  ...SURFACE_LABELS,
  mixed: 'mixed surfaces',
};

const goalFields = {
  /** The goal in the patient's words: "Berlin Marathon", "parkrun with my daughter". */
  description: optionalText('Goal', 300),
  eventDate: isoDate('Goal event date'),
  eventDistance: distanceSchema('Goal event distance', 250),
};

export const GoalDraft = z.strictObject(goalFields).partial();
export type GoalDraft = z.infer<typeof GoalDraft>;

const historyFields = {
  /** Years of regular running; 0.5 for six months. */
  yearsRunning: oneDecimal('Years running', 0, 80, 'years', '0.5'),
  weeklyDistanceBeforeInjury: distanceSchema('Weekly distance before injury', 300),
  longestRecentRun: distanceSchema('Longest recent run', 250),
  usualSurface: z.enum(USUAL_SURFACES, { error: 'Choose the usual running surface from the list.' }),
  goal: GoalDraft,
};

export const RunningHistoryDraft = z.strictObject(historyFields).partial();
export type RunningHistoryDraft = z.infer<typeof RunningHistoryDraft>;

/** Complete enough to sign: the volume before injury sets the programme's ceiling, so it is required. */
export const RunningHistory = z.strictObject({
  yearsRunning: historyFields.yearsRunning,
  weeklyDistanceBeforeInjury: historyFields.weeklyDistanceBeforeInjury,
  longestRecentRun: historyFields.longestRecentRun.optional(),
  usualSurface: historyFields.usualSurface.optional(),
  goal: z
    .strictObject({
      description: requiredText('Goal', 300),
      eventDate: goalFields.eventDate.optional(),
      eventDistance: goalFields.eventDistance.optional(),
    })
    .optional(),
});
export type RunningHistory = z.infer<typeof RunningHistory>;
