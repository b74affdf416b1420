/**
 * The patient-facing text (printed on the take-home handout) is written for a reading age of
 * 11-12 (grade 6 or lower): short sentences, "you", active voice, no shouting capitals.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_EXERCISES } from '../../../shared/clinical/exercises/index';

function patientText(e: (typeof BUILT_IN_EXERCISES)[number]): string[] {
  return [e.name, e.purpose, e.startingPosition, ...e.steps, ...e.cues, ...e.mistakes];
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** Vowel-group syllable count: rough, but stable enough to track reading level. */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

/** Flesch-Kincaid grade level of a body of text. */
function gradeLevel(text: string[]): number {
  const all = text.flatMap(sentences);
  const w = all.flatMap(words);
  const s = w.reduce((sum, word) => sum + syllables(word), 0);
  return 0.39 * (w.length / all.length) + 11.8 * (s / w.length) - 15.59;
}

describe.each(BUILT_IN_EXERCISES.map((e) => [e.id, e] as const))('%s patient text', (_id, exercise) => {
  const text = patientText(exercise);

  it('keeps every sentence under 18 words', () => {
    for (const sentence of text.flatMap(sentences)) expect(words(sentence).length, sentence).toBeLessThan(18);
  });

  it('uses no all-capital words', () => {
    for (const line of text) expect(line, line).not.toMatch(/\b[A-Z]{2,}\b/);
  });

  it('talks to the patient as "you"', () => {
    expect(text.join(' ')).toMatch(/\byou(r)?\b/i);
    for (const line of exercise.steps)
      expect(line, 'steps start with a verb or "Do", not "The patient"').not.toMatch(/^(The patient|Patient)/);
  });

  it('reads at grade 6 or lower', () => {
    expect(gradeLevel(text)).toBeLessThanOrEqual(6);
  });

  it('ends every line with a full stop', () => {
    for (const line of text.slice(1)) expect(line, line).toMatch(/[.!?]$/);
  });
});
