/** The check-in visit: the soreness rules applied to the patient's running programme, and the clinician's say. */
import { longDate } from '../../shared/clinical/wording';
import { addDays, formatDate } from '../../shared/time/dates';
import { localIsoDate } from '../../main/util/clock';
import { expect, openApp, test } from './fixtures';
import { openEpisode } from './pages/episodes';
import { addPatient, patientHeading } from './pages/patients';
import {
  answerCheckIn,
  answerQuestion,
  changeDecision,
  checkInForm,
  CLEAN_RUN,
  decisionPanel,
  giveProgramme,
  historyEntry,
  question,
  runningSummary,
  unansweredList,
} from './pages/running';
import { setUpClinic } from './pages/setup';

const PROGRAMME = 'Walk, then walk/run by time (5 weeks)';
const REASON = 'Soreness came back for the last minute only, 1/10; hamstring strength normal today.';

test('a check-in with warm-up soreness that went away and came back: 3 days off and down a level, changed to stay, with a reason', async ({
  page,
  app,
}) => {
  const yesterday = addDays(localIsoDate(new Date()), -1);
  const runTitle = `Run of ${longDate(yesterday)} ${yesterday.slice(0, 4)}`;

  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '14/03/1991',
    recordNumber: 'RR-0001',
  });
  await expect(patientHeading(page)).toBeVisible();
  await openEpisode(page, { diagnosis: 'Hamstring strain', side: 'Right' });
  await expect(page.getByText('No running programme yet.')).toBeVisible();
  await giveProgramme(page, {
    programme: PROGRAMME,
    startLevel: 'Level 5: 3 x (2 min walk, 3 min run), easy pace, level ground (Week 1)',
  });
  await expect(
    page.getByText('Level 5: 3 x (2 min walk, 3 min run), easy pace, level ground (Week 1)', { exact: true }),
  ).toBeVisible();

  // From the patient's page, "New check-in" is one click away.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Zoë Łukasiewicz-Ørsted' })
    .click();
  await expect(runningSummary(page)).toContainText('Level 5: 3 x (2 min walk, 3 min run), easy pace, level ground');
  await expect(runningSummary(page)).toContainText('No run reported yet');
  await runningSummary(page).getByRole('link', { name: 'New check-in' }).click();
  await expect(checkInForm(page)).toBeVisible();
  // The programme's warm-up, just above the warm-up question.
  await expect(checkInForm(page).getByTestId('programme-warm-up')).toHaveText(
    'Warm-up for this programme (5 min): Walk at a brisk pace for 5 minutes.',
  );

  // The decision waits for the answers, then appears as they come in.
  await expect(decisionPanel(page)).toContainText('The decision appears here once every question has an answer');
  await answerCheckIn(page, {
    ...CLEAN_RUN,
    runDate: 'Yesterday',
    warmUp: 'Soreness that went away',
    cameBack: 'Yes, it came back',
    painDuring: 2,
    painAfter: 1,
    completed: 'Stopped early',
  });
  const decision = decisionPanel(page);
  await expect(decision).toContainText('Rule 3');
  await expect(decision).toContainText('Soreness during the warm-up that goes away but comes back during the session');
  await expect(decision.getByText('3 days off', { exact: true })).toBeVisible();
  await expect(decision).toContainText('Down to level 4: 3 x (3 min walk, 2 min run), easy pace, level ground');
  await expect(decision).toContainText(`Next run: ${longDate(addDays(yesterday, 4))}`);
  await expect(decision).toContainText(
    `Take 3 days off. Your next run can be on ${longDate(addDays(yesterday, 4))}. Go back to Level 4.`,
  );

  // The clinician keeps the patient at level 5: a reason is required.
  await page.getByRole('button', { name: 'Change the decision' }).click();
  await page.getByRole('button', { name: 'Save with my change' }).click();
  await expect(page.getByText('Enter the reason for the change.')).toBeVisible();
  await page.getByRole('button', { name: 'Keep the rules’ decision' }).click();
  await changeDecision(page, { level: 'Level 5 (Week 1)', reason: REASON });

  await expect(page.getByText('Check-in saved: 3 days off, stay at level 5.')).toBeVisible();
  await expect(checkInForm(page)).toHaveCount(0);
  // Both the rules' decision and the change are in the history.
  const entry = historyEntry(page, runTitle);
  await expect(entry).toContainText(
    'Sore in the warm-up, went away, came back during the run · pain 2/10 during · pain 1/10 after · nothing the day after · stopped early',
  );
  await expect(entry).toContainText('Decision changed');
  await expect(entry).toContainText('Rules: Rule 3');
  await expect(entry).toContainText('3 days off, down to level 4');
  await expect(entry).toContainText(`Changed to: 3 days off, stay at level 5. Reason: ${REASON}`);
  await expect(entry).toContainText(
    `Take 3 days off. Your next run can be on ${longDate(addDays(yesterday, 4))}. Stay at Level 5.`,
  );

  // The patient page shows where the patient stands.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Zoë Łukasiewicz-Ørsted' })
    .click();
  await expect(runningSummary(page)).toContainText('Level 5: 3 x (2 min walk, 3 min run), easy pace, level ground');
  await expect(runningSummary(page)).toContainText(`Next run: ${longDate(addDays(yesterday, 4))}`);
});

