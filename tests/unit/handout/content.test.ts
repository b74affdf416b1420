/**
 * The handout's content, before any page: which sections appear for which data, that the
 * self-check is the rule set's own wording, and that no table is ever empty.
 */
import { describe, expect, it } from 'vitest';
import { selfCheckLine } from '../../../shared/clinical/self-check';
import { rulesInOrder } from '../../../shared/clinical/rule-set';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET } from '../../../shared/clinical/rule-sets';
import { MILITARY_RETURN_TO_RUN, TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import type { Block, HandoutContent } from '../../../shared/handout/content';
import { handoutContent, selfCheckRows } from '../../../shared/handout/content';
import { HandoutData } from '../../../shared/handout/handout-data';
import { runningPart } from '../../../shared/handout/parts';
import { startProgress } from '../../../shared/clinical/progress';
import { eightExerciseHandout, fixtureHandout } from '../../helpers/handout';

function blocks(content: HandoutContent): Block[] {
  const all: Block[] = [];
  const walk = (b: Block) => {
    all.push(b);
    if (b.kind === 'box') b.blocks.forEach(walk);
  };
  content.sections.forEach((s) => s.blocks.forEach(walk));
  return all;
}

const ids = (data: HandoutData) => handoutContent(data).sections.map((s) => s.id);

describe('sections', () => {
  it('has every part for a runner with a programme and exercises, safety first and the log last', () => {
    expect(ids(fixtureHandout())).toEqual([
      'glance',
      'stop-and-call',
      'running',
      'self-check',
      'exercises',
      'log',
      'exercise-log',
    ]);
  });

  it('leaves out what the data does not have', () => {
    expect(ids(fixtureHandout({ running: null }))).toEqual(['glance', 'stop-and-call', 'exercises', 'exercise-log']);
    expect(ids(fixtureHandout({ exercises: [] }))).toEqual(['glance', 'stop-and-call', 'running', 'self-check', 'log']);
    expect(ids(fixtureHandout({ running: null, exercises: [] }))).toEqual(['glance', 'stop-and-call']);
    expect(ids(fixtureHandout({ ruleSet: null }))).toEqual([
      'glance',
      'stop-and-call',
      'running',
      'exercises',
      'log',
      'exercise-log',
    ]);
  });

  it('never has an empty table, list or calendar, whatever is missing', () => {
    const variants = [
      fixtureHandout(),
      eightExerciseHandout(),
      fixtureHandout({ running: null }),
      fixtureHandout({ exercises: [] }),
      fixtureHandout({ running: null, exercises: [], nextVisit: null }),
      fixtureHandout({ running: { ...fixtureHandout().running!, plannedRunDates: [], nextLevels: [] } }),
    ];
    for (const data of variants) {
      for (const b of blocks(handoutContent(HandoutData.parse(data)))) {
        if (b.kind === 'table') expect(b.rows.length).toBeGreaterThan(0);
        if (b.kind === 'bullets') expect(b.items.length).toBeGreaterThan(0);
        if (b.kind === 'facts') expect(b.rows.length).toBeGreaterThan(0);
        if (b.kind === 'calendar') expect(b.weeks.length).toBeGreaterThan(0);
      }
    }
  });

  it('says the last level is the last, rather than print an empty table of next levels', () => {
    const data = fixtureHandout({ running: { ...fixtureHandout().running!, nextLevels: [] } });
    const texts = blocks(handoutContent(data)).flatMap((b) =>
      b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : [],
    );
    expect(texts).toContain('This is the last level of your plan.');
  });
});

describe('the self-check', () => {
  it('is the rule set’s own wording, rule by rule: each row reads as its self-check line', () => {
    for (const set of [SEED_RULE_SET, DELAWARE_PUBLISHED_RULE_SET]) {
      const rows = selfCheckRows(set);
      rulesInOrder(set).forEach((rule, i) => {
        const row = rows[i]!;
        // The line the app generates is "Condition: action. Then ..."; the table splits it in two.
        expect(`${row.notice.replace(/\.$/, '')}: ${row.action.charAt(0).toLowerCase()}${row.action.slice(1)}`).toBe(
          selfCheckLine(rule),
        );
      });
    }
  });

  it('changes when a clinic tunes its rules', () => {
    const tuned = {
      ...SEED_RULE_SET,
      rules: SEED_RULE_SET.rules.map((r) => (r.number === 4 ? { ...r, action: { ...r.action, daysOff: 3 } } : r)),
    };
    expect(selfCheckRows(tuned)[3]!.action).toBe('Take 3 days off. Then do the same level again.');
  });
});

describe('running details', () => {
  it('describes a distance level in the clinic’s unit', () => {
    const programme = MILITARY_RETURN_TO_RUN;
    const data = fixtureHandout({
      units: 'mi',
      running: runningPart(programme, startProgress(2), '2026-11-27', '2026-12-11'),
    });
    const text = JSON.stringify(handoutContent(data)).replace(/\u00a0/g, ' ');
    expect(text).toContain('Keep going until you reach 1.5 mi in all.');
    expect(text).toContain('Effort 3/10 (easy).');
  });

  it('calls a walking level a walk, in the glance, the calendar and the log', () => {
    const data = fixtureHandout({ running: runningPart(TIME_WALK_RUN, startProgress(1), '2026-11-27', '2026-12-11') });
    const content = handoutContent(data);
    expect(content.sections.find((s) => s.id === 'running')?.title).toBe('Your walking');
    const text = JSON.stringify(content);
    expect(text).toContain('"label":"Walking"');
    expect(text).toContain('"Walk"');
    expect(text).not.toContain('"Run"');
  });
});
