/** Property tests: scoring stays in range for any valid input, and the schemas refuse any invalid value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceFromEntry, distanceIn, distanceSchema } from '../../../shared/clinical/intake/distance';
import { episodeDraftOn } from '../../../shared/clinical/intake/episode';
import { checkWith } from '../../../shared/clinical/intake/fields';
import { IntakeDraft } from '../../../shared/clinical/intake/intake';
import { LefsDraft, scoreLefs } from '../../../shared/clinical/intake/measures/lefs';
import { PsfsDraft, scorePsfs } from '../../../shared/clinical/intake/measures/psfs';
import {
  scoreVisaA,
  VISA_A_ACTIVITY_LEVELS,
  VISA_A_DURATIONS,
  VISA_A_PARTS,
  VisaADraft,
} from '../../../shared/clinical/intake/measures/visa-a';
import { limbSymmetryIndex, PhysicalTestsDraft, SWELLING_GRADES } from '../../../shared/clinical/intake/physical-tests';
import { evaluateReadiness } from '../../../shared/clinical/intake/readiness';
import { RED_FLAG_ANSWERS, RED_FLAG_IDS } from '../../../shared/clinical/intake/red-flags';
import { SymptomsDraft } from '../../../shared/clinical/intake/symptoms';
import { addDays } from '../../../shared/time/dates';
import { TODAY } from './fixtures';

/** Any number (or non-number) that is not a whole number from min to max. */
function notWholeIn(min: number, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer({ max: min - 1 }),
    fc.integer({ min: max + 1 }),
    fc.double({ min, max, noNaN: true }).filter((v) => !Number.isInteger(v)),
    fc.double().filter((v) => !Number.isInteger(v) || v < min || v > max),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '3', true, {}),
  );
}

const whole = (min: number, max: number) => fc.integer({ min, max });

describe('LEFS properties', () => {
  it('totals any 20 valid item scores to their sum, within 0-80', () => {
    fc.assert(
      fc.property(fc.array(whole(0, 4), { minLength: 20, maxLength: 20 }), (items) => {
        const draft = LefsDraft.parse({ items });
        const score = scoreLefs(draft);
        expect(score.computable).toBe(true);
        if (!score.computable) return;
        expect(score.total).toBe(items.reduce((a, b) => a + b, 0));
        expect(score.total).toBeGreaterThanOrEqual(0);
        expect(score.total).toBeLessThanOrEqual(80);
      }),
    );
  });

  it('gives no total when any item is blank, and names exactly the blank items', () => {
    fc.assert(
      fc.property(fc.array(fc.option(whole(0, 4), { nil: null }), { minLength: 20, maxLength: 20 }), (items) => {
        const blanks = items.flatMap((v, i) => (v === null ? [`item ${i + 1}`] : []));
        const score = scoreLefs({ items });
        if (blanks.length === 0) expect(score.computable).toBe(true);
        else expect(score).toMatchObject({ computable: false, missing: blanks, answered: 20 - blanks.length });
      }),
    );
  });

  it('refuses any invalid item value, naming the item', () => {
    fc.assert(
      fc.property(whole(0, 19), notWholeIn(0, 4), (index, bad) => {
        const items: unknown[] = Array.from({ length: 20 }, () => 2);
        items[index] = bad;
        const checked = checkWith(LefsDraft, { items });
        expect(checked).toEqual({
          ok: false,
          problems: [{ path: `items.${index}`, message: `LEFS item ${index + 1} must be a whole number from 0 to 4.` }],
        });
      }),
    );
  });
});

