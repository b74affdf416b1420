import { describe, expect, it } from 'vitest';
import { handoutFileName } from '../../../shared/handout/file-name';
import { foldToAscii } from '../../../shared/text/fold';

describe('handoutFileName', () => {
  it('puts the date first and folds the name to plain letters, keeping case and hyphens', () => {
    expect(handoutFileName('2026-11-27', { givenName: 'Zoë', familyName: 'Łukasiewicz-Ørsted' })).toBe(
      '2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf',
    );
    expect(handoutFileName('2026-11-27', { givenName: 'Văn An', familyName: 'Nguyễn' })).toBe(
      '2026-11-27 Nguyen Van An handout.pdf',
    );
  });

  it('drops characters a file system may refuse, and never leaves the name empty', () => {
    expect(handoutFileName('2026-11-27', { givenName: 'Seán', familyName: "O'Brien/../x:*?" })).toBe(
      '2026-11-27 OBrien x Sean handout.pdf',
    );
    expect(handoutFileName('2026-11-27', { givenName: '李', familyName: '王' })).toBe('2026-11-27 patient handout.pdf');
  });

  it('folds the letters NFKD cannot split, in both cases', () => {
    expect(foldToAscii('ŁØĐÆŒ łøđæœ ß')).toBe('LODAeOe lodaeoe ss');
  });
});
