import { describe, expect, it } from 'vitest';
import type { Programme, RunLevel } from '../../../shared/clinical/programme';
import {
  DEFAULT_WARM_UP,
  duplicateProgramme,
  readStoredProgramme,
  levelKind,
  levelTotal,
  maxSessionsPerWeek,
  Programme as ProgrammeSchema,
  renumberLevels,
  RunLevel as RunLevelSchema,
} from '../../../shared/clinical/programme';
import {
  DELAWARE_TREADMILL,
  HAMSTRING_SPEED,
  MILITARY_RETURN_TO_RUN,
  MTSS_MOEN,
  PROGRAMME_TEMPLATES,
  TIME_WALK_RUN,
} from '../../../shared/clinical/programme-templates';
import { METRES_PER_MILE } from '../../../shared/clinical/units';
import { readingStats } from '../../../shared/text/readability';

const inMiles = (metres: number) => Math.round((metres / METRES_PER_MILE) * 1000) / 1000;

/** The messages a schema gives for a value, or [] when it is valid. */
function messages(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const r = schema.safeParse(value);
  return r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []);
}

describe('shipped programme templates', () => {
  it.each(PROGRAMME_TEMPLATES.map((p) => [p.id, p] as const))(
    '%s is valid by the schema, unchanged by parsing',
    (_, p) => {
      expect(messages(ProgrammeSchema, p)).toEqual([]);
      expect(ProgrammeSchema.parse(p)).toEqual(p);
    },
  );

  it.each(PROGRAMME_TEMPLATES.map((p) => [p.id, p] as const))('%s has levels numbered 1..n, walking first', (_, p) => {
    expect(p.levels.map((l) => l.number)).toEqual(p.levels.map((_l, i) => i + 1));
    const kinds = p.levels.map(levelKind);
    const firstRun = kinds.findIndex((k) => k !== 'walk');
    expect(kinds.slice(firstRun).every((k) => k !== 'walk')).toBe(true);
  });

  it('each template names its source, with ids unique', () => {
    expect(TIME_WALK_RUN.source).toMatch(/HSS/);
    expect(TIME_WALK_RUN.source).toMatch(/Return to Running/);
    expect(DELAWARE_TREADMILL.source).toMatch(/University of Delaware.*Ann Jt Surg 2018;3:40, Table 4/);
    expect(MILITARY_RETURN_TO_RUN.source).toMatch(/Trials 2023.*10\.1186\/s13063-023-07502-x/);
    expect(MTSS_MOEN.source).toMatch(/Moen MH.*2012;4:12/);
    for (const p of PROGRAMME_TEMPLATES) expect(p.source.length).toBeGreaterThan(40);
    expect(new Set(PROGRAMME_TEMPLATES.map((p) => p.id)).size).toBe(PROGRAMME_TEMPLATES.length);
  });

  it('time-based walk/run: comfortable then brisk walking, then weeks 1 to 5 as in docs/clinical-sources.md#programmes', () => {
    const [comfortable, brisk, ...runs] = TIME_WALK_RUN.levels as [RunLevel, RunLevel, ...RunLevel[]];
    expect([comfortable, brisk].map((l) => [levelKind(l), l.effort])).toEqual([
      ['walk', { kind: 'words', text: 'comfortable pace' }],
      ['walk', { kind: 'words', text: 'brisk pace' }],
    ]);
    // [walk min, run min, repetitions] per session
    expect(runs.map((l) => [l.bouts[0]?.amount, l.bouts[1]?.amount, l.repetitions])).toEqual([
      [4, 1, 3],
      [3, 2, 3],
      [2, 3, 3],
      [1, 4, 4],
      [1, 5, 3],
      [1, 6, 3],
      [1, 7, 3],
      [1, 8, 2],
      [1, 10, 2],
      [3, 12, 1],
      [3, 15, 1],
      [3, 18, 1],
      [3, 20, 1],
    ]);
    expect(runs.map((l) => l.title)).toEqual([
      ...Array<string>(3).fill('Week 1'),
      ...Array<string>(3).fill('Week 2'),
      ...Array<string>(3).fill('Week 3'),
      ...Array<string>(3).fill('Week 4'),
      'Week 5',
    ]);
    for (const l of runs) expect([l.sessionsPerWeek, l.minRestDays, l.measure]).toEqual([3, 1, 'time']);
    expect(runs[0]?.entryCheck).toMatch(/30 minutes/);
  });

  it('time-based walk/run matches the source table session by session: 3 sessions every week, week 5 too', () => {
    // docs/clinical-sources.md#programmes (HSS-affiliated protocol): per week, each session as repetitions x (walk/run) minutes.
    const SOURCE: Record<string, string[]> = {
      'Week 1': ['3 x (walk 4 / run 1)', '3 x (walk 3 / run 2)', '3 x (walk 2 / run 3)'],
      'Week 2': ['4 x (walk 1 / run 4)', '3 x (walk 1 / run 5)', '3 x (walk 1 / run 6)'],
      'Week 3': ['3 x (walk 1 / run 7)', '2 x (walk 1 / run 8)', '2 x (walk 1 / run 10)'],
      'Week 4': ['1 x (walk 3 / run 12)', '1 x (walk 3 / run 15)', '1 x (walk 3 / run 18)'],
      'Week 5': ['1 x (walk 3 / run 20)', '1 x (walk 3 / run 20)', '1 x (walk 3 / run 20)'],
    };
    // A level is done as many times as the clean sessions it needs before moving on (or finishing).
    const sessions: Record<string, string[]> = {};
    for (const l of TIME_WALK_RUN.levels.filter((level) => level.title.startsWith('Week'))) {
      const session = `${l.repetitions} x (${l.bouts.map((b) => `${b.activity} ${b.amount}`).join(' / ')})`;
      const week = (sessions[l.title] ??= []);
      for (let i = 0; i < l.cleanSessionsToAdvance; i += 1) week.push(session);
    }
    expect(sessions).toEqual(SOURCE);
    for (const week of Object.values(sessions)) expect(week).toHaveLength(3);
  });

  it('Delaware treadmill: the 8 levels, 4 sessions a week, never consecutive days, 2 levels in 7 days', () => {
    const rows = DELAWARE_TREADMILL.levels.map((l) => [
      l.bouts.map((b) => `${b.activity} ${inMiles(b.amount)}`).join(', '),
      l.repetitions,
      inMiles(levelTotal(l).amount),
    ]);
    expect(rows).toEqual([
      ['walk 0.1, jog 0.1', 10, 2],
      ['walk 0.1, jog 0.2', null, 2],
      ['walk 0.1, jog 0.3', null, 2],
      ['walk 0.1, jog 0.4', null, 2],
      ['jog 2', 1, 2],
      ['jog 2.5', 1, 2.5],
      ['jog 3', 1, 3],
      ['run 0.25, jog 0.25', null, 3],
    ]);
    for (const l of DELAWARE_TREADMILL.levels) {
      expect([l.surface, l.sessionsPerWeek, l.minRestDays, l.cleanSessionsToAdvance]).toEqual(['treadmill', 4, 1, 1]);
    }
    expect(DELAWARE_TREADMILL.maxAdvancesPer7Days).toBe(2);
  });

  it('military standard return-to-run: phases 1-6 from Trials 2023 Table 1, each at least twice', () => {
    const rows = MILITARY_RETURN_TO_RUN.levels.map((l) => [
      l.effort.kind === 'rpe' ? l.effort.rpe : null,
      l.measure === 'time' ? l.bouts.map((b) => b.amount) : 'continuous',
      inMiles(levelTotal(l).amount),
    ]);
    expect(rows).toEqual([
      [3, [2, 3], 1],
      [3, [2, 3], 1.5],
      [4, [2, 4], 1.5],
      [4, [2, 4], 2],
      [5, [1, 4], 2],
      [5, 'continuous', 2],
    ]);
    for (const l of MILITARY_RETURN_TO_RUN.levels) {
      expect([l.surface, l.minRestDays, l.cleanSessionsToAdvance]).toEqual(['level_ground', 1, 2]);
    }
  });

  it('MTSS after Moen 2012: treadmill 2/2 for 16 min, over ground 3/2 for 20 min, then 16 and 18 min', () => {
    const rows = MTSS_MOEN.levels.map((l) => [
      l.surface,
      l.bouts.map((b) => `${b.activity} ${b.amount}`).join(', '),
      levelTotal(l).amount,
    ]);
    expect(rows).toEqual([
      ['treadmill', 'run 2, walk 2', 16],
      ['treadmill', 'run 2, walk 2', 16],
      ['level_ground', 'run 3, walk 2', 20],
      ['level_ground', 'run 3, walk 2', 20],
      ['level_ground', 'run 16', 16],
      ['level_ground', 'run 18', 18],
    ]);
    for (const l of MTSS_MOEN.levels) expect([l.sessionsPerWeek, l.minRestDays]).toEqual([3, 1]);
    expect(MTSS_MOEN.painLimit).toBe(4);
  });

  it('hamstring strain: progresses by % of top speed, not distance, through Heiderscheit 2010 phases 2 and 3', () => {
    const rows = HAMSTRING_SPEED.levels.map((l) => [
      l.title,
      l.effort.kind === 'top_speed' ? l.effort.percent : null,
      inMiles(levelTotal(l).amount),
    ]);
    expect(rows.map(([title, percent]) => [title, percent])).toEqual([
      ['Phase 2', 50],
      ['Phase 2', 60],
      ['Phase 2', 70],
      ['Phase 3', 80],
      ['Phase 3', 90],
      ['Phase 3', 100],
    ]);
    // Same distance at every level: only the speed changes.
    expect(new Set(HAMSTRING_SPEED.levels.map((l) => levelTotal(l).amount)).size).toBe(1);
    // The checks between phases are on the first level of each phase.
    expect(HAMSTRING_SPEED.levels[0]?.entryCheck).toMatch(/normal walking stride.*very slow jog.*90 degrees/);
    expect(HAMSTRING_SPEED.levels[3]?.entryCheck).toMatch(/full strength.*forwards and backwards/);
    expect(HAMSTRING_SPEED.source).toMatch(/Heiderscheit BC.*J Orthop Sports Phys Ther 2010;40\(2\):67-81/);
    expect(HAMSTRING_SPEED.painLimit).toBe(0);
  });

  it('the longest stretch of running never gets shorter from one level to the next (same measure)', () => {
    // Running without a walk break, with the round repeated: a round with no walking runs throughout.
    const longestRun = (l: RunLevel): number => {
      if (levelKind(l) === 'run') return levelTotal(l).amount;
      return Math.max(...l.bouts.map((b) => (b.activity === 'walk' ? 0 : b.amount)));
    };
    for (const p of PROGRAMME_TEMPLATES) {
      for (let i = 1; i < p.levels.length; i += 1) {
        const [a, b] = [p.levels[i - 1] as RunLevel, p.levels[i] as RunLevel];
        if (levelKind(a) === 'walk' || levelTotal(a).measure !== levelTotal(b).measure) continue;
        if (a.measure !== b.measure) continue;
        expect(longestRun(b), `${p.id} level ${b.number}`).toBeGreaterThanOrEqual(longestRun(a));
      }
    }
  });
});

