import { describe, expect, it } from 'vitest';
import { checkWith } from '../../../shared/clinical/intake/fields';
import { PsfsDraft, scorePsfs, type PsfsActivity } from '../../../shared/clinical/intake/measures/psfs';

const rows = (...scores: (number | null)[]): PsfsActivity[] =>
  scores.map((score, i) => ({ activity: `Activity ${i + 1}`, score }));

describe('PSFS scoring', () => {
  it.each([
    ['one activity', rows(7), 7],
    ['one activity at 0', rows(0), 0],
    ['five activities', rows(1, 2, 3, 4, 6), 3.2],
    ['five activities at 10', rows(10, 10, 10, 10, 10), 10],
    ['a third rounds down', rows(6, 6, 7), 6.3],
    ['two thirds round up', rows(6, 7, 7), 6.7],
    ['a half', rows(6, 7), 6.5],
    ['a quarter', rows(6, 6, 6, 7), 6.3],
  ])('averages %s', (_name, activities, average) => {
    expect(scorePsfs({ activities })).toEqual({ computable: true, average, activityCount: activities.length, max: 10 });
  });

  it('ignores blank rows', () => {
    const activities = [...rows(4, 8), { activity: '  ', score: null }];
    expect(scorePsfs({ activities })).toMatchObject({ computable: true, average: 6, activityCount: 2 });
  });

  it('names an activity without a score', () => {
    expect(scorePsfs({ activities: rows(4, null) })).toEqual({
      computable: false,
      missing: ['the score of activity 2'],
      answered: 1,
      started: true,
      message: 'PSFS score not computable: the score of activity 2 is missing.',
    });
  });

  it('names a score without an activity', () => {
    const score = scorePsfs({ activities: [{ activity: '', score: 5 }] });
    expect(score).toMatchObject({ computable: false, missing: ['the name of activity 1'], started: true });
  });

  it('reports no activities as not recorded', () => {
    expect(scorePsfs({ activities: [] })).toMatchObject({
      computable: false,
      started: false,
      message: 'PSFS not recorded.',
    });
  });
});

describe('PSFS draft schema', () => {
  it('refuses a sixth activity', () => {
    const checked = checkWith(PsfsDraft, { activities: rows(1, 2, 3, 4, 5, 6) });
    expect(checked).toEqual({
      ok: false,
      problems: [{ path: 'activities', message: 'The PSFS takes at most 5 activities: remove one.' }],
    });
  });

  it.each([11, -1, 4.5])('refuses a score of %s with the activity number', (score) => {
    const checked = checkWith(PsfsDraft, { activities: [...rows(5), { activity: 'Hop', score }] });
    expect(checked).toEqual({
      ok: false,
      problems: [{ path: 'activities.1.score', message: 'PSFS activity 2 score must be a whole number from 0 to 10.' }],
    });
  });
});
