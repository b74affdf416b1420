/**
 * The handout's own words read at grade 6 or lower (Flesch-Kincaid, shared/text/readability.ts),
 * in short sentences: the fixed text, and every sentence the handout builds around the data.
 * (The exercise, red-flag and rule-set wording have their own tests where they are written.)
 */
import { describe, expect, it } from 'vitest';
import type { Block, Run } from '../../../shared/handout/content-blocks';
import { handoutContent } from '../../../shared/handout/content';
import { HANDOUT_TEXT } from '../../../shared/handout/wording';
import { fleschKincaidGrade, splitSentences, wordsOf } from '../../../shared/text/readability';
import { fixtureHandout } from '../../helpers/handout';

const FIXED = Object.values(HANDOUT_TEXT);
/** The instructions among them (headings and labels would flatter the average). */
const INSTRUCTIONS = FIXED.filter((t) => /[.?]$/.test(t) && wordsOf(t).length > 4);

/** Sentences the handout writes itself (not the exercise, rule or red-flag text it quotes). */
function ownSentences(): string[] {
  const data = fixtureHandout({ afterSurgery: true });
  const content = handoutContent(data);
  const out: string[] = [content.title];
  const runs = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
  const walk = (b: Block) => {
    if (b.kind === 'paragraph') out.push(runs(b.runs));
    if (b.kind === 'facts') for (const row of b.rows) for (const l of row.lines) out.push(runs(l));
    if (b.kind === 'bouts') out.push(b.repeat);
    if (b.kind === 'box') b.blocks.forEach(walk);
  };
  for (const s of content.sections) if (s.id !== 'exercises' && s.id !== 'self-check') s.blocks.forEach(walk);
  return out.map((t) => t.replace(/\u00a0/g, ' '));
}

describe('handout wording', () => {
  it('keeps the fixed instructions at grade 6 or lower', () => {
    expect(INSTRUCTIONS.length).toBeGreaterThan(10);
    expect(fleschKincaidGrade(INSTRUCTIONS.join('\n'))).toBeLessThanOrEqual(6);
  });

  it('would notice wording above grade 6 (the check can fail)', () => {
    const hard =
      'Discontinue the prescribed ambulatory progression immediately whenever symptomatology persists throughout the preparatory interval.';
    expect(fleschKincaidGrade(hard)).toBeGreaterThan(6);
    expect(fleschKincaidGrade(INSTRUCTIONS.map((t) => `${t.replace(/[.?]$/, '')} ${hard}`).join('\n'))).toBeGreaterThan(
      6,
    );
  });

  it('keeps the sentences built around the data at grade 6 or lower', () => {
    expect(fleschKincaidGrade(ownSentences().join('\n'))).toBeLessThanOrEqual(6);
  });

  it('keeps every sentence under 15 words', () => {
    for (const sentence of [...FIXED, ...ownSentences()].flatMap(splitSentences)) {
      expect(wordsOf(sentence).length, sentence).toBeLessThan(15);
    }
  });

  it('uses no capitals for emphasis', () => {
    for (const line of [...FIXED, ...ownSentences()]) expect(line, line).not.toMatch(/\b[A-Z]{3,}\b/);
  });
});