describe('Programme and RunLevel schemas: messages say what to fix', () => {
  const level: RunLevel = TIME_WALK_RUN.levels[2] as RunLevel;

  it('asks for repetitions or a total, not both and not neither', () => {
    expect(messages(RunLevelSchema, { ...level, repetitions: null })).toEqual([
      'Level 3: give the number of repetitions, or a total time or distance to reach.',
    ]);
    expect(messages(RunLevelSchema, { ...level, untilTotal: { measure: 'time', amount: 30 } })).toEqual([
      'Level 3: give either the number of repetitions or a total to reach, not both.',
    ]);
  });

  it('refuses a total shorter than one round, and empty or absurd bouts', () => {
    expect(
      messages(RunLevelSchema, { ...level, repetitions: null, untilTotal: { measure: 'time', amount: 3 } }),
    ).toEqual([
      'Level 3: the total to reach is shorter than one round of bouts; shorten the bouts or raise the total.',
    ]);
    expect(messages(RunLevelSchema, { ...level, bouts: [{ activity: 'run', amount: 0 }] })).toEqual([
      'Each bout must be longer than 0: remove the bout or enter its length.',
    ]);
    expect(messages(RunLevelSchema, { ...level, bouts: [{ activity: 'run', amount: 300 }] })).toEqual([
      'Level 3: a bout of 300 minutes is too long for a running level; check the number.',
    ]);
    expect(messages(RunLevelSchema, { ...level, bouts: [] })).toEqual(['Add at least one walking or running bout.']);
    expect(messages(RunLevelSchema, { ...level, bouts: [{ activity: 'sprint', amount: 1 }] })).toEqual([
      'Choose walk, jog or run for each bout.',
    ]);
  });

  it('refuses more sessions a week than the rest days allow', () => {
    expect([0, 1, 2, 3, 6].map(maxSessionsPerWeek)).toEqual([7, 4, 3, 2, 1]);
    expect(messages(RunLevelSchema, { ...level, sessionsPerWeek: 5, minRestDays: 1 })).toEqual([
      'Level 3: with 1 rest day between sessions, at most 4 sessions fit in a week; lower the sessions per week or the rest days.',
    ]);
    expect(messages(RunLevelSchema, { ...level, sessionsPerWeek: 4, minRestDays: 1 })).toEqual([]);
  });

  it('asks for levels numbered in order and walking levels first', () => {
    const swapped = {
      ...TIME_WALK_RUN,
      levels: [TIME_WALK_RUN.levels[1], TIME_WALK_RUN.levels[0], ...TIME_WALK_RUN.levels.slice(2)],
    };
    expect(messages(ProgrammeSchema, swapped)).toEqual([
      'Levels are numbered 1, 2, 3... in order, but the level in position 1 is numbered 2: renumber the levels.',
      'Levels are numbered 1, 2, 3... in order, but the level in position 2 is numbered 1: renumber the levels.',
    ]);
    const walkLast = {
      ...TIME_WALK_RUN,
      levels: renumberLevels([...TIME_WALK_RUN.levels.slice(1), TIME_WALK_RUN.levels[0] as RunLevel]),
    };
    expect(messages(ProgrammeSchema, walkLast)).toEqual([
      'Level 15 is walking only but comes after running levels: move walking levels to the start.',
    ]);
  });

  it('asks for a usable id, a name and a source', () => {
    expect(messages(ProgrammeSchema, { ...MTSS_MOEN, id: 'My Programme', name: ' ', source: '' })).toEqual([
      'Programme id: use 2 to 64 lower-case letters, digits and dashes, like "clinic-walk-run".',
      'Enter the programme name.',
      'Enter the source.',
    ]);
  });
});

