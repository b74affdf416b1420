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
import { recordedReport, REPORT_QUESTIONS, SorenessReport } from '../../shared/clinical/soreness-report';
import type { CheckInAnswers } from '../../renderer/src/running/check-in-answers';
import {
  answersOf,
  emptyAnswers,
  questionApplies,
  reportFrom,
  withAnswer,
} from '../../renderer/src/running/check-in-answers';
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

/** Every question answered for a run without any trouble. */
const CLEAN: Partial<CheckInAnswers> = {
  warmUp: 'none',
  painStartedInRun: 'no',
  painDuring: '0',
  painAfter: '1',
  nextDay: 'muscular',
  swelling: 'no',
  limp: 'no',
  completed: 'as_written',
};

const CLEAN_REPORT: SorenessReport = {
  runDate: '2026-11-26',
  levelRun: 4,
  completed: 'as_written',
  warmUp: 'none',
  cameBackDuringRun: null,
  painStartedInRun: false,
  limp: false,
  nextDay: 'muscular',
  painDuring: 0,
  painAfter: 1,
  swelling: false,
};

const ALL_QUESTIONS = [
  'Soreness in the warm-up',
  'Pain that started during the run',
  'Pain during the run (0-10)',
  'Pain after the run (0-10)',
  'Soreness the day after, and where',
  'Swelling',
  'Limp or changed stride',
  'Session completed as written',
];

function missingOf(a: CheckInAnswers): string[] {
  return reportFrom(a, 'DD/MM/YYYY').missing.map((m) => m.question);
}

