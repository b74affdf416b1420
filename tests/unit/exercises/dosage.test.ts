import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dosage as DosageType } from '../../../shared/clinical/exercises/dosage';
import { describeDosage, Dosage } from '../../../shared/clinical/exercises/dosage';

const reps = (n: number) => ({ kind: 'reps' as const, reps: n });

describe('describeDosage', () => {
  it.each<[string, DosageType, string]>([
    [
      'heavy slow calf raises: reps, each side, tempo',
      { sets: 3, amount: reps(15), perSide: true, daysPerWeek: 3, tempo: { upSeconds: 3, downSeconds: 3 } },
      '3 sets of 15, each side, 3 days a week, 3 s up and 3 s down',
    ],
    [
      'a daily stretch hold',
      { sets: 2, amount: { kind: 'hold', seconds: 30 }, perSide: true, daysPerWeek: 7 },
      '2 holds of 30 s, each side, every day',
    ],
    [
      'a plank hold, both sides at once',
      { sets: 3, amount: { kind: 'hold', seconds: 20 }, perSide: false, daysPerWeek: 3 },
      '3 holds of 20 s, 3 days a week',
    ],
    [
      'one set, one day',
      { sets: 1, amount: reps(5), perSide: true, daysPerWeek: 1 },
      '1 set of 5, each side, 1 day a week',
    ],
    [
      'a single hold',
      { sets: 1, amount: { kind: 'hold', seconds: 45 }, perSide: false, daysPerWeek: 2 },
      '1 hold of 45 s, 2 days a week',
    ],
    [
      'cross-training time with effort',
      { sets: 1, amount: { kind: 'time', minutes: 30 }, perSide: false, daysPerWeek: 3, effort: 4 },
      '30 minutes, 3 days a week, effort 4 out of 10',
    ],
    [
      'intervals of time',
      { sets: 4, amount: { kind: 'time', minutes: 1 }, perSide: false, daysPerWeek: 2 },
      '4 sets of 1 minute, 2 days a week',
    ],
    [
      'slow lowering only',
      { sets: 3, amount: reps(8), perSide: false, daysPerWeek: 2, tempo: { upSeconds: 1, downSeconds: 4 } },
      '3 sets of 8, 2 days a week, 1 s up and 4 s down',
    ],
  ])('%s', (_label, dosage, text) => {
    expect(Dosage.parse(dosage)).toEqual(dosage);
    expect(describeDosage(dosage)).toBe(text);
  });

  it('names the sets, the amount and the days for any valid dosage, in plain numbers', () => {
    const amount = fc.oneof(
      fc.record({ kind: fc.constant('reps' as const), reps: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ kind: fc.constant('hold' as const), seconds: fc.integer({ min: 1, max: 600 }) }),
      fc.record({ kind: fc.constant('time' as const), minutes: fc.integer({ min: 1, max: 240 }) }),
    );
    const dosage = fc.record({
      sets: fc.integer({ min: 1, max: 10 }),
      amount,
      perSide: fc.boolean(),
      daysPerWeek: fc.integer({ min: 1, max: 7 }),
    });
    fc.assert(
      fc.property(dosage, (d) => {
        expect(Dosage.safeParse(d).success).toBe(true);
        const text = describeDosage(d);
        expect(text).not.toMatch(/undefined|NaN|null/);
        expect(text.includes('each side')).toBe(d.perSide);
        expect(text).toMatch(d.daysPerWeek === 7 ? /every day$/ : new RegExp(`${d.daysPerWeek} days? a week$`));
      }),
    );
  });
});

describe('Dosage schema', () => {
  const valid: DosageType = { sets: 3, amount: reps(10), perSide: true, daysPerWeek: 3 };
  const message = (value: unknown) => Dosage.safeParse(value).error?.issues[0]?.message;

  it('says what to fix', () => {
    expect(message({ ...valid, sets: 0 })).toBe('Sets must be 1 to 10.');
    expect(message({ ...valid, sets: 2.5 })).toBe('Sets must be a whole number from 1 to 10.');
    expect(message({ ...valid, daysPerWeek: 8 })).toBe('Days a week must be 1 to 7.');
    expect(message({ ...valid, amount: { kind: 'hold', seconds: 0 } })).toBe('Hold time must be 1 to 600 seconds.');
    expect(message({ ...valid, amount: { kind: 'laps', laps: 3 } })).toBe(
      'Choose repetitions, a hold in seconds, or a time in minutes.',
    );
    expect(message({ ...valid, effort: 11 })).toBe('Effort must be 1 to 10.');
  });

  it('allows a tempo with repetitions only', () => {
    const hold = { ...valid, amount: { kind: 'hold', seconds: 30 }, tempo: { upSeconds: 3, downSeconds: 3 } };
    const result = Dosage.safeParse(hold);
    expect(result.error?.issues[0]?.message).toBe(
      'A tempo only fits repetitions: remove the tempo, or change the dosage to repetitions.',
    );
    expect(result.error?.issues[0]?.path).toEqual(['tempo']);
  });

  it('refuses unknown fields, so a typo is not silently dropped', () => {
    expect(Dosage.safeParse({ ...valid, set: 3 }).success).toBe(false);
  });
});
