/** OWASP's CSV injection advice, cell by cell: formulas neutralised, numbers left as numbers. */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../main/export/csv';

describe('a CSV cell a spreadsheet would run as a formula', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+44 7700 900123', `"'+44 7700 900123"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ["'already quoted", `"''already quoted"`],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ])('%j is written as %s', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('leaves numbers, ordinary text and no value as they were', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(12n)).toBe('12');
    expect(csvField('Zoë')).toBe('Zoë');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('')).toBe('""');
    expect(csvField(null)).toBe('');
  });
});
