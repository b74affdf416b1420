/**
 * The handout's content, before any page: which sections appear for which data, that the
 * self-check is the rule set's own wording, and that no table is ever empty.
 */
import { describe, expect, it } from 'vitest';
import { NO_CONTEXT } from '../../../shared/clinical/engine';
import { PRECEDENCE } from '../../../shared/clinical/self-check';
import { DELAWARE_PUBLISHED_RULE_SET, SEED_RULE_SET } from '../../../shared/clinical/rule-sets';
import { MILITARY_RETURN_TO_RUN, TIME_WALK_RUN } from '../../../shared/clinical/programme-templates';
import type { Block, HandoutContent } from '../../../shared/handout/content-blocks';
import { handoutContent } from '../../../shared/handout/content';
import { HandoutData } from '../../../shared/handout/handout-data';
import { runningPart } from '../../../shared/handout/parts';
import { startProgress } from '../../../shared/clinical/progress';
import { eightExerciseHandout, fixtureHandout, fixtureWithRuleSet } from '../../helpers/handout';

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
      'urgent',
      'stop-and-call',
      'running',
      'self-check',
      'exercises',
      'log',
      'exercise-log',
    ]);
  });

  it('leaves out what the data does not have', () => {
    expect(ids(fixtureHandout({ running: null }))).toEqual([
      'glance',
      'urgent',
      'stop-and-call',
      'exercises',
      'exercise-log',
    ]);
    expect(ids(fixtureHandout({ exercises: [] }))).toEqual([
      'glance',
      'urgent',
      'stop-and-call',
      'running',
      'self-check',
      'log',
    ]);
    expect(ids(fixtureHandout({ running: null, exercises: [] }))).toEqual(['glance', 'urgent', 'stop-and-call']);
    expect(ids(fixtureHandout({ ruleSet: null }))).toEqual([
      'glance',
      'urgent',
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
  it("prints the engine's rows for this patient, with the precedence and the level they are for", () => {
    const data = fixtureHandout();
    const section = handoutContent(data).sections.find((s) => s.id === 'self-check')!;
    const table = section.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no self-check table');
    const printed = table.rows.map((r) => r.map((c) => (c.kind === 'text' ? c.runs.map((x) => x.text).join('') : '')));
    const rows = data.running!.selfCheck!.rows;
    expect(printed.map(([n, a]) => [n, a].map((t) => t!.replace(/\u00a0/g, ' ')))).toEqual(
      rows.map((r) => [`${r.notice}.`, r.action]),
    );
    const text = JSON.stringify(section.blocks);
    expect(text).toContain(PRECEDENCE);
    expect(text).toContain('This check is for Level 6.');
  });

  it('follows the rule set: the published set drops a level under rule 1', () => {
    const seed = fixtureWithRuleSet(SEED_RULE_SET).running!.selfCheck!.rows[0]!;
    const published = fixtureWithRuleSet(DELAWARE_PUBLISHED_RULE_SET).running!.selfCheck!.rows[0]!;
    expect(seed.action).toMatch(/Then do Level 6 again/);
    expect(published.action).toMatch(/Then go back to Level 5\./);
  });

  it('a handout stored before the self-check existed prints no table and asks for a new handout', () => {
    const old = fixtureHandout();
    const { selfCheck: _gone, ...running } = old.running!;
    const content = handoutContent({ ...old, running });
    expect(content.sections.map((s) => s.id)).not.toContain('self-check');
    expect(JSON.stringify(content)).toContain('Ask the clinic for a new handout before your next run.');
  });
});

describe('running details', () => {
  it('describes a distance level in the clinic’s unit', () => {
    const programme = MILITARY_RETURN_TO_RUN;
    const data = fixtureHandout({
      units: 'mi',
      running: runningPart(programme, startProgress(2), SEED_RULE_SET, NO_CONTEXT, '2026-11-27', '2026-12-11'),
    });
    const text = JSON.stringify(handoutContent(data)).replace(/\u00a0/g, ' ');
    expect(text).toContain('Keep going until you reach 1.5 mi in all.');
    expect(text).toContain('Effort 3/10 (easy).');
  });

  it('calls a walking level a walk, in the glance, the calendar and the log', () => {
    const data = fixtureHandout({
      running: runningPart(TIME_WALK_RUN, startProgress(1), SEED_RULE_SET, NO_CONTEXT, '2026-11-27', '2026-12-11'),
    });
    const content = handoutContent(data);
    expect(content.sections.find((s) => s.id === 'running')?.title).toBe('Your walking');
    const text = JSON.stringify(content);
    expect(text).toContain('"label":"Walking"');
    expect(text).toContain('"Walk"');
    expect(text).not.toContain('"Run"');
  });
});

describe('words for the patient in front of you', () => {
  const texts = (data: HandoutData) => JSON.stringify(handoutContent(data));

  it('warns only a knee patient about the knee giving way', () => {
    expect(texts(fixtureHandout({ kneeInjury: true }))).toContain('Your knee gives way or gets stuck.');
    expect(texts(fixtureHandout({ kneeInjury: false }))).not.toContain('knee gives way');
  });

  it('tells a walker to stop walking, and an exercise-only patient to stop the exercise', () => {
    const walker = fixtureHandout({
      running: runningPart(TIME_WALK_RUN, startProgress(1), SEED_RULE_SET, NO_CONTEXT, '2026-11-27', '2026-12-11'),
    });
    expect(texts(walker)).toContain('Stop walking and call us on');
    expect(texts(walker)).not.toContain('Stop running and call us');
    expect(texts(fixtureHandout({ running: null }))).toContain('Stop the exercise and call us on');
    expect(texts(fixtureHandout())).toContain('Stop running and call us on');
  });

  it('does not warn an exercise-only patient about pain "when you run"', () => {
    const stopAndCall = (data: HandoutData) =>
      JSON.stringify(handoutContent(data).sections.find((s) => s.id === 'stop-and-call'));
    const exercisesOnly = stopAndCall(fixtureHandout({ running: null }));
    expect(exercisesOnly).not.toMatch(/when you run|each time you run|walk or run/);
    expect(exercisesOnly).toContain('Your pain is more than 3 out of 10 when you do your exercises.');
    expect(stopAndCall(fixtureHandout())).toContain('Your pain is more than 3 out of 10 when you run.');
  });
});

describe('what the paper lacked', () => {
  it("prints the programme's warm-up, what and how long, before the level it warms up for", () => {
    const data = fixtureHandout({
      running: runningPart(TIME_WALK_RUN, startProgress(6), SEED_RULE_SET, NO_CONTEXT, '2026-11-27', '2026-12-11'),
    });
    const running = handoutContent(data).sections.find((s) => s.id === 'running')!;
    const text = JSON.stringify(running.blocks).replace(/\\u00a0|\u00a0/g, ' ');
    expect(text).toContain('Warm up first: ');
    expect(text.indexOf('Warm up first')).toBeLessThan(text.indexOf('Each time you go out, do this:'));
    expect(text).toContain(TIME_WALK_RUN.warmUp.description.replace(/\.$/, ''));
  });

  it('writes every date a US clinic prints month first, the self-check and the next run too', () => {
    const capped = { ...startProgress(6), lastRunDate: '2026-11-26', earliestNextRun: '2026-12-01' } as const;
    const data = fixtureHandout({
      dateOrder: 'mdy',
      running: runningPart(TIME_WALK_RUN, capped, SEED_RULE_SET, NO_CONTEXT, '2026-11-27', '2026-12-11', {
        dateOrder: 'mdy',
      }),
    });
    const text = JSON.stringify(handoutContent(data)).replace(/\\u00a0|\u00a0/g, ' ');
    expect(text).toContain('Tuesday, December 1');
    const dayFirst =
      /(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday) \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)/;
    expect(text).not.toMatch(dayFirst);
    expect(JSON.stringify(handoutContent(fixtureHandout()))).toMatch(dayFirst);
  });

  it('says what to do when the printed plan runs out and no visit is booked', () => {
    const text = JSON.stringify(handoutContent(fixtureHandout({ nextVisit: null })).sections[0]);
    expect(text).toContain(
      'Not booked yet. This plan runs to Thursday 10 December. Call us before then to book your next visit.',
    );
  });
});
