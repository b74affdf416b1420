import { describe, expect, it } from 'vitest';
import {
  compareLefs,
  emptyLefs,
  LEFS_ITEM_TOPICS,
  LefsDraft,
  scoreLefs,
} from '../../../shared/clinical/intake/measures/lefs';
import { checkWith } from '../../../shared/clinical/intake/fields';
import { lefsWith } from './measure-fixtures';

const all = (score: number) => lefsWith(Array.from({ length: 20 }, () => score));

describe('LEFS scoring', () => {
  it.each([
    ['all items 4', all(4), 80],
    ['all items 0', all(0), 0],
    ['all items 2', all(2), 40],
    ['mixed', lefsWith([4, 4, 4, 4, 4, 3, 3, 4, 3, 4, 4, 3, 3, 4, 4, 2, 2, 1, 2, 4]), 66],
  ])('totals %s', (_name, lefs, total) => {
    expect(scoreLefs(lefs)).toEqual({ computable: true, total, max: 80 });
  });

  it('names the missing items and gives no total', () => {
    const lefs = all(3);
    lefs.items[3] = null;
    lefs.items[6] = null;
    expect(scoreLefs(lefs)).toEqual({
      computable: false,
      missing: ['item 4', 'item 7'],
      answered: 18,
      started: true,
      message: 'LEFS total not computable: items 4 and 7 are missing.',
    });
  });

  it('says "item ... is" for one missing item', () => {
    const lefs = all(3);
    lefs.items[19] = null;
    const score = scoreLefs(lefs);
    expect(score.computable).toBe(false);
    if (!score.computable) expect(score.message).toBe('LEFS total not computable: item 20 is missing.');
  });

  it('reports an untouched form as not recorded, not started', () => {
    const score = scoreLefs(emptyLefs());
    expect(score).toMatchObject({ computable: false, answered: 0, started: false, message: 'LEFS not recorded.' });
  });

  it('has 20 neutral topics of at most four words', () => {
    expect(LEFS_ITEM_TOPICS).toHaveLength(20);
    for (const topic of LEFS_ITEM_TOPICS) expect(topic.split(/\s+/).length).toBeLessThanOrEqual(4);
  });
});

describe('LEFS change between two totals', () => {
  it.each([
    [50, 58, 8, false, 'better'],
    [50, 59, 9, true, 'better'],
    [50, 60, 10, true, 'better'],
    [60, 52, -8, false, 'worse'],
    [60, 51, -9, true, 'worse'],
    [60, 50, -10, true, 'worse'],
    [40, 40, 0, false, 'same'],
  ] as const)('%i -> %i: change %i, meaningful %s', (before, after, change, meaningful, direction) => {
    expect(compareLefs(before, after)).toEqual({ change, meaningful, direction });
  });
});

describe('LEFS draft schema', () => {
  it('accepts blanks as null', () => {
    expect(LefsDraft.safeParse(emptyLefs()).success).toBe(true);
  });

  it.each([
    ['7', 7],
    ['-1', -1],
    ['2.5', 2.5],
    ['a string', '3'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('refuses item 3 = %s with a message that says what to fix', (_name, value) => {
    const input = { items: [...emptyLefs().items] as unknown[] };
    input.items[2] = value;
    const checked = checkWith(LefsDraft, input);
    expect(checked).toEqual({
      ok: false,
      problems: [{ path: 'items.2', message: 'LEFS item 3 must be a whole number from 0 to 4.' }],
    });
  });

  it('refuses a list that is not 20 items long', () => {
    const checked = checkWith(LefsDraft, { items: [1, 2, 3] });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]?.message).toContain('The LEFS has 20 items');
  });
});
