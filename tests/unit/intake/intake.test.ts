import { describe, expect, it } from 'vitest';
import { problemsToFields } from '../../../shared/clinical/intake/fields';
import { IntakeDraft, parseIntakeDraft } from '../../../shared/clinical/intake/intake';
import { readyAchillesIntake, readyKneeIntake, TODAY } from './fixtures';

describe('intake draft', () => {
  it('accepts an empty draft and the complete fixtures', () => {
    expect(parseIntakeDraft({}, TODAY).ok).toBe(true);
    expect(parseIntakeDraft(readyKneeIntake(), TODAY)).toEqual({ ok: true, value: readyKneeIntake() });
    expect(parseIntakeDraft(readyAchillesIntake(), TODAY).ok).toBe(true);
  });

  it('reports every problem with its path, ready for the form', () => {
    const draft = readyKneeIntake();
    const input = {
      ...draft,
      episode: { ...draft.episode, onsetDate: '2027-01-01', surgery: undefined },
      measures: { lefs: { items: [...(draft.measures?.lefs?.items ?? [])] } },
      physicalTests: { ...draft.physicalTests, heelRaises: { left: -3, right: 25 } },
    };
    input.measures.lefs.items[2] = 7;
    const checked = parseIntakeDraft(input, TODAY);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(problemsToFields(checked.problems)).toEqual({
      'episode.onsetDate':
        'Date of onset (2027-01-01) is after today (2026-11-27): enter the day the symptoms started.',
      'measures.lefs.items.2': 'LEFS item 3 must be a whole number from 0 to 4.',
      'physicalTests.heelRaises.left': 'Heel raises (left) must be a whole number from 0 to 200.',
    });
  });

  it('refuses fields it does not know, as a program error', () => {
    const checked = parseIntakeDraft({ episode: { colour: 'red' } }, TODAY);
    expect(checked).toEqual({
      ok: false,
      problems: [
        {
          path: 'episode',
          message: 'The form sent fields this intake does not have (colour): this is a program error.',
        },
      ],
    });
  });

  it('keeps the static schema for the IPC contract', () => {
    expect(IntakeDraft.safeParse(readyKneeIntake()).success).toBe(true);
  });
});
