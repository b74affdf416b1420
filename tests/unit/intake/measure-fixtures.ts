/** Builders for outcome-measure drafts. */
import { emptyLefs, type LefsDraft } from '../../../shared/clinical/intake/measures/lefs';
import type { VisaADraft } from '../../../shared/clinical/intake/measures/visa-a';

/** A LEFS with the given scores in item order; items not given stay blank. */
export function lefsWith(scores: readonly (number | null)[]): LefsDraft {
  const lefs = emptyLefs();
  scores.forEach((s, i) => (lefs.items[i] = s));
  return lefs;
}

/** Items 1-6 sum to 41, item 7 "modified" is 4 points, item 8b at 11-20 min is 10: total 55. */
export function fullVisaA(overrides: VisaADraft = {}): VisaADraft {
  return {
    item1: 7,
    item2: 6,
    item3: 8,
    item4: 9,
    item5: 6,
    item6: 5,
    item7: 'modified',
    item8: { part: 'b', duration: 'min_11_20' },
    ...overrides,
  };
}