describe('PSFS properties', () => {
  it('averages 1-5 valid scores within 0-10, between the lowest and highest, to one decimal', () => {
    fc.assert(
      fc.property(fc.array(whole(0, 10), { minLength: 1, maxLength: 5 }), (scores) => {
        const draft = PsfsDraft.parse({ activities: scores.map((score, i) => ({ activity: `Task ${i}`, score })) });
        const score = scorePsfs(draft);
        expect(score.computable).toBe(true);
        if (!score.computable) return;
        const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
        expect(Math.abs(score.average - mean)).toBeLessThanOrEqual(0.05 + 1e-12);
        expect(score.average).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(score.average).toBeLessThanOrEqual(Math.max(...scores));
        expect(Number.isInteger(Math.round(score.average * 10))).toBe(true);
        expect(score.average * 10).toBeCloseTo(Math.round(score.average * 10), 9);
      }),
    );
  });

  it('refuses any invalid score', () => {
    fc.assert(
      fc.property(notWholeIn(0, 10), (bad) => {
        expect(PsfsDraft.safeParse({ activities: [{ activity: 'Run', score: bad }] }).success).toBe(false);
      }),
    );
  });
});

const visaItems = {
  item1: whole(0, 10),
  item2: whole(0, 10),
  item3: whole(0, 10),
  item4: whole(0, 10),
  item5: whole(0, 10),
  item6: whole(0, 10),
  item7: fc.constantFrom(...VISA_A_ACTIVITY_LEVELS),
  item8: fc.record({ part: fc.constantFrom(...VISA_A_PARTS), duration: fc.constantFrom(...VISA_A_DURATIONS) }),
};

describe('VISA-A properties', () => {
  it('totals any complete answer within 0-100, item 8 within 0-30', () => {
    fc.assert(
      fc.property(fc.record(visaItems), (answers) => {
        const score = scoreVisaA(VisaADraft.parse(answers));
        expect(score.computable).toBe(true);
        if (!score.computable) return;
        expect(score.total).toBeGreaterThanOrEqual(0);
        expect(score.total).toBeLessThanOrEqual(100);
        expect(score.item8Points).toBeGreaterThanOrEqual(0);
        expect(score.item8Points).toBeLessThanOrEqual(30);
        expect(score.inHealthyRange).toBe(score.total > 96);
      }),
    );
  });

  it('gives no total when any part is missing', () => {
    fc.assert(
      fc.property(fc.record(visaItems, { requiredKeys: [] }), (answers) => {
        const complete = Object.keys(visaItems).every((k) => k in answers);
        expect(scoreVisaA(answers).computable).toBe(complete);
      }),
    );
  });

  it('refuses any invalid score for items 1-6', () => {
    fc.assert(
      fc.property(whole(1, 6), notWholeIn(0, 10), (n, bad) => {
        const checked = checkWith(VisaADraft, { [`item${n}`]: bad });
        expect(checked).toEqual({
          ok: false,
          problems: [{ path: `item${n}`, message: `VISA-A item ${n} must be a whole number from 0 to 10.` }],
        });
      }),
    );
  });
});