test('every question answered: a clean run moves up, "not known" swelling holds and says what to ask, pain that started mid-run with a limp is rule 7', async ({
  page,
  app,
}) => {
  const today = localIsoDate(new Date());
  const typed = (daysAgo: number) => formatDate(addDays(today, -daysAgo), 'DD/MM/YYYY');
  const runOf = (daysAgo: number) => {
    const date = addDays(today, -daysAgo);
    return `Run of ${longDate(date)} ${date.slice(0, 4)}`;
  };
  const saveCheckIn = async () => {
    await checkInForm(page).getByRole('button', { name: 'Confirm and save' }).click();
    await expect(checkInForm(page)).toHaveCount(0);
  };
  const newCheckIn = async () => {
    await page.getByRole('button', { name: 'New check-in' }).click();
    await expect(checkInForm(page)).toBeVisible();
  };

  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Kwame',
    familyName: 'Mensah',
    dateOfBirth: '02/07/1988',
    recordNumber: 'RR-0002',
  });
  await openEpisode(page, { diagnosis: 'Hamstring strain', side: 'Left' });
  await giveProgramme(page, {
    programme: PROGRAMME,
    startLevel: 'Level 5: 3 x (2 min walk, 3 min run), easy pace, level ground (Week 1)',
  });

  // (a) A clean run, every question answered: up a level.
  await newCheckIn();
  const decision = decisionPanel(page);
  await answerCheckIn(page, { ...CLEAN_RUN, runDate: typed(6) });
  await expect(decision).toContainText('Rule 5');
  await expect(decision).toContainText('Up to level 6');
  await expect(decision).not.toContainText('calls the clinic');
  await saveCheckIn();
  await expect(historyEntry(page, runOf(6))).toContainText(
    'No soreness in the warm-up · pain 0/10 during · pain 0/10 after · nothing the day after',
  );

  // (c) Swelling not known: the level holds, and the decision names the answer to ask for.
  await newCheckIn();
  await checkInForm(page).getByLabel('Date of the run').fill(typed(4));
  await expect(unansweredList(page)).toContainText('Swelling');
  // Only the soreness answers: no decision, and the questions left are listed (it used to move the runner up).
  await answerQuestion(page, 'Soreness in the warm-up', CLEAN_RUN.warmUp);
  await answerQuestion(page, 'Soreness the day after, and where', CLEAN_RUN.dayAfter);
  await expect(unansweredList(page).getByRole('listitem')).toHaveText([
    'Pain that started during the run',
    'Pain during the run (0-10)',
    'Pain after the run (0-10)',
    'Swelling',
    'Limp or changed stride',
    'Session completed as written',
  ]);
  await expect(decision).not.toContainText('Rule 5');
  await answerQuestion(page, 'Pain that started during the run', CLEAN_RUN.painStartedInRun);
  await answerQuestion(page, 'Pain during the run (0-10)', CLEAN_RUN.painDuring);
  await answerQuestion(page, 'Pain after the run (0-10)', CLEAN_RUN.painAfter);
  await answerQuestion(page, 'Limp or changed stride', CLEAN_RUN.limp);
  await answerQuestion(page, 'Session completed as written', CLEAN_RUN.completed);
  await expect(unansweredList(page).getByRole('listitem')).toHaveText(['Swelling']);
  // By keyboard: the list takes the clinician to the question; the arrow keys choose "Not known".
  await unansweredList(page).getByRole('button', { name: 'Swelling' }).focus();
  await page.keyboard.press('Enter');
  await expect(question(page, 'Swelling').getByRole('radio', { name: 'No', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(question(page, 'Swelling').getByRole('radio', { name: 'Not known' })).toBeChecked();
  await expect(decision).toContainText('Rule 5');
  await expect(decision).toContainText('Stay at level 6');
  await expect(decision).toContainText('Held at level 6:');
  await expect(decision).toContainText('Swelling is not known');
  await expect(decision).toContainText('Ask the patient about swelling');
  await saveCheckIn();
  await expect(historyEntry(page, runOf(4))).toContainText('not known: swelling');

  // (b) Pain that started mid-run and a limp: rule 7, down two levels, call the clinic.
  await newCheckIn();
  await answerCheckIn(page, {
    runDate: 'Yesterday',
    warmUp: 'No soreness',
    painStartedInRun: 'Yes',
    painDuring: 3,
    painAfter: 2,
    dayAfter: 'Soreness at the injury site',
    swelling: 'No',
    limp: 'Yes',
    completed: 'Stopped early',
  });
  await expect(decision).toContainText('Rule 7');
  await expect(decision).toContainText('Down to level 4');
  await expect(decision).toContainText('The patient calls the clinic before running again');
  await expect(decision).toContainText('Call the clinic before you run again.');
  await saveCheckIn();
  const lastRun = historyEntry(page, runOf(1));
  await expect(lastRun).toContainText('Rules: Rule 7');
  await expect(lastRun).toContainText('down to level 4');
  await expect(lastRun).toContainText('limp or changed stride');
});

test('a clinic copies the soreness rules, tunes rule 3 and makes the copy its default', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const rules = page.getByRole('region', { name: 'Soreness rules', exact: true });
  await rules.getByRole('button', { name: 'Copy to tune Soreness rules (clinic article)' }).click();
  await rules.getByLabel('Name of the copy').fill('Riverside soreness rules');
  await rules.getByRole('button', { name: 'Make the copy' }).click();

  const editor = page.getByRole('form', { name: 'Edit the rule set Riverside soreness rules' });
  const rule3 = editor.getByRole('group', { name: /^Rule 3:/ });
  await rule3.getByLabel('Days off').fill('three');
  await editor.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(rule3.getByText('Enter the days off (0 for none).')).toBeVisible();
  await rule3.getByLabel('Days off').fill('3');
  await expect(editor).toContainText(
    'Pain in the warm-up that goes away, then comes back in the run: Stop running. Take 4 days off. Then go back to Level 1.',
  );
  // Down two levels, and the patient calls the clinic: the self-check says so at once.
  await expect(rule3.getByLabel('Level change').locator('option')).toHaveText([
    'Down 2 levels',
    'Down 1 level',
    'Stay at the same level',
  ]);
  await rule3.getByLabel('Level change').selectOption({ label: 'Down 2 levels' });
  await rule3.getByLabel('Call the clinic').check();
  await expect(editor).toContainText(
    'Pain in the warm-up that goes away, then comes back in the run: Stop running. Take 4 days off. Then go back to Level 1. Call us before you run again.',
  );
  // Only the no-soreness rule moves up.
  await expect(
    editor
      .getByRole('group', { name: /^Rule 5:/ })
      .getByLabel('Level change')
      .locator('option'),
  ).toHaveText(['Stay at the same level', 'Move up 1 level']);
  const strainSite = editor.getByLabel('Soreness at the injury site after a muscle strain counts as');
  await expect(strainSite.locator('option')).toHaveText([
    'Rule 2: no days off, stay at the same level',
    'Rule 4: 1 day off, stay at the same level',
  ]);
  await expect(strainSite).toHaveValue('warm_up_went_away');
  await strainSite.selectOption({ label: 'Rule 4: 1 day off, stay at the same level' });
  await editor.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(rules.getByText('Saved "Riverside soreness rules" as version 2.')).toBeVisible();

  const copy = rules.getByRole('listitem').filter({ hasText: 'Clinic copy, version 2' });
  await copy.getByText("Rules and the patient's self-check").click();
  await expect(copy.getByRole('row', { name: /^3 / })).toHaveText(
    /3.*comes back during the session.*3 days off.*Down 2 levels.*Yes.*Yes/,
  );
  await expect(copy).toContainText('soreness at the injury site after a muscle strain counts as rule 4.');

  await rules.getByLabel('Rule set for new programmes').selectOption({ label: 'Riverside soreness rules' });
  await rules.getByRole('button', { name: 'Make default' }).click();
  await expect(rules.getByText('New programmes now use "Riverside soreness rules".')).toBeVisible();
  await expect(rules.getByRole('listitem').filter({ hasText: 'Clinic copy, version 2' })).toContainText('Default');
});
