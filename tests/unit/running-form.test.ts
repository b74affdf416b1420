/**
 * The renderer's pure helpers for the running feature: the check-in answers and the report they
 * make, the programme and rule-set drafts of the settings editors (in km and in miles), and the
 * wording of decisions on screen.
 */
import { describe, expect, it } from 'vitest';
import { Programme, RunLevel } from '../../shared/clinical/programme';
import {
  PROGRAMME_TEMPLATES,
  DELAWARE_TREADMILL,
  MTSS_MOEN,
  TIME_WALK_RUN,
} from '../../shared/clinical/programme-templates';
import { RuleSet } from '../../shared/clinical/rule-set';
import { SHIPPED_RULE_SETS } from '../../shared/clinical/rule-sets';
import { SorenessReport } from '../../shared/clinical/soreness-report';
import type { CheckInAnswers } from '../../renderer/src/running/check-in-answers';
import { answersOf, emptyAnswers, reportFrom } from '../../renderer/src/running/check-in-answers';
import {
  levelDraftOf,
  levelOf,
  programmeDraftOf,
  programmeOf,
  typed,
  typedNumber,
  withMeasure,
} from '../../renderer/src/running/programme-draft';
import { ruleSetDraftOf, ruleSetOf } from '../../renderer/src/running/rule-set-draft';
import { answersText, daysOffText, levelChangeText, levelName, nextRunText } from '../../renderer/src/running/words';

function answers(changes: Partial<CheckInAnswers>): CheckInAnswers {
  return { ...emptyAnswers(4), runDate: '26/11/2026', ...changes };
}

describe('the check-in questions', () => {
  it('make the report the rules read: did it hurt, did it go away, did it come back', () => {
    const cases: [Partial<CheckInAnswers>, Partial<SorenessReport>][] = [
      [{ hurtInWarmUp: 'no' }, { warmUp: 'none', cameBackDuringRun: null }],
      [
        { hurtInWarmUp: 'yes', wentAway: 'no' },
        { warmUp: 'continued', cameBackDuringRun: null },
      ],
      [
        { hurtInWarmUp: 'yes', wentAway: 'yes', cameBack: 'no' },
        { warmUp: 'went_away', cameBackDuringRun: false },
      ],
      [
        { hurtInWarmUp: 'yes', wentAway: 'yes', cameBack: 'yes' },
        { warmUp: 'went_away', cameBackDuringRun: true },
      ],
    ];
    for (const [given, expected] of cases) {
      const { report, missing } = reportFrom(answers({ ...given, nextDay: 'muscular' }), 'DD/MM/YYYY');
      expect(missing).toEqual([]);
      expect(report).toEqual({ runDate: '2026-11-26', levelRun: 4, nextDay: 'muscular', ...expected });
      expect(SorenessReport.safeParse(report).success).toBe(true);
    }
  });

  it('say calmly what is still to ask, and only the questions that apply', () => {
    expect(reportFrom(emptyAnswers(1), 'DD/MM/YYYY')).toEqual({
      report: null,
      missing: ['the date of the run', 'did it hurt during the warm-up?', 'how did it feel the day after?'],
      problems: {},
    });
    expect(reportFrom(answers({ hurtInWarmUp: 'yes', nextDay: 'none' }), 'DD/MM/YYYY').missing).toEqual([
      'did it go away?',
    ]);
    expect(
      reportFrom(answers({ hurtInWarmUp: 'yes', wentAway: 'yes', nextDay: 'none' }), 'DD/MM/YYYY').missing,
    ).toEqual(['did it come back?']);
  });

  it('read the date in the clinic format, and refuse what is not a date or a 0-10 score', () => {
    const us = reportFrom(answers({ runDate: '11/26/2026', hurtInWarmUp: 'no', nextDay: 'none' }), 'MM/DD/YYYY');
    expect(us.report?.runDate).toBe('2026-11-26');
    const bad = reportFrom(
      answers({ runDate: '31/11/2026', hurtInWarmUp: 'no', nextDay: 'none', painDuring: '11', painAfter: 'x' }),
      'DD/MM/YYYY',
    );
    expect(bad.report).toBeNull();
    expect(bad.problems).toEqual({
      runDate: 'The run date is not a real date: enter it like 03/12/2026.',
      painDuring: 'Pain during the run: enter a whole number from 0 (no pain) to 10 (worst pain), or leave it empty.',
      painAfter: 'Pain after the run: enter a whole number from 0 (no pain) to 10 (worst pain), or leave it empty.',
    });
  });

  it('come back from a stored report unchanged, to correct it', () => {
    const stored: SorenessReport = {
      runDate: '2026-11-26',
      levelRun: 6,
      warmUp: 'went_away',
      cameBackDuringRun: true,
      nextDay: 'not_muscular',
      painDuring: 3,
      swelling: false,
      notes: 'Treadmill at the gym',
    };
    expect(reportFrom(answersOf(stored, 'DD/MM/YYYY'), 'DD/MM/YYYY').report).toEqual(stored);
  });
});

