/**
 * Reading level of patient text: the Flesch-Kincaid grade, the SMOG grade and sentence lengths.
 *
 * Patient handouts target grade 6 or lower (AAFP; docs/clinical-sources.md#writing). The grade is
 *   0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59
 * (Kincaid et al. 1975), and the SMOG grade is
 *   1.0430 x sqrt(words of 3 or more syllables x 30 / sentences) + 3.1291
 * (McLaughlin 1969, as the formula is usually given for any number of sentences). SMOG counts
 * long words only, so it catches jargon that short sentences hide from Flesch-Kincaid. Syllables are counted by a rule of thumb for English (vowel groups,
 * less a silent final "e" or "-es"/"-ed"), which is how readability tools count them too: close
 * for the short, common words a handout should use, and good enough to catch long sentences and
 * long words, which is what the grade is for.
 */

const VOWEL_GROUPS = /[aeiouy]+/g;

/** Spoken syllables of small numbers ("2" is "two", "11" is "e-lev-en"); larger ones are estimated. */
const NUMBER_SYLLABLES: readonly number[] = [
  2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2, 2,
  // 0..20: zero, one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen...
];

function numberSyllables(token: string): number {
  const [whole = '', decimals = ''] = token.split(/[.,]/);
  // "0.25" is "zero point two five".
  if (decimals !== '') {
    return numberSyllables(whole) + 1 + [...decimals].reduce((sum, d) => sum + numberSyllables(d), 0);
  }
  const n = Number(whole);
  if (Number.isInteger(n) && n >= 0 && n < NUMBER_SYLLABLES.length) return NUMBER_SYLLABLES[n] ?? 1;
  // "35" is "thir-ty-five": about two syllables per digit beyond the first, one for the first.
  return Math.max(1, 2 * whole.length - 1);
}

/** Syllables in one word (letters, digits, apostrophes and hyphens; other characters are ignored). */
export function countSyllables(word: string): number {
  const parts = word
    .toLowerCase()
    .split('-')
    .filter((p) => p !== '');
  if (parts.length > 1) return parts.reduce((sum, p) => sum + countSyllables(p), 0);
  const token = parts[0] ?? '';
  if (/^\d/.test(token)) return numberSyllables(token);
  const w = token.replace(/[^a-z]/g, '');
  if (w === '') return 0;
  if (w.length <= 3) return 1;
  let count = (w.match(VOWEL_GROUPS) ?? []).length;
  // Silent endings: "take", "miles", "walked", "played" (but not "table", "muscles", "boxes",
  // "places", "rested" or "needed").
  if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) count -= 1;
  else if (/[aeiouy][^aeiouysxzcg]es$/.test(w)) count -= 1;
  else if (/[^aeioutd]ed$/.test(w)) count -= 1;
  return Math.max(1, count);
}

/** Sentences: text up to ".", "!" or "?" followed by a space or the end, or a line break. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

/** Words: runs of letters or digits, with inner apostrophes, hyphens and decimal points. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu) ?? [];
}

export interface ReadingStats {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch-Kincaid grade level; 0 for empty text. */
  grade: number;
  /** Words in the longest sentence. */
  longestSentence: number;
}

export function readingStats(text: string): ReadingStats {
  const sentences = splitSentences(text);
  const sentenceWords = sentences.map(wordsOf);
  const words = sentenceWords.flat();
  if (words.length === 0) return { sentences: 0, words: 0, syllables: 0, grade: 0, longestSentence: 0 };
  const syllables = words.reduce((sum, w) => sum + countSyllables(w), 0);
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return {
    sentences: sentences.length,
    words: words.length,
    syllables,
    grade,
    longestSentence: Math.max(...sentenceWords.map((s) => s.length)),
  };
}

/** The Flesch-Kincaid grade of a text (can be below 0 for very simple text). */
export function fleschKincaidGrade(text: string): number {
  return readingStats(text).grade;
}

/** Words of three or more syllables ("polysyllables", as SMOG counts them). */
export function polysyllables(text: string): number {
  return wordsOf(text).filter((w) => countSyllables(w) >= 3).length;
}

/** The SMOG grade of a text; 0 for text with no sentences. */
export function smogGrade(text: string): number {
  const sentences = splitSentences(text).length;
  if (sentences === 0) return 0;
  return 1.043 * Math.sqrt((polysyllables(text) * 30) / sentences) + 3.1291;
}
