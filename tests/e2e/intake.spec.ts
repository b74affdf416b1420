/**
 * The clinician intake session, as a physiotherapist types it while talking: keyboard only, in
 * the order of the page, ending with readiness, a signed note, and the note in the history.
 */
import { expect, openApp, test } from './fixtures';
import { openEpisode } from './pages/episodes';
import {
  api,
  intakeField,
  intakeSection,
  openSeededIntake,
  quickRows,
  radioGroup,
  readinessResult,
  saveState,
  startIntakeByKeyboard,
  tabTo,
  typeInto,
} from './pages/intake';
import { ACL_KNEE_TESTS, aclDraft, hamstringDraft, navicularDraft, weeksAgo } from './pages/intake-drafts';
import { addPatient, patientHeading } from './pages/patients';
import { setUpClinic } from './pages/setup';
import { hamstringIntake, TYPED_NOTE } from '../helpers/intake';
import { formatDate } from '../../shared/time/dates';

test('clinician intake session: keyboard only, from a new patient to a signed note in the history', async ({
  page,
  app,
}) => {
  // A whole intake typed key by key: on a shared two-core machine this takes longer than the default.
  test.setTimeout(150_000);
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '14/03/1991',
    recordNumber: 'RR-0001',
  });
  await expect(patientHeading(page)).toBeVisible();
  await openEpisode(page, { diagnosis: 'Hamstring strain', side: 'Right', onset: '02/11/2026' });

  // From here on, the keyboard only.
  await startIntakeByKeyboard(page);
  await expect(intakeField(page, 'Diagnosis (required)')).toHaveValue('hamstring_strain');

  // 1. Episode: what the episode already said is filled in; the rest is typed in page order.
  await typeInto(page, intakeField(page, 'Diagnosis detail'), 'Grade 2, sprint finish');
  await tabTo(page, radioGroup(page, 'How it started'));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Sudden (a specific moment)' })).toBeChecked();
  await typeInto(page, intakeField(page, 'How it happened'), 'Felt a pull in the last 200 m of a 10 km race');
  await tabTo(page, radioGroup(page, 'Surgery for this injury'));
  await page.keyboard.press('Space');
  await expect(radioGroup(page, 'Surgery for this injury').getByRole('radio', { name: 'No' })).toBeChecked();

  // 2. Running history.
  await typeInto(page, intakeField(page, 'Years running (required)'), '7.5');
  await typeInto(page, intakeField(page, 'Weekly distance before injury'), '45');

  // 3. Symptoms and the red-flag screen: N answers "no" and moves to the next question.
  await typeInto(page, intakeField(page, 'Pain at rest (0-10) (required)'), '0');
  await typeInto(page, intakeField(page, 'Pain walking (0-10) (required)'), '1');
  await typeInto(page, intakeField(page, 'Pain hopping (0-10)'), '3');
  const flags = quickRows(page, 'red-flags');
  // Every runner's urgent signs and the runner-specific ones; no post-surgery or bone stress questions.
  await expect(flags).toHaveCount(18);
  await tabTo(page, flags.first());
  await page.keyboard.type('n'.repeat(18));
  for (const row of await flags.all()) await expect(row.getByRole('radio', { name: 'No', exact: true })).toBeChecked();

  // 4. LEFS: one digit per item, the focus moves on by itself.
  const lefs = quickRows(page, 'lefs');
  await tabTo(page, lefs.first());
  await page.keyboard.type('44444334344334422124');
  await expect(intakeSection(page, '4. Lower Extremity Functional Scale (LEFS)')).toContainText('LEFS 66/80');

  // 5. PSFS.
  await typeInto(page, intakeField(page, 'Activity 1'), 'Run 30 minutes');
  await typeInto(page, intakeField(page, 'Score 1 (0-10)'), '2');

  // 7. Physical tests. A heel-raise count of -3 is refused beside the field, and what was typed stays.
  const heelLeft = intakeField(page, 'Heel raises, left (reps)');
  await typeInto(page, heelLeft, '-3');
  await expect(page.getByText('Heel raises (left) must be a whole number from 0 to 200.')).toBeVisible();
  await expect(heelLeft).toHaveValue('-3');
  await expect(saveState(page)).toHaveText('Not saved: 1 entry needs fixing');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('25');
  await typeInto(page, intakeField(page, 'Heel raises, right (reps)'), '22');
  await typeInto(page, intakeField(page, 'Single-leg hop, left (cm)'), '150', 6);
  await typeInto(page, intakeField(page, 'Single-leg hop, right (cm)'), '105');
  const tests = intakeSection(page, '7. Physical tests');
  await expect(tests.getByRole('row', { name: /Single-leg hop for distance/ })).toContainText('70%, below 75%');
  await expect(tests.getByRole('row', { name: /heel raises/i })).toContainText('88%, meets 75%');
  await expect(page.getByText('Heel raises (left) must be')).toHaveCount(0);
  await typeInto(page, intakeField(page, 'Brisk walk (minutes)'), '20');
  await tabTo(page, radioGroup(page, 'Brisk walk pain-free'));
  await page.keyboard.press('Space');

  // 7b. The hamstring checks (Heiderscheit 2010): Space answers the first choice, "Pain-free".
  for (const check of [
    'Normal walking stride',
    'Isometric knee flexion at 90°, prone, moderate resistance',
    'Very slow jog',
  ]) {
    await tabTo(page, radioGroup(page, check));
    await page.keyboard.press('Space');
    await expect(radioGroup(page, check).getByRole('radio', { name: 'Pain-free' })).toBeChecked();
  }

  // 8. Readiness: walking stage, with the unmet items named.
  const readiness = intakeSection(page, '8. Readiness to run');
  await expect(readiness.getByRole('status')).toContainText('Walking stage: comfortable, then brisk walking');
  for (const reason of [
    'Brisk walk 20 min is shorter than 30 min.',
    'Hopping pain 3/10 is not below 2/10.',
    'Single-leg hop LSI 70% is below 75%.',
  ]) {
    await expect(readiness.getByRole('listitem').filter({ hasText: reason })).toBeVisible();
  }
  await expect(readiness.getByRole('row', { name: /Hop LSI at least 75%/ })).toContainText('Not met');
  await expect(readiness.getByRole('row', { name: /Heel-raise LSI at least 75%/ })).toContainText('Met');
  await expect(readiness.getByRole('row', { name: /Knee swelling/ })).toContainText('Not applicable');
  await tabTo(page, readiness.getByRole('button', { name: 'Accept walking stage' }));
  await page.keyboard.press('Enter');
  await expect(readiness).toContainText('Recorded: Walking stage (the recommendation)');

  // 9. The note: the clinician's words under what the data wrote.
  await typeInto(page, intakeField(page, 'Assessment'), 'Grade 2 right hamstring strain, improving.');
  await typeInto(page, intakeField(page, 'Plan: your notes'), 'Walking programme; review in one week.');

  // 10. Sign, confirming in the dialog.
  await tabTo(page, page.getByRole('button', { name: 'Sign the intake note' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Sign the note' }), 3);
  await page.keyboard.press('Enter');

  // The signed note is read-only and says who signed.
  const note = page.getByRole('article');
  await expect(note).toContainText('Signed by Priya Shah (Physiotherapist)');
  await expect(note).toContainText(
    'Readiness to run: walking stage (comfortable, then brisk walking); 6 of 9 criteria met',
  );
  await expect(note).toContainText('- Met: Isometric knee flexion at 90 degrees pain-free.');
  await expect(note).toContainText('- Not met: Single-leg hop LSI 70% is below 75%.');
  await expect(note).toContainText('Starting point: walking stage, as the readiness checklist recommends.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
  await expect(page.getByRole('button', { name: 'Sign the intake note' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
  await expect(intakeField(page, 'Years running (required)')).toBeDisabled();
  await expect(intakeField(page, 'Assessment')).toHaveCount(0);

  // The signed note shows in the patient's history.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Zoë Łukasiewicz-Ørsted' })
    .click();
  await expect(patientHeading(page)).toBeVisible();
  await expect(page.getByText(/Intake note signed \d\d\/\d\d\/\d{4} by Priya Shah/)).toBeVisible();
  await page.getByRole('link', { name: 'Hamstring strain, right' }).click();
  await expect(page.getByRole('region', { name: 'Notes' }).getByRole('listitem')).toContainText(['Signed']);
});

test('a signed intake cannot be changed from another window; corrections go in a signed addendum', async ({
  page,
  app,
  context,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  const patient = await api(page, app, 'patients.create', {
    givenName: 'An',
    familyName: 'Nguyễn Văn',
    dateOfBirth: '1986-09-02',
    sex: 'male',
    phone: '',
    email: '',
    recordNumber: 'RR-0002',
    notes: '',
  });
  const episode = await api(page, app, 'episodes.create', {
    patientId: patient.id,
    diagnosis: 'hamstring_strain',
    diagnosisDetail: '',
    side: 'right',
    onsetDate: '2026-01-10',
  });
  const started = await api(page, app, 'intake.start', { episodeId: episode.id });
  const draft = { ...hamstringIntake(), episode: { ...hamstringIntake().episode, onsetDate: '2026-01-10' } };
  const saved = await api(page, app, 'intake.saveDraft', {
    episodeId: episode.id,
    expectedVersion: started.version,
    draft,
    typed: TYPED_NOTE,
  });
  await api(page, app, 'intake.chooseStart', {
    episodeId: episode.id,
    expectedVersion: saved.version,
    choice: { stage: 'walking' },
    reason: '',
  });
  const intakeUrl = `${app.origin}/#/patients/${patient.id}/episodes/${episode.id}/intake`;

  // Two windows on the same draft intake.
  const other = await context.newPage();
  await other.goto(app.url);
  await other.locator('body[data-app-ready="true"]').waitFor();
  await other.goto(intakeUrl);
  await page.goto(intakeUrl);
  await expect(intakeField(other, 'Years running (required)')).toHaveValue('7.5');

  // The first window signs.
  await page.getByRole('button', { name: 'Sign the intake note' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign the note' }).click();
  await expect(page.getByRole('article')).toContainText('Signed by Priya Shah');

  // The second window types: the backend refuses, the typed text stays, and the clinician is told why.
  await intakeField(other, 'Years running (required)').fill('8');
  await expect(other.getByRole('alert').filter({ hasText: 'This intake was signed by Priya Shah' })).toContainText(
    'Add an addendum to its note',
  );
  await expect(intakeField(other, 'Years running (required)')).toHaveValue('8');
  await expect(saveState(other)).toHaveText('Not saved');

  // The correction is an addendum, signed, under the unchanged note.
  const note = page.getByRole('article');
  const before = await note.locator('.note-view__parts').innerText();
  await page.getByRole('button', { name: 'Add an addendum' }).click();
  await page.getByRole('textbox', { name: 'Addendum' }).fill('Correction: 8 years running, not 7.5.');
  await page.getByRole('button', { name: 'Sign the addendum' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign the addendum' }).click();
  await expect(note.getByLabel('Addenda')).toContainText('Addendum 1, signed by Priya Shah');
  await expect(note.getByLabel('Addenda')).toContainText('Correction: 8 years running, not 7.5.');
  expect(await note.locator('.note-view__parts').innerText()).toBe(before);
  await page.reload();
  await expect(page.getByRole('article').getByLabel('Addenda')).toContainText('Correction: 8 years running');
  expect((await api(page, app, 'intake.get', { episodeId: episode.id }))?.draft.runningHistory?.yearsRunning).toBe(7.5);
});

test('bone stress injury at the navicular, 6 weeks in, no imaging clearance: not ready to run; a RED-S yes shows referral advice', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  await openSeededIntake(page, app, navicularDraft(), 'RR-0101');
  const checks = intakeSection(page, '7b. Checks for this diagnosis');
  await expect(checks).toContainText('Navicular is a high-risk site');
  await radioGroup(page, 'Healing confirmed before running').getByRole('radio', { name: 'Not yet' }).check();
  await intakeField(page, 'Pain-free walk phase done (weeks)').fill('1');
  await radioGroup(page, 'Bone tender when the site is pressed').getByRole('radio', { name: 'Not tender' }).check();
  await radioGroup(page, '10-15 hops on the spot, injured leg').getByRole('radio', { name: 'Pain-free' }).check();
  // The RED-S screen by keys: N answers "no" and moves on.
  const redS = quickRows(page, 'red-s');
  await expect(redS).toHaveCount(6);
  await tabTo(page, redS.first());
  await page.keyboard.type('nnnnnn');
  await expect(redS.last().getByRole('radio', { name: 'No', exact: true })).toBeChecked();

  const result = readinessResult(page);
  await expect(result).toContainText('Walking stage');
  await expect(result).not.toContainText('Ready to start running');
  await expect(result).toContainText('No imaging or doctor’s clearance of healing yet (navicular, high-risk site)');
  await expect(result).toContainText('Pain-free walk phase of 1 week is shorter than 2 weeks.');
  const readiness = intakeSection(page, '8. Readiness to run');
  await expect(readiness.getByRole('row', { name: /Healing confirmed on imaging/ })).toContainText('Not met');
  await expect(readiness.getByRole('row', { name: /RED-S/ })).toContainText('Met');

  // A yes to one RED-S question: referral advice, a doctor and a sports dietitian.
  await redS.filter({ hasText: 'Restrictive eating' }).getByRole('radio', { name: 'Yes' }).check();
  await expect(readiness.getByRole('alert', { name: 'Referral advice' })).toContainText(
    'refer to a doctor and a sports dietitian',
  );
  await expect(readiness.getByRole('row', { name: /RED-S/ })).toContainText('Not met');
});

test('ACL reconstruction: ready at 14 weeks with knee range, strength and hops at the thresholds; not at 10 weeks', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  await openSeededIntake(page, app, aclDraft(14), 'RR-0102');
  const tests = intakeSection(page, '7. Physical tests');
  await intakeField(page, 'Quadriceps strength measured with').selectOption({ label: 'Hand-held dynamometer' });
  await intakeField(page, 'Hamstring strength measured with').selectOption({ label: 'Hand-held dynamometer' });
  const k = ACL_KNEE_TESTS;
  for (const limb of ['left', 'right'] as const) {
    await intakeField(page, `Knee flexion, ${limb} (degrees)`).fill(k.flexion[limb]);
    await intakeField(page, `Knee extension deficit, ${limb} (degrees)`).fill(k.extensionDeficit[limb]);
    await intakeField(page, `Quadriceps strength, ${limb} (N)`).fill(k.quadriceps[limb]);
    await intakeField(page, `Hamstring strength, ${limb} (N)`).fill(k.hamstrings[limb]);
  }
  await expect(tests.getByRole('row', { name: /Knee range of motion/ })).toContainText('96.3%, meets 95%');
  await expect(tests.getByRole('row', { name: /Quadriceps strength/ })).toContainText('78.9%, meets 70%');
  await expect(tests.getByRole('row', { name: /Hamstring strength/ })).toContainText('90%, meets 70%');
  await expect(readinessResult(page)).toContainText('Ready to start running at level 1');

  // Ten weeks after surgery: not yet, and the 12-week gate says why.
  const tenWeeks = weeksAgo(10);
  await intakeField(page, 'Date of surgery (required)').fill(formatDate(tenWeeks, 'DD/MM/YYYY'));
  await expect(readinessResult(page)).toContainText('Walking stage');
  await expect(readinessResult(page)).toContainText(`10 weeks since surgery (${tenWeeks}) is fewer than 12 weeks.`);
  await expect(
    intakeSection(page, '8. Readiness to run').getByRole('row', { name: /At least 12 weeks since surgery/ }),
  ).toContainText('Not met');
});

test('a red flag graded "note" holds the intake until the clinician types a reason to go on', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await openSeededIntake(page, app, hamstringDraft(), 'RR-0103');
  const row = quickRows(page, 'red-flags').filter({ hasText: 'Pain above 3/10 while running' });
  await tabTo(page, row, 40);
  await page.keyboard.press('y');
  // The yes opens the reason box, and the focus goes to it.
  const reason = intakeField(page, 'Your reason to go on: pain above 3/10 while running (required)');
  await expect(reason).toBeFocused();
  await expect(row).toContainText('Clinician judges: a reason is needed to go on');
  const banner = page.locator('.page--intake > .red-flag-alert');
  await expect(banner).toContainText('Your judgement: type your reason to go on');
  await expect(readinessResult(page)).toContainText('Not ready to run yet: a red flag needs your judgement');

  await page.keyboard.type('Pain 4/10 only on the last hill, settles within the hour; no other sign.');
  await expect(readinessResult(page)).not.toContainText('Not ready to run');
  await expect(readinessResult(page)).toContainText('Walking stage');
  await expect(banner).toContainText('Noted, going on for your reason');
  await expect(
    intakeSection(page, '8. Readiness to run').getByRole('row', { name: /No red flag holding running/ }),
  ).toContainText('Met');
  await expect(saveState(page)).toHaveText(/^Draft saved/);
});
