import { describe, expect, it } from 'vitest';
import { parseIntakeDraft } from '../../shared/clinical/intake/intake';
import { errorsOf, formPath, fromDraft, parseNumber, toDraft } from '../../renderer/src/intake/form-model';
import { readyAchillesIntake, readyKneeIntake } from './intake/fixtures';
import { hamstringIntake, TYPED_NOTE } from '../helpers/intake';

const TODAY = '2026-11-27';

describe('the intake form keeps typed text and turns it into a draft', () => {
  it.each([
    ['12', 12],
    [' 11,5 ', 11.5],
    ['-3', -3],
    ['.5', 0.5],
    ['abc', 'abc'],
    ['1e3', '1e3'],
    ['3 reps', '3 reps'],
  ])('reads %j as %j', (raw, value) => {
    expect(parseNumber(raw)).toEqual(value);
  });

  it.each([
    ['a hamstring strain', hamstringIntake()],
    ['a knee after ACL reconstruction', readyKneeIntake()],
    ['an Achilles tendinopathy typed in miles', readyAchillesIntake()],
  ])('shows %s as typed text and reads it back unchanged', (_label, draft) => {
    for (const format of ['DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD'] as const) {
      const values = fromDraft(draft, TYPED_NOTE, format, 'km');
      const back = parseIntakeDraft(toDraft(values, format).draft, TODAY);
      expect(back).toEqual({ ok: true, value: draft });
    }
  });

  it('shows dates in the clinic format and distances in the unit they were typed in', () => {
    const values = fromDraft(readyAchillesIntake(), TYPED_NOTE, 'MM/DD/YYYY', 'km');
    expect(values['episode.onsetDate']).toBe('09/01/2026');
    expect(values['runningHistory.weeklyDistanceBeforeInjury.value']).toBe('40');
    expect(values['runningHistory.weeklyDistanceBeforeInjury.unit']).toBe('mi');
    expect(values['runningHistory.longestRecentRun.unit']).toBe('km');
    expect(values['typed.plan']).toBe(TYPED_NOTE.plan);
  });

  it('leaves empty fields and untouched questionnaires out of the draft', () => {
    expect(toDraft({ 'symptoms.painAtRest': '  ', 'measures.lefs.items.3': '' }, 'DD/MM/YYYY').draft).toEqual({});
    const { draft } = toDraft({ 'measures.lefs.items.3': '2' }, 'DD/MM/YYYY');
    expect((draft.measures as { lefs: { items: unknown[] } }).lefs.items).toEqual([
      null,
      null,
      null,
      2,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('passes a value that does not parse to the schema, which names the field and what to fix', () => {
    const { draft, problems } = toDraft(
      {
        'physicalTests.heelRaises.left': '-3',
        'physicalTests.singleHopCm.right': 'far',
        'episode.onsetDate': '31/02/2026',
      },
      'DD/MM/YYYY',
    );
    expect(problems).toEqual([
      { path: 'episode.onsetDate', message: 'Date of onset is not a real date: enter it like 03/10/2026.' },
    ]);
    const parsed = parseIntakeDraft(draft, TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(errorsOf([...problems, ...parsed.problems])).toEqual({
        'episode.onsetDate': 'Date of onset is not a real date: enter it like 03/10/2026.',
        'physicalTests.heelRaises.left': 'Heel raises (left) must be a whole number from 0 to 200.',
        'physicalTests.singleHopCm.right': 'Single-leg hop (right) must be a whole number from 0 to 400 cm.',
      });
    }
  });

  it('shows a distance problem and a backend problem at the field the clinician typed in', () => {
    expect(formPath('draft.runningHistory.weeklyDistanceBeforeInjury.metres')).toBe(
      'runningHistory.weeklyDistanceBeforeInjury.value',
    );
    expect(formPath('runningHistory.goal.eventDistance')).toBe('runningHistory.goal.eventDistance.value');
    expect(formPath('draft.measures.lefs.items.2')).toBe('measures.lefs.items.2');
    const { draft } = toDraft(
      {
        'runningHistory.weeklyDistanceBeforeInjury.value': '400',
        'runningHistory.weeklyDistanceBeforeInjury.unit': 'km',
      },
      'DD/MM/YYYY',
    );
    const parsed = parseIntakeDraft(draft, TODAY);
    expect(parsed.ok ? {} : errorsOf(parsed.problems)).toEqual({
      'runningHistory.weeklyDistanceBeforeInjury.value':
        'Weekly distance before injury must be from 0 to 300 km (186 mi).',
    });
  });
});
