/**
 * The episode history builder: events in order (newest first), overrides shown with their reason,
 * step-backs and rest days in the level series, the LEFS meaningful-change band, an empty episode.
 */
import { describe, expect, it } from 'vitest';
import type { CheckInFact, TimelineFacts } from '../../../shared/records/timeline-facts';
import { buildTimeline } from '../../../shared/records/timeline';
import { levelChangeWords } from '../../../shared/records/timeline-events';

function emptyFacts(): TimelineFacts {
  return {
    episode: {
      id: 7,
      patientId: 3,
      title: 'Right hamstring strain',
      openedOn: '2026-10-01',
      createdAt: '2026-10-01T09:00:00.000Z',
      createdBy: 'Priya Shah',
    },
    statusChanges: [],
    intake: null,
    notes: [],
    addenda: [],
    assignments: [],
    checkIns: [],
    prescriptions: [],
    handouts: [],
    measures: [],
  };
}

function checkIn(id: number, runDate: string, over: Partial<CheckInFact> = {}): CheckInFact {
  return {
    id,
    assignmentId: 1,
    recordedOn: runDate,
    createdAt: `${runDate}T12:00:00.000Z`,
    recordedBy: 'Priya Shah',
    runDate,
    warmUp: 'none',
    cameBack: false,
    nextDay: 'none',
    painDuring: 1,
    painAfter: 0,
    swelling: false,
    levelBefore: 3,
    governingRule: 5,
    ruleCondition: 'No soreness',
    ruleSetName: 'Soreness rules (clinic article)',
    engineLevelAfter: 4,
    engineDaysOff: 0,
    override: null,
    levelAfter: 4,
    daysOff: 0,
    nextRunDate: '2026-12-31',
    complete: false,
    correctsId: null,
    correctsRunDate: null,
    correctionReason: '',
    correctedById: null,
    ...over,
  };
}

function fullFacts(): TimelineFacts {
  return {
    ...emptyFacts(),
    statusChanges: [
      { id: 90, action: 'discharge', date: '2026-11-20', at: '2026-11-20T16:00:00.000Z', by: 'Tomás Herrera' },
    ],
    intake: {
      id: 1,
      noteId: 11,
      visitDate: '2026-10-01',
      startedOn: '2026-10-01',
      startedAt: '2026-10-01T09:05:00.000Z',
      startedBy: 'Priya Shah',
      status: 'signed',
      signedOn: '2026-10-01',
      signedAt: '2026-10-01T09:50:00.000Z',
      signedBy: 'Priya Shah',
      startingPoint: 'Running level 3',
    },
    notes: [
      {
        id: 11,
        kind: 'intake',
        visitDate: '2026-10-01',
        status: 'signed',
        createdBy: 'Priya Shah',
        createdAt: '2026-10-01T09:05:00.000Z',
        signedOn: '2026-10-01',
        signedAt: '2026-10-01T09:50:00.000Z',
        signerName: 'Priya Shah',
      },
      {
        id: 12,
        kind: 'visit',
        visitDate: '2026-10-08',
        status: 'signed',
        createdBy: 'Tomás Herrera',
        createdAt: '2026-10-08T10:00:00.000Z',
        signedOn: '2026-10-08',
        signedAt: '2026-10-08T10:30:00.000Z',
        signerName: 'Tomás Herrera',
      },
    ],
    addenda: [
      {
        id: 5,
        noteId: 12,
        noteKind: 'visit',
        noteVisitDate: '2026-10-08',
        signedOn: '2026-10-09',
        signedAt: '2026-10-09T08:00:00.000Z',
        signerName: 'Priya Shah',
      },
    ],
    assignments: [
      {
        id: 1,
        programmeName: 'Walk, then walk/run by time (5 weeks)',
        levelCount: 15,
        startLevel: 3,
        assignedOn: '2026-10-01',
        createdAt: '2026-10-01T09:55:00.000Z',
        assignedBy: 'Priya Shah',
        reason: '',
      },
    ],
    checkIns: [
      checkIn(21, '2026-10-03'),
      checkIn(22, '2026-10-06', {
        levelBefore: 4,
        warmUp: 'went_away',
        cameBack: true,
        governingRule: 3,
        ruleCondition: 'Soreness in the warm-up that goes away but comes back',
        engineLevelAfter: 3,
        engineDaysOff: 2,
        levelAfter: 3,
        daysOff: 2,
        painDuring: 4,
        painAfter: 3,
      }),
      checkIn(23, '2026-10-09', {
        levelBefore: 3,
        nextDay: 'not_muscular',
        governingRule: 4,
        engineLevelAfter: 3,
        engineDaysOff: 1,
        override: { level: 4, daysOff: 0, reason: 'Tendon pain settled within the hour; strength normal.' },
        levelAfter: 4,
        daysOff: 0,
      }),
    ],
    prescriptions: [
      {
        id: 31,
        version: 1,
        savedOn: '2026-10-01',
        savedAt: '2026-10-01T10:00:00.000Z',
        savedBy: 'Priya Shah',
        exerciseNames: ['Side plank on knees', 'Knee-to-wall'],
      },
    ],
    handouts: [
      {
        id: 41,
        issuedOn: '2026-10-01',
        issuedAt: '2026-10-01T10:05:00.000Z',
        issuedBy: 'Priya Shah',
        levelSummary: 'Level 3 of 15',
        exerciseNames: ['Side plank on knees', 'Knee-to-wall'],
        pageCount: 4,
      },
    ],
    measures: [
      {
        episodeId: 7,
        episodeTitle: 'Right hamstring strain',
        date: '2026-10-01',
        signed: true,
        lefs: 52,
        visaA: null,
        psfs: 2,
      },
      {
        episodeId: 2,
        episodeTitle: 'Left calf strain',
        date: '2025-03-01',
        signed: true,
        lefs: 70,
        visaA: null,
        psfs: null,
      },
    ],
  };
}