describe('a clinic copy of a template', () => {
  it('starts at version 1, remembers its template, and editing it leaves the template alone', () => {
    const copy: Programme = duplicateProgramme(MILITARY_RETURN_TO_RUN, { id: 'our-military', name: 'Our military' });
    expect(copy).toMatchObject({ id: 'our-military', name: 'Our military', version: 1 });
    expect(copy.basedOn).toEqual({ id: 'military-return-to-run', version: 1 });
    (copy.levels[0] as RunLevel).bouts[0] = { activity: 'walk', amount: 1 };
    expect(MILITARY_RETURN_TO_RUN.levels[0]?.bouts[0]).toEqual({ activity: 'walk', amount: 2 });
    expect(messages(ProgrammeSchema, copy)).toEqual([]);
  });

  it('stays valid after deleting a level and renumbering', () => {
    const copy = duplicateProgramme(DELAWARE_TREADMILL, { id: 'short-delaware', name: 'Short Delaware' });
    const fewer = { ...copy, levels: renumberLevels(copy.levels.filter((l) => l.number !== 6)) };
    expect(messages(ProgrammeSchema, fewer)).toEqual([]);
    expect(fewer.levels.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('the warm-up each programme defines (rule 1 depends on it)', () => {
  it('every shipped template has a warm-up in plain words, with its minutes', () => {
    for (const p of PROGRAMME_TEMPLATES) {
      expect(p.warmUp.description.length, p.id).toBeGreaterThan(10);
      expect(p.warmUp.minutes, p.id).toBeGreaterThanOrEqual(5);
      expect(p.warmUp.minutes, p.id).toBeLessThanOrEqual(20);
      const { grade } = readingStats(p.warmUp.description);
      expect(grade, `${p.id}: ${p.warmUp.description}`).toBeLessThanOrEqual(6);
    }
    // Trials 2023 Table 1: warm up and stretch for 10 to 15 minutes.
    expect(MILITARY_RETURN_TO_RUN.warmUp.minutes).toBe(10);
    expect(MILITARY_RETURN_TO_RUN.warmUp.description).toMatch(/10 to 15 minutes/);
  });

  it('a programme stored before warm-ups existed still loads, with the default warm-up', () => {
    const { warmUp: _dropped, ...old } = JSON.parse(JSON.stringify(TIME_WALK_RUN)) as Programme;
    const stored = JSON.stringify(old);
    expect(stored).not.toContain('warmUp');
    const loaded = readStoredProgramme(stored);
    expect(loaded.warmUp).toEqual(DEFAULT_WARM_UP);
    expect(loaded.levels).toEqual(TIME_WALK_RUN.levels);
    // The schema accepts it too (the engine checks programmes with it), filling in the default.
    expect(ProgrammeSchema.parse(old).warmUp).toEqual(DEFAULT_WARM_UP);
    // A stored warm-up is kept as it was.
    expect(readStoredProgramme(JSON.stringify(MILITARY_RETURN_TO_RUN)).warmUp).toEqual(MILITARY_RETURN_TO_RUN.warmUp);
  });

  it('asks for a warm-up description and sensible minutes', () => {
    const bad = { ...TIME_WALK_RUN, warmUp: { description: '', minutes: 0 } };
    expect(messages(ProgrammeSchema, bad).join(' ')).toMatch(/warm-up/i);
    expect(messages(ProgrammeSchema, { ...TIME_WALK_RUN, warmUp: { description: 'Walk', minutes: 90 } })).toEqual([
      'A warm-up longer than 60 minutes is a typing slip: check the minutes.',
    ]);
  });
});
