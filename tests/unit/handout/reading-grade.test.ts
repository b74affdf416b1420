/**
 * Each handout as a whole reads at grade 6 or lower (docs/clinical-sources.md#writing), by both the
 * Flesch-Kincaid and the SMOG grade: every word a patient reads, the quoted exercise, rule and
 * red-flag text included, for four kinds of patient (tests/helpers/handout.ts).
 *
 * The full text is taken block by block, as the patient reads it: a heading, a paragraph, a list
 * item, a table cell or a fact is one line (a line ends a sentence for the counts). Labels and
 * cells are short, which pulls the grade down a little; the test also checks the sentences alone
 * (the lines that end with a full stop), which is the stricter reading.
 *
 * The clinic's contact details (phone number, email, postal address) are left out of the count:
 * they are copied, not read as prose, and readability tools score the prose around them. Every
 * other number counts as spoken ("0.1" is "zero point one", four syllables), as SMOG asks.
 */
import { describe, expect, it } from 'vitest';
import type { Block, HandoutContent, Run } from '../../../shared/handout/content-blocks';
import { handoutContent } from '../../../shared/handout/content';
import { HandoutData } from '../../../shared/handout/handout-data';
import { fleschKincaidGrade, smogGrade } from '../../../shared/text/readability';
import { READING_FIXTURES } from '../../helpers/handout';

const runs = (rs: readonly Run[]) => rs.map((r) => r.text).join('');

/** Every line of the handout's words, in reading order (the page header aside). */
export function handoutLines(content: HandoutContent): string[] {
  const out: string[] = [content.title, runs(content.byline)];
  const walk = (b: Block): void => {
    switch (b.kind) {
      case 'heading':
        out.push(b.text);
        break;
      case 'paragraph':
        out.push(runs(b.runs));
        break;
      case 'bullets':
        for (const item of b.items) out.push(runs(item));
        break;
      case 'facts':
        for (const row of b.rows) out.push(`${row.label}: ${row.lines.map(runs).join(' ')}`);
        break;
      case 'table':
        out.push(...b.columns.map((c) => c.header.replace(/\n/g, ' ')).filter((h) => h !== ''));
        for (const row of b.rows) {
          for (const c of row) if (c.kind === 'text' && c.runs.length > 0) out.push(runs(c.runs));
        }
        break;
      case 'bouts':
        out.push(b.segments.map((s) => s.label).join(', '), b.repeat);
        break;
      case 'calendar':
        break; // day numbers and one-word marks
      case 'exercise':
        out.push(`${b.number}. ${b.name}`, b.purpose, ...b.dosage.map((d) => `${d.label} ${d.value}`));
        out.push(`Start: ${b.start}`, ...b.steps, `Tips: ${b.tips.join(' ')}`);
        if (b.mistakes.length > 0) out.push(`Avoid: ${b.mistakes.join(' ')}`);
        if (b.easier.length > 0) out.push(`Too hard? Do this instead: ${b.easier.join(' or ')}.`);
        if (b.harder.length > 0) out.push(`Too easy? Ask us about: ${b.harder.join(' or ')}.`);
        if (b.note) out.push(`${b.note.label} ${b.note.text}`);
        if (b.picture) out.push(b.picture.description);
        break;
      case 'box':
        out.push(b.title);
        b.blocks.forEach(walk);
        break;
    }
  };
  for (const s of content.sections) {
    if (s.title !== '') out.push(s.title);
    s.blocks.forEach(walk);
  }
  return out.map((l) => l.replace(/\u00a0/g, ' ').trim()).filter((l) => l !== '');
}

describe('each handout, read as a whole', () => {
  for (const fixture of READING_FIXTURES) {
    it(`reads at grade 6 or lower by Flesch-Kincaid and SMOG: ${fixture.name}`, () => {
      const data = HandoutData.parse(fixture.data());
      const contact = [data.clinic.phone, data.clinic.email, data.clinic.address].filter((c) => c !== '');
      const lines = handoutLines(handoutContent(data)).map((l) => contact.reduce((t, c) => t.split(c).join(''), l));
      const full = lines.join('\n');
      const sentences = lines.filter((l) => /[.?!:]$/.test(l)).join('\n');
      expect(lines.length).toBeGreaterThan(40);
      const grades = {
        fleschKincaid: fleschKincaidGrade(full),
        smog: smogGrade(full),
        fleschKincaidSentences: fleschKincaidGrade(sentences),
        smogSentences: smogGrade(sentences),
      };
      for (const [name, grade] of Object.entries(grades)) expect(grade, name).toBeLessThanOrEqual(6);
    });
  }

  it('would notice a handout above grade 6 (the check can fail)', () => {
    const data = READING_FIXTURES[2]!.data();
    const hard = HandoutData.parse({
      ...data,
      exercises: data.exercises.map((e) => ({
        ...e,
        steps: e.steps.map(
          () =>
            'Proprioceptive neuromuscular facilitation necessitates deliberate, progressively individualised contractions.',
        ),
      })),
    });
    const full = handoutLines(handoutContent(hard)).join('\n');
    expect(smogGrade(full)).toBeGreaterThan(6);
  });
});