describe('LSI and physical-test properties', () => {
  it('is the rounded ratio, never negative, 100 for equal sides, at most 100 when the involved side is weaker', () => {
    fc.assert(
      fc.property(whole(0, 1200), whole(1, 1200), (involved, uninvolved) => {
        const lsi = limbSymmetryIndex(involved, uninvolved);
        expect(lsi).toBeDefined();
        if (lsi === undefined) return;
        expect(lsi).toBeGreaterThanOrEqual(0);
        expect(Math.abs(lsi - (involved / uninvolved) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
        if (involved <= uninvolved) expect(lsi).toBeLessThanOrEqual(100);
        if (involved === uninvolved) expect(lsi).toBe(100);
      }),
    );
  });

  it('refuses any heel-raise count that is not a whole number from 0 to 200', () => {
    fc.assert(
      fc.property(fc.constantFrom('left', 'right'), notWholeIn(0, 200), (side, bad) => {
        expect(checkWith(PhysicalTestsDraft, { heelRaises: { [side]: bad } })).toEqual({
          ok: false,
          problems: [
            { path: `heelRaises.${side}`, message: `Heel raises (${side}) must be a whole number from 0 to 200.` },
          ],
        });
      }),
    );
  });

  it('accepts every knee-to-wall value from 0 to 30 cm in tenths, and refuses finer ones', () => {
    fc.assert(
      fc.property(whole(0, 300), (tenths) => {
        expect(PhysicalTestsDraft.safeParse({ kneeToWallCm: { left: tenths / 10 } }).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(whole(0, 2999), whole(1, 9), (tenths, hundredth) => {
        const value = tenths / 10 + hundredth / 100;
        expect(PhysicalTestsDraft.safeParse({ kneeToWallCm: { left: value } }).success).toBe(false);
      }),
    );
  });

  it('refuses any pain score that is not a whole number from 0 to 10', () => {
    fc.assert(
      fc.property(fc.constantFrom('painAtRest', 'painWalking', 'painHopping'), notWholeIn(0, 10), (field, bad) => {
        expect(SymptomsDraft.safeParse({ [field]: bad }).success).toBe(false);
      }),
    );
  });
});

describe('date and distance properties', () => {
  it('refuses any onset after today and accepts any onset up to today', () => {
    fc.assert(
      fc.property(whole(-20_000, 20_000), (days) => {
        const onsetDate = addDays(TODAY, days);
        expect(episodeDraftOn(TODAY).safeParse({ onsetDate }).success).toBe(days <= 0);
      }),
    );
  });

  it('stores any distance typed in km or mi to the metre, and takes it back', () => {
    const weekly = distanceSchema('Weekly distance', 300);
    fc.assert(
      fc.property(fc.constantFrom('km' as const, 'mi' as const), whole(0, 1860), (unit, tenths) => {
        const value = tenths / 10;
        const stored = distanceFromEntry(value, unit);
        expect(Math.abs(distanceIn(stored, unit) - value)).toBeLessThanOrEqual(0.0005);
        expect(weekly.safeParse(stored).success).toBe(true);
      }),
    );
  });
});

const side = fc.constantFrom('left' as const, 'right' as const, 'both' as const, 'not_applicable' as const);
const pair = <T>(arb: fc.Arbitrary<T>) => fc.record({ left: arb, right: arb }, { requiredKeys: [] });

const anyIntake = fc.record(
  {
    episode: fc.record(
      {
        region: fc.constantFrom('knee' as const, 'achilles' as const, 'thigh' as const),
        side,
        diagnosis: fc.constantFrom('acl_reconstruction' as const, 'achilles_tendinopathy' as const, 'mtss' as const),
        surgery: fc.constantFrom({ performed: 'yes' as const }, { performed: 'no' as const }, {}),
      },
      { requiredKeys: [] },
    ),
    symptoms: fc.record(
      {
        painWalking: whole(0, 10),
        painHopping: whole(0, 10),
        redFlags: fc.dictionary(fc.constantFrom(...RED_FLAG_IDS), fc.constantFrom(...RED_FLAG_ANSWERS)),
      },
      { requiredKeys: [] },
    ),
    physicalTests: fc.record(
      {
        heelRaises: pair(whole(0, 200)),
        singleHopCm: pair(whole(0, 400)),
        tripleHopCm: pair(whole(0, 1200)),
        kneeSwelling: pair(fc.constantFrom(...SWELLING_GRADES)),
        briskWalk: fc.record({ minutes: whole(0, 180), painFree: fc.boolean() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('readiness properties', () => {
  it('always maps the checklist to the documented recommendation', () => {
    fc.assert(
      fc.property(anyIntake, (generated) => {
        const intake = IntakeDraft.parse(generated);
        const result = evaluateReadiness(intake);
        const anyYes = Object.values(intake.symptoms?.redFlags ?? {}).includes('yes');
        const blocking = result.criteria.filter((c) => c.status === 'not_met' || c.status === 'not_tested');
        const expected = anyYes ? 'not_ready_refer' : blocking.length === 0 ? 'running_level_1' : 'walking_stage';
        expect(result.recommendation).toBe(expected);
        expect(result.reasons).toHaveLength(blocking.length);
        for (const c of result.criteria) expect(c.reason).toMatch(/\S.*\.$/);
      }),
    );
  });
});
