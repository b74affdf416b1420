import { describe, expect, it } from 'vitest';
import {
  countSyllables,
  fleschKincaidGrade,
  polysyllables,
  readingStats,
  smogGrade,
  splitSentences,
  wordsOf,
} from '../../../shared/text/readability';

describe('countSyllables', () => {
  it.each([
    ['the', 1],
    ['run', 1],
    ['take', 1],
    ['goes', 1],
    ['miles', 1],
    ['walked', 1],
    ['played', 1],
    ['speed', 1],
    ['table', 2],
    ['muscles', 2],
    ['boxes', 2],
    ['rested', 2],
    ['needed', 2],
    ['minutes', 2],
    ['again', 2],
    ['swelling', 2],
    ['Thursday', 2],
    ['December', 3],
    ['warm-up', 2],
    ['2', 1],
    ['7', 2],
    ['10', 1],
    ['11', 3],
    ['0.25', 5],
  ])('%s has %i', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });

  it('never counts a real word as 0 syllables', () => {
    expect(countSyllables('rhythm')).toBeGreaterThanOrEqual(1);
    expect(countSyllables('e')).toBe(1);
  });
});

describe('sentences and words', () => {
  it('splits at full stops, question marks and line breaks, not inside numbers', () => {
    expect(splitSentences('Take 2 days off. Then go down 1 level!\nRun 0.25 mi? Yes')).toEqual([
      'Take 2 days off.',
      'Then go down 1 level!',
      'Run 0.25 mi?',
      'Yes',
    ]);
  });

  it('keeps hyphenated words, apostrophes and decimals whole', () => {
    expect(wordsOf("Don't skip the warm-up: 0.25 mi.")).toEqual(["Don't", 'skip', 'the', 'warm-up', '0.25', 'mi']);
  });
});

describe('Flesch-Kincaid grade', () => {
  it('follows the formula on a sentence counted by hand', () => {
    // You(1) can(1) run(1) again(2) on(1) Thursday(2): 6 words, 8 syllables, 1 sentence.
    const stats = readingStats('You can run again on Thursday.');
    expect(stats).toMatchObject({ sentences: 1, words: 6, syllables: 8, longestSentence: 6 });
    expect(stats.grade).toBeCloseTo(0.39 * 6 + (11.8 * 8) / 6 - 15.59, 10);
  });

  it('rates plain words low and long Latinate sentences high', () => {
    expect(fleschKincaidGrade('Take 2 days off. Then go down 1 level.')).toBeLessThan(3);
    expect(
      fleschKincaidGrade(
        'Physiotherapeutic rehabilitation necessitates individualised periodisation of cumulative musculoskeletal loading.',
      ),
    ).toBeGreaterThan(12);
  });

  it('rates empty text 0', () => {
    expect(readingStats('  ')).toEqual({ sentences: 0, words: 0, syllables: 0, grade: 0, longestSentence: 0 });
  });
});

describe('SMOG grade', () => {
  it('follows McLaughlin’s formula on a 30-sentence sample counted by hand', () => {
    // 30 sentences; 9 words of three syllables (el-e-phant, beau-ti-ful, to-mor-row), the rest of one or two.
    const sentences = [
      ...Array.from({ length: 3 }, () => 'The elephant is beautiful today.'),
      ...Array.from({ length: 3 }, () => 'We walk tomorrow.'),
      ...Array.from({ length: 24 }, () => 'You can run on the grass.'),
    ];
    const sample = sentences.join(' ');
    expect(polysyllables(sample)).toBe(9);
    // 1.0430 x sqrt(9 x 30 / 30) + 3.1291 = 1.043 x 3 + 3.1291
    expect(smogGrade(sample)).toBeCloseTo(6.2581, 4);
  });

  it('scales to any number of sentences, rates text with no long words at its floor, and empty text 0', () => {
    expect(smogGrade('Run slowly. Stop if it hurts. Elephants are enormous.')).toBeCloseTo(
      1.043 * Math.sqrt((2 * 30) / 3) + 3.1291,
      6,
    );
    expect(smogGrade('Take 2 days off. Then go down 1 level.')).toBeCloseTo(3.1291, 4);
    expect(smogGrade('')).toBe(0);
  });

  it('rates jargon high', () => {
    expect(
      smogGrade(
        'Physiotherapeutic rehabilitation necessitates individualised periodisation of cumulative musculoskeletal loading.',
      ),
    ).toBeGreaterThan(12);
  });
});