describe('the programme editor draft', () => {
  it.each(['km', 'mi'] as const)('gives every template back unchanged through the editor, in %s', (units) => {
    for (const template of PROGRAMME_TEMPLATES) {
      const back = programmeOf(template, programmeDraftOf(template, units), units);
      expect(Programme.parse(back), template.name).toEqual(template);
    }
  });

  it('shows distances and speeds in the clinic unit, and stores metres and km/h', () => {
    const level = DELAWARE_TREADMILL.levels[0]!;
    expect(levelDraftOf(level, 'mi').bouts.map((b) => b.amount.text)).toEqual(['0.1', '0.1']);
    expect(levelDraftOf(level, 'km').bouts.map((b) => b.amount.text)).toEqual(['0.161', '0.161']);
    const edited = { ...levelDraftOf(level, 'km'), bouts: [{ activity: 'jog' as const, amount: typed('2,5') }] };
    expect(levelOf(edited, 1, 'km').bouts).toEqual([{ activity: 'jog', amount: 2500 }]);
    expect(
      levelOf({ ...levelDraftOf(level, 'mi'), bouts: [{ activity: 'jog', amount: typed('0.5') }] }, 1, 'mi').bouts,
    ).toEqual([{ activity: 'jog', amount: 804.672 }]);
    const speed = levelDraftOf(MTSS_MOEN.levels[0]!, 'mi');
    expect([speed.runSpeed.text, speed.walkSpeed.text]).toEqual(['6', '3.5']);
    expect(levelOf({ ...speed, runSpeed: typed('10') }, 1, 'km').effort).toMatchObject({ kind: 'speed', runKmh: 10 });
    // Measured another way, an untouched number is read as typed, in the new measure.
    expect(levelOf(withMeasure(levelDraftOf(TIME_WALK_RUN.levels[3]!, 'km'), 'distance'), 4, 'km').bouts).toEqual([
      { activity: 'walk', amount: 3000 },
      { activity: 'run', amount: 2000 },
    ]);
  });

  it('leaves what does not read as a number for the schema to name', () => {
    expect([typedNumber(''), typedNumber('2 min'), typedNumber('1.5'), typedNumber('3')]).toEqual([NaN, NaN, 1.5, 3]);
    const draft = { ...levelDraftOf(TIME_WALK_RUN.levels[3]!, 'km'), sessionsPerWeek: '', repetitions: 'three' };
    const result = RunLevel.safeParse(levelOf(draft, 4, 'km'));
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Enter how many times to repeat the bouts.',
      'Enter how many sessions a week.',
    ]);
  });
});

describe('the programme editor: warm-up', () => {
  it('edits the warm-up and asks for minutes it can read', () => {
    const draft = programmeDraftOf(MTSS_MOEN, 'km');
    expect([draft.warmUpDescription, draft.warmUpMinutes]).toEqual([MTSS_MOEN.warmUp.description, '5']);
    const edited = programmeOf(
      MTSS_MOEN,
      { ...draft, warmUpDescription: 'Walk fast for 8 minutes.', warmUpMinutes: '8' },
      'km',
    );
    expect(Programme.parse(edited).warmUp).toEqual({ description: 'Walk fast for 8 minutes.', minutes: 8 });
    const unread = Programme.safeParse(programmeOf(MTSS_MOEN, { ...draft, warmUpMinutes: 'ten' }, 'km'));
    expect(unread.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['warmUp.minutes', 'Enter how many minutes the warm-up lasts.'],
    ]);
  });
});

describe('the rule set editor draft', () => {
  it('gives each shipped set back unchanged, and an empty limit is no limit', () => {
    for (const set of SHIPPED_RULE_SETS) {
      expect(RuleSet.parse(ruleSetOf(set, ruleSetDraftOf(set)))).toEqual(set);
    }
    const set = SHIPPED_RULE_SETS[1]!;
    expect(ruleSetOf(set, { ...ruleSetDraftOf(set), maxAdvancesPer7Days: ' ' }).maxAdvancesPer7Days).toBeNull();
  });
});

describe('decisions on screen', () => {
  it('read as the clinic says them', () => {
    expect([daysOffText(0), daysOffText(1), daysOffText(2)]).toEqual(['No days off', '1 day off', '2 days off']);
    expect(levelChangeText(4, 3, TIME_WALK_RUN, 'km')).toBe(
      'Down to level 3: 3 x (4 min walk, 1 min run), easy pace, level ground',
    );
    expect(levelChangeText(4, 4, TIME_WALK_RUN, 'km')).toMatch(/^Stay at level 4: /);
    expect(levelChangeText(3, 4, DELAWARE_TREADMILL, 'km')).toBe(
      'Up to level 4: 0.16 km walk, 0.64 km jog, repeated to 3.22 km in all, easy jog, treadmill',
    );
    expect(nextRunText('2026-12-03', TIME_WALK_RUN.levels[0])).toBe('Next walk: Thursday 3 December');
    expect(nextRunText('2026-12-03', TIME_WALK_RUN.levels[4])).toBe('Next run: Thursday 3 December');
    expect(levelName(TIME_WALK_RUN.levels[4]!, 5)).toBe('Level 5 (Week 1), planned');
    expect(
      answersText({
        runDate: '2026-11-26',
        levelRun: 4,
        warmUp: 'went_away',
        cameBackDuringRun: true,
        nextDay: 'muscular',
        painDuring: 2,
      }),
    ).toBe(
      'Sore in the warm-up, went away, came back during the run · sore muscles only the day after · pain 2/10 during',
    );
  });
});
