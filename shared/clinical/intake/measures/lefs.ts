/**
 * Lower Extremity Functional Scale (LEFS; Binkley et al., Phys Ther 1999;79:371-83).
 *
 * 20 items scored 0 (extreme difficulty or unable) to 4 (no difficulty); total 0-80, higher is
 * better. The minimal detectable change and minimal clinically important difference are both
 * 9 points (docs/clinical-sources.md#measures).
 *
 * Licensing: we found no licence that lets us reproduce the questionnaire's item wording, so the
 * app stores item scores only and names each item by number with a neutral topic of a few words
 * of our own. The clinic administers its own copy of the form and types the scores in.
 *
 * Missing items: the published scoring gives no rule for prorating, so any missing item leaves
 * the total not computable, and the result names the missing items.
 */
import { z } from 'zod';
import { itemList } from '../format';
import { positionInPath, wholeNumber } from '../fields';
import type { ScoreIncomplete } from './score';

export const LEFS_ITEM_COUNT = 20;
export const LEFS_MAX = 80;
/** Change in total that is clinically meaningful (MCID = MDC = 9 points, Binkley 1999). */
export const LEFS_MEANINGFUL_CHANGE = 9;

/** Neutral topics of our own, not the item wording (see the licensing note above). */
export const LEFS_ITEM_TOPICS = [
  'Usual work or school',
  'Hobbies and sport',
  'Bath in and out',
  'Walking between rooms',
  'Shoes or socks',
  'Squatting',
  'Lifting from floor',
  'Light home tasks',
  'Heavy home tasks',
  'Car in and out',
  'Walking two blocks',
  'Walking a mile',
  'One flight of stairs',
  'Standing an hour',
  'Sitting an hour',
  'Running, even ground',
  'Running, uneven ground',
  'Sharp turns running',
  'Hopping',
  'Rolling in bed',
] as const;

/** The two ends of the item scale, in our words. */
export const LEFS_SCALE_ENDS = { 0: 'Unable, or extreme difficulty', 4: 'No difficulty' } as const;

const lefsItem = wholeNumber(
  (path) => {
    const n = positionInPath(path, 1);
    return n === undefined ? 'Each LEFS item' : `LEFS item ${n}`;
  },
  0,
  4,
);

/** The LEFS as typed: 20 slots in item order, `null` for an item not answered yet. */
export const LefsDraft = z.strictObject({
  items: z.array(lefsItem.nullable()).length(LEFS_ITEM_COUNT, {
    error: `The LEFS has ${LEFS_ITEM_COUNT} items: send one slot per item, empty ones as null.`,
  }),
});
export type LefsDraft = z.infer<typeof LefsDraft>;

export function emptyLefs(): LefsDraft {
  return { items: Array.from({ length: LEFS_ITEM_COUNT }, () => null) };
}

export interface LefsScore {
  computable: true;
  total: number;
  max: typeof LEFS_MAX;
}

export function scoreLefs(lefs: LefsDraft): LefsScore | ScoreIncomplete {
  const missing: number[] = [];
  let total = 0;
  for (let i = 0; i < LEFS_ITEM_COUNT; i++) {
    const score = lefs.items[i];
    if (score === null || score === undefined) missing.push(i + 1);
    else total += score;
  }
  if (missing.length === 0) return { computable: true, total, max: LEFS_MAX };
  const answered = LEFS_ITEM_COUNT - missing.length;
  return {
    computable: false,
    missing: missing.map((n) => `item ${n}`),
    answered,
    started: answered > 0,
    message:
      answered === 0
        ? 'LEFS not recorded.'
        : `LEFS total not computable: ${itemList(missing)} ${missing.length === 1 ? 'is' : 'are'} missing.`,
  };
}

export interface LefsChange {
  /** After minus before: positive is better function. */
  change: number;
  /** |change| >= 9: a real change, better or worse, not measurement noise. */
  meaningful: boolean;
  direction: 'better' | 'worse' | 'same';
}

/** Compares two LEFS totals (0-80), earlier first. */
export function compareLefs(before: number, after: number): LefsChange {
  const change = after - before;
  return {
    change,
    meaningful: Math.abs(change) >= LEFS_MEANINGFUL_CHANGE,
    direction: change > 0 ? 'better' : change < 0 ? 'worse' : 'same',
  };
}
