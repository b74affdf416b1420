import { describe, expect, it } from 'vitest';
import {
  applicableRedFlags,
  RED_FLAGS,
  screenRedFlags,
  stopAndCallItems,
} from '../../../shared/clinical/intake/red-flags';
import { checkWith } from '../../../shared/clinical/intake/fields';
import { Symptoms, SymptomsDraft } from '../../../shared/clinical/intake/symptoms';
import { readingStats } from '../../../shared/text/readability';
import { allRedFlagsNo } from './fixtures';

describe('red-flag list', () => {
  it('has unique ids', () => {
    expect(new Set(RED_FLAGS.map((f) => f.id)).size).toBe(RED_FLAGS.length);
  });

  it('covers clinical.md section 5: 10 items for everyone, 5 more after surgery', () => {
    expect(RED_FLAGS.filter((f) => !f.afterSurgeryOnly)).toHaveLength(10);
    expect(RED_FLAGS.filter((f) => f.afterSurgeryOnly).map((f) => f.id)).toEqual([
      'calf_pain_redness_warmth',
      'chest_pain_or_breathlessness',
      'fever',
      'wound_redness_or_discharge',
      'new_numbness',
    ]);
  });

  it.each(RED_FLAGS.map((f) => [f.id, f.patient] as const))(
    'words "%s" for patients at grade 6 or lower, speaking to "you"',
    (_id, text) => {
      const stats = readingStats(text);
      expect(stats.grade).toBeLessThanOrEqual(6);
      expect(stats.longestSentence).toBeLessThan(15);
      expect(text).toMatch(/\byour?\b/i);
      expect(text).not.toMatch(/[A-Z]{3,}/); // no all caps
    },
  );

  it('reads at grade 6 or lower as the whole handout section', () => {
    expect(readingStats(RED_FLAGS.map((f) => f.patient).join('\n')).grade).toBeLessThanOrEqual(6);
  });

  it('asks the post-surgery items only after surgery, and when surgery is unknown', () => {
    expect(applicableRedFlags(false)).toHaveLength(10);
    expect(applicableRedFlags(true)).toHaveLength(15);
    expect(applicableRedFlags(undefined)).toHaveLength(15);
  });

  it('separates the emergency item on the handout', () => {
    const items = stopAndCallItems(true);
    expect(items.emergency).toEqual(['Your chest hurts, or it is hard to breathe. Call an ambulance now.']);
    expect(items.callUs).toHaveLength(14);
    expect(stopAndCallItems(false)).toEqual({ callUs: RED_FLAGS.slice(0, 10).map((f) => f.patient), emergency: [] });
  });
});

describe('red-flag screen', () => {
  it('is clear when every applicable item is answered no', () => {
    const screen = screenRedFlags(allRedFlagsNo(), true);
    expect(screen).toMatchObject({ clear: true, positive: [], notAsked: [] });
    expect(screen.negative).toHaveLength(15);
  });

  it('lists items not asked, counting "not asked" and absent alike', () => {
    const answers = { ...allRedFlagsNo(), night_pain: 'not_asked' as const };
    delete answers.fever;
    const screen = screenRedFlags(answers, true);
    expect(screen.clear).toBe(false);
    expect(screen.notAsked.map((f) => f.id)).toEqual(['night_pain', 'fever']);
  });

  it('never ignores a yes, even to a post-surgery item without surgery', () => {
    const screen = screenRedFlags({ ...allRedFlagsNo(), calf_pain_redness_warmth: 'yes' }, false);
    expect(screen.positive.map((f) => f.id)).toEqual(['calf_pain_redness_warmth']);
    expect(screen.clear).toBe(false);
  });
});

describe('symptoms schemas', () => {
  it.each([
    ['pain at rest of 11', { painAtRest: 11 }, 'painAtRest', 'Pain at rest must be a whole number from 0 to 10.'],
    [
      'walking pain of -1',
      { painWalking: -1 },
      'painWalking',
      'Pain when walking must be a whole number from 0 to 10.',
    ],
    [
      'hopping pain of 2.5',
      { painHopping: 2.5 },
      'painHopping',
      'Pain when hopping must be a whole number from 0 to 10.',
    ],
    [
      'a red-flag answer that is not yes, no or not asked',
      { redFlags: { night_pain: 'maybe' } },
      'redFlags.night_pain',
      'Answer each red-flag question with yes, no or not asked.',
    ],
  ])('refuses %s', (_name, input, path, message) => {
    expect(checkWith(SymptomsDraft, input)).toEqual({ ok: false, problems: [{ path, message }] });
  });

  it('refuses a red flag that is not on the list', () => {
    const checked = checkWith(SymptomsDraft, { redFlags: { headache: 'yes' } });
    expect(checked.ok).toBe(false);
  });

  it('needs pain at rest and when walking to sign', () => {
    expect(checkWith(Symptoms, { painHopping: 2 })).toEqual({
      ok: false,
      problems: [
        { path: 'painAtRest', message: 'Pain at rest is missing: enter a whole number from 0 to 10.' },
        { path: 'painWalking', message: 'Pain when walking is missing: enter a whole number from 0 to 10.' },
      ],
    });
  });
});
