import { describe, expect, it } from 'vitest';
import { foldText, foldWords } from '../../shared/text/fold';

describe('folding names for search', () => {
  it.each([
    ['Zoë', 'zoe'],
    ['Łukasiewicz-Ørsted', 'lukasiewicz orsted'],
    ['Nguyễn Văn An', 'nguyen van an'],
    ["O'Connor", 'oconnor'],
    ['Siobhán', 'siobhan'],
    ['Gonçalves', 'goncalves'],
    ['Straße', 'strasse'],
    ['Æsa Đorđević', 'aesa dordevic'],
    ['  MÜLLER  ', 'muller'],
    ['ＡＢＣ', 'abc'],
  ])('%s folds to %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('splits into words and drops punctuation', () => {
    expect(foldWords('RR-0001 / x')).toEqual(['rr', '0001', 'x']);
    expect(foldWords(' - ')).toEqual([]);
  });
});