describe('the check-in questions', () => {
  it('are asked in the order of the report and the handout log, every one of them', () => {
    expect(REPORT_QUESTIONS.map((q) => q.clinician)).toEqual([
      ALL_QUESTIONS[0],
      'Did it come back during the run?',
      ...ALL_QUESTIONS.slice(1),
    ]);
    expect(reportFrom(emptyAnswers(1), 'DD/MM/YYYY')).toEqual({
      report: null,
      missing: [
        { field: 'runDate', question: 'Date of the run' },
        ...REPORT_QUESTIONS.filter((q) => q.field !== 'cameBackDuringRun').map((q) => ({
          field: q.field,
          question: q.clinician,
        })),
      ],
      problems: {},
    });
  });

  it('make the report the rules read when every question is answered', () => {
    const { report, missing, problems } = reportFrom(answers(CLEAN), 'DD/MM/YYYY');
    expect([missing, problems]).toEqual([[], {}]);
    expect(report).toEqual(CLEAN_REPORT);
    expect(SorenessReport.parse(report)).toEqual(CLEAN_REPORT);
  });

  it('refuse a check-in with only the soreness answers, naming every question left (it moved the runner up)', () => {
    const soreness = reportFrom(answers({ warmUp: 'none', nextDay: 'none' }), 'DD/MM/YYYY');
    expect(soreness.report).toBeNull();
    expect(soreness.missing.map((m) => m.question)).toEqual([
      'Pain that started during the run',
      'Pain during the run (0-10)',
      'Pain after the run (0-10)',
      'Swelling',
      'Limp or changed stride',
      'Session completed as written',
    ]);
    // Each question alone left unanswered holds the report back, and is the one named.
    for (const [field, question] of [
      ['warmUp', 'Soreness in the warm-up'],
      ['painStartedInRun', 'Pain that started during the run'],
      ['painDuring', 'Pain during the run (0-10)'],
      ['painAfter', 'Pain after the run (0-10)'],
      ['nextDay', 'Soreness the day after, and where'],
      ['swelling', 'Swelling'],
      ['limp', 'Limp or changed stride'],
      ['completed', 'Session completed as written'],
    ] as const) {
      const draft = reportFrom(answers({ ...CLEAN, [field]: '' }), 'DD/MM/YYYY');
      expect(draft.report, field).toBeNull();
      expect(
        draft.missing.map((m) => m.question),
        field,
      ).toEqual([question]);
    }
  });

  it('take "Not known" as an answer, and send it as not known, never as "no"', () => {
    const unknown = reportFrom(
      answers({
        warmUp: 'unknown',
        painStartedInRun: 'unknown',
        painDuring: 'unknown',
        painAfter: 'unknown',
        nextDay: 'unknown',
        swelling: 'unknown',
        limp: 'unknown',
        completed: 'unknown',
      }),
      'DD/MM/YYYY',
    );
    expect(unknown.missing).toEqual([]);
    expect(unknown.report).toEqual({
      runDate: '2026-11-26',
      levelRun: 4,
      completed: 'unknown',
      warmUp: 'unknown',
      cameBackDuringRun: null,
      painStartedInRun: 'unknown',
      limp: 'unknown',
      nextDay: 'unknown',
      painDuring: 'unknown',
      painAfter: 'unknown',
      swelling: 'unknown',
    });
    expect(SorenessReport.safeParse(unknown.report).success).toBe(true);
    expect(reportFrom(answers({ ...CLEAN, swelling: 'unknown' }), 'DD/MM/YYYY').report?.swelling).toBe('unknown');
  });

  it('ask whether the warm-up soreness came back only when it went away', () => {
    const cases: [Partial<CheckInAnswers>, Partial<SorenessReport>][] = [
      [{ warmUp: 'continued' }, { warmUp: 'continued', cameBackDuringRun: null }],
      [
        { warmUp: 'went_away', cameBackDuringRun: 'no' },
        { warmUp: 'went_away', cameBackDuringRun: false },
      ],
      [
        { warmUp: 'went_away', cameBackDuringRun: 'yes' },
        { warmUp: 'went_away', cameBackDuringRun: true },
      ],
      [
        { warmUp: 'went_away', cameBackDuringRun: 'unknown' },
        { warmUp: 'went_away', cameBackDuringRun: 'unknown' },
      ],
    ];
    for (const [given, expected] of cases) {
      const { report, missing } = reportFrom(answers({ ...CLEAN, ...given }), 'DD/MM/YYYY');
      expect(missing).toEqual([]);
      expect(report).toEqual({ ...CLEAN_REPORT, ...expected });
      expect(SorenessReport.safeParse(report).success).toBe(true);
    }
    expect(missingOf(answers({ ...CLEAN, warmUp: 'went_away' }))).toEqual(['Did it come back during the run?']);
    expect(questionApplies('cameBackDuringRun', { warmUp: 'continued' })).toBe(false);
    // An answer that no longer applies is cleared, so it cannot be sent.
    const cameBack = answers({ ...CLEAN, warmUp: 'went_away', cameBackDuringRun: 'yes' });
    expect(withAnswer(cameBack, 'warmUp', 'none').cameBackDuringRun).toBe('');
  });

  it('offer "did not run" for pain during a session stopped early, and only then', () => {
    const stopped = answers({ ...CLEAN, completed: 'stopped_early', painDuring: 'not_run' });
    expect(reportFrom(stopped, 'DD/MM/YYYY').report).toEqual({
      ...CLEAN_REPORT,
      completed: 'stopped_early',
      painDuring: 'not_run',
    });
    // Changing "stopped early" takes "did not run" away: pain during is to answer again.
    const completed = withAnswer(stopped, 'completed', 'as_written');
    expect(completed.painDuring).toBe('');
    expect(missingOf(completed)).toEqual(['Pain during the run (0-10)']);
    const wrong = reportFrom(answers({ ...CLEAN, painDuring: 'not_run' }), 'DD/MM/YYYY');
    expect(wrong.report).toBeNull();
    expect(wrong.problems.painDuring).toMatch(/^"Did not run" is only for a session stopped early/);
  });

  it('read the date in the clinic format, and refuse what is not a date or a 0-10 score', () => {
    const us = reportFrom(answers({ ...CLEAN, runDate: '11/26/2026' }), 'MM/DD/YYYY');
    expect(us.report?.runDate).toBe('2026-11-26');
    const bad = reportFrom(
      answers({ ...CLEAN, runDate: '31/11/2026', painDuring: '11', painAfter: '2.5' }),
      'DD/MM/YYYY',
    );
    expect(bad.report).toBeNull();
    expect(bad.problems).toEqual({
      runDate: 'The run date is not a real date: enter it like 03/12/2026.',
      painDuring: 'Pain during the run: choose a score from 0 (no pain) to 10 (worst pain), or "Not known".',
      painAfter: 'Pain after the run: choose a score from 0 (no pain) to 10 (worst pain), or "Not known".',
    });
  });

  it('come back from a stored report unchanged, to correct it', () => {
    const stored: SorenessReport = {
      runDate: '2026-11-26',
      levelRun: 6,
      completed: 'stopped_early',
      warmUp: 'went_away',
      cameBackDuringRun: true,
      painStartedInRun: 'unknown',
      limp: true,
      nextDay: 'injury_site',
      painDuring: 3,
      painAfter: 'unknown',
      swelling: false,
      notes: 'Treadmill at the gym',
    };
    expect(reportFrom(answersOf(stored, 'DD/MM/YYYY'), 'DD/MM/YYYY').report).toEqual(stored);
  });

  it('open an old check-in (before every question was asked) with "Not known" for what was not asked', () => {
    const old = recordedReport({
      runDate: '2026-11-26',
      levelRun: 6,
      warmUp: 'none',
      cameBackDuringRun: null,
      nextDay: 'muscular',
      painDuring: 2,
    });
    const opened = answersOf(old, 'DD/MM/YYYY');
    expect(opened).toEqual({
      runDate: '26/11/2026',
      levelRun: '6',
      warmUp: 'none',
      cameBackDuringRun: '',
      painStartedInRun: 'unknown',
      painDuring: '2',
      painAfter: 'unknown',
      nextDay: 'muscular',
      swelling: 'unknown',
      limp: 'unknown',
      completed: 'unknown',
      notes: '',
    });
    expect(missingOf(opened)).toEqual([]);
    expect(reportFrom(opened, 'DD/MM/YYYY').report).toEqual(old);
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
      'Up to level 4: 0.1 mi walk, 0.4 mi jog, repeated to 2 mi in all, easy jog, treadmill',
    );
    expect(nextRunText('2026-12-03', TIME_WALK_RUN.levels[0])).toBe('Next walk: Thursday 3 December');
    expect(nextRunText('2026-12-03', TIME_WALK_RUN.levels[4])).toBe('Next run: Thursday 3 December');
    expect(levelName(TIME_WALK_RUN.levels[4]!, 5)).toBe('Level 5 (Week 1), planned');
    expect(
      answersText({
        runDate: '2026-11-26',
        levelRun: 4,
        completed: 'as_written',
        warmUp: 'went_away',
        cameBackDuringRun: true,
        painStartedInRun: false,
        limp: false,
        nextDay: 'muscular',
        painDuring: 2,
        painAfter: 'unknown',
        swelling: 'unknown',
      }),
    ).toBe(
      'Sore in the warm-up, went away, came back during the run · pain 2/10 during · ' +
        'general muscle soreness the day after · not known: pain after, swelling',
    );
    expect(
      answersText({
        runDate: '2026-11-26',
        levelRun: 4,
        completed: 'stopped_early',
        warmUp: 'none',
        cameBackDuringRun: null,
        painStartedInRun: true,
        limp: true,
        nextDay: 'injury_site',
        painDuring: 'not_run',
        painAfter: 4,
        swelling: true,
      }),
    ).toBe(
      'No soreness in the warm-up · pain started during the run · did not run (stopped in the warm-up) · ' +
        'pain 4/10 after · sore at the injury site the day after · swelling · limp or changed stride · stopped early',
    );
    // A check-in recorded before the questions were all asked says what was not asked, never "no".
    expect(
      answersText(
        recordedReport({
          runDate: '2026-11-26',
          levelRun: 4,
          warmUp: 'none',
          cameBackDuringRun: null,
          nextDay: 'none',
        }),
      ),
    ).toBe(
      'No soreness in the warm-up · nothing the day after · ' +
        'not known: new pain in the run, pain during, pain after, swelling, limp, whether completed',
    );
  });
});
