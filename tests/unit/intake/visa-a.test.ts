import { describe, expect, it } from 'vitest';
import { checkWith } from '../../../shared/clinical/intake/fields';
import {
  scoreVisaA,
  VISA_A_DURATIONS,
  VISA_A_ITEM_8_POINTS,
  VisaADraft,
  type VisaADuration,
  type VisaAPart,
} from '../../../shared/clinical/intake/measures/visa-a';
import { fullVisaA } from './measure-fixtures';

const perfect = fullVisaA({
  item1: 10,
  item2: 10,
  item3: 10,
  item4: 10,
  item5: 10,
  item6: 10,
  item7: 'same_or_higher',
  item8: { part: 'a', duration: 'over_30' },
});

describe('VISA-A scoring', () => {
  it('gives 100 for the best answer to every item', () => {
    expect(scoreVisaA(perfect)).toEqual({
      computable: true,
      total: 100,
      max: 100,
      item8Points: 30,
      inHealthyRange: true,
    });
  });

  it('gives 0 for the worst answer to every item', () => {
    const worst = fullVisaA({
      item1: 0,
      item2: 0,
      item3: 0,
      item4: 0,
      item5: 0,
      item6: 0,
      item7: 'none',
      item8: { part: 'c', duration: 'nil' },
    });
    expect(scoreVisaA(worst)).toMatchObject({ computable: true, total: 0 });
  });

  // Items 1-6 of fullVisaA sum to 41, item 7 "modified" is 4: 45 before item 8.
  const item8Table: [VisaAPart, VisaADuration, number][] = [
    ['a', 'nil', 0],
    ['a', 'min_1_10', 7],
    ['a', 'min_11_20', 14],
    ['a', 'min_21_30', 21],
    ['a', 'over_30', 30],
    ['b', 'nil', 0],
    ['b', 'min_1_10', 4],
    ['b', 'min_11_20', 10],
    ['b', 'min_21_30', 14],
    ['b', 'over_30', 20],
    ['c', 'nil', 0],
    ['c', 'min_1_10', 2],
    ['c', 'min_11_20', 5],
    ['c', 'min_21_30', 7],
    ['c', 'over_30', 10],
  ];
  it.each(item8Table)('item 8%s with %s scores %i', (part, duration, points) => {
    expect(scoreVisaA(fullVisaA({ item8: { part, duration } }))).toMatchObject({
      computable: true,
      item8Points: points,
      total: 45 + points,
    });
  });

  it('never gives part b or c more than part a for the same training time', () => {
    for (const d of VISA_A_DURATIONS) {
      expect(VISA_A_ITEM_8_POINTS.b[d]).toBeLessThanOrEqual(VISA_A_ITEM_8_POINTS.a[d]);
      expect(VISA_A_ITEM_8_POINTS.c[d]).toBeLessThanOrEqual(VISA_A_ITEM_8_POINTS.b[d]);
    }
  });

  it.each([
    ['none', 0],
    ['modified', 4],
    ['full_below_previous', 7],
    ['same_or_higher', 10],
  ] as const)('scores item 7 "%s" as %i', (item7, points) => {
    expect(scoreVisaA(fullVisaA({ item7, item8: { part: 'a', duration: 'nil' } }))).toMatchObject({
      total: 41 + points,
    });
  });

  it('puts 96 outside and 97 inside the healthy range', () => {
    const at = (item1: number) => scoreVisaA({ ...perfect, item1 });
    expect(at(6)).toMatchObject({ total: 96, inHealthyRange: false });
    expect(at(7)).toMatchObject({ total: 97, inHealthyRange: true });
  });

  it.each([
    ['item 3', { item3: undefined }, ['item 3'], 'VISA-A total not computable: item 3 is missing.'],
    ['item 7', { item7: undefined }, ['item 7'], 'VISA-A total not computable: item 7 is missing.'],
    ['item 8', { item8: undefined }, ['item 8'], 'VISA-A total not computable: item 8 is missing.'],
    [
      'the part of item 8',
      { item8: { duration: 'over_30' } },
      ['the part of item 8 that applies (8a, 8b or 8c)'],
      'VISA-A total not computable: the part of item 8 that applies (8a, 8b or 8c) is missing.',
    ],
    [
      'the time of item 8',
      { item8: { part: 'b' } },
      ['the training time of item 8'],
      'VISA-A total not computable: the training time of item 8 is missing.',
    ],
    [
      'items 1 and 6',
      { item1: undefined, item6: undefined },
      ['item 1', 'item 6'],
      'VISA-A total not computable: item 1 and item 6 are missing.',
    ],
  ] as const)('gives no total without %s, and says so', (_name, change, missing, message) => {
    expect(scoreVisaA({ ...fullVisaA(), ...change })).toMatchObject({
      computable: false,
      missing,
      message,
      started: true,
    });
  });

  it('reports an untouched VISA-A as not recorded', () => {
    expect(scoreVisaA({})).toMatchObject({ computable: false, started: false, message: 'VISA-A not recorded.' });
  });
});

describe('VISA-A draft schema', () => {
  it.each([11, -1, 2.5])('refuses item 2 = %s', (item2) => {
    expect(checkWith(VisaADraft, { item2 })).toEqual({
      ok: false,
      problems: [{ path: 'item2', message: 'VISA-A item 2 must be a whole number from 0 to 10.' }],
    });
  });

  it('refuses an item 8 part that does not exist', () => {
    expect(checkWith(VisaADraft, { item8: { part: 'd' } })).toEqual({
      ok: false,
      problems: [{ path: 'item8.part', message: 'VISA-A item 8: choose which part applies, 8a, 8b or 8c.' }],
    });
  });

  it('refuses points typed for item 7 instead of a category', () => {
    const checked = checkWith(VisaADraft, { item7: 7 });
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems[0]?.message).toBe('VISA-A item 7: choose the current sport or activity level.');
  });
});
