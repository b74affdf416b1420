/**
 * What the patient reports about one run: the answers the soreness rules read.
 *
 * The three soreness answers are required. Pain scores, swelling and notes are optional extras:
 * a pain score never stands in for a soreness answer (see engine.ts), so a report that has pain
 * scores but no soreness answers is refused with a message saying which question to ask.
 */
import { z } from 'zod';
import { isoDate, optionalText } from '../domain/fields';

export const WARM_UP_ANSWERS = ['none', 'went_away', 'continued'] as const;
export type WarmUpAnswer = (typeof WARM_UP_ANSWERS)[number];
export const WARM_UP_LABELS: Readonly<Record<WarmUpAnswer, string>> = {
  none: 'No soreness in the warm-up',
  went_away: 'Soreness in the warm-up that went away',
  continued: 'Soreness in the warm-up that continued',
};

export const NEXT_DAY_ANSWERS = ['none', 'muscular', 'not_muscular'] as const;
export type NextDayAnswer = (typeof NEXT_DAY_ANSWERS)[number];
export const NEXT_DAY_LABELS: Readonly<Record<NextDayAnswer, string>> = {
  none: 'No soreness the day after',
  muscular: 'Muscle soreness only the day after',
  not_muscular: 'Soreness the day after that is not muscular (joint, tendon or bone)',
};

function painScore(label: string) {
  const range = `${label}: enter a whole number from 0 (no pain) to 10 (worst pain).`;
  return z.number({ error: range }).int({ error: range }).min(0, { error: range }).max(10, { error: range });
}

export const SorenessReport = z
  .strictObject({
    runDate: isoDate('Run date'),
    /** The level the patient actually ran (normally the planned level). */
    levelRun: z
      .number({ error: 'Enter the level the patient ran.' })
      .int({ error: 'The level run is a whole number, like 3.' })
      .min(1, { error: 'Levels start at 1: enter the level the patient ran.' }),
    warmUp: z.enum(WARM_UP_ANSWERS, {
      error:
        'Answer the warm-up question: no soreness, soreness that went away, or soreness that continued. ' +
        'A pain score alone does not choose a soreness rule.',
    }),
    /** Only when the warm-up soreness went away: did it come back during the run? Otherwise null. */
    cameBackDuringRun: z.boolean({ error: 'Say whether the soreness came back during the run.' }).nullable(),
    nextDay: z.enum(NEXT_DAY_ANSWERS, {
      error:
        'Answer the day-after question: no soreness, muscle soreness only, or soreness that is not muscular. ' +
        'A pain score alone does not choose a soreness rule.',
    }),
    painDuring: painScore('Pain during the run').optional(),
    painAfter: painScore('Pain after the run').optional(),
    /** New swelling after the run (patient-reported or found on examination). */
    swelling: z.boolean({ error: 'Say whether there was swelling.' }).optional(),
    notes: optionalText('Notes', 2000).optional(),
  })
  .superRefine((report, ctx) => {
    if (report.warmUp === 'went_away' && report.cameBackDuringRun === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['cameBackDuringRun'],
        message: 'The warm-up soreness went away: say whether it came back during the run.',
      });
    }
    if (report.warmUp !== 'went_away' && report.cameBackDuringRun !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['cameBackDuringRun'],
        message: '"Came back during the run" only applies when the warm-up soreness went away: leave it empty.',
      });
    }
  });
export type SorenessReport = z.infer<typeof SorenessReport>;
