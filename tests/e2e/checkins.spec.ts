/** The check-in visit: the soreness rules applied to the patient's running programme, and the clinician's say. */
import { longDate } from '../../shared/clinical/wording';
import { addDays } from '../../shared/time/dates';
import { localIsoDate } from '../../main/util/clock';
import { expect, openApp, test } from './fixtures';
import { openEpisode } from './pages/episodes';
import { addPatient, patientHeading } from './pages/patients';
import {
  answerCheckIn,
  changeDecision,
  checkInForm,
  decisionPanel,
  giveProgramme,
  historyEntry,
  runningSummary,
} from './pages/running';
import { setUpClinic } from './pages/setup';

const PROGRAMME = 'Walk, then walk/run by time (5 weeks)';
const REASON = 'Soreness came back for the last minute only, 1/10; hamstring strength normal today.';

test('a check-in with warm-up soreness that went away and came back: 2 days off and down a level, changed to stay, with a reason', async ({
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
  await expect(decisionPanel(page)).toContainText('The decision appears here once these are answered');
  await answerCheckIn(page, {
    runDate: 'Yesterday',
    hurtInWarmUp: 'Yes',
    wentAway: 'Yes, it went away',
    cameBack: 'Yes, it came back',
    dayAfter: 'Not sore',
  });
  const decision = decisionPanel(page);
  await expect(decision).toContainText('Rule 3');
  await expect(decision).toContainText('Soreness during the warm-up that goes away but comes back during the session');
  await expect(decision.getByText('2 days off', { exact: true })).toBeVisible();
  await expect(decision).toContainText('Down to level 4: 3 x (3 min walk, 2 min run), easy pace, level ground');
  await expect(decision).toContainText(`Next run: ${longDate(addDays(yesterday, 3))}`);
  await expect(decision).toContainText(
    `Take 2 days off. Your next run can be on ${longDate(addDays(yesterday, 3))}. Go back to Level 4.`,
  );

  // The clinician keeps the patient at level 5: a reason is required.
  await page.getByRole('button', { name: 'Change the decision' }).click();
  await page.getByRole('button', { name: 'Save with my change' }).click();
  await expect(page.getByText('Enter the reason for the change.')).toBeVisible();
  await page.getByRole('button', { name: 'Keep the rules’ decision' }).click();
  await changeDecision(page, { level: 'Level 5 (Week 1)', reason: REASON });

  await expect(page.getByText('Check-in saved: 2 days off, stay at level 5.')).toBeVisible();
  await expect(checkInForm(page)).toHaveCount(0);
  // Both the rules' decision and the change are in the history.
  const entry = historyEntry(page, runTitle);
  await expect(entry).toContainText('Decision changed');
  await expect(entry).toContainText('Rules: Rule 3');
  await expect(entry).toContainText('2 days off, down to level 4');
  await expect(entry).toContainText(`Changed to: 2 days off, stay at level 5. Reason: ${REASON}`);
  await expect(entry).toContainText(
    `Take 2 days off. Your next run can be on ${longDate(addDays(yesterday, 3))}. Stay at Level 5.`,
  );

  // The patient page shows where the patient stands.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Zoë Łukasiewicz-Ørsted' })
    .click();
  await expect(runningSummary(page)).toContainText('Level 5: 3 x (2 min walk, 3 min run), easy pace, level ground');
  await expect(runningSummary(page)).toContainText(`Next run: ${longDate(addDays(yesterday, 3))}`);
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
    'Warm-up pain that goes away but comes back in the run: stop running. Take 3 days off. Then go down 1 level.',
  );
  await editor.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(rules.getByText('Saved "Riverside soreness rules" as version 2.')).toBeVisible();

  await rules.getByLabel('Rule set for new programmes').selectOption({ label: 'Riverside soreness rules' });
  await rules.getByRole('button', { name: 'Make default' }).click();
  await expect(rules.getByText('New programmes now use "Riverside soreness rules".')).toBeVisible();
  await expect(rules.getByRole('listitem').filter({ hasText: 'Clinic copy, version 2' })).toContainText('Default');
});
