import { describe, expect, it } from 'vitest';
import { checkWith } from '../../../shared/clinical/intake/fields';
import {
  limbSymmetryIndex,
  PhysicalTestsDraft,
  sideLsi,
  swellingRank,
} from '../../../shared/clinical/intake/physical-tests';

describe('limb symmetry index', () => {
  it.each([
    [18, 25, 72],
    [20, 30, 66.7],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [120, 140, 85.7],
    [150, 120, 125],
    [0, 25, 0],
    [25, 25, 100],
  ])('involved %s / uninvolved %s = %s%%', (involved, uninvolved, lsi) => {
    expect(limbSymmetryIndex(involved, uninvolved)).toBe(lsi);
  });

  it.each([
    ['the uninvolved side is 0', 12, 0],
    ['both sides are 0', 0, 0],
    ['the involved side is missing', undefined, 25],
    ['the uninvolved side is missing', 25, undefined],
  ])('is undefined when %s', (_name, involved, uninvolved) => {
    expect(limbSymmetryIndex(involved, uninvolved)).toBeUndefined();
  });

  it.each([
    ['left involved', 'left', { kind: 'computed', lsi: 72, involved: 18, uninvolved: 25, involvedLimb: 'left' }],
    ['right involved', 'right', { kind: 'computed', lsi: 138.9, involved: 25, uninvolved: 18, involvedLimb: 'right' }],
    ['both sides involved', 'both', { kind: 'no_uninvolved_side', side: 'both' }],
    ['no side', 'not_applicable', { kind: 'no_uninvolved_side', side: 'not_applicable' }],
    ['side not chosen', undefined, { kind: 'side_unknown' }],
  ] as const)('takes the involved side from the episode: %s', (_name, side, result) => {
    expect(sideLsi({ left: 18, right: 25 }, side)).toEqual(result);
  });

  it('says which side is missing and which is zero', () => {
    expect(sideLsi({ left: 18 }, 'left')).toEqual({ kind: 'missing', missing: ['right'], involvedLimb: 'left' });
    expect(sideLsi(undefined, 'left')).toEqual({ kind: 'missing', missing: ['left', 'right'], involvedLimb: 'left' });
    expect(sideLsi({ left: 18, right: 0 }, 'left')).toEqual({ kind: 'uninvolved_zero', involvedLimb: 'left' });
  });
});

describe('physical tests schema', () => {
  it('accepts what a clinician types, one side at a time', () => {
    const tests = {
      heelRaises: { left: 0, right: 200 },
      kneeToWallCm: { left: 11.5, right: 0.1 + 0.2 },
      singleHopCm: { left: 120 },
      squatQuality: { right: 'fair' },
      kneeSwelling: { left: 'three_plus' },
      briskWalk: { minutes: 30 },
    };
    expect(PhysicalTestsDraft.safeParse(tests).success).toBe(true);
  });

  it.each([
    [
      '-3 heel raises',
      { heelRaises: { left: -3 } },
      'heelRaises.left',
      'Heel raises (left) must be a whole number from 0 to 200.',
    ],
    [
      '201 heel raises',
      { heelRaises: { right: 201 } },
      'heelRaises.right',
      'Heel raises (right) must be a whole number from 0 to 200.',
    ],
    [
      '12.5 heel raises',
      { heelRaises: { left: 12.5 } },
      'heelRaises.left',
      'Heel raises (left) must be a whole number from 0 to 200.',
    ],
    [
      'knee-to-wall with two decimals',
      { kneeToWallCm: { left: 11.25 } },
      'kneeToWallCm.left',
      'Knee-to-wall (left) must be a number from 0 to 30 cm, with at most one decimal (e.g. 11.5).',
    ],
    [
      'knee-to-wall over 30 cm',
      { kneeToWallCm: { right: 31 } },
      'kneeToWallCm.right',
      'Knee-to-wall (right) must be a number from 0 to 30 cm, with at most one decimal (e.g. 11.5).',
    ],
    [
      'a hop of 450 cm',
      { singleHopCm: { left: 450 } },
      'singleHopCm.left',
      'Single-leg hop (left) must be a whole number from 0 to 400 cm.',
    ],
    [
      'a triple hop of -1 cm',
      { tripleHopCm: { right: -1 } },
      'tripleHopCm.right',
      'Triple hop (right) must be a whole number from 0 to 1200 cm.',
    ],
    [
      'a squat rated "ok"',
      { squatQuality: { left: 'ok' } },
      'squatQuality.left',
      'Single-leg squat (left): choose good, fair or poor.',
    ],
    [
      'a swelling grade of "4+"',
      { kneeSwelling: { right: '4+' } },
      'kneeSwelling.right',
      'Knee swelling (right): choose zero, trace, 1+, 2+ or 3+.',
    ],
    [
      'a brisk walk of 200 minutes',
      { briskWalk: { minutes: 200 } },
      'briskWalk.minutes',
      'Brisk walk time must be a whole number from 0 to 180 minutes.',
    ],
    [
      'pain-free typed as text',
      { briskWalk: { painFree: 'yes' } },
      'briskWalk.painFree',
      'Was the brisk walk pain-free? Answer yes or no.',
    ],
  ])('refuses %s', (_name, input, path, message) => {
    expect(checkWith(PhysicalTestsDraft, input)).toEqual({ ok: false, problems: [{ path, message }] });
  });

  it('orders swelling grades', () => {
    expect(swellingRank('zero')).toBeLessThan(swellingRank('trace'));
    expect(swellingRank('trace')).toBeLessThan(swellingRank('one_plus'));
    expect(swellingRank('two_plus')).toBeLessThan(swellingRank('three_plus'));
  });
});
