/**
 * VISA-A, the Victorian Institute of Sport Assessment - Achilles (Robinson et al., Br J Sports Med
 * 2001;35:335-41), for Achilles tendinopathy episodes. Total 0-100, higher is better; healthy
 * controls averaged about 96 (95% CI 94-99): a reference, not a cut-off (docs/clinical-sources.md#measures).
 *
 * Structure, from the published scoring:
 * - Items 1-6 (pain and function): each 0-10, on an 11-point scale (0 worst, 10 best).
 * - Item 7 (sport or activity now): one of four categories scored 0, 4, 7 or 10.
 * - Item 8 (Achilles-loading sport): the patient answers exactly one of three parts, chosen by
 *   how pain behaves during that sport, and gives how long they can train:
 *     8a no pain:                          none 0, 1-10 min 7, 11-20 min 14, 21-30 min 21, >30 min 30
 *     8b pain, but completes the activity: none 0, 1-10 min 4, 11-20 min 10, 21-30 min 14, >30 min 20
 *     8c pain stops the activity:          none 0, 1-10 min 2, 11-20 min 5,  21-30 min 7,  >30 min 10
 *   so item 8 is worth at most 30, and the maximum total is 6 x 10 + 10 + 30 = 100.
 * We store the part and the time band, never the points: the points are computed. No item may
 * be missing: the instrument has no rule for missing items.
 *
 * Licensing: we found no licence that lets us reproduce the questionnaire's wording, so items
 * carry a number and a neutral topic of our own; the categories of items 7 and 8 are short
 * paraphrases naming the category, not the questionnaire's text.
 */
import { z } from 'zod';
import { joinList } from '../format';
import { wholeNumber } from '../fields';
import type { ScoreIncomplete } from './score';

export const VISA_A_MAX = 100;
/** Healthy controls averaged about 96 (Robinson 2001); not a cut-off, and no longer shown as one. */
export const VISA_A_HEALTHY_ABOVE = 96;

/** Neutral topics of our own for items 1-8 (see the licensing note above). */
export const VISA_A_ITEM_TOPICS = [
  'Morning stiffness',
  'Pain on tendon stretch',
  'Pain after a walk',
  'Pain walking downstairs',
  'Pain with heel raises',
  'Pain-free hops',
  'Sport participation',
  'Achilles-loading sport time',
] as const;

export const VISA_A_ACTIVITY_LEVELS = ['none', 'modified', 'full_below_previous', 'same_or_higher'] as const;
export type VisaAActivityLevel = (typeof VISA_A_ACTIVITY_LEVELS)[number];
export const VISA_A_ACTIVITY_POINTS: Readonly<Record<VisaAActivityLevel, number>> = {
  none: 0,
  modified: 4,
  full_below_previous: 7,
  same_or_higher: 10,
};
export const VISA_A_ACTIVITY_LABELS: Readonly<Record<VisaAActivityLevel, string>> = {
  none: 'None',
  modified: 'Modified training or competition',
  full_below_previous: 'Full training, below previous level',
  same_or_higher: 'Same or higher level as before',
};

export const VISA_A_PARTS = ['a', 'b', 'c'] as const;
export type VisaAPart = (typeof VISA_A_PARTS)[number];
export const VISA_A_PART_LABELS: Readonly<Record<VisaAPart, string>> = {
  a: '8a: no pain during the sport',
  b: '8b: pain, but completes the sport',
  c: '8c: pain stops the sport',
};

export const VISA_A_DURATIONS = ['nil', 'min_1_10', 'min_11_20', 'min_21_30', 'over_30'] as const;
export type VisaADuration = (typeof VISA_A_DURATIONS)[number];
export const VISA_A_DURATION_LABELS: Readonly<Record<VisaADuration, string>> = {
  nil: 'None',
  min_1_10: '1-10 min',
  min_11_20: '11-20 min',
  min_21_30: '21-30 min',
  over_30: 'More than 30 min',
};

/** Points for item 8 by part and time band (Robinson 2001 scoring). */
export const VISA_A_ITEM_8_POINTS: Readonly<Record<VisaAPart, Readonly<Record<VisaADuration, number>>>> = {
  a: { nil: 0, min_1_10: 7, min_11_20: 14, min_21_30: 21, over_30: 30 },
  b: { nil: 0, min_1_10: 4, min_11_20: 10, min_21_30: 14, over_30: 20 },
  c: { nil: 0, min_1_10: 2, min_11_20: 5, min_21_30: 7, over_30: 10 },
};

const item = (n: number) => wholeNumber(`VISA-A item ${n}`, 0, 10);

export const VisaADraft = z
  .strictObject({
    item1: item(1),
    item2: item(2),
    item3: item(3),
    item4: item(4),
    item5: item(5),
    item6: item(6),
    item7: z.enum(VISA_A_ACTIVITY_LEVELS, { error: 'VISA-A item 7: choose the current sport or activity level.' }),
    item8: z
      .strictObject({
        part: z.enum(VISA_A_PARTS, { error: 'VISA-A item 8: choose which part applies, 8a, 8b or 8c.' }),
        duration: z.enum(VISA_A_DURATIONS, { error: 'VISA-A item 8: choose how long the patient can train.' }),
      })
      .partial(),
  })
  .partial();
export type VisaADraft = z.infer<typeof VisaADraft>;

const SCALE_ITEMS = ['item1', 'item2', 'item3', 'item4', 'item5', 'item6'] as const;

export interface VisaAScore {
  computable: true;
  total: number;
  max: typeof VISA_A_MAX;
  /** Points from item 8 alone (0-30), by the part answered. */
  item8Points: number;
  /** Above 96, the healthy controls' average (Robinson 2001); a reference, not a healthy range. */
  inHealthyRange: boolean;
}

export function scoreVisaA(visa: VisaADraft): VisaAScore | ScoreIncomplete {
  const missing: string[] = [];
  let total = 0;
  let answered = 0;
  SCALE_ITEMS.forEach((key, i) => {
    const score = visa[key];
    if (score === undefined) missing.push(`item ${i + 1}`);
    else {
      total += score;
      answered += 1;
    }
  });
  if (visa.item7 === undefined) missing.push('item 7');
  else {
    total += VISA_A_ACTIVITY_POINTS[visa.item7];
    answered += 1;
  }
  const part = visa.item8?.part;
  const duration = visa.item8?.duration;
  if (part === undefined && duration === undefined) missing.push('item 8');
  else if (part === undefined) missing.push('the part of item 8 that applies (8a, 8b or 8c)');
  else if (duration === undefined) missing.push('the training time of item 8');
  const item8Points = part !== undefined && duration !== undefined ? VISA_A_ITEM_8_POINTS[part][duration] : 0;
  if (part !== undefined && duration !== undefined) answered += 1;

  if (missing.length > 0) {
    const started = answered > 0 || part !== undefined || duration !== undefined;
    return {
      computable: false,
      missing,
      answered,
      started,
      message: !started
        ? 'VISA-A not recorded.'
        : `VISA-A total not computable: ${joinList(missing)} ${missing.length === 1 ? 'is' : 'are'} missing.`,
    };
  }
  total += item8Points;
  return { computable: true, total, max: VISA_A_MAX, item8Points, inHealthyRange: total > VISA_A_HEALTHY_ABOVE };
}
