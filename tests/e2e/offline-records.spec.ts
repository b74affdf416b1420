/**
 * Offline clinic records: a patient's history (timeline and charts) found by search, a backup, a
 * change, a restore, and the history exactly as it was at backup time.
 */
import { localIsoDate } from '../../main/util/clock';
import { scoreLefs } from '../../shared/clinical/intake/measures/lefs';
import { addDays, formatDate } from '../../shared/time/dates';
import { hamstringIntake } from '../helpers/intake';
import type { Call } from '../helpers/timeline';
import { OVERRIDE_REASON, seedEpisodeHistory, SEEDED_RUNS } from '../helpers/timeline';
import { expect, openApp, test } from './fixtures';
import { chart, historySection, historyText, showAllValueTables, tableRows, timelineEvents } from './pages/history';
import { api } from './pages/intake';
import { addPatient, patientHeading, patientRows, searchPatients } from './pages/patients';
import { backUpNow, confirmRestore, restoreNewestBackup } from './pages/records';
import { CLINIC, setUpClinic } from './pages/setup';

const EPISODE = 'Hamstring strain, right';

test('offline clinic records: the timeline and charts of a patient found by search survive a backup and restore', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const today = localIsoDate(new Date());
  const d = (date: string) => formatDate(date, 'DD/MM/YYYY');

  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '14/03/1991',
    recordNumber: 'RR-0001',
  });
  await expect(patientHeading(page)).toHaveText('Zoë Łukasiewicz-Ørsted');
  const patientId = Number(/#\/patients\/(\d+)/.exec(page.url())?.[1]);
  // The visits are recorded through the preview's API, as the page records them.
  const call: Call = (channel, request) => api(page, app, channel, request);
  const seeded = await seedEpisodeHistory(call, patientId, today);

  // Look the patient up, open the episode, and read its history.
  await searchPatients(page, 'lukasiewicz');
  await patientRows(page).first().click();
  await expect(patientHeading(page)).toHaveText('Zoë Łukasiewicz-Ørsted');
  // From the patient page, the episode's timeline and charts are one click away.
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: EPISODE, exact: true }) })
    .getByRole('link', { name: 'Timeline and charts' })
    .click();
  const history = historySection(page);
  await expect(history.getByRole('heading', { name: 'History: charts and timeline' })).toBeFocused();

  // The charts are drawn: one SVG picture each, titled and described.
  const pain = chart(page, 'Pain and soreness after each run');
  const level = chart(page, 'Running level');
  const lefs = chart(page, 'LEFS (lower extremity function)');
  await expect(history.locator('svg.chart__svg[role="img"]')).toHaveCount(4); // pain, level, LEFS, PSFS
  await expect(pain.locator('svg.chart__svg .mark--during')).toHaveCount(SEEDED_RUNS.length);
  await expect(pain.locator('svg.chart__svg desc')).toContainText(
    `Pain scores of 3 runs from ${d(addDays(today, -12))} to ${d(addDays(today, -5))}; highest 4 out of 10`,
  );
  await expect(level.locator('svg.chart__svg .mark--step-back')).toHaveCount(1);
  await expect(level.locator('svg.chart__svg .mark--override')).toHaveCount(1);
  await expect(level.locator('svg.chart__svg desc')).toContainText('started at level 5');
  const lefsTotal = scoreLefs(hamstringIntake().measures!.lefs!);
  if (!lefsTotal.computable) throw new Error('the seeded LEFS is incomplete');
  await expect(lefs.locator('svg.chart__svg .mcid-line')).toHaveCount(2);

  // The same values, as tables.
  await showAllValueTables(page);
  expect(await tableRows(pain.getByRole('table'))).toEqual([
    [d(addDays(today, -12)), '1/10', '0/10', 'No soreness', 'No soreness', 'No'],
    [d(addDays(today, -9)), '4/10', '3/10', 'Went away, came back', 'No soreness', 'No'],
    [d(addDays(today, -5)), '2/10', '2/10', 'No soreness', 'Not muscular', 'No'],
  ]);
  const levels = await tableRows(level.getByRole('table').first());
  expect(levels.map((r) => r[2])).toEqual(['Programme started', 'Moved up', 'Stepped back', 'Stayed']);
  expect(levels.map((r) => r[3])).toEqual(['', 'The rules', 'The rules', 'The clinician (changed)']);
  expect(await tableRows(lefs.getByRole('table'))).toEqual([
    [d(today), String(lefsTotal.total), 'Intake, this episode', 'First score'],
  ]);

  // The timeline: every kind of event, newest first, with who and the override's reason.
  await expect(timelineEvents(page).first()).toContainText('Handout given');
  await expect(timelineEvents(page).last()).toContainText('Episode opened');
  const changed = timelineEvents(page).filter({ hasText: 'Decision changed' });
  await expect(changed).toContainText(OVERRIDE_REASON);
  await expect(changed).toContainText('by Priya Shah');
  await expect(timelineEvents(page).filter({ hasText: 'Step back' })).toHaveCount(1);
  await expect(timelineEvents(page).filter({ hasText: 'Addendum to the visit note' })).toHaveCount(1);
  await timelineEvents(page)
    .filter({ hasText: 'Visit note signed' })
    .getByRole('link', { name: 'Open the note' })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`#/patients/${patientId}/episodes/${seeded.episodeId}/notes/${seeded.noteId}$`),
  );
  await page.goBack();
  await expect(historySection(page)).toBeVisible();
  const before = await historyText(page);
  // Opened, intake started and signed, programme given, three check-ins, note, addendum, home
  // exercises, handout.
  expect(before.events).toHaveLength(11);

  await backUpNow(page);

  // A change after the backup: another check-in.
  const running = await call('running.episode', { episodeId: seeded.episodeId });
  await call('checkIns.create', {
    episodeId: seeded.episodeId,
    assignmentId: running.assignment!.id,
    report: {
      runDate: addDays(today, -1),
      levelRun: running.state!.progress.currentLevel,
      completed: 'stopped_early',
      warmUp: 'continued',
      cameBackDuringRun: null,
      painStartedInRun: false,
      limp: false,
      nextDay: 'none',
      painDuring: 6,
      painAfter: 6,
      swelling: false,
    },
    entryCheckLevel: null,
    outcome: { kind: 'confirm' },
    correction: null,
    expectedLatestId: running.history.items[0]?.id ?? null,
    shown: null,
  });
  await page.goto(`${app.url.split('#')[0]}#/patients/${patientId}/episodes/${seeded.episodeId}`);
  await expect(chart(page, 'Pain and soreness after each run').locator('svg.chart__svg .mark--during')).toHaveCount(4);

  await restoreNewestBackup(page, CLINIC.password, CLINIC.clinician);
  await confirmRestore(page);

  // Everything as it was: found by search, the same charts, the same values, the same timeline.
  await searchPatients(page, 'zoe');
  await patientRows(page).first().click();
  await page.getByRole('link', { name: EPISODE }).click();
  await expect(chart(page, 'Pain and soreness after each run').locator('svg.chart__svg .mark--during')).toHaveCount(
    SEEDED_RUNS.length,
  );
  const after = await historyText(page);
  expect(after).toEqual(before);
});
