/**
 * The patient-facing text (printed on the take-home handout) is written for grade 6 or lower
 * (docs/clinical-sources.md#writing): short sentences, "you", active voice, no shouting capitals. Sentence
 * length follows the rest of the app's patient text: under 15 words.
 */
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../../shared/clinical/exercises/index';
import { BUILT_IN_EXERCISES } from '../../../shared/clinical/exercises/index';
import { fleschKincaidGrade, splitSentences, wordsOf } from '../../../shared/text/readability';

function patientText(e: Exercise): string[] {
  return [e.name, e.purpose, e.startingPosition, ...e.steps, ...e.cues, ...e.mistakes];
}

describe.each(BUILT_IN_EXERCISES.map((e) => [e.id, e] as const))('%s patient text', (_id, exercise) => {
  const text = patientText(exercise);

  it('keeps every sentence under 15 words', () => {
    for (const sentence of text.flatMap(splitSentences)) expect(wordsOf(sentence).length, sentence).toBeLessThan(15);
  });

  it('uses no all-capital words', () => {
    for (const line of text) expect(line, line).not.toMatch(/\b[A-Z]{2,}\b/);
  });

  it('talks to the patient as "you", in steps that start with what to do', () => {
    expect(text.join(' ')).toMatch(/\byou(r)?\b/i);
    for (const line of exercise.steps) expect(line, line).not.toMatch(/^(The|A|An) (patient|person|client)\b/i);
    for (const line of text)
      expect(line, line).not.toMatch(/\b(is|are|was|were|be|been) (\w+ed|held|done|kept|taken)\b/);
  });

  it('reads at grade 6 or lower', () => {
    expect(fleschKincaidGrade(text.join('\n'))).toBeLessThanOrEqual(6);
  });

  it('ends every line after the name with a full stop', () => {
    for (const line of text.slice(1)) expect(line, line).toMatch(/[.!?]$/);
  });
});