describe('buildTimeline: events', () => {
  it('puts every kind of event in one list, newest first, ties broken by the time of day', () => {
    const t = buildTimeline(fullFacts(), 'DD/MM/YYYY');
    expect(t.events.map((e) => e.key)).toEqual([
      'episode_discharged-90',
      'check_in-23',
      'addendum-5',
      'note-12',
      'check_in-22',
      'check_in-21',
      'handout-41',
      'prescription-31',
      'programme_assigned-1',
      'intake_signed-1',
      'intake_started-1',
      'episode_opened-7',
    ]);
    // The intake's own note is told by the intake's events, not twice.
    expect(t.events.some((e) => e.key === 'note-11')).toBe(false);
    const dates = t.events.map((e) => e.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('shows an override beside the rules’ decision, with the recorded reason and who recorded it', () => {
    const t = buildTimeline(fullFacts(), 'DD/MM/YYYY');
    const e = t.events.find((x) => x.key === 'check_in-23')!;
    expect(e.title).toBe('Check-in: up to level 4');
    expect(e.by).toBe('Priya Shah');
    expect(e.badges).toContainEqual({ label: 'Decision changed', tone: 'override' });
    expect(e.details.join('\n')).toContain(
      'Decision changed by the clinician: level 4, 0 days off (the rules said level 3, 1 day off). ' +
        'Reason: “Tendon pain settled within the hour; strength normal.”',
    );
    expect(e.details.join('\n')).toContain('Rule 4 (Soreness rules (clinic article))');
    expect(e.link).toEqual({ to: 'section', section: 'running' });
  });

  it('names a step-back and its days off, and the soreness reported, in words', () => {
    const e = buildTimeline(fullFacts(), 'DD/MM/YYYY').events.find((x) => x.key === 'check_in-22')!;
    expect(e.title).toBe('Check-in: stepped back to level 3');
    expect(e.badges.map((b) => b.label)).toEqual(['Step back', '2 days off']);
    expect(e.details[0]).toBe(
      'Run of 06/10/2026: soreness in the warm-up that went away and came back, no soreness the day after, pain during 4/10, pain after 3/10.',
    );
  });

  it('links notes, addenda and the intake to where they are read', () => {
    const t = buildTimeline(fullFacts(), 'YYYY-MM-DD');
    expect(t.events.find((e) => e.key === 'note-12')?.link).toEqual({ to: 'note', noteId: 12 });
    expect(t.events.find((e) => e.key === 'addendum-5')).toMatchObject({
      title: 'Addendum to the visit note',
      by: 'Priya Shah',
      link: { to: 'note', noteId: 12 },
    });
    expect(t.events.find((e) => e.key === 'intake_signed-1')).toMatchObject({
      details: ['Starting point: Running level 3.'],
      link: { to: 'intake' },
    });
    expect(t.events.find((e) => e.key === 'episode_discharged-90')?.by).toBe('Tomás Herrera');
  });

  it('marks a corrected entry and its correction, and leaves the corrected one out of the charts', () => {
    const facts = fullFacts();
    facts.checkIns[0] = { ...facts.checkIns[0]!, correctedById: 24 };
    facts.checkIns.push(
      checkIn(24, '2026-10-03', {
        correctsId: 21,
        correctsRunDate: '2026-10-03',
        correctionReason: 'Typed the wrong day',
        painDuring: 2,
      }),
    );
    const t = buildTimeline(facts, 'DD/MM/YYYY');
    expect(t.events.find((e) => e.key === 'check_in-21')?.badges).toContainEqual({
      label: 'Corrected later',
      tone: 'warning',
    });
    expect(t.events.find((e) => e.key === 'check_in-24')?.details.join(' ')).toContain(
      'Corrects the entry for the run of 03/10/2026. Reason: “Typed the wrong day”',
    );
    expect(t.series.pain.map((p) => p.checkInId)).toEqual([24, 22, 23]);
  });

  it('adds a "programme complete" event for a standing check-in that completes it', () => {
    const facts = fullFacts();
    facts.checkIns.push(
      checkIn(25, '2026-11-01', { levelBefore: 15, levelAfter: 15, engineLevelAfter: 15, complete: true }),
    );
    const t = buildTimeline(facts, 'DD/MM/YYYY');
    expect(t.events.find((e) => e.key === 'check_in-25')?.title).toBe('Check-in: programme complete at level 15');
    expect(t.events.find((e) => e.key === 'programme_complete-25')?.title).toBe('Running programme complete');
    expect(levelChangeWords(3, 3, false)).toBe('stays at level 3');
    // Runs after the programme is complete do not complete it again.
    facts.checkIns.push(
      checkIn(26, '2026-11-04', { levelBefore: 15, levelAfter: 15, engineLevelAfter: 15, complete: true }),
    );
    const again = buildTimeline(facts, 'DD/MM/YYYY');
    expect(again.events.filter((e) => e.kind === 'programme_complete').map((e) => e.key)).toEqual([
      'programme_complete-25',
    ]);
  });
});

describe('buildTimeline: chart series', () => {
  it('gives pain and soreness per standing run, in run order', () => {
    const t = buildTimeline(fullFacts(), 'DD/MM/YYYY');
    expect(t.series.pain).toEqual([
      {
        checkInId: 21,
        runDate: '2026-10-03',
        painDuring: 1,
        painAfter: 0,
        warmUp: 'none',
        cameBack: false,
        nextDay: 'none',
        swelling: false,
      },
      {
        checkInId: 22,
        runDate: '2026-10-06',
        painDuring: 4,
        painAfter: 3,
        warmUp: 'went_away',
        cameBack: true,
        nextDay: 'none',
        swelling: false,
      },
      {
        checkInId: 23,
        runDate: '2026-10-09',
        painDuring: 1,
        painAfter: 0,
        warmUp: 'none',
        cameBack: false,
        nextDay: 'not_muscular',
        swelling: false,
      },
    ]);
  });

  it('draws the level as steps from the starting level, with step-backs and rest days', () => {
    const { level } = buildTimeline(fullFacts(), 'DD/MM/YYYY').series;
    expect(level.levelCount).toBe(15);
    expect(level.points.map((p) => [p.date, p.level, p.change, p.override])).toEqual([
      ['2026-10-01', 3, 'start', false],
      ['2026-10-03', 4, 'up', false],
      ['2026-10-06', 3, 'down', false],
      ['2026-10-09', 4, 'up', true],
    ]);
    expect(level.stepBacks).toEqual([{ checkInId: 22, date: '2026-10-06', from: 4, to: 3 }]);
    // Two days off after the run of 6 October: the 7th and the 8th.
    expect(level.rests).toEqual([{ checkInId: 22, from: '2026-10-07', to: '2026-10-08', days: 2 }]);
  });

  it('ends a day on the programme given that day, after a run of the one before', () => {
    const facts = fullFacts();
    const first = facts.assignments[0]!;
    facts.assignments = [
      first,
      {
        ...first,
        id: 2,
        programmeName: 'Distance',
        startLevel: 1,
        assignedOn: '2026-10-09',
        createdAt: '2026-10-09T15:00:00.000Z',
      },
    ];
    const { level } = buildTimeline(facts, 'DD/MM/YYYY').series;
    expect(level.points.slice(-2).map((p) => [p.date, p.level, p.change])).toEqual([
      ['2026-10-09', 4, 'up'],
      ['2026-10-09', 1, 'start'],
    ]);
  });

  it('draws the LEFS meaningful-change band (9 points) around the first score, earlier episodes first', () => {
    const { outcomes } = buildTimeline(fullFacts(), 'DD/MM/YYYY').series;
    expect(outcomes.lefs).toEqual([
      { date: '2025-03-01', value: 70, label: 'Intake, earlier episode: Left calf strain', thisEpisode: false },
      { date: '2026-10-01', value: 52, label: 'Intake, this episode', thisEpisode: true },
    ]);
    expect(outcomes.lefsBand).toEqual({ baseline: 70, date: '2025-03-01', meaningfulChange: 9, lower: 61, upper: 79 });
    expect(outcomes.psfs).toEqual([{ date: '2026-10-01', value: 2, label: 'Intake, this episode', thisEpisode: true }]);
    expect(outcomes.visaA).toEqual([]);
  });

  it("says each measure's change since the first score, against its minimal important change", () => {
    const facts = emptyFacts();
    facts.measures = [
      { episodeId: 3, episodeTitle: 'Left Achilles', date: '2025-03-01', signed: true, lefs: 52, visaA: 48, psfs: 3 },
      { episodeId: 7, episodeTitle: '', date: '2026-10-01', signed: true, lefs: 63, visaA: 53, psfs: 5.5 },
    ];
    const { outcomes } = buildTimeline(facts, 'DD/MM/YYYY').series;
    expect(outcomes.changes.map((c) => [c.measure, c.words, c.reached])).toEqual([
      ['lefs', 'LEFS 52 -> 63: +11, more than the 9-point minimal important change', true],
      ['psfs', 'PSFS average 3 -> 5.5: +2.5, more than the 2-point minimal important change', true],
      ['visaA', 'VISA-A 48 -> 53: +5, less than the 6.5-point minimal important change', false],
    ]);
    expect(outcomes.changes[0]).toMatchObject({ fromDate: '2025-03-01', toDate: '2026-10-01' });
    // Bands for VISA-A and the PSFS too, kept inside their scales.
    expect(outcomes.visaABand).toEqual({
      baseline: 48,
      date: '2025-03-01',
      meaningfulChange: 6.5,
      lower: 41.5,
      upper: 54.5,
    });
    expect(outcomes.psfsBand).toEqual({ baseline: 3, date: '2025-03-01', meaningfulChange: 2, lower: 1, upper: 5 });
  });

  it('gives no change with one score only', () => {
    const { outcomes } = buildTimeline(fullFacts(), 'DD/MM/YYYY').series;
    expect(outcomes.changes.map((c) => c.measure)).toEqual(['lefs']);
  });

  it('keeps the band inside 0-80', () => {
    const facts = emptyFacts();
    facts.measures = [
      { episodeId: 7, episodeTitle: '', date: '2026-10-01', signed: false, lefs: 76, visaA: null, psfs: null },
    ];
    const { outcomes } = buildTimeline(facts, 'DD/MM/YYYY').series;
    expect(outcomes.lefsBand).toMatchObject({ baseline: 76, lower: 67, upper: 80 });
    expect(outcomes.lefs[0]?.label).toBe('Intake, this episode (draft)');
  });
});

describe('buildTimeline: an empty episode', () => {
  it('has only its opening, and empty series', () => {
    const t = buildTimeline(emptyFacts(), 'DD/MM/YYYY');
    expect(t.events).toEqual([
      {
        key: 'episode_opened-7',
        kind: 'episode_opened',
        date: '2026-10-01',
        at: '2026-10-01T09:00:00.000Z',
        title: 'Episode opened',
        details: ['Right hamstring strain'],
        by: 'Priya Shah',
        badges: [],
        link: null,
      },
    ]);
    expect(t.series).toEqual({
      pain: [],
      level: { levelCount: null, points: [], rests: [], stepBacks: [] },
      outcomes: { lefs: [], lefsBand: null, visaA: [], visaABand: null, psfs: [], psfsBand: null, changes: [] },
    });
  });
});
