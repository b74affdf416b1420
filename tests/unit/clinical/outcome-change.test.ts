import { describe, expect, it } from 'vitest';
import { changeWords, MINIMAL_IMPORTANT_CHANGE, outcomeChange } from '../../../shared/clinical/outcome-change';

describe('change since the first score, against the minimal important change', () => {
  it('uses the published minimal important changes: LEFS 9, PSFS average 2, VISA-A 6.5', () => {
    expect(MINIMAL_IMPORTANT_CHANGE).toEqual({ lefs: 9, psfs: 2, visaA: 6.5 });
  });

  it.each([
    ['lefs', 52, 63, 'LEFS 52 -> 63: +11, more than the 9-point minimal important change'],
    ['lefs', 52, 61, 'LEFS 52 -> 61: +9, as much as the 9-point minimal important change'],
    ['lefs', 52, 60, 'LEFS 52 -> 60: +8, less than the 9-point minimal important change'],
    ['lefs', 63, 52, 'LEFS 63 -> 52: -11, worse by more than the 9-point minimal important change'],
    ['lefs', 60, 57, 'LEFS 60 -> 57: -3, less than the 9-point minimal important change'],
    ['lefs', 60, 60, 'LEFS 60 -> 60: no change'],
    ['psfs', 3.4, 5.4, 'PSFS average 3.4 -> 5.4: +2, as much as the 2-point minimal important change'],
    ['psfs', 3, 4.7, 'PSFS average 3 -> 4.7: +1.7, less than the 2-point minimal important change'],
    ['visaA', 55, 62, 'VISA-A 55 -> 62: +7, more than the 6.5-point minimal important change'],
    ['visaA', 55, 61, 'VISA-A 55 -> 61: +6, less than the 6.5-point minimal important change'],
  ] as const)('%s %s -> %s reads "%s"', (measure, from, to, words) => {
    expect(changeWords(outcomeChange(measure, from, to))).toBe(words);
  });

  it('says whether the change reaches the minimal important change, better or worse', () => {
    expect(outcomeChange('lefs', 40, 49)).toMatchObject({ change: 9, reached: true, direction: 'better' });
    expect(outcomeChange('lefs', 49, 40)).toMatchObject({ change: -9, reached: true, direction: 'worse' });
    expect(outcomeChange('visaA', 70, 76)).toMatchObject({ change: 6, reached: false });
    // A clinic may use another minimal important change.
    expect(outcomeChange('visaA', 70, 76, 5)).toMatchObject({ reached: true, minimalImportantChange: 5 });
  });
});
