/** Symptoms at the intake: pain on the 0-10 numeric rating scale, what eases and aggravates, red flags. */
import { z } from 'zod';
import { optionalText } from '../../text/fields';
import { painScore } from './fields';
import { RedFlagAnswers, RedFlagReasons } from './red-flags';

const symptomFields = {
  painAtRest: painScore('Pain at rest'),
  painWalking: painScore('Pain when walking'),
  /** Leave empty when hopping was not tried; "unable to hop for pain" is recorded as the pain felt trying. */
  painHopping: painScore('Pain when hopping'),
  eases: optionalText('What eases the pain', 1000, 'multi'),
  aggravates: optionalText('What makes the pain worse', 1000, 'multi'),
  redFlags: RedFlagAnswers,
  /** The clinician's reason to go on, for each `note`-grade red flag answered yes (red-flags.ts). */
  redFlagReasons: RedFlagReasons,
};

export const SymptomsDraft = z.strictObject(symptomFields).partial();
export type SymptomsDraft = z.infer<typeof SymptomsDraft>;

/**
 * Complete enough to sign: pain at rest and when walking. Hopping may be untested. Whether every
 * red-flag question was asked depends on the episode (surgery), so the whole-intake check tests it.
 */
export const Symptoms = z.strictObject({
  ...symptomFields,
  painHopping: symptomFields.painHopping.optional(),
  eases: symptomFields.eases.optional(),
  aggravates: symptomFields.aggravates.optional(),
  redFlags: symptomFields.redFlags.optional(),
  redFlagReasons: symptomFields.redFlagReasons.optional(),
});
export type Symptoms = z.infer<typeof Symptoms>;
