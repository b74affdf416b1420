/**
 * Folding of names and free text for search: accent-, case- and punctuation-insensitive,
 * so "zoe" finds "Zoë", "lukasiewicz" finds "Łukasiewicz" and "nguyen van" finds "Nguyễn Văn".
 *
 * NFKD splits most accented letters into a base letter plus combining marks, which we drop.
 * A few letters have no decomposition (ł, ø, đ, ß, æ...): they are mapped by hand.
 */

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ŉ: 'n',
  ĸ: 'k',
  ſ: 's',
};

const COMBINING_MARKS = /\p{M}+/gu;
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');
/** Apostrophes inside names join rather than split: "O'Brien" folds to "obrien". */
const APOSTROPHES = /['’ʼ`´]/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-case, accent-free text with every run of non-letters replaced by one space. */
export function foldText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(APOSTROPHES, '')
    .replace(NON_WORD, ' ')
    .trim();
}

/**
 * The text in plain ASCII letters, keeping case, spaces and hyphens: "Łukasiewicz-Ørsted" gives
 * "Lukasiewicz-Orsted", "Nguyễn Văn" gives "Nguyen Van". For file names that every system and
 * every email program keeps intact. Other characters are dropped; runs of spaces become one.
 */
export function foldToAscii(input: string): string {
  return input
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/\p{L}/gu, (ch) => {
      const lower = ch.toLowerCase();
      const mapped = SPECIAL_LETTERS[lower];
      if (mapped === undefined) return ch;
      return ch === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
    })
    .replace(APOSTROPHES, '')
    .replace(/[^A-Za-z0-9 -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The folded words of a text, in order, without empties. */
export function foldWords(input: string): string[] {
  const folded = foldText(input);
  return folded === '' ? [] : folded.split(' ');
}
