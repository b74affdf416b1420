/**
 * How much of an exercise to do: sets of repetitions, holds or minutes, per side or not, days a
 * week, and the tempo or effort where they matter. Each exercise has a default dosage; a
 * patient's prescription may replace it.
 */
import { z } from 'zod';

function wholeNumber(label: string, min: number, max: number, unit = '') {
  const range = `${min} to ${max}${unit}`;
  return z
    .number({ error: `${label} must be a number from ${range}.` })
    .int({ error: `${label} must be a whole number from ${range}.` })
    .min(min, { error: `${label} must be ${range}.` })
    .max(max, { error: `${label} must be ${range}.` });
}

export const DosageAmount = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('reps'), reps: wholeNumber('Repetitions', 1, 100) }),
    z.strictObject({ kind: z.literal('hold'), seconds: wholeNumber('Hold time', 1, 600, ' seconds') }),
    z.strictObject({ kind: z.literal('time'), minutes: wholeNumber('Duration', 1, 240, ' minutes') }),
  ],
  { error: 'Choose repetitions, a hold in seconds, or a time in minutes.' },
);
export type DosageAmount = z.infer<typeof DosageAmount>;

/** Seconds to lift and to lower, for slow strength work (heavy slow calf raises: 3 s and 3 s). */
export const Tempo = z.strictObject({
  upSeconds: wholeNumber('Time to lift', 1, 10, ' seconds'),
  downSeconds: wholeNumber('Time to lower', 1, 10, ' seconds'),
});
export type Tempo = z.infer<typeof Tempo>;

export const Dosage = z
  .strictObject({
    sets: wholeNumber('Sets', 1, 10),
    amount: DosageAmount,
    /** Done on each side in turn (each leg, each arm), rather than once. */
    perSide: z.boolean({ error: 'Say whether the dosage is for each side: yes or no.' }),
    daysPerWeek: wholeNumber('Days a week', 1, 7),
    tempo: Tempo.optional(),
    /** Effort on a 0-10 scale (rate of perceived exertion), for cardio and cross-training. */
    effort: wholeNumber('Effort', 1, 10).optional(),
  })
  .refine((d) => d.tempo === undefined || d.amount.kind === 'reps', {
    error: 'A tempo only fits repetitions: remove the tempo, or change the dosage to repetitions.',
    path: ['tempo'],
  });
export type Dosage = z.infer<typeof Dosage>;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function days(n: number): string {
  return n === 7 ? 'every day' : `${plural(n, 'day', 'days')} a week`;
}

/**
 * The dosage in a short plain line for the handout and the screen:
 * "3 sets of 15, each side, 3 days a week, 3 s up and 3 s down",
 * "2 holds of 30 s, each side, every day", "30 minutes, 3 days a week, effort 4 out of 10".
 */
export function describeDosage(dosage: Dosage): string {
  const parts: string[] = [];
  const { sets, amount } = dosage;
  switch (amount.kind) {
    case 'reps':
      parts.push(`${plural(sets, 'set', 'sets')} of ${amount.reps}`);
      break;
    case 'hold':
      parts.push(`${plural(sets, 'hold', 'holds')} of ${amount.seconds} s`);
      break;
    case 'time':
      parts.push(
        sets === 1
          ? plural(amount.minutes, 'minute', 'minutes')
          : `${sets} sets of ${plural(amount.minutes, 'minute', 'minutes')}`,
      );
      break;
  }
  if (dosage.perSide) parts.push('each side');
  parts.push(days(dosage.daysPerWeek));
  if (dosage.tempo) parts.push(`${dosage.tempo.upSeconds} s up and ${dosage.tempo.downSeconds} s down`);
  if (dosage.effort !== undefined) parts.push(`effort ${dosage.effort} out of 10`);
  return parts.join(', ');
}
